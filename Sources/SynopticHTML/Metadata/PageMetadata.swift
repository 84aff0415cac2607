/// What a page says about its article besides the text.
public struct PageMetadata: Sendable, Hashable {
    public var title: String?
    /// The outlet or site name.
    public var outlet: String?
    public var authors: [String] = []
    /// ISO 8601, as the page gives it (date, or date and time with offset).
    public var published: String?
    public var modified: String?
    /// The canonical URL.
    public var url: String?
    /// BCP 47 language tag (`en`, `en-US`).
    public var language: String?
    /// The standfirst or description.
    public var summary: String?
    /// schema.org `articleBody` from JSON-LD, when the page carries it: evidence for extraction.
    public var articleBody: String?

    public init() {}
}
