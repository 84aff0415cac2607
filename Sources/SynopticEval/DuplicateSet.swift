import Foundation
import SynopticStories

/// A real article from `../shared/data`, the seed of a family of generated copies.
public struct DuplicateSource: Sendable, Hashable {
    public var id: String
    public var title: String
    public var paragraphs: [String]
    /// Articles with the same topic key are about the same thing: the AllSides story, or the
    /// PolNeAR publication day (the 2016 US election campaign, every day).
    public var topic: String

    public init(id: String, title: String, paragraphs: [String], topic: String) {
        self.id = id
        self.title = title
        self.paragraphs = paragraphs
        self.topic = topic
    }

    /// PolNeAR's article texts (train and dev; the first line is the headline) and the bodies of
    /// the AllSides dev stories, in a fixed order. Sources under 30 words are left out.
    public static func load(_ data: URL) throws -> [DuplicateSource] {
        var sources: [DuplicateSource] = []
        let manager = FileManager.default
        for split in ["dev", "train"] {
            let directory = data.appendingPathComponent("attribution/polnear/\(split)/text")
            guard let names = try? manager.contentsOfDirectory(atPath: directory.path) else { continue }
            for name in names.sorted() where name.hasSuffix(".txt") {
                let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
                let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                guard lines.count >= 2 else { continue }
                // File names are OUTLET_YYYY-MM-DD_slug.
                let parts = name.split(separator: "_")
                let day = parts.count > 1 ? String(parts[1]) : "unknown"
                sources.append(
                    DuplicateSource(id: "polnear/\(name.dropLast(4))", title: lines[0], paragraphs: Array(lines.dropFirst()), topic: "polnear \(day)")
                )
            }
        }
        let stories = data.appendingPathComponent("stories/allsides-roundups-dev.jsonl")
        if let text = try? String(contentsOf: stories, encoding: .utf8) {
            for line in text.split(separator: "\n") {
                guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                    let news = object["news"] as? [String: Any]
                else { continue }
                let story = "\(object["id"] ?? "?")"
                for stance in news.keys.sorted() {
                    guard let article = news[stance] as? [String: Any], let body = article["newBody"] as? [String] else { continue }
                    let paragraphs = body.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
                    sources.append(
                        DuplicateSource(
                            id: "allsides/\(story)-\(stance)", title: article["newsTitle"] as? String ?? "", paragraphs: paragraphs,
                            topic: "allsides \(story)"))
                }
            }
        }
        return sources.filter { source in source.paragraphs.reduce(0) { $0 + $1.split(separator: " ").count } >= 30 }
    }
}

/// A generated duplicate-detection set: real articles, copies of some of them made the ways
/// outlets reprint (edited headline, trimmed ending, inserted or reordered paragraphs, small word
/// edits), all in one shuffled stream; and pairs of different articles on the same topic as hard
/// negatives. The same seed always gives the same set.
public struct DuplicateSet: Sendable {
    public struct Text: Sendable, Hashable {
        public var id: String
        public var title: String
        public var paragraphs: [String]
        /// The source article this text is, or was made from (an index into `sources`).
        public var family: Int
        /// How it was made: `original`, or the edits joined by `+` (`trimmed+words`).
        public var edits: String

        public var body: String { paragraphs.joined(separator: "\n\n") }
    }

    /// An unordered pair of stream positions, smaller first.
    public struct Pair: Sendable, Hashable, Comparable {
        public let first: Int
        public let second: Int

        public init(_ a: Int, _ b: Int) {
            first = min(a, b)
            second = max(a, b)
        }

        public static func < (lhs: Pair, rhs: Pair) -> Bool { (lhs.first, lhs.second) < (rhs.first, rhs.second) }
    }

    public var sources: [DuplicateSource]
    /// The stream, in the order a system reads it.
    public var texts: [Text]
    /// Every two texts of one family: the pairs a system should report.
    public var positives: Set<Pair>
    /// Originals of different articles on the same topic (the same AllSides story, or the same
    /// PolNeAR day): pairs a careless system reports.
    public var hardNegatives: Set<Pair>
    /// Families whose sources already share a passage of 50 words or more in the data (an outlet's
    /// own versions, wire copies): pairs across them are not scored either way.
    public var relatedFamilies: Set<Pair>

