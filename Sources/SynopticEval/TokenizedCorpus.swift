import Foundation

/// A document given as tokens with their gold sentence numbers, as the SemEval-2015 TimeLine
/// corpus (Wikinews articles in CAT XML) ships them: `<token sentence="N" …>word</token>`.
public struct TokenizedDocument: Sendable, Hashable {
    public var name: String
    public var tokens: [(text: String, sentence: Int)]

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.name == rhs.name && lhs.tokens.map(\.text) == rhs.tokens.map(\.text) && lhs.tokens.map(\.sentence) == rhs.tokens.map(\.sentence)
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(name) }

    public init(name: String, tokens: [(text: String, sentence: Int)]) {
        self.name = name
        self.tokens = tokens
    }

    /// Reads a CAT XML file. The format is one `<token>` element per line; a small scanner reads
    /// it (it is data from a known producer, not markup from the web).
    public static func readCAT(_ xml: String, name: String) -> TokenizedDocument {
        var tokens: [(String, Int)] = []
        for line in xml.split(separator: "\n") {
            guard let open = line.range(of: "<token "), let sentenceKey = line.range(of: "sentence=\"", range: open.upperBound..<line.endIndex),
                let sentenceEnd = line[sentenceKey.upperBound...].firstIndex(of: "\""),
                let sentence = Int(line[sentenceKey.upperBound..<sentenceEnd]),
                let tagEnd = line[sentenceEnd...].firstIndex(of: ">"),
                let close = line.range(of: "</token>", range: tagEnd..<line.endIndex)
            else { continue }
            let text = unescape(String(line[line.index(after: tagEnd)..<close.lowerBound]))
            if !text.isEmpty { tokens.append((text, sentence)) }
        }
        return TokenizedDocument(name: name, tokens: tokens)
    }

    static func unescape(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}

/// Text rebuilt from tokens the way it was printed, with the gold sentence starts as offsets.
public struct DetokenizedText: Sendable, Hashable {
    /// The text, one paragraph (the corpus keeps no paragraph breaks).
    public var text: String
    /// Unicode-scalar offsets where gold sentences after the first begin.
    public var boundaries: [Int]
    /// Number of gold sentences.
    public var sentenceCount: Int

    /// Joins tokens with spaces except where print has none (before `.,;:!?%)]` and clitics like
    /// `'s` and `n't`, after `([$`), and turns the PTB quote tokens `` `` `` and `''` into “ and ”.
    public init(_ tokens: ArraySlice<(text: String, sentence: Int)>) {
        var scalars = String.UnicodeScalarView()
        var count = 0
        var boundaries: [Int] = []
        var previousSentence: Int?
        var previousText = ""
        var sentences = 0
        for (text, sentence) in tokens {
            let printed = text == "``" ? "\u{201C}" : text == "''" ? "\u{201D}" : text
            let glued = Self.attachesLeft(printed) || Self.attachesRight(previousText)
            if count > 0 && !glued {
                scalars.append(" ")
                count += 1
            }
            if sentence != previousSentence {
                if previousSentence != nil { boundaries.append(count) }
                sentences += 1
                previousSentence = sentence
            }
            scalars.append(contentsOf: printed.unicodeScalars)
            count += printed.unicodeScalars.count
            previousText = printed
        }
        self.text = String(scalars)
        self.boundaries = boundaries
        self.sentenceCount = sentences
    }

    static func attachesLeft(_ token: String) -> Bool {
        if [".", ",", ";", ":", "!", "?", "%", ")", "]", "}", "\u{201D}", "...", "n't", "'"].contains(token) { return true }
        let lower = token.lowercased()
        return ["'s", "'re", "'ve", "'d", "'ll", "'m"].contains(lower)
    }

    static func attachesRight(_ token: String) -> Bool {
        ["(", "[", "{", "$", "\u{201C}", "#"].contains(token)
    }
}
