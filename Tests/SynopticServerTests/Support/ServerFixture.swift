import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import ServiceLifecycle
import Synoptic
import SynopticServer
import SynopticStore
import SynopticTestSupport
import Testing

/// Libraries and applications for the server tests.
enum ServerFixture {
    static var examplePath: String { SharedData.repositoryRoot.appendingPathComponent("Examples/harbor-bridge").path }

    /// Small limits so that the limit tests send small bodies.
    static let configuration = ServerConfiguration(
        host: "127.0.0.1", port: 0, maxBodyBytes: 64 * 1024, maxDocumentsPerRequest: 20, idleTimeout: .seconds(1), bodyTimeout: .seconds(2))

    /// A library holding the bundled example (one story of five reports).
    static func exampleLibrary() async throws -> StoryLibrary {
        let library = StoryLibrary(store: InMemoryStore())
        let report = try await library.ingest(paths: [examplePath])
        #expect(report.stored == 5, "the example's five reports are stored")
        return library
    }

    static func emptyLibrary() -> StoryLibrary { StoryLibrary(store: InMemoryStore()) }

    static func app(_ library: some ServerLibrary, configuration: ServerConfiguration = configuration) -> some ApplicationProtocol {
        buildApplication(library: library, configuration: configuration, logger: quietLogger)
    }

    static var quietLogger: Logger {
        var logger = Logger(label: "synoptic.server.test")
        logger.logLevel = .critical
        return logger
    }

    /// The first story's id in `library`.
    static func firstStoryID(_ library: StoryLibrary) async throws -> String {
        let page = try await library.stories(StoryQuery())
        return try #require(page.stories.first?.id)
    }

    /// Posts a new version of one of the example's reports (a line added at its end) and returns
    /// the id of the story it joined, which is the example's story when clustering works.
    static func postNewVersion(_ client: some TestClientProtocol) async throws -> String {
        let example = try String(contentsOfFile: examplePath + "/harbor-courier-2.txt", encoding: .utf8)
        let posted = try await client.execute(
            uri: "/api/articles?outlet=Harbor%20Courier", method: .post, headers: [.contentType: "text/plain"],
            body: ByteBuffer(string: example + "\n\n" + newVersionLine))
        #expect(posted.status == .created)
        return try #require((try posted.json()["articles"] as? [[String: Any]])?.first?["story_id"] as? String)
    }

    static let newVersionLine = "Updated: officials later confirmed the bridge would reopen on Friday."

    /// Runs the server on 127.0.0.1 with a port the system picks, gives `body` the port, then
    /// stops the server (gracefully) whatever `body` did.
    static func withLiveServer<T: Sendable>(
        _ library: some ServerLibrary, configuration: ServerConfiguration = configuration, _ body: @Sendable (Int) async throws -> T
    ) async throws -> T {
        var live = configuration
        live.host = "127.0.0.1"
        live.port = 0
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = buildApplication(library: library, configuration: live, logger: quietLogger) { channel in
            continuation.yield(channel.localAddress?.port ?? 0)
            continuation.finish()
        }
        let group = ServiceGroup(configuration: .init(services: [app], logger: quietLogger))
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var iterator = ports.makeAsyncIterator()
            let port = try #require(await iterator.next())
            do {
                let value = try await body(port)
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
                return value
            } catch {
                await group.triggerGracefulShutdown()
                try? await tasks.waitForAll()
                throw error
            }
        }
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    func json() throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(body.readableBytesView))
        return try #require(value as? [String: Any], "body is a JSON object: \(text.prefix(200))")
    }

    /// The `error.code` of a JSON error body (`"<no error body>"` when there is none), checking the
    /// rest of the shape on the way. Not throwing, so that it reads as one `#expect`.
    func errorCode() -> String {
        let object = (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [String: Any]
        guard let error = object?["error"] as? [String: Any], let code = error["code"] as? String else {
            Issue.record("not a JSON error body: \(text.prefix(200))")
            return "<no error body>"
        }
        #expect(error["status"] as? Int == Int(status.code))
        #expect((error["message"] as? String)?.isEmpty == false)
        #expect(headers[.contentType]?.hasPrefix("application/json") == true)
        return code
    }
}
