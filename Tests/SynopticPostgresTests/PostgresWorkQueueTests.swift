import Foundation
import Synoptic
import SynopticStore
import Testing

@testable import SynopticPostgres

/// The work queue on a real server: several workers, each with its own store and connections,
/// claim from one queue; nothing is lost, nothing is done twice, and a dead worker's items come back.
@Suite("PostgreSQL work queue", .enabled(if: TestPostgres.available, "PostgreSQL cannot be started here"))
struct PostgresWorkQueueTests {
    static func document(_ index: Int) -> QueuedDocument {
        let provenance = Provenance(origin: .jsonLines, path: "batch.jsonl", line: index + 1, outlet: "Outlet \(index % 7)")
        var document = QueuedDocument(
            SourceDocument(
                suggestedID: "item-\(index)", provenance: provenance, metadata: SourceMetadata(title: "Title \(index)"),
                text: "Body of article \(index)."))
        if index % 10 == 0 { document.html = Data("<p>page \(index)</p>".utf8) }
        return document
    }

    /// What the workers did, counted per item.
    actor Ledger {
        var processed: [Int64: Int] = [:]
        var suggestedIDs: [Int64: String] = [:]
        var claimsByWorker: [String: Int] = [:]

        func record(_ item: WorkItem) {
            processed[item.id, default: 0] += 1
            suggestedIDs[item.id] = item.document.suggestedID
            claimsByWorker[item.worker, default: 0] += 1
        }
    }

