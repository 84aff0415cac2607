import Foundation
import Synoptic
import SynopticStore

/// The contract of ``BriefingStore`` as checks any implementation must pass: the SQLite and the
/// PostgreSQL stores (and the in-memory one) run the very same list.
///
/// It is a plain library, not a test target, so every store's test target can run it; the checks
/// throw ``ConformanceFailure`` rather than calling `#expect`, and a test target runs them as one
/// parameterized test, one case per check:
///
/// ```swift
/// @Test("SQLite keeps the store contract", arguments: StoreConformance.checks)
/// func conformance(_ check: StoreConformance.Check) async throws {
///     try await check.run(on: try SQLiteStore(path: freshFile))
/// }
/// ```
///
/// Each check is given a fresh store on which ``BriefingStore/migrate()`` has not run.
public enum StoreConformance {
    /// One property of the contract.
    public struct Check: Sendable, CustomStringConvertible {
        public let name: String
        let body: @Sendable (any BriefingStore) async throws -> Void

        public var description: String { name }

        public func run(on store: any BriefingStore) async throws { try await body(store) }
    }

    /// Every check, in a stable order.
    public static let checks: [Check] = [
        Check(name: "migrating twice is harmless", body: migrateTwice),
        Check(name: "an empty store has sequence 0 and no stories", body: emptyStore),
        Check(name: "the same content twice is stored once", body: duplicateContent),
        Check(name: "a commit against a stale sequence writes nothing", body: staleSequence),
        Check(name: "a taken article id gets a suffix", body: uniqueIDs),
        Check(name: "an article joins an existing story and raises its revision", body: existingStory),
        Check(name: "stories are paged, most recently updated first", body: paging),
        Check(name: "stories are filtered by publication day", body: dateFilter),
        Check(name: "stories are filtered by outlet, case aside", body: outletFilter),
        Check(name: "a newer revision replaces a cached briefing", body: briefingCache),
        Check(name: "recorded versions are replaced by a newer revision only", body: recordedVersions),
        Check(name: "articles(after:) and the cluster log follow commit order", body: commitOrder),
        Check(name: "an article round-trips whole", body: roundTrip),
        Check(name: "concurrent writers lose and double nothing", body: concurrentWriters),
        Check(name: "a batch commits in order, with stories begun in it", body: batchCommit),
        Check(name: "a batch stops at a duplicate, of the store or of itself", body: batchDuplicates),
        Check(name: "a stale batch writes nothing", body: staleBatch),
        Check(name: "an unstorable article ends its batch; the articles before it are stored", body: batchRejection),
        Check(name: "a batch that throws writes none of its articles", body: batchAllOrNothing),
        Check(name: "concurrent batch writers lose and double nothing", body: concurrentBatchWriters),
    ]

    // MARK: - Checks

    static func migrateTwice(_ store: any BriefingStore) async throws {
        try await store.migrate()
        _ = try await commitNew(store, StoreFixtures.article(1))
        try await store.migrate()
        try require(try await store.latestSequence() == 1, "a second migration lost the committed article")
        try require(try await store.article(id: "report-1") != nil, "a second migration lost report-1")
    }

    static func emptyStore(_ store: any BriefingStore) async throws {
        try await store.migrate()
        try require(try await store.latestSequence() == 0, "an empty store's latest sequence is not 0")
        let page = try await store.stories(StoryQuery())
        try require(page.stories.isEmpty && page.total == 0, "an empty store lists stories")
        try require(try await store.article(id: "nothing") == nil, "an empty store found an article")
        try require(try await store.story(id: "nothing") == nil, "an empty store found a story")
        try require(try await store.clusterLog(after: 0, limit: 10).isEmpty, "an empty store has a cluster log")
    }

