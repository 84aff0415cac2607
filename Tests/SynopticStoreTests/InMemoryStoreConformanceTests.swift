import SynopticStore
import SynopticStoreTestSupport
import Testing

@Suite("In-memory store")
struct InMemoryStoreConformanceTests {
    @Test("keeps the store contract", arguments: StoreConformance.checks)
    func conformance(_ check: StoreConformance.Check) async throws {
        try await check.run(on: InMemoryStore())
    }
}
