import Foundation
import PostgresNIO
import SynopticStore

extension PostgresStore: FeedRecordStore {
    public func feedRecord(url: String) async throws -> FeedRecord? {
        try await transaction { connection in
            let feeds = try await connection.query(
                "SELECT etag, last_modified, polled_at FROM feeds WHERE url = \(url)", logger: logger)
            var found: (String?, String?, String?)?
            for try await row in feeds.decode((String?, String?, String?).self) { found = row }
            guard let (etag, lastModified, polledAt) = found else { return nil }
            let items = try await connection.query(
                "SELECT key FROM feed_items WHERE feed_url = \(url) ORDER BY seen_at, key COLLATE \"C\"", logger: logger)
            var keys: [String] = []
            for try await key in items.decode(String.self) { keys.append(key) }
            return FeedRecord(url: url, etag: etag, lastModified: lastModified, polledAt: polledAt, seenKeys: keys)
        }
    }

    public func putFeedRecord(_ record: FeedRecord) async throws {
        let now = StoreIDs.timestamp(Date())
        let polledAt = record.polledAt ?? now
        // Without duplicates, in order: the array goes to the server whole.
        var unique = Set<String>()
        let keys = record.seenKeys.filter { unique.insert($0).inserted }
        try await transaction { connection in
            try await connection.query(
                """
                INSERT INTO feeds (url, etag, last_modified, polled_at) VALUES (\(record.url), \(record.etag), \(record.lastModified), \(polledAt))
                ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, polled_at = excluded.polled_at
                """, logger: logger)
            // The list replaces what was kept; a key kept keeps its first-seen time.
            try await connection.query(
                """
                DELETE FROM feed_items WHERE feed_url = \(record.url) AND NOT (key = ANY(\(keys)::text[]))
                """, logger: logger)
            try await connection.query(
                """
                INSERT INTO feed_items (feed_url, key, seen_at)
                SELECT \(record.url), key, \(now) FROM unnest(\(keys)::text[]) AS t (key)
                ON CONFLICT (feed_url, key) DO NOTHING
                """, logger: logger)
        }
    }
}