    static func duplicateContent(_ store: any BriefingStore) async throws {
        try await store.migrate()
        let first = StoreFixtures.article(1)
        let (id, _) = try await commitNew(store, first)
        var copy = first
        copy.article.id = "another-name"
        let outcome = try await store.commit(copy, placement: .new(title: "Copy"), expectedSequence: 1)
        try require(outcome == .duplicate(of: id), "a second commit of the same content answered \(outcome)")
        try require(try await store.latestSequence() == 1, "a duplicate advanced the sequence")
        try require(try await store.article(id: "another-name") == nil, "a duplicate was stored under its own id")
        try require(try await store.stories(StoryQuery()).total == 1, "a duplicate made a story")
        try require(try await store.articleID(contentHash: first.contentHash) == id, "articleID(contentHash:) does not find the stored article")
        try require(try await store.articleID(contentHash: "0000") == nil, "articleID(contentHash:) found an unknown hash")
        let ids = try await store.articleIDs(contentHashes: ["0000", first.contentHash, first.contentHash])
        try require(ids == [first.contentHash: id], "articleIDs(contentHashes:) answered \(ids)")
        try require(try await store.articleIDs(contentHashes: []).isEmpty, "articleIDs(contentHashes:) of nothing found something")
    }

    static func staleSequence(_ store: any BriefingStore) async throws {
        try await store.migrate()
        _ = try await commitNew(store, StoreFixtures.article(1))
        _ = try await commitNew(store, StoreFixtures.article(2))
        let outcome = try await store.commit(StoreFixtures.article(3), placement: .new(title: "Late"), expectedSequence: 1)
        try require(outcome == .stale(latest: 2), "a commit expecting sequence 1 after 2 commits answered \(outcome)")
        try require(try await store.article(id: "report-3") == nil, "a stale commit stored its article")
        try require(try await store.stories(StoryQuery()).total == 2, "a stale commit made a story")
        let retried = try await store.commit(StoreFixtures.article(3), placement: .new(title: "Late"), expectedSequence: 2)
        guard case .stored(_, _, 3) = retried else { throw failure("the retry at the latest sequence answered \(retried)") }
    }

    static func uniqueIDs(_ store: any BriefingStore) async throws {
        try await store.migrate()
        let (first, _) = try await commitNew(store, StoreFixtures.article(1, id: "report"))
        let (second, _) = try await commitNew(store, StoreFixtures.article(2, id: "report"))
        let (third, _) = try await commitNew(store, StoreFixtures.article(3, id: "report"))
        try require(first == "report", "the first article lost its id: \(first)")
        try require(Set([first, second, third]).count == 3, "ids were not made unique: \(first), \(second), \(third)")
        let stored = try await store.article(id: second)
        try require(stored?.article.id == second, "the article stored under \(second) carries id \(stored?.article.id ?? "nil")")
        try require(stored?.contentHash == StoreFixtures.article(2).contentHash, "\(second) is not the second article")
    }

    static func existingStory(_ store: any BriefingStore) async throws {
        try await store.migrate()
        let (_, storyID) = try await commitNew(store, StoreFixtures.article(1, outlet: "Wire", published: "2024-03-02"))
        let before = try require(try await store.story(id: storyID), "the new story \(storyID) is not stored")
        try require(before.articleCount == 1 && before.title == "Story of report-1", "the new story's row is wrong: \(before)")
        let outcome = try await store.commit(
            StoreFixtures.article(2, outlet: "Herald", published: "2024-03-05T10:00:00Z"), placement: .existing(storyID: storyID), expectedSequence: 1
        )
        guard case .stored(_, storyID, 2) = outcome else { throw failure("joining \(storyID) answered \(outcome)") }
        _ = try await store.commit(
            StoreFixtures.article(3, outlet: "Wire", published: "2024-02-28"), placement: .existing(storyID: storyID), expectedSequence: 2)
        let after = try require(try await store.story(id: storyID), "the story vanished")
        try require(after.articleCount == 3, "article count \(after.articleCount), expected 3")
        try require(after.revision > before.revision, "the revision did not rise: \(before.revision) → \(after.revision)")
        try require(after.outlets == ["Wire", "Herald"], "outlets \(after.outlets), expected the most frequent first")
        try require(
            after.firstPublished == "2024-02-28" && after.lastPublished == "2024-03-05",
            "dates \(after.firstPublished ?? "nil")…\(after.lastPublished ?? "nil")")
        let members = try await store.articles(inStory: storyID).map(\.id)
        try require(members == ["report-1", "report-2", "report-3"], "members \(members), expected commit order")
        try require(try await store.stories(StoryQuery()).total == 1, "joining a story made a new one")
    }

