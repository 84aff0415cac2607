import Foundation

/// YAML front matter at the top of a text file: `key: value` lines between two `---` lines.
///
/// The subset news tooling writes is read: plain, single- and double-quoted scalars, flow lists
/// (`[a, b]`) and block lists (`- a`). Keys that name no field are ignored. A file that opens with
/// `---` but holds no `key:` line before the closing `---` has no front matter; its text is kept.
public enum FrontMatter {
    public struct Parsed: Sendable {
        public var metadata: SourceMetadata
        /// The text after the closing line.
        public var body: Substring
        /// Number of lines the front matter took, closing line included.
        public var lineCount: Int
    }

    public static func parse(_ text: String) -> Parsed? {
        guard text.hasPrefix("---") else { return nil }
        var lines: [Substring] = []
        var rest = Substring(text)
        guard let firstBreak = rest.firstIndex(where: { $0.isNewline }) else { return nil }
        guard rest[..<firstBreak].trimmingCharacters(in: .whitespacesAndNewlines) == "---" else { return nil }
        rest = rest[rest.index(after: firstBreak)...]
        var closed = false
        while !rest.isEmpty {
            let lineEnd = rest.firstIndex(where: { $0.isNewline }) ?? rest.endIndex
            let line = rest[..<lineEnd]
            rest = lineEnd == rest.endIndex ? rest[lineEnd...] : rest[rest.index(after: lineEnd)...]
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed == "---" || trimmed == "..." {
                closed = true
                break
            }
            lines.append(line)
            if lines.count > 200 { return nil }
        }
        guard closed else { return nil }
        var metadata = SourceMetadata()
        var sawKey = false
        var index = 0
        while index < lines.count {
            let line = lines[index]
            index += 1
            let content = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if content.isEmpty || content.hasPrefix("#") { continue }
            guard line.first != " ", line.first != "\t", let colon = content.firstIndex(of: ":") else { continue }
            let key = String(content[..<colon]).trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty, !key.contains(" ") else { continue }
            sawKey = true
            let raw = content[content.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            var value: MetadataValue
            if raw.isEmpty {
                // A block list on the following indented `- ` lines.
                var items: [String] = []
                while index < lines.count {
                    let item = lines[index].trimmingCharacters(in: .whitespacesAndNewlines)
                    guard item.hasPrefix("- ") || item == "-" else { break }
                    items.append(unquote(String(item.dropFirst(1)).trimmingCharacters(in: .whitespaces)))
                    index += 1
                }
                value = .list(items.filter { !$0.isEmpty })
            } else if raw.hasPrefix("["), raw.hasSuffix("]") {
                value = .list(raw.dropFirst().dropLast().split(separator: ",").map { unquote(String($0).trimmingCharacters(in: .whitespaces)) })
            } else {
                value = .text(unquote(raw))
            }
            metadata.set(key, value)
        }
        guard sawKey else { return nil }
        return Parsed(metadata: metadata, body: rest, lineCount: lines.count + 2)
    }

    private static func unquote(_ value: String) -> String {
        if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
            let inner = String(value.dropFirst().dropLast())
            return first == "\"" ? inner.replacingOccurrences(of: "\\\"", with: "\"") : inner.replacingOccurrences(of: "''", with: "'")
        }
        // A trailing comment after a plain scalar.
        if let hash = value.range(of: " #") { return String(value[..<hash.lowerBound]).trimmingCharacters(in: .whitespaces) }
        return value
    }
}
