import Foundation
import OldCore
import OldExtract
import SynopticCore
import SynopticExtract
import SynopticText

// The extraction stage of the working tree beside the same stage of an earlier commit, over the
// same articles, in one process and alternating round by round: on a VM whose speed drifts by a
// fifth within minutes, only a ratio measured this way says whether a change made it faster.
// Built and run by Scripts/bench-extract-side-by-side.sh; not part of the package.

let arguments = CommandLine.arguments
let data = URL(fileURLWithPath: arguments.count > 1 ? arguments[1] : "../shared/data")
let rounds = arguments.count > 2 ? max(1, Int(arguments[2]) ?? 15) : 15

/// The benchmark corpus of `synoptic-bench --extract`: PolNeAR's articles and the scrapinghub
/// ground-truth bodies, read in place.
func loadTexts() throws -> [String] {
    var texts: [String] = []
    let files = FileManager.default
    for split in ["train", "dev"] {
        let directory = data.appendingPathComponent("attribution/polnear/\(split)/text")
        for name in (try? files.contentsOfDirectory(atPath: directory.path))?.sorted() ?? [] where name.hasSuffix(".txt") {
            if let text = try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8) { texts.append(text) }
        }
    }
    if let truth = try? Data(contentsOf: data.appendingPathComponent("extraction/scrapinghub/ground-truth.json")),
        let object = try JSONSerialization.jsonObject(with: truth) as? [String: Any]
    {
        for key in object.keys.sorted() {
            if let body = (object[key] as? [String: Any])?["articleBody"] as? String { texts.append(body) }
        }
    }
    return texts
}

/// An assembled article as plain values both module versions can take.
struct Input {
    let body: String
    let sentences: [Range<Int>]
    let blocks: [Range<Int>]
}

let assembler = ArticleAssembler()
let inputs = try loadTexts().enumerated().map { index, text in
    let article = assembler.assemble(id: "a\(index)", provenance: Provenance(origin: .textFile, published: "2022-01-14"), original: text)
    return Input(
        body: article.body, sentences: article.sentences.map { $0.span.start..<$0.span.end },
        blocks: article.blocks.map { $0.span.start..<$0.span.end })
}
guard !inputs.isEmpty else {
    print("notice: no articles under \(data.path); nothing to measure")
    exit(0)
}
let megabytes = Double(inputs.reduce(0) { $0 + $1.body.utf8.count }) / 1e6

/// The working tree's stage, as `ArticleExtractor.annotations(of:)` runs it (tokens, entities,
/// quotes, figures, then times); the annotation count shows both did the same work.
func current() -> Int {
    let extractor = SynopticExtract.ArticleExtractor()
    let anchor = SynopticExtract.TimeAnchor(iso8601: "2022-01-14")
    var count = 0
    for input in inputs {
        let text = SynopticExtract.TokenizedText(
            text: SynopticCore.ScalarText(input.body), sentences: input.sentences.map { SynopticCore.TextSpan(start: $0.lowerBound, end: $0.upperBound) },
            blocks: input.blocks.map { SynopticCore.TextSpan(start: $0.lowerBound, end: $0.upperBound) })
        let a = extractor.annotations(of: text)
        count += a.entities.count + a.quotes.count + a.figures.count + extractor.times.tag(text, anchor: anchor).count
    }
    return count
}

/// The same for the earlier commit's modules.
func earlier() -> Int {
    let extractor = OldExtract.ArticleExtractor()
    let anchor = OldExtract.TimeAnchor(iso8601: "2022-01-14")
    var count = 0
    for input in inputs {
        let text = OldExtract.TokenizedText(
            text: OldCore.ScalarText(input.body), sentences: input.sentences.map { OldCore.TextSpan(start: $0.lowerBound, end: $0.upperBound) },
            blocks: input.blocks.map { OldCore.TextSpan(start: $0.lowerBound, end: $0.upperBound) })
        let a = extractor.annotations(of: text)
        count += a.entities.count + a.quotes.count + a.figures.count + extractor.times.tag(text, anchor: anchor).count
    }
    return count
}

func timed(_ body: () -> Int) -> (seconds: Double, count: Int) {
    let start = DispatchTime.now().uptimeNanoseconds
    let count = body()
    return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, count)
}

print("\(inputs.count) articles, \(String(format: "%.2f", megabytes)) MB of clean text, \(rounds) alternating rounds, one thread")
var best = (current: Double.infinity, earlier: Double.infinity)
var counts = (current: 0, earlier: 0)
for _ in 0..<rounds {
    let a = timed(current)
    let b = timed(earlier)
    best = (min(best.current, a.seconds), min(best.earlier, b.seconds))
    counts = (a.count, b.count)
}
print(String(format: "working tree  %5.1f MB/s  (%d annotations)", megabytes / best.current, counts.current))
print(String(format: "earlier       %5.1f MB/s  (%d annotations)", megabytes / best.earlier, counts.earlier))
print(String(format: "ratio (working tree / earlier, best of each)  %.3f", best.earlier / best.current))
