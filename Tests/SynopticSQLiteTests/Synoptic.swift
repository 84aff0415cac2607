import Foundation
import SynopticTestSupport
import Testing

/// Runs the built `synoptic` executable, as `CommandLineTests` does.
enum Synoptic {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// `SYNOPTIC_EXECUTABLE` when set (to run a release binary from a debug test build), else the
    /// executable next to the test bundle (what `swift test` built), else under `.build`.
    static let executable: URL? = {
        let given = ProcessInfo.processInfo.environment["SYNOPTIC_EXECUTABLE"].map { URL(fileURLWithPath: $0) }
        let candidates = (given.map { [$0] } ?? []) + [
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("synoptic"),
            URL(fileURLWithPath: Swift.CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("synoptic"),
            SharedData.repositoryRoot.appendingPathComponent(".build/debug/synoptic"),
            SharedData.repositoryRoot.appendingPathComponent(".build/release/synoptic"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// Runs `synoptic arguments` in `directory` and waits for it (at a lower priority with
    /// `niceness`, as ``start(_:in:capture:niceness:)``).
    static func run(_ arguments: [String], in directory: URL, niceness: Int32 = 0) throws -> Result {
        let process = try start(arguments, in: directory, capture: true, niceness: niceness)
        nonisolated(unsafe) var errData = Data()
        let err = process.standardError as! Pipe
        let out = process.standardOutput as! Pipe
        let errReader = Thread { errData = err.fileHandleForReading.readDataToEndOfFile() }
        errReader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errReader.isFinished { Thread.sleep(forTimeInterval: 0.01) }
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Starts `synoptic arguments` without waiting; its output goes nowhere unless captured. A
    /// positive `niceness` lowers its scheduling priority: a long CPU-bound child (the kill test's
    /// ingest) then leaves the machine to the tests running beside it whose timing matters.
    static func start(_ arguments: [String], in directory: URL, capture: Bool = false, niceness: Int32 = 0) throws -> Process {
        let url = try #require(executable, "the synoptic executable was not built")
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardInput = FileHandle.nullDevice
        if capture {
            process.standardOutput = Pipe()
            process.standardError = Pipe()
        } else {
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
        if niceness > 0 { _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), id_t(process.processIdentifier), niceness) }
        return process
    }
}
