import Foundation
import GRDB
import SynopticSQLite
import SynopticStore
import SynopticStoreTestSupport
import SynopticTestSupport
import Testing

/// The store's promise under the worst interruption: `kill -9` in the middle of an ingest loses
/// nothing that was committed, leaves nothing half-written, and a second run stores the rest, every
/// article exactly once.
///
/// The corpus is invented (``SyntheticCorpus``): 10,000 articles, the goal's number, by default; the
/// debug build CI runs ingests them in a little over two minutes on the 2-core machine (the kill
/// lands after a third, the re-run stores the rest). `SYNOPTIC_KILL_TEST_ARTICLES` sets another
/// number, and `SYNOPTIC_EXECUTABLE` another binary (a release build, say):
///
///     SYNOPTIC_KILL_TEST_ARTICLES=2000 swift test --filter KillDuringIngest
@Suite("kill -9 during ingest", .serialized)
struct KillDuringIngestTests {
    static var articleCount: Int {
        ProcessInfo.processInfo.environment["SYNOPTIC_KILL_TEST_ARTICLES"].flatMap(Int.init) ?? 10_000
    }

    @Test("a killed ingest loses nothing committed; the re-run stores every article exactly once")
    func killAndRerun() async throws {
        let count = Self.articleCount
        let directory = try SharedData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let corpus = SyntheticCorpus(count: count)
        var expectedIDs: Set<String> = []
        corpus.forEach { expectedIDs.insert($0.id) }
        try corpus.writeJSONLines(to: directory.appendingPathComponent("corpus.jsonl"))
        let db = directory.appendingPathComponent("store.sqlite").path

        // Kill once a third of the articles are in: well past the batch's reading and cleaning,
        // in the middle of its commits.
        // Both ingests run at a lower priority: in a full `swift test` on two cores, minutes of
        // ingest at normal priority starved the server's timing-sensitive slow-client tests.
        let process = try SynopticProcess.start(["ingest", "corpus.jsonl", "--db", db], in: directory, niceness: 10)
        let killAt = max(1, count / 3)
        let deadline = Date().addingTimeInterval(600)
        // A blocking wait on a thread of its own, not `Task.sleep`: with other tests running in
        // parallel, CPU-bound work can hold every thread of the cooperative pool, and a suspended
        // poller would wake only after the ingest had finished; and a blocking wait on a pool thread
        // would hold that thread, for minutes, from the tests beside it. The kill is sent from the
        // polling thread the moment the count is reached.
        let child = process
        let (seen, killed) = try await Self.onThread { () -> (Int, Bool) in
            var seen = 0
            while child.isRunning && Date() < deadline {
                seen = Self.storedCount(db)
                if seen >= killAt {
                    let running = child.isRunning
                    kill(child.processIdentifier, SIGKILL)
                    child.waitUntilExit()
                    return (seen, running)
                }
                usleep(20_000)
            }
            return (seen, false)
        }
        try #require(killed, "the ingest ended (status \(process.terminationStatus)) before it could be killed; \(seen) stored")
        #expect(process.terminationReason == .uncaughtSignal)

        let store = try SQLiteStore(path: db)
        #expect(try await store.consistencyProblems() == [], "the killed ingest left the store inconsistent")
        let afterKill = try await store.counts().articles
        print("kill -9 test: \(count) articles, \(afterKill) committed when the ingest was killed")
        #expect(afterKill >= killAt && afterKill < count, "\(afterKill) of \(count) stored when killed")

        let rerun = try await Self.onThread { try SynopticProcess.run(["ingest", "corpus.jsonl", "--db", db], in: directory, niceness: 10) }
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(rerun.stderr.contains("stored \(count - afterKill), duplicates \(afterKill)"), "\(rerun.stderr)")

        #expect(try await store.consistencyProblems() == [])
        let stored = try await Self.allArticles(store)
        #expect(stored.count == count, "\(stored.count) articles stored, expected \(count)")
        #expect(Set(stored.map(\.id)) == expectedIDs, "ids differ from the corpus's (a suffixed id means an article was stored twice)")
        #expect(Set(stored.map(\.contentHash)).count == count, "a content hash is stored twice")
        let stories = try await store.stories(StoryQuery(limit: 1))
        let members = try await Self.storyMembers(db)
        #expect(members == count, "stories hold \(members) articles in all, expected \(count) (\(stories.total) stories)")
    }

    /// Runs blocking work on a thread of its own, so that it holds no thread of the cooperative pool.
    static func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try body() }) }.start()
        }
    }

    /// Articles committed so far, read by another connection as the ingest writes (0 before the
    /// schema exists).
    static func storedCount(_ path: String) -> Int {
        guard FileManager.default.fileExists(atPath: path) else { return 0 }
        var configuration = Configuration()
        configuration.readonly = true
        guard let queue = try? DatabaseQueue(path: path, configuration: configuration) else { return 0 }
        return (try? queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM articles") }) ?? 0
    }

    static func storyMembers(_ path: String) async throws -> Int {
        try await DatabaseQueue(path: path).read { db in try Int.fetchOne(db, sql: "SELECT SUM(article_count) FROM stories") ?? 0 }
    }

    static func allArticles(_ store: SQLiteStore) async throws -> [StoredArticle] {
        var all: [StoredArticle] = []
        while true {
            let page = try await store.articles(after: all.last?.sequence ?? 0, limit: 1_000)
            if page.isEmpty { return all }
            all += page
        }
    }
}
