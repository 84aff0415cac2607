import ArgumentParser
import Foundation
import Synoptic
import SynopticSources
import SynopticStore

/// `synoptic ingest PATH|URL|FEED... [--db PATH]`
public struct IngestCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Store articles and group them into stories, incrementally.",
        discussion: """
            PATH is anything brief reads (text, JSON Lines, HTML, a directory, - for standard input) or a \
            .json file written by synoptic export (or brief --format json), whose articles are imported. \
            The same content is stored once, however often it is ingested; articles are committed in \
            batches (--commit-batch), each batch one transaction and each article all or nothing, so an \
            interrupted ingest loses nothing it committed and can simply be run again. New articles join the stories already in the store. On a terminal a progress line is \
            shown on standard error; the last line is always a summary.
            """)

    @Argument(help: "Files, directories, exported .json documents, URLs or feeds, or - for standard input.")
    public var inputs: [String]

    @OptionGroup var store: StoreOptions

    @Flag(help: "Put the documents in the PostgreSQL store's work queue for synoptic work, instead of ingesting them here.")
    public var queue = false

    @Option(help: "Largest article read, in bytes.")
    public var maxArticleBytes: Int = IngestLimits.default.maxArticleBytes

    @Option(help: FetchCommandOptions.timeoutHelp)
    public var fetchTimeout: Int = 30

    @Option(help: "Articles committed together, in one transaction, at most (1: each article in a transaction of its own).")
    public var commitBatch: Int = StoryLibrary.Batching().maxArticles

    public init() {}

    public func validate() throws {
        guard maxArticleBytes > 0 else { throw ValidationError("--max-article-bytes must be positive") }
        guard fetchTimeout > 0 else { throw ValidationError("--fetch-timeout must be positive") }
        guard commitBatch > 0 else { throw ValidationError("--commit-batch must be positive") }
        if queue, !store.isPostgres { throw ValidationError("--queue needs a PostgreSQL store: --db postgres://USER@HOST:PORT/DB") }
    }

    public func run() async throws {
        let progress = ProgressLine()
        let limits = IngestLimits(maxArticleBytes: maxArticleBytes)
        progress.status("reading \(inputs.count) input\(inputs.count == 1 ? "" : "s")…")
        let (documents, diagnostics) = await Self.documents(for: inputs, limits: limits, fetchTimeout: fetchTimeout)
        for problem in diagnostics { progress.finish(); StandardError.write("synoptic: \(problem)\n") }
        if queue {
            let (workQueue, _) = try await store.queue()
            let ids = try await storeOperation { try await workQueue.enqueue(documents.map(QueuedDocument.init)) }
            progress.finish()
            StandardError.write("synoptic: queued \(ids.count) document\(ids.count == 1 ? "" : "s") in \(store.shownName); run synoptic work to ingest them\n")
            if ids.isEmpty { throw ExitCode(StoreExit.nothing) }
            if !diagnostics.isEmpty { throw ExitCode(1) }
            return
        }
        let library = try await store.library(creating: true, batching: StoryLibrary.Batching(maxArticles: commitBatch))
        progress.status("cleaning \(documents.count) article\(documents.count == 1 ? "" : "s")…")
        let report = try await storeOperation {
            try await library.ingest(documents, progress: { progress.update($0) })
        }
        progress.finish()
        for problem in report.diagnostics { StandardError.write("synoptic: \(problem)\n") }
        let skipped = diagnostics.count { $0.severity == .error } + report.diagnostics.count { $0.severity == .error }
        StandardError.write(
            "synoptic: stored \(report.stored), duplicates \(report.duplicates), stories touched \(report.storiesTouched.count)"
                + (skipped > 0 ? ", skipped \(skipped) (reasons above)" : "") + " in \(store.shownName)\n")
        if report.outcomes.isEmpty {
            StandardError.write("synoptic: no article could be read\n")
            throw ExitCode(StoreExit.nothing)
        }
        if !diagnostics.isEmpty || !report.diagnostics.isEmpty { throw ExitCode(1) }
    }

    /// Every input as documents of one batch: exported contract files imported, URLs and feeds
    /// fetched as `brief` fetches them, the rest read as `brief` reads them.
    static func documents(for inputs: [String], limits: IngestLimits, fetchTimeout: Int = 30) async -> (documents: [SourceDocument], diagnostics: [Diagnostic]) {
        var documents: [SourceDocument] = []
        var diagnostics: [Diagnostic] = []
        var local: [String] = []
        var remote: [String] = []
        for input in inputs {
            if WebFetcher.looksLikeURL(input) {
                remote.append(input)
            } else if ContractImport.isContractDocument(input) {
                switch ContractImport.documents(at: input, limits: limits) {
                case .success(let imported): documents += imported
                case .failure(let problem): diagnostics.append(problem)
                }
            } else {
                local.append(input)
            }
        }
        InputReader(limits: limits).read(local, document: { documents.append($0) }, diagnostic: { diagnostics.append($0) })
        if !remote.isEmpty {
            let fetched = await FetchCommandOptions.resolve(remote, maxBodyBytes: limits.maxArticleBytes, timeoutSeconds: fetchTimeout)
            documents += fetched.documents
            diagnostics += fetched.diagnostics
        }
        return (documents, diagnostics)
    }
}
