import Foundation
import Synoptic
import SynopticSources
import Testing

@Suite("Reading URLs into articles")
struct LiveSourceResolverTests {
    static func route(_ request: FixtureServer.Request) -> FixtureServer.Reply {
        switch request.path {
        case "/ferry.html": return .ok(Fixtures.ferryPage)
        case "/library.html": return .ok(Fixtures.libraryPage)
        case "/cafe.html": return .respond(status: .ok, headers: [("Content-Type", "text/html; charset=ISO-8859-1")], body: Fixtures.latin1Page)
        case "/notes.txt":
            return .ok(
                "Harbour notice\n\nThe east quay car park will close on Friday for resurfacing works lasting two days.\n",
                type: "text/plain; charset=utf-8")
        case "/photo.jpg": return .respond(status: .ok, headers: [("Content-Type", "image/jpeg")], body: [0xFF, 0xD8, 0xFF, 0xE0])
        case "/feed":
            // Served as generic XML: recognised by its first element.
            let feed = Fixtures.rss(
                base: "",
                items: [
                    (guid: "f", title: "Ferry to halt", path: "/ferry.html", date: "Tue, 10 Mar 2026 08:00:00 GMT", content: nil),
                    (guid: "l", title: "Library reopens", path: "/library.html", date: "Sat, 14 Mar 2026 09:00:00 GMT", content: nil),
                ])
            return .ok(feed, type: "text/xml")
        case "/moved": return .redirect(to: "/ferry.html")
        default: return .notFound
        }
    }

    @Test("a page URL becomes one clean article with its URL and outlet")
    func page() async throws {
        try await FixtureServer.with(Self.route) { server in
            let sources = try await WebFetcher.withFetcher(options: quickOptions) {
                await LiveSourceResolver(fetcher: $0).resolve([server.url("/moved")])
            }
            #expect(sources.diagnostics.isEmpty)
            let document = try #require(sources.documents.first)
            #expect(document.provenance.origin == .web)
            #expect(document.provenance.path == server.url("/moved"))
            #expect(document.provenance.url == server.url("/ferry.html"))
            #expect(document.suggestedID == "ferry")
            let articles = BriefingPipeline().cleanArticles([], documents: sources.documents) { Issue.record("unexpected: \($0)") }
            let article = try #require(articles.first)
            #expect(article.title == "Marrowby ferry to halt for three weeks of ramp repairs")
            #expect(article.provenance.outlet == "Marrowby Courier")
            #expect(article.provenance.published == "2026-03-10T08:00:00Z")
            #expect(article.body.contains("we have arranged extra buses around the head of the estuary"))
            #expect(!article.body.contains("Home Local Sport"))
        }
    }

    @Test("the charset of the Content-Type header decodes a Latin-1 page that declares none itself")
    func latin1() async throws {
        try await FixtureServer.with(Self.route) { server in
            let sources = try await WebFetcher.withFetcher(options: quickOptions) {
                await LiveSourceResolver(fetcher: $0).resolve(server.url("/cafe.html"))
            }
            #expect(sources.documents.first?.htmlCharset == "iso-8859-1")
            let articles = BriefingPipeline().cleanArticles([], documents: sources.documents) { Issue.record("unexpected: \($0)") }
            let article = try #require(articles.first)
            #expect(article.title == "A café comes to Quay Street")
            #expect(article.body.contains("serving crème brûlée and Swiss rösti"))
            #expect(article.body.contains("Zoë Ménard"))
            #expect(!article.body.contains("\u{FFFD}"))
        }
    }

    @Test("a feed URL becomes the articles of its items; plain text is read as text")
    func feedAndText() async throws {
        try await FixtureServer.with(Self.route) { server in
            let sources = try await WebFetcher.withFetcher(options: quickOptions) { fetcher in
                await LiveSourceResolver(fetcher: fetcher).resolve([server.url("/feed"), server.url("/notes.txt")])
            }
            #expect(sources.diagnostics.isEmpty)
            #expect(sources.documents.map(\.provenance.url) == [server.url("/ferry.html"), server.url("/library.html"), server.url("/notes.txt")])
            #expect(sources.documents.first?.provenance.origin == .feedItem)
            let articles = BriefingPipeline().cleanArticles([], documents: sources.documents) { Issue.record("unexpected: \($0)") }
            #expect(
                articles.map(\.title) == [
                    "Marrowby ferry to halt for three weeks of ramp repairs", "Marrowby library reopens with children\u{2019}s wing",
                    "Harbour notice",
                ])
        }
    }

    @Test("what is not a page is a diagnostic naming the URL")
    func notPages() async throws {
        try await FixtureServer.with(Self.route) { server in
            let sources = try await WebFetcher.withFetcher(options: quickOptions) { fetcher in
                await LiveSourceResolver(fetcher: fetcher).resolve([server.url("/photo.jpg"), server.url("/nothing"), "gopher://127.0.0.1/x"])
            }
            #expect(sources.documents.isEmpty)
            #expect(
                sources.diagnostics.map(\.description) == [
                    "\(server.url("/photo.jpg")): content type image/jpeg is not a web page or a feed",
                    "\(server.url("/nothing")): HTTP 404 Not Found",
                    "gopher://127.0.0.1/x: unsupported URL scheme \"gopher\" (only http and https are fetched)",
                ])
        }
    }
}
