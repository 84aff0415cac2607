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
/// article (the snapshot, the annotations, the story row). The same file is then ingested again,
/// when every article is a duplicate. One thread does the work (the store's writer runs on its own
/// queue, but the library waits for each commit); pin the process to one core to be sure:
///
///     taskset -c 0 swift run -c release synoptic-bench --ingest [--count N] [--data PATH]
enum IngestThroughput {
    static func run(texts: [String], count: Int) async throws {
        precondition(!texts.isEmpty)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("synoptic-ingest-bench-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
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

        let db = directory.appendingPathComponent("bench.sqlite").path
        for pass in ["new articles", "all duplicates"] {
            let start = DispatchTime.now().uptimeNanoseconds
            let (documents, diagnostics) = read(corpus.path)
            let library = StoryLibrary(store: try SQLiteStore(path: db))
            let report = try await library.ingest(documents)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            let stories = try await library.stories(StoryQuery(limit: 1)).total
            print(
                String(
                    format: "  %-15@ %6d articles in %6.2f s: %7.0f articles/s (stored %d, duplicates %d, %d stories, %d diagnostics)",
                    pass as NSString, documents.count, seconds, Double(documents.count) / seconds, report.stored, report.duplicates, stories,
                    diagnostics.count + report.diagnostics.count))
        }
        let size = (try FileManager.default.attributesOfItem(atPath: db)[.size] as? NSNumber)?.intValue ?? 0
        let wal = (try? FileManager.default.attributesOfItem(atPath: db + "-wal")[.size] as? NSNumber)?.intValue ?? 0
        print("  store file: \(Bench.mb(size + wal)) MB (with its write-ahead log)")
    }

    static func read(_ path: String) -> ([SourceDocument], [Diagnostic]) {
        var documents: [SourceDocument] = []
        var diagnostics: [Diagnostic] = []
        InputReader(limits: .default).read([path], document: { documents.append($0) }, diagnostic: { diagnostics.append($0) })
        return (documents, diagnostics)
    }
}
