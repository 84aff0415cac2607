/// A word-level edit script from one text to another, as `diff --word-diff` shows it.
///
/// Words are runs of non-space characters compared exactly, punctuation included, so a changed
/// comma or quotation mark shows as a changed word; the alignment is a longest common subsequence
/// of words. Within one stretch of changes, every deletion comes before every insertion, which is
/// what a reader expects: `[-old words-]{+new words+}`.
public struct WordDiff: Hashable, Sendable {
    public enum Operation: String, Hashable, Sendable, Codable {
        case equal
        case deleted
        case inserted
    }

    /// Consecutive words with one operation, joined by single spaces.
    public struct Run: Hashable, Sendable {
        public var operation: Operation
        public var text: String

        public init(operation: Operation, text: String) {
            self.operation = operation
            self.text = text
        }
    }

    public var runs: [Run]

    /// Largest table the longest-common-subsequence search may fill (words of the changed middle
    /// of one text times those of the other). Beyond it, the middle is shown replaced whole: a
    /// correct diff, only a coarser one, and memory stays bounded on hostile input.
    public static let maxTableCells = 1_000_000

    public init(from old: some StringProtocol, to new: some StringProtocol) {
        let a = Self.words(old)
        let b = Self.words(new)
        var operations: [(Operation, Substring)] = []
        // Common ends first: most rewrites touch a few words in the middle.
        var prefix = 0
        while prefix < a.count && prefix < b.count && a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix && suffix < b.count - prefix && a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        for word in a[..<prefix] { operations.append((.equal, word)) }
        let middleA = Array(a[prefix..<(a.count - suffix)])
        let middleB = Array(b[prefix..<(b.count - suffix)])
        operations += Self.middle(middleA, middleB)
        for word in a[(a.count - suffix)...] { operations.append((.equal, word)) }
        runs = Self.grouped(operations)
    }

    /// Whether the two texts have the same words.
    public var isUnchanged: Bool { runs.allSatisfy { $0.operation == .equal } }

    /// The diff in text: `[-deleted-]` and `{+inserted+}` around changed words.
    public var marked: String { marked(deleted: ("[-", "-]"), inserted: ("{+", "+}")) }

    /// The diff with the given markers around deleted and inserted runs (ANSI colours, say).
    public func marked(deleted: (String, String), inserted: (String, String)) -> String {
        runs.map { run in
            switch run.operation {
            case .equal: run.text
            case .deleted: deleted.0 + run.text + deleted.1
            case .inserted: inserted.0 + run.text + inserted.1
            }
        }.joined(separator: " ")
    }

    static func words(_ text: some StringProtocol) -> [Substring] {
        Substring(text).split(whereSeparator: { $0.isWhitespace })
    }

    /// The edit script of the changed middle: a longest common subsequence when the table is
    /// small enough, else all of `a` deleted and all of `b` inserted.
    static func middle(_ a: [Substring], _ b: [Substring]) -> [(Operation, Substring)] {
        if a.isEmpty || b.isEmpty || a.count * b.count > maxTableCells {
            return a.map { (.deleted, $0) } + b.map { (.inserted, $0) }
        }
        let columns = b.count + 1
        // lengths[i * columns + j]: the longest common subsequence of a[i...] and b[j...].
        var lengths = [Int32](repeating: 0, count: (a.count + 1) * columns)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i * columns + j] =
                    a[i] == b[j] ? lengths[(i + 1) * columns + j + 1] + 1 : max(lengths[(i + 1) * columns + j], lengths[i * columns + j + 1])
            }
        }
        var result: [(Operation, Substring)] = []
        var i = 0
        var j = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] {
                result.append((.equal, a[i]))
                i += 1
                j += 1
            } else if lengths[(i + 1) * columns + j] >= lengths[i * columns + j + 1] {
                result.append((.deleted, a[i]))
                i += 1
            } else {
                result.append((.inserted, b[j]))
                j += 1
            }
        }
        while i < a.count {
            result.append((.deleted, a[i]))
            i += 1
        }
        while j < b.count {
            result.append((.inserted, b[j]))
            j += 1
        }
        return result
    }

    /// Joins words into runs, deletions before insertions between two equal stretches.
    static func grouped(_ operations: [(Operation, Substring)]) -> [Run] {
        var runs: [Run] = []
        var deleted: [Substring] = []
        var inserted: [Substring] = []
        var equal: [Substring] = []
        func flushChanges() {
            if !deleted.isEmpty { runs.append(Run(operation: .deleted, text: deleted.joined(separator: " "))) }
            if !inserted.isEmpty { runs.append(Run(operation: .inserted, text: inserted.joined(separator: " "))) }
            deleted.removeAll()
            inserted.removeAll()
        }
        func flushEqual() {
            if !equal.isEmpty { runs.append(Run(operation: .equal, text: equal.joined(separator: " "))) }
            equal.removeAll()
        }
        for (operation, word) in operations {
            switch operation {
            case .equal:
                flushChanges()
                equal.append(word)
            case .deleted:
                flushEqual()
                deleted.append(word)
            case .inserted:
                flushEqual()
                inserted.append(word)
            }
        }
        flushChanges()
        flushEqual()
        return runs
    }
}
