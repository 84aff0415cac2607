import Foundation
import Logging
import PostgresNIO
import Testing

@testable import SynopticPostgres

#if canImport(Glibc)
import Glibc
#endif

/// The PostgreSQL server the tests use, and a fresh database per test on it.
///
/// `.ci/run` starts a server and exports `SYNOPTIC_TEST_POSTGRES_URL`; without it (plain `swift
/// test` on a dev machine) the first test starts one itself the same way: `initdb` into a
/// temporary directory (as the `postgres` user when running as root, since initdb refuses root),
/// trust authentication, loopback only, fsync off. A watcher started with `setsid` stops that server
/// and deletes its directory as soon as the test process is gone, however it ends, so no server
/// outlives the tests. Only where neither is possible (no PostgreSQL binaries, or root without a
/// `postgres` user) do the tests skip, with a notice saying why.
enum TestPostgres {
    static let environmentVariable = "SYNOPTIC_TEST_POSTGRES_URL"

    /// Why the tests cannot run here, or nil when they can (a URL is given, or a server can be
    /// started). Prints the notice once.
    static let unavailableReason: String? = {
        if ProcessInfo.processInfo.environment[environmentVariable] != nil { return nil }
        let reason: String?
        if LocalServer.binDirectory() == nil {
            reason = "no PostgreSQL server binaries (initdb, pg_ctl) found and \(environmentVariable) is not set"
        } else if getuid() == 0 && getpwnam("postgres") == nil {
            reason = "running as root and there is no postgres user to run initdb as"
        } else {
            reason = nil
        }
        if let reason { print("notice: PostgreSQL tests skipped: \(reason)") }
        return reason
    }()

    static var available: Bool { unavailableReason == nil }

    /// The server's URL (the CI's, or one started for this process).
    static func serverURL() async throws -> PostgresURL {
        if let given = ProcessInfo.processInfo.environment[environmentVariable] {
            return try PostgresURL(given)
        }
        return try await LocalServer.shared.url()
    }

    /// A new, empty database on the server, for one test.
    static func makeDatabase() async throws -> PostgresURL {
        let server = try await serverURL()
        let name = "synoptic_t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        try await admin(server) { connection in
            try await connection.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: quietLogger)
        }
        return server.with(database: String(name))
    }

    static func dropDatabase(_ url: PostgresURL) async throws {
        let server = try await serverURL()
        try await admin(server) { connection in
            try await connection.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(url.database) WITH (FORCE)"), logger: quietLogger)
        }
    }

    /// Runs `body` with a migrated store on a fresh database, then shuts it down and drops the
    /// database.
    static func withStore(_ body: (PostgresStore, PostgresURL) async throws -> Void) async throws {
        let url = try await makeDatabase()
        let store = try await PostgresStore.connect(url)
        do {
            try await body(store, url)
        } catch {
            await store.shutdown()
            try? await dropDatabase(url)
            throw error
        }
        await store.shutdown()
        try await dropDatabase(url)
    }

    static let quietLogger = Logger(label: "synoptic.test.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    /// One plain connection to the server's own database for CREATE/DROP DATABASE.
    private static func admin(_ url: PostgresURL, _ body: (PostgresConnection) async throws -> Void) async throws {
        let configuration = PostgresConnection.Configuration(
            host: url.host, port: url.port, username: url.username, password: url.password, database: url.database, tls: .disable)
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: quietLogger)
        do {
            try await body(connection)
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
    }
}

/// A throwaway PostgreSQL server for this test process.
actor LocalServer {
    static let shared = LocalServer()

    private var started: PostgresURL?

    func url() async throws -> PostgresURL {
        if let started { return started }
        var lastError: (any Error)?
        // A random port may be taken; a few tries find a free one.
        for _ in 0..<4 {
            let port = Int.random(in: 20_000..<60_000)
            do {
                let url = try await start(port: port)
                started = url
                return url
            } catch {
                lastError = error
            }
        }
        throw lastError ?? LocalServerError(message: "could not start PostgreSQL")
    }

    /// The directory holding initdb and pg_ctl: Debian's newest, else the one on PATH.
    nonisolated static func binDirectory() -> String? {
        let fileManager = FileManager.default
        let debian = "/usr/lib/postgresql"
        let versions = (try? fileManager.contentsOfDirectory(atPath: debian)) ?? []
        for version in versions.sorted(by: { (Int($0) ?? 0) > (Int($1) ?? 0) }) {
            let bin = "\(debian)/\(version)/bin"
            if fileManager.isExecutableFile(atPath: "\(bin)/initdb") && fileManager.isExecutableFile(atPath: "\(bin)/pg_ctl") {
                return bin
            }
        }
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            if fileManager.isExecutableFile(atPath: "\(directory)/initdb") && fileManager.isExecutableFile(atPath: "\(directory)/pg_ctl") {
                return String(directory)
            }
        }
        return nil
    }

    /// The watcher script: creates and starts the server, says so in `ready` (or `failed`), then
    /// waits for the test process to end and stops the server and removes its directory.
    private static let script = #"""
        bin=$1; root=$2; port=$3; parent=$4
        run() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
        stop() { run "$bin/pg_ctl" -D "$root/data" -m immediate -w stop >/dev/null 2>&1; rm -rf "$root"; }
        trap 'stop; exit 0' TERM INT HUP
        if ! run "$bin/initdb" -D "$root/data" -U synoptic --auth=trust -E UTF8 --locale=C.UTF-8 >"$root/initdb.log" 2>&1; then
            cp "$root/initdb.log" "$root/failed"; exit 1
        fi
        if ! run "$bin/pg_ctl" -D "$root/data" -l "$root/server.log" -w -t 30 \
            -o "-c listen_addresses=127.0.0.1 -p $port -k $root -c fsync=off -c max_connections=300" start >/dev/null 2>&1; then
            tail -n 20 "$root/server.log" >"$root/failed" 2>&1; rm -rf "$root/data"; exit 1
        fi
        touch "$root/ready"
        while kill -0 "$parent" 2>/dev/null; do sleep 1; done
        stop
        """#

    private func start(port: Int) async throws -> PostgresURL {
        guard let bin = Self.binDirectory() else { throw LocalServerError(message: "no initdb") }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("synoptic-pg-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        if getuid() == 0, let postgres = getpwnam("postgres") {
            chown(root, postgres.pointee.pw_uid, postgres.pointee.pw_gid)
        }
        let watcher = Process()
        // setsid: the watcher survives the test process (and a Ctrl-C to its process group) long
        // enough to stop the server.
        watcher.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
        watcher.arguments = ["/bin/sh", "-c", Self.script, "watcher", bin, root, String(port), String(getpid())]
        watcher.standardInput = FileHandle.nullDevice
        watcher.standardOutput = FileHandle.nullDevice
        watcher.standardError = FileHandle.nullDevice
        try watcher.run()
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            if FileManager.default.fileExists(atPath: "\(root)/ready") {
                return PostgresURL(host: "127.0.0.1", port: port, username: "synoptic", database: "postgres", tls: .disable)
            }
            if FileManager.default.fileExists(atPath: "\(root)/failed") {
                let log = (try? String(contentsOfFile: "\(root)/failed", encoding: .utf8)) ?? ""
                try? FileManager.default.removeItem(atPath: root)
                throw LocalServerError(message: "PostgreSQL did not start on port \(port): \(log)")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw LocalServerError(message: "PostgreSQL did not start within 60 s")
    }
}

struct LocalServerError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
