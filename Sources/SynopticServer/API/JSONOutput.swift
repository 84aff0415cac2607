import Foundation
import Hummingbird

/// JSON responses as the API writes them: snake_case keys declared by each type, sorted keys so
/// the same value is the same bytes (stable ETags and diffs), slashes unescaped.
enum JSONOutput {
    static let contentType = "application/json; charset=utf-8"

    static func encode(_ value: some Encodable) throws -> ByteBuffer {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return ByteBuffer(bytes: try encoder.encode(value))
    }

    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws -> Response {
        var fields = headers
        fields[.contentType] = contentType
        return Response(status: status, headers: fields, body: .init(byteBuffer: try encode(value)))
    }
}
