import Foundation
import SynopticSources
import Testing

@Suite("Compressed responses")
struct CompressionTests {
    /// gzip's output for `command`'s output (gzip itself makes the test data).
    static func gzip(_ command: String) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "\(command) | gzip -c"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return [UInt8](data)
    }

    @Test("a gzip body is asked for and inflated; a small body that inflates past the limit is refused")
    func gzip() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("synoptic-gzip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = directory.appendingPathComponent("ferry.html")
        try Data(Fixtures.ferryPage.utf8).write(to: page)
        let compressed = try Self.gzip("cat '\(page.path)'")
        // 8 MB of zeros compress to about 8 KB.
        let bomb = try Self.gzip("head -c 8388608 /dev/zero")
        #expect(bomb.count < 64 * 1024)
        try await FixtureServer.with({ request in
            let body = request.path == "/bomb" ? bomb : compressed
            return .respond(status: .ok, headers: [("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", "gzip")], body: body)
        }) { server in
            try await WebFetcher.withFetcher(options: quickOptions) { fetcher in
                let response = try await fetcher.fetch(server.url("/ferry.html"))
                #expect(String(decoding: response.body, as: UTF8.self) == Fixtures.ferryPage)
                #expect(server.requests.first?.header("Accept-Encoding") == "gzip, deflate")
                let error = await #expect(throws: FetchError.self) { try await fetcher.fetch(server.url("/bomb")) }
                #expect(error?.reason == .bodyTooLarge(limit: 256 * 1024))
            }
        }
    }
}
