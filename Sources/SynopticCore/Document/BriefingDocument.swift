/// The JSON document `synoptic brief --format json` prints: a public, versioned contract.
///
/// Field names are documented in `docs/json.md`. Later stages add fields; existing ones are never
/// renamed or removed. Fields that no stage computes yet are present and empty (`null` or `[]`).
public struct BriefingDocument: Codable, Hashable, Sendable {
    /// Version of the contract; bumped only for changes that could break a reader.
    public static let contractVersion = 1

    public var version: Int
    /// The program that wrote the document.
    public var generator: String
    public var articles: [ArticleRecord]
    public var stories: [StoryRecord]
    /// Inputs that were skipped or repaired.
    public var diagnostics: [Diagnostic]

    public init(generator: String, articles: [ArticleRecord], stories: [StoryRecord], diagnostics: [Diagnostic]) {
        self.version = Self.contractVersion
        self.generator = generator
        self.articles = articles
        self.stories = stories
        self.diagnostics = diagnostics
    }

    enum CodingKeys: String, CodingKey {
        case version, generator, articles, stories, diagnostics
    }
}

/// One article in the JSON document.
public struct ArticleRecord: Codable, Hashable, Sendable {
    public var id: String
    public var path: String?
    public var line: Int?
    public var url: String?
    public var title: String?
    public var outlet: String?
    public var authors: [String]
    /// Credit lines moved out of the body, in order.
    public var credits: [String]
    public var dateline: String?
    public var published: String?
    public var modified: String?
    public var language: String?
    public var encoding: String?
    public var wordCount: Int
    public var body: String
    public var paragraphs: [ParagraphRecord]
    public var removed: [RemovalRecord]
    /// The text as it was decoded from the input, before cleaning. Only `synoptic export` writes
    /// it (absent elsewhere, so briefings stay small): `ingest` cleans an exported article again
    /// from it, which gives back the same article and the same content hash.
    public var original: String?

    enum CodingKeys: String, CodingKey {
        case id, path, line, url, title, outlet, authors, credits, dateline, published, modified, language, encoding
        case wordCount = "word_count"
        case body, paragraphs, removed, original
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(path, forKey: .path)
        try c.encode(line, forKey: .line)
        try c.encode(url, forKey: .url)
        try c.encode(title, forKey: .title)
        try c.encode(outlet, forKey: .outlet)
        try c.encode(authors, forKey: .authors)
        try c.encode(credits, forKey: .credits)
        try c.encode(dateline, forKey: .dateline)
        try c.encode(published, forKey: .published)
        try c.encode(modified, forKey: .modified)
        try c.encode(language, forKey: .language)
        try c.encode(encoding, forKey: .encoding)
        try c.encode(wordCount, forKey: .wordCount)
        try c.encode(body, forKey: .body)
        try c.encode(paragraphs, forKey: .paragraphs)
        try c.encode(removed, forKey: .removed)
        try c.encodeIfPresent(original, forKey: .original)
    }
}

/// A block of an article's body with its sentences; offsets are Unicode scalars into `body`.
public struct ParagraphRecord: Codable, Hashable, Sendable {
    public var kind: Block.Kind
    public var text: String
    public var start: Int
    public var end: Int
    public var sentences: [SentenceRecord]
}

/// A sentence (or a quotation paragraph kept whole) with its offsets into the article's `body`.
public struct SentenceRecord: Codable, Hashable, Sendable {
    public var text: String
    public var start: Int
    public var end: Int
    public var quotation: Bool
}

/// Text removed from an article, and why.
public struct RemovalRecord: Codable, Hashable, Sendable {
    public var text: String
    public var reason: String
}

/// One story in the JSON document.
public struct StoryRecord: Codable, Hashable, Sendable {
    public var id: String
    public var title: String
    public var articles: [String]
    public var summary: [SummaryRecord]
    public var quotes: [QuoteRecord]
    public var people: [PersonRecord]
    public var versions: [[String]]
    public var timeline: [TimelineRecord]
    public var organizations: [PersonRecord]
    public var places: [PersonRecord]
    public var figures: [FigureRecord]
    public var dates: [DateRecord]
    /// The main changes of each pair in `versions`, in the same order.
    public var versionChanges: [VersionChangeRecord]

    /// Pairs of member articles that carry the same text.
    public var duplicates: [DuplicateRecord]
    /// What the articles state, aligned across them, most salient first.
    public var facts: [FactRecord]
    public var disagreements: [DisagreementRecord]
    public var exclusives: [ExclusiveRecord]

    enum CodingKeys: String, CodingKey {
        case id, title, articles, summary, quotes, people, versions, timeline, organizations, places, figures, dates
        case versionChanges = "version_changes"
        case duplicates, facts, disagreements, exclusives
    }
}

