import Hummingbird
import Synoptic
import SynopticStore

/// The pages people read: `/`, `/stories/{id}`, `/articles/{id}`. Server-rendered HTML, no scripts.
struct WebRoutes<Library: ServerLibrary>: Sendable {
    let library: Library

    func register(on router: Router<some RequestContext>) {
        router.get("/") { request, _ in try await WebPage.render { try await storyList(request) } }
        router.get("/stories/{id}") { _, context in try await WebPage.render { try await storyPage(id: try Identifier.parameter(context)) } }
        router.get("/articles/{id}") { _, context in try await WebPage.render { try await articlePage(id: try Identifier.parameter(context)) } }
    }

    func storyList(_ request: Request) async throws -> Response {
        let query = try StoryQuery(request: request)
        let page = try await library.stories(query)
        return WebPage.response(title: "Synoptic — stories", main: StoryListPage(page: page, query: query).render())
    }

    func storyPage(id: String) async throws -> Response {
        guard let briefing = try await library.storyBriefing(storyID: id),
            let story = briefing.stories.first(where: { $0.id == id }) ?? briefing.stories.first
        else { throw APIError.notFound("story", id) }
        return WebPage.response(title: story.title, main: StoryWebPage(story: story, briefing: briefing).render())
    }

    func articlePage(id: String) async throws -> Response {
        guard let stored = try await library.article(id: id) else { throw APIError.notFound("article", id) }
        let briefing = try await stored.storyID.asyncMap { try await library.storyBriefing(storyID: $0) } ?? nil
        let detail = ArticleDetail(stored, story: briefing)
        let storyTitle = briefing?.stories.first(where: { $0.articleIDs.contains(id) })?.title
        return WebPage.response(title: detail.article.title ?? id, main: ArticleWebPage(detail: detail, storyTitle: storyTitle).render())
    }
}
