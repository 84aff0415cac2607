import Foundation
import Synoptic
import SynopticStore
import Testing

@testable import SynopticPostgres

/// The store contract on a real server: idempotence, one order of commits, stale placements,
/// stories and their filters, the briefing cache; and several workers, each a separate store
/// with its own connections, ingesting from one queue into one database.
@Suite("PostgreSQL store", .enabled(if: TestPostgres.available, "PostgreSQL cannot be started here"))
struct PostgresBriefingStoreTests {
    /// A cleaned article from a few lines of text.
    static func article(_ id: String, outlet: String? = "Harbor Times", published: String? = "2026-03-02", text: String) -> StoredArticle {
        let document = SourceDocument(
            suggestedID: id, provenance: Provenance(origin: .textFile, path: "\(id).txt", outlet: outlet, published: published),
            metadata: SourceMetadata(), text: text)
        let articles = BriefingPipeline().cleanArticles(documents: [document]) { _ in }
        let article = articles[0]
        return StoredArticle(article: article, contentHash: ContentHash.of(article))
    }

    static func text(_ n: Int) -> String {
        """
        Report number \(n) on the harbor bridge

        The harbor bridge closed on Monday after inspectors found cracks in support number \(n), the city said.
        Engineers expect repairs to take \(n + 2) weeks, and ferries will run every \(n % 5 + 10) minutes meanwhile.
        """
    }

    @Test("A commit is stored once: the same content again is a duplicate, nothing written")
    func idempotentCommit() async throws {
        try await TestPostgres.withStore { store, _ in
            let first = Self.article("bridge", text: Self.text(1))
            let outcome = try await store.commit(first, placement: .new(title: "Bridge closed"), expectedSequence: 0)
            guard case .stored(let id, let storyID, let sequence) = outcome else {
                Issue.record("not stored: \(outcome)")
                return
            }
            #expect(id == "bridge")
            #expect(storyID == "s1")
            #expect(sequence == 1)
            #expect(try await store.articleID(contentHash: first.contentHash) == "bridge")
            // Same content under another id, even placed against the current sequence.
            var again = first
            again.article.id = "bridge-copy"
            #expect(try await store.commit(again, placement: .new(title: "x"), expectedSequence: 1) == .duplicate(of: "bridge"))
            // A duplicate is a duplicate even when the writer is behind.
            #expect(try await store.commit(again, placement: .new(title: "x"), expectedSequence: 0) == .duplicate(of: "bridge"))
            #expect(try await store.latestSequence() == 1)
            #expect(try await store.stories(StoryQuery()).total == 1)
        }
    }

