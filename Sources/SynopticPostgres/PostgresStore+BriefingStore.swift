import Foundation
import PostgresNIO
import SynopticCore
import SynopticStore

extension PostgresStore: BriefingStore {
    public func latestSequence() async throws -> Int64 {
        let rows = try await rows("SELECT latest FROM synoptic_sequence WHERE id = 1")
        return try rows.first?.decode(Int64.self) ?? 0
    }

    public func articleID(contentHash: String) async throws -> String? {
        try await rows("SELECT id FROM articles WHERE content_hash = \(contentHash)").first?.decode(String.self)
    }

    /// One query for a whole batch.
    public func articleIDs(contentHashes: [String]) async throws -> [String: String] {
        let hashes = Array(Set(contentHashes))
        guard !hashes.isEmpty else { return [:] }
        var ids: [String: String] = [:]
        for row in try await rows("SELECT content_hash, id FROM articles WHERE content_hash = ANY(\(hashes))") {
            let (hash, id) = try row.decode((String, String).self)
            ids[hash] = id
        }
        return ids
    }

    /// Serialises with every other commit on the database by locking the one sequence row
    /// (`SELECT … FOR UPDATE`): a second writer waits for the first to commit, then sees the new
    /// sequence and is answered ``CommitOutcome/stale(latest:)``. The content hash is checked first,
    /// under the same lock, so a duplicate is reported as such even when the writer is behind.
    /// A batch is one transaction, the lock taken once; its articles are written one after the
    /// other as a single article was (a few round trips each).
    public func commit(_ batch: [BatchArticle], expectedSequence: Int64) async throws -> [CommitOutcome] {
        guard !batch.isEmpty else { return [] }
        for (index, entry) in batch.enumerated() { try entry.checkPlacement(at: index) }
        // The rows are prepared before the lock is taken; the first article that cannot be
        // prepared ends the batch (``BriefingStore/commit(_:expectedSequence:)``).
        var prepared: [ArticleRow] = []
        var rejection: String?
        for entry in batch {
            if let problem = StoreIDs.problem(with: entry.article.article) {
                rejection = problem
                break
            }
            do {
                prepared.append(try ArticleRow(entry.article))
            } catch {
                rejection = "article \(entry.article.id): it cannot be encoded (\(error))"
                break
            }
        }
        let rows = prepared
        let reason = rejection
        return try await transaction { connection in
            let locked = try await connection.query(
                "SELECT latest, stories_created FROM synoptic_sequence WHERE id = 1 FOR UPDATE", logger: logger
            ).collect()
            guard let lockedRow = locked.first else { throw StoreError.damaged("synoptic_sequence has no row") }
            var (latest, storiesCreated) = try lockedRow.decode((Int64, Int64).self)
            var outcomes: [CommitOutcome] = []
            var storyOfEntry: [String] = []
            for (index, entry) in batch.enumerated() {
                guard index < rows.count else {
                    outcomes.append(.rejected(reason: reason ?? "article \(entry.article.id) could not be encoded"))
                    break
                }
                var placement = entry.placement
                if case .withBatchArticle(let earlier) = placement { placement = .existing(storyID: storyOfEntry[earlier]) }
                let outcome = try await commitOne(
                    rows[index], placement: placement, checkSequence: index == 0 ? expectedSequence : nil, latest: latest,
                    storiesCreated: &storiesCreated, on: connection)
                outcomes.append(outcome)
                guard case .stored(_, let storyID, let sequence) = outcome else { break }
                storyOfEntry.append(storyID)
                latest = sequence
            }
            return outcomes
        }
    }

