import ArgumentParser
import Foundation
import Hummingbird
import Synoptic
import SynopticServer
import SynopticStore

/// `synoptic serve [--port 8080] [--host 127.0.0.1] [--db PATH] [PATH...]`
public struct ServeCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the stories over HTTP: a JSON API (docs/openapi.yaml) and web pages.",
        discussion: """
            Articles at the given PATHs (as for brief) are ingested before the server starts; more \
            arrive with POST /api/articles. Without --db the store lives in memory and is gone when \
            the server stops. The server binds to 127.0.0.1 unless --host says otherwise, and stops \
            cleanly on SIGINT or SIGTERM (requests in flight are answered first).
            """)

    @Argument(help: "Files or directories to ingest before serving.")
    public var paths: [String] = []

    @Option(help: "Port to listen on (0 picks a free one and prints it).")
    public var port: Int = 8080

    @Option(help: "Address to bind.")
    public var host: String = "127.0.0.1"

    @Option(help: "Database file; without it the store is in memory.")
    public var db: String?

    @Option(help: "Largest request body, in bytes.")
    public var maxBodyBytes: Int = ServerConfiguration().maxBodyBytes

    @Option(help: "Seconds a connection may take to send a request head (and may stay idle) before it is closed.")
    public var idleTimeout: Int = 15

    public init() {}

    public func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
        guard maxBodyBytes > 0 else { throw ValidationError("--max-body-bytes must be positive") }
        guard idleTimeout > 0 else { throw ValidationError("--idle-timeout must be positive") }
    }

    public func run() async throws {
        if db != nil {
            // The SQLite store is wired in at merge; until then say so rather than serve from memory silently.
            throw ValidationError("--db is not available in this build yet; run without it to serve from memory")
        }
        let library = StoryLibrary(store: InMemoryStore())
        if !paths.isEmpty {
            let report = try await library.ingest(paths: paths)
            for diagnostic in report.diagnostics { FileHandle.standardError.write(Data("\(diagnostic)\n".utf8)) }
            let stories = try await library.stories(StoryQuery(limit: 1)).total
            FileHandle.standardError.write(Data("ingested \(report.stored) article(s), \(report.duplicates) duplicate(s), \(stories) stor\(stories == 1 ? "y" : "ies")\n".utf8))
        }
        let configuration = ServerConfiguration(host: host, port: port, maxBodyBytes: maxBodyBytes, idleTimeout: .seconds(idleTimeout))
        let host = self.host
        let app = buildApplication(library: library, configuration: configuration) { channel in
            // The bound port, on one line a script can read (the port may have been 0).
            let bound = channel.localAddress?.port ?? 0
            FileHandle.standardOutput.write(Data("listening on http://\(host):\(bound)\n".utf8))
        }
        // runService installs SIGINT and SIGTERM handlers: the server stops accepting, finishes
        // the requests in flight, and returns.
        try await app.runService()
    }
}
