import Foundation

/// What a ``PostgresStore`` refuses, with a message a user can act on.
public enum PostgresStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The `--db` URL could not be read (the reason says which part).
    case invalidURL(String)
    /// A placement named a story the database does not have.
    case unknownStory(String)
    /// The database was migrated by a newer Synoptic (it has migrations this build does not know).
    case newerSchema(applied: Int, known: Int)
    /// A stored row could not be turned back into a value (the reason says which).
    case corruptRow(String)
    /// The store was shut down; no more queries are run.
    case shutDown

    public var description: String {
        switch self {
        case .invalidURL(let reason): "invalid PostgreSQL URL: \(reason)"
        case .unknownStory(let id): "no story \(id) in the database"
        case .newerSchema(let applied, let known):
            "the database has schema version \(applied) but this synoptic knows \(known): upgrade synoptic before pointing it at this database"
        case .corruptRow(let reason): "unreadable row in the database: \(reason)"
        case .shutDown: "the PostgreSQL store was shut down"
        }
    }
}
