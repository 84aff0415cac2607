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

    enum CodingKeys: String, CodingKey {
        case id, path, line, url, title, outlet, authors, credits, dateline, published, modified, language, encoding
        case wordCount = "word_count"
        case body, paragraphs, removed
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
}

/// One summary sentence and the articles that report it.
public struct SummaryRecord: Codable, Hashable, Sendable {
    public var text: String
    public var sources: [String]
    /// The article the wording is taken from, and its offsets in that article's `body`.
    public var article: String
    public var start: Int
    public var end: Int
}

public struct QuoteRecord: Codable, Hashable, Sendable {
    public var text: String
    public var speaker: String?
    public var article: String

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text)
        try c.encode(speaker, forKey: .speaker)
        try c.encode(article, forKey: .article)
    }
}

public struct PersonRecord: Codable, Hashable, Sendable {
    public var name: String
    public var aliases: [String]
}

public struct TimelineRecord: Codable, Hashable, Sendable {
    public var date: String
    public var text: String
    public var sources: [String]
}
