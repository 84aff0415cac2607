import Foundation
import Synoptic

/// Articles in a store, grouped into stories as they arrive, with each story's briefing.
///
/// The CLI (`ingest`, `stories`, `show`, `export`), the server and `watch` all go through a
/// library, whatever store is under it. Ingest cleans a batch the way `brief` does, skips content
/// already stored, annotates each new article, places it in a story with a ``StoryClusterer`` that
/// mirrors the store's committed placements, and commits the articles in batches of up to
/// ``Batching/maxArticles`` (or what ``Batching/maxDelay`` gathers), each batch one transaction.
/// An article is placed against the stories with every earlier article of its batch already in
/// them, so the stories are the ones per-article commits make.
/// Several libraries (several processes, on one PostgreSQL database) can ingest at once: a batch
/// placed against an outdated view of the stories is refused by the store, and the library catches
/// up with what the others committed and places the batch again.
///
/// ```swift
/// let library = StoryLibrary(store: InMemoryStore())
/// let report = try await library.ingest(paths: ["Examples/harbor-bridge"])
/// let page = try await library.stories(StoryQuery())
/// let markdown = try await library.briefing(storyID: page.stories[0].id, format: .markdown)
/// ```
public actor StoryLibrary {
    /// How many articles an ingest commits together, in one transaction.
    ///
    /// One transaction per article paid the commit's fixed cost (SQLite rewriting the story and
    /// index pages into its log) for every article; a batch pays it once. What a batch risks is
    /// only time: a process killed before the batch commits loses its uncommitted articles, which
    /// a re-run stores (ingest is idempotent); nothing is ever half-written.
    public struct Batching: Hashable, Sendable {
        /// Articles per transaction at most (1: each article on its own).
        public var maxArticles: Int
        /// How long the first article of a batch waits for the others at most, so that a slow
        /// stream of articles (a feed, a large batch of pages) still reaches readers promptly.
        public var maxDelay: Duration

        public init(maxArticles: Int = 64, maxDelay: Duration = .milliseconds(250)) {
            self.maxArticles = max(1, maxArticles)
            self.maxDelay = maxDelay
        }

        /// One transaction per article, as every ingest committed until batches.
        public static let perArticle = Batching(maxArticles: 1)
    }

    public nonisolated let store: any BriefingStore
    public nonisolated let pipeline: BriefingPipeline
    public nonisolated let batching: Batching
    private var clusterer: StoryClusterer
    /// Story ids by the clusterer's story numbers, and back: committed stories only (a story begun
    /// in the batch being placed has a number but no id yet).
    private var storyIDs: [String] = []
    private var storyIndex: [String: Int] = [:]
    /// The last commit the clusterer has seen.
    private var syncedSequence: Int64 = 0
    private var migrated = false
    /// Whether a batch is being placed and committed, and the ingests waiting for their turn.
    /// The clusterer holds a batch's placements before the store has committed them, across the
    /// awaits of the commit; another ingest on this library (the server's requests share one)
    /// must not place against those, so batches take turns.
    private var placing = false
    private var waitingToPlace: [CheckedContinuation<Void, Never>] = []

    public init(
        store: any BriefingStore, pipeline: BriefingPipeline = .init(), clustering: StoryClusterer.Options = .init(), batching: Batching = .init()
    ) {
        self.store = store
        self.pipeline = pipeline
        self.batching = batching
        self.clusterer = StoryClusterer(options: clustering)
    }

    // MARK: - Ingest

    /// Reads `inputs` (files, directories, `-`) as `brief` does and ingests them as one batch.
    public func ingest(
        paths inputs: [String], standardInput: @Sendable () -> FileHandle = { FileHandle.standardInput },
        progress: (@Sendable (IngestProgress) -> Void)? = nil
    ) async throws -> IngestReport {
        var documents: [SourceDocument] = []
        var diagnostics: [Diagnostic] = []
        InputReader(limits: pipeline.limits).read(
            inputs, standardInput: standardInput, document: { documents.append($0) }, diagnostic: { diagnostics.append($0) })
        var report = try await ingest(documents, progress: progress)
        report.diagnostics.insert(contentsOf: diagnostics, at: 0)
        return report
    }

    /// Cleans `documents` as one batch and stores each new article in its story.
    ///
    /// An article the store cannot keep (``CommitOutcome/rejected(reason:)``) is reported as an
    /// error diagnostic naming its file and the reason; the others are stored.
    public func ingest(_ documents: [SourceDocument], progress: (@Sendable (IngestProgress) -> Void)? = nil) async throws -> IngestReport {
        try await prepare()
        var report = IngestReport()
        let articles = pipeline.cleanArticles(documents: documents) { report.diagnostics.append($0) }
        // The order a batch is placed in is the order `brief` clusters in: by day, then by
        // content, so the stories do not depend on the order the files were listed in.
        let ordered = articles.map { (article: $0, features: StoryFeatures(article: $0)) }.sorted { l, r in
            switch (l.features.day, r.features.day) {
            case let (x?, y?) where x != y: return x < y
            case (nil, _?): return false
            case (_?, nil): return true
            default: return l.features.contentHash < r.features.contentHash
            }
        }
        let extractor = ArticleExtractor()
        // Content already stored is looked up for the whole batch in one read (a read per article
        // cost a round trip to the store each); what is stored meanwhile, by this run or another
        // writer, the commit itself answers as a duplicate.
        let hashes = ordered.map { ContentHash.of($0.article) }
        var storedIDs = try await store.articleIDs(contentHashes: hashes)
        // Outcomes by position in `ordered`: a batch's are known when it commits.
        var outcomes = [IngestOutcome?](repeating: nil, count: ordered.count)
        var counts = (settled: 0, stored: 0, duplicates: 0)
        func settle(_ results: [Settled]) {
            for result in results {
                let article = ordered[result.position].article
                switch result.outcome {
                case .stored(let id, let storyID):
                    outcomes[result.position] = .stored(articleID: id, storyID: storyID)
                    storedIDs[hashes[result.position]] = id
                    counts.stored += 1
                case .duplicate(let existing):
                    outcomes[result.position] = .duplicate(articleID: article.id, of: existing)
                    storedIDs[hashes[result.position]] = existing
                    counts.duplicates += 1
                case .rejected(let reason):
                    let provenance = article.provenance
                    report.diagnostics.append(
                        Diagnostic(.error, path: provenance.path ?? provenance.url ?? "-", line: provenance.line, reason: "not stored: \(reason)"))
                }
                counts.settled += 1
            }
            if !results.isEmpty {
                progress?(IngestProgress(done: counts.settled, total: ordered.count, stored: counts.stored, duplicates: counts.duplicates))
            }
        }

        var pending = PendingBatch()
        // A batch holds the turn to place from its first article until it is committed (or the
        // ingest fails); the turn is given back on every way out.
        var holdsTurn = false
        defer { if holdsTurn { endTurn() } }
        for (position, item) in ordered.enumerated() {
            let hash = hashes[position]
            if pending.hashes.contains(hash) {
                // The same content twice in one batch: commit the first, and the second is then
                // a duplicate like any other.
                settle(try await flush(&pending))
                endTurn()
                holdsTurn = false
            }
            if let existing = storedIDs[hash] {
                settle([Settled(position: position, outcome: .duplicate(of: existing))])
                continue
            }
            if !holdsTurn {
                await takeTurn()
                holdsTurn = true
            }
            var article = item.article
            article.annotations = extractor.annotations(of: article)
            place(
                PendingBatch.Entry(position: position, article: StoredArticle(article: article, contentHash: hash), features: item.features),
                in: &pending)
            if pending.entries.count >= batching.maxArticles || pending.age >= batching.maxDelay {
                settle(try await flush(&pending))
                endTurn()
                holdsTurn = false
            }
        }
        if holdsTurn {
            settle(try await flush(&pending))
            endTurn()
            holdsTurn = false
        }
        report.outcomes = outcomes.compactMap { $0 }
        return report
    }

    /// What became of one article of a batch.
    private struct Settled {
        enum Outcome {
            case stored(articleID: String, storyID: String)
            case duplicate(of: String)
            case rejected(reason: String)
        }
        var position: Int
        var outcome: Outcome
    }

    /// Articles placed (their placements recorded in the clusterer) but not yet committed.
    private struct PendingBatch {
        struct Entry {
            /// Its position in the ingest's order, where its outcome goes.
            var position: Int
            var article: StoredArticle
            var features: StoryFeatures
            var placement: StoryPlacement = .new(title: "")
            /// For the batch's first article, the story the clusterer proposed (nil: a new one).
            var proposed: Int?
        }
        var entries: [Entry] = []
        var hashes: Set<String> = []
        /// Whether the clusterer keeps a checkpoint from before the first entry was recorded, to
        /// go back to when the store does not commit every entry; false while the batch has one
        /// entry, which is proposed but not recorded.
        var checkpointed = false
        /// For each story begun in this batch (the clusterer numbers them after the committed
        /// ones), the index of the entry that began it.
        var begun: [Int] = []
        var started = ContinuousClock.now

        var age: Duration { ContinuousClock.now - started }
    }

    /// Places one article against the stories as of the last commit plus the batch's earlier
    /// articles, and records the placement as ``StoryClusterer/add(_:)`` would.
    ///
    /// The first article of a batch is only proposed, not recorded: a batch that stays at one
    /// article (a server request, `--commit-batch 1`) then needs no checkpoint, and is placed,
    /// committed and recorded as per-article ingest always did. (The checkpoint is an undo log,
    /// ``StoryClusterer/checkpoint()``; it was a copy of the clusterer, whose storage the first
    /// change after it duplicated whole, which halved per-article ingest when paid per article.)
    private func place(_ entry: PendingBatch.Entry, in pending: inout PendingBatch) {
        var entry = entry
        if pending.entries.isEmpty {
            pending.started = ContinuousClock.now
            let proposed = clusterer.propose(entry.features)
            entry.proposed = proposed
            if let index = proposed {
                entry.placement = .existing(storyID: storyIDs[index])
            } else {
                entry.placement = .new(title: entry.article.article.title ?? StoryBuilder.title(for: [entry.article.article]))
                pending.begun.append(0)
            }
            pending.hashes.insert(entry.article.contentHash)
            pending.entries.append(entry)
            return
        }
        if !pending.checkpointed {
            // A second article: from here on the batch's placements are recorded as they are
            // made, and the clusterer keeps what it was before the batch to go back to.
            pending.checkpointed = true
            clusterer.checkpoint()
            clusterer.record(pending.entries[0].features, inStory: pending.entries[0].proposed)
        }
        // `add` is `propose` then `record` in the story proposed, with the article's weighted
        // terms computed once instead of twice.
        let storiesBefore = clusterer.storyCount
        let index = clusterer.add(entry.features)
        if index == storiesBefore {
            entry.placement = .new(title: entry.article.article.title ?? StoryBuilder.title(for: [entry.article.article]))
            pending.begun.append(pending.entries.count)
        } else {
            entry.placement =
                index < storyIDs.count ? .existing(storyID: storyIDs[index]) : .withBatchArticle(pending.begun[index - storyIDs.count])
        }
        pending.hashes.insert(entry.article.contentHash)
        pending.entries.append(entry)
    }

    /// Commits the batch, placing again and committing what the store did not take (another
    /// writer committed first, or it stopped at a duplicate or a rejected article), until every
    /// article is settled.
    ///
    /// When the store commits the whole batch, the clusterer already holds its placements. When
    /// it commits only some (or none), the clusterer goes back to before the batch and replays the
    /// committed ones, as ``catchUp()`` replays other writers' commits: the state is then the one
    /// per-article commits would have left.
    private func flush(_ pending: inout PendingBatch) async throws -> [Settled] {
        var settled: [Settled] = []
        while !pending.entries.isEmpty {
            let entries = pending.entries
            // Back to before the batch: the checkpoint's state (with one article proposed and not
            // recorded, the clusterer is already there).
            func rollBack() {
                if pending.checkpointed { clusterer.rollBack() }
            }
            let outcomes: [CommitOutcome]
            do {
                outcomes = try await store.commit(entries.map { BatchArticle($0.article, placement: $0.placement) }, expectedSequence: syncedSequence)
            } catch {
                // Nothing of the batch was committed: its placements go.
                rollBack()
                pending = PendingBatch()
                throw error
            }
            // The answers the protocol allows: `[.stale]`, or stored articles followed by at most
            // one duplicate or rejected article, every article of the batch when none stopped it.
            let sequenceBefore = syncedSequence
            var committed = 0
            var stale = false
            var stopped = false
            var valid = true
            for (index, outcome) in outcomes.enumerated() {
                guard index < entries.count, !stale, !stopped else {
                    valid = false
                    break
                }
                let entry = entries[index]
                switch outcome {
                case .stored(let id, let storyID, let sequence):
                    committed += 1
                    syncedSequence = sequence
                    settled.append(Settled(position: entry.position, outcome: .stored(articleID: id, storyID: storyID)))
                case .duplicate(let existing):
                    stopped = true
                    settled.append(Settled(position: entry.position, outcome: .duplicate(of: existing)))
                case .rejected(let reason):
                    stopped = true
                    settled.append(Settled(position: entry.position, outcome: .rejected(reason: reason)))
                case .stale:
                    stale = true
                    valid = valid && index == 0
                }
            }
            if !valid || (!stale && !stopped && committed != entries.count) {
                // A store that broke the protocol: forget the batch; the next ingest finds the
                // clusterer behind and catches up with whatever was committed.
                rollBack()
                syncedSequence = sequenceBefore
                pending = PendingBatch()
                throw StoreError.damaged("a commit of \(entries.count) articles answered \(outcomes)")
            }
            if committed == entries.count, !pending.checkpointed {
                // One article, proposed and not yet recorded: recorded now, in the story the
                // store put it in.
                if case .stored(_, let storyID, _) = outcomes[0] { record(entries[0].features, storyID: storyID) }
                pending = PendingBatch()
                break
            }
            if committed == entries.count {
                // The clusterer already holds the batch; its new stories get their ids, in the
                // order the clusterer numbered them.
                for (entry, outcome) in zip(entries, outcomes) {
                    guard case .new = entry.placement, case .stored(_, let storyID, _) = outcome else { continue }
                    storyIndex[storyID] = storyIDs.count
                    storyIDs.append(storyID)
                }
                clusterer.discardCheckpoint()
                pending = PendingBatch()
                break
            }
            rollBack()
            for (entry, outcome) in zip(entries, outcomes).prefix(committed) {
                if case .stored(_, let storyID, _) = outcome { record(entry.features, storyID: storyID) }
            }
            var rest = Array(entries.dropFirst(committed + (stopped ? 1 : 0)))
            if stale { try await catchUp() }
            // What other writers stored meanwhile is settled now, in one read, rather than by a
            // commit that stops at each.
            let known = rest.isEmpty ? [:] : try await store.articleIDs(contentHashes: rest.map(\.article.contentHash))
            rest.removeAll { entry in
                guard let existing = known[entry.article.contentHash] else { return false }
                settled.append(Settled(position: entry.position, outcome: .duplicate(of: existing)))
                return true
            }
            pending = PendingBatch()
            for entry in rest { place(entry, in: &pending) }
        }
        return settled
    }

    /// What the clusterer holds: articles, named stories, and the last commit it has seen. After
    /// an ingest, the articles are the commits seen (nothing placed and left uncommitted); tests
    /// check it.
    var clustered: (articles: Int, stories: Int, sequence: Int64) { (clusterer.assignment.count, storyIDs.count, syncedSequence) }

    /// Replays what was committed since the clusterer last looked.
    private func catchUp() async throws {
        while true {
            let entries = try await store.clusterLog(after: syncedSequence, limit: 1_000)
            guard !entries.isEmpty else { return }
            for entry in entries {
                record(StoryFeatures(title: entry.title, paragraphs: entry.paragraphs, published: entry.published), storyID: entry.storyID)
                syncedSequence = entry.sequence
            }
        }
    }

    private func record(_ features: StoryFeatures, storyID: String) {
        let index = clusterer.record(features, inStory: storyIndex[storyID])
        if index == storyIDs.count {
            storyIDs.append(storyID)
            storyIndex[storyID] = index
        }
    }

    /// Waits until no other ingest on this library is placing a batch.
    private func takeTurn() async {
        guard placing else {
            placing = true
            return
        }
        // The turn is handed over by ``endTurn()`` directly, so `placing` stays set.
        await withCheckedContinuation { waitingToPlace.append($0) }
    }

    private func endTurn() {
        if waitingToPlace.isEmpty {
            placing = false
        } else {
            waitingToPlace.removeFirst().resume()
        }
    }

    private func prepare() async throws {
        guard !migrated else { return }
        try await store.migrate()
        migrated = true
    }

    // MARK: - Reading

    /// A page of stories, most recently updated first.
    public func stories(_ query: StoryQuery = .init()) async throws -> StoryPage {
        try await prepare()
        return try await store.stories(query)
    }

    public func story(id: String) async throws -> StoredStory? {
        try await prepare()
        return try await store.story(id: id)
    }

    public func article(id: String) async throws -> StoredArticle? {
        try await prepare()
        return try await store.article(id: id)
    }

    /// The briefing of one story (its articles, annotated, and the story synthesised from them),
    /// or nil when there is no such story.
    public func storyBriefing(storyID: String) async throws -> Briefing? {
        try await prepare()
        guard let row = try await store.story(id: storyID) else { return nil }
        let members = try await store.articles(inStory: storyID).map { try ArticleSnapshot.Restore.article(of: $0) }
        guard !members.isEmpty else { return nil }
        var (story, articles) = pipeline.briefOneStory(members, id: storyID)
        story.title = row.title.isEmpty ? story.title : row.title
        return Briefing(articles: articles, stories: [story], diagnostics: [])
    }

    /// One story's briefing rendered in `format`, kept in the store until the story changes.
    public func briefing(storyID: String, format: OutputFormat) async throws -> String? {
        try await prepare()
        guard let row = try await store.story(id: storyID) else { return nil }
        if let cached = try await store.cachedBriefing(storyID: storyID, revision: row.revision, format: format.rawValue) { return cached }
        guard let briefing = try await storyBriefing(storyID: storyID) else { return nil }
        let content = try format.render(briefing)
        try await store.cacheBriefing(storyID: storyID, revision: row.revision, format: format.rawValue, content: content)
        // The versions this revision's briefing found go into the store's versions table, for
        // queries that read the store directly.
        try await store.recordVersions(storyID: storyID, revision: row.revision, groups: briefing.stories.first?.versions ?? [])
        return content
    }

    /// The whole store as one briefing: every article, in commit order, and every story.
    public func exportBriefing() async throws -> Briefing {
        try await prepare()
        var articles: [Article] = []
        var after: Int64 = 0
        while true {
            let page = try await store.articles(after: after, limit: 500)
            guard let last = page.last else { break }
            articles += try page.map { try ArticleSnapshot.Restore.article(of: $0) }
            after = last.sequence
        }
        var stories: [Story] = []
        var offset = 0
        while true {
            let page = try await store.stories(StoryQuery(limit: 500, offset: offset))
            for row in page.stories {
                if let briefing = try await storyBriefing(storyID: row.id) { stories += briefing.stories }
            }
            offset += page.stories.count
            if page.stories.isEmpty || offset >= page.total { break }
        }
        return Briefing(articles: articles, stories: stories, diagnostics: [])
    }
}

