import ArgumentParser
import Foundation
import Synoptic
import SynopticPostgres
import SynopticSQLite
import SynopticStore

/// `--db PATH`, shared by the commands that use the store.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help: "The store: a SQLite file (created by ingest when missing), or postgres://USER@HOST:PORT/DB for a shared database.")
    var db: String = StoreOptions.defaultPath

    init() {}

    init(db: String) { self.db = db }

    /// Whether `--db` names a PostgreSQL database rather than a file.
    var isPostgres: Bool { PostgresURL.isPostgresURL(db) }

    /// The store as messages name it: a PostgreSQL URL without its password.
    var shownName: String {
        guard isPostgres else { return db }
        return (try? PostgresURL(db)).map(String.init(describing:)) ?? "the PostgreSQL URL"
    }

    /// `synoptic.sqlite` in the working directory (ignored by git in this repository).
    static let defaultPath = "synoptic.sqlite"

    /// The library over the store at `--db`, migrated. Commands that only read refuse a file that
    /// is not there rather than creating an empty store (a mistyped path would look empty).
    func library(creating: Bool, batching: StoryLibrary.Batching = .init()) async throws -> StoryLibrary {
        if isPostgres {
            do {
                // Several processes may point here at once: migrations run under an advisory lock,
                // and each commit is checked against the commits of the others.
                return StoryLibrary(store: try await PostgresStore.connect(url: db), batching: batching)
            } catch {
                // The URL is shown without its password.
                StandardError.write("synoptic: \(shownName): \(error)\n")
                throw ExitCode(StoreExit.storeUnavailable)
            }
        }
        return try await sqliteLibrary(creating: creating, batching: batching)
    }

    /// The work queue of a PostgreSQL store and a library over the same store.
    func queue() async throws -> (any WorkQueue, StoryLibrary) {
        do {
            let store = try await PostgresStore.connect(url: db)
            return (store, StoryLibrary(store: store))
        } catch {
            StandardError.write("synoptic: \(shownName): \(error)\n")
            throw ExitCode(StoreExit.storeUnavailable)
        }
    }

    private func sqliteLibrary(creating: Bool, batching: StoryLibrary.Batching) async throws -> StoryLibrary {
        if !creating, !FileManager.default.fileExists(atPath: db) {
            StandardError.write("synoptic: \(db): no store here (run synoptic ingest first, or pass --db PATH)\n")
            throw ExitCode(StoreExit.storeUnavailable)
        }
        do {
            let store = try SQLiteStore(path: db)
            try await store.migrate()
            return StoryLibrary(store: store, batching: batching)
        } catch {
            StandardError.write("synoptic: \(error)\n")
            throw ExitCode(StoreExit.storeUnavailable)
        }
    }
}

/// Exit statuses of the store commands, beside `brief`'s 0, 1, 2 and 64 (see the README).
enum StoreExit {
    /// Nothing could be read, or the story asked for is not in the store.
    static let nothing: Int32 = 2
    /// The store could not be opened, read or written (the message names the file).
    static let storeUnavailable: Int32 = 3
}

extension AsyncParsableCommand {
    /// Runs a store operation; a store error becomes one line on standard error and exit status 3.
    func storeOperation<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            StandardError.write("synoptic: \(error)\n")
            throw ExitCode(StoreExit.storeUnavailable)
        }
    }
}

/// Writes `text` to `out`, or to standard output.
func writeOutput(_ text: String, to out: String?) throws {
    if let out {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
        } catch {
            throw RuntimeError("cannot write \(out): \(error.localizedDescription)")
        }
    } else {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
