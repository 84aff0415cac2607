import Foundation
import SynopticSources
import Testing

/// Small limits for the fixture server, with timeouts that a test run starved by a loaded 2-core
/// machine does not hit by accident (a streamed body once stalled past a 1 s read timeout).
let quickOptions = FetchOptions(
    connectTimeout: .seconds(10), readTimeout: .seconds(20), totalTimeout: .seconds(60), maxRedirects: 4, maxBodyBytes: 256 * 1024)

/// Short timeouts, for the test of a server that never answers: it finishes in about a second.
let timeoutOptions = FetchOptions(
    connectTimeout: .seconds(2), readTimeout: .seconds(1), totalTimeout: .seconds(4), maxRedirects: 4, maxBodyBytes: 256 * 1024)

@Suite("Fetching pages over HTTP")
struct WebFetcherTests {
    @Test("a page comes back with its status, headers, charset and body; the request is polite")
    func fetchesPage() async throws {
        try await FixtureServer.with({ request in
            request.path == "/ferry.html" ? .ok(Fixtures.ferryPage, type: "text/html; charset=UTF-8") : .notFound
        }) { server in
            let response = try await WebFetcher.withFetcher(options: quickOptions) { try await $0.fetch(server.url("/ferry.html"), accept: .page) }
            #expect(response.status == 200)
            #expect(response.finalURL == server.url("/ferry.html"))
            #expect(response.charset == "utf-8")
            #expect(response.contentType?.isHTML == true)
            #expect(String(decoding: response.body, as: UTF8.self) == Fixtures.ferryPage)
            let request = try #require(server.requests.first)
            #expect(request.header("User-Agent")?.hasPrefix("Synoptic/") == true)
            #expect(request.header("User-Agent")?.contains("contact") == true)
            #expect(request.header("Accept")?.hasPrefix("text/html") == true)
            #expect(request.header("If-None-Match") == nil)
        }
    }

    @Test("a redirect is followed to the page, and the final URL reported")
    func followsRedirect() async throws {
        try await FixtureServer.with({ request in
            switch request.path {
            case "/old": .redirect(to: "/new/ferry.html", status: .movedPermanently)
            case "/new/ferry.html": .ok(Fixtures.ferryPage)
            default: .notFound
            }
        }) { server in
            let response = try await WebFetcher.withFetcher(options: quickOptions) { try await $0.fetch(server.url("/old")) }
            #expect(response.status == 200)
            #expect(response.finalURL == server.url("/new/ferry.html"))
            #expect(response.body.count == Fixtures.ferryPage.utf8.count)
        }
    }

    @Test("a redirect loop and an endless chain of redirects are clear errors naming the URL")
    func redirectLoops() async throws {
        try await FixtureServer.with({ request in
            if request.path == "/loop-a" { return .redirect(to: "/loop-b") }
            if request.path == "/loop-b" { return .redirect(to: "/loop-a") }
            if request.path.hasPrefix("/chain/"), let n = Int(request.path.dropFirst(7)) { return .redirect(to: "/chain/\(n + 1)") }
            return .notFound
        }) { server in
            try await WebFetcher.withFetcher(options: quickOptions) { fetcher in
                let loop = await #expect(throws: FetchError.self) { try await fetcher.fetch(server.url("/loop-a")) }
                #expect(loop?.reason == .redirectLoop)
                #expect(loop?.description == "\(server.url("/loop-a")): redirect loop (a redirect led back to a URL already visited)")
                let chain = await #expect(throws: FetchError.self) { try await fetcher.fetch(server.url("/chain/1")) }
                #expect(chain?.reason == .tooManyRedirects(limit: 4))
                #expect(chain?.description.contains("too many redirects (more than 4)") == true)
                // The client gave up after the limit: the first request and four redirects.
                #expect(server.requests.filter { $0.path.hasPrefix("/chain/") }.count == 5)
            }
        }
    }

    @Test("a server that never answers is given up after the read timeout, without hanging")
    func neverAnswers() async throws {
        // The reason proves the 1 s timer ended the fetch; wall-clock time is not asserted, because
        // on a loaded 2-core machine the whole test run can be starved for minutes.
        try await FixtureServer.with({ _ in .hang }) { server in
            let error = try await WebFetcher.withFetcher(options: timeoutOptions) { fetcher in
                await #expect(throws: FetchError.self) { try await fetcher.fetch(server.url("/slow")) }
            }
            #expect(error?.reason == .readTimeout(.seconds(1)) || error?.reason == .totalTimeout(.seconds(4)))
            #expect(error?.description.hasPrefix(server.url("/slow") + ": ") == true)
            #expect(server.requests(for: "/slow").count == 1)
        }
    }

