import Foundation
import Hummingbird
import Synoptic
import SynopticStore

/// `GET /api/stories` and `GET /api/stories/{id}`.
struct StoryRoutes<Library: ServerLibrary>: Sendable {
    let library: Library
    let cache: BriefingCache

    func register(on router: Router<some RequestContext>) {
        router.get("/api/stories") { request, _ in try await list(request) }
        router.get("/api/stories/{id}") { request, context in try await briefing(request, id: try Identifier.parameter(context)) }
    }

    func list(_ request: Request) async throws -> Response {
        let query = try StoryQuery(request: request)
        let page = try await library.stories(query)
        return try JSONOutput.response(StoryListResponse(stories: page.stories, total: page.total, limit: query.limit, offset: query.offset))
    }

    /// The briefing in the negotiated format. The story's revision is the ETag: a client that has
    /// the current one gets 304, and the rendered bytes of the current revision come from memory.
    func briefing(_ request: Request, id: String) async throws -> Response {
        let format = try BriefingFormat.negotiate(request)
        guard let story = try await library.story(id: id) else { throw APIError.notFound("story", id) }
        let etag = "\"\(story.revision)-\(format.rawValue)\""
        var headers: HTTPFields = [
            .eTag: etag, .contentType: BriefingFormat.contentType(format), .vary: "Accept", .cacheControl: "no-cache",
        ]
        if let match = request.headers[.ifNoneMatch], Self.matches(match, etag: etag) {
            headers[.contentType] = nil
            return Response(status: .notModified, headers: headers)
        }
        if let body = cache.body(storyID: id, format: format, revision: story.revision) {
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: body))
        }
        guard let text = try await library.briefing(storyID: id, format: format) else { throw APIError.notFound("story", id) }
        let body = ByteBuffer(string: text)
        // Rendered after the revision was read: if an article joined in between, the text is newer
        // than its key, and the next request (seeing the new revision) renders again.
        cache.store(storyID: id, format: format, revision: story.revision, body: body)
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: body))
    }

    /// `If-None-Match` holds a list of tags (or `*`); weak tags compare by their opaque part.
    static func matches(_ header: String, etag: String) -> Bool {
        header.split(separator: ",").contains { item in
            var tag = item.trimmingCharacters(in: .whitespaces)
            if tag == "*" { return true }
            if tag.hasPrefix("W/") { tag.removeFirst(2) }
            return tag == etag
        }
    }
}
