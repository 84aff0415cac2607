import SynopticStore

/// The body of `GET /api/stories`.
struct StoryListResponse: Codable, Sendable {
    var stories: [StoredStory]
    /// Stories matching the filters in all, beyond this page too.
    var total: Int
    var limit: Int
    var offset: Int
}
