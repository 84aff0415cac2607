import Foundation
import SynopticCore

/// Where articles, their stories and the briefings made of them are kept between runs.
///
/// Two implementations share this protocol and one test suite: SQLite through GRDB (the default,
/// one file) and PostgreSQL (several ingest workers on one database). Everything above the store
/// (`StoryLibrary`, the CLI, the server) talks to this protocol only.
///
/// The contract every implementation keeps:
/// - **Idempotent.** An article whose ``StoredArticle/contentHash`` is already stored is not stored
///   again; ``commit(_:expectedSequence:)`` answers ``CommitOutcome/duplicate(of:)``.
/// - **Each article all or nothing; a batch commits together.** An article, its annotations, its
///   story membership and the story's new revision are written in one transaction, with the other
///   articles of its batch (``commit(_:expectedSequence:)``): a process killed at any moment leaves
///   each article either wholly stored or not at all, and a batch either wholly committed or not.
/// - **One order of commits.** Every committed article gets the next ``StoredArticle/sequence``.
///   Clustering is sequential by nature, so a writer places a batch against the stories as of
///   a sequence and the commit is refused (``CommitOutcome/stale(latest:)``) when another writer
///   committed since; the writer catches up through ``clusterLog(after:limit:)`` and places again.
public protocol BriefingStore: Sendable {
    /// Creates the schema or brings it up to date (migrations are ordered and recorded).
    func migrate() async throws

    /// The latest committed sequence number (0 for an empty store).
    func latestSequence() async throws -> Int64

    /// The id of the stored article with this content hash, if any.
    func articleID(contentHash: String) async throws -> String?

    /// The ids of the stored articles with these content hashes, by hash (hashes not stored are
    /// left out). A default asks ``articleID(contentHash:)`` for each; a store answers in one query.
    func articleIDs(contentHashes: [String]) async throws -> [String: String]

    /// Committed articles after `sequence`, in commit order, with their stories: what a writer
    /// replays to bring its clusterer up to date.
    func clusterLog(after sequence: Int64, limit: Int) async throws -> [ClusterLogEntry]

    /// Stores a batch of articles with their story memberships, in order, in one transaction.
    ///
    /// The articles are taken in order and the answer has one outcome per article taken; the
    /// first that is not stored ends the batch (the articles after it are neither written nor
    /// answered, because their placements may count on it):
    /// - the first article whose content is already stored (by an earlier commit or earlier in
    ///   this batch) is answered ``CommitOutcome/duplicate(of:)``;
    /// - if another article was committed after `expectedSequence`, the batch is answered
    ///   `[.stale(latest:)]` before anything is written (a duplicate first article is answered as
    ///   a duplicate even then, so a writer that is behind learns it without catching up);
    /// - the first article the store cannot write (annotations outside its text, say) is answered
    ///   ``CommitOutcome/rejected(reason:)``, and nothing of it is written.
    ///
    /// The articles answered ``CommitOutcome/stored(articleID:storyID:sequence:)`` are committed
    /// together, with consecutive sequences. A thrown error (the database failed, a placement
    /// names no story) commits nothing of the batch. An empty batch answers `[]`.
    func commit(_ batch: [BatchArticle], expectedSequence: Int64) async throws -> [CommitOutcome]

    /// A page of stories, most recently updated first.
    func stories(_ query: StoryQuery) async throws -> StoryPage

    /// One story's row, or nil.
    func story(id: String) async throws -> StoredStory?

    /// A story's articles, in commit order.
    func articles(inStory storyID: String) async throws -> [StoredArticle]

    /// One article, or nil.
    func article(id: String) async throws -> StoredArticle?

    /// Every article after `sequence`, in commit order, at most `limit` (for export).
    func articles(after sequence: Int64, limit: Int) async throws -> [StoredArticle]

    /// A rendered briefing kept for a story at a revision (`format` is `json`, `md`, `html`, `text`).
    func cachedBriefing(storyID: String, revision: Int64, format: String) async throws -> String?

    /// Keeps a rendered briefing; one of an older revision is replaced.
    func cacheBriefing(storyID: String, revision: Int64, format: String, content: String) async throws

