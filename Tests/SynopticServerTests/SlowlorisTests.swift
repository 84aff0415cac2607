import Foundation
import Synoptic
import SynopticServer
import SynopticStore
import Testing

/// Clients that hold connections open by sending a request very slowly: the server must keep
/// answering everyone else and close the slow ones. Real sockets on 127.0.0.1.
@Suite("Slowloris")
struct SlowlorisTests {
    @Test("A client trickling its headers is closed after the idle timeout, and others are answered meanwhile")
    func tricklingHeaders() async throws {
        try await ServerFixture.withLiveServer(ServerFixture.emptyLibrary()) { port in
            let connection = try RawConnection(port: port, timeout: 90)
            async let reply = onThread { connection.readToEnd() }
            // A header line every 200 ms for 10 s: steady traffic that never completes the head.
            async let trickle: (sendFailed: Bool, seconds: Double) = onThread {
                let begin = Date()
                connection.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                for index in 0..<50 {
                    if !connection.send("X-Slow-\(index): \(String(repeating: "z", count: 10))\r\n") { return (true, Date().timeIntervalSince(begin)) }
                    Thread.sleep(forTimeInterval: 0.2)
                }
                return (false, Date().timeIntervalSince(begin))
            }
            // While it trickles, other clients are served.
            for _ in 0..<5 {
                let response = try await rawRequest(port: port, "/health")
                #expect(response.status == 200)
            }
            let (bytes, closed) = try await reply
            let (sendFailed, seconds) = try await trickle
            #expect(closed, "the server closed the trickling connection")
            #expect(sendFailed, "it was closed while the client was still trickling, after \(seconds) s")
            #expect(!String(decoding: bytes, as: UTF8.self).contains("200 OK"), "the trickled request was never answered as if complete")
        }
    }

    @Test("Fifty idle half-open connections do not stop the server answering")
    func manySlowConnections() async throws {
        try await ServerFixture.withLiveServer(ServerFixture.emptyLibrary()) { port in
            let connections = try await onThread {
                try (0..<50).map { _ in
                    let connection = try RawConnection(port: port, timeout: 5)
                    connection.send("GET / HTTP/1.1\r\nHost: x\r\n")
                    return connection
                }
            }
            let response = try await rawRequest(port: port, "/health")
            #expect(response.status == 200)
            #expect(response.body.contains("\"status\":\"ok\""))
            // All of them are closed by the server once the idle timeout passes.
            let closed = try await onThread { connections.map { $0.readToEnd().closed } }
            #expect(closed.allSatisfy { $0 })
        }
    }
}
