import Foundation
import Synchronization
import Synoptic
import SynopticSources
import Testing

/// A small news site: article pages and an RSS feed whose items the test adds to; the feed answers
/// conditional GETs with 304 while it has not changed.
final class FixtureSite: Sendable {
    struct Item: Sendable {
        var guid: String
        var title: String
        var path: String
        var date: String
        var content: String?
    }

    let items = Mutex<[Item]>([])
    let useLastModified: Bool

    init(useLastModified: Bool = false) { self.useLastModified = useLastModified }

    func add(_ item: Item) { items.withLock { $0.insert(item, at: 0) } }

    var version: String { "\"v\(items.withLock { $0.count })\"" }
    var lastModified: String { "Tue, \(10 + items.withLock { $0.count }) Mar 2026 08:00:00 GMT" }

    func route(_ request: FixtureServer.Request) -> FixtureServer.Reply {
        switch request.path {
        case "/feed.xml":
            if useLastModified {
                if request.header("If-Modified-Since") == lastModified { return .respond(status: .notModified, headers: [], body: []) }
            } else if request.header("If-None-Match") == version {
                return .respond(status: .notModified, headers: [("ETag", version)], body: [])
            }
            let feed = Fixtures.rss(
                base: "", items: items.withLock { $0 }.map { (guid: $0.guid, title: $0.title, path: $0.path, date: $0.date, content: $0.content) })
            let validators = useLastModified ? [("Last-Modified", lastModified)] : [("ETag", version)]
            return .ok(feed, type: "application/rss+xml; charset=utf-8", headers: validators)
        case "/ferry.html": return .ok(Fixtures.ferryPage)
        case "/library.html": return .ok(Fixtures.libraryPage)
        case "/home.html":
            return .ok(Fixtures.articlePage(title: "Home", outlet: "Marrowby Courier", date: nil, paragraphs: ["Welcome."], feedLink: "/feed.xml"))
        default: return .notFound
        }
    }

    static let ferry = Item(guid: "ferry", title: "Ferry to halt", path: "/ferry.html", date: "Tue, 10 Mar 2026 08:00:00 GMT")
    static let library = Item(guid: "library", title: "Library reopens", path: "/library.html", date: "Sat, 14 Mar 2026 09:00:00 GMT")
    /// Its page is gone, but the feed carries the whole article.
    static let paywalled = Item(
        guid: "market", title: "Spring market moves to the quay", path: "/market.html", date: "Sun, 15 Mar 2026 10:00:00 GMT",
        content: """
            <p>The spring market will move to the east quay this year while the square is resurfaced, the council said on Sunday.</p>
            <p>Stallholders will pay the same fees, and a shuttle bus will link the quay with the station on market days.</p>
            <p>"The quay gives us more room than the square ever did," said Hedda Lind, who runs the market for the council.</p>
            """)
}

@Suite("Polling feeds")
struct FeedPollerTests {
    @Test("re-polls yield only new items; ETag sent back and 304 honoured")
    func newItemsOnly() async throws {
        let site = FixtureSite()
        site.add(FixtureSite.ferry)
        try await FixtureServer.with({ site.route($0) }) { server in
            let store = InMemoryFeedStateStore()
            try await WebFetcher.withFetcher(options: quickOptions) { fetcher in
                let poller = FeedPoller(fetcher: fetcher, store: store)
                let feedURL = server.url("/feed.xml")

                let first = await poller.poll(feedURL)
                #expect(first.failure == nil)
                #expect(first.newItems.map(\.title) == ["Ferry to halt"])
                #expect(first.newItems.first?.link == server.url("/ferry.html"))
                try await poller.commit(first)

                let unchanged = await poller.poll(feedURL)
                #expect(unchanged.notModified)
                #expect(unchanged.newItems.isEmpty)
                #expect(server.requests(for: "/feed.xml").last?.header("If-None-Match") == "\"v1\"")
                try await poller.commit(unchanged)

                site.add(FixtureSite.library)
                let grown = await poller.poll(feedURL)
                #expect(!grown.notModified)
                #expect(grown.feed?.items.count == 2)
                #expect(grown.newItems.map(\.title) == ["Library reopens"])
                try await poller.commit(grown)

                let state = try #require(try await store.state(for: feedURL))
                #expect(state.validators.etag == "\"v2\"")
                #expect(Set(state.seenKeys) == ["id:ferry", "id:library"])
                #expect(state.title == "Marrowby Courier — Local")
            }
        }
    }

