import Synoptic
import SynopticStore

/// An article with what the store knows about it: the contract's article record (clean text,
/// paragraphs, and `removed`, what cleaning took out and why), where it sits in the store, and
/// its versions: every pair of versions it belongs to, with the change counts and the paragraph diff.
struct ArticleDetail: Codable, Sendable {
    struct Version: Codable, Sendable {
        var change: VersionChangeRecord
        var diff: [VersionDiff.Line]
    }

    var article: ArticleRecord
    var storyID: String?
    var sequence: Int64
    var contentHash: String
    var ingestedAt: String?
    /// Ids of the versions of this article, oldest first (itself included), when it has any.
    var versionGroup: [String]
    var versions: [Version]

    enum CodingKeys: String, CodingKey {
        case article, sequence, versions
        case storyID = "story_id"
        case contentHash = "content_hash"
        case ingestedAt = "ingested_at"
        case versionGroup = "version_group"
    }

    /// `briefing` is the article's story (for its versions); nil when the story is not known.
    init(_ stored: StoredArticle, story briefing: Briefing?) {
        article = ArticleRecord(stored.article)
        storyID = stored.storyID
        sequence = stored.sequence
        contentHash = stored.contentHash
        ingestedAt = stored.ingestedAt
        let id = stored.id
        let story = briefing?.stories.first { $0.articleIDs.contains(id) }
        versionGroup = story?.versions.first { $0.contains(id) } ?? []
        guard let briefing, let story else {
            versions = []
            return
        }
        let byID = Dictionary(briefing.articles.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let records = StoryRecord(story).versionChanges
        versions = zip(story.versionChanges, records).compactMap { change, record in
            guard change.earlier == id || change.later == id, let earlier = byID[change.earlier], let later = byID[change.later] else { return nil }
            return Version(change: record, diff: VersionDiff(from: earlier, to: later).lines)
        }
    }
}
