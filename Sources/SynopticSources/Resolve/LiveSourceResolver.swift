import SynopticCore
import SynopticIngest

/// Reads what `synoptic brief` is given as URLs: a web page becomes one document, a feed (RSS or
/// Atom, told by its `Content-Type` or by sniffing its first element) becomes the documents of its
/// items. Every problem is a ``Diagnostic`` naming the URL and the reason; nothing throws.
///
/// ```swift
/// let sources = try await WebFetcher.withFetcher { fetcher in
///     await LiveSourceResolver(fetcher: fetcher).resolve(["https://example.org/rss.xml", "https://example.org/a.html"])
/// }
/// ```
public struct LiveSourceResolver: Sendable {
    public let fetcher: WebFetcher
    /// Most URLs (pages, or a feed's item pages) fetched at once.
    public var concurrency: Int
    /// Most items read from one feed (the newest come first in feeds).
    public var maxItemsPerFeed: Int

    public init(fetcher: WebFetcher, concurrency: Int = 4, maxItemsPerFeed: Int = 100) {
        self.fetcher = fetcher
        self.concurrency = concurrency
        self.maxItemsPerFeed = maxItemsPerFeed
    }

    /// Reads every URL, `concurrency` at a time; documents and diagnostics come in input order.
    public func resolve(_ urls: [String]) async -> LiveSources {
        let resolver = self
        let results = await urls.concurrentMap(limit: concurrency) { url in await resolver.resolve(url) }
        var sources = LiveSources()
        for result in results { sources.append(result) }
        return sources
    }

    /// Reads one URL: a page or a feed.
    public func resolve(_ url: String) async -> LiveSources {
        let response: FetchResponse
        do {
            response = try await fetcher.fetch(url, accept: .any)
        } catch {
            return LiveSources(diagnostics: [error.diagnostic])
        }
        if Self.isFeed(response) {
            let feed: Feed
            do {
                feed = try FeedParser().parse(response.body, url: response.finalURL)
            } catch {
                var failure = error
                failure.url = url
                return LiveSources(diagnostics: [failure.diagnostic])
            }
            if feed.items.isEmpty { return LiveSources(diagnostics: [Diagnostic(.error, path: url, reason: "the feed has no items")]) }
            let reader = FeedItemReader(fetcher: fetcher, concurrency: concurrency)
            return await reader.documents(for: Array(feed.items.prefix(maxItemsPerFeed)), of: feed, feedURL: url)
        }
        switch WebDocuments.page(response, path: url) {
        case .success(let document): return LiveSources(documents: [document])
        case .failure(let problem): return LiveSources(diagnostics: [problem])
        }
    }

    /// Whether a response is a feed: a feed media type, or XML whose first element is a feed's.
    public static func isFeed(_ response: FetchResponse) -> Bool {
        let sniffed = FeedParser.sniff(response.body)
        if sniffed == .feed { return true }
        guard let type = response.contentType else { return false }
        return type.isFeed && sniffed != .html
    }
}
