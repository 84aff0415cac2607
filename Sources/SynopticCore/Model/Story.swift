/// A group of articles about one set of events, with what synthesis made of them.
///
/// Fields that no stage computes yet stay empty; they are never filled with guesses.
public struct Story: Hashable, Sendable {
    public var id: String
    public var title: String
    /// Ids of the member articles, in reading order.
    public var articleIDs: [String]
    public var summary: [SummarySentence]
    public var quotes: [Quote]
    public var people: [Person]
    /// Pairs of article ids, earlier version first.
    public var versions: [[String]]
    public var timeline: [TimelineEntry]
    /// Organisations and places named in the story, merged like people.
    public var organizations: [Person] = []
    public var places: [Person] = []
    public var figures: [StoryFigure] = []
    public var dates: [StoryDate] = []
    /// The main changes of each pair in ``versions``, in the same order.
    public var versionChanges: [VersionChange] = []
    /// Pairs of member articles that carry the same text (filled by the duplicates stage).
    public var duplicates: [DuplicatePair] = []
    /// What the articles state, aligned across them, most salient first (filled by synthesis).
    public var facts: [Fact] = []
    /// Points on which the sources differ.
    public var disagreements: [Disagreement] = []
    /// Facts only one source reports, by source.
    public var exclusives: [ExclusiveGroup] = []

    public init(
        id: String, title: String, articleIDs: [String], summary: [SummarySentence] = [], quotes: [Quote] = [],
        people: [Person] = [], versions: [[String]] = [], timeline: [TimelineEntry] = []
    ) {
        self.id = id
        self.title = title
        self.articleIDs = articleIDs
        self.summary = summary
        self.quotes = quotes
        self.people = people
        self.versions = versions
        self.timeline = timeline
    }
}

/// Where a piece of text came from: an article and a span of its clean text.
public struct SourceReference: Hashable, Sendable, Codable {
    public var article: String
    public var span: TextSpan

    public init(article: String, span: TextSpan) {
        self.article = article
        self.span = span
    }
}

/// One sentence of a story summary, with every article that reports it.
public struct SummarySentence: Hashable, Sendable {
    /// The whole sentence, exactly as its article has it at ``origin``.
    public var text: String
    /// Ids of the articles that carry this sentence or a close match of it; the first is the one
    /// the wording comes from.
    public var sources: [String]
    /// The exact place of the wording in its first source.
    public var origin: SourceReference
    /// The sentence as the summary shows it when low-content parts were left out (an attribution
    /// tail, an aside); `nil` when it is shown whole.
    public var trimmed: Trimmed?

    /// A shortened sentence: whole pieces of the original, in order.
    public struct Trimmed: Hashable, Sendable {
        /// The pieces joined; the first letter raised to a capital when the sentence's opening
        /// was left out.
        public var text: String
        /// The pieces, as spans of the article's clean text, in order, all inside ``SummarySentence/origin``.
        public var kept: [TextSpan]

        public init(text: String, kept: [TextSpan]) {
            self.text = text
            self.kept = kept
        }
    }

    public init(text: String, sources: [String], origin: SourceReference, trimmed: Trimmed? = nil) {
        self.text = text
        self.sources = sources
        self.origin = origin
        self.trimmed = trimmed
    }

    /// What a briefing shows: the trimmed sentence when there is one, else the sentence.
    public var shownText: String { trimmed?.text ?? text }
}

/// A direct quotation and who said it (filled by the extraction stage).
public struct Quote: Hashable, Sendable {
    public var text: String
    /// The speaker's name (the story-wide name of the person or organisation), the words that
    /// name the speaker when they name no entity ("a senior official"), or `nil` when the text
    /// does not say who spoke.
    public var speaker: String?
    public var article: String
    /// The speech verb or phrase as written ("said", "told reporters", "according to").
    public var cue: String?
    /// Where the quoted words are in the article's clean text (marks excluded).
    public var span: TextSpan?
    public var partial: Bool
    public var confidence: Double

    public init(
        text: String, speaker: String?, article: String, cue: String? = nil, span: TextSpan? = nil, partial: Bool = false,
        confidence: Double = 0
    ) {
        self.text = text
        self.speaker = speaker
        self.article = article
        self.cue = cue
        self.span = span
        self.partial = partial
        self.confidence = confidence
    }
}

/// A person named in a story, with every variant of the name.
public struct Person: Hashable, Sendable {
    public var name: String
    public var aliases: [String]
    /// Roles and titles the articles give the person.
    public var roles: [String]
    /// Mentions across the story's articles (names, descriptions and pronouns that refer to the
    /// person).
    public var mentionCount: Int
    /// The articles that mention the person.
    public var articles: [String]

    public init(name: String, aliases: [String], roles: [String] = [], mentionCount: Int = 0, articles: [String] = []) {
        self.name = name
        self.aliases = aliases
        self.roles = roles
        self.mentionCount = mentionCount
        self.articles = articles
    }
}

/// A figure of one article: a number with what it counts.
public struct StoryFigure: Hashable, Sendable {
    public var article: String
    public var text: String
    public var figure: Figure
    /// Who states it, as written, where the text says.
    public var source: String?

    public init(article: String, text: String, figure: Figure, source: String?) {
        self.article = article
        self.text = text
        self.figure = figure
        self.source = source
    }
}

/// A time expression of one article with its calendar value.
public struct StoryDate: Hashable, Sendable {
    public var article: String
    public var text: String
    public var time: TimeExpression

    public init(article: String, text: String, time: TimeExpression) {
        self.article = article
        self.text = text
        self.time = time
    }
}

/// A dated event of a story, merged across the articles that report it.
public struct TimelineEntry: Hashable, Sendable {
    /// The event's date in TIMEX3 notation, as far as the text fixes it: a calendar date
    /// (`2022-01-13`), a coarser one (`2022-01`, `2022-W02`), or, when nothing anchors the story
    /// on the calendar, a weekday of the story's week (`XXXX-WXX-4`, a Thursday).
    public var date: String
    /// The sentence that tells the event, exactly as it appears in its first source.
    public var text: String
    /// Ids of the articles that report it; the first is where ``text`` comes from.
    public var sources: [String]
    /// The time expression as the first source writes it ("on Thursday", "Jan. 12").
    public var when: String = ""
    /// Whether ``date`` is on the calendar (`false` for a weekday of an unanchored week).
    public var resolved: Bool = true
    /// Distinct sources that report it (as in ``Fact/outlets``).
    public var outlets: [String] = []
    /// Where each source tells it.
    public var references: [SourceReference] = []

    public init(date: String, text: String, sources: [String]) {
        self.date = date
        self.text = text
        self.sources = sources
    }
}
