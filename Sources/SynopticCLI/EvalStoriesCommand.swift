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
            score over a range of thresholds (how the default was chosen). The method is in \
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

    @Flag(help: "Also print the score for thresholds from 0.04 to 0.40.")
    public var sweep = false

    @Option(help: "Also cluster the pile in this many shuffled orders and compare.")
    public var shuffle = 0

    @Flag(help: "Print each gold story that was split or merged.")
    public var verbose = false

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
        print("Stories, AllSides roundups (dev): \(items.count) articles of \(Set(items.map(\.story)).count) stories, one pile")
        let start = Date()
        let (score, clusters) = StoryEvaluation().score(items, options: options)
        let seconds = Date().timeIntervalSince(start)
        print(String(format: "  synoptic (threshold %.2f)       %@  %.2f s", options.threshold, score.description, seconds))
        if verbose { printErrors(items, clusters) }
        if sweep {
            for step in stride(from: Float(0.04), through: 0.401, by: 0.02) {
                var swept = options
                swept.threshold = step
                let (s, _) = StoryEvaluation().score(items, options: swept)
                print(String(format: "    threshold %.2f  %@", step, s.description))
            }
        }
        if shuffle > 0 {
            var generator = SplitMix(seed: 20_221_121)
            var identical = 0
            let reference = Set(clusters.map { Set($0.map { items[$0].article.id }) })
            for _ in 0..<shuffle {
                let shuffled = items.shuffled(using: &generator)
                let (s, found) = StoryEvaluation().score(shuffled, options: options)
                if Set(found.map { Set($0.map { shuffled[$0].article.id }) }) == reference { identical += 1 }
                print(String(format: "    shuffled   %@", s.description))
            }
            print("  \(identical) of \(shuffle) shuffled orders give exactly the same stories")
        }
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

/// A small seeded generator (splitmix64), so a shuffled run can be repeated.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
