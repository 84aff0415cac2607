import Foundation
import Synoptic

/// One ingest worker: claims documents from a ``WorkQueue``, ingests them through a
/// ``StoryLibrary`` and marks them done. Start as many as you like, in as many processes, on one
/// PostgreSQL database: each claims different documents, and each article is stored once.
///
/// ```swift
/// let store = try await PostgresStore.connect(url: url)
/// let worker = QueueWorker(queue: store, library: StoryLibrary(store: store), name: "host-a/1")
/// let report = try await worker.run()   // until the queue is empty
/// ```
public struct QueueWorker: Sendable {
    public var queue: any WorkQueue
    public var library: StoryLibrary
    /// Shown in the queue's `worker` column: make it unique per worker (host and process id).
    public var name: String
    /// Documents claimed at once: one batch is cleaned together, as `brief` cleans a batch.
    public var batchSize: Int
    /// How long a claim lasts; it must exceed the time a batch takes, or another worker takes the
    /// batch too (harmless for the store, which finds the articles already stored, but wasted).
    public var lease: Duration

    public init(queue: any WorkQueue, library: StoryLibrary, name: String, batchSize: Int = 8, lease: Duration = .seconds(120)) {
        self.queue = queue
        self.library = library
        self.name = name
        self.batchSize = max(1, batchSize)
        self.lease = lease
    }

    /// What a run did.
    public struct Report: Hashable, Sendable {
        /// Queue items marked done.
        public var completed = 0
        /// Items given back after an error (to be retried, or failed for good after their last attempt).
        public var failed = 0
        /// Items whose lease ran out before they were done (another worker had taken them again).
        public var leasesLost = 0
        /// Articles stored, and articles found already stored.
        public var stored = 0
        public var duplicates = 0
        public var diagnostics: [Diagnostic] = []

        public init() {}
    }

    /// Claims and ingests batches until the queue has nothing ready (`untilEmpty`), or until the
    /// task is cancelled, polling every `idle` when the queue is empty.
    public func run(untilEmpty: Bool = true, idle: Duration = .seconds(2)) async throws -> Report {
        var report = Report()
        while !Task.isCancelled {
            let items = try await queue.claim(limit: batchSize, worker: name, lease: lease)
            if items.isEmpty {
                if untilEmpty { break }
                try await Task.sleep(for: idle)
                continue
            }
            do {
                let ingest = try await library.ingest(items.map(\.document.sourceDocument))
                report.stored += ingest.stored
                report.duplicates += ingest.duplicates
                report.diagnostics += ingest.diagnostics
            } catch {
                // The store failed (connection lost, …): give the batch back for another try.
                for item in items {
                    if try await queue.fail(item, reason: "\(error)", retry: true) { report.failed += 1 } else { report.leasesLost += 1 }
                }
                continue
            }
            for item in items {
                if try await queue.complete(item) { report.completed += 1 } else { report.leasesLost += 1 }
            }
        }
        return report
    }
}
