import Foundation
import GRDB
import Synoptic
import SynopticCore
import SynopticStore

extension SQLiteStore {
    public func latestSequence() async throws -> Int64 {
        try await guarded { try await pool.read { db in try Self.latestSequence(db) } }
    }

    public func articleID(contentHash: String) async throws -> String? {
        try await guarded {
            try await pool.read { db in
                try String.fetchOne(db, sql: "SELECT id FROM articles WHERE content_hash = ?", arguments: [contentHash])
            }
        }
    }

    /// One article in one `BEGIN IMMEDIATE` transaction: the write lock is taken before anything
    /// is read, so the duplicate and sequence checks and the writes see one state that no other
    /// writer can change in between. A duplicate is answered before staleness: the same content is
    /// refused whatever else was committed meanwhile, and the writer need not catch up to learn it.
    public func commit(_ stored: StoredArticle, placement: StoryPlacement, expectedSequence: Int64) async throws -> CommitOutcome {
        // The snapshot is encoded outside the write lock; only an id taken by another article
        // (rare) makes the commit encode it again under a new id.
        let snapshot = try ArticleSnapshotCoding.encode(stored.article)
        let now = Self.timestamp()
        return try await guarded {
            try await pool.writeWithoutTransaction { db in
                var outcome = CommitOutcome.duplicate(of: "")
                try db.inTransaction(.immediate) {
                    outcome = try Self.commit(stored, snapshot: snapshot, placement: placement, expectedSequence: expectedSequence, now: now, db: db)
                    if case .stored = outcome { return .commit }
                    return .rollback
                }
                return outcome
            }
        }
    }

    static func latestSequence(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT MAX(sequence) FROM articles") ?? 0
    }

    // MARK: - Inside the transaction

