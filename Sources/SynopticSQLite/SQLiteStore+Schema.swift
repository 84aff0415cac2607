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
        // Annotations as one JSON value per article (`articles.annotations`, in AnnotationsCodec's
        // layout) instead of a row per span: a commit writes one column instead of a hundred
        // indexed rows. The rows of an existing file are converted (LegacyAnnotationRows), and
        // `annotations` becomes a view with the old table's columns, so queries written against
        // it keep working.
        migrator.registerMigration("v4 annotations as one value per article") { db in
            try db.execute(sql: "ALTER TABLE articles ADD COLUMN annotations TEXT")
            try LegacyAnnotationRows.convert(db)
            try db.execute(sql: "DROP INDEX annotations_by_article")
            try db.execute(sql: "DROP TABLE annotations")
            try db.execute(sql: annotationsView)
        }

        // The versions table is filled from the briefings: the revision each link was found at,
        // its place in the story's list, and per story the revision last recorded (so an older
        // briefing finishing late cannot replace a newer record, even one with no links).
        migrator.registerMigration("v5 recorded versions") { db in
            try db.execute(sql: "ALTER TABLE versions ADD COLUMN revision INTEGER NOT NULL DEFAULT 0")
            try db.execute(sql: "ALTER TABLE versions ADD COLUMN position INTEGER NOT NULL DEFAULT 0")
            try db.execute(sql: "CREATE INDEX versions_by_story ON versions(story_id, position)")
            try db.execute(sql: "ALTER TABLE stories ADD COLUMN versions_revision INTEGER NOT NULL DEFAULT 0")
        }
        return migrator
    }()

    /// `annotations` as a view over `articles.annotations`, one row per span with the columns the
    /// table of migrations v1 to v3 had: `kind` (`mention`, `quote`, `figure`, `time`), `start`,
    /// `end` (Unicode scalar offsets into `clean`), `text` (the words, cut from `clean`), `label`
    /// (the entity's name, the speaker, the unit, the resolved value) and `detail` (JSON with the
    /// rest, null fields left out). Nothing is stored twice; a query that reads it unpacks the JSON.
    static let annotationsView = """
        CREATE VIEW annotations (article_id, kind, start, "end", text, label, detail) AS
            SELECT a.id, 'mention', m.value ->> '$.span.start', m.value ->> '$.span.end',
                substr(a.clean, (m.value ->> '$.span.start') + 1, (m.value ->> '$.span.end') - (m.value ->> '$.span.start')),
                a.annotations ->> ('$.entities[' || (m.value ->> '$.entity') || '].name'),
                nullif(json_patch('{}', json_object(
                    'entity', a.annotations ->> ('$.entities[' || (m.value ->> '$.entity') || '].kind'),
                    'form', m.value ->> '$.form')), '{}')
            FROM articles a, json_each(a.annotations, '$.mentions') m
            UNION ALL
            SELECT a.id, 'quote', q.value ->> '$.span.start', q.value ->> '$.span.end',
                substr(a.clean, (q.value ->> '$.span.start') + 1, (q.value ->> '$.span.end') - (q.value ->> '$.span.start')),
                CASE WHEN q.value ->> '$.speaker' IS NOT NULL
                    THEN a.annotations ->> ('$.entities[' || (q.value ->> '$.speaker') || '].name') END,
                nullif(json_patch('{}', json_object(
                    'confidence', CAST(round(q.value ->> '$.confidence', 3) AS TEXT),
                    'partial', CASE WHEN q.value ->> '$.partial' THEN 'true' END)), '{}')
            FROM articles a, json_each(a.annotations, '$.quotes') q
            UNION ALL
            SELECT a.id, 'figure', f.value ->> '$.span.start', f.value ->> '$.span.end',
                substr(a.clean, (f.value ->> '$.span.start') + 1, (f.value ->> '$.span.end') - (f.value ->> '$.span.start')),
                f.value ->> '$.unit',
                nullif(json_patch('{}', json_object(
                    'approximation', f.value ->> '$.approximation', 'counts', f.value ->> '$.counts', 'value', f.value ->> '$.value')), '{}')
            FROM articles a, json_each(a.annotations, '$.figures') f
            UNION ALL
            SELECT a.id, 'time', t.value ->> '$.span.start', t.value ->> '$.span.end',
                substr(a.clean, (t.value ->> '$.span.start') + 1, (t.value ->> '$.span.end') - (t.value ->> '$.span.start')),
                t.value ->> '$.value',
                nullif(json_patch('{}', json_object('anchor', t.value ->> '$.anchor', 'type', t.value ->> '$.kind')), '{}')
            FROM articles a, json_each(a.annotations, '$.times') t
        """

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
