import ArgumentParser
import Foundation
import SynopticEval

extension QuoteEvaluation.Part: ExpressibleByArgument {}

/// `synoptic eval quotes`
public struct EvalQuotesCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "quotes",
        abstract: "Direct quotations and their speakers against PolNeAR's attribution annotations.",
        discussion: """
            Reads ../shared/data/attribution/polnear (the dev split unless --split says otherwise), \
            runs the article assembler and the extraction stage over each text, and scores the quoted \
            spans (precision, recall and F1 at an overlap of at least 0.8) and, over matched quotes, \
            whether the speaker is right. The method is in docs/evaluation.md.
            """)

    @Option(help: "The public data folder (default: ../shared/data beside the repository).")
    public var data: String?

    @Option(help: "Split(s) to score: dev, train, or both.")
    public var split: String = "dev"

    @Option(
        help: """
            Part of each split: all, study (a fixed quarter, by a hash of the article's name, that \
            may be read for errors) or held-out (the other three quarters, never read).
            """)
    public var part: QuoteEvaluation.Part = .all

    @Flag(help: "Print every miss, extra quote and wrong speaker.")
    public var verbose = false

    public init() {}

    public func run() throws {
        guard let root = data.map({ URL(fileURLWithPath: $0) }) ?? RepositoryLocator.dataDirectory() else {
            throw RuntimeError("cannot find ../shared/data; pass --data PATH")
        }
        let corpus = root.appendingPathComponent("attribution/polnear")
        let splits = split == "both" ? ["dev", "train"] : [split]
        for name in splits {
            let documents = try QuoteEvaluation.load(corpus, split: name, part: part)
            guard !documents.isEmpty else { throw RuntimeError("no annotated texts under \(corpus.path)/\(name)") }
            let label = part == .all ? name : "\(name) (\(part.rawValue))"
            print("Quotes, PolNeAR \(label): \(documents.count) articles, direct quotes inside attributions")
            let score = QuoteEvaluation(verbose: verbose).score(documents)
            print("  synoptic                                 \(score)")
        }
        print("  SFU Gender Gap Tracker (published, own 98 articles): quote F1 0.837, speaker accuracy 0.865")
    }
}
