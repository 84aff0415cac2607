import Foundation
import Synoptic

/// Scores multi-article summaries against human-written ones with ROUGE-1, ROUGE-2 and ROUGE-L F1
/// (``Rouge``, equal to rouge-score's), every system under the same word budget.
///
/// The budget of a story is the number of whitespace-separated words of its reference. Every
/// system's summary is its sentences joined with spaces in the system's own order, then cut to the
/// first budget words (``truncate(_:words:)``): the same treatment for all, so no system gains by
/// writing longer. Scores are the mean F1 over stories.
///
/// Two datasets: NeuS (Lee et al. 2022; one story a line of `*.source`, two or three articles, the
/// reference the `ARTICLE=>` part of the same line of `*.target`) and the AllSides roundups (one
/// story a line; the articles under `news`, the reference the `roundup` paragraphs).
public struct SummaryEvaluation: Sendable {
    /// One article as the data gives it.
    public struct SourceArticle: Sendable, Hashable {
        public var title: String
        public var text: String
        /// The outlet, when the data names it.
        public var outlet: String?

        public init(title: String, text: String, outlet: String? = nil) {
            self.title = title
            self.text = text
            self.outlet = outlet
        }
    }

    /// One story: its articles, read as the product reads text, and the human summary.
    public struct Story: Sendable {
        public var id: String
        public var sources: [SourceArticle]
        public var articles: [Article]
        public var reference: String

        public init(id: String, sources: [SourceArticle], reference: String) {
            self.id = id
            self.sources = sources
            self.reference = reference
            articles = sources.enumerated().map { index, source in SummaryEvaluation.article(source, id: "\(id)-\(index + 1)") }
        }

        /// The word budget: the reference's length in whitespace-separated words.
        public var words: Int { SummaryEvaluation.wordCount(reference) }
    }

    // MARK: - Reading the data

    /// An ``Article`` from a title and a body, through the same assembly a plain-text input goes
    /// through (normalization, debris, sentences), the title given as metadata. Its outlet is the
    /// data's, else `outlet N` (NeuS does not name them), so citations have something to show.
    public static func article(_ source: SourceArticle, id: String) -> Article {
        let outlet = source.outlet ?? "outlet \(id.split(separator: "-").last.map(String.init) ?? id)"
        let provenance = Provenance(origin: .textFile, path: id, outlet: outlet)
        return ArticleAssembler().assemble(
            id: id, provenance: provenance, metadata: .init(title: source.title.isEmpty ? nil : source.title), original: source.text)
    }

    /// NeuS: `NAME.source` and `NAME.target` side by side, one story a line. `limit` reads the first
    /// stories only.
    public static func loadNeuS(directory: URL, split: String, limit: Int? = nil) throws -> [Story] {
        let sources = try lines(of: directory.appendingPathComponent("\(split).source"))
        let targets = try lines(of: directory.appendingPathComponent("\(split).target"))
        guard sources.count == targets.count else {
            throw EvaluationError("\(split).source has \(sources.count) lines but \(split).target has \(targets.count)")
        }
        let count = min(sources.count, limit ?? sources.count)
        return (0..<count).map { index in
            Story(
                id: "neus-\(split)-\(index + 1)", sources: neusArticles(sources[index]),
                reference: neusField(targets[index]).article)
        }
    }

    /// The articles of a NeuS source line: `TITLE=> … ARTICLE=> …` parts separated by `[SEP]`.
    public static func neusArticles(_ line: String) -> [SourceArticle] {
        line.components(separatedBy: "[SEP]").compactMap { part in
            let (title, article) = neusField(part)
            return title.isEmpty && article.isEmpty ? nil : SourceArticle(title: title, text: article)
        }
    }

    /// The title and the article of one `TITLE=> … ARTICLE=> …` part (the whole part is the article
    /// when the markers are missing).
    public static func neusField(_ part: String) -> (title: String, article: String) {
        guard let articleMarker = part.range(of: "ARTICLE=>") else { return ("", part.trimmingCharacters(in: .whitespaces)) }
        var title = Substring(part[..<articleMarker.lowerBound])
        if let titleMarker = title.range(of: "TITLE=>") { title = title[titleMarker.upperBound...] }
        return (title.trimmingCharacters(in: .whitespaces), part[articleMarker.upperBound...].trimmingCharacters(in: .whitespaces))
    }

