/// What a story's articles state, aligned across them: one fact is a group of sentences from
/// different articles that say the same thing (filled by the alignment stage).
public struct Fact: Hashable, Sendable {
    /// How the story's sources stand on a fact.
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        /// Two or more sources report it, and no disagreement involves it.
        case corroborated
        /// Only one source reports it.
        case exclusive
        /// A disagreement (a figure, a quotation's wording, a date) involves it.
        case disputed
    }

    /// `fact-1`, `fact-2`… in order of salience, unique within the story.
    public var id: String
    /// The best-worded sentence of the group, exactly as it appears in its article.
    public var text: String
    /// Where ``text`` is.
    public var origin: SourceReference
    /// Every sentence of the group, one per article at most, in reading order.
    public var mentions: [SourceReference]
    /// Ids of the articles that report it, in reading order.
    public var sources: [String]
    /// The distinct sources that report it: the outlet's name, or, for an article whose outlet is
    /// unknown, the article's id (successive versions of one article count once, under the
    /// earliest).
    public var outlets: [String]
    public var status: Status
    /// How central the fact is to the story, from 0 to 1 (used to order facts).
    public var salience: Double

    public init(
        id: String, text: String, origin: SourceReference, mentions: [SourceReference], sources: [String], outlets: [String],
        status: Status, salience: Double
    ) {
        self.id = id
        self.text = text
        self.origin = origin
        self.mentions = mentions
        self.sources = sources
        self.outlets = outlets
        self.status = status
        self.salience = salience
    }
}

/// Sources that differ on one point: a figure, the wording of one speaker's quotation, a date, a
/// place or a name. Each side carries the articles that state it.
public struct Disagreement: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// The same quantity given as figures that cannot both hold ("106,000" and "90,000" troops).
        case figure
        /// One speaker's quotation worded differently by different sources.
        case quote
        /// The same event placed on different dates.
        case date
        /// The same event placed in different places.
        case place
        /// One person or thing named differently where the spellings cannot be the same name.
        case name
        /// Statements that contradict each other.
        case claim
    }

    /// One position and who takes it.
    public struct Side: Hashable, Sendable {
        /// The wording of this side, exactly as one of its sources writes it.
        public var text: String
        /// A normalized value where there is one (`106000`, a TIMEX3 date), else `nil`.
        public var value: String?
        /// Ids of the articles on this side, in reading order.
        public var sources: [String]
        /// Distinct sources on this side (as in ``Fact/outlets``).
        public var outlets: [String]
        /// Where each source says it.
        public var references: [SourceReference]

        public init(text: String, value: String?, sources: [String], outlets: [String], references: [SourceReference]) {
            self.text = text
            self.value = value
            self.sources = sources
            self.outlets = outlets
            self.references = references
        }
    }

    public var kind: Kind
    /// What the sides are about: what a figure counts ("troops"), whose quotation it is, the
    /// event a date or place belongs to.
    public var subject: String
    /// Two or more sides, the best-supported first.
    public var sides: [Side]
    /// Why the sides were judged to differ, in one line a reader can check.
    public var note: String
    /// Ids of the facts the sides come from, when they come from facts.
    public var facts: [String]

    public init(kind: Kind, subject: String, sides: [Side], note: String, facts: [String] = []) {
        self.kind = kind
        self.subject = subject
        self.sides = sides
        self.note = note
        self.facts = facts
    }
}

/// The facts only one source of a story reports.
public struct ExclusiveGroup: Hashable, Sendable {
    /// The source (as in ``Fact/outlets``).
    public var outlet: String
    /// Its articles in the story, in reading order.
    public var articles: [String]
    /// Ids of its exclusive facts, most salient first.
    public var facts: [String]

    public init(outlet: String, articles: [String], facts: [String]) {
        self.outlet = outlet
        self.articles = articles
        self.facts = facts
    }
}
