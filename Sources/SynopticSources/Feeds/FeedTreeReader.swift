import CLibXML2
import Foundation
import SynopticCore

/// Reads the parsed tree of each feed format into a ``Feed``.
struct FeedTreeReader {
    var baseURL: String

    static let atomNamespace = "http://www.w3.org/2005/Atom"
    static let contentNamespace = "http://purl.org/rss/1.0/modules/content/"
    static let dublinCoreNamespace = "http://purl.org/dc/elements/1.1/"
    static let rss1Namespace = "http://purl.org/rss/1.0/"

    // MARK: - RSS 2.0

    func rss(_ root: xmlNodePtr) -> Feed {
        var feed = Feed(format: .rss)
        let channel = XMLNode.elementChildren(root).first { XMLNode.localName($0) == "channel" }
        var itemNodes: [xmlNodePtr] = []
        if let channel {
            for child in XMLNode.elementChildren(channel) {
                switch (XMLNode.localName(child), XMLNode.namespace(child)) {
                case ("title", nil): feed.title = feed.title ?? XMLNode.text(child)
                case ("link", nil): feed.link = feed.link ?? XMLNode.text(child).flatMap { Self.resolve($0, against: baseURL) }
                case ("item", _): itemNodes.append(child)
                default: break
                }
            }
        }
        // RSS 0.91 documents sometimes put items beside the channel.
        itemNodes += XMLNode.elementChildren(root).filter { XMLNode.localName($0) == "item" }
        feed.items = itemNodes.map(rssItem)
        return feed
    }

    /// An RSS 2.0 or 1.0 item; both share the element names that matter.
    func rssItem(_ node: xmlNodePtr) -> FeedItem {
        var item = FeedItem()
        var guidIsPermalink = false
        if let about = XMLNode.attribute(node, "about") { item.id = about }
        for child in XMLNode.elementChildren(node) {
            let name = XMLNode.localName(child)
            switch XMLNode.namespace(child) {
            case Self.contentNamespace where name == "encoded":
                item.content = XMLNode.text(child)
            case Self.dublinCoreNamespace:
                if name == "creator", let creator = XMLNode.text(child) { item.authors.append(creator) }
                if name == "date", item.published == nil { setDate(&item, XMLNode.text(child)) }
            case Self.atomNamespace where name == "link":
                if item.link == nil, let href = XMLNode.attribute(child, "href") { item.link = Self.resolve(href, against: baseURL) }
            case nil, Self.rss1Namespace:
                switch name {
                case "title": item.title = XMLNode.text(child).map(Self.plainTitle)
                case "link": item.link = XMLNode.text(child).flatMap { Self.resolve($0, against: baseURL) }
                case "guid":
                    item.id = XMLNode.text(child)
                    guidIsPermalink = (XMLNode.attribute(child, "isPermaLink") ?? "true").lowercased() != "false"
                case "pubDate": setDate(&item, XMLNode.text(child))
                case "description": item.summary = XMLNode.text(child)
                case "author": if let author = XMLNode.text(child) { item.authors.append(Self.rssAuthor(author)) }
                default: break
                }
            default: break
            }
        }
        if item.link == nil, guidIsPermalink, let guid = item.id, WebFetcher.isWebURL(guid) { item.link = guid }
        return item
    }

    // MARK: - RSS 1.0

    func rdf(_ root: xmlNodePtr) -> Feed {
        var feed = Feed(format: .rdf)
        for child in XMLNode.elementChildren(root) {
            switch XMLNode.localName(child) {
            case "channel":
                for field in XMLNode.elementChildren(child) {
                    if XMLNode.localName(field) == "title" { feed.title = feed.title ?? XMLNode.text(field) }
                    if XMLNode.localName(field) == "link" {
                        feed.link = feed.link ?? XMLNode.text(field).flatMap { Self.resolve($0, against: baseURL) }
                    }
                }
            case "item": feed.items.append(rssItem(child))
            default: break
            }
        }
        return feed
    }

    // MARK: - Atom