    /// Records the successive versions of one report that a story's briefing found at `revision`:
    /// each group lists one report's articles oldest first, and each consecutive pair becomes a
    /// ``VersionLink``. What was recorded for the story at an older revision is replaced; a record
    /// of an older revision than the one kept changes nothing.
    func recordVersions(storyID: String, revision: Int64, groups: [[String]]) async throws

    /// The version links recorded for a story, group by group, oldest first within each.
    func versions(storyID: String) async throws -> [VersionLink]
}

/// Two successive versions of one report, as recorded by ``BriefingStore/recordVersions(storyID:revision:groups:)``.
public struct VersionLink: Hashable, Sendable, Codable {
    public var storyID: String
    /// The story revision whose briefing found the link.
    public var revision: Int64
    public var earlierID: String
    public var laterID: String

    public init(storyID: String, revision: Int64, earlierID: String, laterID: String) {
        self.storyID = storyID
        self.revision = revision
        self.earlierID = earlierID
        self.laterID = laterID
    }

    /// The links a story's version groups make: each group's consecutive pairs, in order.
    public static func links(storyID: String, revision: Int64, groups: [[String]]) -> [VersionLink] {
        groups.flatMap { group in
            zip(group, group.dropFirst()).map { VersionLink(storyID: storyID, revision: revision, earlierID: $0, laterID: $1) }
        }
    }
}

extension BriefingStore {
    /// One article in a batch of its own (``commit(_:expectedSequence:)``).
    public func commit(_ article: StoredArticle, placement: StoryPlacement, expectedSequence: Int64) async throws -> CommitOutcome {
        guard let outcome = try await commit([BatchArticle(article, placement: placement)], expectedSequence: expectedSequence).first else {
            throw StoreError.damaged("a commit of one article answered nothing")
        }
        return outcome
    }

    public func articleIDs(contentHashes: [String]) async throws -> [String: String] {
        var ids: [String: String] = [:]
        for hash in Set(contentHashes) {
            if let id = try await articleID(contentHash: hash) { ids[hash] = id }
        }
        return ids
    }
}

/// Where an article goes: into a story that exists, or a story of its own.
public enum StoryPlacement: Hashable, Sendable {
    case existing(storyID: String)
    /// A new story; the store names it and returns its id.
    case new(title: String)
    /// The story that the article at this index of the same batch (an earlier one) went into:
    /// a story begun in a batch has no id until the store names it, and later articles of the
    /// batch may join it.
    case withBatchArticle(Int)
}

/// One article of a batch commit, with where it goes.
public struct BatchArticle: Hashable, Sendable {
    public var article: StoredArticle
    public var placement: StoryPlacement

    public init(_ article: StoredArticle, placement: StoryPlacement) {
        self.article = article
        self.placement = placement
    }

    /// Throws ``StoreError/badPlacement(_:)`` unless an article placed with a batch article, at
    /// `index` in its batch, names one that comes before it: every store checks this before it
    /// writes anything.
    public func checkPlacement(at index: Int) throws {
        if case .withBatchArticle(let earlier) = placement, earlier < 0 || earlier >= index {
            throw StoreError.badPlacement("article \(index) of a batch placed with article \(earlier)")
        }
    }
}

/// What became of a commit.
public enum CommitOutcome: Hashable, Sendable {
    /// Stored under `articleID` (unique in the store: a taken id gets a suffix), as the
    /// `sequence`-th commit, in `storyID`.
    case stored(articleID: String, storyID: String, sequence: Int64)
    /// The same content is already stored, under this id. Nothing was written.
    case duplicate(of: String)
    /// Another writer committed after the expected sequence; nothing was written.
    case stale(latest: Int64)
    /// The store cannot keep this article (the reason says why, naming the article); nothing of
    /// it was written.
    case rejected(reason: String)
}

/// One committed article, as clustering needs it.
public struct ClusterLogEntry: Hashable, Sendable {
    public var sequence: Int64
    public var articleID: String
    public var storyID: String
    /// What clustering reads: the title, paragraph texts and publication date.
    public var title: String?
    public var paragraphs: [String]
    public var published: String?

    public init(sequence: Int64, articleID: String, storyID: String, title: String?, paragraphs: [String], published: String?) {
        self.sequence = sequence
        self.articleID = articleID
        self.storyID = storyID
        self.title = title
        self.paragraphs = paragraphs
        self.published = published
    }
}