    @Test("A commit placed against an old sequence is refused as stale, and nothing is written")
    func staleCommit() async throws {
        try await TestPostgres.withStore { store, _ in
            _ = try await store.commit(Self.article("a", text: Self.text(1)), placement: .new(title: "A"), expectedSequence: 0)
            let late = Self.article("b", text: Self.text(2))
            #expect(try await store.commit(late, placement: .new(title: "B"), expectedSequence: 0) == .stale(latest: 1))
            #expect(try await store.latestSequence() == 1)
            #expect(try await store.articleID(contentHash: late.contentHash) == nil)
            let log = try await store.clusterLog(after: 0, limit: 10)
            #expect(log.map(\.articleID) == ["a"])
            #expect(try await store.commit(late, placement: .existing(storyID: "s1"), expectedSequence: 1)
                == .stored(articleID: "b", storyID: "s1", sequence: 2))
        }
    }

    @Test("A stored article reads back whole: text, spans, provenance, the map to the original")
    func articleRoundTrip() async throws {
        try await TestPostgres.withStore { store, _ in
            var stored = Self.article("round", outlet: "Caf\u{E9} Ledger", text: Self.text(3) + "\n\n\u{201C}We are ready,\u{201D} said Mayor Ana Ruiz. \u{1F309}")
            stored.article.annotations = ArticleExtractor().annotations(of: stored.article)
            _ = try await store.commit(stored, placement: .new(title: "Round"), expectedSequence: 0)
            let back = try #require(try await store.article(id: "round"))
            #expect(!stored.article.annotations.isEmpty)
            #expect(back.article == stored.article)
            #expect(back.contentHash == stored.contentHash)
            #expect(back.sequence == 1)
            #expect(back.storyID == "s1")
            #expect(back.ingestedAt?.hasSuffix("Z") == true)
            #expect(try await store.articles(inStory: "s1").map(\.id) == ["round"])
            // Annotations of ingest time are kept for queries.
            let kinds = try await store.rows("SELECT kind FROM annotations WHERE article_id = 'round' ORDER BY kind").map { try $0.decode(String.self) }
            #expect(kinds.contains("quotes") || kinds.contains("entities"), "\(kinds)")
        }
    }

    @Test("Text with NUL characters is stored; the snapshot keeps it exactly")
    func nulCharacters() async throws {
        try await TestPostgres.withStore { store, _ in
            var stored = Self.article("nul", text: Self.text(4))
            stored.article.original += "\u{0}tail"
            stored.article.provenance.credits = ["by \u{0}someone"]
            _ = try await store.commit(stored, placement: .new(title: "Nul\u{0}title"), expectedSequence: 0)
            let back = try #require(try await store.article(id: "nul"))
            #expect(back.article.original == stored.article.original)
            #expect(back.article.provenance.credits == ["by \u{0}someone"])
            #expect(try await store.story(id: "s1")?.title == "Nul\u{FFFD}title")
        }
    }

    @Test("Taken ids get a suffix; stories are s1, s2, …; placing into a missing story is an error")
    func idsAndStories() async throws {
        try await TestPostgres.withStore { store, _ in
            _ = try await store.commit(Self.article("same", text: Self.text(1)), placement: .new(title: "One"), expectedSequence: 0)
            let second = try await store.commit(Self.article("same", text: Self.text(2)), placement: .new(title: "Two"), expectedSequence: 1)
            #expect(second == .stored(articleID: "same-2", storyID: "s2", sequence: 2))
            let third = try await store.commit(Self.article("same", text: Self.text(3)), placement: .existing(storyID: "s1"), expectedSequence: 2)
            #expect(third == .stored(articleID: "same-3", storyID: "s1", sequence: 3))
            await #expect(throws: StoreError.unknownStory("s9")) {
                _ = try await store.commit(Self.article("x", text: Self.text(4)), placement: .existing(storyID: "s9"), expectedSequence: 3)
            }
            #expect(try await store.latestSequence() == 3, "the failed commit wrote nothing")
            let s1 = try #require(try await store.story(id: "s1"))
            #expect(s1.articleCount == 2)
            #expect(s1.revision == 2)
            #expect(try await store.articles(after: 1, limit: 10).map(\.id) == ["same-2", "same-3"])
            #expect(try await store.articles(after: 0, limit: 1).map(\.id) == ["same"])
        }
    }

    @Test("Stories page most recently updated first, with outlets by frequency and filters by day and outlet")
    func storyPages() async throws {
        try await TestPostgres.withStore { store, _ in
            let commits: [(String, String?, String?, StoryPlacement)] = [
                ("a1", "Harbor Times", "2026-03-01", .new(title: "Bridge")),
                ("b1", "Valley Ledger", "2026-03-05", .new(title: "Orchard")),
                ("a2", "Coast Post", "2026-03-03T09:30:00Z", .existing(storyID: "s1")),
                ("a3", "Coast Post", nil, .existing(storyID: "s1")),
                ("c1", nil, "2026-02-20", .new(title: "Ferry")),
            ]
            for (index, (id, outlet, published, placement)) in commits.enumerated() {
                let outcome = try await store.commit(
                    Self.article(id, outlet: outlet, published: published, text: Self.text(index + 10)), placement: placement,
                    expectedSequence: Int64(index))
                guard case .stored = outcome else { throw TestFailure("commit \(id): \(outcome)") }
            }
            let all = try await store.stories(StoryQuery())
            #expect(all.total == 3)
            #expect(all.stories.map(\.id) == ["s3", "s1", "s2"])
            let bridge = try #require(all.stories.first { $0.id == "s1" })
            #expect(bridge.outlets == ["Coast Post", "Harbor Times"])
            #expect(bridge.articleCount == 3)
            #expect(bridge.firstPublished == "2026-03-01")
            #expect(bridge.lastPublished == "2026-03-03")
            #expect(try await store.story(id: "s3")?.outlets == [])

            #expect(try await store.stories(StoryQuery(outlet: "coast post")).stories.map(\.id) == ["s1"])
            #expect(try await store.stories(StoryQuery(from: "2026-03-04")).stories.map(\.id) == ["s2"])
            #expect(try await store.stories(StoryQuery(to: "2026-03-01")).stories.map(\.id) == ["s3", "s1"])
            #expect(try await store.stories(StoryQuery(from: "2026-03-02", to: "2026-03-03")).stories.map(\.id) == ["s1"])
            #expect(try await store.stories(StoryQuery(from: "2026-03-02", outlet: "Valley Ledger")).stories.map(\.id) == ["s2"])
            let page = try await store.stories(StoryQuery(limit: 1, offset: 1))
            #expect(page.stories.map(\.id) == ["s1"])
            #expect(page.total == 3)
            #expect(try await store.stories(StoryQuery(limit: 5, offset: 10)) == StoryPage(stories: [], total: 3))
        }
    }

    @Test("A cached briefing is found at its revision only, and an older one never replaces a newer")
    func briefingCache() async throws {
        try await TestPostgres.withStore { store, _ in
            try await store.cacheBriefing(storyID: "s1", revision: 2, format: "md", content: "# two")
            #expect(try await store.cachedBriefing(storyID: "s1", revision: 2, format: "md") == "# two")
            #expect(try await store.cachedBriefing(storyID: "s1", revision: 1, format: "md") == nil)
            #expect(try await store.cachedBriefing(storyID: "s1", revision: 2, format: "html") == nil)
            try await store.cacheBriefing(storyID: "s1", revision: 1, format: "md", content: "# one")
            #expect(try await store.cachedBriefing(storyID: "s1", revision: 2, format: "md") == "# two")
            try await store.cacheBriefing(storyID: "s1", revision: 3, format: "md", content: "# three")
            #expect(try await store.cachedBriefing(storyID: "s1", revision: 3, format: "md") == "# three")
            #expect(try await store.cachedBriefing(storyID: "s1", revision: 2, format: "md") == nil)
        }
    }

    @Test("Six writers committing at once: sequences 1…N without gaps, each article once")
    func concurrentCommits() async throws {
        try await TestPostgres.withStore { store, url in
            let writers = 6
            let perWriter = 8
            // Each writer commits its own articles, and every writer also tries one shared article.
            let shared = Self.article("shared", text: Self.text(999))
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<writers {
                    group.addTask {
                        let own = try await PostgresStore.connect(url)
                        do {
                            var articles = (0..<perWriter).map { Self.article("w\(writer)-\($0)", text: Self.text(100 * writer + $0)) }
                            articles.insert(shared, at: writer % perWriter)
                            for article in articles {
                                var expected = try await own.latestSequence()
                                commitLoop: while true {
                                    switch try await own.commit(article, placement: .new(title: article.id), expectedSequence: expected) {
                                    case .stored, .duplicate: break commitLoop
                                    case .stale(let latest): expected = latest
                                    case .rejected(let reason): throw StoreError.damaged("a writer's article was rejected: \(reason)")
                                    }
                                }
                            }
                        } catch {
                            await own.shutdown()
                            throw error
                        }
                        await own.shutdown()
                    }
                }
                try await group.waitForAll()
            }
            let total = writers * perWriter + 1
            #expect(try await store.latestSequence() == Int64(total))
            let stored = try await store.articles(after: 0, limit: 1000)
            #expect(stored.map(\.sequence) == (1...Int64(total)).map { $0 })
            #expect(Set(stored.map(\.contentHash)).count == total)
            #expect(stored.filter { $0.id.hasPrefix("shared") }.count == 1)
        }
    }

    @Test("Four QueueWorkers ingest one queue: every article stored once, repeats found as duplicates")
    func workersIngestFromTheQueue() async throws {
        try await TestPostgres.withStore { store, url in
            let unique = 40
            var documents = (0..<unique).map { n in
                SourceDocument(
                    suggestedID: "doc-\(n)",
                    provenance: Provenance(origin: .jsonLines, path: "feed.jsonl", line: n + 1, outlet: ["Harbor Times", "Coast Post", "Valley Ledger"][n % 3], published: "2026-03-0\(n % 9 + 1)"),
                    metadata: SourceMetadata(), text: Self.text(n))
            }
            // The same content arriving again from other inputs.
            documents += (0..<20).map { n in
                var copy = documents[n * 2]
                copy.suggestedID = "repeat-\(n)"
                copy.provenance.path = "other.jsonl"
                return copy
            }
            try await store.enqueue(documents.map(QueuedDocument.init))

            let reports = try await withThrowingTaskGroup(of: QueueWorker.Report.self) { group in
                for worker in 0..<4 {
                    group.addTask {
                        // A worker as a separate process would be: its own store, pool and library.
                        let own = try await PostgresStore.connect(url)
                        let worker = QueueWorker(queue: own, library: StoryLibrary(store: own), name: "worker-\(worker)", batchSize: 4)
                        do {
                            let report = try await worker.run()
                            await own.shutdown()
                            return report
                        } catch {
                            await own.shutdown()
                            throw error
                        }
                    }
                }
                return try await group.reduce(into: [QueueWorker.Report]()) { $0.append($1) }
            }
            #expect(reports.map(\.stored).reduce(0, +) == unique)
            #expect(reports.map(\.duplicates).reduce(0, +) == 20)
            #expect(reports.map(\.completed).reduce(0, +) == documents.count)
            #expect(reports.allSatisfy { $0.failed == 0 && $0.leasesLost == 0 })
            #expect(try await store.latestSequence() == Int64(unique))
            let articles = try await store.articles(after: 0, limit: 1000)
            #expect(articles.map(\.sequence) == (1...Int64(unique)).map { $0 })
            #expect(Set(articles.map(\.contentHash)).count == unique)
            #expect(Set(articles.map { $0.article.provenance.line ?? 0 }) == Set(1...unique))
            #expect(try await store.queueCounts() == WorkQueueCounts(done: documents.count))
            let page = try await store.stories(StoryQuery(limit: 1000))
            #expect(page.stories.map(\.articleCount).reduce(0, +) == unique)
        }
    }

    @Test("A worker that dies mid-batch loses nothing: the next worker takes the batch after the lease, each article stored once")
    func workerDiesMidBatch() async throws {
        try await TestPostgres.withStore { store, url in
            let documents = (0..<6).map { n in
                SourceDocument(
                    suggestedID: "crash-\(n)", provenance: Provenance(origin: .jsonLines, path: "feed.jsonl", line: n + 1, outlet: "Coast Post"),
                    metadata: SourceMetadata(), text: Self.text(200 + n))
            }
            try await store.enqueue(documents.map(QueuedDocument.init))

            // The doomed worker claims all six, commits three, and is never heard from again.
            let doomed = try await PostgresStore.connect(url)
            let claimed = try await doomed.claim(limit: 6, worker: "doomed", lease: .seconds(60))
            #expect(claimed.count == 6)
            let partial = try await StoryLibrary(store: doomed).ingest(claimed.prefix(3).map(\.document.sourceDocument))
            #expect(partial.stored == 3)
            await doomed.shutdown()

            // Nothing is ready while its lease runs; then everything is, to the next worker. (The
            // lease is ended by hand rather than waited for, so a slow machine cannot race it.)
            #expect(try await store.claim(limit: 6, worker: "early", lease: .seconds(30)).isEmpty)
            _ = try await store.rows("UPDATE work_queue SET lease_until = now() - interval '1 second' WHERE worker = 'doomed'")
            // Connected through the string factory, as the CLI does (TLS preferred, the server has none).
            let next = try await PostgresStore.connect(url: "postgres://\(url.username)@\(url.host):\(url.port)/\(url.database)")
            let report = try await QueueWorker(queue: next, library: StoryLibrary(store: next), name: "next").run()
            await next.shutdown()
            #expect(report.completed == 6)
            #expect(report.stored == 3)
            #expect(report.duplicates == 3)

            #expect(try await store.latestSequence() == 6)
            let stored = try await store.articles(after: 0, limit: 100)
            #expect(Set(stored.map(\.contentHash)).count == 6)
            #expect(Set(stored.compactMap(\.article.provenance.line)) == Set(1...6))
            #expect(try await store.queueCounts() == WorkQueueCounts(done: 6))
        }
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
