import Foundation
import Synchronization
import Synoptic
import SynopticStoreTestSupport
import SynopticTestSupport
import Testing

@testable import SynopticStore

/// Ingest commits articles in batches (``StoryLibrary/Batching``): what per-article commits
/// promised must hold all the same, and the stories must be the ones per-article commits make.
@Suite struct BatchedIngestTests {
    /// The synthetic corpus as documents, as JSON Lines would give them (path and line each).
    static func documents(_ count: Int, seed: UInt64 = 7) -> [SourceDocument] {
        var documents: [SourceDocument] = []
        SyntheticCorpus(count: count, seed: seed).forEach { item in
            documents.append(
                SourceDocument(
                    suggestedID: item.id,
                    provenance: Provenance(
                        origin: .jsonLines, path: "corpus.jsonl", line: documents.count + 1, outlet: item.outlet, published: item.published),
                    metadata: SourceMetadata(), text: item.text))
        }
        return documents
    }

    /// Each story's id and its article ids in commit order.
    static func membership(_ store: any BriefingStore) async throws -> [String: [String]] {
        var members: [String: [String]] = [:]
        for article in try await store.articles(after: 0, limit: 100_000) { members[article.storyID ?? "", default: []].append(article.id) }
        return members
    }

    static let everything = StoryLibrary.Batching(maxArticles: 100_000, maxDelay: .seconds(3600))

    @Test("batches make the stories per-article commits make, in one ingest or several")
    func sameStoriesAsPerArticle() async throws {
        let documents = Self.documents(400)
        // Split in two ingests, the second places against stories the first stored (each ingest
        // orders its own articles, so each split is compared with per-article commits of itself).
        for split in [documents.count, 150] {
            var reference: [String: [String]]?
            for batching in [StoryLibrary.Batching.perArticle, .init(maxArticles: 7, maxDelay: .seconds(3600)), .init(), Self.everything] {
                let store = InMemoryStore()
                let library = StoryLibrary(store: store, batching: batching)
                let first = try await library.ingest(Array(documents.prefix(split)))
                let second = try await library.ingest(Array(documents.dropFirst(split)))
                #expect(first.stored + second.stored == documents.count)
                let members = try await Self.membership(store)
                guard let reference else {
                    reference = members
                    // The corpus tests placement only if stories gather many articles.
                    #expect(members.count >= 3 && members.values.map(\.count).max() ?? 0 >= 20, "\(members.count) stories")
                    continue
                }
                let differing = Set(reference.keys).union(members.keys).filter { reference[$0] != members[$0] }
                #expect(differing.isEmpty, "batches of \(batching.maxArticles), split at \(split): stories \(differing.sorted()) differ")
            }
        }
    }

    @Test("the same content twice within one batch is stored once")
    func sameContentTwiceInOneBatch() async throws {
        var documents = Self.documents(30)
        var copy = documents[12]
        copy.suggestedID = "a-copy"
        copy.provenance.line = 31
        documents.append(copy)
        documents.append(copy)
        let store = InMemoryStore()
        let library = StoryLibrary(store: store, batching: Self.everything)
        let report = try await library.ingest(documents)
        #expect(report.stored == 30)
        #expect(report.duplicates == 2)
        let original = try #require(
            report.outcomes.compactMap { outcome -> String? in
                guard case .stored(let id, _) = outcome, id == documents[12].suggestedID else { return nil }
                return id
            }.first)
        let duplicates = report.outcomes.compactMap { outcome -> String? in
            guard case .duplicate(_, let of) = outcome else { return nil }
            return of
        }
        #expect(duplicates == [original, original])
        #expect(try await store.latestSequence() == 30)
        #expect(try await store.article(id: "a-copy") == nil)
        // And again: all duplicates.
        let again = try await library.ingest(documents)
        #expect(again.stored == 0 && again.duplicates == 32)
    }

    @Test("an article the store cannot keep is reported with its file; the rest of its batch is stored")
    func rejectedArticle() async throws {
        let documents = Self.documents(60)
        let refused: Set<String> = ["synthetic-00017", "synthetic-00041"]
        let store = RefusingStore(refusing: refused)
        let library = StoryLibrary(store: store, batching: Self.everything)
        let report = try await library.ingest(documents)
        #expect(report.stored == 58)
        let errors = report.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 2)
        for (error, id) in zip(errors.sorted { ($0.line ?? 0) < ($1.line ?? 0) }, refused.sorted()) {
            #expect(error.path == "corpus.jsonl")
            #expect(error.line == Int(id.suffix(5))! + 1)
            #expect(error.reason.contains("\(id): refused by the test"), "\(error)")
        }
        #expect(try await store.latestSequence() == 58)
        // The stories are those of per-article commits through the same store.
        let single = RefusingStore(refusing: refused)
        _ = try await StoryLibrary(store: single, batching: .perArticle).ingest(documents)
        #expect(try await Self.membership(store) == Self.membership(single))
    }

    @Test("progress counts every article once, the last report the whole ingest")
    func progress() async throws {
        let documents = Self.documents(90)
        let store = InMemoryStore()
        _ = try await StoryLibrary(store: store).ingest(Array(documents.prefix(20)))
        let seen = Mutex<[IngestProgress]>([])
        let report = try await StoryLibrary(store: store, batching: .init(maxArticles: 16)).ingest(documents) { progress in
            seen.withLock { $0.append(progress) }
        }
        let reports = seen.withLock { $0 }
        #expect(report.stored == 70 && report.duplicates == 20)
        #expect(reports.last == IngestProgress(done: 90, total: 90, stored: 70, duplicates: 20))
        #expect(zip(reports, reports.dropFirst()).allSatisfy { $0.done < $1.done && $0.stored <= $1.stored })
        #expect(reports.allSatisfy { $0.done == $0.stored + $0.duplicates })
    }

    @Test("two libraries ingesting in batches at once store every article once")
    func twoLibraries() async throws {
        let documents = Self.documents(200)
        let store = InMemoryStore()
        let a = StoryLibrary(store: store, batching: .init(maxArticles: 8))
        let b = StoryLibrary(store: store, batching: .init(maxArticles: 13))
        async let left = a.ingest(documents)
        async let right = b.ingest(documents.reversed())
        let (l, r) = try await (left, right)
        #expect(l.stored + r.stored == 200)
        #expect(l.duplicates + r.duplicates == 200)
        let stored = try await store.articles(after: 0, limit: 1_000)
        #expect(Set(stored.map(\.id)) == Set(documents.map(\.suggestedID)))
        let page = try await store.stories(StoryQuery(limit: 1_000))
        #expect(page.stories.map(\.articleCount).reduce(0, +) == 200)
        // Each clusterer holds exactly the commits it has seen, nothing placed but uncommitted.
        for library in [a, b] {
            let view = await library.clustered
            #expect(view.articles == Int(view.sequence))
        }
    }

    @Test("two ingests on one library at once (the server's requests) take turns and store every article once")
    func oneLibraryTwoIngests() async throws {
        let documents = Self.documents(160)
        // Commits that take a while leave the library free to run the other ingest meanwhile.
        let store = RefusingStore(refusing: [], delay: .milliseconds(5))
        let library = StoryLibrary(store: store, batching: .init(maxArticles: 6))
        async let left = library.ingest(Array(documents.prefix(80)))
        async let right = library.ingest(Array(documents.dropFirst(80)))
        let (l, r) = try await (left, right)
        #expect(l.stored + r.stored == 160)
        #expect(try await store.latestSequence() == 160)
        // The clusterer is the store's: every commit once, no placement of another ingest's
        // uncommitted batch, every story named.
        let view = await library.clustered
        #expect(view.articles == 160 && view.sequence == 160)
        #expect(view.stories == (try await store.stories(StoryQuery(limit: 1)).total))
    }
}

