import Foundation
import Synoptic

/// A ``BriefingStore`` in memory: for `synoptic serve` without a database, and for tests.
///
/// It keeps the protocol's whole contract (idempotence, one order of commits, stale placements
/// refused), so that the same conformance suite runs against it and the databases.
public actor InMemoryStore: BriefingStore {
    private var articlesBySequence: [StoredArticle] = []
    private var sequenceOfID: [String: Int] = [:]
    private var idOfHash: [String: String] = [:]
    private var storyRows: [String: StoredStory] = [:]
    private var membersOfStory: [String: [Int]] = [:]
    private var cache: [String: (revision: Int64, content: String)] = [:]
    /// Per story: the revision whose versions were recorded last, and its links.
    private var versionLinks: [String: (revision: Int64, links: [VersionLink])] = [:]
    private var nextStory = 1
    private let clock: @Sendable () -> Date

    public init(clock: @escaping @Sendable () -> Date = Date.init) { self.clock = clock }

    public func migrate() async throws {}

    public func latestSequence() async throws -> Int64 { Int64(articlesBySequence.count) }

    public func articleID(contentHash: String) async throws -> String? { idOfHash[contentHash] }

    public func clusterLog(after sequence: Int64, limit: Int) async throws -> [ClusterLogEntry] {
        let start = Int(max(0, sequence))
        guard start < articlesBySequence.count else { return [] }
        return articlesBySequence[start..<min(articlesBySequence.count, start + max(0, limit))].map(ClusterLogEntry.init)
    }

    /// A batch is committed in one step of the actor, so no reader sees part of it; every
    /// placement is checked before anything is written, so a thrown error writes nothing.
    public func commit(_ batch: [BatchArticle], expectedSequence: Int64) async throws -> [CommitOutcome] {
        for (index, entry) in batch.enumerated() {
            switch entry.placement {
            case .existing(let id) where storyRows[id] == nil: throw StoreError.unknownStory(id)
            case .withBatchArticle: try entry.checkPlacement(at: index)
            default: break
            }
        }
        var outcomes: [CommitOutcome] = []
        var storyOfEntry: [String] = []
        for (index, entry) in batch.enumerated() {
            let stored = entry.article
            if let existing = idOfHash[stored.contentHash] {
                outcomes.append(.duplicate(of: existing))
                break
            }
            let latest = Int64(articlesBySequence.count)
            if index == 0, expectedSequence != latest { return [.stale(latest: latest)] }
            if let problem = StoreIDs.problem(with: stored.article) {
                outcomes.append(.rejected(reason: problem))
                break
            }
            let storyID: String
            switch entry.placement {
            case .existing(let id): storyID = id
            case .withBatchArticle(let earlier): storyID = storyOfEntry[earlier]
            case .new(let title):
                storyID = "s\(nextStory)"
                nextStory += 1
                storyRows[storyID] = StoredStory(id: storyID, title: title, outlets: [], articleCount: 0, revision: 0, updatedAt: "")
            }
            storyOfEntry.append(storyID)
            var article = stored
            article.article.id = StoreIDs.unique(stored.id) { sequenceOfID[$0] != nil }
            article.sequence = latest + 1
            article.storyID = storyID
            article.ingestedAt = StoreIDs.timestamp(clock())
            sequenceOfID[article.id] = articlesBySequence.count
            idOfHash[article.contentHash] = article.id
            membersOfStory[storyID, default: []].append(articlesBySequence.count)
            articlesBySequence.append(article)
            var row = storyRows[storyID]!
            row.articleCount += 1
            row.revision += 1
            row.updatedAt = article.ingestedAt ?? ""
            row.outlets = StoreIDs.outlets(of: membersOfStory[storyID, default: []].map { articlesBySequence[$0].article })
            if let day = StoreIDs.day(article.article.provenance.published) {
                row.firstPublished = min(row.firstPublished ?? day, day)
                row.lastPublished = max(row.lastPublished ?? day, day)
            }
            storyRows[storyID] = row
            outcomes.append(.stored(articleID: article.id, storyID: storyID, sequence: article.sequence))
        }
        return outcomes
    }

    public func stories(_ query: StoryQuery) async throws -> StoryPage {
        let matching = storyRows.values.filter { story in
            let members = membersOfStory[story.id, default: []].map { articlesBySequence[$0].article }
            return StoreIDs.matches(query, members: members)
        }.sorted { a, b in
            // The last commit that touched a story orders the list: two commits in one millisecond
            // share a timestamp, and ids do not sort by time (`s10` < `s9`).
            (membersOfStory[a.id]?.last ?? -1) > (membersOfStory[b.id]?.last ?? -1)
        }
        let start = min(max(0, query.offset), matching.count)
        let end = min(matching.count, start + max(0, query.limit))
        return StoryPage(stories: Array(matching[start..<end]), total: matching.count)
    }

    public func story(id: String) async throws -> StoredStory? { storyRows[id] }

    public func articles(inStory storyID: String) async throws -> [StoredArticle] {
        membersOfStory[storyID, default: []].map { articlesBySequence[$0] }
    }

    public func article(id: String) async throws -> StoredArticle? { sequenceOfID[id].map { articlesBySequence[$0] } }

    public func articles(after sequence: Int64, limit: Int) async throws -> [StoredArticle] {
        let start = Int(max(0, sequence))
        guard start < articlesBySequence.count else { return [] }
        return Array(articlesBySequence[start..<min(articlesBySequence.count, start + max(0, limit))])
    }

    public func cachedBriefing(storyID: String, revision: Int64, format: String) async throws -> String? {
        guard let entry = cache["\(storyID)\u{0}\(format)"], entry.revision == revision else { return nil }
        return entry.content
    }

    public func cacheBriefing(storyID: String, revision: Int64, format: String, content: String) async throws {
        let key = "\(storyID)\u{0}\(format)"
        if let entry = cache[key], entry.revision > revision { return }
        cache[key] = (revision, content)
    }

    public func recordVersions(storyID: String, revision: Int64, groups: [[String]]) async throws {
        if let kept = versionLinks[storyID], kept.revision > revision { return }
        versionLinks[storyID] = (revision, VersionLink.links(storyID: storyID, revision: revision, groups: groups))
    }

    public func versions(storyID: String) async throws -> [VersionLink] { versionLinks[storyID]?.links ?? [] }
}

