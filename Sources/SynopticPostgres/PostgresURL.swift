import Foundation
import PostgresNIO

/// Where a ``PostgresStore`` connects, read from the URL users already write for `psql`:
///
/// ```
/// postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=disable|prefer|require&pool=N]
/// ```
///
/// `postgresql://` is accepted too. The port defaults to 5432, the database to the user's name (as
/// libpq does). `sslmode` defaults to `prefer` (TLS when the server offers it, as libpq does);
/// `pool` is the most connections one process opens (default 8): a worker holds one connection per
/// commit, so a handful is plenty and several workers stay well under the server's
/// `max_connections` (100 by default).
public struct PostgresURL: Hashable, Sendable, CustomStringConvertible {
    /// libpq's `sslmode`, reduced to what postgres-nio can do: `prefer` and `require` encrypt without
    /// checking the certificate (as libpq does), `verify` (`verify-ca`, `verify-full`) checks it.
    public enum TLSMode: String, Hashable, Sendable {
        case disable, prefer, require, verify
    }

    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String
    public var tls: TLSMode
    public var poolSize: Int

    public init(
        host: String, port: Int = 5432, username: String, password: String? = nil, database: String? = nil, tls: TLSMode = .prefer,
        poolSize: Int = 8
    ) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database ?? username
        self.tls = tls
        self.poolSize = poolSize
    }

    /// Reads a `postgres://` URL; throws ``PostgresStoreError/invalidURL(_:)`` with the reason.
    public init(_ string: String) throws {
        guard let components = URLComponents(string: string) else {
            throw PostgresStoreError.invalidURL("not a URL: \(Self.redacted(string))")
        }
        guard let scheme = components.scheme?.lowercased(), scheme == "postgres" || scheme == "postgresql" else {
            throw PostgresStoreError.invalidURL("the scheme must be postgres:// or postgresql://")
        }
        guard let host = components.host, !host.isEmpty else {
            throw PostgresStoreError.invalidURL("no host (postgres://USER@HOST:PORT/DATABASE)")
        }
        guard let user = components.user, !user.isEmpty else {
            throw PostgresStoreError.invalidURL("no user (postgres://USER@HOST:PORT/DATABASE)")
        }
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        if path.contains("/") {
            throw PostgresStoreError.invalidURL("the path must be one database name, not \(path)")
        }
        var tls = TLSMode.prefer
        var poolSize = 8
        for item in components.queryItems ?? [] {
            let value = item.value ?? ""
            switch item.name {
            case "sslmode":
                switch value {
                case "disable", "allow": tls = .disable
                case "prefer": tls = .prefer
                case "require": tls = .require
                case "verify-ca", "verify-full": tls = .verify
                default: throw PostgresStoreError.invalidURL("sslmode must be disable, prefer, require or verify-full, not \(value)")
                }
            case "pool":
                guard let size = Int(value), (1...100).contains(size) else {
                    throw PostgresStoreError.invalidURL("pool must be a number of connections from 1 to 100, not \(value)")
                }
                poolSize = size
            default:
                throw PostgresStoreError.invalidURL("unknown parameter \(item.name) (sslmode and pool are understood)")
            }
        }
        self.init(
            host: host, port: components.port ?? 5432, username: user, password: components.password,
            database: path.isEmpty ? nil : path, tls: tls, poolSize: poolSize)
    }

    /// The URL with any password hidden, for messages and logs.
    public var description: String {
        let credentials = password == nil ? username : "\(username):***"
        return "postgres://\(credentials)@\(host):\(port)/\(database)"
    }

    /// True when a `--db` argument names a PostgreSQL database rather than a SQLite file.
    public static func isPostgresURL(_ string: String) -> Bool {
        let lower = string.lowercased()
        return lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://")
    }

    /// The same server, another database (tests make one per test; tools connect to `postgres` to
    /// create the one they need).
    public func with(database: String) -> PostgresURL {
        var copy = self
        copy.database = database
        return copy
    }

    /// The client configuration postgres-nio needs.
    var clientConfiguration: PostgresClient.Configuration {
        var unverified = TLSConfiguration.makeClientConfiguration()
        unverified.certificateVerification = .none
        let tlsSetting: PostgresClient.Configuration.TLS
        switch tls {
        case .disable: tlsSetting = .disable
        case .prefer: tlsSetting = .prefer(unverified)
        case .require: tlsSetting = .require(unverified)
        case .verify: tlsSetting = .require(.makeClientConfiguration())
        }
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: tlsSetting)
        configuration.options.maximumConnections = poolSize
        configuration.options.connectTimeout = .seconds(10)
        return configuration
    }

    private static func redacted(_ string: String) -> String {
        guard let at = string.lastIndex(of: "@"), let schemeEnd = string.range(of: "://") else { return string }
        let credentials = string[schemeEnd.upperBound..<at]
        guard let colon = credentials.firstIndex(of: ":") else { return string }
        return String(string[..<colon]) + ":***" + String(string[at...])
    }
}
