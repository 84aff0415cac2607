import Foundation
import GRDB
import SynopticCore
import SynopticStore
import SynopticStoreTestSupport
import Testing

@testable import SynopticSQLite

/// Migration v4 keeps annotations as one value per article: a file written by a version that kept
/// a row per span opens, migrates, and reads the same annotations.
@Suite("SQLite annotations migration")
struct AnnotationsMigrationTests {
    /// A row of the v1–v3 `annotations` table, written as those versions wrote it.
    struct LegacyRow: Hashable {
        var kind: String
        var start: Int
        var end: Int
        var text: String
        var label: String?
        var detail: String?
    }

    /// What the commit of migrations v1 to v3 wrote for an article (its code, kept here).
    static func legacyRows(of article: Article) -> [LegacyRow] {
        let annotations = article.annotations
        var rows: [LegacyRow] = []
        func detail(_ pairs: KeyValuePairs<String, String?>) -> String? {
            let present = pairs.compactMap { key, value in value.map { "\"\(key)\":\"\($0)\"" } }
            return present.isEmpty ? nil : "{" + present.joined(separator: ",") + "}"
        }
        func add(_ kind: String, _ span: TextSpan, label: String?, detail: String?) {
            rows.append(LegacyRow(kind: kind, start: span.start, end: span.end, text: String(article.text[span]), label: label, detail: detail))
        }
        for mention in annotations.mentions {
            let entity = annotations.entities.indices.contains(mention.entity) ? annotations.entities[mention.entity] : nil
            add("mention", mention.span, label: entity?.name, detail: detail(["entity": entity?.kind.rawValue, "form": mention.form.rawValue]))
        }
        for quote in annotations.quotes {
            let speaker = quote.speaker.flatMap { annotations.entities.indices.contains($0) ? annotations.entities[$0].name : nil }
            add("quote", quote.span, label: speaker,
                detail: detail(["confidence": String((quote.confidence * 1000).rounded() / 1000), "partial": quote.partial ? "true" : nil]))
        }
        for figure in annotations.figures {
            add("figure", figure.span, label: figure.unit,
                detail: detail(["approximation": figure.approximation?.rawValue, "counts": figure.counts, "value": String(figure.value)]))
        }
        for time in annotations.times {
            add("time", time.span, label: time.value, detail: detail(["anchor": time.anchor?.rawValue, "type": time.kind.rawValue]))
        }
        return rows
    }

    /// The article's rows in the order the commit wrote them: by kind (mentions, quotes, figures,
    /// times), then as extraction listed them.
    static func rows(_ db: Database) throws -> [LegacyRow] {
        let sql = #"""
            SELECT kind, start, "end", text, label, detail FROM annotations WHERE article_id = 'harbor'
            ORDER BY CASE kind WHEN 'mention' THEN 0 WHEN 'quote' THEN 1 WHEN 'figure' THEN 2 ELSE 3 END
            """#
        return try Row.fetchAll(db, sql: sql).map {
            LegacyRow(kind: $0["kind"], start: $0["start"], end: $0["end"], text: $0["text"], label: $0["label"], detail: $0["detail"])
        }
    }

    @Test("a file with a row per annotation migrates to one value per article and reads the same annotations")
    func oldSchemaReadsTheSame() async throws {
        let temporary = try TemporaryStore()
        defer { temporary.remove() }
        let fixture = StoreFixtures.annotatedArticle()
        let article = fixture.article
        let legacy = Self.legacyRows(of: article)
        #expect(Set(legacy.map(\.kind)) == ["mention", "quote", "figure", "time"])

        // The file as v1–v3 left it: the schema up to "v3 feeds", one article, its annotation rows.
        do {
            let queue = try DatabaseQueue(path: temporary.path)
            try SQLiteStore.migrator.migrate(queue, upTo: "v3 feeds")
            try await queue.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO stories (id, title, revision, article_count, outlets, updated_at, last_sequence)
                        VALUES ('s1', 'Harbor', 1, 1, '["Harbor Times"]', '2024-02-26T08:00:00.000Z', 1);
                        INSERT INTO story_outlets (story_id, outlet, count) VALUES ('s1', 'Harbor Times', 1);
                        """)
                try db.execute(
                    sql: """
                        INSERT INTO articles (id, sequence, content_hash, story_id, title, outlet, original, clean, paragraphs, snapshot, ingested_at)
                        VALUES ('harbor', 1, ?, 's1', ?, 'Harbor Times', ?, ?, '[]', ?, '2024-02-26T08:00:00.000Z')
                        """,
                    arguments: [fixture.contentHash, article.title, article.original, article.body, try ArticleSnapshotCoding.encode(article)])
                for row in legacy {
                    try db.execute(
                        sql: #"INSERT INTO annotations (article_id, kind, start, "end", text, label, detail) VALUES ('harbor', ?, ?, ?, ?, ?, ?)"#,
                        arguments: [row.kind, row.start, row.end, row.text, row.label, row.detail])
                }
            }
            #expect(try await queue.read(Self.rows) == legacy)
        }

        let store = try await temporary.migrated()
        #expect(try await store.appliedMigrations() == SQLiteStore.migrationNames)
        #expect(try await store.consistencyProblems() == [])
        // The view gives what the table held, row for row.
        let queue = try DatabaseQueue(path: temporary.path)
        #expect(try await queue.read(Self.rows) == legacy)
        #expect(try await store.counts().annotations == legacy.count)

        // The article reads back with every span, kind and label the rows had.
        let stored = try #require(try await store.article(id: "harbor"))
        let read = stored.article.annotations
        let original = article.annotations
        #expect(read.mentions.map(\.span) == original.mentions.map(\.span))
        #expect(read.mentions.map { read.entities[$0.entity].name } == original.mentions.map { original.entities[$0.entity].name })
        #expect(read.mentions.map(\.form) == original.mentions.map(\.form))
        #expect(read.quotes.map(\.span) == original.quotes.map(\.span))
        #expect(read.quotes.map { $0.speaker.map { read.entities[$0].name } } == original.quotes.map { $0.speaker.map { original.entities[$0].name } })
        #expect(read.figures.map(\.span) == original.figures.map(\.span) && read.figures.map(\.value) == original.figures.map(\.value))
        #expect(read.figures.map(\.unit) == original.figures.map(\.unit) && read.figures.map(\.counts) == original.figures.map(\.counts))
        #expect(read.times == original.times)
        #expect(Self.legacyRows(of: stored.article) == legacy)

        // And the migrated file takes new articles as a new one does.
        let next = StoreFixtures.article(2)
        let outcome = try await store.commit(next, placement: .new(title: "t"), expectedSequence: 1)
        guard case .stored = outcome else { throw StoreTestFailure("commit after migration answered \(outcome)") }
        #expect(try await store.consistencyProblems() == [])
    }

    @Test("the annotations view gives every span of a new commit with the words it covers, as the table did")
    func viewMatchesTheOldRows() async throws {
        let temporary = try TemporaryStore()
        defer { temporary.remove() }
        let store = try await temporary.migrated()
        let fixture = StoreFixtures.annotatedArticle()
        _ = try await store.commit(fixture, placement: .new(title: "Harbor"), expectedSequence: 0)
        let rows = try await DatabaseQueue(path: temporary.path).read(Self.rows)
        #expect(rows == Self.legacyRows(of: fixture.article))
        let stored = try #require(try await store.article(id: "harbor"))
        #expect(stored.article.annotations == fixture.article.annotations)
    }
}

struct StoreTestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