    static func paging(_ store: any BriefingStore) async throws {
        try await store.migrate()
        var ids: [String] = []
        for n in 1...5 { ids.append(try await commitNew(store, StoreFixtures.article(n)).storyID) }
        // Touch the first story last: it moves to the top.
        _ = try await store.commit(StoreFixtures.article(6), placement: .existing(storyID: ids[0]), expectedSequence: 5)
        let expected = [ids[0], ids[4], ids[3], ids[2], ids[1]]
        let first = try await store.stories(StoryQuery(limit: 2, offset: 0))
        let second = try await store.stories(StoryQuery(limit: 2, offset: 2))
        let third = try await store.stories(StoryQuery(limit: 2, offset: 4))
        try require(first.total == 5 && second.total == 5 && third.total == 5, "totals \(first.total), \(second.total), \(third.total)")
        let listed = (first.stories + second.stories + third.stories).map(\.id)
        try require(listed == expected, "pages list \(listed), expected \(expected)")
        try require(try await store.stories(StoryQuery(limit: 2, offset: 10)).stories.isEmpty, "a page past the end is not empty")
    }

    static func dateFilter(_ store: any BriefingStore) async throws {
        try await store.migrate()
        let (_, march) = try await commitNew(store, StoreFixtures.article(1, published: "2024-03-02"))
        let (_, april) = try await commitNew(store, StoreFixtures.article(2, published: "2024-04-10T08:00:00Z"))
        let (_, undated) = try await commitNew(store, StoreFixtures.article(3, published: nil))
        // A story spanning both months.
        let (_, both) = try await commitNew(store, StoreFixtures.article(4, published: "2024-03-30"))
        _ = try await store.commit(StoreFixtures.article(5, published: "2024-04-02"), placement: .existing(storyID: both), expectedSequence: 4)

        func ids(_ query: StoryQuery) async throws -> Set<String> { Set(try await store.stories(query).stories.map(\.id)) }
        let fromApril = try await ids(StoryQuery(from: "2024-04-01"))
        try require(fromApril == [april, both], "from 2024-04-01: \(fromApril)")
        let toMarch = try await ids(StoryQuery(to: "2024-03-31"))
        try require(toMarch == [march, both], "to 2024-03-31: \(toMarch)")
        let oneDay = try await ids(StoryQuery(from: "2024-03-02", to: "2024-03-02"))
        try require(oneDay == [march], "on 2024-03-02: \(oneDay)")
        let inclusive = try await ids(StoryQuery(from: "2024-04-10", to: "2024-04-10"))
        try require(inclusive == [april], "a timestamped article on the last day is out: \(inclusive)")
        let page = try await store.stories(StoryQuery(from: "2024-01-01"))
        try require(page.total == 3 && !page.stories.map(\.id).contains(undated), "undated stories pass a date filter: \(page.stories.map(\.id))")
    }

    static func outletFilter(_ store: any BriefingStore) async throws {
        try await store.migrate()
        let (_, wire) = try await commitNew(store, StoreFixtures.article(1, outlet: "Wire Service"))
        let (_, mixed) = try await commitNew(store, StoreFixtures.article(2, outlet: "Herald"))
        _ = try await store.commit(StoreFixtures.article(3, outlet: "Wire Service"), placement: .existing(storyID: mixed), expectedSequence: 2)
        _ = try await commitNew(store, StoreFixtures.article(4, outlet: nil))
        let page = try await store.stories(StoryQuery(outlet: "wire service"))
        try require(page.total == 2 && Set(page.stories.map(\.id)) == [wire, mixed], "outlet 'wire service': \(page.stories.map(\.id))")
        let herald = try await store.stories(StoryQuery(outlet: "Herald"))
        try require(herald.stories.map(\.id) == [mixed], "outlet Herald: \(herald.stories.map(\.id))")
        try require(try await store.stories(StoryQuery(outlet: "Nobody")).total == 0, "an unknown outlet matched")
        let both = try await store.stories(StoryQuery(from: "2024-01-01", outlet: "Herald"))
        try require(both.stories.map(\.id) == [mixed], "outlet and date together: \(both.stories.map(\.id))")
    }

