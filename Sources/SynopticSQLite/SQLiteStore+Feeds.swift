import Foundation
import GRDB
import SynopticStore

extension SQLiteStore: FeedRecordStore {
    public func feedRecord(url: String) async throws -> FeedRecord? {
        try await guarded {
            try await pool.read { db in
                guard let row = try Row.fetchOne(db, sql: "SELECT * FROM feeds WHERE url = ?", arguments: [url]) else { return nil }
                let keys = try String.fetchAll(db, sql: "SELECT key FROM feed_items WHERE feed_url = ? ORDER BY seen_at, key", arguments: [url])
                return FeedRecord(url: url, etag: row["etag"], lastModified: row["last_modified"], polledAt: row["polled_at"], seenKeys: keys)
            }
        }
    }

    public func putFeedRecord(_ record: FeedRecord) async throws {
        let now = Self.timestamp()
        try await guarded {
            try await pool.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO feeds (url, etag, last_modified, polled_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, polled_at = excluded.polled_at
                        """,
                    arguments: [record.url, record.etag, record.lastModified, record.polledAt ?? now])
                // The list replaces what was kept; a key kept keeps its first-seen time.
                var firstSeen: [String: String] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT key, seen_at FROM feed_items WHERE feed_url = ?", arguments: [record.url]) {
                    firstSeen[row["key"]] = row["seen_at"]
                }
                try db.execute(sql: "DELETE FROM feed_items WHERE feed_url = ?", arguments: [record.url])
                let insert = try db.cachedStatement(sql: "INSERT OR IGNORE INTO feed_items (feed_url, key, seen_at) VALUES (?, ?, ?)")
                for key in record.seenKeys { try insert.execute(arguments: [record.url, key, firstSeen[key] ?? now]) }
            }
        }
    }
}