    @Test("Last-Modified is sent back as If-Modified-Since")
    func lastModified() async throws {
        let site = FixtureSite(useLastModified: true)
        site.add(FixtureSite.ferry)
        try await FixtureServer.with({ site.route($0) }) { server in
            try await WebFetcher.withFetcher(options: quickOptions) { fetcher in
                let poller = FeedPoller(fetcher: fetcher, store: InMemoryFeedStateStore())
                try await poller.commit(await poller.poll(server.url("/feed.xml")))
                let again = await poller.poll(server.url("/feed.xml"))
                #expect(again.notModified)
                #expect(server.requests(for: "/feed.xml").last?.header("If-Modified-Since") == "Tue, 11 Mar 2026 08:00:00 GMT")
            }
        }
    }

    @Test("new items become clean articles; a failed page falls back on the feed's content")
    func deliversDocuments() async throws {
        let site = FixtureSite()
        site.add(FixtureSite.ferry)
        site.add(FixtureSite.paywalled)
        site.add(FixtureSite.Item(guid: "lost", title: "Lost item", path: "/lost.html", date: "Mon, 16 Mar 2026 10:00:00 GMT"))
        try await FixtureServer.with({ site.route($0) }) { server in
            try await WebFetcher.withFetcher(options: quickOptions) { fetcher in
                let poller = FeedPoller(fetcher: fetcher, store: InMemoryFeedStateStore())
                let delivered = Locked<[FeedDelivery]>([])
                let problems = await poller.pollOnce(server.url("/feed.xml")) { delivery in delivered.update { $0.append(delivery) } }
                let delivery = try #require(delivered.value.first)
                #expect(delivery.items.count == 3)
                #expect(delivery.documents.count == 2)
                #expect(problems.count == 2)
                #expect(problems.contains { $0.severity == .error && $0.path == server.url("/lost.html") && $0.reason == "HTTP 404 Not Found" })
                #expect(
                    problems.contains { $0.severity == .warning && $0.path == server.url("/market.html") && $0.reason.contains("feed's own content") }
                )

                let articles = BriefingPipeline().cleanArticles([], documents: delivery.documents) { Issue.record("unexpected problem: \($0)") }
                let market = try #require(articles.first { $0.title == "Spring market moves to the quay" })
                #expect(market.body.contains("The spring market will move to the east quay"))
                #expect(market.provenance.origin == .feedItem)
                #expect(market.provenance.published == "2026-03-15T10:00:00Z")
                #expect(market.provenance.outlet == "Marrowby Courier — Local")
                let ferry = try #require(articles.first { $0.title == "Marrowby ferry to halt for three weeks of ramp repairs" })
                #expect(ferry.body.contains("About 1,200 passengers cross the estuary"))
                #expect(!ferry.body.contains("All rights reserved"))
                #expect(ferry.provenance.url == server.url("/ferry.html"))
                #expect(ferry.provenance.outlet == "Marrowby Courier")  // the page's own name outranks the feed's title
                #expect(ferry.provenance.published == "2026-03-10T08:00:00Z")
            }
        }
    }

    @Test("items whose delivery fails come again on the next poll")
    func failedDeliveryIsRetried() async throws {
        let site = FixtureSite()
        site.add(FixtureSite.ferry)
        struct Refused: Error {}
        try await FixtureServer.with({ site.route($0) }) { server in
            try await WebFetcher.withFetcher(options: quickOptions) { fetcher in
                let poller = FeedPoller(fetcher: fetcher, store: InMemoryFeedStateStore())
                let problems = await poller.pollOnce(server.url("/feed.xml")) { _ in throw Refused() }
                #expect(problems.first?.reason.contains("will be read again") == true)
                let count = Locked(0)
                _ = await poller.pollOnce(server.url("/feed.xml")) { delivery in count.update { $0 += delivery.items.count } }
                #expect(count.value == 1)
                _ = await poller.pollOnce(server.url("/feed.xml")) { delivery in count.update { $0 += delivery.items.count } }
                #expect(count.value == 1)
            }
        }
    }

    @Test("an HTML page given as a feed is an error that points at its feed")
    func htmlGivenAsFeed() async throws {
        let site = FixtureSite()
        try await FixtureServer.with({ site.route($0) }) { server in
            try await WebFetcher.withFetcher(options: quickOptions) { fetcher in
                let poll = await FeedPoller(fetcher: fetcher, store: InMemoryFeedStateStore()).poll(server.url("/home.html"))
                let failure = try #require(poll.failure)
                #expect(failure.path == server.url("/home.html"))
                #expect(failure.reason == "an HTML page, not a feed; it links to the feed \(server.url("/feed.xml"))")
                #expect(poll.nextState == nil)
            }
        }
    }

    @Test("watch --once polls every feed, reporting a dead one without stopping the others")
    func watchOnce() async throws {
        let site = FixtureSite()
        site.add(FixtureSite.library)
        try await FixtureServer.with({ site.route($0) }) { server in
            try await WebFetcher.withFetcher(options: quickOptions) { fetcher in
                let poller = FeedPoller(fetcher: fetcher, store: InMemoryFeedStateStore())
                let documents = Locked<[String]>([])
                let problems = Locked<[String]>([])
                await poller.watch(
                    [server.url("/feed.xml"), server.url("/missing.xml")], every: .seconds(3600), once: true,
                    deliver: { delivery in documents.update { $0 += delivery.documents.compactMap(\.provenance.url) } },
                    diagnostic: { problem in problems.update { $0.append(problem.description) } })
                #expect(documents.value == [server.url("/library.html")])
                #expect(problems.value == ["\(server.url("/missing.xml")): HTTP 404 Not Found"])
            }
        }
    }

    @Test("watch stops when its task is cancelled")
    func watchCancels() async throws {
        let site = FixtureSite()
        try await FixtureServer.with({ site.route($0) }) { server in
            try await WebFetcher.withFetcher(options: quickOptions) { fetcher in
                let store = InMemoryFeedStateStore()
                let poller = FeedPoller(fetcher: fetcher, store: store)
                let task = Task { await poller.watch([server.url("/feed.xml")], every: .seconds(3600), deliver: { _ in }, diagnostic: { _ in }) }
                // Cancel once the first round has stored the feed's state, so what is cancelled is
                // the hour's wait and not a fetch in flight: a loaded run once took 72 s to finish
                // a round (its fetch has a 60 s total timeout), which said nothing about the wait.
                for _ in 0..<2400 where try await store.state(for: server.url("/feed.xml")) == nil {
                    try await Task.sleep(for: .milliseconds(25))
                }
                #expect(try await store.state(for: server.url("/feed.xml")) != nil)
                let clock = ContinuousClock()
                let start = clock.now
                task.cancel()
                await task.value
                // Far below the hour the next round would wait.
                #expect(clock.now - start < .seconds(60))
                #expect(server.requests(for: "/feed.xml").count == 1)
            }
        }
    }

    @Test("the JSON file store keeps states across instances")
    func jsonFileStore() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("synoptic-feeds-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("state.json").path
        let state = FeedState(
            feedURL: "https://courier.example/rss", validators: CacheValidators(etag: "\"x\""), seenKeys: ["id:1", "link:https://a"], title: "Courier"
        )
        try await JSONFileFeedStateStore(path: path).put(state)
        let reread = try await JSONFileFeedStateStore(path: path).state(for: "https://courier.example/rss")
        #expect(reread == state)
        #expect(try await JSONFileFeedStateStore(path: path).state(for: "https://other.example/") == nil)
        try Data("not json".utf8).write(to: URL(fileURLWithPath: path))
        await #expect(throws: JSONFileFeedStateStore.FileError.self) { try await JSONFileFeedStateStore(path: path).state(for: "x") }
    }
}