    static func commit(
        _ stored: StoredArticle, snapshot: Data, placement: StoryPlacement, expectedSequence: Int64, now: String, db: Database
    ) throws -> CommitOutcome {
        if let existing = try String.fetchOne(db, sql: "SELECT id FROM articles WHERE content_hash = ?", arguments: [stored.contentHash]) {
            return .duplicate(of: existing)
        }
        let latest = try latestSequence(db)
        guard latest == expectedSequence else { return .stale(latest: latest) }
        let sequence = latest + 1

        var article = stored.article
        article.id = try uniqueArticleID(article.id, db: db)
        let snapshot = article.id == stored.article.id ? snapshot : try ArticleSnapshotCoding.encode(article)

        let day = StoreIDs.day(article.provenance.published)
        let outlet = article.provenance.outlet.flatMap { $0.isEmpty ? nil : $0 }
        let storyID: String
        switch placement {
        case .existing(let id):
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM stories WHERE id = ?)", arguments: [id]) == true else {
                throw StoreError.unknownStory(id)
            }
            storyID = id
            try db.execute(
                sql: """
                    UPDATE stories SET
                        revision = revision + 1,
                        article_count = article_count + 1,
                        updated_at = ?,
                        last_sequence = ?,
                        first_published = CASE WHEN ?3 IS NULL THEN first_published
                            WHEN first_published IS NULL OR ?3 < first_published THEN ?3 ELSE first_published END,
                        last_published = CASE WHEN ?3 IS NULL THEN last_published
                            WHEN last_published IS NULL OR ?3 > last_published THEN ?3 ELSE last_published END
                    WHERE id = ?4
                    """,
                arguments: [now, sequence, day, id])
        case .new(let title):
            storyID = try newStoryID(db)
            try db.execute(
                sql: """
                    INSERT INTO stories (id, title, revision, article_count, outlets, first_published, last_published, updated_at, last_sequence)
                    VALUES (?, ?, 1, 1, '[]', ?, ?, ?, ?)
                    """,
                arguments: [storyID, title, day, day, now, sequence])
        }
        if let outlet {
            try db.execute(
                sql: """
                    INSERT INTO story_outlets (story_id, outlet, count) VALUES (?, ?, 1)
                    ON CONFLICT (story_id, outlet) DO UPDATE SET count = count + 1
                    """,
                arguments: [storyID, outlet])
            // Most frequent first, then by name, so the order does not depend on commit timing.
            try db.execute(
                sql: """
                    UPDATE stories SET outlets = (
                        SELECT json_group_array(outlet) FROM (
                            SELECT outlet FROM story_outlets WHERE story_id = ?1 ORDER BY count DESC, outlet COLLATE BINARY))
                    WHERE id = ?1
                    """,
                arguments: [storyID])
        }

        let provenance = article.provenance
        try db.cachedStatement(
            sql: """
                INSERT INTO articles (id, sequence, content_hash, story_id, title, outlet, url, path, published, published_day, modified,
                    authors, language, original, clean, paragraphs, snapshot, ingested_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            article.id, sequence, stored.contentHash, storyID, article.title, outlet, provenance.url, provenance.path,
            provenance.published, day, provenance.modified, CompactJSON.array(provenance.authors), provenance.language, article.original,
            article.body, CompactJSON.array(article.paragraphTexts), snapshot, now,
        ])
        try insertAnnotations(of: article, db: db)
        return .stored(articleID: article.id, storyID: storyID, sequence: sequence)
    }

    /// The suggested id, or the first of `id-2`, `id-3`, … not taken (as one run's ids are made unique).
    static func uniqueArticleID(_ suggested: String, db: Database) throws -> String {
        let base = suggested.isEmpty ? "article" : suggested
        func taken(_ id: String) throws -> Bool {
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM articles WHERE id = ?)", arguments: [id]) ?? false
        }
        guard try taken(base) else { return base }
        // Start past the suffixes already used, so a popular id costs one probe, not one per copy.
        let used = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM articles WHERE id = ?1 OR id LIKE ?1 || '-%'", arguments: [base]) ?? 1
        var n = max(2, used + 1)
        while try taken("\(base)-\(n)") { n += 1 }
        return "\(base)-\(n)"
    }

    /// `sN`, N one past the number of stories (the next free one if that is taken), as the
    /// in-memory store names them, so a store built again from the same articles in the same order
    /// names its stories the same.
    static func newStoryID(_ db: Database) throws -> String {
        var n = (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM stories") ?? 0) + 1
        while try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM stories WHERE id = ?)", arguments: ["s\(n)"]) == true { n += 1 }
        return "s\(n)"
    }

    /// All of an article's annotations in one statement: the rows go to SQLite as one JSON array
    /// that `json_each` unpacks, which costs a fraction of binding and stepping one statement per
    /// row (an article has a hundred mentions, quotes, figures and times).
    static func insertAnnotations(of article: Article, db: Database) throws {
        let annotations = article.annotations
        guard !annotations.isEmpty else { return }
        let scalars = article.text.scalarCount
        var rows = "["
        func add(_ kind: String, _ span: TextSpan, label: String?, detail: KeyValuePairs<String, String?>) {
            // A span outside the text is never written: annotations must slice the clean text.
            guard span.start >= 0, span.end <= scalars, span.start <= span.end else { return }
            if rows.utf8.count > 1 { rows += "," }
            rows += "[\"\(kind)\",\(span.start),\(span.end),"
            CompactJSON.append(article.text[span], to: &rows)
            rows += ","
            if let label { CompactJSON.append(label, to: &rows) } else { rows += "null" }
            rows += ","
            if let detail = CompactJSON.object(detail) { CompactJSON.append(detail, to: &rows) } else { rows += "null" }
            rows += "]"
        }
        for mention in annotations.mentions {
            let entity = annotations.entities.indices.contains(mention.entity) ? annotations.entities[mention.entity] : nil
            add("mention", mention.span, label: entity?.name, detail: ["entity": entity?.kind.rawValue, "form": mention.form.rawValue])
        }
        for quote in annotations.quotes {
            let speaker = quote.speaker.flatMap { annotations.entities.indices.contains($0) ? annotations.entities[$0].name : nil }
            add("quote", quote.span, label: speaker,
                detail: ["confidence": String((quote.confidence * 1000).rounded() / 1000), "partial": quote.partial ? "true" : nil])
        }
        for figure in annotations.figures {
            add("figure", figure.span, label: figure.unit,
                detail: ["approximation": figure.approximation?.rawValue, "counts": figure.counts, "value": String(figure.value)])
        }
        for time in annotations.times {
            add("time", time.span, label: time.value, detail: ["anchor": time.anchor?.rawValue, "type": time.kind.rawValue])
        }
        rows += "]"
        try db.cachedStatement(
            sql: """
                INSERT INTO annotations (article_id, kind, start, "end", text, label, detail)
                SELECT ?1, json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'), json_extract(value, '$[3]'),
                    json_extract(value, '$[4]'), json_extract(value, '$[5]') FROM json_each(?2)
                """
        ).execute(arguments: [article.id, rows])
    }

    // MARK: - Helpers

    /// Milliseconds, as every store writes them, so that string order is time order.
    static func timestamp() -> String { StoreIDs.timestamp(Date()) }
}
