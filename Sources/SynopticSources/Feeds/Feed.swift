/// A parsed RSS or Atom feed: its own title and site link, and its items in document order.
public struct Feed: Sendable, Hashable, Codable {
    /// Which syndication format the document used.
    public enum Format: String, Sendable, Hashable, Codable {
        /// RSS 2.0 (and the 0.9x versions it grew from).
        case rss
        /// Atom 1.0.
        case atom
        /// RSS 1.0 (RDF).
        case rdf
    }

    public var format: Format
    /// The feed's title (an RSS channel's or an Atom feed's `<title>`), used as the outlet of its
    /// items when their pages do not name one.
    public var title: String?
    /// The site the feed belongs to.
    public var link: String?
    public var items: [FeedItem]

    public init(format: Format, title: String? = nil, link: String? = nil, items: [FeedItem] = []) {
        self.format = format
        self.title = title
        self.link = link
        self.items = items
    }
}

/// One entry of a feed. Links are absolute (resolved against the feed's URL); dates are ISO 8601
/// when they could be read, with the raw text kept otherwise.
public struct FeedItem: Sendable, Hashable, Codable {
    /// RSS `<guid>` or Atom `<id>`.
    public var id: String?
    /// The article page (RSS `<link>`, a permalink `<guid>`, or Atom `<link rel="alternate">`).
    public var link: String?
    public var title: String?
    /// Publication date (RSS `<pubDate>`/`dc:date`, Atom `<published>`), ISO 8601.
    public var published: String?
    /// Last update (Atom `<updated>`), ISO 8601.
    public var updated: String?
    /// The date as written when it could not be read.
    public var dateRaw: String?
    /// Authors (RSS `<author>`, `dc:creator`; Atom `<author><name>`).
    public var authors: [String]
    /// A short description or summary, as HTML (RSS `<description>`, Atom `<summary>`).
    public var summary: String?
    /// The full article when the feed carries it, as HTML (`content:encoded`, Atom `<content>`).
    public var content: String?

    public init(
        id: String? = nil, link: String? = nil, title: String? = nil, published: String? = nil, updated: String? = nil, dateRaw: String? = nil,
        authors: [String] = [], summary: String? = nil, content: String? = nil
    ) {
        self.id = id
        self.link = link
        self.title = title
        self.published = published
        self.updated = updated
        self.dateRaw = dateRaw
        self.authors = authors
        self.summary = summary
        self.content = content
    }

    /// What identifies the item across polls: its guid/id, else its link, else its title and date.
    /// A feed that re-sends an item keeps its key, so the item is not reported twice.
    public var key: String {
        if let id, !id.isEmpty { return "id:" + id }
        if let link, !link.isEmpty { return "link:" + link }
        return "title:" + (title ?? "") + "|" + (published ?? updated ?? dateRaw ?? "")
    }
}
