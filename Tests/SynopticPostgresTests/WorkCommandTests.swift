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
        guard SynopticProcess.executable != nil else {
            print("notice: the synoptic executable is not built; skipping the work command test")
            return
        }
        let directory = try SharedData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = try await TestPostgres.makeDatabase()
        let db = "postgres://\(url.username)@\(url.host):\(url.port)/\(url.database)?sslmode=disable"
        let example = SharedData.repositoryRoot.appendingPathComponent("Examples/harbor-bridge").path

        let queued = try SynopticProcess.run(["ingest", "--queue", "--db", db, example], in: directory)
        #expect(queued.status == 0, "\(queued.stderr)")
        #expect(queued.stderr.contains("queued 5 documents"), "\(queued.stderr)")

        // Two workers at once, claiming one document at a time so that both get some.
        let first = try SynopticProcess.start(["work", "--db", db, "--batch", "1"], in: directory)
        let second = try SynopticProcess.start(["work", "--db", db, "--batch", "1"], in: directory)
        first.waitUntilExit()
        second.waitUntilExit()
        #expect(first.terminationStatus == 0)
        #expect(second.terminationStatus == 0)

        let listed = try SynopticProcess.run(["stories", "--db", db, "--format", "json"], in: directory)
        #expect(listed.status == 0, "\(listed.stderr)")
        let page = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [String: Any]
        let stories = page?["stories"] as? [[String: Any]] ?? []
        #expect(stories.map { $0["article_count"] as? Int ?? 0 }.reduce(0, +) == 5, "\(listed.stdout)")

        // The same files queued again: the workers find every article already stored.
        _ = try SynopticProcess.run(["ingest", "--queue", "--db", db, example], in: directory)
        let again = try SynopticProcess.run(["work", "--db", db], in: directory)
        #expect(again.stderr.contains("stored 0, duplicates 5"), "\(again.stderr)")

        // Without PostgreSQL there is no queue, and the command says so.
        let sqlite = try SynopticProcess.run(["work", "--db", "local.sqlite"], in: directory)
        #expect(sqlite.status == 64)
        #expect(sqlite.stderr.contains("PostgreSQL"))
        try await TestPostgres.dropDatabase(url)
    }
}
