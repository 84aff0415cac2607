import Foundation
import SynopticCore
import SynopticIngest

/// The outcome of one poll of one feed, before anything is remembered: ``FeedPoller/commit(_:)``
/// stores ``nextState`` once the new items have been handled, so an item whose handling failed
/// (or was interrupted) comes again on the next poll rather than being lost.
public struct FeedPoll: Sendable {
    public var feedURL: String
    /// The parsed feed; nil when it was not modified or could not be read.
    public var feed: Feed?
    /// Items not delivered before, in feed order.
    public var newItems: [FeedItem]
    /// The server answered `304 Not Modified` to the conditional GET.
    public var notModified: Bool
    /// Why the feed could not be read (nil when it was).
    public var failure: Diagnostic?
    /// The state to store once ``newItems`` are handled.
    public var nextState: FeedState?
}

/// New items of one feed turned into documents, as ``FeedPoller/watch(_:every:once:deliver:diagnostic:)``
/// hands them over.
public struct FeedDelivery: Sendable {
    public var feedURL: String
    public var feed: Feed
    /// The new items, in feed order.
    public var items: [FeedItem]
    /// Their documents (an item whose page and content both failed has none; see ``diagnostics``).
    public var documents: [SourceDocument]
    /// Problems with single items, each naming the item's URL.
    public var diagnostics: [Diagnostic]
}

/// Polls feeds and yields only their new items, with conditional GET (`If-None-Match`,
/// `If-Modified-Since`) and the seen items kept in a ``FeedStateStore``.
///
/// ```swift
/// try await WebFetcher.withFetcher { fetcher in
///     let poller = FeedPoller(fetcher: fetcher, store: JSONFileFeedStateStore(path: "feeds.json"))
///     await poller.watch(["https://example.org/rss.xml"], every: .seconds(600)) { delivery in
///         for document in delivery.documents { print(document.provenance.url ?? "-") }
///     } diagnostic: { problem in
///         print(problem)
///     }
/// }
/// ```
public struct FeedPoller: Sendable {
    public let fetcher: WebFetcher
    public let store: any FeedStateStore
    /// Most feeds polled at once, and most item pages fetched at once per feed.
    public var concurrency: Int
    /// How many item keys are remembered per feed (the oldest are forgotten first); far more than
    /// any feed lists at once, so a forgotten key never reappears as new.
    public var maxRememberedItems: Int

    public init(fetcher: WebFetcher, store: any FeedStateStore, concurrency: Int = 4, maxRememberedItems: Int = 5_000) {
        self.fetcher = fetcher
        self.store = store
        self.concurrency = concurrency
        self.maxRememberedItems = maxRememberedItems
    }

    /// Fetches `feedURL` (conditionally, when it was polled before) and finds its new items.
    /// Nothing is stored; see ``commit(_:)``.
    public func poll(_ feedURL: String) async -> FeedPoll {
        var result = FeedPoll(feedURL: feedURL, feed: nil, newItems: [], notModified: false, failure: nil, nextState: nil)
        let previous: FeedState?
        do {
            previous = try await store.state(for: feedURL)
        } catch {
            result.failure = Diagnostic(.error, path: feedURL, reason: "cannot read the feed's state (\(error))")
            return result
        }
        let response: FetchResponse
        do {
            response = try await fetcher.fetch(feedURL, accept: .feed, validators: previous?.validators ?? CacheValidators())
        } catch {
            result.failure = error.diagnostic
            return result
        }
        var state = previous ?? FeedState(feedURL: feedURL)
        state.lastPolled = Self.now()
        if response.isNotModified {
            result.notModified = true
            result.nextState = state
            return result
        }
        let feed: Feed
        do {
            feed = try FeedParser().parse(response.body, url: response.finalURL)
        } catch {
            var failure = error
            failure.url = feedURL
            result.failure = failure.diagnostic
            return result
        }
        let validators = response.validators
        if !validators.isEmpty { state.validators = validators }
        state.title = feed.title ?? state.title
        var seen = Set(state.seenKeys)
        var newItems: [FeedItem] = []
        for item in feed.items where seen.insert(item.key).inserted {
            newItems.append(item)
            state.seenKeys.append(item.key)
        }
        if state.seenKeys.count > maxRememberedItems { state.seenKeys.removeFirst(state.seenKeys.count - maxRememberedItems) }
        result.feed = feed
        result.newItems = newItems
        result.nextState = state
        return result
    }

    /// Remembers a poll: its validators and its items as seen.
    public func commit(_ poll: FeedPoll) async throws {
        guard let state = poll.nextState else { return }
        try await store.put(state)
    }

    /// Polls `feedURL` once and hands its new items, read into documents, to `deliver`; the items
    /// are remembered only when `deliver` returns (if it throws, they come again next time). Returns
    /// the problems met: the feed's own failure, or problems with single items.
    @discardableResult
    public func pollOnce(_ feedURL: String, deliver: @Sendable (FeedDelivery) async throws -> Void) async -> [Diagnostic] {
        let poll = await poll(feedURL)
        if let failure = poll.failure { return [failure] }
        var problems: [Diagnostic] = []
        if let feed = poll.feed, !poll.newItems.isEmpty {
            let sources = await FeedItemReader(fetcher: fetcher, concurrency: concurrency).documents(for: poll.newItems, of: feed, feedURL: feedURL)
            problems += sources.diagnostics
            do {
                try await deliver(
                    FeedDelivery(feedURL: feedURL, feed: feed, items: poll.newItems, documents: sources.documents, diagnostics: sources.diagnostics))
            } catch {
                problems.append(
                    Diagnostic(.error, path: feedURL, reason: "new items not handled (\(error)); they will be read again on the next poll"))
                return problems
            }
        }
        do {
            try await commit(poll)
        } catch {
            problems.append(Diagnostic(.error, path: feedURL, reason: "cannot store the feed's state (\(error))"))
        }
        return problems
    }

    /// Polls every feed, then waits `interval`, and again, until the task is cancelled (or after one
    /// round when `once`). Each feed's new items go to `deliver` as they are read; each problem to
    /// `diagnostic`. A feed that fails is tried again on the next round; the others go on.
    public func watch(
        _ feedURLs: [String], every interval: Duration, once: Bool = false, deliver: @escaping @Sendable (FeedDelivery) async throws -> Void,
        diagnostic: @escaping @Sendable (Diagnostic) async -> Void
    ) async {
        let poller = self
        while !Task.isCancelled {
            _ = await feedURLs.concurrentMap(limit: concurrency) { url in
                for problem in await poller.pollOnce(url, deliver: deliver) { await diagnostic(problem) }
            }
            if once || Task.isCancelled { return }
            do {
                try await Task.sleep(for: interval)
            } catch {
                return
            }
        }
    }

    static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }
}
