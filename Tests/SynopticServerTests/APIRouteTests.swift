import Foundation
import Hummingbird
import HummingbirdTesting
import Synoptic
import SynopticServer
import SynopticStore
import Testing

/// The read routes of the JSON API on the bundled example, in process.
@Suite("API routes")
struct APIRouteTests {
    @Test("GET /health answers ok with the number of stories")
    func health() async throws {
        let library = try await ServerFixture.exampleLibrary()
        try await ServerFixture.app(library).test(.router) { client in
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
                let body = try response.json()
                #expect(body["status"] as? String == "ok")
                #expect(body["stories"] as? Int == 1)
            }
        }
    }

    @Test("GET /health is 503 with a JSON error when the store fails")
    func healthWhenStoreFails() async throws {
        try await ServerFixture.app(FailingLibrary()).test(.router) { client in
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.errorCode() == "store_unavailable")
            }
            try await client.execute(uri: "/api/stories", method: .get) { response in
                #expect(response.status == .internalServerError)
                #expect(response.errorCode() == "internal")
                #expect(!response.text.contains("simulated"), "the 500 does not leak the error's text")
            }
        }
    }

    @Test("GET /api/stories pages and filters by outlet and date")
    func storiesListAndFilters() async throws {
        let library = try await ServerFixture.exampleLibrary()
        let story = try #require(try await library.stories(StoryQuery()).stories.first)
        let outlet = try #require(story.outlets.first)
        try await ServerFixture.app(library).test(.router) { client in
            try await client.execute(uri: "/api/stories", method: .get) { response in
                #expect(response.status == .ok)
                let body = try response.json()
                #expect(body["total"] as? Int == 1)
                #expect(body["limit"] as? Int == 50)
                let stories = try #require(body["stories"] as? [[String: Any]])
                #expect(stories.first?["id"] as? String == story.id)
                #expect(stories.first?["article_count"] as? Int == 5)
                #expect((stories.first?["outlets"] as? [String])?.count == story.outlets.count)
            }
            let encoded = outlet.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? outlet
            try await client.execute(uri: "/api/stories?outlet=\(encoded)", method: .get) { response in
                #expect((try? response.json())?["total"] as? Int == 1)
            }
            try await client.execute(uri: "/api/stories?outlet=Nobody%20Gazette", method: .get) { response in
                #expect((try? response.json())?["total"] as? Int == 0)
            }
            try await client.execute(uri: "/api/stories?from=1990-01-01&to=1990-12-31", method: .get) { response in
                #expect((try? response.json())?["total"] as? Int == 0)
            }
            try await client.execute(uri: "/api/stories?limit=1&offset=1", method: .get) { response in
                let body = try response.json()
                #expect(body["total"] as? Int == 1)
                #expect((body["stories"] as? [Any])?.isEmpty == true)
            }
        }
    }

    @Test(
        "GET /api/stories rejects bad parameters with 400 invalid_parameter",
        arguments: ["limit=0", "limit=201", "limit=abc", "offset=-1", "from=2022-13-01", "to=yesterday", "from=2022-02-01&to=2022-01-01"])
    func storiesBadParameters(query: String) async throws {
        try await ServerFixture.app(ServerFixture.emptyLibrary()).test(.router) { client in
            try await client.execute(uri: "/api/stories?\(query)", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.errorCode() == "invalid_parameter")
            }
        }
    }

    @Test("GET /api/stories/{id} renders JSON, Markdown, HTML and text, by ?format= or Accept")
    func briefingFormats() async throws {
        let library = try await ServerFixture.exampleLibrary()
        let id = try await ServerFixture.firstStoryID(library)
        try await ServerFixture.app(library).test(.router) { client in
            try await client.execute(uri: "/api/stories/\(id)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                let body = try response.json()
                #expect((body["stories"] as? [[String: Any]])?.first?["id"] as? String == id)
                #expect((body["articles"] as? [Any])?.count == 5)
            }
            try await client.execute(uri: "/api/stories/\(id)?format=md", method: .get) { response in
                #expect(response.headers[.contentType] == "text/markdown; charset=utf-8")
                #expect(response.text.hasPrefix("#"))
            }
            try await client.execute(uri: "/api/stories/\(id)", method: .get, headers: [.accept: "text/html"]) { response in
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.text.hasPrefix("<!DOCTYPE html>"))
            }
            try await client.execute(uri: "/api/stories/\(id)", method: .get, headers: [.accept: "text/plain;q=0.9, */*"]) { response in
                #expect(response.headers[.contentType] == "text/plain; charset=utf-8")
            }
            try await client.execute(uri: "/api/stories/\(id)?format=pdf", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.errorCode() == "invalid_parameter")
            }
        }
    }

    @Test("The JSON briefing carries the revision as ETag, answers 304 to it, and changes when an article joins")
    func briefingETagAndCache() async throws {
        let library = try await ServerFixture.exampleLibrary()
        let id = try await ServerFixture.firstStoryID(library)
        try await ServerFixture.app(library).test(.router) { client in
            let first = try await client.execute(uri: "/api/stories/\(id)", method: .get)
            let etag = try #require(first.headers[.eTag])
            let second = try await client.execute(uri: "/api/stories/\(id)", method: .get)
            #expect(second.headers[.eTag] == etag)
            #expect(second.body == first.body, "the cached bytes are the rendered bytes")
            try await client.execute(uri: "/api/stories/\(id)", method: .get, headers: [.ifNoneMatch: etag]) { response in
                #expect(response.status == .notModified)
                #expect(response.body.readableBytes == 0)
            }
            try await client.execute(uri: "/api/stories/\(id)", method: .get, headers: [.ifNoneMatch: "\"0-json\""]) { response in
                #expect(response.status == .ok)
            }
            // A new version of one of the example's reports joins the story: a new revision.
            let storyOfPost = try await ServerFixture.postNewVersion(client)
            if storyOfPost == id {
                let third = try await client.execute(uri: "/api/stories/\(id)", method: .get, headers: [.ifNoneMatch: etag])
                #expect(third.status == .ok)
                #expect(third.headers[.eTag] != etag)
            }
        }
    }

    @Test("GET /api/articles/{id} returns the article with its removals, versions and diffs")
    func articleDetail() async throws {
        let library = try await ServerFixture.exampleLibrary()
        let id = try await ServerFixture.firstStoryID(library)
        let briefing = try #require(try await library.storyBriefing(storyID: id))
        let story = try #require(briefing.stories.first)
        try await ServerFixture.app(library).test(.router) { client in
            for articleID in story.articleIDs {
                try await client.execute(uri: "/api/articles/\(articleID)", method: .get) { response in
                    #expect(response.status == .ok)
                    let body = try response.json()
                    let article = try #require(body["article"] as? [String: Any])
                    #expect(article["id"] as? String == articleID)
                    #expect(article["removed"] is [Any])
                    #expect(body["story_id"] as? String == id)
                    #expect((body["content_hash"] as? String)?.count == 64)
                    let versions = try #require(body["versions"] as? [[String: Any]])
                    let expected = story.versionChanges.filter { $0.earlier == articleID || $0.later == articleID }.count
                    #expect(versions.count == expected)
                    for version in versions {
                        let diff = try #require(version["diff"] as? [[String: Any]])
                        #expect(diff.contains { $0["op"] as? String != "same" }, "a version pair differs somewhere")
                    }
                }
            }
            #expect(!story.versionChanges.isEmpty, "the example has two versions of one report")
        }
    }

    @Test("Unknown ids are 404 and unknown routes are 404, both with a JSON body")
    func notFound() async throws {
        let library = try await ServerFixture.exampleLibrary()
        try await ServerFixture.app(library).test(.router) { client in
            for uri in ["/api/stories/no-such-story", "/api/articles/no-such-article"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .notFound)
                    #expect(response.errorCode() == "not_found")
                }
            }
            try await client.execute(uri: "/api/nothing-here", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.errorCode() == "not_found")
            }
        }
    }

    @Test(
        "Ids that could traverse paths or carry markup are 400 invalid_id",
        arguments: ["..", "..%2F..%2Fetc%2Fpasswd", "%2E%2E", "a%00b", "%3Cscript%3E", "x%20y", String(repeating: "a", count: 201)])
    func invalidIDs(id: String) async throws {
        try await ServerFixture.app(ServerFixture.emptyLibrary()).test(.router) { client in
            for prefix in ["/api/stories/", "/api/articles/"] {
                try await client.execute(uri: prefix + id, method: .get) { response in
                    #expect(response.status == .badRequest, "\(prefix)\(id)")
                    #expect(response.errorCode() == "invalid_id")
                }
            }
            try await client.execute(uri: "/stories/" + id, method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            }
        }
    }

    @Test("Every response carries a content security policy that allows no script")
    func securityHeaders() async throws {
        try await ServerFixture.app(ServerFixture.emptyLibrary()).test(.router) { client in
            for uri in ["/", "/health", "/api/stories/missing"] {
                try await client.execute(uri: uri, method: .get) { response in
                    let policy = try #require(response.headers[.contentSecurityPolicy])
                    #expect(policy.contains("default-src 'none'"))
                    #expect(!policy.contains("script-src"))
                    #expect(response.headers[.xContentTypeOptions] == "nosniff")
                }
            }
        }
    }
}

/// A library whose store is down: every call throws.
struct FailingLibrary: ServerLibrary {
    struct Failure: Error, CustomStringConvertible {
        var description: String { "simulated store failure" }
    }

    func ingestDocuments(_ documents: [SourceDocument]) async throws -> IngestReport { throw Failure() }
    func stories(_ query: StoryQuery) async throws -> StoryPage { throw Failure() }
    func story(id: String) async throws -> StoredStory? { throw Failure() }
    func briefing(storyID: String, format: OutputFormat) async throws -> String? { throw Failure() }
    func storyBriefing(storyID: String) async throws -> Briefing? { throw Failure() }
    func article(id: String) async throws -> StoredArticle? { throw Failure() }
}
