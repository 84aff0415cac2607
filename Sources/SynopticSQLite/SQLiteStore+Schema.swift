import Foundation
import GRDB
import SynopticStore

extension SQLiteStore {
    /// The schema, one named migration at a time, applied in order and recorded in the file
    /// (`grdb_migrations`). A migration, once released, is never edited: a change is a new one at
    /// the end, so every file can be brought up to date from whatever it holds.
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()

        // Articles, their stories and annotations: what one commit writes.
        migrator.registerMigration("v1 articles, stories, annotations") { db in
            try db.execute(
                sql: """
                    CREATE TABLE stories (
                        id TEXT PRIMARY KEY NOT NULL,
                        title TEXT NOT NULL,
                        revision INTEGER NOT NULL,
                        article_count INTEGER NOT NULL,
                        outlets TEXT NOT NULL DEFAULT '[]',       -- JSON array, most frequent first
                        first_published TEXT,                    -- YYYY-MM-DD
                        last_published TEXT,
                        updated_at TEXT NOT NULL,                -- ISO 8601 UTC
                        last_sequence INTEGER NOT NULL           -- the latest commit that touched it
                    );
                    CREATE INDEX stories_by_last_sequence ON stories(last_sequence);

                    CREATE TABLE articles (
                        id TEXT PRIMARY KEY NOT NULL,
                        sequence INTEGER NOT NULL UNIQUE,
                        content_hash TEXT NOT NULL UNIQUE,
                        story_id TEXT NOT NULL REFERENCES stories(id),
                        title TEXT,
                        outlet TEXT COLLATE NOCASE,
                        url TEXT,
                        path TEXT,
                        published TEXT,
                        published_day TEXT,                      -- the first ten characters of a dated 'published'
                        modified TEXT,
                        authors TEXT NOT NULL DEFAULT '[]',      -- JSON array
                        language TEXT,
                        original TEXT NOT NULL,                  -- as decoded from the input
                        clean TEXT NOT NULL,                     -- the clean text annotations point into
                        paragraphs TEXT NOT NULL DEFAULT '[]',   -- JSON array of block texts, for clustering replay
                        snapshot BLOB NOT NULL,                  -- ArticleSnapshot: the whole Article
                        ingested_at TEXT NOT NULL
                    );
                    CREATE INDEX articles_by_story ON articles(story_id, sequence);
                    CREATE INDEX articles_by_day ON articles(published_day, story_id);
                    CREATE INDEX articles_by_outlet ON articles(outlet, story_id);

                    -- Story membership is articles.story_id; this keeps each story's outlet counts
                    -- so the list and its outlet filter need not read the articles.
                    CREATE TABLE story_outlets (
                        story_id TEXT NOT NULL REFERENCES stories(id),
                        outlet TEXT NOT NULL COLLATE NOCASE,
                        count INTEGER NOT NULL,
                        PRIMARY KEY (story_id, outlet)
                    );
                    CREATE INDEX story_outlets_by_outlet ON story_outlets(outlet, story_id);

                    -- Spans into articles.clean: entity mentions, quotations, figures, time expressions.
                    CREATE TABLE annotations (
                        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                        kind TEXT NOT NULL,                      -- mention, quote, figure, time
                        start INTEGER NOT NULL,                  -- Unicode scalar offsets
                        "end" INTEGER NOT NULL,
                        text TEXT NOT NULL,
                        label TEXT,                              -- entity name, speaker, unit, normalized value
                        detail TEXT                              -- JSON with the rest
                    );
                    CREATE INDEX annotations_by_article ON annotations(article_id, kind);

                    -- Successive versions of one report within a story (earlier, later).
                    CREATE TABLE versions (
                        story_id TEXT NOT NULL REFERENCES stories(id),
                        earlier_id TEXT NOT NULL REFERENCES articles(id),
                        later_id TEXT NOT NULL REFERENCES articles(id),
                        PRIMARY KEY (earlier_id, later_id)
                    );
                    """)
        }

        // Rendered briefings, one per story and format, valid for one revision.
        migrator.registerMigration("v2 briefing cache") { db in
            try db.execute(
                sql: """
                    CREATE TABLE briefing_cache (
                        story_id TEXT NOT NULL REFERENCES stories(id),
                        format TEXT NOT NULL,
                        revision INTEGER NOT NULL,
                        content TEXT NOT NULL,
                        PRIMARY KEY (story_id, format)
                    );
                    """)
        }

        // What a feed poller remembers between polls: validators for conditional GET, and the
        // items already taken, so a re-poll brings new items only.
        migrator.registerMigration("v3 feeds") { db in
            try db.execute(
                sql: """
                    CREATE TABLE feeds (
                        url TEXT PRIMARY KEY NOT NULL,
                        etag TEXT,
                        last_modified TEXT,
                        polled_at TEXT
                    );
                    CREATE TABLE feed_items (
                        feed_url TEXT NOT NULL REFERENCES feeds(url) ON DELETE CASCADE,
                        key TEXT NOT NULL,                       -- guid, id, or link
                        seen_at TEXT NOT NULL,
                        PRIMARY KEY (feed_url, key)
                    );
                    """)
        }
        return migrator
    }()

    /// The names of the migrations this version knows, in order.
    public static var migrationNames: [String] { migrator.migrations }

    /// Creates the schema or brings it up to date; refuses a file migrated by a newer version.
    public func migrate() async throws {
        try await guarded {
            try await pool.write { db in
                if try Self.migrator.hasBeenSuperseded(db) { throw SQLiteStoreError.newerSchema(path: self.path) }
            }
            try Self.migrator.migrate(pool)
        }
    }

    /// The migrations recorded in the file, in the order they ran.
    public func appliedMigrations() async throws -> [String] {
        try await guarded { try await pool.read { db in try Self.migrator.completedMigrations(db) } }
    }
}
