import Foundation
import Hummingbird
import Logging

/// Turns every error a route throws into a response with a JSON body (see ``APIError``): the
/// framework's own (an unknown route, a body over the limit) and unexpected ones, which become a
/// 500 whose message says nothing about the server's inside (the log has the detail).
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return error.response()
        } catch let error as HTTPError {
            return Self.translate(error.status, headers: error.headers).response()
        } catch let error as any HTTPResponseError {
            return Self.translate(error.status, headers: [:]).response()
        } catch {
            context.logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            return APIError(.internalServerError, "internal", "The server could not answer this request.").response()
        }
    }

    /// The framework's errors carry a status only: a code and message are chosen per status.
    static func translate(_ status: HTTPResponse.Status, headers: HTTPFields) -> APIError {
        var kept: HTTPFields = [:]
        if let allow = headers[.allow] { kept[.allow] = allow }
        switch status {
        case .notFound: return APIError(.notFound, "not_found", "No such route.", headers: kept)
        case .contentTooLarge: return APIError(.contentTooLarge, "body_too_large", "The request body is over the server's limit.", headers: kept)
        case .methodNotAllowed: return APIError(.methodNotAllowed, "method_not_allowed", "This route does not take that method.", headers: kept)
        case .requestTimeout: return APIError(.requestTimeout, "request_timeout", "The request took too long to arrive.", headers: kept)
        default:
            let code = status.code >= 500 ? "internal" : "bad_request"
            return APIError(status, code, status.reasonPhrase.isEmpty ? "Request failed." : status.reasonPhrase, headers: kept)
        }
    }
}