    /// The AllSides roundups: one story a line, its articles in the order left, center, right, each
    /// `newsTitle` and the `newBody` paragraphs; the reference is the `roundup` paragraphs joined.
    /// Stories without a roundup or without articles are left out.
    public static func loadAllSides(_ file: URL, limit: Int? = nil) throws -> [Story] {
        var stories: [Story] = []
        for (number, line) in try lines(of: file).enumerated() {
            if let limit, stories.count >= limit { break }
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let news = object["news"] as? [String: Any]
            else { continue }
            let roundup = (object["roundup"] as? [String] ?? []).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            let reference = roundup.filter { !$0.isEmpty }.joined(separator: " ")
            let sources = ["left", "center", "right"].compactMap { side -> SourceArticle? in
                guard let entry = news[side] as? [String: Any] else { return nil }
                let body = (entry["newBody"] as? [String] ?? []).joined(separator: "\n\n")
                guard !body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
                return SourceArticle(title: entry["newsTitle"] as? String ?? "", text: body, outlet: entry["newsSource"] as? String)
            }
            guard !reference.isEmpty, !sources.isEmpty else { continue }
            let id = object["id"].map { "allsides-\($0)" } ?? "allsides-line-\(number + 1)"
            stories.append(Story(id: id, sources: sources, reference: reference))
        }
        return stories
    }

    static func lines(of file: URL) throws -> [String] {
        try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            .dropLastIfEmpty()
    }

    // MARK: - Budget

    /// Whitespace-separated words, as Python's `str.split()` counts them.
    public static func wordCount(_ text: String) -> Int { whitespaceWords(text).count }

    static func whitespaceWords(_ text: String) -> [Substring] {
        text.split(whereSeparator: { $0.isWhitespace })
    }

    /// The sentences joined with spaces, cut to the first `words` whitespace-separated words.
    public static func truncate(_ sentences: [String], words: Int) -> String {
        whitespaceWords(sentences.joined(separator: " ")).prefix(max(words, 0)).joined(separator: " ")
    }

    // MARK: - Systems

    /// The product's summary of the articles, as sentence texts in the order it gives them: the
    /// one place the evaluation calls the summarizer. Up to 100 sentences and the word budget; the
    /// summary is cut to the budget afterwards like every other system's.
    /// Sentences are given as a briefing shows them (trimmed where the trimmer left parts out).
    public static func synopticSummary(
        articles: [Article], words: Int, model: SummaryModel = .trained,
        trimming: SentenceTrimmer.Rules = ExtractiveSummarizer.Options.defaultTrimming
    ) -> [String] {
        // Most likely first and the budget filled, because every system is cut at the budget.
        ExtractiveSummarizer(
            options: .init(maxSentences: 100, maxWords: words, order: .rank, fillsBudget: true, model: model, trimming: trimming)
        )
        .summarize(articles).map(\.shownText)
    }

    /// The lead baseline: the first article's sentences, in order.
    public static func leadSummary(articles: [Article]) -> [String] {
        guard let first = articles.first else { return [] }
        return first.sentences.indices.map { String(first.sentenceText($0)) }
    }

    /// The centroid baseline over every sentence of the story's articles.
    public static func centroidSummary(articles: [Article], words: Int) -> [String] {
        let sentences = articles.flatMap { article in article.sentences.indices.map { String(article.sentenceText($0)) } }
        return CentroidSummarizer().summarize(sentences, words: words)
    }

    /// The systems run in Swift, in the order they are printed.
    public enum System: String, Sendable, CaseIterable {
        case synoptic
        case centroid
        case lead

        /// Its summary of a story, before truncation.
        public func summary(of story: Story) -> [String] {
            switch self {
            case .synoptic: SummaryEvaluation.synopticSummary(articles: story.articles, words: story.words)
            case .centroid: SummaryEvaluation.centroidSummary(articles: story.articles, words: story.words)
            case .lead: SummaryEvaluation.leadSummary(articles: story.articles)
            }
        }
    }

    // MARK: - Scoring

    /// Mean F1 over the stories scored, ×100.
    public struct Total: Sendable, Hashable {
        public var stories = 0
        public var rouge1 = 0.0
        public var rouge2 = 0.0
        public var rougeL = 0.0

        public init() {}

        public mutating func add(_ scores: Rouge.Scores) {
            stories += 1
            rouge1 += scores.rouge1.f1
            rouge2 += scores.rouge2.f1
            rougeL += scores.rougeL.f1
        }

        public var mean: (rouge1: Double, rouge2: Double, rougeL: Double) {
            let n = Double(max(stories, 1))
            return (100 * rouge1 / n, 100 * rouge2 / n, 100 * rougeL / n)
        }

        /// `R1 / R2 / RL` to one decimal.
        public var description: String {
            let m = mean
            return String(format: "%5.1f  %5.1f  %5.1f", m.rouge1, m.rouge2, m.rougeL)
        }
    }

    public var rouge = Rouge()

    public init() {}

    /// Scores each story's summary (sentences, before truncation) against its reference.
    public func score(_ stories: [Story], summaries: [[String]]) -> (total: Total, perStory: [Rouge.Scores]) {
        var total = Total()
        var perStory: [Rouge.Scores] = []
        for (story, sentences) in zip(stories, summaries) {
            let scores = rouge.score(reference: story.reference, candidate: Self.truncate(sentences, words: story.words))
            total.add(scores)
            perStory.append(scores)
        }
        return (total, perStory)
    }
}

extension Array where Element == String {
    /// Without the empty string after a file's final newline.
    func dropLastIfEmpty() -> [String] { last == "" ? Array(dropLast()) : self }
}
