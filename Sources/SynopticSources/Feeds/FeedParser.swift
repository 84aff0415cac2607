import CLibXML2
import Foundation
import SynopticCore
import SynopticIngest

/// Reads RSS 2.0, RSS 1.0 (RDF) and Atom 1.0 feeds with libxml2's XML parser.
///
/// Namespaces are matched by URI, not prefix (`content:encoded`, `dc:creator`, Atom inside RSS);
/// CDATA sections and character entities come out as text; relative links are resolved against the
/// feed's URL. Hostile input stays bounded: no network access, no external DTDs, libxml2's default
/// depth and text-size limits, and a document declaring its own entities is refused. An HTML page
/// is reported as one (with the feeds it links to), not parsed as a broken feed.
///
/// ```swift
/// let feed = try FeedParser().parse(bytes, url: "https://example.org/rss.xml")
/// for item in feed.items { print(item.title ?? "-", item.link ?? "-") }
/// ```
public struct FeedParser: Sendable {
    public init() {}

    /// What the start of a document shows it to be, before any parsing.
    public enum Sniff: Sendable, Hashable {
        /// The first element is `<rss>`, `<feed>` or `<rdf:RDF>`.
        case feed
        /// A doctype or `<html>` opens it.
        case html
        /// Anything else (another XML document, text, binary).
        case other
    }

    /// Looks at the first element of `bytes` (after a BOM, blanks, the XML declaration, comments and
    /// a doctype) to tell a feed from an HTML page without parsing it.
    public static func sniff(_ bytes: [UInt8]) -> Sniff {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self).lowercased()
        var rest = Substring(head)
        if rest.hasPrefix("\u{FEFF}") { rest = rest.dropFirst() }
        while true {
            rest = rest.drop { $0.isWhitespace }
            if rest.hasPrefix("<?") || rest.hasPrefix("<!--") {
                let close = rest.hasPrefix("<?") ? "?>" : "-->"
                guard let end = rest.range(of: close) else { return .other }
                rest = rest[end.upperBound...]
                continue
            }
            if rest.hasPrefix("<!doctype") {
                if rest.hasPrefix("<!doctype html") { return .html }
                // A doctype may carry an internal subset in brackets, with `>` inside it.
                let open = rest.firstIndex(of: "["), close = rest.firstIndex(of: ">")
                if let open, let close, open < close {
                    guard let end = rest.range(of: "]>") ?? rest.range(of: "]\n>") else { return .other }
                    rest = rest[end.upperBound...]
                } else {
                    guard let close else { return .other }
                    rest = rest[rest.index(after: close)...]
                }
                continue
            }
            break
        }
        guard rest.hasPrefix("<") else { return .other }
        let name = rest.dropFirst().prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" }
        let local = name.split(separator: ":").last.map(String.init) ?? ""
        if local == "rss" || local == "feed" || local == "rdf" { return .feed }
        if local == "html" { return .html }
        return .other
    }

    /// Parses `bytes` as a feed fetched from `url`.
    public func parse(_ bytes: [UInt8], url: String) throws(FeedError) -> Feed {
        guard bytes.contains(where: { $0 > 0x20 }) else { throw FeedError(url: url, reason: .empty) }
        let sniffed = Self.sniff(bytes)
        if sniffed == .html || (sniffed == .other && DocumentParser.looksLikeHTML(bytes)) {
            throw FeedError(url: url, reason: .htmlPage(alternates: Self.alternateFeeds(inHTML: bytes, baseURL: url)))
        }
        // Strict first; a feed with a stray `&` or an unclosed tag is then read in recovery mode, but
        // only kept when what was recovered still opens like a feed.
        var parsed = Self.readXML(bytes, url: url, recover: false)
        var strictError: String?
        if parsed == nil {
            strictError = Self.lastXMLError()
            if sniffed == .feed { parsed = Self.readXML(bytes, url: url, recover: true) }
        }
        guard let doc = parsed else {
            if String(decoding: bytes.prefix(65_536), as: UTF8.self).contains("<!ENTITY") { throw FeedError(url: url, reason: .declaresEntities) }
            if sniffed == .other, Self.looksLikeTagSoup(bytes) {
                throw FeedError(url: url, reason: .htmlPage(alternates: Self.alternateFeeds(inHTML: bytes, baseURL: url)))
            }
            throw FeedError(url: url, reason: .notXML(strictError ?? "parse error"))
        }
        defer { xmlFreeDoc(doc) }
        if let subset = doc.pointee.intSubset, subset.pointee.entities != nil {
            throw FeedError(url: url, reason: .declaresEntities)
        }
        guard let root = xmlDocGetRootElement(doc) else { throw FeedError(url: url, reason: .empty) }
        let reader = FeedTreeReader(baseURL: url)
        switch XMLNode.localName(root).lowercased() {
        case "rss": return reader.rss(root)
        case "rdf": return reader.rdf(root)
        case "feed": return reader.atom(root)
        case "html": throw FeedError(url: url, reason: .htmlPage(alternates: Self.alternateFeeds(inHTML: bytes, baseURL: url)))
        default: throw FeedError(url: url, reason: .notAFeed(root: XMLNode.qualifiedName(root)))
        }
    }

    /// The feeds an HTML page advertises with `<link rel="alternate" type="application/rss+xml|atom+xml" href=…>`,
    /// resolved against `baseURL`, in page order.
    public static func alternateFeeds(inHTML bytes: [UInt8], baseURL: String) -> [String] {
        guard !bytes.isEmpty else { return [] }
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        let parsed: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                htmlReadMemory(pointer, Int32(clamping: buffer.count), baseURL, nil, options)
            }
        }
        guard let doc = parsed else { return [] }
        defer { xmlFreeDoc(doc) }
        var found: [String] = []
        var stack: [xmlNodePtr] = xmlDocGetRootElement(doc).map { [$0] } ?? []
        var visited = 0
        while let node = stack.popLast(), visited < 100_000 {
            visited += 1
            if XMLNode.localName(node).lowercased() == "link" {
                let rel = XMLNode.attribute(node, "rel")?.lowercased().split(separator: " ") ?? []
                let type = XMLNode.attribute(node, "type")?.lowercased() ?? ""
                if rel.contains("alternate"), type.contains("rss") || type.contains("atom"), let href = XMLNode.attribute(node, "href"),
                    let absolute = FeedTreeReader.resolve(href, against: baseURL), !found.contains(absolute)
                {
                    found.append(absolute)
                }
            }
            stack.append(contentsOf: XMLNode.elementChildren(node).reversed())
        }
        return found
    }

    static func readXML(_ bytes: [UInt8], url: String, recover: Bool) -> xmlDocPtr? {
        var options = XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
        if recover { options |= XML_PARSE_RECOVER.rawValue }
        return bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                xmlReadMemory(pointer, Int32(clamping: buffer.count), url, nil, Int32(options))
            }
        }
    }

    /// Markup that is not XML and not announced as HTML, but is full of HTML tags (a page without doctype).
    static func looksLikeTagSoup(_ bytes: [UInt8]) -> Bool {
        let head = String(decoding: bytes.prefix(8192), as: UTF8.self).lowercased()
        return ["<head", "<body", "<div", "<p>", "<title"].contains { head.contains($0) }
    }

    static func lastXMLError() -> String? {
        guard let error = xmlGetLastError(), let message = error.pointee.message else { return nil }
        let text = String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
        return error.pointee.line > 0 ? "line \(error.pointee.line): \(text)" : text
    }
}
