import Foundation
import Hummingbird
import HummingbirdTesting
import Synoptic
@testable import SynopticServer
import SynopticStore
import Testing

/// The server-rendered pages, in process: what they contain, and that hostile text stays text.
@Suite("Web pages")
struct WebPageTests {
    @Test("The story list shows each story's title, outlets, article count and last update")
    func storyList() async throws {
        let library = try await ServerFixture.exampleLibrary()
        let story = try #require(try await library.stories(StoryQuery()).stories.first)
        try await ServerFixture.app(library).test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let html = response.text
                #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />"))
                #expect(html.contains("href=\"/stories/\(story.id)\""))
                #expect(html.contains(HTMLText.escape(story.title)))
                #expect(html.contains("5 articles"))
                for outlet in story.outlets { #expect(html.contains(HTMLText.escape(outlet))) }
                #expect(html.contains("<time class=\"updated\""))
                #expect(!html.contains("<script"))
            }
        }
    }

    @Test("The story page has every section of the briefing, links to article pages, and version diffs")
    func storyPage() async throws {
        let library = try await ServerFixture.exampleLibrary()
        let id = try await ServerFixture.firstStoryID(library)
        try await ServerFixture.app(library).test(.router) { client in
            try await client.execute(uri: "/stories/\(id)", method: .get) { response in
                #expect(response.status == .ok)
                let html = response.text
                for heading in ["Summary", "Agreement matrix", "Disagreements", "Exclusives", "Who said what", "Timeline", "Sources", "Versions and their diffs"] {
                    #expect(html.contains("<h2>\(heading)</h2>"), "\(heading)")
                }
                #expect(html.contains("class=\"chip\""))
                #expect(html.contains("<table class=\"matrix\">"))
                #expect(html.contains("href=\"/articles/"))
                #expect(html.contains("<ol class=\"diff\">"))
            }
            try await client.execute(uri: "/stories/nope", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            }
        }
    }

    @Test("The story page is rendered once per revision: same bytes from memory, 304 to its ETag, rendered again when an article joins")
    func storyPageCache() async throws {
        let library = CountingLibrary(base: try await ServerFixture.exampleLibrary())
        let id = try await ServerFixture.firstStoryID(library.base)
        try await ServerFixture.app(library).test(.router) { client in
            let first = try await client.execute(uri: "/stories/\(id)", method: .get)
            #expect(first.status == .ok)
            let etag = try #require(first.headers[.eTag])
            let second = try await client.execute(uri: "/stories/\(id)", method: .get)
            #expect(second.body == first.body)
            #expect(second.headers[.eTag] == etag)
            #expect(library.briefingsBuilt == 1, "the second request is served from memory")
            let revalidated = try await client.execute(uri: "/stories/\(id)", method: .get, headers: [.ifNoneMatch: etag])
            #expect(revalidated.status == .notModified)
            #expect(revalidated.body.readableBytes == 0)
            // The API's JSON briefing of the same revision is a different rendering with its own tag.
            let json = try await client.execute(uri: "/api/stories/\(id)", method: .get)
            #expect(json.headers[.eTag] != etag)

            // A new version of one of the example's reports joins the story: a new revision, a new page.
            let storyOfPost = try await ServerFixture.postNewVersion(client)
            try #require(storyOfPost == id, "the new version joins its story")
            let third = try await client.execute(uri: "/stories/\(id)", method: .get, headers: [.ifNoneMatch: etag])
            #expect(third.status == .ok)
            #expect(third.headers[.eTag] != etag)
            #expect(third.text.contains(ServerFixture.newVersionLine))
        }
    }

    @Test("The article page shows the text, what was removed, and the versions with their diffs")
    func articlePage() async throws {
        let library = try await ServerFixture.exampleLibrary()
        let id = try await ServerFixture.firstStoryID(library)
        let story = try #require(try await library.storyBriefing(storyID: id)?.stories.first)
        let change = try #require(story.versionChanges.first)
        try await ServerFixture.app(library).test(.router) { client in
            try await client.execute(uri: "/articles/\(change.later)", method: .get) { response in
                #expect(response.status == .ok)
                let html = response.text
                #expect(html.contains("<h2>Removed while cleaning</h2>"))
                #expect(html.contains("<h2>Versions</h2>"))
                #expect(html.contains("<ol class=\"diff\">"))
                #expect(html.contains("href=\"/stories/\(id)\""))
            }
        }
    }

    @Test("Script and markup in a posted title and text are escaped on every page and in the HTML briefing")
    func hostileTextIsEscaped() async throws {
        let library = ServerFixture.emptyLibrary()
        let hostileTitle = "<script>alert('title')</script> Bridge <img src=x onerror=alert(1)>"
        let text = """
            The bridge reopened on Tuesday <script>alert("body")</script> after repairs, officials said.
            "It is <b>fine</b> now," said Mara Quill of the transport office, who added <iframe src="javascript:alert(2)"></iframe>.
            Engineers replaced 14 cables at a cost of $2.1 million & change.
            """
        try await ServerFixture.app(library).test(.router) { client in
            let body = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: [
                "title": hostileTitle, "outlet": "<b>Evil</b> Outlet", "url": "javascript:alert(3)", "text": text,
            ]))
            let posted = try await client.execute(uri: "/api/articles", method: .post, headers: [.contentType: "application/json"], body: body)
            #expect(posted.status == .created)
            let entry = try #require((try posted.json()["articles"] as? [[String: Any]])?.first)
            let articleID = try #require(entry["id"] as? String)
            let storyID = try #require(entry["story_id"] as? String)
            for uri in ["/", "/stories/\(storyID)", "/articles/\(articleID)", "/api/stories/\(storyID)?format=html"] {
                let html = try await client.execute(uri: uri, method: .get).text
                #expect(!html.contains("<script"), "\(uri)")
                #expect(!html.contains("<img"), "\(uri)")
                #expect(!html.contains("<iframe"), "\(uri)")
                #expect(!html.contains("<b>fine</b>") && !html.contains("<b>Evil</b>"), "\(uri)")
                #expect(!html.contains("href=\"javascript:"), "\(uri)")
                #expect(html.contains("&lt;script&gt;"), "\(uri) shows the markup as text")
            }
            // The JSON keeps the text as it was (JSON is not HTML); its content type says so.
            let json = try await client.execute(uri: "/api/articles/\(articleID)", method: .get)
            #expect(json.headers[.contentType] == "application/json; charset=utf-8")
            #expect(json.headers[.xContentTypeOptions] == "nosniff")
        }
    }

    @Test("A paragraph diff keeps the order of both versions and folds long unchanged runs")
    func versionDiff() throws {
        let old = ["Title", "A", "B", "C", "D", "E"]
        let new = ["Title (updated)", "A", "B", "C", "D", "E2", "F"]
        let html = DiffView.render(VersionDiff(from: old, to: new).lines)
        #expect(html.contains("<del>Title</del>"))
        #expect(html.contains("<ins>Title (updated)</ins>"))
        #expect(html.contains("<ins>F</ins>"))
        #expect(html.contains("<del>E</del>"))
        #expect(html.contains("2 unchanged paragraphs"), "A–D: the first and last shown, 2 folded")
    }
}

/// A library that counts the story briefings it builds, to tell a cached page from a rendered one.
final class CountingLibrary: ServerLibrary, @unchecked Sendable {
    let base: StoryLibrary
    private let lock = NSLock()
    private var built = 0

    init(base: StoryLibrary) { self.base = base }

    var briefingsBuilt: Int { lock.withLock { built } }

    func ingestDocuments(_ documents: [SourceDocument]) async throws -> IngestReport { try await base.ingestDocuments(documents) }
    func stories(_ query: StoryQuery) async throws -> StoryPage { try await base.stories(query) }
    func story(id: String) async throws -> StoredStory? { try await base.story(id: id) }
    func briefing(storyID: String, format: OutputFormat) async throws -> String? { try await base.briefing(storyID: storyID, format: format) }
    func storyBriefing(storyID: String) async throws -> Briefing? {
        lock.withLock { built += 1 }
        return try await base.storyBriefing(storyID: storyID)
    }
    func article(id: String) async throws -> StoredArticle? { try await base.article(id: id) }
}
