import Foundation
import SynopticCore
import SynopticIngest

/// Raw input waiting to be ingested, shared by several workers.
///
/// One process (a feed poller, the HTTP API, `synoptic ingest --enqueue`) puts decoded input
/// documents in; any number of workers, on any machines that reach the same database, take them
/// out, turn them into articles and commit them through a ``BriefingStore``.
///
/// The contract every implementation keeps:
/// - **A claimed item is held by one worker at a time.** ``claim(limit:worker:lease:)`` never hands
///   the same item to two workers while its lease runs, and never makes a worker wait for items
///   another worker is claiming (PostgreSQL: `FOR UPDATE SKIP LOCKED`).
/// - **Nothing is lost when a worker dies.** A claimed item that is neither completed nor failed
///   before its lease ends is claimed again by the next worker that asks, up to
///   ``maxAttempts`` claims; after that it is marked failed, so one poisonous document cannot
///   stop the queue.
/// - **Processing is at least once; storing is exactly once.** A worker that stalls past its lease
///   may finish an item another worker also processes. ``complete(_:)`` tells the stalled one
///   (it answers `false`), and the store's content hash makes the second commit a
///   ``CommitOutcome/duplicate(of:)``: the article is stored once either way.
public protocol WorkQueue: Sendable {
    /// Most claims an item gets before it is marked failed.
    var maxAttempts: Int { get }

    /// Adds documents at the end of the queue, in order, and answers their item ids.
    @discardableResult
    func enqueue(_ documents: [QueuedDocument]) async throws -> [Int64]

    /// Takes up to `limit` items, oldest first, for `worker` until `lease` runs out: pending items
    /// and items whose previous lease ran out. Answers an empty array when nothing is ready.
    func claim(limit: Int, worker: String, lease: Duration) async throws -> [WorkItem]

    /// Extends the lease of an item the caller still holds (a long document); `false` when the
    /// lease was already lost to another worker.
    @discardableResult
    func renew(_ item: WorkItem, lease: Duration) async throws -> Bool

    /// Marks an item done. `false` when the caller's lease had run out and the item was claimed
    /// again (the other worker's result stands; the store's idempotency keeps the article single).
    @discardableResult
    func complete(_ item: WorkItem) async throws -> Bool

    /// Gives an item back after an error: pending again when `retry` and claims remain, otherwise
    /// failed with `reason` kept for the operator. `false` when the lease was already lost.
    @discardableResult
    func fail(_ item: WorkItem, reason: String, retry: Bool) async throws -> Bool

    /// How many items are in each state.
    func queueCounts() async throws -> WorkQueueCounts
}

/// One claimed item: the document and what proves the claim is still the caller's.
public struct WorkItem: Hashable, Sendable {
    /// The queue's id for the item (increasing in enqueue order).
    public var id: Int64
    public var document: QueuedDocument
    /// Which claim this is (1 for the first): with ``worker``, the token that ``WorkQueue/complete(_:)``
    /// checks, so a worker whose lease ran out cannot complete an item claimed again since.
    public var attempt: Int
    public var worker: String

    public init(id: Int64, document: QueuedDocument, attempt: Int, worker: String) {
        self.id = id
        self.document = document
        self.attempt = attempt
        self.worker = worker
    }
}

/// Items by state.
public struct WorkQueueCounts: Hashable, Sendable {
    /// Waiting for a worker.
    public var pending: Int
    /// Held by a worker (including leases that ran out and are not yet claimed again).
    public var claimed: Int
    public var done: Int
    public var failed: Int

    public init(pending: Int = 0, claimed: Int = 0, done: Int = 0, failed: Int = 0) {
        self.pending = pending
        self.claimed = claimed
        self.done = done
        self.failed = failed
    }

    public var total: Int { pending + claimed + done + failed }
}

/// A ``SourceDocument`` as a queue keeps it: everything a worker needs to turn it into an article,
/// in a form that survives a round trip through JSON (page bytes as base64).
public struct QueuedDocument: Hashable, Sendable, Codable {
    public var suggestedID: String
    public var provenance: Provenance
    public var metadata: Metadata
    public var text: String
    public var html: Data?
    public var htmlCharset: String?

    /// ``SourceMetadata``'s fields, which that type does not encode itself.
    public struct Metadata: Hashable, Sendable, Codable {
        public var id: String?
        public var title: String?
        public var outlet: String?
        public var url: String?
        public var published: String?
        public var modified: String?
        public var authors: [String]
        public var language: String?

        public init(_ metadata: SourceMetadata) {
            id = metadata.id
            title = metadata.title
            outlet = metadata.outlet
            url = metadata.url
            published = metadata.published
            modified = metadata.modified
            authors = metadata.authors
            language = metadata.language
        }

        public var sourceMetadata: SourceMetadata {
            SourceMetadata(
                id: id, title: title, outlet: outlet, url: url, published: published, modified: modified, authors: authors,
                language: language)
        }
    }

    public init(_ document: SourceDocument) {
        suggestedID = document.suggestedID
        provenance = document.provenance
        metadata = Metadata(document.metadata)
        text = document.text
        html = document.html.map { Data($0) }
        htmlCharset = document.htmlCharset
    }

    /// The document as the ingest stages take it.
    public var sourceDocument: SourceDocument {
        SourceDocument(
            suggestedID: suggestedID, provenance: provenance, metadata: metadata.sourceMetadata, text: text,
            html: html.map { [UInt8]($0) }, htmlCharset: htmlCharset)
    }
}
