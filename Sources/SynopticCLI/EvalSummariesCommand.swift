import ArgumentParser
import Foundation
import Synoptic
import SynopticEval

/// `synoptic eval summaries`
public struct EvalSummariesCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "summaries",
        abstract: "Story summaries against human-written ones (ROUGE-1/2/L F1), beside baselines run on the same stories.",
        discussion: """
            Reads NeuS (../shared/data/summaries/neus, one story of two or three articles a line, the \
            reference the neutral summary's ARTICLE part) and/or the AllSides roundups (the reference \
            the roundup). Every system gets a word budget equal to the reference's length in words: its \
            sentences are joined in its own order and cut to that many words. ROUGE is computed in \
            Swift exactly as Google's rouge-score does with use_stemmer=True. Scored in the same run: \
            Synoptic's summarizer, a centroid baseline and the lead (first article); with --peers, \
            sumy's LexRank and TextRank and a lead over nupunkt sentences, with rouge-score's own \
            figures beside them. The method is in docs/evaluation.md.
            """)

    @Option(help: "The public data folder (default: ../shared/data beside the repository).")
    public var data: String?

    @Option(help: "neus, allsides or both.")
    public var dataset = "neus"

    @Option(help: "The NeuS split: val or train.")
    public var split = "val"

    @Option(help: "Score only the first N stories of each dataset.")
    public var limit: Int?

    @Option(
        help: ArgumentHelp(
            "A Python to run sumy's LexRank and TextRank with (Benchmarks/peers/summaries_peers.py).",
            discussion:
                "Missing packages (sumy, nupunkt, rouge-score) are installed from PyPI into a venv at $SYNOPTIC_PEER_VENV (default ~/.cache/synoptic/peers)."
        ))
    public var peers: String?

    @Flag(help: "Print each story's scores.")
    public var verbose = false

    @Flag(
        help: ArgumentHelp(
            "Fit the summary model on NeuS train first, print its weights, and score the fitted model too.",
            discussion: "The weights printed are what SummaryModel.trained holds; fitting never reads the split that is scored."))
    public var train = false

    @Option(help: "With --train: fit on only the first N train stories.")
    public var trainLimit: Int?

    @Option(help: "With --train: train stories the coordinate-ascent refinement scores each weighting on.")
    public var refineStories = 2452

    @Option(help: "With --train: also cross-validate the fit on NeuS train with this many folds, and print each fold's scores.")
    public var folds: Int?

    @Option(
        help: ArgumentHelp(
            "Write each story's candidate sentences, their features and their cosines to FILE as JSON lines, and stop.",
            discussion: "For experiments with the model outside Swift; reads the split given by --split (or the AllSides roundups)."))
    public var dumpFeatures: String?

    @Option(
        help: ArgumentHelp(
            "What the summarizer's sentence trimmer may leave out: default (nothing), none, all, or a comma-separated list of "
                + SentenceTrimmer.Rules.names.map(\.0).joined(separator: ", ") + ".",
            discussion: "Applies to synoptic's summaries, to fitting with --train and to --dump-features; the baselines are never trimmed."))
    public var trim = "default"

    public init() {}

    /// The rules `--trim` names.
    var trimming: SentenceTrimmer.Rules {
        switch trim {
        case "default": return ExtractiveSummarizer.Options.defaultTrimming
        case "none": return []
        case "all": return .all
        default:
            var rules: SentenceTrimmer.Rules = []
            for name in trim.split(separator: ",") {
                if let rule = SentenceTrimmer.Rules.names.first(where: { $0.0 == name })?.1 { rules.insert(rule) }
            }
            return rules
        }
    }

    /// Published reference points on NeuS val, measured with rouge-score (stemming on) under the
    /// same budget: ROUGE-1, ROUGE-2, ROUGE-L.
    static let published: [(String, Double, Double, Double)] = [
        ("lead (first article)", 37.8, 15.4, 25.8), ("LexRank (sumy)", 42.0, 17.9, 27.4), ("TextRank (sumy)", 43.1, 19.1, 28.7),
    ]

    public func validate() throws {
        guard ["neus", "allsides", "both"].contains(dataset) else { throw ValidationError("--dataset is neus, allsides or both") }
        guard ["val", "train"].contains(split) else { throw ValidationError("--split is val or train") }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
        if let folds, folds < 2 { throw ValidationError("--folds must be at least 2") }
        let known = ["default", "none", "all"] + SentenceTrimmer.Rules.names.map(\.0)
        guard ["default", "none", "all"].contains(trim) || trim.split(separator: ",").allSatisfy({ known.contains(String($0)) }) else {
            throw ValidationError("--trim is default, none, all or a list of " + SentenceTrimmer.Rules.names.map(\.0).joined(separator: ", "))
        }
    }

    public func run() throws {
        guard let root = data.map({ URL(fileURLWithPath: $0) }) ?? RepositoryLocator.dataDirectory() else {
            throw RuntimeError("cannot find ../shared/data; pass --data PATH")
        }
        if let dumpFeatures {
            let stories =
                dataset == "allsides"
                ? try SummaryEvaluation.loadAllSides(root.appendingPathComponent("stories/allsides-roundups-dev.jsonl"), limit: limit)
                : try SummaryEvaluation.loadNeuS(directory: root.appendingPathComponent("summaries/neus"), split: split, limit: limit)
            try SummaryTraining.dump(stories, to: URL(fileURLWithPath: dumpFeatures), trimming: trimming)
            print("wrote \(stories.count) stories to \(dumpFeatures)")
            return
        }
        var fitted: SummaryModel?
        if train {
            let start = Date()
            let trainStories = try SummaryEvaluation.loadNeuS(
                directory: root.appendingPathComponent("summaries/neus"), split: "train", limit: trainLimit)
            if let folds { crossValidate(trainStories, folds: folds) }
            let model = fit(trainStories, progress: true)
            print(String(format: "Summary model fitted on %d NeuS train stories in %.1f s:", trainStories.count, Date().timeIntervalSince(start)))
            print(SummaryTraining.swiftLiteral(model))
            print("")
            fitted = model
        }
        if dataset != "allsides" {
            let stories = try SummaryEvaluation.loadNeuS(directory: root.appendingPathComponent("summaries/neus"), split: split, limit: limit)
            evaluate(stories, title: "NeuS \(split)", showsPublished: split == "val" && limit == nil, fitted: fitted)
        }
        if dataset != "neus" {
            if dataset == "both" { print("") }
            let stories = try SummaryEvaluation.loadAllSides(root.appendingPathComponent("stories/allsides-roundups-dev.jsonl"), limit: limit)
            evaluate(stories, title: "AllSides roundups (dev)", showsPublished: false, fitted: fitted)
        }
    }

    /// The whole fit: a logistic model of the greedy oracle's sentences, then coordinate ascent on
    /// the train summaries' ROUGE.
    func fit(_ stories: [SummaryEvaluation.Story], progress: Bool) -> SummaryModel {
        let logistic = SummaryTraining.fit(stories, trimming: trimming) { done in if progress { print("  fitted on \(done) stories…") } }
        guard refineStories > 0 else { return logistic }
        return SummaryTraining.refine(logistic, on: Array(stories.prefix(refineStories)), trimming: trimming) { round, value in
            if progress { print(String(format: "  refinement round %d: train ROUGE-1 + ROUGE-2 F1 %.4f", round, value)) }
        }
    }

    /// K-fold cross-validation on train: story i is in fold i mod K; each fold is scored with the
    /// model fitted on the others, beside the centroid baseline.
    func crossValidate(_ stories: [SummaryEvaluation.Story], folds: Int) {
        let evaluation = SummaryEvaluation()
        var fitted = SummaryEvaluation.Total()
        var centroid = SummaryEvaluation.Total()
        for fold in 0..<folds {
            let held = stories.indices.filter { $0 % folds == fold }.map { stories[$0] }
            let rest = stories.indices.filter { $0 % folds != fold }.map { stories[$0] }
            let model = fit(rest, progress: false)
            let (total, perStory) = evaluation.score(
                held,
                summaries: held.map { SummaryEvaluation.synopticSummary(articles: $0.articles, words: $0.words, model: model, trimming: trimming) })
            for scores in perStory { fitted.add(scores) }
            for scores in evaluation.score(held, summaries: held.map { SummaryEvaluation.System.centroid.summary(of: $0) }).perStory {
                centroid.add(scores)
            }
            print("  fold \(fold + 1) of \(folds), \(held.count) stories held out: " + total.description)
        }
        print("  \(folds)-fold cross-validation on NeuS train, ROUGE-1/2/L: " + fitted.description + "  (centroid: " + centroid.description + ")")
    }

    func evaluate(_ stories: [SummaryEvaluation.Story], title: String, showsPublished: Bool, fitted: SummaryModel? = nil) {
        guard !stories.isEmpty else {
            print("\(title): no stories")
            return
        }
        let articles = stories.reduce(0) { $0 + $1.articles.count }
        let budget = Double(stories.reduce(0) { $0 + $1.words }) / Double(stories.count)
        print(
            "Summaries, \(title): \(stories.count) stories, \(articles) articles; budget = the reference's length "
                + String(format: "(mean %.0f words); mean F1 ×100", budget))
        print(Self.row("system", "ROUGE-1  ROUGE-2  ROUGE-L"))
        let evaluation = SummaryEvaluation()
        var rows: [(name: String, total: SummaryEvaluation.Total, perStory: [Rouge.Scores], isBaseline: Bool)] = []
        for system in SummaryEvaluation.System.allCases {
            let start = Date()
            let (total, perStory) = evaluation.score(
                stories,
                summaries: stories.map { story in
                    system == .synoptic
                        ? SummaryEvaluation.synopticSummary(articles: story.articles, words: story.words, trimming: trimming)
                        : system.summary(of: story)
                })
            let seconds = Date().timeIntervalSince(start)
            let name = system == .lead ? "lead (first article)" : system.rawValue
            print(Self.row(name, total.description + String(format: "    %.2f s", seconds)))
            rows.append((name, total, perStory, system != .synoptic))
        }
        if let fitted {
            let (total, perStory) = evaluation.score(
                stories,
                summaries: stories.map {
                    SummaryEvaluation.synopticSummary(articles: $0.articles, words: $0.words, model: fitted, trimming: trimming)
                })
            print(Self.row("synoptic (model just fitted)", total.description))
            rows.append(("synoptic (model just fitted)", total, perStory, false))
        }
        if let peers { rows += scorePeers(stories, python: peers) }

        // The goal: ROUGE-1 and ROUGE-2 each 2 points above the best baseline of this run.
        let baselines = rows.filter(\.isBaseline)
        if let synoptic = rows.first(where: { !$0.isBaseline }), !baselines.isEmpty {
            let best1 = baselines.max { $0.total.mean.rouge1 < $1.total.mean.rouge1 }!
            let best2 = baselines.max { $0.total.mean.rouge2 < $1.total.mean.rouge2 }!
            let d1 = synoptic.total.mean.rouge1 - best1.total.mean.rouge1
            let d2 = synoptic.total.mean.rouge2 - best2.total.mean.rouge2
            print(
                String(
                    format: "  synoptic against the best baseline of this run: ROUGE-1 %+.1f (%@), ROUGE-2 %+.1f (%@); goal: +2.0 on each",
                    d1, best1.name, d2, best2.name))
        }
        if showsPublished {
            print("  published reference points on NeuS val (rouge-score, same budget; ROUGE-1/2/L):")
            for (name, r1, r2, rl) in Self.published { print(Self.row("  " + name, String(format: "%5.1f  %5.1f  %5.1f", r1, r2, rl))) }
        }
        if verbose {
            print("  per story, ROUGE-1/2/L F1 ×100 of " + rows.map(\.name).joined(separator: " | "))
            for (index, story) in stories.enumerated() {
                let cells = rows.map { row -> String in
                    let s = row.perStory[index]
                    return String(format: "%.0f/%.0f/%.0f", 100 * s.rouge1.f1, 100 * s.rouge2.f1, 100 * s.rougeL.f1)
                }
                print("    \(story.id) (\(story.words) words, \(story.articles.count) articles)  " + cells.joined(separator: " | "))
            }
        }
    }

    /// Runs the Python peers on the same stories and scores their summaries here; rouge-score's own
    /// figures for the same summaries are printed beside. A peer that cannot run leaves a notice.
    func scorePeers(_ stories: [SummaryEvaluation.Story], python: String) -> [(
        name: String, total: SummaryEvaluation.Total, perStory: [Rouge.Scores], isBaseline: Bool
    )] {
        guard let root = RepositoryLocator.repositoryRoot() else {
            print("  notice: the peers did not run: run from the repository to use --peers")
            return []
        }
        let output: SummaryPeer.Output
        do {
            let start = Date()
            let lines = try PeerRunner.run(
                python: python, script: SummaryPeer.script(in: root), arguments: ["--check"], items: SummaryPeer.stories(stories))
            output = SummaryPeer.output(lines)
            print(String(format: "  peers on the same stories, this run (%.0f s in Python):", Date().timeIntervalSince(start)))
        } catch {
            print("  notice: the peers did not run: \(error)")
            return []
        }
        if let missing = output.missing { print("  notice: the peers did not run: \(missing)") }
        let evaluation = SummaryEvaluation()
        var rows: [(name: String, total: SummaryEvaluation.Total, perStory: [Rouge.Scores], isBaseline: Bool)] = []
        for peer in output.peers {
            let (total, perStory) = evaluation.score(stories, summaries: stories.map { peer.summaries[$0.id] ?? [] })
            var figures = total.description
            if let check = output.checks[peer.name] {
                figures += String(format: "    %@: %5.1f  %5.1f  %5.1f", check.scorer, 100 * check.rouge1, 100 * check.rouge2, 100 * check.rougeL)
            }
            let name = "\(peer.name) (\(peer.version))"
            print(Self.row(name, figures))
            rows.append((name, total, perStory, true))
        }
        return rows
    }

    /// One result line: the system's name in a column, then its figures.
    static func row(_ name: String, _ figures: String) -> String {
        "  " + name.padding(toLength: 40, withPad: " ", startingAt: 0) + figures
    }
}
