import ArgumentParser
import Foundation
import Synoptic
import SynopticEval

/// `synoptic eval stories`
public struct EvalStoriesCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "stories",
        abstract: "Story clustering against the AllSides roundups (B-cubed precision, recall and F1).",
        discussion: """
            Reads ../shared/data/stories/allsides-roundups-dev.jsonl, where every article under one \
            line's `news` belongs to that line's story, feeds all the articles as one pile in date \
            order, and scores the stories found with B-cubed precision, recall and F1. --shuffle runs \
            the same pile in other orders to show the result does not depend on it; --sweep prints the \
            score over a range of thresholds (how the default was chosen). With --peers, scikit-learn's \
            TF-IDF and agglomerative clustering runs on the same articles in the same run, text only \
            and with the same-day constraint, each at its best threshold on this data. The method is in \
            docs/evaluation.md.
            """)

    @Option(help: "The public data folder (default: ../shared/data beside the repository).")
    public var data: String?

    @Option(help: "The least score with which an article joins a story (default: the clusterer's).")
    public var threshold: Float?

    @Option(help: "Days apart within which time is no evidence against a story (default: the clusterer's).")
    public var sameDays: Int?

    @Option(help: "Beyond those days, the score falls by a factor e every this many days (default: the clusterer's).")
    public var dayDecay: Float?

    @Option(help: "How an article is compared with a story: centroid or average (default: the clusterer's).")
    public var linkage: String?

    @Flag(help: "Also print the score for thresholds from 0.04 to 0.40.")
    public var sweep = false

    @Option(help: "Also cluster the pile in this many shuffled orders and compare.")
    public var shuffle = 0

    @Flag(help: "Print each gold story that was split or merged.")
    public var verbose = false

    @Flag(
        help: ArgumentHelp(
            "Also cluster the same articles with scikit-learn in this run and score it beside Synoptic.",
            discussion:
                "Without scikit-learn, Benchmarks/peers/stories_peers.py installs it from PyPI into a venv at $SYNOPTIC_PEER_VENV (default ~/.cache/synoptic/peers)."
        ))
    public var peers = false

    @Option(help: "The Python that runs the peer (with --peers).")
    public var python = "python3"

    public init() {}

    public func run() throws {
        guard let root = data.map({ URL(fileURLWithPath: $0) }) ?? RepositoryLocator.dataDirectory() else {
            throw RuntimeError("cannot find ../shared/data; pass --data PATH")
        }
        let file = root.appendingPathComponent("stories/allsides-roundups-dev.jsonl")
        let items = try StoryEvaluation.load(file)
        guard !items.isEmpty else { throw RuntimeError("no articles in \(file.path)") }
        var options = StoryClusterer.Options()
        if let threshold { options.threshold = threshold }
        if let sameDays { options.sameDays = sameDays }
        if let dayDecay { options.dayDecay = dayDecay }
        if let linkage {
            guard let value = StoryClusterer.Options.Linkage(rawValue: linkage) else { throw RuntimeError("--linkage is centroid or average") }
            options.linkage = value
        }
        print("Stories, AllSides roundups (dev): \(items.count) articles of \(Set(items.map(\.story)).count) stories, one pile")
        let start = Date()
        let (score, clusters) = StoryEvaluation().score(items, options: options)
        var seconds = Date().timeIntervalSince(start)
        if peers {
            // Timings beside a peer are the best of several runs: on a shared machine one run can be
            // several times slower than the next.
            for _ in 1..<Self.timedRuns {
                let again = Date()
                _ = StoryEvaluation().score(items, options: options)
                seconds = min(seconds, Date().timeIntervalSince(again))
            }
            print(
                Self.row(
                    String(format: "synoptic (threshold %.2f)", options.threshold),
                    score.description + String(format: "  %.2f s (best of %d runs)", seconds, Self.timedRuns)))
        } else {
            print(String(format: "  synoptic (threshold %.2f)       %@  %.2f s", options.threshold, score.description, seconds))
        }
        if verbose { printErrors(items, clusters) }
        if peers { scorePeer(items, sameDays: options.sameDays, synopticSeconds: seconds) }
        if sweep {
            for step in stride(from: Float(0.04), through: 0.401, by: 0.02) {
                var swept = options
                swept.threshold = step
                let (s, _) = StoryEvaluation().score(items, options: swept)
                print(String(format: "    threshold %.2f  %@", step, s.description))
            }
        }
        if shuffle > 0 {
            var generator = SplitMix64(seed: 20_221_121)
            var identical = 0
            let reference = Set(clusters.map { Set($0.map { items[$0].article.id }) })
            for _ in 0..<shuffle {
                var shuffled = items
                generator.shuffle(&shuffled)
                let (s, found) = StoryEvaluation().score(shuffled, options: options)
                if Set(found.map { Set($0.map { shuffled[$0].article.id }) }) == reference { identical += 1 }
                print(String(format: "    shuffled   %@", s.description))
            }
            print("  \(identical) of \(shuffle) shuffled orders give exactly the same stories")
        }
    }

    /// Runs scikit-learn on the same articles and prints each variant's best threshold beside
    /// Synoptic. A peer that cannot run (no Python, no network to install scikit-learn) leaves a
    /// notice, not an error: Synoptic's score above stands.
    func scorePeer(_ items: [StoryEvaluation.Item], sameDays: Int, synopticSeconds: Double) {
        let gold = items.map(\.story)
        print(Self.row("date alone (each day one story)", StoryEvaluation.bCubed(StoryPeer.dayAlone(items), gold: gold).description))
        guard let root = RepositoryLocator.repositoryRoot() else {
            print("  notice: the scikit-learn peer did not run: run from the repository to use --peers")
            return
        }
        let lines: [[String: Any]]
        do {
            lines = try PeerRunner.run(
                python: python, script: PeerRunner.script(.stories, in: root), arguments: ["--same-days", "\(sameDays)", "--eval"],
                items: StoryPeer.articles(items))
        } catch {
            print("  notice: the scikit-learn peer did not run: \(error)")
            return
        }
        let runs = lines.compactMap { StoryPeer.run(from: $0, items: items) }
        guard let first = runs.first else {
            print("  notice: the scikit-learn peer printed no result (no network to install scikit-learn? its messages are on standard error)")
            return
        }
        print("  peer on the same articles, this run (scikit-learn \(first.version); its threshold tuned on dev, as Synoptic's is):")
        for (run, score) in StoryPeer.best(runs, gold: gold) {
            let name = String(format: "%@ (%@, t=%.2f)", run.peer, run.variant, run.threshold)
            // Every threshold builds the whole merge tree and only cuts it elsewhere, so all the runs of
            // a variant do the same work: their best time is the best of that many runs of this one.
            let sameWork = runs.filter { $0.variant == run.variant }
            let seconds = sameWork.map(\.seconds).min() ?? run.seconds
            let ratio = synopticSeconds > 0 ? String(format: ", %.1f× synoptic's time", seconds / synopticSeconds) : ""
            print(Self.row(name, score.description + String(format: "  %.2f s (best of %d runs)", seconds, sameWork.count) + ratio))
        }
        if sweep {
            for run in runs {
                let score = StoryEvaluation.bCubed(run.clusters, gold: gold)
                print(String(format: "    %@ t=%.2f  %@", run.variant, run.threshold, score.description))
            }
        }
    }

    /// Runs timed for a comparison with a peer.
    static let timedRuns = 3

    /// One result line: the clusterer's name in a column wide enough for the peer's, then its figures.
    static func row(_ name: String, _ figures: String) -> String {
        "  " + name.padding(toLength: 56, withPad: " ", startingAt: 0) + figures
    }

    func printErrors(_ items: [StoryEvaluation.Item], _ clusters: [[Int]]) {
        var clusterOf: [Int: Int] = [:]
        for (c, members) in clusters.enumerated() { for m in members { clusterOf[m] = c } }
        var byStory: [String: [Int]] = [:]
        for (i, item) in items.enumerated() { byStory[item.story, default: []].append(i) }
        for story in byStory.keys.sorted() {
            let members = byStory[story]!
            let found = Set(members.map { clusterOf[$0]! })
            let mixed = found.contains { c in clusters[c].contains { items[$0].story != story } }
            guard found.count > 1 || mixed else { continue }
            print("  story \(story): \(found.count == 1 ? "merged" : "split in \(found.count)")")
            for c in found.sorted() {
                for m in clusters[c] {
                    let article = items[m].article
                    print("    [\(c)] \(items[m].story == story ? " " : "*") \(article.provenance.published ?? "-") \(article.title ?? "")")
                }
            }
        }
    }
}
