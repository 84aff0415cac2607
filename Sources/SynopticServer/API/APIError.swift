import Foundation
import Hummingbird

/// An error the API answers with a JSON body, so that a client always gets a machine-readable
/// reason with a 4xx or 5xx:
///
/// ```json
/// {"error": {"status": 400, "code": "malformed_json", "message": "The body is not valid JSON: …"}}
/// ```
///
/// `code` is stable (clients branch on it); `message` is for people and may change.
struct APIError: Error, Sendable {
    var status: HTTPResponse.Status
    var code: String
    var message: String
    var headers: HTTPFields = [:]

    init(_ status: HTTPResponse.Status, _ code: String, _ message: String, headers: HTTPFields = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers
    }

    /// The JSON body of the error.
    struct Body: Codable, Sendable {
        struct Detail: Codable, Sendable {
            var status: Int
            var code: String
            var message: String
        }
        var error: Detail
    }

    func response() -> Response {
        let body = Body(error: .init(status: status.code, code: code, message: message))
        var fields = headers
        fields[.contentType] = JSONOutput.contentType
        fields[.cacheControl] = "no-store"
        let buffer = (try? JSONOutput.encode(body)) ?? ByteBuffer(string: "{\"error\":{\"status\":500,\"code\":\"internal\",\"message\":\"\"}}")
        return Response(status: status, headers: fields, body: .init(byteBuffer: buffer))
    }

    // MARK: - The errors the routes raise

    static func notFound(_ what: String, _ id: String) -> APIError {
        APIError(.notFound, "not_found", "No \(what) with id \"\(id)\".")
    }

    static func invalidParameter(_ name: String, _ reason: String) -> APIError {
        APIError(.badRequest, "invalid_parameter", "Parameter \"\(name)\": \(reason)")
    }
}