    static func briefingCache(_ store: any BriefingStore) async throws {
        try await store.migrate()
        let (_, storyID) = try await commitNew(store, StoreFixtures.article(1))
        try require(try await store.cachedBriefing(storyID: storyID, revision: 1, format: "md") == nil, "a briefing was cached before any")
        try await store.cacheBriefing(storyID: storyID, revision: 1, format: "md", content: "# one")
        try await store.cacheBriefing(storyID: storyID, revision: 1, format: "json", content: "{}")
        try require(try await store.cachedBriefing(storyID: storyID, revision: 1, format: "md") == "# one", "the cached briefing is not returned")
        try require(try await store.cachedBriefing(storyID: storyID, revision: 2, format: "md") == nil, "a briefing answered for another revision")
        try await store.cacheBriefing(storyID: storyID, revision: 2, format: "md", content: "# two")
        try require(try await store.cachedBriefing(storyID: storyID, revision: 2, format: "md") == "# two", "the newer briefing is not returned")
        try require(
            try await store.cachedBriefing(storyID: storyID, revision: 1, format: "md") == nil, "the older briefing was kept beside the newer")
        try require(try await store.cachedBriefing(storyID: storyID, revision: 1, format: "json") == "{}", "another format's briefing was dropped")
        try await store.cacheBriefing(storyID: storyID, revision: 2, format: "md", content: "# two again")
        try require(
            try await store.cachedBriefing(storyID: storyID, revision: 2, format: "md") == "# two again", "the same revision was not replaced")
    }

    static func recordedVersions(_ store: any BriefingStore) async throws {
        try await store.migrate()
        let (first, storyID) = try await commitNew(store, StoreFixtures.article(1))
        var ids = [first]
        for n in 2...4 {
            let latest = try await store.latestSequence()
            guard
                case .stored(let id, _, _) = try await store.commit(
                    StoreFixtures.article(n), placement: .existing(storyID: storyID), expectedSequence: latest)
            else {
                throw failure("article \(n) was not stored")
            }
            ids.append(id)
        }
        try require(try await store.versions(storyID: storyID).isEmpty, "versions before any were recorded")
        try await store.recordVersions(storyID: storyID, revision: 3, groups: [[ids[0], ids[1], ids[2]]])
        let recorded = try await store.versions(storyID: storyID)
        try require(
            recorded == [
                VersionLink(storyID: storyID, revision: 3, earlierID: ids[0], laterID: ids[1]),
                VersionLink(storyID: storyID, revision: 3, earlierID: ids[1], laterID: ids[2]),
            ], "the recorded links are \(recorded)")
        // A newer revision replaces them, even with none; an older one then changes nothing.
        try await store.recordVersions(storyID: storyID, revision: 4, groups: [])
        try require(try await store.versions(storyID: storyID).isEmpty, "a newer record without links kept the older links")
        try await store.recordVersions(storyID: storyID, revision: 3, groups: [[ids[0], ids[3]]])
        try require(try await store.versions(storyID: storyID).isEmpty, "an older revision replaced a newer record")
        try await store.recordVersions(storyID: storyID, revision: 4, groups: [[ids[3], ids[0]], [ids[1], ids[2]]])
        let again = try await store.versions(storyID: storyID)
        try require(
            again.map(\.earlierID) == [ids[3], ids[1]] && again.map(\.laterID) == [ids[0], ids[2]], "the same revision did not replace: \(again)")
        try require(try await store.versions(storyID: "no-such-story").isEmpty, "links for a story that does not exist")
    }

