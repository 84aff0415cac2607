import Foundation
import Synoptic
import SynopticEval
import SynopticHTML

/// Throughput of HTML extraction over the scrapinghub benchmark's 181 pages (`synoptic-bench --html`).
///
/// The pages are inflated into memory first (not timed). Each stage is timed over all pages, best of
/// `runs`, on one thread: libxml2's parse alone (on the pages already decoded to UTF-8, the parser's
/// floor), both into a tree and streaming events to handlers that only count them (the mode
/// extraction uses), decode + parse + extract (`HTMLExtractor`), and the full clean into an `Article`
/// (`HTMLCleaner`). With a Python, trafilatura and lxml's bare parse are timed by
/// `Benchmarks/peers/extraction_peers.py --speed` in the same run.
enum HTMLThroughput {
    static func run(data: URL, runs: Int, python: String?) throws {
        let pages = try ExtractionEvaluation.loadPages(data.appendingPathComponent("extraction/scrapinghub"))
        let htmls = try pages.map(ExtractionEvaluation.html(of:))
        let decoded = htmls.map { PageDecoder.decode($0).utf8 }
        let bytes = htmls.reduce(0) { $0 + $1.count }
        print("HTML extraction: \(pages.count) scrapinghub pages, \(Bench.mb(bytes)) MB inflated in memory, best of \(runs) runs, one thread")

        var documents = 0
        let parse = bestSeconds(runs) { documents = decoded.count { HTMLParser.parseOnly($0) } }
        var elements = 0
        let stream = bestSeconds(runs) { elements = decoded.reduce(0) { $0 + HTMLParser.streamOnly($1) } }
        var blocks = 0
        let extract = bestSeconds(runs) { blocks = htmls.reduce(0) { $0 + HTMLExtractor().extract($1).blocks.count } }
        var sentences = 0
        let clean = bestSeconds(runs) { sentences = htmls.reduce(0) { $0 + HTMLCleaner().clean($1).sentences.count } }

        func line(_ label: String, _ seconds: Double, _ detail: String) {
            let rates = String(format: "%6.0f pages/s %6.1f MB/s", Double(pages.count) / seconds, Double(bytes) / 1e6 / seconds)
            print("  " + label.padding(toLength: 44, withPad: " ", startingAt: 0) + rates + "   " + detail)
        }
        line("libxml2 parse (htmlReadMemory, xmlFreeDoc)", parse, "\(documents) documents")
        line("libxml2 parse, streaming (SAX, no tree)", stream, "\(elements) elements")
        line("decode+parse+extract (HTMLExtractor)", extract, "\(blocks) blocks")
        line("full clean (HTMLCleaner)", clean, "\(sentences) sentences")
        // Time ratios: how many parses' worth of time each stage costs.
        print(
            "  time ratios: extract/parse \(Bench.fmt(extract / parse))x, clean/parse \(Bench.fmt(clean / parse))x, extract/streaming parse \(Bench.fmt(extract / stream))x"
        )
        print(
            "  extraction runs at \(Int((parse / extract * 100).rounded()))% of the tree parse's pages/s, \(Int((stream / extract * 100).rounded()))% of the streaming parse's"
        )

        guard let python else { return }
        let items: [[String: Any]] = zip(pages, htmls).map { page, html in ["id": page.id, "html": String(decoding: html, as: UTF8.self)] }
        let results = try PeerRunner.run(
            python: python, script: PeerRunner.script(.extraction, in: try Bench.repository()), arguments: ["--runs", "\(runs)", "--speed"],
            items: items)
        var peerSeconds: [String: Double] = [:]
        for result in results {
            guard let peer = result["peer"] as? String, let seconds = result["seconds"] as? Double else { continue }
            peerSeconds[peer] = seconds
            line("\(peer) \(result["version"] as? String ?? "")", seconds, "Python peer, same pages")
        }
        // Speed ratios: ours over the Python peer doing the same step (above 1: ours is faster).
        if let trafilatura = peerSeconds["trafilatura"] {
            print("  speed ratios ours/trafilatura: clean \(Bench.fmt(trafilatura / clean))x, extract \(Bench.fmt(trafilatura / extract))x")
        }
        if let lxml = peerSeconds["lxml.html.fromstring"] {
            print("  speed ratio libxml2 parse/lxml.html.fromstring: \(Bench.fmt(lxml / parse))x")
        }
    }

    /// The fastest of `runs` timings of `body`, in seconds.
    static func bestSeconds(_ runs: Int, _ body: () -> Void) -> Double {
        var best = Double.infinity
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return best
    }
}