/// The main changes from one version of an article to the next.
public struct VersionChangeRecord: Codable, Hashable, Sendable {
    public var earlier: String
    public var later: String
    public var headlineChanged: Bool
    public var dekChanged: Bool
    public var paragraphsAdded: Int
    public var paragraphsRemoved: Int
    public var paragraphsRewritten: Int
    public var paragraphsMoved: Int
    public var paragraphsUnchanged: Int
    public var figuresChanged: [FigureEditRecord]
    public var quotesChanged: [QuoteEditRecord]

    enum CodingKeys: String, CodingKey {
        case earlier, later
        case headlineChanged = "headline_changed"
        case dekChanged = "dek_changed"
        case paragraphsAdded = "paragraphs_added"
        case paragraphsRemoved = "paragraphs_removed"
        case paragraphsRewritten = "paragraphs_rewritten"
        case paragraphsMoved = "paragraphs_moved"
        case paragraphsUnchanged = "paragraphs_unchanged"
        case figuresChanged = "figures_changed"
        case quotesChanged = "quotes_changed"
    }
}

/// A figure that changed, appeared or disappeared between two versions; `null` on the side that lacks it.
public struct FigureEditRecord: Codable, Hashable, Sendable {
    public var earlier: String?
    public var later: String?
    public var counts: String?

    enum CodingKeys: String, CodingKey { case earlier, later, counts }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(earlier, forKey: .earlier)
        try c.encode(later, forKey: .later)
        try c.encode(counts, forKey: .counts)
    }
}

/// A quotation added, removed or reworded between two versions; `null` on the side that lacks it.
public struct QuoteEditRecord: Codable, Hashable, Sendable {
    public var earlier: String?
    public var later: String?
    public var speaker: String?

    enum CodingKeys: String, CodingKey { case earlier, later, speaker }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(earlier, forKey: .earlier)
        try c.encode(later, forKey: .later)
        try c.encode(speaker, forKey: .speaker)
    }
}

/// Two articles of a story that carry the same text, with how (`exact`, `near`, `copy`) and how much.
public struct DuplicateRecord: Codable, Hashable, Sendable {
    /// The two article ids, the earlier one in reading order first.
    public var articles: [String]
    public var kind: DuplicatePair.Kind
    public var similarity: Double

    enum CodingKeys: String, CodingKey { case articles, kind, similarity }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(articles, forKey: .articles)
        try c.encode(kind, forKey: .kind)
        try c.encode((similarity * 1000).rounded() / 1000, forKey: .similarity)
    }
}

/// One summary sentence and the articles that report it.
public struct SummaryRecord: Codable, Hashable, Sendable {
    public var text: String
    public var sources: [String]
    /// The article the wording is taken from, and its offsets in that article's `body`.
    public var article: String
    public var start: Int
    public var end: Int
    /// The sentence as the briefing shows it when parts were left out, with the kept pieces'
    /// offsets; `null` when it is shown whole.
    public var trimmed: TrimmedRecord?

    /// A trimmed summary sentence: its text and the pieces of `body` it is made of.
    public struct TrimmedRecord: Codable, Hashable, Sendable {
        public var text: String
        public var kept: [TextSpan]
    }

    enum CodingKeys: String, CodingKey { case text, sources, article, start, end, trimmed }

    public init(text: String, sources: [String], article: String, start: Int, end: Int, trimmed: TrimmedRecord? = nil) {
        self.text = text
        self.sources = sources
        self.article = article
        self.start = start
        self.end = end
        self.trimmed = trimmed
    }

    // Written by hand so that `trimmed` is `null` rather than absent when the sentence is whole:
    // every field of the contract is always present.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text)
        try c.encode(sources, forKey: .sources)
        try c.encode(article, forKey: .article)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
        try c.encode(trimmed, forKey: .trimmed)
    }
}

/// A direct quotation with its speaker.
public struct QuoteRecord: Codable, Hashable, Sendable {
    public var text: String
    /// The speaker's story-wide name, the words naming an unnamed speaker, or `null`.
    public var speaker: String?
    /// The speech verb or phrase, or `null` when the quotation carries on an earlier attribution
    /// without one of its own and none was found.
    public var cue: String?
    public var article: String
    /// Offsets of the quoted words (marks excluded) in the article's `body`.
    public var span: TextSpan?
    public var partial: Bool
    public var confidence: Double

    enum CodingKeys: String, CodingKey { case text, speaker, cue, article, span, partial, confidence }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text)
        try c.encode(speaker, forKey: .speaker)
        try c.encode(cue, forKey: .cue)
        try c.encode(article, forKey: .article)
        try c.encode(span, forKey: .span)
        try c.encode(partial, forKey: .partial)
        try c.encode((confidence * 100).rounded() / 100, forKey: .confidence)
    }
}