    static func commitOrder(_ store: any BriefingStore) async throws {
        try await store.migrate()
        var expected: [String] = []
        var storyOf: [String: String] = [:]
        var last = ""
        for n in 1...7 {
            let fixture = StoreFixtures.article(n, published: "2024-05-0\(n)")
            let placement: StoryPlacement = n % 3 == 0 ? .existing(storyID: last) : .new(title: "Story \(n)")
            let outcome = try await store.commit(fixture, placement: placement, expectedSequence: Int64(n - 1))
            guard case .stored(let id, let storyID, let sequence) = outcome, sequence == Int64(n) else {
                throw failure("commit \(n) answered \(outcome)")
            }
            expected.append(id)
            storyOf[id] = storyID
            last = storyID
        }
        let all = try await store.articles(after: 0, limit: 100)
        try require(all.map(\.id) == expected, "articles(after: 0) lists \(all.map(\.id)), expected \(expected)")
        try require(all.map(\.sequence) == Array(1...7), "sequences \(all.map(\.sequence))")
        let tail = try await store.articles(after: 4, limit: 2)
        try require(tail.map(\.id) == Array(expected[4..<6]), "articles(after: 4, limit: 2) lists \(tail.map(\.id))")
        let log = try await store.clusterLog(after: 2, limit: 100)
        try require(log.map(\.articleID) == Array(expected[2...]), "clusterLog(after: 2) lists \(log.map(\.articleID))")
        for entry in log {
            try require(entry.storyID == storyOf[entry.articleID], "the log puts \(entry.articleID) in \(entry.storyID)")
            let fixture = StoreFixtures.article(Int(entry.sequence)).article
            try require(entry.title == fixture.title, "the log's title for \(entry.articleID) is \(entry.title ?? "nil")")
            try require(entry.paragraphs == fixture.paragraphTexts.map(String.init), "the log's paragraphs for \(entry.articleID) differ")
            try require(entry.published == "2024-05-0\(entry.sequence)", "the log's date for \(entry.articleID) is \(entry.published ?? "nil")")
        }
        for stored in all {
            try require(stored.storyID == storyOf[stored.id], "\(stored.id) is stored in \(stored.storyID ?? "nil")")
            try require(stored.ingestedAt != nil, "\(stored.id) has no ingestedAt")
        }
    }

    static func roundTrip(_ store: any BriefingStore) async throws {
        try await store.migrate()
        let fixture = StoreFixtures.annotatedArticle()
        let outcome = try await store.commit(fixture, placement: .new(title: "Harbor"), expectedSequence: 0)
        guard case .stored(let id, _, _) = outcome else { throw failure("commit answered \(outcome)") }
        let stored = try require(try await store.article(id: id), "the article is not stored")
        try require(stored.contentHash == fixture.contentHash, "the content hash changed")
        // The annotations of ingest time come back as they were committed (a briefing runs
        // extraction again, but a query or an export reads these); so must everything else.
        let a = stored.article, b = fixture.article
        try require(!b.annotations.isEmpty, "the fixture carries no annotations to test")
        try require(a.annotations == b.annotations, "the annotations changed")
        try require(a.original == b.original, "the original text changed")
        try require(a.body == b.body, "the clean text changed")
        try require(a.provenance == b.provenance, "the provenance changed: \(a.provenance)")
        try require(a.blocks == b.blocks && a.sentences == b.sentences, "blocks or sentences changed")
        try require(a.removed == b.removed, "removals changed")
        try require(a.sourceMap == b.sourceMap, "the source map changed")
        try require(a == b, "the article read back differs from the one stored")
    }

