import Foundation
import GRDB
import SynopticCore
import SynopticStore

extension SQLiteStore {
    /// Reads `paragraphs`, a JSON column written at commit, rather than the snapshots: replaying
    /// ten thousand articles into a clusterer must not decode ten thousand whole articles.
    public func clusterLog(after sequence: Int64, limit: Int) async throws -> [ClusterLogEntry] {
        try await guarded {
            try await pool.read { db in
                let rows = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT sequence, id, story_id, title, paragraphs, published FROM articles
                        WHERE sequence > ? ORDER BY sequence LIMIT ?
                        """,
                    arguments: [sequence, max(0, limit)])
                var entries: [ClusterLogEntry] = []
                let decoder = JSONDecoder()
                while let row = try rows.next() {
                    let paragraphs = try decoder.decode([String].self, from: Data((row["paragraphs"] as String).utf8))
                    entries.append(
                        ClusterLogEntry(
                            sequence: row["sequence"], articleID: row["id"], storyID: row["story_id"], title: row["title"], paragraphs: paragraphs,
                            published: row["published"]))
                }
                return entries
            }
        }
    }

    /// Stories most recently updated first (the last commit that touched them), filtered by an
    /// article published in the day range and by an article from the outlet; each filter on its own.
    public func stories(_ query: StoryQuery) async throws -> StoryPage {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        switch (query.from, query.to) {
        case (nil, nil): break
        case (let from?, nil):
            conditions.append("id IN (SELECT story_id FROM articles WHERE published_day >= ?)")
            arguments += [from]
        case (nil, let to?):
            conditions.append("id IN (SELECT story_id FROM articles WHERE published_day <= ?)")
            arguments += [to]
        case (let from?, let to?):
            conditions.append("id IN (SELECT story_id FROM articles WHERE published_day BETWEEN ? AND ?)")
            arguments += [from, to]
        }
        if let outlet = query.outlet {
            conditions.append("id IN (SELECT story_id FROM story_outlets WHERE outlet = ?)")
            arguments += [outlet]
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let countArguments = arguments
        arguments += [max(0, query.limit), max(0, query.offset)]
        return try await guarded {
            try await pool.read { [arguments] db in
                let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM stories \(filter)", arguments: countArguments) ?? 0
                let rows = try Row.fetchAll(
                    db, sql: "SELECT * FROM stories \(filter) ORDER BY last_sequence DESC LIMIT ? OFFSET ?", arguments: arguments)
                return StoryPage(stories: try rows.map(Self.story(from:)), total: total)
            }
        }
    }

    public func story(id: String) async throws -> StoredStory? {
        try await guarded {
            try await pool.read { db in
                try Row.fetchOne(db, sql: "SELECT * FROM stories WHERE id = ?", arguments: [id]).map(Self.story(from:))
            }
        }
    }

    public func articles(inStory storyID: String) async throws -> [StoredArticle] {
        try await fetchArticles(sql: "SELECT * FROM articles WHERE story_id = ? ORDER BY sequence", arguments: [storyID])
    }

    public func article(id: String) async throws -> StoredArticle? {
        try await fetchArticles(sql: "SELECT * FROM articles WHERE id = ?", arguments: [id]).first
    }

    public func articles(after sequence: Int64, limit: Int) async throws -> [StoredArticle] {
        try await fetchArticles(sql: "SELECT * FROM articles WHERE sequence > ? ORDER BY sequence LIMIT ?", arguments: [sequence, max(0, limit)])
    }

    // MARK: - Rows to values

    func fetchArticles(sql: String, arguments: StatementArguments) async throws -> [StoredArticle] {
        try await guarded {
            try await pool.read { db in try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.article(from:)) }
        }
    }

    static func article(from row: Row) throws -> StoredArticle {
        let id: String = row["id"]
        var article: Article
        do {
            article = try ArticleSnapshotCoding.decode(row["snapshot"], clean: row["clean"], original: row["original"])
            if let annotations: String = row["annotations"] {
                article.annotations = try AnnotationsCodec.decode(annotations, textLength: article.text.scalarCount)
            }
        } catch {
            throw SQLiteStoreError.unreadableSnapshot(articleID: id, reason: "\(error)")
        }
        return StoredArticle(article: article, contentHash: row["content_hash"], sequence: row["sequence"], storyID: row["story_id"], ingestedAt: row["ingested_at"])
    }

    static func story(from row: Row) throws -> StoredStory {
        let outlets = (try? JSONDecoder().decode([String].self, from: Data((row["outlets"] as String).utf8))) ?? []
        return StoredStory(
            id: row["id"], title: row["title"], outlets: outlets, articleCount: row["article_count"], revision: row["revision"],
            updatedAt: row["updated_at"], firstPublished: row["first_published"], lastPublished: row["last_published"])
    }
}
