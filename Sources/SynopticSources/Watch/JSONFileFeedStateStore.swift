import Foundation

/// Keeps feed states in one JSON file (an object keyed by feed URL), rewritten atomically on every
/// `put`, so `synoptic watch --state FILE` resumes where it stopped without a database.
public actor JSONFileFeedStateStore: FeedStateStore {
    /// The file's path.
    public let path: String
    private var states: [String: FeedState]?

    /// A store reading and writing `path` (created on the first `put`).
    public init(path: String) {
        self.path = path
    }

    /// A problem reading or writing the state file, with its path.
    public struct FileError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    public func state(for feedURL: String) async throws -> FeedState? {
        try load()[feedURL]
    }

    public func put(_ state: FeedState) async throws {
        var states = try load()
        states[state.feedURL] = state
        self.states = states
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            try encoder.encode(states).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw FileError(description: "\(path): cannot write the feed state (\(error.localizedDescription))")
        }
    }

    private func load() throws -> [String: FeedState] {
        if let states { return states }
        guard FileManager.default.fileExists(atPath: path) else {
            states = [:]
            return [:]
        }
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            let loaded = data.isEmpty ? [:] : try JSONDecoder().decode([String: FeedState].self, from: data)
            states = loaded
            return loaded
        } catch {
            throw FileError(description: "\(path): not a feed state file (\(error.localizedDescription))")
        }
    }
}
