import PostgresNIO
import SynopticStore

extension PostgresStore {
    /// One schema change: statements run in order in one transaction, recorded by version.
    struct Migration: Sendable {
        var version: Int
        var name: String
        var statements: [String]
    }

    /// Key of the advisory lock migrations hold (ASCII "SYNOPTIC"): every worker that starts takes
    /// it for the length of its migration transaction, so two workers starting at once never both
    /// create a table; the second finds the work done.
    static let migrationLockKey: Int64 = 0x5359_4E4F_5054_4943

    /// Creates the schema or brings it up to date: each migration not yet in
    /// `synoptic_migrations` runs, in version order, in one transaction under the advisory lock.
    /// PostgreSQL's DDL is transactional, so a migration interrupted midway leaves nothing behind.
    public func migrate() async throws {
        let migrations = Self.migrations
        try await transaction { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(Self.migrationLockKey))", logger: logger)
            try await connection.query(
                """
                CREATE TABLE IF NOT EXISTS synoptic_migrations (
                    version integer PRIMARY KEY,
                    name text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """, logger: logger)
            var applied = Set<Int>()
            for try await version in try await connection.query("SELECT version FROM synoptic_migrations", logger: logger)
                .decode(Int.self)
            {
                applied.insert(version)
            }
            let known = migrations.map(\.version).max() ?? 0
            if let newest = applied.max(), newest > known {
                throw StoreError.newerSchema("it has migration \(newest), this synoptic knows up to \(known)")
            }
            for migration in migrations where !applied.contains(migration.version) {
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query(
                    "INSERT INTO synoptic_migrations (version, name) VALUES (\(migration.version), \(migration.name))", logger: logger)
            }
        }
    }

    /// Applied migration versions, oldest first.
    public func appliedMigrations() async throws -> [Int] {
        var versions: [Int] = []
        for try await version in try await client.query("SELECT version FROM synoptic_migrations ORDER BY version", logger: logger)
            .decode(Int.self)
        {
            versions.append(version)
        }
        return versions
    }

    /// The schema, in order. Never edit a released migration: add the next one.
    static let migrations: [Migration] = [
        Migration(
            version: 1, name: "store and queue",
            statements: [
                // The one row whose lock serialises commits and whose value is the latest sequence.
                """
                CREATE TABLE synoptic_sequence (
                    id smallint PRIMARY KEY CHECK (id = 1),
                    latest bigint NOT NULL,
                    stories_created bigint NOT NULL
                )
                """,
                "INSERT INTO synoptic_sequence (id, latest, stories_created) VALUES (1, 0, 0)",
                """
                CREATE TABLE stories (
                    id text PRIMARY KEY,
                    title text NOT NULL,
                    revision bigint NOT NULL,
                    article_count integer NOT NULL,
                    created_at text NOT NULL,
                    updated_at text NOT NULL,
                    last_sequence bigint NOT NULL,
                    first_published text,
                    last_published text
                )
                """,
                "CREATE INDEX stories_recent ON stories (last_sequence DESC)",
                // One row per article; `snapshot` is the whole article as JSON (ArticleSnapshot), the
                // other columns are what queries filter on and what a person reads in psql.
                """
                CREATE TABLE articles (
                    id text PRIMARY KEY,
                    sequence bigint NOT NULL UNIQUE,
                    story_id text NOT NULL REFERENCES stories (id),
                    content_hash text NOT NULL UNIQUE,
                    title text,
                    outlet text,
                    url text,
                    published text,
                    published_day text,
                    original text NOT NULL,
                    clean_text text NOT NULL,
                    paragraphs text[] NOT NULL,
                    metadata jsonb NOT NULL,
                    snapshot text NOT NULL,
                    annotations_snapshot text NOT NULL,
                    ingested_at text NOT NULL
                )
                """,
                "CREATE INDEX articles_story ON articles (story_id, sequence)",
                "CREATE INDEX articles_outlet ON articles (lower(outlet))",
                "CREATE INDEX articles_day ON articles (published_day)",
                // Annotations of ingest time by kind (entities, quotes, figures, times), one JSON
                // array each, every item with the words it covers: for queries, never read back
                // (the article's own are in articles.annotations_snapshot).
                """
                CREATE TABLE annotations (
                    article_id text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
                    kind text NOT NULL,
                    payload jsonb NOT NULL,
                    PRIMARY KEY (article_id, kind)
                )
                """,
                // Each revision of a story: which article raised it, at which commit.
                """
                CREATE TABLE story_versions (
                    story_id text NOT NULL REFERENCES stories (id),
                    revision bigint NOT NULL,
                    article_id text NOT NULL REFERENCES articles (id),
                    sequence bigint NOT NULL,
                    created_at text NOT NULL,
                    PRIMARY KEY (story_id, revision)
                )
                """,
                """
                CREATE TABLE briefing_cache (
                    story_id text NOT NULL,
                    format text NOT NULL,
                    revision bigint NOT NULL,
                    content text NOT NULL,
                    PRIMARY KEY (story_id, format)
                )
                """,
                // What a feed poller remembers between polls: validators for a conditional GET and
                // the items already taken (the same tables as the SQLite store's).
                """
                CREATE TABLE feeds (
                    url text PRIMARY KEY,
                    etag text,
                    last_modified text,
                    polled_at text
                )
                """,
                """
                CREATE TABLE feed_items (
                    feed_url text NOT NULL REFERENCES feeds (url) ON DELETE CASCADE,
                    key text NOT NULL,
                    seen_at text NOT NULL,
                    PRIMARY KEY (feed_url, key)
                )
                """,
                // The work queue: raw input documents waiting for a worker.
                """
                CREATE TABLE work_queue (
                    id bigserial PRIMARY KEY,
                    document text NOT NULL,
                    label text NOT NULL,
                    status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'claimed', 'done', 'failed')),
                    attempts integer NOT NULL DEFAULT 0,
                    worker text,
                    lease_until timestamptz,
                    enqueued_at timestamptz NOT NULL DEFAULT now(),
                    finished_at timestamptz,
                    last_error text
                )
                """,
                // Claims scan only unfinished items, in id order.
                "CREATE INDEX work_queue_open ON work_queue (id) WHERE status IN ('pending', 'claimed')",
            ]),
        Migration(
            version: 2, name: "recorded versions",
            statements: [
                // Successive versions of one report, as a story's briefing found them at a
                // revision; per story, the revision last recorded.
                """
                CREATE TABLE article_versions (
                    story_id text NOT NULL REFERENCES stories (id),
                    position integer NOT NULL,
                    revision bigint NOT NULL,
                    earlier_id text NOT NULL REFERENCES articles (id),
                    later_id text NOT NULL REFERENCES articles (id),
                    PRIMARY KEY (story_id, position)
                )
                """,
                "ALTER TABLE stories ADD COLUMN versions_revision bigint NOT NULL DEFAULT 0",
            ]),
    ]
}
