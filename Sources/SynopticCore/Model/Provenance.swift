/// Where an article came from and what its publisher said about it.
///
/// Nothing here is invented: a field that no input carried stays `nil`.
public struct Provenance: Hashable, Sendable, Codable {
    /// How the article reached Synoptic.
    public enum Origin: String, Hashable, Sendable, Codable {
        /// A plain-text file (with or without front matter).
        case textFile = "text"
        /// One line of a JSON Lines file.
        case jsonLines = "jsonl"
        /// Standard input.
        case standardInput = "stdin"
        /// An HTML page (`.html`, `.htm`, `.html.gz`, or HTML found on standard input).
        case htmlFile = "html"
        /// A web page fetched over HTTP(S); `path` and `url` hold its URL.
        case web = "url"
        /// An item of an RSS or Atom feed: its article page, or the feed's own content when the page
        /// could not be fetched; `path` holds the item's link and `url` the page's URL.
        case feedItem = "feed"
    }

    public var origin: Origin
    /// File path as the user gave it (or as found under a directory they gave); `-` for stdin.
    public var path: String?
    /// 1-based line number inside a JSON Lines input.
    public var line: Int?
    /// The article's canonical URL.
    public var url: String?
    /// The outlet (publication) that published it.
    public var outlet: String?
    /// Authors, in byline order.
    public var authors: [String]
    /// Credit sentences taken from the end of the text (`… contributed reporting from …`), in order.
    public var credits: [String]
    /// Publication date as ISO 8601 (`2022-01-14` or `2022-01-14T09:30:00Z`), when it could be read.
    public var published: String?
    /// Last modification date as ISO 8601, when given.
    public var modified: String?
    /// The date exactly as the input wrote it, kept when it could not be read.
    public var publishedRaw: String?
    /// Language tag as given (e.g. `en`).
    public var language: String?
    /// Character encoding the bytes were decoded from (`utf-8`, `utf-16le`, `windows-1252`, …).
    public var encoding: String?

    public init(
        origin: Origin, path: String? = nil, line: Int? = nil, url: String? = nil, outlet: String? = nil,
        authors: [String] = [], credits: [String] = [], published: String? = nil, modified: String? = nil, publishedRaw: String? = nil,
        language: String? = nil, encoding: String? = nil
    ) {
        self.origin = origin
        self.path = path
        self.line = line
        self.url = url
        self.outlet = outlet
        self.authors = authors
        self.credits = credits
        self.published = published
        self.modified = modified
        self.publishedRaw = publishedRaw
        self.language = language
        self.encoding = encoding
    }

    /// `path` or `path:line`, for messages.
    public var location: String {
        let base = path ?? "-"
        return line.map { "\(base):\($0)" } ?? base
    }
}
