import Foundation
import Synoptic
import SynopticSQLite
import SynopticStore

/// Ingest into SQLite (`synoptic-bench --ingest`): articles per second through every stage
/// `synoptic ingest` runs, into a fresh store file.
///
/// The articles are whole real articles from the public data (PolNeAR, the Scrapinghub ground
/// truth; about 6 KB each), cycled with a line appended when more are asked for than exist, spread
/// over eight outlets and sixty days. They are written as one JSON Lines file; what is timed is
/// what the command does with it: reading and decoding, cleaning the batch (normalization, debris,
/// blocks, sentences), the duplicate check, extraction (entities, quotes, figures, times),
/// incremental clustering against the stories already stored, and one SQLite transaction per
/// batch of articles (the snapshots, the annotations, the story rows; `--commit-batch N` and
/// `--commit-delay MS` set the batch, 1 commits each article alone). The same file is then ingested again,
/// when every article is a duplicate. One thread does the work (the store's writer runs on its own
/// queue, but the library waits for each commit); pin the process to one core to be sure:
///
///     taskset -c 0 swift run -c release synoptic-bench --ingest [--count N] [--data PATH]
///
/// `--no-stages` leaves out the stage-by-stage times. `--check-stories` ingests the file again into two fresh stores, one article per transaction
/// and in batches, and compares the stories they make (each story's article ids and its id).
enum IngestThroughput {
    static func run(
        texts: [String], count: Int, batching: StoryLibrary.Batching = .init(), stages timeStages: Bool = true, checkStories: Bool = false
    ) async throws {
        precondition(!texts.isEmpty)
        // `SYNOPTIC_BENCH_KEEP=DIR` keeps the corpus and the stores there (to compare them with
        // what another build's `synoptic ingest` makes of the same file).
        let kept = ProcessInfo.processInfo.environment["SYNOPTIC_BENCH_KEEP"]
        let directory =
            kept.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("synoptic-ingest-bench-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { if kept == nil { try? FileManager.default.removeItem(at: directory) } }
        let corpus = directory.appendingPathComponent("corpus.jsonl")
        let outlets = ["Harbor Times", "Valley Herald", "Wire Service", "Capital Post", "Coast Daily", "Metro Ledger", "The Courier", "Evening Star"]
        var lines = Data()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var bytes = 0
        for n in 0..<count {
            let base = texts[n % texts.count]
            let text = n < texts.count ? base : base + "\n\nUpdated \(n / texts.count) times since it was first published."
            bytes += text.utf8.count
            let day = String(format: "2024-%02d-%02d", 1 + (n / 28) % 2, 1 + n % 28)
            let record = ["id": "bench-\(n)", "outlet": outlets[n % outlets.count], "published": day, "text": text]
            lines.append(try encoder.encode(record))
            lines.append(0x0A)
        }
        try lines.write(to: corpus)
        print("Ingest into SQLite: \(count) real articles (\(texts.count) unique bodies), \(Bench.mb(bytes)) MB, one thread, release")
        print("  commits: up to \(batching.maxArticles) articles or \(batching.maxDelay) per transaction")

        let db = directory.appendingPathComponent("bench.sqlite").path
        for pass in ["new articles", "all duplicates"] {
            let start = DispatchTime.now().uptimeNanoseconds
            let cpuStart = cpuSeconds()
            let (documents, diagnostics) = read(corpus.path)
            let library = StoryLibrary(store: try SQLiteStore(path: db), batching: batching)
            let report = try await library.ingest(documents)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            let cpu = cpuSeconds() - cpuStart
            let stories = try await library.stories(StoryQuery(limit: 1)).total
            print(
                String(
                    format:
                        "  %-15@ %6d articles in %6.2f s: %6.0f articles/s wall clock, %6.0f per CPU second (stored %d, duplicates %d, %d stories, %d diagnostics)",
                    pass as NSString, documents.count, seconds, Double(documents.count) / seconds, Double(documents.count) / cpu, report.stored,
                    report.duplicates, stories, diagnostics.count + report.diagnostics.count))
        }
        if timeStages { try await stages(corpus: corpus.path, directory: directory, batchSize: batching.maxArticles) }
        if checkStories { try await compareStories(corpus: corpus.path, directory: directory, batching: batching) }
        let size = (try FileManager.default.attributesOfItem(atPath: db)[.size] as? NSNumber)?.intValue ?? 0
        let wal = (try? FileManager.default.attributesOfItem(atPath: db + "-wal")[.size] as? NSNumber)?.intValue ?? 0
        print("  store file: \(Bench.mb(size + wal)) MB (with its write-ahead log)")
    }

    /// Where the time goes: each stage alone, in CPU seconds per article.
    static func stages(corpus: String, directory: URL, batchSize: Int) async throws {
        func timed<T>(_ label: String, count: Int, _ body: () async throws -> T) async rethrows -> T {
            let start = cpuSeconds()
            let result = try await body()
            let seconds = cpuSeconds() - start
            print("    " + label.padding(toLength: 44, withPad: " ", startingAt: 0) + String(format: "%8.3f ms/article  (%6.0f articles/s)", seconds * 1000 / Double(count), Double(count) / seconds))
            return result
        }
        print("  stage by stage (CPU time):")
        let (documents, _) = read(corpus)
        let n = documents.count
        _ = await timed("read and decode the JSON Lines", count: n) { read(corpus) }
        let pipeline = BriefingPipeline()
        let articles = await timed("clean the batch", count: n) { pipeline.cleanArticles(documents: documents) { _ in } }
        _ = await timed("content hash", count: n) { articles.map(ContentHash.of) }
        let extractor = ArticleExtractor()
        let annotated = await timed("extract (entities, quotes, figures, times)", count: n) {
            articles.map { article in
                var article = article
                article.annotations = extractor.annotations(of: article)
                return article
            }
        }
        let features = await timed("story features", count: n) { annotated.map { StoryFeatures(article: $0) } }
        _ = await timed("cluster incrementally", count: n) {
            var clusterer = StoryClusterer()
            for f in features { _ = clusterer.record(f, inStory: clusterer.propose(f)) }
        }
        if batchSize > 1 {
            // As a batched ingest places: in one pass, with a checkpoint from before each batch
            // kept (an undo log; it was a copy of the clusterer, whose storage the first change
            // after it duplicated).
            _ = await timed("cluster, a checkpoint kept per \(batchSize) articles", count: n) {
                var clusterer = StoryClusterer()
                for (index, f) in features.enumerated() {
                    if index % batchSize == 0 { clusterer.checkpoint() }
                    _ = clusterer.add(f)
                }
                clusterer.discardCheckpoint()
            }
        }
        let store = try SQLiteStore(path: directory.appendingPathComponent("stages.sqlite").path)
        try await store.migrate()
        try await timed("commit to SQLite (one transaction each)", count: n) {
            for (index, article) in annotated.enumerated() {
                _ = try await store.commit(
                    StoredArticle(article: article, contentHash: ContentHash.of(article) + "-\(index)"), placement: .new(title: "t"),
                    expectedSequence: Int64(index))
            }
        }
        guard batchSize > 1 else { return }
        let batched = try SQLiteStore(path: directory.appendingPathComponent("stages-batched.sqlite").path)
        try await batched.migrate()
        try await timed("commit to SQLite (\(batchSize) per transaction)", count: n) {
            for start in stride(from: 0, to: annotated.count, by: batchSize) {
                let batch = annotated[start..<min(start + batchSize, annotated.count)].enumerated().map { offset, article in
                    BatchArticle(
                        StoredArticle(article: article, contentHash: ContentHash.of(article) + "-\(start + offset)"), placement: .new(title: "t"))
                }
                _ = try await batched.commit(batch, expectedSequence: Int64(start))
            }
        }
    }

    /// Whether batched commits make the stories per-article commits make: the same file into two
    /// fresh stores, then each story's id and article ids compared.
    static func compareStories(corpus: String, directory: URL, batching: StoryLibrary.Batching) async throws {
        func stories(_ name: String, _ batching: StoryLibrary.Batching) async throws -> [String: [String]] {
            let library = StoryLibrary(store: try SQLiteStore(path: directory.appendingPathComponent(name).path), batching: batching)
            _ = try await library.ingest(read(corpus).0)
            var members: [String: [String]] = [:]
            var after: Int64 = 0
            while true {
                let page = try await library.store.articles(after: after, limit: 1_000)
                guard let last = page.last else { break }
                for article in page { members[article.storyID ?? "", default: []].append(article.id) }
                after = last.sequence
            }
            return members
        }
        let single = try await stories("check-single.sqlite", .perArticle)
        let batched = try await stories("check-batched.sqlite", batching)
        let differing = Set(single.keys).union(batched.keys).filter { single[$0] != batched[$0] }
        print(
            "  stories, one article per transaction vs batches: \(single.count) and \(batched.count) stories, "
                + (differing.isEmpty
                    ? "every story the same (ids and members)" : "\(differing.count) stories differ: \(differing.sorted().prefix(5))"))
    }

    /// CPU time of the whole process (every thread), which a busy machine does not inflate the
    /// way it inflates wall-clock time.
    static func cpuSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    static func read(_ path: String) -> ([SourceDocument], [Diagnostic]) {
        var documents: [SourceDocument] = []
        var diagnostics: [Diagnostic] = []
        InputReader(limits: .default).read([path], document: { documents.append($0) }, diagnostic: { diagnostics.append($0) })
        return (documents, diagnostics)
    }
}
