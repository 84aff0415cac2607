import Foundation
import SynopticCore
import SynopticEval
import SynopticIngest
import SynopticStore
import SynopticText

/// Throughput of read + decode + normalize + segment over real news text.
///
/// Assembles at least 50 MB of article text from `../shared/data` (PolNeAR articles, NeuS and
/// AllSides bodies, the Scrapinghub ground truth), writes it as one file per article into a
/// temporary directory, then times, on one core, reading every file through `InputReader` and
/// assembling each article (normalization, blocks, title, dateline, sentences). Run in release:
///
///     swift run -c release synoptic-bench [--data PATH] [--megabytes N] [--runs N] [--peers PYTHON]
///
/// With `--extract`, it measures the extraction stage (entities, quotes, figures, time; see
/// `ExtractionThroughput`):
///
///     swift run -c release synoptic-bench --extract [--data PATH] [--runs N]
///
/// With `--stories`, it measures story clustering at 10,000, 30,000 and 100,000 articles (see
/// `StoryThroughput`):
///
///     swift run -c release synoptic-bench --stories [--data PATH] [--counts 10000,30000,100000]
///
/// With `--briefing`, it times the whole briefing of a 50-article story (see `BriefingThroughput`):
///
///     swift run -c release synoptic-bench --briefing [--data PATH] [--runs N]
///
/// With `--ingest`, it measures `synoptic ingest` into a SQLite store, every stage included (see
/// `IngestThroughput`):
///
///     taskset -c 0 swift run -c release synoptic-bench --ingest [--data PATH] [--count N]
///         [--commit-batch N] [--commit-delay MS] [--no-stages] [--check-stories]
///
/// With `--html`, it measures HTML extraction instead (see `HTMLThroughput`):
///
///     swift run -c release synoptic-bench --html [--data PATH] [--runs N] [--peers PYTHON]
@main
struct Bench {
    static func main() throws {
        var arguments = Array(CommandLine.arguments.dropFirst())
        func option(_ name: String) -> String? {
            // A following flag is no value: `--peers --html` means the default Python.
            guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count, !arguments[i + 1].hasPrefix("--") else { return nil }
            defer { arguments.removeSubrange(i...(i + 1)) }
            return arguments[i + 1]
        }
        let dataPath = option("--data") ?? RepositoryLocator.dataDirectory()?.path
        let targetMB = Int(option("--megabytes") ?? "50") ?? 50
        let runs = max(1, Int(option("--runs") ?? "3") ?? 3)

        guard let dataPath, FileManager.default.fileExists(atPath: dataPath) else {
            print("notice: ../shared/data is absent; nothing to benchmark (pass --data PATH)")
            return
        }
        let python = option("--peers") ?? (arguments.contains("--peers") ? "python3" : nil)
        if arguments.contains("--html") {
            try HTMLThroughput.run(data: URL(fileURLWithPath: dataPath), runs: runs, python: python)
            return
        }
        // `articles`: whole articles only (PolNeAR, Scrapinghub ground truth; about 6 KB each).
        // `all`: also the NeuS and AllSides lead excerpts (about 1 KB each), where per-file cost weighs more.
        let corpus = option("--corpus") ?? "articles"
        let texts = try RealText.load(from: URL(fileURLWithPath: dataPath), excerpts: corpus == "all")
        if let count = option("--stories-child").flatMap(Int.init) {
            StoryThroughput.child(count: count, texts: try RealText.load(from: URL(fileURLWithPath: dataPath), excerpts: true))
            return
        }
        if arguments.contains("--stories") {
            let counts = option("--counts")?.split(separator: ",").compactMap { Int($0) } ?? StoryThroughput.defaultCounts
            try StoryThroughput.run(dataPath: dataPath, counts: counts)
            return
        }
        if arguments.contains("--ingest") {
            let count = option("--count").flatMap(Int.init) ?? 5_000
            var batching = StoryLibrary.Batching()
            if let size = option("--commit-batch").flatMap(Int.init) { batching.maxArticles = max(1, size) }
            if let milliseconds = option("--commit-delay").flatMap(Int.init) { batching.maxDelay = .milliseconds(milliseconds) }
            let checkStories = arguments.contains("--check-stories")
            let stages = !arguments.contains("--no-stages")
            let chosen = batching
            try runBlocking {
                try await IngestThroughput.run(texts: texts, count: count, batching: chosen, stages: stages, checkStories: checkStories)
            }
            return
        }
        if arguments.contains("--extract") {
            ExtractionThroughput.run(texts: texts, runs: runs)
            return
        }
        if arguments.contains("--briefing") {
            let seedsDir = URL(fileURLWithPath: dataPath).deletingLastPathComponent().appendingPathComponent("seeds")
            let seeds = ((try? FileManager.default.contentsOfDirectory(atPath: seedsDir.path)) ?? []).sorted().compactMap {
                try? String(contentsOf: seedsDir.appendingPathComponent($0), encoding: .utf8)
            }
            BriefingThroughput.run(texts: texts, seeds: seeds, runs: runs)
            return
        }
        let uniqueBytes = texts.reduce(0) { $0 + $1.utf8.count }
        print("real text (\(corpus)): \(texts.count) articles, \(mb(uniqueBytes)) MB unique, from \(dataPath)")
        if arguments.contains("--memory-only") {
            // For profiling the in-memory stages alone.
            let assembler = ArticleAssembler()
            let start = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<runs {
                for (index, text) in texts.enumerated() {
                    _ = assembler.assemble(id: "\(index)", provenance: Provenance(origin: .textFile), original: text)
                }
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            print("normalize+segment in memory: \(fmt(Double(uniqueBytes * runs) / 1e6 / seconds)) MB/s")
            // Stage by stage, to see where the time goes.
            func time(_ label: String, _ body: () -> Void) {
                let t0 = DispatchTime.now().uptimeNanoseconds
                body()
                let s = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
                print("  \(label): \(fmt(Double(uniqueBytes) / 1e6 / s)) MB/s")
            }
            var arrays: [[Unicode.Scalar]] = []
            time("decode to scalars") { arrays = texts.map(\.scalarArray) }
            var normalized: [NormalizedText] = []
            time("normalize") { normalized = arrays.map { TextNormalizer().normalize(scalars: $0) } }
            var blocks: [[RawBlock]] = []
            time("split blocks") { blocks = normalized.map { BlockSplitter().split($0.scalars) } }
            time("segment sentences") {
                for (n, b) in zip(normalized, blocks) {
                    for block in b { for piece in block.pieces { _ = SentenceSegmenter().sentences(in: n.scalars, range: piece) } }
                }
            }
            time("build strings") { for n in normalized { _ = ScalarText(String(scalars: n.scalars[...])) } }
            return
        }

        // Write copies until the target size is reached.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("synoptic-bench-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var paths: [String] = []
        var total = 0
        var copy = 0
        while total < targetMB * 1_000_000 {
            for (index, text) in texts.enumerated() where total < targetMB * 1_000_000 {
                let path = dir.appendingPathComponent("c\(copy)-\(index).txt").path
                _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
                paths.append(path)
                total += text.utf8.count
            }
            copy += 1
        }
        print("corpus: \(paths.count) files, \(mb(total)) MB")

        let reader = InputReader()
        let assembler = ArticleAssembler()
        var timings: [Double] = []
        var sentenceCount = 0
        for run in 1...runs {
            var sentences = 0
            let start = DispatchTime.now().uptimeNanoseconds
            reader.read(
                paths,
                document: { source in
                    let article = assembler.assemble(id: source.suggestedID, provenance: source.provenance, original: source.text)
                    sentences += article.sentences.count
                }, diagnostic: { print("diagnostic: \($0)") })
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            timings.append(seconds)
            sentenceCount = sentences
            print("run \(run): \(fmt(seconds)) s, \(fmt(Double(total) / 1e6 / seconds)) MB/s, \(sentences) sentences")
        }
        let best = timings.min()!
        let median = timings.sorted()[timings.count / 2]
        print(
            "read+normalize+segment: best \(fmt(Double(total) / 1e6 / best)) MB/s, median \(fmt(Double(total) / 1e6 / median)) MB/s "
                + "(\(mb(total)) MB, \(sentenceCount) sentences, one core)")

        // Reading alone (open, read, decode, front matter), without assembling.
        let readStart = DispatchTime.now().uptimeNanoseconds
        var documents = 0
        reader.read(paths, document: { _ in documents += 1 }, diagnostic: { _ in })
        let readSeconds = Double(DispatchTime.now().uptimeNanoseconds - readStart) / 1e9
        print("read+decode alone: \(fmt(Double(total) / 1e6 / readSeconds)) MB/s (\(documents) files)")

        // The same text as JSON Lines: one file, one article a line (no per-file system calls).
        let jsonl = dir.appendingPathComponent("all.jsonl")
        var jsonlData = Data()
        for path in paths {
            let text = String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
            jsonlData.append(try JSONSerialization.data(withJSONObject: ["text": text]))
            jsonlData.append(0x0A)
        }
        _ = FileManager.default.createFile(atPath: jsonl.path, contents: jsonlData)
        let jsonlStart = DispatchTime.now().uptimeNanoseconds
        var jsonlSentences = 0
        reader.read(
            [jsonl.path],
            document: { source in
                jsonlSentences += assembler.assemble(id: source.suggestedID, provenance: source.provenance, original: source.text).sentences.count
            }, diagnostic: { print("diagnostic: \($0)") })
        let jsonlSeconds = Double(DispatchTime.now().uptimeNanoseconds - jsonlStart) / 1e9
        print("same text as one JSON Lines file: \(fmt(Double(total) / 1e6 / jsonlSeconds)) MB/s of article text (\(jsonlSentences) sentences)")

        if let python {
            try comparePeers(python: python, texts: texts)
        }

        // The in-memory part alone, without file I/O.
        let sample = Array(texts.prefix(4000))
        let sampleBytes = sample.reduce(0) { $0 + $1.utf8.count }
        let start = DispatchTime.now().uptimeNanoseconds
        for (index, text) in sample.enumerated() {
            _ = assembler.assemble(id: "\(index)", provenance: Provenance(origin: .textFile), original: text)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        print("normalize+segment in memory: \(fmt(Double(sampleBytes) / 1e6 / seconds)) MB/s over \(mb(sampleBytes)) MB")
    }

    /// Segments one sample with Synoptic and with the Python peers, in this run, and prints ratios.
    static func comparePeers(python: String, texts: [String]) throws {
        // A sample the slow peers finish in seconds: every fifth article, up to 2 MB.
        var sample: [String] = []
        var bytes = 0
        for (index, text) in texts.enumerated() where index % 5 == 0 && bytes < 2_000_000 {
            sample.append(text)
            bytes += text.utf8.count
        }
        let assembler = ArticleAssembler()
        var ours = 0
        let start = DispatchTime.now().uptimeNanoseconds
        for text in sample { ours += assembler.assemble(id: "s", provenance: Provenance(origin: .textFile), original: text).sentences.count }
        let oursSeconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let oursRate = Double(bytes) / 1e6 / oursSeconds
        print("peers on a \(mb(bytes)) MB sample (\(sample.count) articles), same run:")
        print("  synoptic normalize+segment: \(fmt(oursRate)) MB/s, \(ours) sentences")

        let results = try PeerRunner.run(
            python: python, script: PeerRunner.script(.segmentation, in: try repository()), arguments: [], items: sample.map { ["text": $0] })
        for result in results {
            guard let peer = result["peer"] as? String else { continue }
            if result["missing"] != nil {
                print("  \(peer): not installed (pip install pysbd spacy)")
                continue
            }
            let seconds = result["seconds"] as? Double ?? 0
            let rate = Double(bytes) / 1e6 / max(seconds, 1e-9)
            print("  \(peer): \(fmt(rate)) MB/s, \(result["sentences"] ?? 0) sentences; synoptic is \(fmt(oursRate / rate))x faster")
        }
    }

    /// The checkout this benchmark was built from, where the peers scripts sit beside it.
    static func repository() throws -> URL {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        guard let root = RepositoryLocator.repositoryRoot(from: directory) else {
            throw EvaluationError("cannot find the repository above \(directory.path) for the peers scripts")
        }
        return root
    }

    /// Runs async work from the synchronous `main` and waits for it.
    static func runBlocking(_ body: @escaping @Sendable () async throws -> Void) throws {
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var failure: (any Error)?
        Task {
            do { try await body() } catch { failure = error }
            done.signal()
        }
        done.wait()
        if let failure { throw failure }
    }

    static func mb(_ bytes: Int) -> String { fmt(Double(bytes) / 1e6) }
    static func fmt(_ value: Double) -> String { String(format: "%.1f", value) }
}

/// Article text from the public data sets, read in place.
enum RealText {
    static func load(from data: URL, excerpts: Bool) throws -> [String] {
        var texts: [String] = []
        let fm = FileManager.default
        // PolNeAR: one article per file.
        for split in ["train", "dev"] {
            let dir = data.appendingPathComponent("attribution/polnear/\(split)/text")
            for name in (try? fm.contentsOfDirectory(atPath: dir.path))?.sorted() ?? [] where name.hasSuffix(".txt") {
                if let text = try? String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8) { texts.append(text) }
            }
        }
        // Scrapinghub: the ground-truth article bodies.
        if let truth = try? Data(contentsOf: data.appendingPathComponent("extraction/scrapinghub/ground-truth.json")),
            let object = try JSONSerialization.jsonObject(with: truth) as? [String: Any]
        {
            for key in object.keys.sorted() {
                if let body = (object[key] as? [String: Any])?["articleBody"] as? String { texts.append(body) }
            }
        }
        guard excerpts else { return texts }
        // NeuS: `TITLE=> … ARTICLE=> … [SEP] …` per line.
        let neus = data.appendingPathComponent("summaries/neus")
        for name in ["train.source", "val.source"] {
            guard let content = try? String(contentsOf: neus.appendingPathComponent(name), encoding: .utf8) else { continue }
            for line in content.split(separator: "\n") {
                for part in line.components(separatedBy: "[SEP]") {
                    var piece = part
                    if let range = piece.range(of: "ARTICLE=>") {
                        let title = piece[..<range.lowerBound].replacingOccurrences(of: "TITLE=>", with: "").trimmingCharacters(in: .whitespaces)
                        piece = title + "\n\n" + piece[range.upperBound...].trimmingCharacters(in: .whitespaces)
                    }
                    if piece.count > 200 { texts.append(piece) }
                }
            }
        }
        // AllSides: paragraphs of each outlet's article.
        if let content = try? String(contentsOf: data.appendingPathComponent("stories/allsides-roundups-dev.jsonl"), encoding: .utf8) {
            for line in content.split(separator: "\n") {
                guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                    let news = object["news"] as? [String: Any]
                else { continue }
                for case let article as [String: Any] in news.values {
                    let title = article["newsTitle"] as? String ?? ""
                    let body = (article["newBody"] as? [String] ?? []).joined(separator: "\n\n")
                    if !body.isEmpty { texts.append(title + "\n\n" + body) }
                }
            }
        }
        return texts
    }
}
