import ArgumentParser
import Foundation
import SynopticEval

/// `synoptic eval STAGE`: scores a stage on public data, beside peers run in the same process.
public struct EvalCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score a stage on public benchmark data.",
        subcommands: [
            EvalSentencesCommand.self, EvalExtractionCommand.self, EvalQuotesCommand.self, EvalTimeCommand.self, EvalStoriesCommand.self,
            EvalDuplicatesCommand.self, EvalSummariesCommand.self, EvalAlignmentCommand.self,
        ])

    public init() {}
}

/// `synoptic eval sentences`
public struct EvalSentencesCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "sentences",
        abstract: "Sentence segmentation against the gold sentences of the SemEval-2015 TimeLine corpus.",
        discussion: """
            Reads ../shared/data/temporal/timeline-semeval2015/corpus_1 (Wikinews articles given as \
            tokens with sentence numbers), rebuilds each article body as printed text, and scores the \
            sentence boundaries Synoptic finds: precision, recall and F1. Scored twice: splitting \
            grammatical sentences everywhere (what the gold counts), and as briefings use it (quoted \
            passages never cut). With --peers, pySBD and spaCy's sentencizer are scored on the same \
            texts in the same run.
            """)

    @Option(help: "The public data folder (default: ../shared/data beside the repository).")
    public var data: String?

    @Option(help: "A Python with pysbd and/or spacy installed, to score the peers in the same run.")
    public var peers: String?

    public init() {}

    public func run() throws {
        guard let root = data.map({ URL(fileURLWithPath: $0) }) ?? RepositoryLocator.dataDirectory() else {
            throw RuntimeError("cannot find ../shared/data; pass --data PATH")
        }
        let corpus = root.appendingPathComponent("temporal/timeline-semeval2015/corpus_1")
        let items = try SentenceEvaluation.loadTimeLineCorpus(corpus)
        guard !items.isEmpty else { throw RuntimeError("no CAT documents under \(corpus.path)") }
        let gold = items.reduce(0) { $0 + $1.boundaries.count }
        print("Sentence segmentation, SemEval-2015 TimeLine corpus 1 (Wikinews): \(items.count) article bodies, \(gold) gold boundaries")
        let evaluation = SentenceEvaluation()
        print("  synoptic (grammatical sentences)     \(evaluation.score(items, keepsQuotationsWhole: false))")
        print("  synoptic (briefing: quotes kept whole) \(evaluation.score(items, keepsQuotationsWhole: true))")
        if let peers {
            guard let root = RepositoryLocator.repositoryRoot() else { throw RuntimeError("run from the repository to use --peers") }
            let results = try PeerRunner.run(
                python: peers, script: PeerRunner.script(.segmentation, in: root), arguments: ["--eval"],
                items: items.map { ["text": $0.text, "boundaries": $0.boundaries] })
            for result in results {
                guard let name = result["peer"] as? String else { continue }
                if result["missing"] != nil {
                    print("  \(name): not installed (pip install pysbd spacy)")
                    continue
                }
                let p = result["precision"] as? Double ?? 0, r = result["recall"] as? Double ?? 0, f = result["f1"] as? Double ?? 0
                print("  \(name.padding(toLength: 37, withPad: " ", startingAt: 0)) " + String(format: "P %.3f  R %.3f  F1 %.3f", p, r, f))
            }
        }
    }
}