    @Test("Eight workers on separate connections process 400 items exactly once")
    func concurrentWorkersProcessEachItemOnce() async throws {
        try await TestPostgres.withStore { producer, url in
            let count = 400
            let ids = try await producer.enqueue((0..<count).map(Self.document))
            #expect(ids.count == count)
            #expect(Set(ids).count == count)
            #expect(ids == ids.sorted())

            let ledger = Ledger()
            let workerCount = 8
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<workerCount {
                    group.addTask {
                        // Each worker is its own store: its own pool, its own connections, as in
                        // separate processes.
                        let store = try await PostgresStore.connect(url)
                        let name = "worker-\(index)"
                        do {
                            while true {
                                let items = try await store.claim(limit: 3, worker: name, lease: .seconds(60))
                                if items.isEmpty { break }
                                for item in items {
                                    await ledger.record(item)
                                    // A little work, so claims interleave.
                                    try await Task.sleep(for: .milliseconds(Int.random(in: 0...3)))
                                    let completed = try await store.complete(item)
                                    #expect(completed, "worker \(name) lost item \(item.id) with a 60 s lease")
                                }
                            }
                        } catch {
                            await store.shutdown()
                            throw error
                        }
                        await store.shutdown()
                    }
                }
                try await group.waitForAll()
            }

            let processed = await ledger.processed
            #expect(processed.count == count, "every item processed")
            #expect(processed.values.allSatisfy { $0 == 1 }, "no item processed twice")
            #expect(Set(processed.keys) == Set(ids))
            let suggested = await ledger.suggestedIDs
            #expect(Set(suggested.values) == Set((0..<count).map { "item-\($0)" }))
            let busyWorkers = await ledger.claimsByWorker.filter { $0.value > 0 }.count
            #expect(busyWorkers > 1, "the work was shared")
            let counts = try await producer.queueCounts()
            #expect(counts == WorkQueueCounts(pending: 0, claimed: 0, done: count, failed: 0))
        }
    }

    @Test("A queued document comes back as it went in, page bytes included")
    func documentRoundTrip() async throws {
        try await TestPostgres.withStore { store, _ in
            var original = Self.document(10)
            original.html = Data([0x3C, 0x70, 0x3E, 0xE9, 0x00, 0xFF, 0x3C, 0x2F, 0x70, 0x3E])  // not UTF-8, NUL inside
            original.htmlCharset = "windows-1252"
            original.text = "Caf\u{E9} \u{201C}quoted\u{201D} \u{1F4F0}"
            original.provenance.authors = ["A. Writer", "B. Writer"]
            try await store.enqueue([original])
            let items = try await store.claim(limit: 10, worker: "w", lease: .seconds(30))
            #expect(items.count == 1)
            #expect(items.first?.document == original)
            #expect(items.first?.attempt == 1)
            let roundTripped = try #require(items.first?.document.sourceDocument)
            #expect(roundTripped.html == [UInt8](original.html ?? Data()))
            #expect(roundTripped.metadata.title == "Title 10")
        }
    }

    @Test("A dead worker's items return when its lease runs out, and its late completion is refused")
    func expiredLeaseReturnsItems() async throws {
        try await TestPostgres.withStore { store, _ in
            try await store.enqueue((0..<5).map(Self.document))
            let dead = try await store.claim(limit: 3, worker: "dies", lease: .seconds(60))
            #expect(dead.map(\.document.suggestedID) == ["item-0", "item-1", "item-2"])

            // While the lease runs, another worker only gets the rest.
            let other = try await store.claim(limit: 10, worker: "alive", lease: .seconds(60))
            #expect(other.map(\.document.suggestedID) == ["item-3", "item-4"])
            #expect(try await store.claim(limit: 10, worker: "alive", lease: .seconds(60)).isEmpty)

            // The lease runs out (ended by hand rather than waited for, so a slow machine cannot
            // race it; leaseRunsOutOnLastAttempt waits for real leases).
            _ = try await store.rows("UPDATE work_queue SET lease_until = now() - interval '1 millisecond' WHERE worker = 'dies'")
            let reclaimed = try await store.claim(limit: 10, worker: "alive", lease: .seconds(60))
            #expect(reclaimed.map(\.id) == dead.map(\.id))
            #expect(reclaimed.allSatisfy { $0.attempt == 2 })

            // The dead worker wakes up: its claim is no longer its own.
            #expect(try await store.complete(dead[0]) == false)
            #expect(try await store.renew(dead[1], lease: .seconds(10)) == false)
            for item in reclaimed + other { #expect(try await store.complete(item)) }
            #expect(try await store.queueCounts() == WorkQueueCounts(done: 5))
        }
    }

    @Test("Renewing a lease keeps the item from other workers")
    func renewKeepsTheItem() async throws {
        try await TestPostgres.withStore { store, _ in
            try await store.enqueue([Self.document(0)])
            let items = try await store.claim(limit: 1, worker: "slow", lease: .milliseconds(400))
            let item = try #require(items.first)
            try await Task.sleep(for: .milliseconds(200))
            #expect(try await store.renew(item, lease: .seconds(30)))
            try await Task.sleep(for: .milliseconds(400))
            #expect(try await store.claim(limit: 1, worker: "other", lease: .seconds(30)).isEmpty)
            #expect(try await store.complete(item))
        }
    }

    @Test("A failed item is retried until its attempts run out, then kept as failed with its reason")
    func failRetriesThenGivesUp() async throws {
        try await TestPostgres.withStore { store, _ in
            #expect(store.maxAttempts == 3)
            try await store.enqueue([Self.document(0), Self.document(1)])
            for attempt in 1...3 {
                let items = try await store.claim(limit: 1, worker: "w", lease: .seconds(30))
                let item = try #require(items.first)
                #expect(item.document.suggestedID == "item-0")
                #expect(item.attempt == attempt)
                #expect(try await store.fail(item, reason: "parse error \(attempt)", retry: true))
            }
            // item-0 used its three attempts; only item-1 is left.
            let rest = try await store.claim(limit: 5, worker: "w", lease: .seconds(30))
            #expect(rest.map(\.document.suggestedID) == ["item-1"])
            #expect(try await store.fail(rest[0], reason: "not an article", retry: false))
            #expect(try await store.claim(limit: 5, worker: "w", lease: .seconds(30)).isEmpty)
            #expect(try await store.queueCounts() == WorkQueueCounts(failed: 2))
            let reasons = try await store.rows("SELECT last_error FROM work_queue ORDER BY id").map { try $0.decode(String.self) }
            #expect(reasons == ["parse error 3", "not an article"])
        }
    }

    @Test("An item whose lease runs out on its last attempt is failed, not claimed a fourth time")
    func leaseRunsOutOnLastAttempt() async throws {
        try await TestPostgres.withStore { store, _ in
            try await store.enqueue([Self.document(0)])
            for _ in 1...3 {
                #expect(try await store.claim(limit: 1, worker: "crashes", lease: .milliseconds(50)).count == 1)
                try await Task.sleep(for: .milliseconds(120))
            }
            #expect(try await store.claim(limit: 1, worker: "next", lease: .seconds(30)).isEmpty)
            #expect(try await store.queueCounts() == WorkQueueCounts(failed: 1))
        }
    }
}
