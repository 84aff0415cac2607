/// A problem with one input: what it is, where, and whether the input was skipped.
public struct Diagnostic: Error, Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable, Codable {
        /// The input was read, but something in it had to be repaired (e.g. invalid UTF-8 bytes).
        case warning
        /// The input (a file, or one line of it) was skipped.
        case error
    }

    public var severity: Severity
    /// The file path as given, or `-` for standard input.
    public var path: String
    /// 1-based line, for JSON Lines inputs.
    public var line: Int?
    public var reason: String

    public init(_ severity: Severity, path: String, line: Int? = nil, reason: String) {
        self.severity = severity
        self.path = path
        self.line = line
        self.reason = reason
    }

    /// `path[:line]: reason` (with `warning: ` before the reason for warnings).
    public var description: String {
        let location = line.map { "\(path):\($0)" } ?? path
        return severity == .warning ? "\(location): warning: \(reason)" : "\(location): \(reason)"
    }
}