extension ArticleSnapshot {
    /// Articles back from what a store returned.
    public enum Restore {
        /// The stored article, with its store id (which may carry a suffix its snapshot lacks).
        public static func article(of stored: StoredArticle) throws -> Article {
            var article = stored.article
            article.id = stored.id
            return article
        }
    }
}

/// How far an ingest has got, for a progress line.
public struct IngestProgress: Hashable, Sendable {
    public var done: Int
    public var total: Int
    public var stored: Int
    public var duplicates: Int
}

/// What became of one article of an ingest.
public enum IngestOutcome: Hashable, Sendable {
    case stored(articleID: String, storyID: String)
    /// Its content was already stored, under `of`.
    case duplicate(articleID: String, of: String)
}

/// What an ingest did: each article's outcome, and the inputs it could not read.
public struct IngestReport: Hashable, Sendable {
    public var outcomes: [IngestOutcome] = []
    public var diagnostics: [Diagnostic] = []

    public init() {}

    public var stored: Int { outcomes.count { if case .stored = $0 { true } else { false } } }
    public var duplicates: Int { outcomes.count { if case .duplicate = $0 { true } else { false } } }
    /// Stories that gained an article, in the order they first did.
    public var storiesTouched: [String] {
        var seen: Set<String> = []
        return outcomes.compactMap { outcome in
            guard case .stored(_, let story) = outcome, seen.insert(story).inserted else { return nil }
            return story
        }
    }
}
