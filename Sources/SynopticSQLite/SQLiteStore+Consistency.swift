import Foundation
import GRDB

extension SQLiteStore {
    /// What is wrong with the file, in words; empty when it is sound. Checks SQLite's own
    /// integrity and foreign keys, then the store's invariants: every article in a story that
    /// exists, every story's count and revision agreeing with its articles, commit sequences
    /// without gaps, annotations that are JSON. A process killed mid-ingest must leave this empty (the kill -9 test runs it).
    public func consistencyProblems() async throws -> [String] {
        try await guarded {
            try await pool.read { db in
                var problems: [String] = []
                let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
                if integrity != ["ok"] { problems += integrity.map { "integrity: \($0)" } }
                let foreignKeys = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
                if !foreignKeys.isEmpty { problems.append("\(foreignKeys.count) rows break a foreign key") }
                let checks: [(String, String)] = [
                    ("articles without a story", "SELECT COUNT(*) FROM articles WHERE story_id NOT IN (SELECT id FROM stories)"),
                    ("stories whose article count disagrees with their articles",
                     "SELECT COUNT(*) FROM stories s WHERE article_count != (SELECT COUNT(*) FROM articles a WHERE a.story_id = s.id)"),
                    ("stories whose revision is below their article count", "SELECT COUNT(*) FROM stories WHERE revision < article_count"),
                    ("stories whose outlet counts disagree with their articles",
                     """
                     SELECT COUNT(*) FROM stories s WHERE (SELECT COALESCE(SUM(count), 0) FROM story_outlets o WHERE o.story_id = s.id)
                         != (SELECT COUNT(*) FROM articles a WHERE a.story_id = s.id AND a.outlet IS NOT NULL)
                     """),
                    ("gaps in the commit sequence", "SELECT COALESCE(MAX(sequence), 0) - COUNT(*) FROM articles"),
                    ("articles whose annotations are not JSON", "SELECT COUNT(*) FROM articles WHERE annotations IS NOT NULL AND NOT json_valid(annotations)"),
                ]
                for (label, sql) in checks {
                    let n = try Int.fetchOne(db, sql: sql) ?? 0
                    if n != 0 { problems.append("\(n) \(label)") }
                }
                return problems
            }
        }
    }

    /// Counts for a summary: articles, stories, annotations (spans, through the `annotations` view).
    public func counts() async throws -> (articles: Int, stories: Int, annotations: Int) {
        try await guarded {
            try await pool.read { db in
                (
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM articles") ?? 0,
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM stories") ?? 0,
                    // What the `annotations` view would count, without unpacking every span.
                    try Int.fetchOne(
                        db,
                        sql: """
                            SELECT COALESCE(SUM(json_array_length(annotations, '$.mentions') + json_array_length(annotations, '$.quotes')
                                + json_array_length(annotations, '$.figures') + json_array_length(annotations, '$.times')), 0)
                            FROM articles WHERE annotations IS NOT NULL
                            """) ?? 0
                )
            }
        }
    }
}