/// A person (or an organisation or place) with every form of its name across the story.
public struct PersonRecord: Codable, Hashable, Sendable {
    public var name: String
    public var aliases: [String]
    public var roles: [String]
    /// Number of mentions across the story, pronouns and descriptions included.
    public var mentions: Int
    public var articles: [String]
}

/// A number with what it counts.
public struct FigureRecord: Codable, Hashable, Sendable {
    /// The figure as written, hedge included ("more than 100,000").
    public var text: String
    public var value: Double
    /// `about`, `more_than`, `at_least`, `less_than`, `up_to`, `nearly`, or `null`.
    public var approximation: String?
    public var unit: String?
    /// What the number counts ("troops").
    public var counts: String?
    /// Who states it, where the text says ("Ukraine").
    public var source: String?
    public var article: String
    public var span: TextSpan

    enum CodingKeys: String, CodingKey { case text, value, approximation, unit, counts, source, article, span }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text)
        try c.encode(value, forKey: .value)
        try c.encode(approximation, forKey: .approximation)
        try c.encode(unit, forKey: .unit)
        try c.encode(counts, forKey: .counts)
        try c.encode(source, forKey: .source)
        try c.encode(article, forKey: .article)
        try c.encode(span, forKey: .span)
    }
}

/// A time expression with its calendar value.
public struct DateRecord: Codable, Hashable, Sendable {
    public var text: String
    /// TIMEX3 value (`2022-01-13`, `2022-W02`, `2021-12`, `P3D`, …), or `null` when nothing
    /// anchors a relative expression.
    public var value: String?
    /// `DATE`, `TIME`, `DURATION` or `SET`.
    public var type: String
    /// `explicit`, `publication`, `story`, or `null` when unresolved.
    public var anchor: String?
    public var article: String
    public var span: TextSpan

    enum CodingKeys: String, CodingKey { case text, value, type, anchor, article, span }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text)
        try c.encode(value, forKey: .value)
        try c.encode(type, forKey: .type)
        try c.encode(anchor, forKey: .anchor)
        try c.encode(article, forKey: .article)
        try c.encode(span, forKey: .span)
    }
}

/// A dated event, merged across the articles that report it.
public struct TimelineRecord: Codable, Hashable, Sendable {
    /// TIMEX3 value: a calendar date, or `XXXX-WXX-N` for weekday N of an unanchored week.
    public var date: String
    public var text: String
    public var sources: [String]
    /// The time expression as written in the first source.
    public var when: String
    /// Whether `date` is on the calendar.
    public var resolved: Bool
    public var outlets: [String]
    public var references: [ReferenceRecord]
}

/// A span of one article's `body`.
public struct ReferenceRecord: Codable, Hashable, Sendable {
    public var article: String
    public var start: Int
    public var end: Int

    public init(_ reference: SourceReference) {
        self.article = reference.article
        self.start = reference.span.start
        self.end = reference.span.end
    }
}

/// A fact and the sources that state it.
public struct FactRecord: Codable, Hashable, Sendable {
    public var id: String
    public var text: String
    /// `corroborated`, `exclusive` or `disputed`.
    public var status: Fact.Status
    public var sources: [String]
    public var outlets: [String]
    /// The article `text` comes from, and its offsets there.
    public var article: String
    public var start: Int
    public var end: Int
    /// Every sentence of the group, one per article.
    public var mentions: [ReferenceRecord]
    public var salience: Double

    enum CodingKeys: String, CodingKey { case id, text, status, sources, outlets, article, start, end, mentions, salience }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(text, forKey: .text)
        try c.encode(status, forKey: .status)
        try c.encode(sources, forKey: .sources)
        try c.encode(outlets, forKey: .outlets)
        try c.encode(article, forKey: .article)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
        try c.encode(mentions, forKey: .mentions)
        try c.encode((salience * 1000).rounded() / 1000, forKey: .salience)
    }
}

/// Sources that differ on one point, side by side.
public struct DisagreementRecord: Codable, Hashable, Sendable {
    /// `figure`, `quote`, `date`, `place`, `name` or `claim`.
    public var kind: Disagreement.Kind
    public var subject: String
    public var sides: [SideRecord]
    public var note: String
    public var facts: [String]
}

/// One side of a disagreement.
public struct SideRecord: Codable, Hashable, Sendable {
    public var text: String
    public var value: String?
    public var sources: [String]
    public var outlets: [String]
    public var references: [ReferenceRecord]

    enum CodingKeys: String, CodingKey { case text, value, sources, outlets, references }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text)
        try c.encode(value, forKey: .value)
        try c.encode(sources, forKey: .sources)
        try c.encode(outlets, forKey: .outlets)
        try c.encode(references, forKey: .references)
    }
}

/// The facts only one source reports.
public struct ExclusiveRecord: Codable, Hashable, Sendable {
    public var outlet: String
    public var articles: [String]
    /// Ids of the facts (see `facts`).
    public var facts: [String]
}