/// What a store can refuse.
public enum StoreError: Error, CustomStringConvertible, Equatable {
    case unknownStory(String)
    /// The database was written by a newer Synoptic (its schema has migrations this one lacks).
    case newerSchema(String)
    case damaged(String)
    /// A batch placed an article with a batch article that is not an earlier one (a caller's bug).
    case badPlacement(String)

    public var description: String {
        switch self {
        case .unknownStory(let id): "no story \(id) in the store"
        case .newerSchema(let detail): "the database was written by a newer Synoptic: \(detail)"
        case .damaged(let detail): "the store is damaged: \(detail)"
        case .badPlacement(let detail): "a placement the store cannot follow: \(detail)"
        }
    }
}

/// Rules every store applies the same way: unique ids, timestamps, a story's outlets, filters.
public enum StoreIDs {
    /// `base`, or `base-2`, `base-3`, … the first that is not taken.
    public static func unique(_ base: String, taken: (String) -> Bool) -> String {
        let base = base.isEmpty ? "article" : base
        guard taken(base) else { return base }
        var n = 2
        while taken("\(base)-\(n)") { n += 1 }
        return "\(base)-\(n)"
    }

    /// Why a store cannot keep `article` (it names the article), or nil when it can: every store
    /// refuses annotation spans outside the clean text, which would not read back.
    public static func problem(with article: Article) -> String? {
        guard !article.annotations.isEmpty else { return nil }
        let length = article.text.scalarCount
        guard let bad = AnnotationsCodec.firstSpan(of: article.annotations, outsideTextOf: length) else { return nil }
        return "article \(article.id): annotation span \(bad) outside a text of \(length)"
    }

    /// ISO 8601 in UTC with milliseconds, so that string order is time order.
    public static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .nanosecond], from: date)
        let millis = (c.nanosecond ?? 0) / 1_000_000
        func pad(_ v: Int?, _ width: Int) -> String {
            let s = String(v ?? 0)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))T\(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2)).\(pad(millis, 3))Z"
    }

    /// The `YYYY-MM-DD` day of an ISO 8601 date, when it has one.
    public static func day(_ published: String?) -> String? {
        guard let published, let date = CivilDate(iso8601: published) else { return nil }
        return date.iso
    }

    /// Outlets of `articles`, most frequent first, then by name.
    public static func outlets(of articles: [Article]) -> [String] {
        var counts: [String: Int] = [:]
        for article in articles {
            if let outlet = article.provenance.outlet, !outlet.isEmpty { counts[outlet, default: 0] += 1 }
        }
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
    }

    /// Whether a story with these articles passes the query's date and outlet filters.
    public static func matches(_ query: StoryQuery, members: [Article]) -> Bool {
        if let outlet = query.outlet?.lowercased(),
            !members.contains(where: { $0.provenance.outlet?.lowercased() == outlet })
        {
            return false
        }
        if query.from != nil || query.to != nil {
            return members.contains { article in
                guard let day = day(article.provenance.published) else { return false }
                if let from = query.from, day < from { return false }
                if let to = query.to, day > to { return false }
                return true
            }
        }
        return true
    }
}

extension ClusterLogEntry {
    /// The entry of a stored article.
    public init(_ stored: StoredArticle) {
        self.init(
            sequence: stored.sequence, articleID: stored.id, storyID: stored.storyID ?? "", title: stored.article.title,
            paragraphs: stored.article.paragraphTexts.map(String.init), published: stored.article.provenance.published)
    }
}
