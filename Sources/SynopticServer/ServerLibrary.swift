import Foundation
import SynopticStore
import Synoptic

/// What the server asks of a library of stories: the routes depend on this, not on a store, so
/// that any store behind `StoryLibrary` serves (in memory, SQLite, PostgreSQL) and tests can put
/// a failing or slow library behind the routes.
///
/// `StoryLibrary` conforms (see `StoryLibrary+ServerLibrary.swift`).
public protocol ServerLibrary: Sendable {
    /// Cleans `documents` as one batch, stores the new articles and places them in stories.
    func ingestDocuments(_ documents: [SourceDocument]) async throws -> IngestReport
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

extension StoryLibrary: ServerLibrary {
    public func ingestDocuments(_ documents: [SourceDocument]) async throws -> IngestReport {
        try await ingest(documents)
    }
}
