/// What a feed poller keeps between polls of one feed, as a store holds it: the validators for a
/// conditional GET and the keys of the items already taken.
///
/// Stores keep it beside the articles so that whoever watches feeds into a store (one `watch
/// --db` after another, or several on one PostgreSQL database) resumes from the same memory.
public struct FeedRecord: Hashable, Sendable {
    public var url: String
    /// `ETag` of the last full answer.
    public var etag: String?
    /// `Last-Modified` of the last full answer.
    public var lastModified: String?
    /// When the feed was last polled (ISO 8601, UTC); the store's clock when nil.
    public var polledAt: String?
    /// Keys (guid, id or link) of the items already taken, oldest first: by when each was first
    /// put, and in key order among those first put together.
    public var seenKeys: [String]

    public init(url: String, etag: String? = nil, lastModified: String? = nil, polledAt: String? = nil, seenKeys: [String] = []) {
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
        self.polledAt = polledAt
        self.seenKeys = seenKeys
    }
}

/// A store that keeps ``FeedRecord``s (the SQLite and PostgreSQL stores).
public protocol FeedRecordStore: Sendable {
    /// The record of `url`, or nil before its first poll.
    func feedRecord(url: String) async throws -> FeedRecord?
    /// Replaces the record of `record.url` in one transaction: its validators, and exactly its
    /// `seenKeys` (a key no longer listed is forgotten; a key kept keeps when it was first seen).
    func putFeedRecord(_ record: FeedRecord) async throws
}
