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
            let started = ContinuousClock.now
            async let trickler: (closed: Bool, answered: String, seconds: Double) = onThread {
                let connection = try RawConnection(port: port, timeout: 8)
                let begin = Date()
                connection.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                var closed = false
                // A header line every 200 ms: steady traffic that never completes the head.
                for index in 0..<40 {
                    if !connection.send("X-Slow-\(index): \(String(repeating: "z", count: 10))\r\n") {
                        closed = true
                        break
                    }
                    Thread.sleep(forTimeInterval: 0.2)
                }
                let rest = connection.readToEnd()
                return (closed || rest.closed, String(decoding: rest.bytes, as: UTF8.self), Date().timeIntervalSince(begin))
            }
            // While it trickles, other clients are served at once.
            for _ in 0..<5 {
                let response = try await rawRequest(port: port, "/health")
                #expect(response.status == 200)
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(ContinuousClock.now - started < .seconds(3), "other requests did not wait for the slow client")
            let result = try await trickler
            #expect(result.closed, "the server closed the trickling connection")
            #expect(!result.answered.contains("200 OK"), "the trickled request was never answered as if complete")
            #expect(result.seconds < 6, "closed after about the idle timeout (1 s), not after the whole trickle (8 s): \(result.seconds)")
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
