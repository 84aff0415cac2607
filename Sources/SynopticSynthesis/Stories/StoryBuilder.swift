import SynopticCore

/// Builds the stories of a batch. Until clustering lands, a batch is one story: the articles the
/// user gave together. Its title is the headline closest to what the articles share.
public struct StoryBuilder: Sendable {
    public var summarizer: ExtractiveSummarizer

    public init(summarizer: ExtractiveSummarizer = .init()) { self.summarizer = summarizer }

    public func stories(for articles: [Article]) -> [Story] {
        guard !articles.isEmpty else { return [] }
        return [
            Story(
                id: "story-1", title: Self.title(for: articles), articleIDs: articles.map(\.id),
                summary: summarizer.summarize(articles))
        ]
    }

    /// The headline sharing the most content words with the other headlines and bodies.
    static func title(for articles: [Article]) -> String {
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
