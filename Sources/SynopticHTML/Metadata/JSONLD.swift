import Foundation

/// What a page's schema.org JSON-LD says about its article.
struct JSONLDArticle {
    var headline: String?
    /// Authors typed `Person`, or untyped: candidates for people's names.
    var personAuthors: [String] = []
    /// Authors typed as an organisation: never people, but they name the outlet.
    var organizationAuthors: [String] = []
    var publisher: String?
    var published: [String] = []
    var modified: String?
    var url: String?
    var language: String?
    var description: String?
    var articleBody: String?
}

/// Reads `<script type="application/ld+json">` blocks as JSON data, nothing else.
///
/// Pages wrap their JSON-LD in HTML comments or CDATA, leave raw newlines inside strings and
/// trailing commas after the last member; one tolerant repair is tried before a block is skipped.
enum JSONLD {
    /// The article object among the blocks: the first typed `…Article` or `…Posting`, else the
    /// first `…Page` as a weaker fallback.
    static func article(in blocks: [String]) -> JSONLDArticle? {
        var typed: [[String: Any]] = []
        var byID: [String: [String: Any]] = [:]
        for block in blocks {
            guard let root = parse(block) else { continue }
            collect(root, into: &typed, byID: &byID, depth: 0)
        }
        let chosen =
            typed.first { types(of: $0).contains(where: isArticleType) }
            ?? typed.first { types(of: $0).contains { $0.hasSuffix("Page") } }
        guard let object = chosen else { return nil }
        return read(object, byID: byID)
    }

    // MARK: - Parsing

    static func parse(_ block: String) -> Any? {
        let unwrapped = stripWrappers(block)
        if let data = unwrapped.data(using: .utf8), let value = try? JSONSerialization.jsonObject(with: data) {
            return value
        }
        return try? JSONSerialization.jsonObject(with: Data(repaired(Array(unwrapped.utf8))))
    }

    private static let openers = ["<!--", "//<![CDATA[", "/*<![CDATA[*/", "<![CDATA["]
    private static let closers = ["-->", "//]]>", "/*]]>*/", "]]>", ";"]

    /// Removes the comment and CDATA wrappers pages put around script content.
    private static func stripWrappers(_ block: String) -> String {
        // Trimming through Substring views: Foundation's trimming copies a large block through NSString.
        var text = block.trimmingASCIISpaces
        var changed = true
        while changed {
            changed = false
            for opener in openers where text.hasPrefix(opener) {
                text = text.dropFirst(opener.count).drop(while: \.isWhitespace)
                changed = true
            }
            for closer in closers where text.hasSuffix(closer) {
                text = text.dropLast(closer.count).trimmingASCIISpaces
                changed = true
            }
        }
        return String(text)
    }

