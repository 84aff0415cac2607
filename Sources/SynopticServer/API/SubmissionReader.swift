import Hummingbird
import NIOCore

/// Reads a request body within the configured size and time: a declared `Content-Length` over the
/// limit is refused before a byte is read (413), a body that grows past it while streaming is
/// refused too (413), and a body that is still arriving after ``ServerConfiguration/bodyTimeout``
/// is answered 408, so a client trickling its body cannot hold a request open.
struct SubmissionReader: Sendable {
    let configuration: ServerConfiguration

    func body(of request: Request) async throws -> ByteBuffer {
        let limit = configuration.maxBodyBytes
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit {
            throw Self.tooLarge(limit)
        }
        let timeout = configuration.bodyTimeout
        let body = request.body
        do {
            return try await withThrowingTaskGroup(of: ByteBuffer?.self) { group in
                group.addTask { try await body.collect(upTo: limit) }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    return nil
                }
                defer { group.cancelAll() }
                guard let first = try await group.next(), let buffer = first else {
                    throw APIError(.requestTimeout, "request_timeout", "The body did not arrive within \(timeout).")
                }
                return buffer
            }
        } catch is NIOTooManyBytesError {
            throw Self.tooLarge(limit)
        }
    }

    static func tooLarge(_ limit: Int) -> APIError {
        APIError(.contentTooLarge, "body_too_large", "The body is over the limit of \(limit) bytes.")
    }
}
