import Foundation
import SynopticCore
import SynopticTestSupport
import Testing

@testable import SynopticText

/// `BlockShape.key` was rewritten for speed (UTF-8 bytes instead of appending to a scalar view);
/// it must give the same key as before for every line, or cleaning would change. So must
/// `BatchBoilerplate.lines(of:)` and `BlockShape.words(of:)`, which replaced splits on characters.
@Suite("BlockShape.key")
struct BlockShapeKeyTests {
    /// The implementation before the rewrite, kept as the reference.
    static func referenceKey(_ text: some StringProtocol) -> String {
        var key = String.UnicodeScalarView()
        var gap = false
        for scalar in text.unicodeScalars {
            guard ScalarClass.isLetterOrDigit(scalar) else {
                gap = true
                continue
            }
            if gap && !key.isEmpty { key.append(" ") }
            gap = false
            if scalar.isASCII {
                key.append(ScalarClass.isUppercase(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar)
            } else {
                key.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return String(key)
    }

    static let awkward = [
        "a \u{301}b", "x \u{200D}y", "\u{600} z", "ok “quoted” — dash…", "tab\u{A0}nbsp", "  ",
        "", " ", "...", "A", "İstanbul ÇAĞ", "ΣΊΣΥΦΟΣ ΟΔΟΣ", "Straße GROSS", "ǅemal ǈ", "Ⅻ ⅻ ①②", "٣٤ ١٢", "e\u{301}tude ÉTUDE",
        "— “Quoted,” he said — 40,000 cars!", "👩‍👩‍👧 family 🇫🇷", "tab\tand\nnewline\r\n", "\u{0}nul\u{0}", "ＦＵＬＬＷＩＤＴＨ ｆｕｌｌ",
    ]

    /// Every line of the seeds and of 200 PolNeAR texts (none where ../shared is absent).
    static func realLines(for test: String) throws -> [String] {
        var lines: [String] = []
        for path in SharedData.seedPaths(for: test) ?? [] {
            lines += try String(contentsOfFile: path, encoding: .utf8).split(whereSeparator: \.isNewline).map(String.init)
        }
        if let root = SharedData.root {
            let dir = root.appendingPathComponent("data/attribution/polnear/dev/text")
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted().prefix(200) {
                let text = (try? String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)) ?? ""
                lines += text.split(whereSeparator: \.isNewline).map(String.init)
            }
        }
        return lines
    }

    @Test("the same keys and lines as before for awkward lines and every line of the seeds and public texts")
    func sameAsBefore() throws {
        let lines = Self.awkward + (try Self.realLines(for: "BlockShape.key"))
        #expect(lines.count > Self.awkward.count || SharedData.root == nil)
        let reference = { (text: String) in text.split(whereSeparator: \.isNewline).map(\.trimmedWhitespaceSlice).filter { !$0.isEmpty } }
        for text in Self.awkward + [Self.awkward.joined(separator: "\r\n"), Self.awkward.joined(separator: "\u{2028} \n\u{85}\u{B}")] {
            #expect(BatchBoilerplate.lines(of: text) == reference(text), "\(text)")
        }
        for path in SharedData.seedPaths(for: "BatchBoilerplate.lines") ?? [] {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(BatchBoilerplate.lines(of: text) == reference(text), "\(path)")
        }
        for line in lines + Self.awkward.map({ "  " + $0 + " x  \($0)" }) {
            #expect(BlockShape.words(of: line) == line.split(separator: " "), "\(line)")
            #expect(BlockShape.key(line) == Self.referenceKey(line), "\(line)")
            let slice = line.dropFirst(min(2, line.count))
            #expect(BlockShape.key(slice) == Self.referenceKey(slice), "\(slice)")
        }
    }

    @Test("the key hash is equal exactly when the keys are, over every line of the seeds and public texts")
    func keyHashSeparatesKeys() throws {
        let lines = Self.awkward + Self.awkward.map { "  " + $0.uppercased() + " —  " } + (try Self.realLines(for: "BlockShape.keyHash"))
        var keyOfHash: [Int: String] = [:]
        for line in lines {
            let key = BlockShape.key(line)
            let hash = BlockShape.keyHash(line)
            #expect(BlockShape.keyHash(line[...]) == hash, "a substring hashes as its string")
            if let earlier = keyOfHash[hash] {
                #expect(earlier == key, "two keys, one hash: \(earlier) / \(key)")
            }
            keyOfHash[hash] = key
        }
        // Lines that differ only in case and punctuation share a key, so a hash.
        #expect(BlockShape.keyHash("Read more: “The Talks,” in full.") == BlockShape.keyHash("read MORE — the talks in full"))
        #expect(BlockShape.keyHash("Read more") != BlockShape.keyHash("Read mores"))
        #expect(BlockShape.keyHash("") != BlockShape.keyHash("a"))
        // Keys of eight bytes and more: word boundaries and lengths are mixed in.
        #expect(BlockShape.keyHash("abcdefgh") != BlockShape.keyHash("abcdefgh a"))
        #expect(BlockShape.keyHash("abcdefghijklmnop") != BlockShape.keyHash("abcdefgh ijklmnop"))
    }
}

/// Cleaning's fourth round of speed-ups: each must leave every answer as it was.
@Suite("BlockShape and batch lines, fourth round")
struct BlockShapeFourthRoundTests {
    @Test("the word count is the number of words; the one-loop key hash is the hash of the key; byte lines are scalar lines")
    func sameAsBefore() throws {
        let lines =
            BlockShapeKeyTests.awkward + BlockShapeKeyTests.awkward.map { "  " + $0 + " x  \($0)" }
            + (try BlockShapeKeyTests.realLines(for: "BlockShape.wordCount"))
        for line in lines {
            #expect(BlockShape.wordCount(of: line) == line.split(separator: " ").count, "\(line)")
            #expect(BlockShape.keyHash(line) == BlockShape.hashOfKey(BlockShape.key(line)), "\(line)")
            let slice = line.dropFirst(min(2, line.count))
            #expect(BlockShape.keyHash(slice) == BlockShape.hashOfKey(BlockShape.key(slice)), "\(slice)")
        }
        var texts = [BlockShapeKeyTests.awkward.joined(separator: "\r\n"), BlockShapeKeyTests.awkward.joined(separator: "\u{2028} \n\u{85}\u{B}")]
        texts += ["\u{2029}a\u{A0}\u{2029}", "\u{3000}b\u{3000}\n\u{2003}", "x\u{85}", "\u{85}", "é\u{2028}", " \t "]
        if let root = SharedData.root {
            let dir = root.appendingPathComponent("data/attribution/polnear/dev/text")
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted().prefix(200) {
                texts.append((try? String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)) ?? "")
            }
        }
        for path in SharedData.seedPaths(for: "BatchBoilerplate.lines") ?? [] { texts.append(try String(contentsOfFile: path, encoding: .utf8)) }
        for text in texts {
            let lines = BatchBoilerplate.lines(of: text)
            let reference = BatchBoilerplate.scalarLines(of: text)
            #expect(lines == reference, "\(text.prefix(80))")
            // The same slices, not only equal text.
            #expect(lines.map { $0.startIndex.utf16Offset(in: text) } == reference.map { $0.startIndex.utf16Offset(in: text) })
            #expect(lines.map { $0.endIndex.utf16Offset(in: text) } == reference.map { $0.endIndex.utf16Offset(in: text) })
        }
    }

    @Test("the credit pre-check passes every closing paragraph that holds a credit")
    func creditPreCheck() {
        let credits = [
            "Reporting by Jane Doe; Editing by John Roe.", "ADDITIONAL REPORTING BY ANA LIMA.", "Anna Smith Contributed reporting from Kyiv.",
            "Bob Jones REPORTED from Moscow.", ";", "; ;.",
        ]
        for credit in credits {
            #expect(CreditLine.mayMatch(credit), "\(credit)")
            #expect(CreditLine.matches(credit) == CreditLine.grammarMatches(credit), "\(credit)")
        }
        #expect(CreditLine.mayMatch("The talks resumed on Monday, officials said.") == false)
        #expect(CreditLine.mayMatch("Abby stood nearby.") == false)
        // Every sentence of the seeds and public texts: the pre-check never turns a credit away.
        let segmenter = SentenceSegmenter()
        var credited = 0
        for line in (try? BlockShapeKeyTests.realLines(for: "CreditLine.mayMatch")) ?? [] {
            let scalars = Array(line.unicodeScalars)
            for span in segmenter.sentences(in: scalars, range: 0..<scalars.count) {
                let sentence = String(String.UnicodeScalarView(scalars[span.start..<span.end]))
                let credit = CreditLine.grammarMatches(sentence)
                if credit { credited += 1 }
                #expect(CreditLine.matches(sentence) == credit, "\(sentence)")
            }
        }
        #expect(credited > 0 || SharedData.root == nil)
    }
}
