import ArgumentParser
import Foundation
import SynopticCore
import SynopticEval

/// `synoptic eval time`
public struct EvalTimeCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "time",
        abstract: "Time expressions and their values against the TimeML gold of TempEval-3 (TBAQ-cleaned).",
        discussion: """
            Reads ../shared/data/temporal/tempeval3-training (TimeBank and AQUAINT news in TimeML), \
            tags each document's text with each document's creation time as the publication anchor, \
            and scores TempEval-3 style: detection precision, recall and F1 with relaxed (any overlap) \
            and strict (same span) matching, value F1 (value accuracy over the relaxed matches times \
            the relaxed F1, as TempEval-3's script computes it) and type accuracy. The peers' figures \
            are their published scores on the TempEval-3 test set.
            """)

    @Option(help: "The public data folder (default: ../shared/data beside the repository).")
    public var data: String?

    @Option(help: "Also print up to N disagreements of each kind (missed, spurious, wrong value).")
    public var errors: Int = 0

    @Option(help: "Also print every expression found in the named document (a file name without .tml), beside the gold.")
    public var document: String?

    public init() {}

    public func run() throws {
        guard let root = data.map({ URL(fileURLWithPath: $0) }) ?? RepositoryLocator.dataDirectory() else {
            throw RuntimeError("cannot find ../shared/data; pass --data PATH")
        }
        let corpus = root.appendingPathComponent("temporal/tempeval3-training")
        let documents = try TimeEvaluation.load(corpus)
        guard !documents.isEmpty else { throw RuntimeError("no .tml documents under \(corpus.path)") }
        let started = Date()
        let (score, mistakes) = TimeEvaluation().evaluate(documents)
        let seconds = Date().timeIntervalSince(started)
        print(
            "Time expressions, TempEval-3 training (TBAQ-cleaned): \(documents.count) documents, \(score.gold) gold TIMEX3, \(score.predicted) found")
        print("")
        print("| system | relaxed P | relaxed R | relaxed F1 | strict F1 | value F1 | type acc. |")
        print("|---|---|---|---|---|---|---|")
        print(
            String(
                format: "| **synoptic**, this data | %.3f | %.3f | %.3f | %.3f | **%.3f** | %.3f |", score.relaxedPrecision, score.relaxedRecall,
                score.relaxedF1, score.strictF1, score.valueF1, score.typeAccuracy))
        // Only the value F1 is quoted from the data's README; the other columns are left empty rather than guessed.
        print("| HeidelTime, published (TempEval-3 test set) | | | | | 0.776 | |")
        print("| SUTime, published (TempEval-3 test set) | | | | | 0.674 | |")
        print("")
        print(
            String(
                format: "strict P %.3f R %.3f; value P %.3f R %.3f (%d correct); value accuracy on matches %.3f; %.0f ms", score.strictPrecision,
                score.strictRecall, score.valuePrecision, score.valueRecall, score.valueCorrect, score.valueAccuracy, seconds * 1000))
        // Tagging speed alone (tokens built beforehand), for orientation: only a release build says anything.
        let texts = documents.map { SynopticEval.TimeEvaluation.tokenized($0) }
        let bytes = documents.reduce(0) { $0 + $1.text.utf8.count }
        let tagger = TimeEvaluation().tagger
        let tagStart = Date()
        var found = 0
        for _ in 0..<10 {
            for (text, anchor) in texts { found += tagger.tag(text, anchor: anchor).count }
        }
        let tagSeconds = Date().timeIntervalSince(tagStart)
        print(
            String(
                format: "tagging alone: %.1f MB/s (%d KB tagged 10 times, %d expressions)", Double(bytes * 10) / tagSeconds / 1e6, bytes / 1024, found
            ))
        if let name = document, let doc = documents.first(where: { $0.name == name }) {
            let scalars = Array(doc.text.unicodeScalars)
            func slice(_ span: SynopticCore.TextSpan) -> String {
                String(String.UnicodeScalarView(scalars[span.start..<min(span.end, scalars.count)]))
            }
            print("\n\(name), created \(doc.creationTime ?? "-")")
            let found = TimeEvaluation().predict(doc)
            var events = found.map { ($0.span, "found", slice($0.span), $0.value ?? "nil") }
            events += doc.gold.map { ($0.span, "gold ", slice($0.span), $0.value) }
            for e in events.sorted(by: { ($0.0.start, $0.1) < ($1.0.start, $1.1) }) {
                print("  \(e.0.start)  \(e.1)  \(e.2)  \(e.3)")
            }
        }
        guard errors > 0 else { return }
        for kind in [TimeEvaluation.Mistake.Kind.missed, .spurious, .value] {
            let list = mistakes.filter { $0.kind == kind }
            print("\n\(kind.rawValue): \(list.count)")
            for m in list.prefix(errors) {
                print("  \(m.document)  \(m.text)  expected \(m.expected ?? "-")  found \(m.found ?? "nil")  …\(m.context)…")
            }
        }
    }
}
