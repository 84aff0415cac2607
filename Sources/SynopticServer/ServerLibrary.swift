import Foundation
import SynopticStore
import Synoptic

/// What the server asks of a library of stories: the routes depend on this, not on a store, so
/// that any store behind `StoryLibrary` serves (in memory, SQLite, PostgreSQL) and tests can put
/// a failing or slow library behind the routes.
///
/// `StoryLibrary` conforms (see `StoryLibrary+ServerLibrary.swift`).
public protocol ServerLibrary: Sendable {
    /// Stores new documents and places them in stories; one outcome per document, in order.
    func ingestDocuments(_ documents: [SourceDocument]) async throws -> [IngestOutcome]
    /// A page of stories, most recently updated first.
    func stories(_ query: StoryQuery) async throws -> StoryPage
    /// One story's row, or nil.
    func story(id: String) async throws -> StoredStory?
    /// A story's briefing rendered in `format`, or nil for an unknown story.
    func briefing(storyID: String, format: OutputFormat) async throws -> String?
    /// The briefing of one story with its articles (for the web page), or nil.
    func storyBriefing(storyID: String) async throws -> Briefing?
    /// One article, or nil.
    func article(id: String) async throws -> StoredArticle?
}

/// What became of one posted document.
public struct IngestOutcome: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable {
        /// Stored as a new article.
        case stored
        /// Its content was already stored (under ``IngestOutcome/articleID``); nothing was written.
        case duplicate
        /// Not stored: nothing readable in it (see the diagnostics).
        case skipped
    }

    public var status: Status
    public var articleID: String?
    public var storyID: String?
    /// Problems met on the way, in words (warnings for stored articles, the reason for skipped ones).
    public var diagnostics: [String]

    public init(status: Status, articleID: String? = nil, storyID: String? = nil, diagnostics: [String] = []) {
        self.status = status
        self.articleID = articleID
        self.storyID = storyID
        self.diagnostics = diagnostics
    }

    enum CodingKeys: String, CodingKey {
        case status, diagnostics
        case articleID = "id"
        case storyID = "story_id"
    }
}
