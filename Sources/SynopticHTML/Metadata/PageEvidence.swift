import CLibXML2

/// Everything one walk over the tree finds about the page's metadata, before any choice is made.
///
/// The walk is cheap beside parsing: an element's name is classified once per distinct name
/// pointer (libxml2 interns names), attributes are compared as bytes, and Strings are made only
/// for the few elements that carry metadata. Script content is never read, except JSON-LD blocks
/// as data; text is read only from `<title>`, `<time>` and byline candidates, and lazily.
struct PageEvidence {
    private(set) var titleElement: String?
    private(set) var openGraphTitle: String?
    private(set) var twitterTitle: String?
    private(set) var canonicalLink: String?
    private(set) var jsonLDBlocks: [String] = []
    private(set) var candidates = FieldCandidates()
    private(set) var dates = PageDates()
    /// Elements marked as bylines (`rel="author"`, class or id naming an author or byline), in
    /// document order; read only when no better source names an author.
    private var bylines: [xmlNodePtr] = []

    private var roles: [UnsafeRawPointer: ElementRole] = [:]
    private var inBody = false

    /// Bylines beyond this many are in lists of other articles, not this one's.
    private static let maximumBylines = 32
    /// Longer text is an author's biography or a list, not a byline.
    private static let maximumBylineLength = 200

    private enum ElementRole {
        case html, body, title, meta, link, script, time, skipped, other
    }

    // MARK: - Walk

    mutating func walk(_ root: xmlNodePtr) {
        traverse(root, enter: { node in node.isElement && visit(node) })
    }

    /// Records what `node` says; returns whether its children are worth visiting.
    private mutating func visit(_ node: xmlNodePtr) -> Bool {
        switch role(of: node) {
        case .html:
            candidates.add(.language, node.attribute("lang"), .meta)
        case .body:
            inBody = true
        case .title:
            if !inBody, titleElement == nil { titleElement = node.textContent }
            return false
        case .meta:
            readMeta(node)
        case .link:
            readLink(node)
        case .script:
            if let type = node.attribute("type"), type.lowercased().contains("ld+json") { jsonLDBlocks.append(node.textContent) }
            return false
        case .skipped:
            return false
        case .time:
            readTime(node)
        case .other:
            if inBody { readBodyElement(node) }
        }
        return true
    }

    private mutating func role(of node: xmlNodePtr) -> ElementRole {
        guard let name = node.pointee.name else { return .other }
        let key = UnsafeRawPointer(name)
        if let known = roles[key] { return known }
        let role: ElementRole =
            switch String(cString: name).lowercased() {
            case "html": .html
            case "body": .body
            case "title": .title
            case "meta": .meta
            case "link": .link
            case "script": .script
            case "time": .time
            case "style", "noscript", "template", "svg", "math": .skipped
            default: .other
            }
        roles[key] = role
        return role
    }

    // MARK: - Head

    private enum MetaMeaning {
        case openGraphTitle, twitterTitle
        case field(Field, MetadataTrust)
        case date(PageDates.Role, MetadataTrust)
    }

    /// Keys of `<meta property|name|itemprop|http-equiv=… content=…>`, lower-case.
    private static let metaMeanings: [String: MetaMeaning] = {
        var table: [String: MetaMeaning] = [
            "og:title": .openGraphTitle, "twitter:title": .twitterTitle,
            "og:site_name": .field(.outlet, .openGraph), "application-name": .field(.outlet, .meta),
            "og:url": .field(.url, .openGraph),
            "og:description": .field(.summary, .openGraph), "description": .field(.summary, .meta),
            "twitter:description": .field(.summary, .meta),
            "og:locale": .field(.language, .openGraph), "content-language": .field(.language, .meta),
            "article:author": .field(.author, .openGraph), "author": .field(.author, .meta),
            "article:published_time": .date(.published, .openGraph), "og:published_time": .date(.published, .openGraph),
            "article:modified_time": .date(.modified, .openGraph), "og:updated_time": .date(.modified, .openGraph),
            "datepublished": .date(.published, .microdata), "datemodified": .date(.modified, .microdata),
        ]
        for name in ["parsely-author", "citation_author", "sailthru.author", "dc.creator", "byl"] {
            table[name] = .field(.author, .meta)
        }
        for name in [
            "date", "pubdate", "publishdate", "publish-date", "publish_date", "dc.date", "dc.date.issued", "dc.date.created",
            "dcterms.created", "dcterms.issued", "dcterms.date", "sailthru.date", "parsely-pub-date", "article.published",
            "citation_publication_date", "citation_date", "original-publish-date", "release_date", "displaydate",
        ] {
            table[name] = .date(.published, .meta)
        }
        for name in ["dcterms.modified", "dc.date.modified", "last-modified", "article.updated", "lastmod", "revised"] {
            table[name] = .date(.modified, .meta)
        }
        return table
    }()

    private mutating func readMeta(_ node: xmlNodePtr) {
        // Any of the naming attributes may carry the known key (`property="article:published"
        // itemprop="datePublished"`), and `itemprop` may list several ("datePublished dateCreated").
        let keys = [node.attribute("property"), node.attribute("name"), node.attribute("itemprop"), node.attribute("http-equiv")]
            .compactMap { $0?.lowercased() }.flatMap { $0.split(whereSeparator: \.isWhitespace) }
        guard let meaning = keys.lazy.compactMap({ Self.metaMeanings[String($0)] }).first, let content = node.attribute("content") else { return }
        switch meaning {
        case .openGraphTitle: if openGraphTitle == nil { openGraphTitle = content }
        case .twitterTitle: if twitterTitle == nil { twitterTitle = content }
        case .field(let field, let trust): candidates.add(field, content, trust)
        case .date(let role, let trust): dates.add(content, role: role, trust: trust)
        }
    }

