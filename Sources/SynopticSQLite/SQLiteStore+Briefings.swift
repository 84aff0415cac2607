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

    public func recordVersions(storyID: String, revision: Int64, groups: [[String]]) async throws {
        let links = VersionLink.links(storyID: storyID, revision: revision, groups: groups)
        try await guarded {
            try await pool.write { db in
                try db.execute(
                    sql: "UPDATE stories SET versions_revision = ? WHERE id = ? AND versions_revision <= ?",
                    arguments: [revision, storyID, revision])
                guard db.changesCount > 0 else { return }
                try db.execute(sql: "DELETE FROM versions WHERE story_id = ?", arguments: [storyID])
                for (position, link) in links.enumerated() {
                    try db.execute(
                        sql: "INSERT INTO versions (story_id, earlier_id, later_id, revision, position) VALUES (?, ?, ?, ?, ?)",
                        arguments: [storyID, link.earlierID, link.laterID, revision, position])
                }
            }
        }
    }

    public func versions(storyID: String) async throws -> [VersionLink] {
        try await guarded {
            try await pool.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT earlier_id, later_id, revision FROM versions WHERE story_id = ? ORDER BY position", arguments: [storyID]
                ).map { VersionLink(storyID: storyID, revision: $0[2], earlierID: $0[0], laterID: $0[1]) }
            }
        }
    }
}
