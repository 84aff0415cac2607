import Foundation
import GRDB
import SynopticCore
import SynopticStore

/// The default store: one SQLite file, through GRDB.
///
/// ```swift
/// let store = try SQLiteStore(path: "synoptic.sqlite")
/// try await store.migrate()
/// let library = StoryLibrary(store: store)
/// ```
///
/// Why it is built this way:
/// - **WAL and a pool.** The file is opened as a `DatabasePool` in write-ahead-log mode, so readers
///   (`synoptic stories`, a server answering requests) see the last committed state while an
///   ingest writes, and never block it.
/// - **One `BEGIN IMMEDIATE` transaction per batch.** ``commit(_:expectedSequence:)`` takes the
///   write lock first, then, article by article, checks the content hash (and, for the first, the
///   expected sequence) and writes the article, its annotations and its story's new revision.
///   SQLite's journal makes the transaction all or nothing, so a process killed at any instant
///   leaves every article either wholly stored or absent, and every batch wholly committed or
///   absent (see docs/store.md).
/// - **`synchronous = NORMAL`.** In WAL mode a commit reaches the operating system before
///   `commit` returns, so a killed process loses nothing committed; only a power cut can lose the
///   last commits (never corrupt the file). Pass `durable: true` for a sync on every commit.
public final class SQLiteStore: BriefingStore {
    /// The database file.
    public let path: String
    let pool: DatabasePool

    /// Opens (or creates) the store at `path`. Nothing is migrated until ``migrate()``.
    ///
    /// Throws ``SQLiteStoreError`` with the path in its message when the file is not a SQLite
    /// database, is damaged, cannot be opened, or was written by a newer Synoptic.
    public init(path: String, durable: Bool = false) throws {
        self.path = path
        var configuration = Configuration()
        configuration.label = "synoptic"
        // Several ingest workers may share one file: wait for the write lock rather than fail.
        configuration.busyMode = .timeout(30)
        configuration.prepareDatabase { db in
            try db.execute(sql: durable ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw SQLiteStoreError.cannotOpen(path: path, reason: "it is a directory")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            // Opening is lazy about the file's header: read the schema now, so a file that is not
            // a database fails here, with its name, rather than at the first query.
            let superseded = try pool.read { db in try Self.migrator.hasBeenSuperseded(db) }
            if superseded { throw SQLiteStoreError.newerSchema(path: path) }
        } catch let error as DatabaseError {
            throw SQLiteStoreError(error, path: path)
        }
    }

    /// Runs `body` and turns SQLite's errors into ``SQLiteStoreError``s that name the file.
    func guarded<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as DatabaseError {
            throw SQLiteStoreError(error, path: path)
        }
    }
}
