import Foundation
import Logging
import PostgresNIO
import SynopticStore

/// A ``BriefingStore`` and a ``WorkQueue`` on one PostgreSQL database, for several ingest workers
/// sharing it.
///
/// ```swift
/// let store = try await PostgresStore.connect(url: "postgres://synoptic@db.internal:5432/news")
/// defer { Task { await store.shutdown() } }   // or: await store.shutdown() when done
/// let page = try await store.stories(StoryQuery(limit: 20))
/// ```
///
/// Every worker process opens its own store on the same URL. The database does the coordinating:
/// - commits are serialised by a row lock on the one-row `synoptic_sequence` table, so the
///   sequence has no gaps and a writer placing against an old sequence gets ``CommitOutcome/stale(latest:)``;
/// - an article's content hash is `UNIQUE`, so the same content is stored once whichever worker
///   commits it first;
/// - queued work is claimed with `FOR UPDATE SKIP LOCKED`, so workers never wait for one another
///   and never hold the same item (see ``WorkQueue``);
/// - migrations run under a transaction-scoped advisory lock, so workers starting together apply
///   each migration once.
///
/// The connection pool (postgres-nio's `PostgresClient`) runs in a task the store owns; call
/// ``shutdown()`` to close its connections before the process ends.
public final class PostgresStore: Sendable {
    /// Where the store is connected (``PostgresURL/description`` hides the password).
    public let url: PostgresURL
    /// Most claims a queued item gets before it is marked failed.
    public let maxAttempts: Int

    let client: PostgresClient
    let logger: Logger
    private let runTask: Task<Void, Never>

    /// Connects to the database a `postgres://` URL names, brings its schema up to date and answers
    /// a store ready for use. Throws a clear error when the server cannot be reached or refuses the
    /// user or database (tried once on a plain connection first: the pool alone would retry for
    /// seconds and then report only that it gave up).
    public static func connect(url: String, migrate: Bool = true) async throws -> PostgresStore {
        try await connect(PostgresURL(url), migrate: migrate)
    }

    /// ``connect(url:migrate:)`` with a URL already read.
    public static func connect(_ url: PostgresURL, migrate: Bool = true, maxAttempts: Int = 3) async throws -> PostgresStore {
        try await probe(url)
        let store = PostgresStore(url: url, maxAttempts: maxAttempts)
        if migrate {
            do {
                try await store.migrate()
            } catch {
                await store.shutdown()
                throw error
            }
        }
        return store
    }

    /// Starts the pool; nothing is connected until the first query.
    init(url: PostgresURL, maxAttempts: Int) {
        self.url = url
        self.maxAttempts = max(1, maxAttempts)
        var logger = Logger(label: "synoptic.postgres")
        // Errors only: the pool warns when a lease is asked for in the instant before its run()
        // task has started, which is harmless (the lease waits) and would print on every connect.
        logger.logLevel = .error
        self.logger = logger
        let client = PostgresClient(configuration: url.clientConfiguration, backgroundLogger: logger)
        self.client = client
        // The pool does its work (connecting, keep-alives, closing) inside run(); cancelling the
        // task closes every connection.
        self.runTask = Task { await client.run() }
    }

    deinit {
        runTask.cancel()
    }

    /// Closes every connection and waits until they are closed. Queries after this fail.
    public func shutdown() async {
        runTask.cancel()
        await runTask.value
    }

    /// One plain connection, opened and closed, to report what is wrong in the server's words.
    private static func probe(_ url: PostgresURL) async throws {
        let tls: PostgresConnection.Configuration.TLS
        var unverified = TLSConfiguration.makeClientConfiguration()
        unverified.certificateVerification = .none
        switch url.tls {
        case .disable: tls = .disable
        case .prefer: tls = .prefer(try NIOSSLContext(configuration: unverified))
        case .require: tls = .require(try NIOSSLContext(configuration: unverified))
        case .verify: tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
        let configuration = PostgresConnection.Configuration(
            host: url.host, port: url.port, username: url.username, password: url.password, database: url.database, tls: tls)
        let logger = Logger(label: "synoptic.postgres.probe", factory: { _ in SwiftLogNoOpLogHandler() })
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger)
        } catch let error as PSQLError {
            throw PostgresConnectError(url: url, reason: error.serverInfo?[.message] ?? "\(error.code)")
        } catch {
            throw PostgresConnectError(url: url, reason: "\(error)")
        }
        try? await connection.close()
    }

    // MARK: - Running queries

    /// Runs `body` in one transaction on one pooled connection: committed when it returns, rolled
    /// back when it throws (the body's own error is rethrown, not postgres-nio's wrapper).
    func transaction<Result: Sendable>(_ body: (PostgresConnection) async throws -> Result) async throws -> Result {
        try await client.withConnection { connection in
            try await connection.query("BEGIN", logger: logger)
            do {
                let result = try await body(connection)
                try await connection.query("COMMIT", logger: logger)
                return result
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw error
            }
        }
    }

    /// Runs one statement outside any explicit transaction and collects its rows.
    func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
        try await client.query(query, logger: logger).collect()
    }
}

/// The server could not be reached, or refused the connection.
public struct PostgresConnectError: Error, CustomStringConvertible, Sendable {
    public var url: PostgresURL
    public var reason: String

    public var description: String { "cannot connect to \(url): \(reason)" }
}