    /// Whether a pair across families counts (it does unless the sources are related in the data).
    public func isScored(_ pair: Pair) -> Bool {
        let a = texts[pair.first].family, b = texts[pair.second].family
        return a == b || !relatedFamilies.contains(Pair(a, b))
    }

    /// Builds the set from `sources` with a fixed seed.
    public init(sources: [DuplicateSource], seed: UInt64 = 2026) {
        var random = SplitMix64(seed: seed)
        self.sources = sources
        var texts: [Text] = []
        for (index, source) in sources.enumerated() {
            texts.append(Text(id: source.id, title: source.title, paragraphs: source.paragraphs, family: index, edits: "original"))
            guard random.chance(0.55) else { continue }
            let copies = 1 + (random.chance(0.35) ? 1 : 0) + (random.chance(0.25) ? 1 : 0)
            for copy in 1...copies {
                var maker = CopyMaker(random: random, sources: sources, source: index)
                let text = maker.make(copy: copy)
                random = maker.random
                texts.append(text)
            }
        }
        random.shuffle(&texts)
        self.texts = texts

        var byFamily: [Int: [Int]] = [:]
        for (position, text) in texts.enumerated() { byFamily[text.family, default: []].append(position) }
        var positives: Set<Pair> = []
        for members in byFamily.values where members.count > 1 {
            for i in members.indices { for j in members.indices where j > i { positives.insert(Pair(members[i], members[j])) } }
        }
        self.positives = positives

        var originalsByTopic: [String: [Int]] = [:]
        for (position, text) in texts.enumerated() where text.edits == "original" {
            originalsByTopic[sources[text.family].topic, default: []].append(position)
        }
        var hardNegatives: Set<Pair> = []
        for members in originalsByTopic.values where members.count > 1 {
            for i in members.indices { for j in members.indices where j > i { hardNegatives.insert(Pair(members[i], members[j])) } }
        }
        let related = Self.relatedSources(sources)
        self.relatedFamilies = related
        self.hardNegatives = hardNegatives.filter { !related.contains(Pair(texts[$0.first].family, texts[$0.second].family)) }
    }

    /// Pairs of sources that share a run of 50 words: copies the data holds by itself.
    static func relatedSources(_ sources: [DuplicateSource]) -> Set<Pair> {
        var firstSeen: [UInt64: Int] = [:]
        var related: Set<Pair> = []
        for (index, source) in sources.enumerated() {
            var words: [UInt64] = []
            for paragraph in source.paragraphs { WordHashes.forEachWord(in: paragraph) { words.append($0) } }
            guard words.count >= 50 else { continue }
            for run in Set(WordHashes.shingles(words, size: 50)) {
                if let earlier = firstSeen[run] {
                    if earlier != index { related.insert(Pair(earlier, index)) }
                } else {
                    firstSeen[run] = index
                }
            }
        }
        return related
    }
}

/// Makes one copy of a source article.
struct CopyMaker {
    var random: SplitMix64
    let sources: [DuplicateSource]
    let source: Int

    /// Words editors swap in; invented, and common enough to appear anywhere.
    static let editorWords = ["also", "reportedly", "officials", "on Tuesday", "new", "former", "about", "the", "said", "recently", "then", "now"]
    static let headlineLabels = ["UPDATE:", "Watch:", "Report:", "Analysis:", "BREAKING:"]

    mutating func make(copy: Int) -> DuplicateSet.Text {
        let original = sources[source]
        var paragraphs = original.paragraphs
        var edits: [String] = []
        let pick = random.double()
        switch pick {
        case ..<0.15: edits.append("exact")
        case ..<0.40:
            trimEnding(&paragraphs)
            edits.append("trimmed")
        case ..<0.60:
            insertParagraphs(&paragraphs)
            edits.append("inserted")
        case ..<0.80:
            reorder(&paragraphs)
            edits.append("reordered")
        default:
            editWords(&paragraphs)
            edits.append("words")
        }
        // Syndicated copies are often cut and edited at once.
        if edits[0] != "exact" && edits[0] != "words" && random.chance(0.3) {
            editWords(&paragraphs)
            edits.append("words")
        }
        var title = original.title
        if random.chance(0.6) {
            title = editHeadline(title)
            edits.append("headline")
        }
        return DuplicateSet.Text(
            id: "\(original.id)#copy\(copy)", title: title, paragraphs: paragraphs, family: source, edits: edits.joined(separator: "+"))
    }

