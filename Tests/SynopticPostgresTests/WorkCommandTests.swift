import Foundation
import SynopticPostgres
import SynopticTestSupport
import Testing

/// The command line's several-workers path: `ingest --queue` fills the database's work queue and
/// two `synoptic work` processes drain it at once; every article is stored exactly once.
@Suite("synoptic work on one PostgreSQL database", .serialized)
struct WorkCommandTests {
    @Test func twoWorkerProcessesStoreEveryQueuedArticleOnce() async throws {
        guard TestPostgres.available else { return }
        guard let synoptic = Self.executable else {
            print("notice: the synoptic executable is not built; skipping the work command test")
            return
        }
        let url = try await TestPostgres.makeDatabase()
        let db = "postgres://\(url.username)@\(url.host):\(url.port)/\(url.database)?sslmode=disable"
        let example = SharedData.repositoryRoot.appendingPathComponent("Examples/harbor-bridge").path

        let queued = try Self.run(synoptic, ["ingest", "--queue", "--db", db, example])
        #expect(queued.status == 0, "\(queued.stderr)")
        #expect(queued.stderr.contains("queued 5 documents"), "\(queued.stderr)")

        // Two workers at once, claiming one document at a time so that both get some.
        let first = try Self.start(synoptic, ["work", "--db", db, "--batch", "1"])
        let second = try Self.start(synoptic, ["work", "--db", db, "--batch", "1"])
        first.waitUntilExit()
        second.waitUntilExit()
        #expect(first.terminationStatus == 0)
        #expect(second.terminationStatus == 0)

        let listed = try Self.run(synoptic, ["stories", "--db", db, "--format", "json"])
        #expect(listed.status == 0, "\(listed.stderr)")
        let page = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [String: Any]
        let stories = page?["stories"] as? [[String: Any]] ?? []
        #expect(stories.map { $0["article_count"] as? Int ?? 0 }.reduce(0, +) == 5, "\(listed.stdout)")

        // The same files queued again: the workers find every article already stored.
        _ = try Self.run(synoptic, ["ingest", "--queue", "--db", db, example])
        let again = try Self.run(synoptic, ["work", "--db", db])
        #expect(again.stderr.contains("stored 0, duplicates 5"), "\(again.stderr)")

        // Without PostgreSQL there is no queue, and the command says so.
        let sqlite = try Self.run(synoptic, ["work", "--db", "local.sqlite"])
        #expect(sqlite.status == 64)
        #expect(sqlite.stderr.contains("PostgreSQL"))
        try await TestPostgres.dropDatabase(url)
    }

    static let executable: URL? = {
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("synoptic"),
            SharedData.repositoryRoot.appendingPathComponent(".build/debug/synoptic"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    static func start(_ executable: URL, _ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = FileManager.default.temporaryDirectory
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    static func run(_ executable: URL, _ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let directory = try SharedData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("out")
        let err = directory.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return (
            process.terminationStatus, (try? String(contentsOf: out, encoding: .utf8)) ?? "",
            (try? String(contentsOf: err, encoding: .utf8)) ?? ""
        )
    }
}