    /// One article of a batch, under the lock: `latest` is the sequence as of now, and with
    /// `checkSequence` (the batch's first article) a different one is answered as stale.
    private func commitOne(
        _ row: ArticleRow, placement: StoryPlacement, checkSequence expectedSequence: Int64?, latest: Int64, storiesCreated: inout Int64,
        on connection: PostgresConnection
    ) async throws -> CommitOutcome {
        // The duplicate check and the server's clock in one round trip, after the lock is held:
        // one clock for every worker, read in commit order.
        // With them, which of the article's first candidate ids are taken (``unused``'s rule).
        let baseID = row.id.isEmpty ? "article" : row.id
        let candidates = Self.candidates(baseID, from: 1)
        let checked = try await connection.query(
            #"""
            SELECT (SELECT id FROM articles WHERE content_hash = \#(row.contentHash)),
                   to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                   ARRAY(SELECT id FROM articles WHERE id = ANY(\#(candidates)))
            """#, logger: logger
        ).collect()
        guard let checkedRow = checked.first else { throw StoreError.damaged("the duplicate check answered no row") }
        let (duplicate, now, takenIDs) = try checkedRow.decode((String?, String, [String]).self)
        if let duplicate { return .duplicate(of: duplicate) }
        if let expectedSequence, latest != expectedSequence { return .stale(latest: latest) }
        let sequence = latest + 1
        let taken = Set(takenIDs)
        let articleID: String
        if let free = candidates.first(where: { !taken.contains($0) }) {
            articleID = free
        } else {
            articleID = try await Self.unused(baseID, table: "articles", on: connection, logger: logger)
        }

        let storyID: String
        let revision: Int64
        switch placement {
        case .withBatchArticle:
            // Resolved by the caller to the story that article went into.
            throw StoreError.badPlacement("a batch placement reached a single commit")
        case .existing(let id):
            let updated = try await connection.query(
                """
                UPDATE stories
                SET revision = revision + 1, article_count = article_count + 1, updated_at = \(now), last_sequence = \(sequence),
                    first_published = least(first_published, \(row.publishedDay)),
                    last_published = greatest(last_published, \(row.publishedDay))
                WHERE id = \(id)
                RETURNING revision
                """, logger: logger
            ).collect()
            guard let first = updated.first else { throw StoreError.unknownStory(id) }
            storyID = id
            revision = try first.decode(Int64.self)
        case .new(let title):
            // Stories are named s1, s2, … in order of creation, as every store names them.
            storyID = try await Self.unused("s\(storiesCreated + 1)", table: "stories", on: connection, logger: logger)
            revision = 1
            try await connection.query(
                """
                WITH story AS (
                    INSERT INTO stories (id, title, revision, article_count, created_at, updated_at, last_sequence, first_published, last_published)
                    VALUES (\(storyID), \(storable(title)), 1, 1, \(now), \(now), \(sequence), \(row.publishedDay), \(row.publishedDay))
                )
                UPDATE synoptic_sequence SET stories_created = stories_created + 1 WHERE id = 1
                """, logger: logger)
            storiesCreated += 1
        }

        // The article, its annotations, the story's version row and the new sequence in one
        // statement (one round trip: the lock is held for as few of them as possible).
        try await connection.query(
            """
            WITH article AS (
                INSERT INTO articles (id, sequence, story_id, content_hash, title, outlet, url, published, published_day,
                                      original, clean_text, paragraphs, metadata, snapshot, annotations_snapshot, ingested_at)
                VALUES (\(articleID), \(sequence), \(storyID), \(row.contentHash), \(row.title), \(row.outlet), \(row.url),
                        \(row.published), \(row.publishedDay), \(row.original), \(row.cleanText), \(row.paragraphs),
                        \(row.metadata)::jsonb, \(row.snapshot), \(row.annotationsSnapshot), \(now))
            ), annotation AS (
                INSERT INTO annotations (article_id, kind, payload)
                SELECT \(articleID), kind, payload::jsonb
                FROM unnest(\(row.annotations.map(\.kind))::text[], \(row.annotations.map(\.payload))::text[]) AS t (kind, payload)
            ), version AS (
                INSERT INTO story_versions (story_id, revision, article_id, sequence, created_at)
                VALUES (\(storyID), \(revision), \(articleID), \(sequence), \(now))
            )
            UPDATE synoptic_sequence SET latest = \(sequence) WHERE id = 1
            """, logger: logger)
        return .stored(articleID: articleID, storyID: storyID, sequence: sequence)
    }

    public func clusterLog(after sequence: Int64, limit: Int) async throws -> [ClusterLogEntry] {
        let rows = try await rows(
            """
            SELECT sequence, id, story_id, title, paragraphs, published FROM articles
            WHERE sequence > \(sequence) ORDER BY sequence LIMIT \(max(0, limit))
            """)
        return try rows.map { row in
            let (sequence, id, storyID, title, paragraphs, published) = try row.decode((Int64, String, String, String?, [String], String?).self)
            return ClusterLogEntry(sequence: sequence, articleID: id, storyID: storyID, title: title, paragraphs: paragraphs, published: published)
        }
    }

    /// Most recently updated first: by the last commit that touched each story (a timestamp can
    /// be shared by two commits in one millisecond; the commit sequence cannot).
    public func stories(_ query: StoryQuery) async throws -> StoryPage {
        // As ``StoreIDs/matches(_:members:)``: some article from the outlet, and some article
        // published in the range (not necessarily the same one).
        var conditions: [String] = []
        var binds = PostgresBindings()
        if let outlet = query.outlet {
            binds.append(outlet.lowercased())
            conditions.append("EXISTS (SELECT 1 FROM articles a WHERE a.story_id = s.id AND lower(a.outlet) = $\(binds.count))")
        }
        if query.from != nil || query.to != nil {
            var range = ["a.published_day IS NOT NULL"]
            if let from = query.from {
                binds.append(from)
                range.append("a.published_day >= $\(binds.count)")
            }
            if let to = query.to {
                binds.append(to)
                range.append("a.published_day <= $\(binds.count)")
            }
            conditions.append("EXISTS (SELECT 1 FROM articles a WHERE a.story_id = s.id AND \(range.joined(separator: " AND ")))")
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let countRows = try await rows(PostgresQuery(unsafeSQL: "SELECT count(*) FROM stories s \(filter)", binds: binds))
        let total = try countRows.first?.decode(Int.self) ?? 0
        binds.append(max(0, query.limit))
        let limit = binds.count
        binds.append(max(0, query.offset))
        let offset = binds.count
        let page = try await rows(
            PostgresQuery(
                unsafeSQL: "\(Self.storyColumns) FROM stories s \(filter) ORDER BY s.last_sequence DESC LIMIT $\(limit) OFFSET $\(offset)",
                binds: binds))
        return StoryPage(stories: try page.map(Self.story), total: total)
    }

    public func story(id: String) async throws -> StoredStory? {
        try await rows(PostgresQuery(unsafeSQL: "\(Self.storyColumns) FROM stories s WHERE s.id = $1", binds: Self.binds(id)))
            .first.map(Self.story)
    }

    public func articles(inStory storyID: String) async throws -> [StoredArticle] {
        try await articles(where: "a.story_id = $1 ORDER BY a.sequence", Self.binds(storyID))
    }

    public func article(id: String) async throws -> StoredArticle? {
        try await articles(where: "a.id = $1", Self.binds(id)).first
    }

    public func articles(after sequence: Int64, limit: Int) async throws -> [StoredArticle] {
        var binds = PostgresBindings()
        binds.append(sequence)
        binds.append(max(0, limit))
        return try await articles(where: "a.sequence > $1 ORDER BY a.sequence LIMIT $2", binds)
    }

    public func cachedBriefing(storyID: String, revision: Int64, format: String) async throws -> String? {
        try await rows(
            "SELECT content FROM briefing_cache WHERE story_id = \(storyID) AND format = \(format) AND revision = \(revision)"
        ).first?.decode(String.self)
    }

    /// An upsert that never lets an older revision replace a newer one (two servers rendering the
    /// same story at different moments).
    public func cacheBriefing(storyID: String, revision: Int64, format: String, content: String) async throws {
        _ = try await rows(
            """
            INSERT INTO briefing_cache (story_id, format, revision, content) VALUES (\(storyID), \(format), \(revision), \(storable(content)))
            ON CONFLICT (story_id, format) DO UPDATE SET revision = EXCLUDED.revision, content = EXCLUDED.content
            WHERE briefing_cache.revision <= EXCLUDED.revision
            """)
    }

    public func recordVersions(storyID: String, revision: Int64, groups: [[String]]) async throws {
        let links = VersionLink.links(storyID: storyID, revision: revision, groups: groups)
        try await transaction { connection in
            let updated = try await connection.query(
                """
                UPDATE stories SET versions_revision = \(revision) WHERE id = \(storyID) AND versions_revision <= \(revision) RETURNING id
                """, logger: logger
            ).collect()
            guard !updated.isEmpty else { return }
            try await connection.query("DELETE FROM article_versions WHERE story_id = \(storyID)", logger: logger)
            let earlier = links.map(\.earlierID)
            let later = links.map(\.laterID)
            try await connection.query(
                """
                INSERT INTO article_versions (story_id, position, revision, earlier_id, later_id)
                SELECT \(storyID), (t.ord - 1)::int, \(revision), t.earlier, t.later
                FROM unnest(\(earlier)::text[], \(later)::text[]) WITH ORDINALITY AS t (earlier, later, ord)
                """, logger: logger)
        }
    }

    public func versions(storyID: String) async throws -> [VersionLink] {
        var links: [VersionLink] = []
        for row in try await rows(
            "SELECT earlier_id, later_id, revision FROM article_versions WHERE story_id = \(storyID) ORDER BY position")
        {
            let (earlier, later, revision) = try row.decode((String, String, Int64).self)
            links.append(VersionLink(storyID: storyID, revision: revision, earlierID: earlier, laterID: later))
        }
        return links
    }

    // MARK: - Reading rows

    /// A story's columns, with its outlets most frequent first, then by name (``StoreIDs/outlets(of:)``).
    static let storyColumns = """
        SELECT s.id, s.title, s.revision, s.article_count, s.updated_at, s.first_published, s.last_published,
               coalesce((SELECT array_agg(o.outlet ORDER BY o.n DESC, o.outlet COLLATE "C")
                         FROM (SELECT a.outlet, count(*) AS n FROM articles a
                               WHERE a.story_id = s.id AND a.outlet <> '' GROUP BY a.outlet) o), ARRAY[]::text[])
        """

    static func story(_ row: PostgresRow) throws -> StoredStory {
        let (id, title, revision, count, updatedAt, first, last, outlets) = try row.decode(
            (String, String, Int64, Int, String, String?, String?, [String]).self)
        return StoredStory(
            id: id, title: title, outlets: outlets, articleCount: count, revision: revision, updatedAt: updatedAt, firstPublished: first,
            lastPublished: last)
    }

    private func articles(where clause: String, _ binds: PostgresBindings) async throws -> [StoredArticle] {
        let rows = try await rows(
            PostgresQuery(
                unsafeSQL: """
                    SELECT a.id, a.sequence, a.story_id, a.content_hash, a.snapshot, a.annotations_snapshot, a.ingested_at
                    FROM articles a WHERE \(clause)
                    """,
                binds: binds))
        return try rows.map { row in
            let (id, sequence, storyID, contentHash, snapshot, annotations, ingestedAt) = try row.decode(
                (String, Int64, String, String, String, String, String).self)
            let article = try ArticleRow.article(fromSnapshot: snapshot, annotations: annotations, id: id)
            return StoredArticle(article: article, contentHash: contentHash, sequence: sequence, storyID: storyID, ingestedAt: ingestedAt)
        }
    }

    private static func binds(_ value: String) -> PostgresBindings {
        var binds = PostgresBindings()
        binds.append(value)
        return binds
    }

    /// `base`, or `base-2`, `base-3`, … the first not taken (``StoreIDs/unique(_:taken:)``'s rule),
    /// read under the commit lock so no other writer takes the same one meanwhile.
    static func unused(_ base: String, table: String, on connection: PostgresConnection, logger: Logger) async throws -> String {
        // Candidates in batches of 16, each batch one primary-key lookup (`= ANY`), so the cost
        // does not grow with the table as a prefix scan would.
        var first = 1
        while true {
            let candidates = Self.candidates(base, from: first)
            var binds = PostgresBindings()
            binds.append(candidates)
            let rows = try await connection.query(
                PostgresQuery(unsafeSQL: "SELECT id FROM \(table) WHERE id = ANY($1)", binds: binds), logger: logger
            ).collect()
            let taken = Set(try rows.map { try $0.decode(String.self) })
            if let free = candidates.first(where: { !taken.contains($0) }) { return free }
            first += 16
        }
    }

    /// `base`, `base-2`, `base-3`, … sixteen of them, from the `first`-th.
    static func candidates(_ base: String, from first: Int) -> [String] {
        (first..<first + 16).map { $0 == 1 ? base : "\(base)-\($0)" }
    }
}
