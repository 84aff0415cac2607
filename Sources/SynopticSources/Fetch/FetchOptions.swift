/// How a ``WebFetcher`` behaves towards the servers it asks: how long it waits, how far it follows
/// redirects, how much it reads, and how it introduces itself.
///
/// The defaults suit a briefing of news pages: a page larger than 16 MB or slower than 30 s is not
/// an article anyone is waiting for, and a publisher should be able to tell who is fetching.
///
/// ```swift
/// var options = FetchOptions()
/// options.totalTimeout = .seconds(10)
/// options.maxBodyBytes = 4 << 20
/// ```
public struct FetchOptions: Sendable, Hashable {
    /// Longest wait for a TCP connection (and TLS handshake) to a server.
    public var connectTimeout: Duration
    /// Longest silence between two reads once connected: a server that accepts and never answers
    /// is given up after this.
    public var readTimeout: Duration
    /// Longest time for the whole fetch, redirects and body included.
    public var totalTimeout: Duration
    /// Most redirects followed; one more (or any redirect back to a URL already visited) is an error.
    public var maxRedirects: Int
    /// Largest body read, in bytes (after decompression). A larger body is refused as it streams in,
    /// or at once when its `Content-Length` says so.
    public var maxBodyBytes: Int
    /// The `User-Agent` header: names Synoptic and where its operator can be reached, so a publisher
    /// can tell who is fetching and complain if needed.
    public var userAgent: String
    /// Whether gzip and deflate bodies are asked for (and inflated, within ``maxBodyBytes``).
    public var acceptCompression: Bool

    /// The user agent sent unless one is configured; the contact is a placeholder operators replace
    /// (`SYNOPTIC_USER_AGENT` in the command line tools).
    public static let defaultUserAgent = "Synoptic/0.1 (news briefing tool; +https://example.org/synoptic; contact: operator@example.org)"

    public init(
        connectTimeout: Duration = .seconds(10), readTimeout: Duration = .seconds(20), totalTimeout: Duration = .seconds(30),
        maxRedirects: Int = 5, maxBodyBytes: Int = 16 * 1024 * 1024, userAgent: String = FetchOptions.defaultUserAgent,
        acceptCompression: Bool = true
    ) {
        self.connectTimeout = connectTimeout
        self.readTimeout = readTimeout
        self.totalTimeout = totalTimeout
        self.maxRedirects = maxRedirects
        self.maxBodyBytes = maxBodyBytes
        self.userAgent = userAgent
        self.acceptCompression = acceptCompression
    }
}

/// What a fetch asks the server for, in its `Accept` header.
public enum FetchAccept: Sendable, Hashable {
    /// An article page (HTML first, plain text accepted).
    case page
    /// A feed (RSS or Atom first, any XML, then HTML so a page given as a feed can say where its feed is).
    case feed
    /// A page or a feed, when the caller does not know which a URL is.
    case any

    /// The header's value.
    public var headerValue: String {
        switch self {
        case .page: "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.5"
        case .feed: "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,text/html;q=0.5,*/*;q=0.3"
        case .any: "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5"
        }
    }
}
