/// The main changes from one version of an article to the next (filled by the versions stage).
public struct VersionChange: Hashable, Sendable {
    /// A figure that changed between two aligned paragraphs, appeared or disappeared: the text as
    /// each version writes it, `nil` on the side that lacks it.
    public struct FigureEdit: Hashable, Sendable {
        public var earlier: String?
        public var later: String?
        /// What the figure counts, when the extraction stage says ("troops").
        public var counts: String?

        public init(earlier: String?, later: String?, counts: String? = nil) {
            self.earlier = earlier
            self.later = later
            self.counts = counts
        }
    }

    /// A quotation added, removed or reworded: the quoted words of each version (marks excluded),
    /// `nil` on the side that lacks it.
    public struct QuoteEdit: Hashable, Sendable {
        public var earlier: String?
        public var later: String?
        /// Who spoke, when the extraction stage found it.
        public var speaker: String?

        public init(earlier: String?, later: String?, speaker: String? = nil) {
            self.earlier = earlier
            self.later = later
            self.speaker = speaker
        }
    }

    /// Article ids, earlier version first (the same pair as in ``Story/versions``).
    public var earlier: String
    public var later: String
    public var headlineChanged: Bool
    public var dekChanged: Bool
    public var paragraphsAdded: Int
    public var paragraphsRemoved: Int
    public var paragraphsRewritten: Int
    public var paragraphsMoved: Int
    public var paragraphsUnchanged: Int
    public var figuresChanged: [FigureEdit]
    public var quotesChanged: [QuoteEdit]

    public init(
        earlier: String, later: String, headlineChanged: Bool = false, dekChanged: Bool = false, paragraphsAdded: Int = 0,
        paragraphsRemoved: Int = 0, paragraphsRewritten: Int = 0, paragraphsMoved: Int = 0, paragraphsUnchanged: Int = 0,
        figuresChanged: [FigureEdit] = [], quotesChanged: [QuoteEdit] = []
    ) {
        self.earlier = earlier
        self.later = later
        self.headlineChanged = headlineChanged
        self.dekChanged = dekChanged
        self.paragraphsAdded = paragraphsAdded
        self.paragraphsRemoved = paragraphsRemoved
        self.paragraphsRewritten = paragraphsRewritten
        self.paragraphsMoved = paragraphsMoved
        self.paragraphsUnchanged = paragraphsUnchanged
        self.figuresChanged = figuresChanged
        self.quotesChanged = quotesChanged
    }
}
