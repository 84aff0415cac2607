import Foundation
import GRDB

/// What a feed poller keeps between polls of one feed.
public struct FeedState: Hashable, Sendable {
    public var url: String
    /// Validators for a conditional GET (`If-None-Match`, `If-Modified-Since`).
    public var etag: String?
    public var lastModified: String?
    /// When the feed was last fetched (ISO 8601, UTC).
    public var polledAt: String?

    public init(url: String, etag: String? = nil, lastModified: String? = nil, polledAt: String? = nil) {
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
        self.polledAt = polledAt
    }
}

extension SQLiteStore {
    /// The state kept for a feed, or nil before its first poll.
    public func feedState(url: String) async throws -> FeedState? {
        try await guarded {
            try await pool.read { db in
                try Row.fetchOne(db, sql: "SELECT * FROM feeds WHERE url = ?", arguments: [url]).map {
                    FeedState(url: $0["url"], etag: $0["etag"], lastModified: $0["last_modified"], polledAt: $0["polled_at"])
                }
            }
        }
    }

    /// Records a poll: the validators, and the item keys taken from it (kept with what earlier polls took).
    public func saveFeedState(_ state: FeedState, seen keys: [String]) async throws {
        let now = Self.timestamp()
        try await guarded {
            try await pool.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO feeds (url, etag, last_modified, polled_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, polled_at = excluded.polled_at
                        """,
                    arguments: [state.url, state.etag, state.lastModified, state.polledAt ?? now])
                let insert = try db.cachedStatement(sql: "INSERT OR IGNORE INTO feed_items (feed_url, key, seen_at) VALUES (?, ?, ?)")
                for key in keys { try insert.execute(arguments: [state.url, key, now]) }
            }
        }
    }

    /// The keys among `keys` that earlier polls of the feed already took.
    public func seenFeedItems(url: String, among keys: [String]) async throws -> Set<String> {
        guard !keys.isEmpty else { return [] }
        return try await guarded {
            try await pool.read { db in
                var seen = Set<String>()
                let statement = try db.cachedStatement(sql: "SELECT 1 FROM feed_items WHERE feed_url = ? AND key = ?")
                for key in keys where try Bool.fetchOne(statement, arguments: [url, key]) != nil { seen.insert(key) }
                return seen
            }
        }
    }
}
