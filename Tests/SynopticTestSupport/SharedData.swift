import Foundation

/// Finds `../shared` (seeds and public data) relative to the repository root, as CI lays it out.
public enum SharedData {
    /// The repository root, found from this file's place in it.
    public static let repositoryRoot: URL = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }()

    /// `../shared`, or `nil` (with a printed notice) when it is absent.
    public static var root: URL? {
        let url = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// The seed articles' paths, sorted, or `nil` with a notice printed when `../shared/seeds` is absent.
    public static func seedPaths(for test: String) -> [String]? {
        guard let root, let names = try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("seeds").path) else {
            print("notice: ../shared/seeds is absent; skipping \(test)")
            return nil
        }
        return names.filter { $0.hasSuffix(".txt") }.sorted().map { root.appendingPathComponent("seeds").appendingPathComponent($0).path }
    }

    /// A fresh temporary directory, removed by the caller.
    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("synoptic-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
