import Foundation

/// Runs the Python peers (scripts in `Benchmarks/peers`) on items written as JSON Lines, so their
/// scores and speeds come from the same run as Synoptic's.
public enum PeerRunner {
    public enum Script: String, Sendable {
        /// pySBD and spaCy's sentencizer.
        case segmentation = "segment_peers.py"
        /// trafilatura, installed by the script when missing.
        case extraction = "extraction_peers.py"
        /// datasketch's MinHashLSH, installed by the script when missing.
        case duplicates = "duplicates_peers.py"
        /// scikit-learn's agglomerative clustering, installed by the script when missing.
        case stories = "stories_peers.py"
    }

    /// A peers script inside a repository checkout.
    public static func script(_ script: Script, in repository: URL) -> URL {
        repository.appendingPathComponent("Benchmarks/peers/\(script.rawValue)")
    }

    /// Writes `items` as JSON Lines, runs `python script arguments… FILE`, and returns one object per
    /// line the script printed.
    public static func run(python: String, script: URL, arguments: [String], items: [[String: Any]]) throws -> [[String: Any]] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("synoptic-peers-\(getpid()).jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        var data = Data()
        for item in items {
            data.append(try JSONSerialization.data(withJSONObject: item))
            data.append(0x0A)
        }
        try data.write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, script.path] + arguments + [file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self).split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }
}

/// Finds the repository checkout and `../shared/data` beside it, walking up from a directory.
public enum RepositoryLocator {
    /// The nearest directory at or above `start` that holds `Package.swift`.
    public static func repositoryRoot(from start: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) -> URL? {
        var dir = start
        for _ in 0..<8 {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) { return dir }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }

    /// `../shared/data` beside the repository, when it exists.
    public static func dataDirectory(from start: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) -> URL? {
        guard let root = repositoryRoot(from: start) else { return nil }
        let data = root.deletingLastPathComponent().appendingPathComponent("shared/data")
        return FileManager.default.fileExists(atPath: data.path) ? data : nil
    }
}
