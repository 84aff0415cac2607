import Hummingbird
import Synoptic
import SynopticStore

/// `GET /api/articles/{id}` and `POST /api/articles`.
struct ArticleRoutes<Library: ServerLibrary>: Sendable {
    let library: Library
    let configuration: ServerConfiguration

    func register(on router: Router<some RequestContext>) {
        router.get("/api/articles/{id}") { _, context in try await detail(id: try Identifier.parameter(context)) }
        router.post("/api/articles") { request, _ in try await submit(request) }
    }

    func detail(id: String) async throws -> Response {
        guard let stored = try await library.article(id: id) else { throw APIError.notFound("article", id) }
        let briefing = try await stored.storyID.asyncMap { try await library.storyBriefing(storyID: $0) } ?? nil
        return try JSONOutput.response(ArticleDetail(stored, story: briefing))
    }

    /// Reads the body (bounded in size and time), turns it into documents, ingests them. 201 when
    /// at least one article was stored, 200 when all were already there, 422 when none could be read.
    func submit(_ request: Request) async throws -> Response {
        let bytes = try await SubmissionReader(configuration: configuration).body(of: request)
        let documents = try ArticleSubmission(configuration: configuration).documents(
            from: bytes, contentType: request.headers[.contentType], query: request.uri.queryParameters)
        let outcomes = try await library.ingestDocuments(documents)
        let response = IngestResponse(outcomes: outcomes)
        let status: HTTPResponse.Status =
            response.stored > 0 ? .created : response.duplicates > 0 ? .ok : .unprocessableContent
        if status == .unprocessableContent {
            let reasons = outcomes.flatMap(\.diagnostics).prefix(3).joined(separator: "; ")
            throw APIError(.unprocessableContent, "no_article", "No article could be read from the body\(reasons.isEmpty ? "" : ": " + reasons).")
        }
        return try JSONOutput.response(response, status: status)
    }
}

/// The body of a successful `POST /api/articles`: one entry per document, in the order posted.
struct IngestResponse: Codable, Sendable {
    var articles: [IngestOutcome]
    var stored: Int
    var duplicates: Int
    var skipped: Int

    init(outcomes: [IngestOutcome]) {
        articles = outcomes
        stored = outcomes.filter { $0.status == .stored }.count
        duplicates = outcomes.filter { $0.status == .duplicate }.count
        skipped = outcomes.filter { $0.status == .skipped }.count
    }
}
