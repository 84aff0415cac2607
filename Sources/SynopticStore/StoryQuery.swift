import Foundation

/// Which stories to list: a page of them, optionally only those with an article published in a
/// date range or from an outlet.
public struct StoryQuery: Hashable, Sendable {
    /// Stories with an article published on or after this day (`YYYY-MM-DD`).
    public var from: String?
    /// Stories with an article published on or before this day (`YYYY-MM-DD`).
    public var to: String?
    /// Stories with an article from this outlet (exact name, case aside).
    public var outlet: String?
    public var limit: Int
    public var offset: Int

    public init(from: String? = nil, to: String? = nil, outlet: String? = nil, limit: Int = 50, offset: Int = 0) {
        self.from = from
        self.to = to
        self.outlet = outlet
        self.limit = limit
        self.offset = offset
    }
}

/// A page of stories and how many match in all.
public struct StoryPage: Hashable, Sendable {
    public var stories: [StoredStory]
    public var total: Int

    public init(stories: [StoredStory], total: Int) {
        self.stories = stories
        self.total = total
    }
}

/// A story as the store keeps it: what a list shows without reading its articles.
public struct StoredStory: Hashable, Sendable, Codable {
    public var id: String
    public var title: String
    /// Outlets of its articles, most frequent first.
    public var outlets: [String]
    public var articleCount: Int
    /// Raised by every article that joins: a briefing cached at an older revision is stale.
    public var revision: Int64
    /// When the last article joined (ISO 8601, UTC).
    public var updatedAt: String
    /// Earliest and latest publication day of its articles, when they have dates.
    public var firstPublished: String?
    public var lastPublished: String?

    public init(
        id: String, title: String, outlets: [String], articleCount: Int, revision: Int64, updatedAt: String,
        firstPublished: String? = nil, lastPublished: String? = nil
    ) {
        self.id = id
        self.title = title
        self.outlets = outlets
        self.articleCount = articleCount
        self.revision = revision
        self.updatedAt = updatedAt
        self.firstPublished = firstPublished
        self.lastPublished = lastPublished
    }

    enum CodingKeys: String, CodingKey {
        case id, title, outlets, revision
        case articleCount = "article_count"
        case updatedAt = "updated_at"
        case firstPublished = "first_published"
        case lastPublished = "last_published"
    }
}
