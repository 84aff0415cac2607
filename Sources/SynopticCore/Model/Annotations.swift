/// What the extraction stage found in one article: entities and their mentions, direct quotations,
/// figures and time expressions. Every annotation is a span over the article's clean text.
public struct ArticleAnnotations: Hashable, Sendable {
    public var entities: [Entity]
    public var mentions: [Mention]
    public var quotes: [QuoteAnnotation]
    public var figures: [Figure]
    public var times: [TimeExpression]

    public init(
        entities: [Entity] = [], mentions: [Mention] = [], quotes: [QuoteAnnotation] = [], figures: [Figure] = [],
        times: [TimeExpression] = []
    ) {
        self.entities = entities
        self.mentions = mentions
        self.quotes = quotes
        self.figures = figures
        self.times = times
    }

    public var isEmpty: Bool {
        entities.isEmpty && mentions.isEmpty && quotes.isEmpty && figures.isEmpty && times.isEmpty
    }
}

/// A person, organisation or place named in an article (or, after merging, in a story).
public struct Entity: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case person, organization, place
    }

    public var kind: Kind
    /// The fullest form of the name the text gives ("Sergei A. Ryabkov").
    public var name: String
    /// Every other way the text writes the name ("Ryabkov", "Mr. Ryabkov", "Sergey Ryabkov").
    public var aliases: [String]
    /// Roles and titles the text attaches ("deputy foreign minister", "Kremlin spokesman").
    public var roles: [String]
    /// Number of mentions, pronouns and descriptions that resolve to it included.
    public var mentionCount: Int

    public init(kind: Kind, name: String, aliases: [String] = [], roles: [String] = [], mentionCount: Int = 0) {
        self.kind = kind
        self.name = name
        self.aliases = aliases
        self.roles = roles
        self.mentionCount = mentionCount
    }
}

/// One place in the text that refers to an entity.
public struct Mention: Hashable, Sendable {
    public enum Form: String, Hashable, Sendable, Codable {
        /// The name as written, whole or in part ("Sergei Lavrov", "Lavrov", "Mr. Lavrov").
        case name
        /// A description that stands for a person named before ("the minister").
        case description
        /// A personal pronoun ("he", "she", "they").
        case pronoun
    }

    public var span: TextSpan
    /// Index into ``ArticleAnnotations/entities``.
    public var entity: Int
    public var form: Form

    public init(span: TextSpan, entity: Int, form: Form) {
        self.span = span
        self.entity = entity
        self.form = form
    }
}

/// A direct quotation and who said it.
public struct QuoteAnnotation: Hashable, Sendable {
    /// The quoted words, without the quotation marks; a quotation continued over several sentences
    /// or paragraphs is one span from its first opening mark to its last closing mark.
    public var span: TextSpan
    /// Index into ``ArticleAnnotations/entities`` when the speaker is a named entity.
    public var speaker: Int?
    /// The words that name the speaker where the quote is attributed ("Mr. Lavrov", "he",
    /// "a senior official"), or `nil` when the text does not say who spoke.
    public var speakerSpan: TextSpan?
    /// The speech verb or phrase ("said", "told reporters", "according to").
    public var cueSpan: TextSpan?
    /// Whether the quotation is a fragment woven into the writer's sentence rather than a whole
    /// statement.
    public var partial: Bool
    /// How sure the attribution is, from 0 to 1.
    public var confidence: Double

    public init(
        span: TextSpan, speaker: Int? = nil, speakerSpan: TextSpan? = nil, cueSpan: TextSpan? = nil, partial: Bool = false,
        confidence: Double = 0
    ) {
        self.span = span
        self.speaker = speaker
        self.speakerSpan = speakerSpan
        self.cueSpan = cueSpan
        self.partial = partial
        self.confidence = confidence
    }
}

/// A number with what it counts.
public struct Figure: Hashable, Sendable {
    /// How a figure is hedged.
    public enum Approximation: String, Hashable, Sendable, Codable, CaseIterable {
        /// "about", "roughly", "some", "an estimated"
        case about
        /// "more than", "over", "upwards of"
        case moreThan = "more_than"
        /// "at least", "no fewer than"
        case atLeast = "at_least"
        /// "fewer than", "less than", "under"
        case lessThan = "less_than"
        /// "up to", "as many as", "at most"
        case upTo = "up_to"
        /// "nearly", "almost", "close to"
        case nearly
    }

    /// The whole figure as written, hedge included ("more than 100,000").
    public var span: TextSpan
    /// The number itself (106000 for "106,000", 1.5e9 for "1.5 billion").
    public var value: Double
    public var approximation: Approximation?
    /// Unit of measure or currency ("percent", "USD", "km"), when there is one.
    public var unit: String?
    /// The thing counted, as written ("troops", "tanks", "country body").
    public var counts: String?
    public var countsSpan: TextSpan?
    /// Who states the figure, where the text says ("Ukraine"), as written.
    public var sourceSpan: TextSpan?

    public init(
        span: TextSpan, value: Double, approximation: Approximation? = nil, unit: String? = nil, counts: String? = nil,
        countsSpan: TextSpan? = nil, sourceSpan: TextSpan? = nil
    ) {
        self.span = span
        self.value = value
        self.approximation = approximation
        self.unit = unit
        self.counts = counts
        self.countsSpan = countsSpan
        self.sourceSpan = sourceSpan
    }
}

/// A time expression and its value on the calendar, in TimeML's TIMEX3 notation.
public struct TimeExpression: Hashable, Sendable {
    /// TIMEX3's four types.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case date = "DATE"
        case time = "TIME"
        case duration = "DURATION"
        case set = "SET"
    }

    /// What a relative expression was resolved against.
    public enum Anchor: String, Hashable, Sendable, Codable {
        /// The expression is a full date by itself ("Jan. 12, 2022").
        case explicit
        /// The article's publication date.
        case publication
        /// A date inferred from other articles of the same story.
        case story
    }

    public var span: TextSpan
    public var kind: Kind
    /// TIMEX3 value: `2022-01-12`, `2022-01`, `2022-W02`, `2021-WI`, `2022-01-13TNI`, `P3D`,
    /// `PRESENT_REF`, … `nil` when nothing anchors a relative expression: never guessed.
    public var value: String?
    /// What the value was resolved against; `nil` when unresolved.
    public var anchor: Anchor?

    public init(span: TextSpan, kind: Kind, value: String?, anchor: Anchor?) {
        self.span = span
        self.kind = kind
        self.value = value
        self.anchor = anchor
    }
}