    /// Replaces control characters inside strings with spaces and drops commas before `}` or `]`.
    private static func repaired(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var inString = false
        var escaped = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                output.append(byte < 0x20 ? 0x20 : byte)
                continue
            }
            if byte == UInt8(ascii: "\"") { inString = true }
            if byte == UInt8(ascii: ",") {
                var next = index
                while next < bytes.count, bytes[next] <= 0x20 { next += 1 }
                if next < bytes.count, bytes[next] == UInt8(ascii: "}") || bytes[next] == UInt8(ascii: "]") { continue }
            }
            output.append(byte)
        }
        return output
    }

    // MARK: - Finding the article

    /// Typed objects at the top level, in arrays, in `@graph` and in `mainEntity`, in document
    /// order; other nesting (`hasPart`, `itemListElement`) holds other articles, not this one.
    private static func collect(_ value: Any, into typed: inout [[String: Any]], byID: inout [String: [String: Any]], depth: Int) {
        guard depth < 8 else { return }
        if let array = value as? [Any] {
            for element in array { collect(element, into: &typed, byID: &byID, depth: depth + 1) }
            return
        }
        guard let object = value as? [String: Any] else { return }
        if object["@type"] != nil { typed.append(object) }
        if let id = object["@id"] as? String, object.count > 1 { byID[id] = object }
        for key in ["@graph", "mainEntity"] {
            if let nested = object[key] { collect(nested, into: &typed, byID: &byID, depth: depth + 1) }
        }
    }

    /// `@type` as a string or an array, with any `schema:` or URL prefix removed.
    static func types(of object: [String: Any]) -> [String] {
        let raw = (object["@type"] as? [Any])?.compactMap { $0 as? String } ?? [object["@type"] as? String].compactMap { $0 }
        return raw.map { type in
            String(type.split(whereSeparator: { $0 == "/" || $0 == ":" || $0 == "#" }).last ?? Substring(type))
        }
    }

    private static func isArticleType(_ type: String) -> Bool { type.hasSuffix("Article") || type.hasSuffix("Posting") }

    private static let organizationTypes: Set<String> = [
        "Organization", "NewsMediaOrganization", "Corporation", "EducationalOrganization", "GovernmentOrganization",
        "NGO", "LocalBusiness", "Brand", "WebSite",
    ]

    // MARK: - Reading fields

    private static func read(_ object: [String: Any], byID: [String: [String: Any]]) -> JSONLDArticle {
        var article = JSONLDArticle()
        article.headline = text(object["headline"]) ?? text(object["name"])
        for author in list(object["author"]) {
            if let name = text(author) {
                article.personAuthors.append(name)
            } else if let person = resolved(author, byID: byID), let name = text(person["name"]) {
                if types(of: person).contains(where: organizationTypes.contains) {
                    article.organizationAuthors.append(name)
                } else {
                    article.personAuthors.append(name)
                }
            }
        }
        article.publisher = list(object["publisher"]).lazy.compactMap { text($0) ?? resolved($0, byID: byID).flatMap { text($0["name"]) } }.first
        article.published = [object["datePublished"], object["dateCreated"]].compactMap(text)
        article.modified = text(object["dateModified"])
        article.url = link(object["url"]) ?? link(object["mainEntityOfPage"])
        article.language = text(object["inLanguage"]) ?? (object["inLanguage"] as? [String: Any]).flatMap { text($0["alternateName"]) }
        article.description = text(object["description"])
        article.articleBody = text(object["articleBody"])
        return article
    }

    private static func list(_ value: Any?) -> [Any] {
        guard let value else { return [] }
        return value as? [Any] ?? [value]
    }

    /// An object, following an `{"@id": …}` reference into the page's `@graph`.
    private static func resolved(_ value: Any, byID: [String: [String: Any]]) -> [String: Any]? {
        guard let object = value as? [String: Any] else { return nil }
        if object["name"] == nil, let id = object["@id"] as? String, let target = byID[id] { return target }
        return object
    }

    /// A non-empty string, or the first of an array of strings; entities some CMSs leave in are decoded.
    private static func text(_ value: Any?) -> String? {
        let raw = (value as? String) ?? (value as? [Any])?.first as? String
        guard let trimmed = raw.map({ String($0.trimmingASCIISpaces) }), !trimmed.isEmpty else { return nil }
        return trimmed.contains("&") ? decodingEntities(trimmed) : trimmed
    }

    /// A URL given as a string or as an object with `@id` or `url`.
    private static func link(_ value: Any?) -> String? {
        if let object = value as? [String: Any] { return text(object["@id"]) ?? text(object["url"]) }
        return text(value)
    }

    /// Decoding is one pass, so an escaped entity (`&amp;quot;`) is decoded once, not twice.
    private static let entities: [(String, String)] = [
        ("&quot;", "\""), ("&#39;", "'"), ("&#039;", "'"), ("&#x27;", "'"), ("&apos;", "'"), ("&lt;", "<"), ("&gt;", ">"),
        ("&nbsp;", " "), ("&#8217;", "’"), ("&rsquo;", "’"), ("&#8216;", "‘"), ("&lsquo;", "‘"), ("&#8220;", "“"),
        ("&ldquo;", "“"), ("&#8221;", "”"), ("&rdquo;", "”"), ("&#8211;", "–"), ("&ndash;", "–"), ("&#8212;", "—"),
        ("&mdash;", "—"), ("&amp;", "&"),
    ]

    /// One pass over the text: each `&` is matched against the table once.
    private static func decodingEntities(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            let tail = rest[ampersand...]
            if let (entity, replacement) = entities.first(where: { tail.hasPrefix($0.0) }) {
                result += replacement
                rest = tail.dropFirst(entity.count)
            } else {
                result += "&"
                rest = tail.dropFirst()
            }
        }
        result += rest
        return result
    }
}