    func atom(_ root: xmlNodePtr) -> Feed {
        var feed = Feed(format: .atom)
        let base = XMLNode.attribute(root, "base").flatMap { Self.resolve($0, against: baseURL) } ?? baseURL
        let reader = FeedTreeReader(baseURL: base)
        for child in XMLNode.elementChildren(root) {
            switch XMLNode.localName(child) {
            case "title": feed.title = feed.title ?? XMLNode.text(child).map(Self.plainTitle)
            case "link":
                let rel = XMLNode.attribute(child, "rel") ?? "alternate"
                if rel == "alternate", feed.link == nil, let href = XMLNode.attribute(child, "href") { feed.link = Self.resolve(href, against: base) }
            case "entry": feed.items.append(reader.atomEntry(child))
            default: break
            }
        }
        return feed
    }

    func atomEntry(_ node: xmlNodePtr) -> FeedItem {
        var item = FeedItem()
        let base = XMLNode.attribute(node, "base").flatMap { Self.resolve($0, against: baseURL) } ?? baseURL
        var alternateType: String?
        for child in XMLNode.elementChildren(node) {
            switch XMLNode.localName(child) {
            case "id": item.id = XMLNode.text(child)
            case "title": item.title = Self.atomText(child).map(Self.plainTitle)
            case "link":
                let rel = XMLNode.attribute(child, "rel") ?? "alternate"
                guard rel == "alternate", let href = XMLNode.attribute(child, "href") else { continue }
                let type = XMLNode.attribute(child, "type")?.lowercased()
                // Prefer the HTML alternate when an entry has several.
                if item.link == nil || (alternateType != "text/html" && type == "text/html") {
                    item.link = Self.resolve(href, against: base)
                    alternateType = type
                }
            case "published":
                if let raw = XMLNode.text(child) {
                    item.published = DateNormalizer.iso8601(raw)
                    if item.published == nil { item.dateRaw = raw }
                }
            case "updated":
                if let raw = XMLNode.text(child) {
                    item.updated = DateNormalizer.iso8601(raw)
                    if item.updated == nil, item.dateRaw == nil { item.dateRaw = raw }
                }
            case "author":
                let name = XMLNode.elementChildren(child).first { XMLNode.localName($0) == "name" }.flatMap(XMLNode.text)
                if let name { item.authors.append(name) }
            case "summary": item.summary = Self.atomHTML(child)
            case "content":
                // Content by reference (`src`) is not the article; its link is.
                if XMLNode.attribute(child, "src") == nil { item.content = Self.atomHTML(child) }
            default: break
            }
        }
        return item
    }

    /// An Atom text construct as plain text.
    static func atomText(_ node: xmlNodePtr) -> String? {
        XMLNode.text(node)
    }

    /// An Atom text construct as HTML: `html` is escaped markup (its text is the HTML), `xhtml` is
    /// inline markup (serialized), `text` is escaped for HTML.
    static func atomHTML(_ node: xmlNodePtr) -> String? {
        switch XMLNode.attribute(node, "type")?.lowercased() ?? "text" {
        case "html", "text/html": return XMLNode.text(node)
        case "xhtml", "application/xhtml+xml": return XMLNode.innerMarkup(node)
        default: return XMLNode.text(node).map(escapeHTML)
        }
    }

    // MARK: - Helpers

    func setDate(_ item: inout FeedItem, _ raw: String?) {
        guard let raw else { return }
        if let date = DateNormalizer.iso8601(raw) {
            item.published = date
            item.dateRaw = nil
        } else if item.published == nil {
            item.dateRaw = raw
        }
    }

    /// `jane@example.org (Jane Doe)` → `Jane Doe`; anything else as it is.
    static func rssAuthor(_ text: String) -> String {
        if let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close {
            let name = text[text.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
            if !name.isEmpty { return name }
        }
        return text
    }

    /// A title with any markup removed and blanks collapsed (titles sometimes carry `<b>` or entities twice).
    static func plainTitle(_ text: String) -> String {
        var result = ""
        var inTag = false
        for character in text {
            if character == "<" { inTag = true } else if character == ">" && inTag { inTag = false } else if !inTag { result.append(character) }
        }
        if inTag { result = text }  // a lone "<" in a title is text
        return result.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func escapeHTML(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// `reference` as an absolute http(s) URL, resolved against `base`; nil when it cannot be.
    static func resolve(_ reference: String, against base: String) -> String? {
        let trimmed = reference.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        if let absolute = URL(string: trimmed), absolute.scheme != nil { return absolute.absoluteString }
        guard let baseURL = URL(string: base), let resolved = URL(string: trimmed, relativeTo: baseURL) else { return nil }
        return resolved.absoluteString
    }
}
