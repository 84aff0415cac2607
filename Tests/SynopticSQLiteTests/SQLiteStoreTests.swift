import Foundation
import GRDB
import SynopticSQLite
import SynopticStore
import SynopticStoreTestSupport
import SynopticTestSupport
import Testing

/// A store in a fresh temporary folder, removed when the test is done with it.
struct TemporaryStore {
    let directory: URL
    var path: String { directory.appendingPathComponent("synoptic.sqlite").path }

    init() throws { directory = try SharedData.temporaryDirectory() }

    func open() throws -> SQLiteStore { try SQLiteStore(path: path) }

    /// The store opened and migrated, as most tests want it.
    func migrated() async throws -> SQLiteStore {
        let store = try open()
        try await store.migrate()
        return store
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}

@Suite("SQLite store")
struct SQLiteStoreTests {
    @Test("keeps the store contract", arguments: StoreConformance.checks)
    func conformance(_ check: StoreConformance.Check) async throws {
        let temporary = try TemporaryStore()
        defer { temporary.remove() }
        try await check.run(on: try temporary.open())
    }

    @Test("migrations are named, ordered and recorded once")
    func migrations() async throws {
        let temporary = try TemporaryStore()
        defer { temporary.remove() }
        let store = try await temporary.migrated()
        try await store.migrate()
        #expect(try await store.appliedMigrations() == SQLiteStore.migrationNames)
        #expect(SQLiteStore.migrationNames.first == "v1 articles, stories, annotations")
        // A second process opening the same file finds it migrated.
        let again = try temporary.open()
        #expect(try await again.appliedMigrations() == SQLiteStore.migrationNames)
        let journal = try await DatabaseQueue(path: temporary.path).read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(journal == "wal")
    }

    @Test("a file that is not a database is refused with its name")
    func notADatabase() async throws {
        let temporary = try TemporaryStore()
        defer { temporary.remove() }
        try Data(String(repeating: "this is not a database\n", count: 400).utf8).write(to: URL(fileURLWithPath: temporary.path))
        let error = try #require(throws: SQLiteStoreError.self) { _ = try temporary.open() }
        #expect(error == .notADatabase(path: temporary.path))
        #expect(error.description.contains(temporary.path))
    }

    @Test("a directory, or a folder that is not there, is refused with its name")
    func cannotOpen() throws {
        let temporary = try TemporaryStore()
        defer { temporary.remove() }
        let directory = try #require(throws: SQLiteStoreError.self) { _ = try SQLiteStore(path: temporary.directory.path) }
        #expect(directory.description.contains(temporary.directory.path))
        let missing = temporary.directory.appendingPathComponent("no/such/folder/store.sqlite").path
        let error = try #require(throws: SQLiteStoreError.self) { _ = try SQLiteStore(path: missing) }
        #expect(error.description.contains(missing))
    }

    @Test("a store migrated by a newer version is refused")
    func newerSchema() async throws {
        let temporary = try TemporaryStore()
        defer { temporary.remove() }
        try await temporary.open().migrate()
        try await DatabaseQueue(path: temporary.path).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99 from the future')")
        }
        let error = try #require(throws: SQLiteStoreError.self) { _ = try temporary.open() }
        #expect(error == .newerSchema(path: temporary.path))
    }

    @Test("a truncated database file is reported, not crashed on")
    func truncated() async throws {
        let temporary = try TemporaryStore()
        defer { temporary.remove() }
        do {
            let store = try await temporary.migrated()
            for n in 1...30 {
                _ = try await store.commit(StoreFixtures.article(n), placement: .new(title: "t"), expectedSequence: Int64(n - 1))
            }
        }
        // Checkpoint the WAL into the main file, drop the WAL, then cut the main file short.
        try await DatabaseQueue(path: temporary.path).writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: temporary.path + suffix) }
        let data = try Data(contentsOf: URL(fileURLWithPath: temporary.path))
        try data.prefix(data.count / 3).write(to: URL(fileURLWithPath: temporary.path))
        do {
            let store = try temporary.open()
            _ = try await store.articles(after: 0, limit: 100)
            _ = try await store.stories(StoryQuery())
            Issue.record("a truncated store read without error")
        } catch let error as SQLiteStoreError {
            #expect(error.description.contains(temporary.path), "\(error)")
        }
    }

    @Test("feed records are kept between polls")
    func feeds() async throws {
        let temporary = try TemporaryStore()
        defer { temporary.remove() }
        let store = try await temporary.migrated()
        try await FeedRecordConformance.run(on: store)
    }

    @Test("annotations are written as spans into the clean text")
    func annotations() async throws {
        let temporary = try TemporaryStore()
        defer { temporary.remove() }
        let store = try await temporary.migrated()
        let fixture = StoreFixtures.annotatedArticle()
        _ = try await store.commit(fixture, placement: .new(title: "Harbor"), expectedSequence: 0)
        let rows = try DatabaseQueue(path: temporary.path).read { db in
            try Row.fetchAll(db, sql: #"SELECT a.kind, a.start, a."end", a.text, r.clean FROM annotations a JOIN articles r ON r.id = a.article_id"#)
        }
        #expect(Set(rows.map { $0["kind"] as String }).isSuperset(of: ["mention", "quote", "figure", "time"]))
        for row in rows {
            let clean = Array((row["clean"] as String).unicodeScalars)
            let start: Int = row["start"], end: Int = row["end"]
            #expect(String(String.UnicodeScalarView(clean[start..<end])) == row["text"] as String)
        }
    }
}