    /// Keeps the first 40–90 % of the words; a paragraph cut short ends with an ellipsis.
    mutating func trimEnding(_ paragraphs: inout [String]) {
        let split = paragraphs.map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        let total = split.reduce(0) { $0 + $1.count }
        var keep = Int((Double(total) * (0.4 + 0.5 * random.double())).rounded())
        var result: [String] = []
        for words in split {
            guard keep > 0 else { break }
            if words.count <= keep {
                result.append(words.joined(separator: " "))
                keep -= words.count
            } else {
                result.append(words.prefix(keep).joined(separator: " ") + " …")
                keep = 0
            }
        }
        paragraphs = result
    }

    /// Inserts one or two paragraphs taken from an article on another topic (at most a fifth of
    /// that article each), adding at most 40 % of the original's length.
    mutating func insertParagraphs(_ paragraphs: inout [String]) {
        let total = paragraphs.reduce(0) { $0 + $1.split(separator: " ").count }
        var budget = max(8, total * 2 / 5)
        let count = random.chance(0.5) ? 1 : 2
        for _ in 0..<count where budget > 0 {
            var other = random.below(sources.count)
            for _ in 0..<8 where sources[other].topic == sources[source].topic { other = random.below(sources.count) }
            let candidates = sources[other].paragraphs
            guard !candidates.isEmpty else { continue }
            // At most a fifth of the donor: the copy must not become a copy of the donor as well.
            let donorWords = candidates.reduce(0) { $0 + $1.split(separator: " ").count }
            let words = candidates[random.below(candidates.count)].split(separator: " ")
            let taken = words.prefix(min(budget, max(1, donorWords / 5)))
            budget -= taken.count
            paragraphs.insert(taken.joined(separator: " "), at: random.below(paragraphs.count + 1))
        }
    }

    /// Moves one or two paragraphs elsewhere; a one-paragraph text has a sentence moved instead.
    mutating func reorder(_ paragraphs: inout [String]) {
        if paragraphs.count >= 2 {
            let moves = paragraphs.count >= 4 && random.chance(0.5) ? 2 : 1
            for _ in 0..<moves {
                let from = random.below(paragraphs.count)
                var to = random.below(paragraphs.count - 1)
                if to >= from { to += 1 }
                let moved = paragraphs.remove(at: from)
                paragraphs.insert(moved, at: to)
            }
            return
        }
        guard let only = paragraphs.first else { return }
        var sentences = only.components(separatedBy: ". ")
        guard sentences.count >= 2 else { return }
        let moved = sentences.remove(at: random.below(sentences.count))
        sentences.insert(moved, at: random.below(sentences.count + 1))
        paragraphs = [sentences.joined(separator: ". ")]
    }

    /// One small edit per 50 words (at least one): a word replaced, dropped or added.
    mutating func editWords(_ paragraphs: inout [String]) {
        var split = paragraphs.map { $0.split(separator: " ").map(String.init) }
        let total = split.reduce(0) { $0 + $1.count }
        guard total > 0 else { return }
        for _ in 0..<min(20, max(1, total / 50)) {
            var p = random.below(split.count)
            for _ in 0..<8 where split[p].isEmpty { p = random.below(split.count) }
            guard !split[p].isEmpty else { continue }
            let w = random.below(split[p].count)
            let word = Self.editorWords[random.below(Self.editorWords.count)]
            switch random.below(3) {
            case 0: split[p][w] = word
            case 1: if split[p].count > 1 { split[p].remove(at: w) }
            default: split[p].insert(word, at: w)
            }
        }
        paragraphs = split.map { $0.joined(separator: " ") }.filter { !$0.isEmpty }
    }

    /// A label before the headline, its last words dropped, or a headline made of the lead's words.
    mutating func editHeadline(_ title: String) -> String {
        let words = title.split(separator: " ")
        switch random.below(3) {
        case 0: return Self.headlineLabels[random.below(Self.headlineLabels.count)] + " " + title
        case 1 where words.count > 4: return words.dropLast(1 + random.below(3)).joined(separator: " ")
        default:
            let lead = sources[source].paragraphs.first?.split(separator: " ").prefix(9) ?? []
            return lead.joined(separator: " ")
        }
    }
}