    static func concurrentWriters(_ store: any BriefingStore) async throws {
        try await store.migrate()
        // Four writers race over 40 articles, each retrying stale commits and re-offering every
        // article (so half of the offers are duplicates of another writer's).
        let fixtures = (1...40).map { StoreFixtures.article($0) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<4 {
                group.addTask {
                    for fixture in writer % 2 == 0 ? fixtures : fixtures.reversed() {
                        while true {
                            let latest = try await store.latestSequence()
                            let outcome = try await store.commit(fixture, placement: .new(title: fixture.id), expectedSequence: latest)
                            if case .stale = outcome { continue }
                            break
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        let all = try await store.articles(after: 0, limit: 1000)
        try require(all.count == 40, "\(all.count) articles stored, expected 40")
        try require(Set(all.map(\.contentHash)).count == 40, "an article was stored twice")
        try require(all.map(\.sequence) == Array(1...40), "sequences have gaps or repeats")
        try require(try await store.stories(StoryQuery(limit: 100)).total == 40, "stories and articles disagree")
    }

    static func batchCommit(_ store: any BriefingStore) async throws {
        try await store.migrate()
        try require(try await store.commit([], expectedSequence: 0).isEmpty, "an empty batch answered something")
        let (_, old) = try await commitNew(store, StoreFixtures.article(1, outlet: "Wire", published: "2024-03-02"))
        let batch = [
            BatchArticle(StoreFixtures.article(2, outlet: "Herald", published: "2024-03-03"), placement: .new(title: "Begun in the batch")),
            BatchArticle(StoreFixtures.article(3, outlet: "Wire", published: "2024-03-05"), placement: .existing(storyID: old)),
            BatchArticle(StoreFixtures.article(4, outlet: "Wire", published: "2024-03-01"), placement: .withBatchArticle(0)),
            BatchArticle(StoreFixtures.article(5, outlet: "Herald", published: "2024-03-04"), placement: .withBatchArticle(1)),
            BatchArticle(StoreFixtures.article(6, id: "report-2"), placement: .new(title: "Another")),
        ]
        let outcomes = try await store.commit(batch, expectedSequence: 1)
        try require(outcomes.count == 5, "a batch of 5 answered \(outcomes)")
        var ids: [String] = []
        var stories: [String] = []
        for (n, outcome) in outcomes.enumerated() {
            guard case .stored(let id, let storyID, let sequence) = outcome, sequence == Int64(n + 2) else {
                throw failure("article \(n) of the batch answered \(outcome)")
            }
            ids.append(id)
            stories.append(storyID)
        }
        try require(ids[4] != "report-2" && ids[4].hasPrefix("report-2"), "a taken id in a batch was not made unique: \(ids[4])")
        try require(stories[1] == old && stories[3] == old, "articles placed in \(old) went to \(stories)")
        try require(stories[2] == stories[0] && stories[0] != old, "an article placed with a story begun in the batch went to \(stories)")
        try require(Set(stories).count == 3, "the batch made \(Set(stories).count - 1) new stories, expected 2")
        try require(try await store.latestSequence() == 6, "the batch did not advance the sequence to 6")
        let begun = try require(try await store.story(id: stories[0]), "the story begun in the batch is not stored")
        try require(begun.title == "Begun in the batch" && begun.articleCount == 2, "the story begun in the batch: \(begun)")
        try require(begun.outlets == ["Herald", "Wire"], "its outlets \(begun.outlets)")
        try require(
            begun.firstPublished == "2024-03-01" && begun.lastPublished == "2024-03-03",
            "its days \(begun.firstPublished ?? "nil")…\(begun.lastPublished ?? "nil")")
        let joined = try require(try await store.story(id: old), "the older story vanished")
        try require(joined.articleCount == 3 && joined.revision == 3, "the older story after the batch: \(joined)")
        try require(joined.outlets == ["Wire", "Herald"], "its outlets \(joined.outlets)")
        try require(try await store.articles(inStory: old).map(\.id) == ["report-1", ids[1], ids[3]], "its members are not in commit order")
        let log = try await store.clusterLog(after: 1, limit: 10)
        try require(log.map(\.articleID) == ids && log.map(\.storyID) == stories, "the cluster log after the batch: \(log.map(\.articleID))")
        try require(try await store.stories(StoryQuery()).stories.first?.id == stories[4], "the last story the batch touched is not listed first")
    }

    static func batchDuplicates(_ store: any BriefingStore) async throws {
        try await store.migrate()
        let (first, _) = try await commitNew(store, StoreFixtures.article(1))
        // The same content twice in one batch: the second is a duplicate of the first, and the
        // batch ends there (the article after it is neither written nor answered).
        var copy = StoreFixtures.article(2)
        copy.article.id = "copy-of-2"
        let outcomes = try await store.commit(
            [
                BatchArticle(StoreFixtures.article(2), placement: .new(title: "Two")),
                BatchArticle(StoreFixtures.article(3), placement: .withBatchArticle(0)),
                BatchArticle(copy, placement: .withBatchArticle(0)),
                BatchArticle(StoreFixtures.article(4), placement: .withBatchArticle(0)),
            ], expectedSequence: 1)
        try require(outcomes.count == 3, "the batch answered \(outcomes), expected it to stop at the copy")
        guard case .stored(let second, _, 2) = outcomes[0], case .stored(_, _, 3) = outcomes[1] else {
            throw failure("the batch answered \(outcomes)")
        }
        try require(outcomes[2] == .duplicate(of: second), "the copy in the batch answered \(outcomes[2])")
        try require(try await store.latestSequence() == 3, "the batch did not commit exactly the two articles before the copy")
        try require(try await store.article(id: "copy-of-2") == nil, "the copy was stored")
        try require(try await store.article(id: "report-4") == nil, "the article past the duplicate was stored")
        // A batch whose first article is stored answers the duplicate, even when it is behind.
        let behind = try await store.commit(
            [
                BatchArticle(StoreFixtures.article(1), placement: .new(title: "One")),
                BatchArticle(StoreFixtures.article(4), placement: .new(title: "Four")),
            ],
            expectedSequence: 0)
        try require(behind == [.duplicate(of: first)], "a batch led by stored content, behind, answered \(behind)")
        // Stored content later in a batch ends it there; the articles before it are committed.
        let later = try await store.commit(
            [
                BatchArticle(StoreFixtures.article(4), placement: .new(title: "Four")),
                BatchArticle(StoreFixtures.article(1), placement: .new(title: "One")),
            ],
            expectedSequence: 3)
        guard later.count == 2, case .stored(_, _, 4) = later[0], later[1] == .duplicate(of: first) else {
            throw failure("the batch answered \(later)")
        }
        try require(try await store.stories(StoryQuery()).total == 3, "duplicates made stories")
    }

    static func staleBatch(_ store: any BriefingStore) async throws {
        try await store.migrate()
        _ = try await commitNew(store, StoreFixtures.article(1))
        _ = try await commitNew(store, StoreFixtures.article(2))
        let outcomes = try await store.commit(
            [
                BatchArticle(StoreFixtures.article(3), placement: .new(title: "Three")),
                BatchArticle(StoreFixtures.article(4), placement: .withBatchArticle(0)),
            ],
            expectedSequence: 1)
        try require(outcomes == [.stale(latest: 2)], "a batch expecting sequence 1 after 2 commits answered \(outcomes)")
        try require(try await store.latestSequence() == 2, "a stale batch advanced the sequence")
        try require(try await store.article(id: "report-3") == nil, "a stale batch stored its first article")
        try require(try await store.article(id: "report-4") == nil, "a stale batch stored its second article")
        try require(try await store.stories(StoryQuery()).total == 2, "a stale batch made a story")
    }

    static func batchRejection(_ store: any BriefingStore) async throws {
        try await store.migrate()
        let bad = StoreFixtures.unstorableArticle()
        let outcomes = try await store.commit(
            [
                BatchArticle(StoreFixtures.article(1), placement: .new(title: "One")),
                BatchArticle(bad, placement: .withBatchArticle(0)),
                BatchArticle(StoreFixtures.article(2), placement: .withBatchArticle(0)),
            ], expectedSequence: 0)
        try require(outcomes.count == 2, "the batch answered \(outcomes), expected it to stop at the unstorable article")
        guard case .stored(let first, let storyID, 1) = outcomes[0] else { throw failure("the first article answered \(outcomes[0])") }
        guard case .rejected(let reason) = outcomes[1] else { throw failure("the unstorable article answered \(outcomes[1])") }
        try require(reason.contains("unstorable") && reason.contains("outside"), "the reason does not name the article and the problem: \(reason)")
        try require(try await store.latestSequence() == 1, "the rejected article or the one after it advanced the sequence")
        try require(try await store.article(id: first) != nil, "the article before the unstorable one is not stored")
        try require(try await store.article(id: "unstorable") == nil, "the unstorable article was stored")
        try require(try await store.articleID(contentHash: bad.contentHash) == nil, "the unstorable article's hash was stored")
        try require(try await store.story(id: storyID)?.articleCount == 1, "the story counts the rejected article")
        // Alone, it is rejected too, and nothing is written.
        let alone = try await store.commit(bad, placement: .new(title: "Bad"), expectedSequence: 1)
        guard case .rejected = alone else { throw failure("the unstorable article alone answered \(alone)") }
        try require(try await store.stories(StoryQuery()).total == 1, "a rejected article made a story")
    }

    static func batchAllOrNothing(_ store: any BriefingStore) async throws {
        try await store.migrate()
        _ = try await commitNew(store, StoreFixtures.article(1))
        // The second article names a story that does not exist: the whole batch is refused, the
        // first article and its new story with it.
        var refused = false
        do {
            _ = try await store.commit(
                [
                    BatchArticle(StoreFixtures.article(2), placement: .new(title: "Two")),
                    BatchArticle(StoreFixtures.article(3), placement: .existing(storyID: "no-such-story")),
                ], expectedSequence: 1)
        } catch {
            refused = true
        }
        try require(refused, "a batch placing an article in a story that does not exist was accepted")
        refused = false
        do {
            _ = try await store.commit(
                [
                    BatchArticle(StoreFixtures.article(2), placement: .new(title: "Two")),
                    BatchArticle(StoreFixtures.article(3), placement: .withBatchArticle(1)),
                ], expectedSequence: 1)
        } catch {
            refused = true
        }
        try require(refused, "a batch placing an article with itself was accepted")
        try require(try await store.latestSequence() == 1, "a refused batch advanced the sequence")
        try require(try await store.article(id: "report-2") == nil, "an article of a refused batch was stored")
        try require(try await store.articleID(contentHash: StoreFixtures.article(2).contentHash) == nil, "an article of a refused batch was stored")
        try require(try await store.stories(StoryQuery()).total == 1, "a refused batch made a story")
        // The store still takes the same articles afterwards.
        let outcomes = try await store.commit(
            [
                BatchArticle(StoreFixtures.article(2), placement: .new(title: "Two")),
                BatchArticle(StoreFixtures.article(3), placement: .withBatchArticle(0)),
            ],
            expectedSequence: 1)
        guard outcomes.count == 2, case .stored(_, _, 2) = outcomes[0], case .stored(_, _, 3) = outcomes[1] else {
            throw failure("the batch after a refused one answered \(outcomes)")
        }
    }

    static func concurrentBatchWriters(_ store: any BriefingStore) async throws {
        try await store.migrate()
        // Four writers race over 60 articles in batches of 7, each re-offering every article; a
        // writer drops what the store settled and offers the rest again from its next sequence.
        let fixtures = (1...60).map { StoreFixtures.article($0) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<4 {
                group.addTask {
                    var queue = writer % 2 == 0 ? fixtures : fixtures.reversed()
                    while !queue.isEmpty {
                        let batch = queue.prefix(7).enumerated().map { n, fixture in
                            BatchArticle(fixture, placement: n == 0 ? .new(title: fixture.id) : .withBatchArticle(n - 1))
                        }
                        let latest = try await store.latestSequence()
                        let outcomes = try await store.commit(batch, expectedSequence: latest)
                        if case .stale = outcomes.first { continue }
                        for outcome in outcomes {
                            switch outcome {
                            case .stored, .duplicate: break
                            case .stale, .rejected: throw StoreConformance.failure("a writer's batch answered \(outcome)")
                            }
                        }
                        queue.removeFirst(outcomes.count)
                    }
                }
            }
            try await group.waitForAll()
        }
        let all = try await store.articles(after: 0, limit: 1000)
        try require(all.count == 60, "\(all.count) articles stored, expected 60")
        try require(Set(all.map(\.contentHash)).count == 60, "an article was stored twice")
        try require(all.map(\.sequence) == Array(1...60), "sequences have gaps or repeats")
        let page = try await store.stories(StoryQuery(limit: 100))
        try require(page.stories.map(\.articleCount).reduce(0, +) == 60, "story counts do not sum to the articles")
    }

    // MARK: - Helpers

    /// Commits `fixture` as a new story at the latest sequence; fails unless it is stored.
    @discardableResult
    static func commitNew(_ store: any BriefingStore, _ fixture: StoredArticle) async throws -> (id: String, storyID: String) {
        let latest = try await store.latestSequence()
        let outcome = try await store.commit(fixture, placement: .new(title: "Story of \(fixture.id)"), expectedSequence: latest)
        guard case .stored(let id, let storyID, _) = outcome else { throw failure("committing \(fixture.id) answered \(outcome)") }
        return (id, storyID)
    }

    static func require(_ condition: Bool, _ message: @autoclosure () -> String, line: Int = #line) throws {
        if !condition { throw failure(message(), line: line) }
    }

    static func require<T>(_ value: T?, _ message: @autoclosure () -> String, line: Int = #line) throws -> T {
        guard let value else { throw failure(message(), line: line) }
        return value
    }

    static func failure(_ message: String, line: Int = #line) -> ConformanceFailure {
        ConformanceFailure(message: message, line: line)
    }
}

/// A broken promise of the store contract, with the line of the check that saw it.
public struct ConformanceFailure: Error, CustomStringConvertible {
    public var message: String
    public var line: Int
    public var description: String { "StoreConformance.swift:\(line): \(message)" }
}
