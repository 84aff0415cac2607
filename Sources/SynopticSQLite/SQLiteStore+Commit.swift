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
                try String.fetchOne(db.cachedStatement(sql: "SELECT id FROM articles WHERE content_hash = ?"), arguments: [contentHash])
            }
        }
    }

    /// One read for a whole batch (in chunks of 500 hashes), rather than one per article.
    public func articleIDs(contentHashes: [String]) async throws -> [String: String] {
        let hashes = Array(Set(contentHashes))
        guard !hashes.isEmpty else { return [:] }
        return try await guarded {
            try await pool.read { db in
                var ids: [String: String] = [:]
                for start in stride(from: 0, to: hashes.count, by: 500) {
                    let chunk = Array(hashes[start..<min(start + 500, hashes.count)])
                    let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                    let rows = try Row.fetchCursor(
                        db, sql: "SELECT content_hash, id FROM articles WHERE content_hash IN (\(marks))", arguments: StatementArguments(chunk))
                    while let row = try rows.next() { ids[row[0]] = row[1] }
                }
                return ids
            }
        }
    }

    /// A batch in one `BEGIN IMMEDIATE` transaction: the write lock is taken before anything is
    /// read, so the duplicate and sequence checks and the writes see one state that no other
    /// writer can change in between. A duplicate first article is answered before staleness: the
    /// same content is refused whatever else was committed meanwhile, and the writer need not
    /// catch up to learn it.
    ///
    /// Why batches: most of a one-article commit was SQLite rewriting the same story and index
    /// pages into the write-ahead log at every commit; a batch writes them once
    /// (docs/performance.md).
    public func commit(_ batch: [BatchArticle], expectedSequence: Int64) async throws -> [CommitOutcome] {
        guard !batch.isEmpty else { return [] }
        for (index, entry) in batch.enumerated() { try entry.checkPlacement(at: index) }
        // The snapshots and the annotations are encoded outside the write lock; only an id taken
        // by another article (rare) makes the commit encode a snapshot again under a new id. The
        // first article that cannot be encoded ends the batch: the ones before it are committed,
        // it is answered `rejected`.
        var encoded: [(snapshot: Data, annotations: String?)] = []
        var rejection: String?
        for entry in batch {
            let article = entry.article.article
            if let problem = StoreIDs.problem(with: article) {
                rejection = problem
                break
            }
            do {
                encoded.append((try ArticleSnapshotCoding.encode(article), try Self.annotationsColumn(article)))
            } catch {
                rejection = "article \(article.id): it cannot be encoded (\(error))"
                break
            }
        }
        let now = Self.timestamp()
        let ready = encoded
        let reason = rejection
        return try await guarded {
            try await pool.writeWithoutTransaction { db in
                var outcomes: [CommitOutcome] = []
                try db.inTransaction(.immediate) {
                    outcomes = []
                    var storyOfEntry: [String] = []
                    for (index, entry) in batch.enumerated() {
                        guard index < ready.count else {
                            outcomes.append(.rejected(reason: reason ?? "article \(entry.article.id) could not be encoded"))
                            break
                        }
                        var placement = entry.placement
                        if case .withBatchArticle(let earlier) = placement { placement = .existing(storyID: storyOfEntry[earlier]) }
                        // Past the first article the expected sequence is the one this batch has reached.
                        let outcome = try Self.commit(
                            entry.article, snapshot: ready[index].snapshot, annotations: ready[index].annotations, placement: placement,
                            expectedSequence: expectedSequence + Int64(index), now: now, db: db)
                        outcomes.append(outcome)
                        guard case .stored(_, let storyID, _) = outcome else { break }
                        storyOfEntry.append(storyID)
                    }
                    return storyOfEntry.isEmpty ? .rollback : .commit
                }
                return outcomes
            }
        }
    }

    static func latestSequence(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT MAX(sequence) FROM articles")) ?? 0
    }

    // MARK: - Inside the transaction

    static func commit(
        _ stored: StoredArticle, snapshot: Data, annotations: String?, placement: StoryPlacement, expectedSequence: Int64, now: String,
        db: Database
    ) throws -> CommitOutcome {
        // Every statement of a commit is prepared once per connection (`cachedStatement`):
        // preparing them anew was a tenth of a commit's time.
        if let existing = try String.fetchOne(
            db.cachedStatement(sql: "SELECT id FROM articles WHERE content_hash = ?"), arguments: [stored.contentHash])
        {
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
        case .withBatchArticle:
            // The batch resolves it to the story that article went into before it gets here.
            throw StoreError.badPlacement("a placement with a batch article reached a single commit")
        case .existing(let id):
            guard try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM stories WHERE id = ?)"), arguments: [id]) == true else {
                throw StoreError.unknownStory(id)
            }
            storyID = id
            try db.cachedStatement(
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
                    """
            ).execute(arguments: [now, sequence, day, id])
        case .new(let title):
            storyID = try newStoryID(db)
            try db.cachedStatement(
                sql: """
                    INSERT INTO stories (id, title, revision, article_count, outlets, first_published, last_published, updated_at, last_sequence)
                    VALUES (?, ?, 1, 1, '[]', ?, ?, ?, ?)
                    """
            ).execute(arguments: [storyID, title, day, day, now, sequence])
        }
        if let outlet {
            try db.cachedStatement(
                sql: """
                    INSERT INTO story_outlets (story_id, outlet, count) VALUES (?, ?, 1)
                    ON CONFLICT (story_id, outlet) DO UPDATE SET count = count + 1
                    """
            ).execute(arguments: [storyID, outlet])
            // Most frequent first, then by name, so the order does not depend on commit timing.
            try db.cachedStatement(
                sql: """
                    UPDATE stories SET outlets = (
                        SELECT json_group_array(outlet) FROM (
                            SELECT outlet FROM story_outlets WHERE story_id = ?1 ORDER BY count DESC, outlet COLLATE BINARY))
                    WHERE id = ?1
                    """
            ).execute(arguments: [storyID])
        }

        let provenance = article.provenance
        try db.cachedStatement(
            sql: """
                INSERT INTO articles (id, sequence, content_hash, story_id, title, outlet, url, path, published, published_day, modified,
                    authors, language, original, clean, paragraphs, snapshot, annotations, ingested_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            article.id, sequence, stored.contentHash, storyID, article.title, outlet, provenance.url, provenance.path,
            provenance.published, day, provenance.modified, CompactJSON.array(provenance.authors), provenance.language, article.original,
            article.body, CompactJSON.array(article.paragraphTexts), snapshot, annotations, now,
        ])
        return .stored(articleID: article.id, storyID: storyID, sequence: sequence)
    }

    /// The suggested id, or the first of `id-2`, `id-3`, … not taken (as one run's ids are made unique).
    static func uniqueArticleID(_ suggested: String, db: Database) throws -> String {
        let base = suggested.isEmpty ? "article" : suggested
        func taken(_ id: String) throws -> Bool {
            try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM articles WHERE id = ?)"), arguments: [id]) ?? false
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
        var n = (try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM stories")) ?? 0) + 1
        while try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM stories WHERE id = ?)"), arguments: ["s\(n)"]) == true {
            n += 1
        }
        return "s\(n)"
    }

    /// The `annotations` column: the article's annotations as one JSON value (``AnnotationsCodec``),
    /// or NULL when extraction found nothing. A span outside the clean text is refused here (the
    /// commit fails, naming the article), so that every stored article reads back.
    static func annotationsColumn(_ article: Article) throws -> String? {
        guard !article.annotations.isEmpty else { return nil }
        do {
            return try AnnotationsCodec.encode(article.annotations, textLength: article.text.scalarCount)
        } catch {
            throw StoreError.damaged("article \(article.id): \(error)")
        }
    }

    // MARK: - Helpers

    /// Milliseconds, as every store writes them, so that string order is time order.
    static func timestamp() -> String { StoreIDs.timestamp(Date()) }
}
