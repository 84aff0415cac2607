import Foundation

/// Runs the built `synoptic` executable as a user would: one runner for every test target that
/// drives the command line, so they all find the same binary and read its output the same way.
public enum SynopticProcess {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    public struct NotBuilt: Error, CustomStringConvertible {
        public var description: String { "the synoptic executable was not built (run swift build, or set SYNOPTIC_EXECUTABLE)" }
    }

    /// `SYNOPTIC_EXECUTABLE` when set (to run a release binary from a debug test build), else the
    /// executable next to the test bundle (what `swift test` built), else under `.build`.
    public static let executable: URL? = {
        let given = ProcessInfo.processInfo.environment["SYNOPTIC_EXECUTABLE"].map { URL(fileURLWithPath: $0) }
        let candidates = (given.map { [$0] } ?? []) + [
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("synoptic"),
            URL(fileURLWithPath: Swift.CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("synoptic"),
            SharedData.repositoryRoot.appendingPathComponent(".build/debug/synoptic"),
            SharedData.repositoryRoot.appendingPathComponent(".build/release/synoptic"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// Runs `synoptic arguments` in `directory` (the repository root unless given), feeding it
    /// `stdin`, and waits for it. Both pipes are read while it runs, so neither fills up. A
    /// positive `niceness` lowers its priority, as for ``start(_:in:capture:niceness:)``.
    public static func run(
        _ arguments: [String], in directory: URL = SharedData.repositoryRoot, stdin: Data? = nil, niceness: Int32 = 0
    ) throws -> Result {
        let process = try configured(arguments, in: directory)
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        try process.run()
        lowerPriority(process, by: niceness)
        if let stdin {
            input.fileHandleForWriting.write(stdin)
            try input.fileHandleForWriting.close()
        }
        let errData = LockedData()
        let errReader = Thread { errData.set(err.fileHandleForReading.readDataToEndOfFile()) }
        errReader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errReader.isFinished { Thread.sleep(forTimeInterval: 0.01) }
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData.get(), as: UTF8.self))
    }

    /// `run` on a thread of its own, for async tests whose fixture servers must keep answering on
    /// the cooperative pool while the command runs.
    public static func runDetached(_ arguments: [String], in directory: URL = SharedData.repositoryRoot) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Swift.Result { try run(arguments, in: directory) })
            }
        }
    }

    /// Starts `synoptic arguments` in `directory` without waiting. Its output goes nowhere unless
    /// `capture` is set, when `standardOutput` and `standardError` are pipes the caller reads. A
    /// positive `niceness` lowers its scheduling priority: a long CPU-bound child (the kill test's
    /// ingest) then leaves the machine to the tests running beside it whose timing matters.
    public static func start(_ arguments: [String], in directory: URL, capture: Bool = false, niceness: Int32 = 0) throws -> Process {
        let process = try configured(arguments, in: directory)
        process.standardInput = FileHandle.nullDevice
        if capture {
            process.standardOutput = Pipe()
            process.standardError = Pipe()
        } else {
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
        lowerPriority(process, by: niceness)
        return process
    }

    static func lowerPriority(_ process: Process, by niceness: Int32) {
        if niceness > 0 { _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), id_t(process.processIdentifier), niceness) }
    }

    static func configured(_ arguments: [String], in directory: URL) throws -> Process {
        guard let executable else { throw NotBuilt() }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        return process
    }
}

/// Bytes one reader thread hands to another.
final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func set(_ value: Data) { lock.withLock { data = value } }
    func get() -> Data { lock.withLock { data } }
}
