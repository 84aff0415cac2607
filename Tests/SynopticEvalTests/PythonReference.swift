import Foundation

/// Runs a small Python program against a reference implementation (NLTK, rouge-score) when the
/// machine has it: `nil`, with a printed notice, when python3 or the module is missing.
enum PythonReference {
    /// Whether `python3` can import `module`.
    static func available(_ module: String) -> Bool {
        (try? run(["-c", "import \(module)"]))?.status == 0
    }

    /// Writes `input` to a file, runs `python3 -c program FILE` and returns its standard output, or
    /// `nil` with a notice when `module` cannot be imported.
    static func output(of program: String, input: Data, module: String, skipping test: String) throws -> String? {
        guard available(module) else {
            print("notice: python3 with \(module) is not available; skipping \(test)")
            return nil
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("synoptic-reference-\(UUID().uuidString)")
        try input.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let (status, output) = try run(["-c", program, file.path])
        guard status == 0 else { throw ReferenceError(description: "python3 exited with \(status)") }
        return output
    }

    struct ReferenceError: Error, CustomStringConvertible { var description: String }

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
