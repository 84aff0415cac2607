import SynopticCore
import SynopticStories

/// Builds the stories of a batch: clusters the articles (``StoryClusterer``), then titles and
/// summarizes each story. A story's title is the headline closest to what its articles share.
///
/// Stories are listed largest first (ties: the one whose first article came first in the batch),
/// numbered `story-1`, `story-2`… in that order, and their articles keep the batch's order.
public struct StoryBuilder: Sendable {
    /// Summarizes each story as it is built; `nil` leaves summaries to a later stage (the briefing
    /// pipeline summarizes once versions and copies are known, so they count as one source).
    public var summarizer: ExtractiveSummarizer?
    public var clustering: StoryClusterer.Options

    public init(summarizer: ExtractiveSummarizer? = .init(), clustering: StoryClusterer.Options = .init()) {
        self.summarizer = summarizer
        self.clustering = clustering
    }

    public func stories(for articles: [Article]) -> [Story] {
        guard !articles.isEmpty else { return [] }
        let clusters = StoryClusterer.cluster(articles.map { StoryFeatures(article: $0) }, options: clustering)
            .map { $0.sorted() }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0[0] < $1[0] }
        return clusters.enumerated().map { number, members in
            let group = members.map { articles[$0] }
            return Story(
                id: "story-\(number + 1)", title: Self.title(for: group), articleIDs: group.map(\.id), summary: summarizer?.summarize(group) ?? [])
        }
    }

    /// The headline sharing the most content words with the other headlines and bodies.
    public static func title(for articles: [Article]) -> String {
        let titled = articles.compactMap { $0.title.map { ($0, TermVectors.words($0)) } }
        guard !titled.isEmpty else { return "Untitled story" }
        var shared: [String: Int] = [:]
        for article in articles {
            let leadText = article.sentences.prefix(5).map { String(article[$0.span]) }.joined(separator: " ")
            for word in Set(TermVectors.words(leadText) + TermVectors.words(article.title ?? "")) { shared[word, default: 0] += 1 }
        }
        let best = titled.max { lhs, rhs in
            let l = Set(lhs.1).reduce(0) { $0 + (shared[$1] ?? 0) } * 100 / max(lhs.1.count, 1)
            let r = Set(rhs.1).reduce(0) { $0 + (shared[$1] ?? 0) } * 100 / max(rhs.1.count, 1)
            return l < r
        }
        return best?.0 ?? "Untitled story"
    }
}
