import Foundation
import Synoptic

/// Articles in a store, grouped into stories as they arrive, with each story's briefing.
///
/// The CLI (`ingest`, `stories`, `show`, `export`), the server and `watch` all go through a
/// library, whatever store is under it. Ingest cleans a batch the way `brief` does, skips content
/// already stored, annotates each new article, places it in a story with a ``StoryClusterer`` that
/// mirrors the store's committed placements, and commits each article in its own transaction.
/// Several libraries (several processes, on one PostgreSQL database) can ingest at once: a commit
/// placed against an outdated view of the stories is refused by the store, and the library catches
/// up with what the others committed and places the article again.
///
/// ```swift
/// let library = StoryLibrary(store: InMemoryStore())
/// let report = try await library.ingest(paths: ["Examples/harbor-bridge"])
/// let page = try await library.stories(StoryQuery())
/// let markdown = try await library.briefing(storyID: page.stories[0].id, format: .markdown)
/// ```
public actor StoryLibrary {
    public nonisolated let store: any BriefingStore
    public nonisolated let pipeline: BriefingPipeline
    private var clusterer: StoryClusterer
    /// Story ids by the clusterer's story numbers, and back.
    private var storyIDs: [String] = []
    private var storyIndex: [String: Int] = [:]
    /// The last commit the clusterer has seen.
    private var syncedSequence: Int64 = 0
    private var migrated = false

    public init(store: any BriefingStore, pipeline: BriefingPipeline = .init(), clustering: StoryClusterer.Options = .init()) {
        self.store = store
        self.pipeline = pipeline
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
        for (done, item) in ordered.enumerated() {
            let hash = hashes[done]
            if let existing = storedIDs[hash] {
                report.outcomes.append(.duplicate(articleID: item.article.id, of: existing))
            } else {
                var article = item.article
                article.annotations = extractor.annotations(of: article)
                let outcome = try await commit(StoredArticle(article: article, contentHash: hash), features: item.features)
                if case .stored(let id, _) = outcome { storedIDs[hash] = id }
                report.outcomes.append(outcome)
            }
            progress?(IngestProgress(done: done + 1, total: ordered.count, stored: report.stored, duplicates: report.duplicates))
        }
        return report
    }

    /// Places and commits one article, placing it again as long as other writers commit first.
    ///
    /// The clusterer catches up with the store only when the store answers that the placement was
    /// stale, not before every commit: the store refuses a commit placed against an outdated view
    /// of the stories anyway, and a lone writer (the usual case) then reads nothing between commits.
    private func commit(_ article: StoredArticle, features: StoryFeatures) async throws -> IngestOutcome {
        while true {
            let placement: StoryPlacement
            if let index = clusterer.propose(features) {
                placement = .existing(storyID: storyIDs[index])
            } else {
                placement = .new(title: article.article.title ?? StoryBuilder.title(for: [article.article]))
            }
            switch try await store.commit(article, placement: placement, expectedSequence: syncedSequence) {
            case .stored(let id, let storyID, let sequence):
                if sequence == syncedSequence + 1 {
                    record(features, storyID: storyID)
                    syncedSequence = sequence
                }
                return .stored(articleID: id, storyID: storyID)
            case .duplicate(let existing):
                return .duplicate(articleID: article.id, of: existing)
            case .stale:
                try await catchUp()
                continue
            }
        }
    }

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
