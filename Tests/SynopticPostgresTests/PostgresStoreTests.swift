import Foundation
import SynopticStore
import Testing

@testable import SynopticPostgres

@Suite("PostgreSQL URLs")
struct PostgresURLTests {
    @Test("A full URL: user, password, host, port, database, sslmode, pool")
    func fullURL() throws {
        let url = try PostgresURL("postgres://ingest:s%40cret@db.internal:6432/news?sslmode=require&pool=4")
        #expect(url.username == "ingest")
        #expect(url.password == "s@cret")
        #expect(url.host == "db.internal")
        #expect(url.port == 6432)
        #expect(url.database == "news")
        #expect(url.tls == .require)
        #expect(url.poolSize == 4)
        #expect(url.description == "postgres://ingest:***@db.internal:6432/news", "the password never shows")
    }

    @Test("Defaults as libpq's: port 5432, the user's own database, TLS preferred")
    func defaults() throws {
        let url = try PostgresURL("postgresql://synoptic@127.0.0.1")
        #expect(url.port == 5432)
        #expect(url.database == "synoptic")
        #expect(url.tls == .prefer)
        #expect(url.password == nil)
        #expect(url.poolSize == 8)
    }

    @Test(
        "Unreadable URLs are refused with the reason",
        arguments: [
            "mysql://u@h/db", "postgres://h/db", "postgres://u@/db", "postgres://u@h/a/b", "postgres://u@h/db?sslmode=maybe",
            "postgres://u@h/db?pool=0", "postgres://u@h/db?color=blue",
        ])
    func refused(_ string: String) {
        #expect(throws: PostgresStoreError.self) { try PostgresURL(string) }
    }

    @Test("--db tells a PostgreSQL URL from a SQLite path")
    func recognised() {
        #expect(PostgresURL.isPostgresURL("postgres://u@h/db"))
        #expect(PostgresURL.isPostgresURL("PostgreSQL://u@h/db"))
        #expect(!PostgresURL.isPostgresURL("synoptic.sqlite"))
        #expect(!PostgresURL.isPostgresURL("./postgres/store.sqlite"))
    }
}

@Suite("PostgreSQL store setup", .enabled(if: TestPostgres.available, "PostgreSQL cannot be started here"))
struct PostgresSetupTests {
    @Test("Six workers starting at once on an empty database apply each migration once")
    func concurrentMigrations() async throws {
        let url = try await TestPostgres.makeDatabase()
        let stores = try await withThrowingTaskGroup(of: PostgresStore.self) { group in
            for _ in 0..<6 { group.addTask { try await PostgresStore.connect(url) } }
            return try await group.reduce(into: [PostgresStore]()) { $0.append($1) }
        }
        for store in stores {
            #expect(try await store.appliedMigrations() == PostgresStore.migrations.map(\.version))
        }
        // Migrating again changes nothing.
        try await stores[0].migrate()
        #expect(try await stores[0].appliedMigrations() == PostgresStore.migrations.map(\.version))
        for store in stores { await store.shutdown() }
        try await TestPostgres.dropDatabase(url)
    }

    @Test("A server that is not there is reported with the URL and the reason")
    func unreachableServer() async throws {
        let url = PostgresURL(host: "127.0.0.1", port: 1, username: "nobody", database: "none", tls: .disable)
        await #expect(throws: PostgresConnectError.self) { _ = try await PostgresStore.connect(url) }
    }

    @Test("A database that does not exist is reported in the server's words")
    func missingDatabase() async throws {
        let server = try await TestPostgres.serverURL()
        do {
            _ = try await PostgresStore.connect(server.with(database: "no_such_database_here"))
            Issue.record("connected to a database that does not exist")
        } catch let error as PostgresConnectError {
            #expect(error.reason.contains("no_such_database_here"), "\(error.reason)")
        }
    }

    @Test("A database migrated by a newer synoptic is refused")
    func newerSchemaRefused() async throws {
        try await TestPostgres.withStore { store, url in
            _ = try await store.rows("INSERT INTO synoptic_migrations (version, name) VALUES (999, 'from the future')")
            await #expect(throws: StoreError.newerSchema("it has migration 999, this synoptic knows up to \(PostgresStore.migrations.count)")) {
                _ = try await PostgresStore.connect(url)
            }
        }
    }
}
