import Foundation
import GRDB

/// Why the SQLite store could not do what was asked; every message names the file.
public enum SQLiteStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file exists but is not a SQLite database (or its header is damaged).
    case notADatabase(path: String)
    /// SQLite found the file damaged.
    case corrupt(path: String, reason: String)
    /// The file could not be opened or created (missing folder, permissions, a directory).
    case cannotOpen(path: String, reason: String)
    /// The file was migrated by a newer Synoptic: its schema has migrations this one lacks, and
    /// writing to it could break what the newer version expects.
    case newerSchema(path: String)
    /// A stored article's snapshot could not be read back.
    case unreadableSnapshot(articleID: String, reason: String)
    /// Any other SQLite error.
    case database(path: String, reason: String)

    init(_ error: DatabaseError, path: String) {
        switch error.resultCode {
        case .SQLITE_NOTADB: self = .notADatabase(path: path)
        case .SQLITE_CORRUPT: self = .corrupt(path: path, reason: error.message ?? "\(error)")
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY: self = .cannotOpen(path: path, reason: error.message ?? "\(error)")
        default: self = .database(path: path, reason: error.message ?? "\(error)")
        }
    }

    public var description: String {
        switch self {
        case .notADatabase(let path): "\(path): not a Synoptic store (the file is not a SQLite database)"
        case .corrupt(let path, let reason): "\(path): the database is damaged (\(reason))"
        case .cannotOpen(let path, let reason): "\(path): cannot open the database (\(reason))"
        case .newerSchema(let path): "\(path): written by a newer version of Synoptic; upgrade to use it"
        case .unreadableSnapshot(let id, let reason): "article \(id): stored snapshot cannot be read (\(reason))"
        case .database(let path, let reason): "\(path): \(reason)"
        }
    }
}
