import ArgumentParser
import Foundation
import Synoptic
import SynopticPostgres
import SynopticStore

/// `synoptic work --db postgres://… [--batch N] [--forever]`
///
/// One of several ingest workers on a shared PostgreSQL database: `synoptic ingest --queue` puts
/// documents in the database's work queue, and each worker claims batches of them (`FOR UPDATE SKIP
/// LOCKED`, so no two workers take the same item), ingests them into the stories, and marks them
/// done. A worker that dies leaves its claims to run out and be taken by another.
public struct WorkCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "work",
        abstract: "Ingest documents queued in a PostgreSQL store (several workers may run at once).",
        discussion: """
            Claims up to --batch queued documents at a time, cleans them as one batch, stores each new \
            article in its story and marks the documents done; a document that fails is retried (three \
            claims at most). Stops when the queue is empty, or with --forever polls it until SIGINT or \
            SIGTERM. Queue documents with: synoptic ingest --queue --db postgres://... PATH...
            """)

    @OptionGroup var store: StoreOptions

    @Option(help: "Documents claimed and cleaned together.")
    public var batch: Int = 16

    @Option(help: "Seconds a claim lasts before another worker may take the documents again.")
    public var lease: Int = 300

    @Flag(help: "Keep polling the queue when it is empty, until interrupted.")
    public var forever = false

    public init() {}

    public func validate() throws {
        guard batch > 0 else { throw ValidationError("--batch must be positive") }
        guard lease > 0 else { throw ValidationError("--lease must be positive") }
        guard store.isPostgres else {
            throw ValidationError("the work queue lives in PostgreSQL: pass --db postgres://USER@HOST:PORT/DB (with SQLite, run synoptic ingest)")
        }
    }

    public func run() async throws {
        let (queue, library) = try await store.queue()
        let name = "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier)"
        let worker = QueueWorker(queue: queue, library: library, name: name, batchSize: batch, lease: .seconds(lease))
        let forever = self.forever
        let working = Task { try await worker.run(untilEmpty: !forever) }
        let stop = SignalWatch(signals: [SIGINT, SIGTERM]) { working.cancel() }
        let report = try await storeOperation { try await working.value }
        stop.cancel()
        for problem in report.diagnostics { StandardError.write("synoptic: \(problem)\n") }
        StandardError.write(
            "synoptic: worker \(name): done \(report.completed), stored \(report.stored), duplicates \(report.duplicates), "
                + "given back \(report.failed), leases lost \(report.leasesLost)\n")
    }
}
