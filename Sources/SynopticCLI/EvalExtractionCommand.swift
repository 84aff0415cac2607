import ArgumentParser
import Foundation
import Synoptic
import SynopticEval

/// `synoptic eval extraction`
public struct EvalExtractionCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "extraction",
        abstract: "Article extraction from HTML on the scrapinghub article-extraction-benchmark (181 pages).",
        discussion: """
            Reads ../shared/data/extraction/scrapinghub: each page's HTML and its annotated article body. \
            Synoptic cleans every page as `synoptic clean` does and the text is scored as the benchmark's \
            evaluate.py scores it: precision, recall and F1 over word 4-gram shingles per page, averaged \
            over pages. Published scores of other extractors on the same pages are printed beside it; with \
            --peers, trafilatura runs on the same pages in the same run.
            """)

    @Option(help: "The public data folder (default: ../shared/data beside the repository).")
    public var data: String?

    @Option(help: ArgumentHelp(
        "A Python to run trafilatura with in the same run (usually python3).",
        discussion: "Without trafilatura, Benchmarks/peers/extraction_peers.py installs it from PyPI into a venv at $SYNOPTIC_PEER_VENV (default ~/.cache/synoptic/peers).",
        valueName: "python"))
    public var peers: String?

    @Option(help: "Also print the N pages with the lowest F1.")
    public var worst: Int = 0

    @Option(help: "Show one page (id prefix): the expected text, ours, and what was removed and why.")
    public var show: String?

    @Option(help: "Write Synoptic's texts to FILE in the benchmark's output format, for its own evaluate.py.")
    public var output: String?

    public init() {}

    public func run() throws {
        guard let root = data.map({ URL(fileURLWithPath: $0) }) ?? RepositoryLocator.dataDirectory() else {
            throw RuntimeError("cannot find ../shared/data; pass --data PATH")
        }
        let directory = root.appendingPathComponent("extraction/scrapinghub")
        let pages = try ExtractionEvaluation.loadPages(directory)
        guard !pages.isEmpty else { throw RuntimeError("no pages in \(directory.path)") }
        if let show {
            guard let page = pages.first(where: { $0.id.hasPrefix(show) }) else { throw RuntimeError("no page id starts with \(show)") }
            let article = HTMLCleaner().clean(try ExtractionEvaluation.html(of: page))
            let score = ExtractionEvaluation.counts(truth: page.truth, prediction: article.body)
            print("\(page.id)  \(page.url)\nscore: P \(score.precision ?? 0) R \(score.recall ?? 0)\n")
            print("=== expected\n\(page.truth)\n\n=== synoptic (title: \(article.title ?? "-"))\n\(article.body)\n\n=== removed")
            for removal in article.removed { print("[\(removal.reason)] \(removal.text.prefix(300))") }
            return
        }
        print("Article extraction, scrapinghub benchmark: \(pages.count) pages, word 4-gram shingles, averaged per page")
        var counts: [ExtractionEvaluation.Counts] = []
        var perPage: [(String, Double, String)] = []
        var texts: [String: [String: String]] = [:]
        var htmls: [[UInt8]] = []
        var debrisRemovals = 0
        var debrisFalseRemovals = 0
        var elapsed: Duration = .zero
        let clock = ContinuousClock()
        for page in pages {
            let html = try ExtractionEvaluation.html(of: page)
            htmls.append(html)
            var article: Article?
            elapsed += clock.measure { article = HTMLCleaner().clean(html) }
            let text = article?.body ?? ""
            // The text debris rules run on every article; here the annotation says what they cost.
            let debris = (article?.removed ?? []).filter { DebrisFilter.Reason.all.contains($0.reason) }
            if !debris.isEmpty {
                let annotation = ExtractionEvaluation.Annotation(page.truth)
                debrisRemovals += debris.count
                debrisFalseRemovals += debris.filter { annotation.contains($0.text) }.count
            }
            let score = ExtractionEvaluation.counts(truth: page.truth, prediction: text)
            texts[page.id] = ["articleBody": text, "url": page.url]
            counts.append(score)
            let p = score.precision ?? 0, r = score.recall ?? 0
            perPage.append((page.id, p + r == 0 ? 0 : 2 * p * r / (p + r), page.url))
        }
        if let output {
            let data = try JSONSerialization.data(withJSONObject: texts, options: [.prettyPrinted, .sortedKeys])
            try data.write(to: URL(fileURLWithPath: output))
        }
        let bytes = htmls.reduce(0) { $0 + $1.count }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        let summary = ExtractionEvaluation.Summary(counts)
        print(Self.row("synoptic", summary.description + Self.speed(pages: pages.count, bytes: bytes, seconds: seconds) + " (debug builds are slower)"))
        print("  text debris rules removed \(debrisRemovals) blocks from these pages; \(debrisFalseRemovals) of them are annotated as article text")
        if let peers {
            try scorePeer(python: peers, pages: pages, htmls: htmls)
        }
        print("  published on these pages (../shared/data/README.md):")
        for (name, p, r, f) in Self.published {
            print(Self.row(name, (p.map { String(format: "P %.3f  R %.3f  ", $0, r ?? 0) } ?? "                  ") + String(format: "F1 %.3f", f)))
        }
        // The benchmark ships other extractors' outputs: scoring them here checks this scorer against
        // the published figures.
        let outputs = (try? FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("output").path)) ?? []
        if !outputs.isEmpty { print("  stored outputs in the benchmark, scored by this scorer:") }
        for file in outputs.sorted() where file.hasSuffix(".json") {
            let predictions = try ExtractionEvaluation.loadOutput(directory.appendingPathComponent("output/\(file)"))
            let scores = pages.map { ExtractionEvaluation.counts(truth: $0.truth, prediction: predictions[$0.id] ?? "") }
            print(Self.row(String(file.dropLast(5)), ExtractionEvaluation.Summary(scores).description))
        }
        if worst > 0 {
            print("  lowest F1:")
            for (id, f, url) in perPage.sorted(by: { $0.1 < $1.1 }).prefix(worst) {
                print(String(format: "    %.3f  ", f) + "\(id.prefix(12))  \(url)")
            }
        }
    }

    /// Runs trafilatura on the same pages (each page's bytes read as UTF-8, as the benchmark's own
    /// runner reads them) and scores its texts with the same scorer.
    func scorePeer(python: String, pages: [ExtractionEvaluation.Page], htmls: [[UInt8]]) throws {
        guard let root = RepositoryLocator.repositoryRoot() else { throw RuntimeError("run from the repository to use --peers") }
        let items: [[String: Any]] = zip(pages, htmls).map { page, html in ["id": page.id, "html": String(decoding: html, as: UTF8.self)] }
        let results = try PeerRunner.run(python: python, script: PeerRunner.script(.extraction, in: root), arguments: ["--eval"], items: items)
        var texts: [String: String] = [:]
        for result in results {
            if let id = result["id"] as? String, let text = result["text"] as? String { texts[id] = text }
        }
        guard let timing = results.first(where: { $0["peer"] != nil }) else {
            throw RuntimeError("the extraction peer printed no result (see its messages above)")
        }
        let name = "trafilatura \(timing["version"] as? String ?? "")"
        let scores = pages.map { ExtractionEvaluation.counts(truth: $0.truth, prediction: texts[$0.id] ?? "") }
        let bytes = htmls.reduce(0) { $0 + $1.count }
        print("  peer on the same pages, this run:")
        print(Self.row(name, ExtractionEvaluation.Summary(scores).description + Self.speed(pages: pages.count, bytes: bytes, seconds: timing["seconds"] as? Double ?? 0)))
    }

    /// One result line: the extractor's name in a column, then its figures.
    static func row(_ name: String, _ figures: String) -> String {
        "  " + name.padding(toLength: 28, withPad: " ", startingAt: 0) + figures
    }

    static func speed(pages: Int, bytes: Int, seconds: Double) -> String {
        String(format: "   %.0f pages/s, %.1f MB/s", Double(pages) / seconds, Double(bytes) / 1e6 / seconds)
    }

    static let published: [(String, Double?, Double?, Double)] = [
        ("Zyte AutoExtract (commercial)", nil, nil, 0.970),
        ("go-trafilatura", nil, nil, 0.960),
        ("trafilatura 2.0", 0.938, 0.978, 0.958),
        ("Diffbot (commercial)", nil, nil, 0.951),
        ("newspaper4k", nil, nil, 0.949),
        ("readability.js", nil, nil, 0.947),
        ("readability-lxml", nil, nil, 0.922),
        ("goose3", nil, nil, 0.896),
        ("justext", nil, nil, 0.804),
        ("full page text", nil, nil, 0.665),
    ]
}
