import ArgumentParser
import Foundation
import Synoptic
import SynopticEval

/// `synoptic eval alignment`
public struct EvalAlignmentCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "alignment",
        abstract: "Facts and disagreements across outlets on the AllSides roundups, counted for reading (no gold exists).",
        discussion: """
            Reads ../shared/data/stories/allsides-roundups-dev.jsonl and briefs each line's reports \
            (left, center, right: title and paragraphs, outlet, the roundup's date) as one story, as \
            `synoptic brief` would. Prints how many facts two or more outlets carry, how many every \
            outlet carries, the exclusives, the disputed facts, the disagreements by kind and the \
            timeline entries given by more than one outlet. No public data annotates these, so the \
            counts are for reading a change, not a score: --dump prints every shared fact with each \
            outlet's sentence and every disagreement with its sides, so that two builds' dumps can be \
            compared line by line. The method is in docs/evaluation.md.
            """)

    @Option(help: "The public data folder (default: ../shared/data beside the repository).")
    public var data: String?

    @Option(help: "Read only the first N stories.")
    public var limit: Int?

    @Flag(help: "Print every fact two or more outlets carry, and every disagreement, story by story.")
    public var dump = false

    public init() {}

    public func run() throws {
        guard let root = data.map({ URL(fileURLWithPath: $0) }) ?? RepositoryLocator.dataDirectory() else {
            throw RuntimeError("cannot find ../shared/data; pass --data PATH")
        }
        let file = root.appendingPathComponent("stories/allsides-roundups-dev.jsonl")
        let stories = try AlignmentReading.loadAllSides(file, limit: limit)
        guard !stories.isEmpty else { throw RuntimeError("no stories in \(file.path)") }
        var totals = AlignmentReading.Totals()
        let pipeline = BriefingPipeline()
        for story in stories {
            let reading = AlignmentReading.read(story, pipeline: pipeline)
            totals.add(reading)
            if dump {
                let lines = AlignmentReading.dump(reading, articles: story.articles)
                if !lines.isEmpty { print(lines.joined(separator: "\n") + "\n") }
            }
        }
        print("Alignment, AllSides roundups (dev): \(totals.stories) stories, \(totals.articles) reports")
        print("  facts                           \(totals.facts)")
        print("  carried by two or more outlets  \(totals.sharedFacts)")
        print("  carried by every outlet         \(totals.factsInEveryOutlet)")
        print("  exclusive to one outlet         \(totals.exclusiveFacts)")
        print("  disputed                        \(totals.disputedFacts)")
        let kinds = Disagreement.Kind.allCases.compactMap { kind in totals.disagreements[kind].map { "\($0) \(kind.rawValue)" } }
        print("  disagreements                   \(totals.disagreementCount)\(kinds.isEmpty ? "" : " (" + kinds.joined(separator: ", ") + ")")")
        print("  timeline entries                \(totals.timelineEntries), \(totals.sharedTimelineEntries) given by two or more outlets")
        print("No gold exists for these counts; read them with --dump (docs/evaluation.md).")
    }
}