    @Test("an oversized body is refused, whether its length is announced or streamed")
    func oversized() async throws {
        let big = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        try await FixtureServer.with({ request in
            request.path == "/announced"
                ? .respond(status: .ok, headers: [("Content-Type", "text/html")], body: big)
                : .chunked(headers: [("Content-Type", "text/html")], body: big)
        }) { server in
            try await WebFetcher.withFetcher(options: quickOptions) { fetcher in
                for path in ["/announced", "/streamed"] {
                    let error = await #expect(throws: FetchError.self) { try await fetcher.fetch(server.url(path)) }
                    #expect(error?.reason == .bodyTooLarge(limit: 256 * 1024))
                    #expect(error?.description == "\(server.url(path)): response body above the 256 KB limit (refused)")
                }
            }
        }
    }

    @Test("error statuses, refused connections and other schemes are errors with their reason")
    func failures() async throws {
        let closed = try RefusingPort()
        try await FixtureServer.with({ _ in .notFound }) { server in
            try await WebFetcher.withFetcher(options: quickOptions) { fetcher in
                let missing = await #expect(throws: FetchError.self) { try await fetcher.fetch(server.url("/gone")) }
                #expect(missing?.reason == .httpStatus(404, "Not Found"))
                #expect(missing?.description == "\(server.url("/gone")): HTTP 404 Not Found")
                let refused = await #expect(throws: FetchError.self) { try await fetcher.fetch("http://127.0.0.1:\(closed.port)/x") }
                if case .connection = refused?.reason {} else { Issue.record("expected a connection error, got \(String(describing: refused))") }
                let ftp = await #expect(throws: FetchError.self) { try await fetcher.fetch("ftp://127.0.0.1/file.txt") }
                #expect(ftp?.reason == .unsupportedScheme("ftp"))
                let junk = await #expect(throws: FetchError.self) { try await fetcher.fetch("http://") }
                #expect(junk?.reason == .invalidURL)
            }
        }
        withExtendedLifetime(closed) {}
    }

    @Test("conditional GET: validators are sent and a 304 is reported as not modified")
    func conditionalGet() async throws {
        try await FixtureServer.with({ request in
            if request.header("If-None-Match") == "\"v1\"" { return .respond(status: .notModified, headers: [("ETag", "\"v1\"")], body: []) }
            return .ok("<rss/>", type: "application/rss+xml", headers: [("ETag", "\"v1\""), ("Last-Modified", "Tue, 10 Mar 2026 08:00:00 GMT")])
        }) { server in
            try await WebFetcher.withFetcher(options: quickOptions) { fetcher in
                let first = try await fetcher.fetch(server.url("/feed.xml"), accept: .feed)
                #expect(!first.isNotModified)
                #expect(first.validators == CacheValidators(etag: "\"v1\"", lastModified: "Tue, 10 Mar 2026 08:00:00 GMT"))
                let second = try await fetcher.fetch(server.url("/feed.xml"), accept: .feed, validators: first.validators)
                #expect(second.isNotModified)
                #expect(second.body.isEmpty)
                let request = try #require(server.requests.last)
                #expect(request.header("If-None-Match") == "\"v1\"")
                #expect(request.header("If-Modified-Since") == "Tue, 10 Mar 2026 08:00:00 GMT")
                #expect(request.header("Accept")?.hasPrefix("application/rss+xml") == true)
            }
        }
    }

    @Test("what counts as a URL on the command line")
    func urlDetection() {
        #expect(WebFetcher.isWebURL("https://example.org/a"))
        #expect(WebFetcher.isWebURL("HTTP://example.org/a"))
        #expect(!WebFetcher.isWebURL("Examples/harbor-bridge"))
        #expect(WebFetcher.looksLikeURL("ftp://example.org/a"))
        #expect(!WebFetcher.looksLikeURL("notes/a://b.txt"))
        #expect(!WebFetcher.looksLikeURL("report.txt"))
    }
}
