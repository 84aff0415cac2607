import Foundation

/// What an input says about an article besides its text: from front matter or a JSON Lines record.
public struct SourceMetadata: Sendable, Hashable {
    public var id: String?
    public var title: String?
    public var outlet: String?
    public var url: String?
    public var published: String?
    public var modified: String?
    public var authors: [String] = []
    public var language: String?

    public init(
        id: String? = nil, title: String? = nil, outlet: String? = nil, url: String? = nil, published: String? = nil,
        modified: String? = nil, authors: [String] = [], language: String? = nil
    ) {
        self.id = id
        self.title = title
        self.outlet = outlet
        self.url = url
        self.published = published
        self.modified = modified
        self.authors = authors
        self.language = language
    }

    /// Field names accepted for each property, in both inputs. The first is the documented name.
    static let aliases: [String: [String]] = [
        "id": ["id", "slug", "guid"],
        "title": ["title", "headline"],
        "outlet": ["outlet", "source", "site", "site_name", "publication", "publisher"],
        "url": ["url", "link", "canonical", "canonical_url"],
        "published": ["published", "date", "published_at", "pubdate", "datePublished"],
        "modified": ["modified", "updated", "updated_at", "dateModified"],
        "author": ["author", "authors", "byline", "by"],
        "language": ["language", "lang", "locale"],
    ]

    /// Sets the field that `key` names (or one of its aliases) to `value`. Returns false for keys
    /// that name no field.
    @discardableResult
    mutating func set(_ key: String, _ value: MetadataValue) -> Bool {
        guard let field = Self.aliases.first(where: { $0.value.contains(key) })?.key else { return false }
        switch field {
        case "id": id = value.text
        case "title": title = value.text
        case "outlet": outlet = value.text
        case "url": url = value.text
        case "published": published = value.text
        case "modified": modified = value.text
        case "author": authors = value.list.flatMap(Self.splitAuthors)
        case "language": language = value.text
        default: return false
        }
        return true
    }

    /// `"A and B"` or `"A, B and C"` is several authors.
    static func splitAuthors(_ byline: String) -> [String] {
        var text = byline.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.lowercased().hasPrefix("by ") { text = String(text.dropFirst(3)) }
        return text.replacingOccurrences(of: " and ", with: ",").split(separator: ",").map { String($0).trimmingCharacters(in: .whitespacesAndNewlines) }.filter {
            !$0.isEmpty
        }
    }
}

/// A scalar or a list, as front matter and JSON give values.
enum MetadataValue: Sendable, Hashable {
    case text(String)
    case list([String])

    var text: String? {
        switch self {
        case .text(let s): s.isEmpty ? nil : s
        case .list(let items): items.isEmpty ? nil : items.joined(separator: ", ")
        }
    }

    var list: [String] {
        switch self {
        case .text(let s): s.isEmpty ? [] : [s]
        case .list(let items): items
        }
    }
}
