import Foundation
import GRDB
import SynopticStore

extension SQLiteStore {
    public func cachedBriefing(storyID: String, revision: Int64, format: String) async throws -> String? {
        try await guarded {
            try await pool.read { db in
                try String.fetchOne(
                    db, sql: "SELECT content FROM briefing_cache WHERE story_id = ? AND format = ? AND revision = ?",
                    arguments: [storyID, format, revision])
            }
        }
    }

    /// One row per story and format: a newer revision replaces the row, an older one (a slow
    /// renderer finishing after a faster one) never overwrites a newer briefing.
    public func cacheBriefing(storyID: String, revision: Int64, format: String, content: String) async throws {
        try await guarded {
            try await pool.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO briefing_cache (story_id, format, revision, content) VALUES (?, ?, ?, ?)
                        ON CONFLICT (story_id, format) DO UPDATE SET revision = excluded.revision, content = excluded.content
                        WHERE excluded.revision >= briefing_cache.revision
                        """,
                    arguments: [storyID, format, revision, content])
            }
        }
    }
}
