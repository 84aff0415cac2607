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
        let report = try await library.ingestDocuments(documents)
        var articles: [SubmittedArticle] = []
        for outcome in report.outcomes {
            switch outcome {
            case .stored(let id, let storyID):
                articles.append(SubmittedArticle(status: .stored, id: id, storyID: storyID))
            case .duplicate(_, let existing):
                let storyID = try await library.article(id: existing)?.storyID
                articles.append(SubmittedArticle(status: .duplicate, id: existing, storyID: storyID))
            }
        }
        let response = IngestResponse(
            articles: articles, stored: report.stored, duplicates: report.duplicates, skipped: max(0, documents.count - report.outcomes.count),
            diagnostics: report.diagnostics.map(\.description))
        guard !articles.isEmpty else {
            let reasons = response.diagnostics.prefix(3).joined(separator: "; ")
            throw APIError(.unprocessableContent, "no_article", "No article could be read from the body\(reasons.isEmpty ? "" : ": " + reasons).")
        }
        return try JSONOutput.response(response, status: response.stored > 0 ? .created : .ok)
    }
}

/// One article of a `POST /api/articles`: stored now, or already stored (its content hash matched).
struct SubmittedArticle: Codable, Sendable, Hashable {
    enum Status: String, Codable, Sendable {
        case stored, duplicate
    }

    var status: Status
    /// The stored article's id (for a duplicate, the id it was stored under before).
    var id: String
    var storyID: String?

    enum CodingKeys: String, CodingKey {
        case status, id
        case storyID = "story_id"
    }
}

/// The body of a successful `POST /api/articles`. Articles are listed in the order the library
/// placed them (by day, then content), not the order posted; `skipped` counts documents that held
/// no readable article, and `diagnostics` says why, one line each.
struct IngestResponse: Codable, Sendable {
    var articles: [SubmittedArticle]
    var stored: Int
    var duplicates: Int
    var skipped: Int
    var diagnostics: [String]
}
