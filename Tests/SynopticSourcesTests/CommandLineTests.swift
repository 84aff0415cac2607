import Foundation
import SynopticTestSupport
import Testing

/// Runs the built `synoptic` executable against the fixture server.
enum Synoptic {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let executable: URL? = {
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("synoptic"),
            URL(fileURLWithPath: Swift.CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("synoptic"),
            SharedData.repositoryRoot.appendingPathComponent(".build/debug/synoptic"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// Runs the command off the cooperative pool (the fixture server must keep answering meanwhile).
    static func run(_ arguments: [String]) async throws -> Result {
        let url = try #require(executable, "the synoptic executable was not built")
        return try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                do {
                    let process = Process()
                    process.executableURL = url
                    process.arguments = arguments
                    process.currentDirectoryURL = SharedData.repositoryRoot
                    let out = Pipe(), err = Pipe()
                    process.standardOutput = out
                    process.standardError = err
                    process.standardInput = FileHandle.nullDevice
                    try process.run()
                    let errData = Locked(Data())
                    let reader = Thread { errData.update { $0 = err.fileHandleForReading.readDataToEndOfFile() } }
                    reader.start()
                    let outData = out.fileHandleForReading.readDataToEndOfFile()
                    process.waitUntilExit()
                    while !reader.isFinished { Thread.sleep(forTimeInterval: 0.01) }
                    continuation.resume(
                        returning: Result(
                            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                            stderr: String(decoding: errData.value, as: UTF8.self)))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }
}

@Suite("synoptic brief and watch on URLs, end to end")
struct SourcesCommandLineTests {
    @Test("brief reads pages and feeds from URLs next to files, and names a failing URL")
    func brief() async throws {
        try await FixtureServer.with(LiveSourceResolverTests.route) { server in
            let result = try await Synoptic.run([
                "brief", "--format", "json", "--fetch-timeout", "5", server.url("/ferry.html"), server.url("/nothing"),
            ])
            #expect(result.status == 1, "\(result.stderr)")
            #expect(result.stderr.contains("synoptic: \(server.url("/nothing")): HTTP 404 Not Found"))
            let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let articles = try #require(document["articles"] as? [[String: Any]])
            #expect(articles.count == 1)
            #expect(articles.first?["title"] as? String == "Marrowby ferry to halt for three weeks of ramp repairs")
            #expect(articles.first?["url"] as? String == server.url("/ferry.html"))
            #expect((articles.first?["body"] as? String)?.contains("About 1,200 passengers") == true)
            let diagnostics = try #require(document["diagnostics"] as? [[String: Any]])
            #expect(diagnostics.contains { $0["path"] as? String == server.url("/nothing") })

            let feed = try await Synoptic.run(["brief", "--format", "md", server.url("/feed")])
            #expect(feed.status == 0, "\(feed.stderr)")
            #expect(feed.stdout.contains("Marrowby Courier"))
            #expect(feed.stdout.contains("Estuary Post"))
        }
    }

    @Test("watch --once prints new items as JSON lines and remembers them in its state file")
    func watchOnce() async throws {
        let site = FixtureSite()
        site.add(FixtureSite.ferry)
        let directory = try SharedData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let state = directory.appendingPathComponent("feeds.json").path
        try await FixtureServer.with({ site.route($0) }) { server in
            let first = try await Synoptic.run(["watch", "--once", "--state", state, server.url("/feed.xml")])
            #expect(first.status == 0, "\(first.stderr)")
            let lines = first.stdout.split(separator: "\n")
            #expect(lines.count == 1)
            let record = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
            #expect(record["title"] as? String == "Marrowby ferry to halt for three weeks of ramp repairs")
            #expect(first.stderr.contains("1 new item(s)"))

            site.add(FixtureSite.library)
            let second = try await Synoptic.run(["watch", "--once", "--state", state, server.url("/feed.xml")])
            #expect(second.status == 0, "\(second.stderr)")
            let titles = try second.stdout.split(separator: "\n").map { line in
                try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])["title"] as? String
            }
            #expect(titles == ["Marrowby library reopens with children\u{2019}s wing"])  // quotes are normalized

            let third = try await Synoptic.run(["watch", "--once", "--state", state, server.url("/feed.xml")])
            #expect(third.status == 0)
            #expect(third.stdout.isEmpty)
            #expect(server.requests(for: "/feed.xml").last?.header("If-None-Match") == "\"v2\"")

            let html = try await Synoptic.run(["watch", "--once", "--state", state, server.url("/home.html")])
            #expect(html.status == 1)
            #expect(html.stderr.contains("\(server.url("/home.html")): an HTML page, not a feed; it links to the feed \(server.url("/feed.xml"))"))
        }
    }

    @Test("watch ends cleanly on SIGTERM")
    func watchSignal() async throws {
        let site = FixtureSite()
        let directory = try SharedData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await FixtureServer.with({ site.route($0) }) { server in
            let url = try #require(Synoptic.executable)
            let process = Process()
            process.executableURL = url
            process.arguments = ["watch", "--every", "1h", "--state", directory.appendingPathComponent("s.json").path, server.url("/feed.xml")]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Wait for the first poll, then ask it to stop.
            for _ in 0..<100 where server.requests(for: "/feed.xml").isEmpty { try await Task.sleep(for: .milliseconds(50)) }
            process.terminate()
            for _ in 0..<100 where process.isRunning { try await Task.sleep(for: .milliseconds(50)) }
            #expect(!process.isRunning)
            if !process.isRunning {
                #expect(process.terminationReason == .exit)
                #expect(process.terminationStatus == 0)
            } else {
                process.interrupt()
            }
        }
    }

    @Test("watch refuses what is not an http(s) URL")
    func watchUsage() async throws {
        let result = try await Synoptic.run(["watch", "--once", "Examples/harbor-bridge"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("is not an http(s) URL"))
    }
}
