import Foundation

/// What only a PostgreSQL store refuses (what every store refuses is ``StoreError``), with a
/// message a user can act on.
public enum PostgresStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The `--db` URL could not be read (the reason says which part).
    case invalidURL(String)

    public var description: String {
        switch self {
        case .invalidURL(let reason): "invalid PostgreSQL URL: \(reason)"
        }
    }
}
