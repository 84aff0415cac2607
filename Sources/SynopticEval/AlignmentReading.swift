import Foundation
import Synoptic
import SynopticCore

/// The alignment stage run over real multi-outlet stories, for reading rather than scoring.
///
/// No public data set annotates which sentences of different outlets state one fact or where they
/// disagree, so the stage is judged by reading what it does on real stories. This makes that
/// reading repeatable: the AllSides roundups (three outlets' reports of one event, dated by the
/// roundup) are briefed as one story each, through the same `briefOneStory` the CLI uses, and the
/// counts come out the same for the same code. `synoptic eval alignment --dump` prints every fact
/// that two or more outlets carry and every disagreement, so that a change to the stage can be
/// read as the list of groups it made or undid (a diff of two dumps).
public enum AlignmentReading {
    /// One story's articles, as the roundup gives them.
    public struct Story: Sendable {
        public var id: String
        public var title: String
        public var articles: [Article]
    }

    /// What the stage made of one story.
    public struct Reading: Sendable {
        public var id: String
        public var title: String
        public var articleCount: Int
        public var facts: [Fact]
        public var disagreements: [Disagreement]
        public var timeline: [TimelineEntry]

        /// Facts that two or more distinct outlets carry.
        public var sharedFacts: [Fact] { facts.filter { $0.outlets.count >= 2 } }
    }

    /// Sums over the stories read.
    public struct Totals: Sendable, Hashable {
        public var stories = 0
        public var articles = 0
        public var facts = 0
        /// Facts carried by two or more outlets.
        public var sharedFacts = 0
        /// Facts carried by all the story's outlets, when it has two or more.
        public var factsInEveryOutlet = 0
        public var exclusiveFacts = 0
        public var disputedFacts = 0
        public var disagreements: [Disagreement.Kind: Int] = [:]
        public var timelineEntries = 0
        /// Timeline entries that more than one outlet gives.
        public var sharedTimelineEntries = 0

        public init() {}

        public mutating func add(_ reading: Reading) {
            stories += 1
            articles += reading.articleCount
            facts += reading.facts.count
            sharedFacts += reading.sharedFacts.count
            let outlets = Set(reading.facts.flatMap(\.outlets)).count
            if outlets >= 2 { factsInEveryOutlet += reading.facts.filter { $0.outlets.count == outlets }.count }
            exclusiveFacts += reading.facts.filter { $0.status == .exclusive }.count
            disputedFacts += reading.facts.filter { $0.status == .disputed }.count
            for disagreement in reading.disagreements { disagreements[disagreement.kind, default: 0] += 1 }
            timelineEntries += reading.timeline.count
            sharedTimelineEntries += reading.timeline.filter { $0.outlets.count >= 2 }.count
        }

        public var disagreementCount: Int { disagreements.values.reduce(0, +) }
    }

    /// The AllSides roundups: one story a line, its articles in the order left, center, right,
    /// each its `newsTitle` over its `newBody` paragraphs, its outlet `newsSource`, and its date
    /// the roundup's (the reports themselves carry none). Lines without articles are left out.
    public static func loadAllSides(_ file: URL, limit: Int? = nil) throws -> [Story] {
        var stories: [Story] = []
        for (number, line) in try SummaryEvaluation.lines(of: file).enumerated() {
            if let limit, stories.count >= limit { break }
            guard !line.isEmpty, let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let news = object["news"] as? [String: Any]
            else { continue }
            let id = object["id"].map { "allsides-\($0)" } ?? "allsides-line-\(number + 1)"
            let published = (object["date"] as? String).flatMap { $0.count >= 10 ? String($0.prefix(10)) : nil }
            var articles: [Article] = []
            for side in ["left", "center", "right"] {
                guard let entry = news[side] as? [String: Any] else { continue }
                let body = (entry["newBody"] as? [String] ?? []).joined(separator: "\n\n")
                guard body.contains(where: { !$0.isWhitespace }) else { continue }
                let articleID = "\(id)-\(articles.count + 1)"
                let provenance = Provenance(
                    origin: .jsonLines, path: articleID, url: entry["newsLink"] as? String, outlet: entry["newsSource"] as? String,
                    published: published)
                let title = (entry["newsTitle"] as? String).flatMap { $0.isEmpty ? nil : $0 }
                articles.append(ArticleAssembler().assemble(id: articleID, provenance: provenance, metadata: .init(title: title), original: body))
            }
            guard !articles.isEmpty else { continue }
            stories.append(Story(id: id, title: object["issue"] as? String ?? id, articles: articles))
        }
        return stories
    }

    /// Briefs `story` as the CLI's `brief` does and keeps what the alignment stage made.
    public static func read(_ story: Story, pipeline: BriefingPipeline = BriefingPipeline()) -> Reading {
        let (briefed, _) = pipeline.briefOneStory(story.articles, id: story.id)
        return Reading(
            id: story.id, title: story.title, articleCount: story.articles.count, facts: briefed.facts,
            disagreements: briefed.disagreements, timeline: briefed.timeline)
    }

    /// The facts two or more outlets carry and the disagreements, as lines for reading: one block
    /// per story, each fact with its outlets and every sentence of its group.
    public static func dump(_ reading: Reading, articles: [Article]) -> [String] {
        let shared = reading.sharedFacts
        guard !shared.isEmpty || !reading.disagreements.isEmpty else { return [] }
        let byID = Dictionary(articles.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        func sentence(_ reference: SourceReference) -> String {
            guard let article = byID[reference.article] else { return "?" }
            let text = article.text
            let span = reference.span
            guard span.start >= 0, span.end <= text.scalarCount, span.start <= span.end else { return "?" }
            return text[span].replacingOccurrences(of: "\n", with: " ")
        }
        var lines = ["## \(reading.id): \(reading.title)"]
        for fact in shared {
            lines.append("fact \(fact.id) [\(fact.status.rawValue)] \(fact.outlets.joined(separator: " · "))")
            for mention in fact.mentions {
                let outlet = byID[mention.article]?.provenance.outlet ?? mention.article
                lines.append("  - \(outlet): \(sentence(mention))")
            }
        }
        for disagreement in reading.disagreements {
            lines.append("disagreement [\(disagreement.kind.rawValue)] \(disagreement.subject)")
            for side in disagreement.sides {
                lines.append("  - \(side.outlets.joined(separator: " · ")): \(side.text)")
            }
        }
        return lines
    }
}
