import SynopticStore
import SynopticStoreTestSupport
import Testing

@testable import SynopticPostgres

/// The store contract every store keeps (the shared `StoreConformance` checks, the very list the
/// SQLite store runs), here on a real PostgreSQL server: one fresh database per check.
@Suite("PostgreSQL store conformance", .enabled(if: TestPostgres.available, "PostgreSQL cannot be started here"))
struct PostgresConformanceTests {
    @Test("PostgreSQL keeps the store contract", arguments: StoreConformance.checks)
    func conformance(_ check: StoreConformance.Check) async throws {
        // The checks expect a store on which migrate() has not run.
        let url = try await TestPostgres.makeDatabase()
        let store = try await PostgresStore.connect(url, migrate: false)
        do {
            try await check.run(on: store)
        } catch {
            await store.shutdown()
            try? await TestPostgres.dropDatabase(url)
            throw error
        }
        await store.shutdown()
        try await TestPostgres.dropDatabase(url)
    }
}

/// What a feed poller keeps between polls, on a real PostgreSQL server (the SQLite store runs the
/// same checks).
@Suite("PostgreSQL feed records", .enabled(if: TestPostgres.available, "PostgreSQL cannot be started here"))
struct PostgresFeedRecordTests {
    @Test("feed records are kept between polls")
    func feedRecords() async throws {
        try await TestPostgres.withStore { store, _ in try await FeedRecordConformance.run(on: store) }
    }
}