/// An in-memory store that refuses the articles with some ids, as a store refuses an article it
/// cannot keep: the batch ends there, the articles before it are committed. With a delay, each
/// commit waits that long first, as a database's would.
actor RefusingStore: BriefingStore {
    let inner = InMemoryStore()
    let refusing: Set<String>
    let delay: Duration?

    init(refusing: Set<String>, delay: Duration? = nil) {
        self.refusing = refusing
        self.delay = delay
    }

    func commit(_ batch: [BatchArticle], expectedSequence: Int64) async throws -> [CommitOutcome] {
        if let delay { try await Task.sleep(for: delay) }
        guard let bad = batch.firstIndex(where: { refusing.contains($0.article.id) }) else {
            return try await inner.commit(batch, expectedSequence: expectedSequence)
        }
        if bad == 0 {
            if let existing = try await inner.articleID(contentHash: batch[0].article.contentHash) { return [.duplicate(of: existing)] }
            let latest = try await inner.latestSequence()
            if latest != expectedSequence { return [.stale(latest: latest)] }
        }
        let before = try await inner.commit(Array(batch[..<bad]), expectedSequence: expectedSequence)
        guard before.count == bad, before.allSatisfy({ if case .stored = $0 { true } else { false } }) else { return before }
        return before + [.rejected(reason: "article \(batch[bad].article.id): refused by the test")]
    }

    func migrate() async throws { try await inner.migrate() }
    func latestSequence() async throws -> Int64 { try await inner.latestSequence() }
    func articleID(contentHash: String) async throws -> String? { try await inner.articleID(contentHash: contentHash) }
    func clusterLog(after sequence: Int64, limit: Int) async throws -> [ClusterLogEntry] { try await inner.clusterLog(after: sequence, limit: limit) }
    func stories(_ query: StoryQuery) async throws -> StoryPage { try await inner.stories(query) }
    func story(id: String) async throws -> StoredStory? { try await inner.story(id: id) }
    func articles(inStory storyID: String) async throws -> [StoredArticle] { try await inner.articles(inStory: storyID) }
    func article(id: String) async throws -> StoredArticle? { try await inner.article(id: id) }
    func articles(after sequence: Int64, limit: Int) async throws -> [StoredArticle] { try await inner.articles(after: sequence, limit: limit) }
    func cachedBriefing(storyID: String, revision: Int64, format: String) async throws -> String? {
        try await inner.cachedBriefing(storyID: storyID, revision: revision, format: format)
    }
    func cacheBriefing(storyID: String, revision: Int64, format: String, content: String) async throws {
        try await inner.cacheBriefing(storyID: storyID, revision: revision, format: format, content: content)
    }
    func recordVersions(storyID: String, revision: Int64, groups: [[String]]) async throws {
        try await inner.recordVersions(storyID: storyID, revision: revision, groups: groups)
    }
    func versions(storyID: String) async throws -> [VersionLink] { try await inner.versions(storyID: storyID) }
}
