import Hummingbird
import Synoptic
import SynopticStore

/// The pages people read: `/`, `/stories/{id}`, `/articles/{id}`. Server-rendered HTML, no scripts.
struct WebRoutes<Library: ServerLibrary>: Sendable {
    let library: Library
    let cache: BriefingCache

    func register(on router: Router<some RequestContext>) {
        router.get("/") { request, _ in try await WebPage.render { try await storyList(request) } }
        router.get("/stories/{id}") { request, context in
            try await WebPage.render { try await storyPage(request, id: try Identifier.parameter(context)) }
        }
        router.get("/articles/{id}") { _, context in try await WebPage.render { try await articlePage(id: try Identifier.parameter(context)) } }
    }

    func storyList(_ request: Request) async throws -> Response {
        let query = try StoryQuery(request: request)
        let page = try await library.stories(query)
        return WebPage.response(title: "Synoptic — stories", main: StoryListPage(page: page, query: query).render())
    }

    /// A story's page, rendered once per revision (a whole briefing is far slower to build than to
    /// send) and tagged with the revision like the API's briefing, so a browser revalidating gets 304.
    func storyPage(_ request: Request, id: String) async throws -> Response {
        guard let stored = try await library.story(id: id) else { throw APIError.notFound("story", id) }
        let etag = "\"\(stored.revision)-\(BriefingCache.webPage)\""
        if let match = request.headers[.ifNoneMatch], StoryRoutes<Library>.matches(match, etag: etag) {
            return Response(status: .notModified, headers: [.eTag: etag, .cacheControl: "no-cache"])
        }
        var response: Response
        if let body = cache.body(storyID: id, rendering: BriefingCache.webPage, revision: stored.revision) {
            response = WebPage.response(body: body)
        } else {
            guard let briefing = try await library.storyBriefing(storyID: id),
                let story = briefing.stories.first(where: { $0.id == id }) ?? briefing.stories.first
            else { throw APIError.notFound("story", id) }
            let html = WebPage.html(title: story.title, main: StoryWebPage(story: story, briefing: briefing).render())
            // Keyed by the revision read before rendering: a newer text under an older key is
            // replaced when the next request sees the new revision.
            cache.store(storyID: id, rendering: BriefingCache.webPage, revision: stored.revision, body: html)
            response = WebPage.response(body: html)
        }
        response.headers[.eTag] = etag
        return response
    }

    func articlePage(id: String) async throws -> Response {
        guard let stored = try await library.article(id: id) else { throw APIError.notFound("article", id) }
        let briefing = try await stored.storyID.asyncMap { try await library.storyBriefing(storyID: $0) } ?? nil
        let detail = ArticleDetail(stored, story: briefing)
        let storyTitle = briefing?.stories.first(where: { $0.articleIDs.contains(id) })?.title
        return WebPage.response(title: detail.article.title ?? id, main: ArticleWebPage(detail: detail, storyTitle: storyTitle).render())
    }
}