    private mutating func readLink(_ node: xmlNodePtr) {
        guard canonicalLink == nil, let rel = node.attribute("rel"),
            rel.lowercased().split(separator: " ").contains("canonical")
        else { return }
        canonicalLink = node.attribute("href")
    }

    // MARK: - Body

    /// `<time datetime>`: the page's own date when marked as `datePublished`/`dateModified`,
    /// otherwise the lowest-trust published date.
    private mutating func readTime(_ node: xmlNodePtr) {
        let raw = node.attribute("datetime") ?? node.attribute("content") ?? node.textContent
        let properties = Self.itemProperties(node.attribute("itemprop"))
        if properties.contains("datepublished") {
            dates.add(raw, role: .published, trust: .microdata)
        } else if properties.contains("datemodified") {
            dates.add(raw, role: .modified, trust: .microdata)
        } else {
            dates.add(raw, role: .published, trust: .visible)
        }
    }

    /// Looks at attributes as bytes; only microdata and byline candidates cost a String.
    private mutating func readBodyElement(_ node: xmlNodePtr) {
        var property = node.pointee.properties
        var isByline = false
        while let attribute = property {
            property = attribute.pointee.next
            guard let name = attribute.pointee.name, let value = attribute.pointee.children?.pointee.content else { continue }
            switch name[0] | 0x20 {
            case UInt8(ascii: "c") where equalsASCIILowercase(name, "class"), UInt8(ascii: "i") where equalsASCIILowercase(name, "id"):
                if containsASCIILowercase(value, "byline") || containsASCIILowercase(value, "author"),
                    !containsASCIILowercase(value, "comment")
                {
                    isByline = true
                }
            case UInt8(ascii: "r") where equalsASCIILowercase(name, "rel"):
                if containsASCIILowercase(value, "author") { isByline = true }
            case UInt8(ascii: "i") where equalsASCIILowercase(name, "itemprop"):
                for property in Self.itemProperties(String(cString: value)) { readItemProperty(property, of: node) }
            default:
                break
            }
        }
        if isByline, bylines.count < Self.maximumBylines { bylines.append(node) }
    }

    /// The lower-case names in an `itemprop` list.
    private static func itemProperties(_ list: String?) -> [String] {
        list?.lowercased().split(whereSeparator: \.isWhitespace).map(String.init) ?? []
    }

    private mutating func readItemProperty(_ property: String, of node: xmlNodePtr) {
        switch property {
        case "datepublished", "datemodified":
            let raw = node.attribute("content") ?? node.attribute("datetime") ?? node.textContent
            dates.add(raw, role: property == "datepublished" ? .published : .modified, trust: .microdata)
        case "author":
            let text = node.attribute("content") ?? Self.separatedText(of: node)
            if text.count <= Self.maximumBylineLength { candidates.add(.author, text, .microdata) }
        default:
            break
        }
    }

    /// Names from the first byline that holds any, and from bylines beside it (same parent):
    /// `<span class="author">A</span> and <span class="author">B</span>`.
    func bylineNames() -> [String] {
        var names: [String] = []
        var parent: xmlNodePtr?
        for node in bylines {
            if let parent, node.pointee.parent != parent { continue }
            let text = Self.separatedText(of: node)
            guard text.count <= Self.maximumBylineLength else { continue }
            let found = AuthorNames.names(in: text)
            guard !found.isEmpty else { continue }
            AuthorNames.appendNew(found, to: &names)
            parent = node.pointee.parent
        }
        return names
    }

    private static let inlineNames: [StaticString] = ["a", "span", "b", "strong", "em", "i", "u", "abbr", "small"]
    private static let codeNames: [StaticString] = ["script", "style", "noscript", "template"]

    /// The text below `node` with a line break wherever an element other than an inline one
    /// begins, so that "Jane Doe" and a date after it in a `<time>` do not run together; script
    /// and style content is left out.
    private static func separatedText(of node: xmlNodePtr) -> String {
        var text = ""
        traverse(node) { current in
            if current == node { return true }
            if current.isText, let content = current.pointee.content {
                text += String(cString: content)
            } else if current.isElement, let name = current.pointee.name {
                if !inlineNames.contains(where: { equalsASCIILowercase(name, $0) }) { text += "\n" }
                return !codeNames.contains { equalsASCIILowercase(name, $0) }
            }
            return false
        }
        return text
    }
}

/// Whether a NUL-terminated C string contains a lower-case ASCII literal, ignoring the string's case.
func containsASCIILowercase(_ cString: UnsafePointer<xmlChar>, _ literal: StaticString) -> Bool {
    let count = literal.utf8CodeUnitCount
    let expected = literal.utf8Start
    var start = 0
    while cString[start] != 0 {
        var k = 0
        while k < count, CharsetSniffer.asciiLower(cString[start + k]) == expected[k] { k += 1 }
        if k == count { return true }
        start += 1
    }
    return false
}
