import SynopticCore
import SynopticIngest

/// Reads the articles of feed items: each item's page is fetched; when that fails and the feed
/// carries the full text, the feed's content stands in (with a warning), so a paywalled or
/// unreachable page still yields its article.
public struct FeedItemReader: Sendable {
    public let fetcher: WebFetcher
    /// Most item pages fetched at once.
    public var concurrency: Int

    public init(fetcher: WebFetcher, concurrency: Int = 4) {
        self.fetcher = fetcher
        self.concurrency = concurrency
    }

    /// The documents of `items` (in item order) and the problems met.
    public func documents(for items: [FeedItem], of feed: Feed?, feedURL: String) async -> LiveSources {
        let fetcher = fetcher
        let results = await items.concurrentMap(limit: concurrency) { item in
            await Self.document(for: item, of: feed, feedURL: feedURL, fetcher: fetcher)
        }
        var sources = LiveSources()
        for result in results { sources.append(result) }
        return sources
    }

    /// One item's document.
    public func document(for item: FeedItem, of feed: Feed?, feedURL: String) async -> LiveSources {
        await Self.document(for: item, of: feed, feedURL: feedURL, fetcher: fetcher)
    }

    static func document(for item: FeedItem, of feed: Feed?, feedURL: String, fetcher: WebFetcher) async -> LiveSources {
        guard let link = item.link else {
            if let document = WebDocuments.content(of: item, feed: feed, feedURL: feedURL) { return LiveSources(documents: [document]) }
            let name = item.title.map { "item \"\($0)\"" } ?? "an item"
            return LiveSources(diagnostics: [Diagnostic(.error, path: feedURL, reason: "\(name) has neither a link nor content")])
        }
        let problem: Diagnostic
        do {
            let response = try await fetcher.fetch(link, accept: .page)
            switch WebDocuments.page(response, path: link, origin: .feedItem) {
            case .success(var document):
                WebDocuments.fill(&document, from: item, feed: feed)
                return LiveSources(documents: [document])
            case .failure(let failure):
                problem = failure
            }
        } catch {
            if case .cancelled = error.reason { return LiveSources(diagnostics: [error.diagnostic]) }
            problem = error.diagnostic
        }
        if let document = WebDocuments.content(of: item, feed: feed, feedURL: feedURL) {
            let note = Diagnostic(.warning, path: link, reason: "\(problem.reason); the feed's own content of the item was used instead")
            return LiveSources(documents: [document], diagnostics: [note])
        }
        return LiveSources(diagnostics: [problem])
    }
}
