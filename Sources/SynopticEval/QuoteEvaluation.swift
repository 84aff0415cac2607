import Foundation
import Synoptic

/// Scores direct quotations and their speakers against PolNeAR (Newell et al. 2018).
///
/// Gold: PolNeAR annotates attributions (Source, Cue, Content) in brat stand-off files. A gold
/// direct quote is each stretch inside quotation marks that lies in an attribution's Content (a
/// Content may hold several, or a fragment woven into paraphrase), with that attribution's Source.
/// Quoted words outside any attribution (titles of works, scare quotes) are not gold.
///
/// Matching: a predicted quote matches a gold one when their character spans overlap by at least
/// 0.8 of their union (one to one, best overlap first). Speaker accuracy counts, over matched
/// quotes, the predicted speakers that name the gold Source: the predicted speaker's words overlap
/// the Source span, or the predicted person's surname is the Source's name. A pronoun Source
/// (“he”, “she”) is right when the predicted person is the one the pronoun refers to, found from
/// the text and the annotation alone (``PeopleInText``); other pronoun Sources (“they”, “I”, “it”)
/// refer to the nearest fitting named Source of an earlier attribution.
public struct QuoteEvaluation: Sendable {
    public struct Document: Sendable {
        public var name: String
        public var title: String?
        public var published: String?
        public var text: String
        public var gold: [GoldQuote]
    }

    public struct GoldQuote: Sendable, Hashable {
        /// Unicode-scalar offsets into the document text.
        public var start: Int
        public var end: Int
        public var source: Range<Int>?
        public var sourceText: String?
        /// For a pronoun source: the name of the person it refers to.
        public var referent: String?
    }

    public struct Score: Sendable, CustomStringConvertible {
        public var gold = 0
        public var predicted = 0
        public var matched = 0
        public var speakerRight = 0
        /// Matched quotes whose gold Source is a pronoun, and how many of those were right.
        public var pronounSources = 0
        public var pronounRight = 0
        public var precision: Double { predicted == 0 ? 0 : Double(matched) / Double(predicted) }
        public var recall: Double { gold == 0 ? 0 : Double(matched) / Double(gold) }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
        /// Matched quotes whose speaker cannot be scored (a pronoun source with no named person
        /// before it).
        public var unscorable = 0
        public var speakerScored: Int { matched - unscorable }
        public var speakerAccuracy: Double { speakerScored == 0 ? 0 : Double(speakerRight) / Double(speakerScored) }
        public var description: String {
            let named = speakerScored - pronounSources
            let namedAccuracy = named == 0 ? 0 : Double(speakerRight - pronounRight) / Double(named)
            let pronounAccuracy = pronounSources == 0 ? 0 : Double(pronounRight) / Double(pronounSources)
            return String(
                format:
                    "span P %.3f  R %.3f  F1 %.3f  speaker %.3f  (%d gold, %d predicted, %d matched, %d of %d speakers right; named sources %.3f of %d, pronoun sources %.3f of %d)",
                precision, recall, f1, speakerAccuracy, gold, predicted, matched, speakerRight, speakerScored, namedAccuracy, named, pronounAccuracy,
                pronounSources)
        }
    }

    public var verbose = false
    public init(verbose: Bool = false) { self.verbose = verbose }

    // MARK: Loading

    /// Reads one split (`dev` or `train`): per text, the first annotator's file in name order.
    public static func load(_ directory: URL, split: String, part: Part = .all) throws -> [Document] {
        let root = directory.appendingPathComponent(split)
        let fm = FileManager.default
        let annotations = try fm.contentsOfDirectory(atPath: root.appendingPathComponent("attributions").path).filter { $0.hasSuffix(".ann") }
            .sorted()
        let metadata = loadMetadata(directory.appendingPathComponent("metadata.tsv"))
        var seen: Set<String> = []
        var documents: [Document] = []
        for file in annotations {
            guard let underscore = file.lastIndex(of: "_") else { continue }
            let name = String(file[..<underscore])
            guard part.contains(name), seen.insert(name).inserted else { continue }
            let textURL = root.appendingPathComponent("text/\(name).txt")
            guard let text = try? String(contentsOf: textURL, encoding: .utf8) else { continue }
            let ann = try String(contentsOf: root.appendingPathComponent("attributions/\(file)"), encoding: .utf8)
            documents.append(
                Document(
                    name: name, title: metadata[name]?.title, published: metadata[name]?.date, text: text, gold: goldQuotes(text: text, ann: ann)))
        }
        return documents
    }

    /// The part of a split a rule writer may read. Train is cut by a stable hash of each article's
    /// name: one quarter is the study part (read for errors, like dev), the other three quarters are
    /// held out and never read, so a held-out score still says what unseen articles would get.
    public enum Part: String, Sendable, CaseIterable {
        case all
        case study
        case heldOut = "held-out"

        public func contains(_ name: String) -> Bool {
            switch self {
            case .all: return true
            case .study: return Self.quarter(of: name) == 0
            case .heldOut: return Self.quarter(of: name) != 0
            }
        }

        /// FNV-1a over the name's UTF-8 bytes: fixed across runs and platforms, unlike `hashValue`.
        static func quarter(of name: String) -> UInt64 {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in name.utf8 {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            }
            return hash % 4
        }
    }

    static func loadMetadata(_ url: URL) -> [String: (title: String, date: String)] {
        guard let tsv = try? String(contentsOf: url, encoding: .utf8) else { return [:] }
        var rows: [String: (String, String)] = [:]
        var header: [String] = []
        for line in tsv.split(separator: "\n") {
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if header.isEmpty {
                header = cells
                continue
            }
            guard let f = header.firstIndex(of: "filename"), let t = header.firstIndex(of: "title"),
                let d = header.firstIndex(of: "publication_date"),
                cells.count > max(f, t, d)
            else { continue }
            rows[cells[f]] = (cells[t], cells[d])
        }
        return rows
    }

    struct Span {
        var type: String
        var fragments: [Range<Int>]
        var text: String
    }

    static let pronouns: Set<String> = ["he", "she", "they", "i", "we", "it", "him", "her", "them"]
    /// “Patti LaBelle, who said …”: the source is the name the relative pronoun follows.
    static let relativePronouns: Set<String> = ["who", "which"]

    /// The capitalised name that ends right before `offset`, over a comma (“Patti LaBelle, who”).
    static func nameBefore(_ offset: Int, in scalars: [Unicode.Scalar]) -> String? {
        var end = offset
        while end > 0, scalars[end - 1] == " " || scalars[end - 1] == "," { end -= 1 }
        var start = end
        var words = 0
        while start > 0 && words < 5 {
            var wordStart = start
            while wordStart > 0, scalars[wordStart - 1].properties.isAlphabetic || scalars[wordStart - 1] == "." || scalars[wordStart - 1] == "-" {
                wordStart -= 1
            }
            guard wordStart < start, scalars[wordStart].properties.isUppercase else { break }
            start = wordStart
            words += 1
            guard start > 0, scalars[start - 1] == " " else { break }
            start -= 1
        }
        while start < end, scalars[start] == " " { start += 1 }
        guard words > 0 else { return nil }
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }

    /// The gold quotes of one document from its brat annotation.
    static func goldQuotes(text: String, ann: String) -> [GoldQuote] {
        let scalars = Array(text.unicodeScalars)
        var spans: [String: Span] = [:]
        var events: [[String: String]] = []
        for line in ann.split(separator: "\n") {
            let parts = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            guard parts.count >= 2 else { continue }
            if parts[0].hasPrefix("T") {
                let head = parts[1].split(separator: " ", maxSplits: 1).map(String.init)
                guard head.count == 2 else { continue }
                let fragments = head[1].split(separator: ";").compactMap { piece -> Range<Int>? in
                    let bounds = piece.split(separator: " ").compactMap { Int($0) }
                    guard bounds.count == 2, bounds[0] <= bounds[1], bounds[1] <= scalars.count else { return nil }
                    return bounds[0]..<bounds[1]
                }
                spans[parts[0]] = Span(type: head[0], fragments: fragments, text: parts.count > 2 ? parts[2] : "")
            } else if parts[0].hasPrefix("E") {
                var roles: [String: String] = [:]
                for pair in parts[1].split(separator: " ") {
                    let kv = pair.split(separator: ":").map(String.init)
                    if kv.count == 2 { roles[kv[0].trimmingCharacters(in: .decimalDigits)] = kv[1] }
                }
                events.append(roles)
            }
        }
        let regions = quotedRegions(scalars)
        var gold: [GoldQuote] = []
        // Named sources in text order, to resolve pronoun sources.
        // Named sources in text order, to resolve pronoun sources: people for “he” and “she”,
        // organisations and outlets for “it”.
        let textWords = words(text)
        var named: [(Int, String, Lexicon.Gender?)] = []
        var namedThings: [(Int, String)] = []
        for event in events {
            guard let s = event["Source"].flatMap({ spans[$0] }), let first = s.fragments.first else { continue }
            guard !isPronoun(s.text), containsName(s.text, in: text) else { continue }
            if namesPerson(s.text, in: text) {
                named.append((first.lowerBound, s.text, gender(of: s.text, in: text, words: textWords)))
            } else {
                namedThings.append((first.lowerBound, s.text))
            }
        }
        named.sort { $0.0 < $1.0 }
        namedThings.sort { $0.0 < $1.0 }
        let people = PeopleInText(
            scalars: scalars, quoted: regions,
            sources: events.compactMap { event in
                guard let s = event["Source"].flatMap({ spans[$0] }), let first = s.fragments.first, !isPronoun(s.text) else { return nil }
                return PeopleInText.Source(range: first, text: s.text)
            },
            pronounSources: Set(
                events.compactMap { event in
                    event["Source"].flatMap { spans[$0] }.flatMap { isPronoun($0.text) ? $0.fragments.first?.lowerBound : nil }
                }))
        for event in events {
            guard let content = event["Content"].flatMap({ spans[$0] }) else { continue }
            let source = event["Source"].flatMap { spans[$0] }
            let sourceRange = source?.fragments.first
            var referent: String?
            if let source, let range = sourceRange, relativePronouns.contains(source.text.lowercased()) {
                referent = nameBefore(range.lowerBound, in: scalars)
            } else if let source, let range = sourceRange, isPronoun(source.text) {
                let pronoun = source.text.lowercased()
                if pronoun == "it" {
                    referent = namedThings.last { $0.0 < range.lowerBound }?.1
                } else if ["he", "she", "him", "her"].contains(pronoun) {
                    referent = people.referent(of: pronoun, at: range.lowerBound)
                } else {
                    referent = named.last { $0.0 < range.lowerBound && genderAllows(pronoun, $0.2) }?.1
                }
            }
            for fragment in content.fragments {
                for region in regions where region.lowerBound < fragment.upperBound && fragment.lowerBound < region.upperBound {
                    let start = max(region.lowerBound, fragment.lowerBound)
                    let end = min(region.upperBound, fragment.upperBound)
                    let words = String(String.UnicodeScalarView(scalars[start..<end])).split { !$0.isLetter && !$0.isNumber }
                    guard !words.isEmpty else { continue }
                    // A stretch the annotators cut short keeps its whole quotation.
                    gold.append(
                        GoldQuote(
                            start: region.lowerBound, end: region.upperBound, source: sourceRange, sourceText: source?.text, referent: referent))
                }
            }
        }
        // One gold quote per quoted stretch (two Content fragments may share one).
        var unique: [GoldQuote] = []
        var taken: Set<Int> = []
        for quote in gold.sorted(by: { $0.start < $1.start }) where taken.insert(quote.start).inserted { unique.append(quote) }
        return unique
    }

    /// Whether a source names someone: a capitalised word that is not a common word of English
    /// (“Trump” in “the Republican nominee Donald Trump”, not “The” or “Republican”), or a
    /// frequent word used as a surname: after an honorific or a given name in the source, or
    /// written after an honorific elsewhere in the text (“Mr. Obama”, where “obama” is among
    /// the commonest words of news English).
    static func containsName(_ source: String, in text: String) -> Bool {
        let sourceWords = words(source)
        for (index, word) in sourceWords.enumerated() {
            guard word.first?.isUppercase == true else { continue }
            let lower = word.lowercased()
            if Lexicon.demonym(lower) != nil || Lexicon.isRoleNoun(lower) || Lexicon.isRoleModifier(lower) || Lexicon.isOrganizationWord(lower)
                || Lexicon.isHonorific(lower)
            {
                continue
            }
            if !Lexicon.isCommonWord(lower) || Lexicon.givenName(lower) != nil { return true }
            if index > 0 {
                let before = sourceWords[index - 1].lowercased()
                if Lexicon.isHonorific(before) || (sourceWords[index - 1].first?.isUppercase == true && Lexicon.givenName(before) != nil) {
                    return true
                }
            }
            if honorificWritten(before: word, in: text) != nil { return true }
        }
        return false
    }

    /// Whether a source names a person, not an outlet, a country or a document: it has an
    /// honorific, a role, a given name, or a capitalised word the text elsewhere writes after an
    /// honorific or a given name (a surname).
    static func namesPerson(_ source: String, in text: String) -> Bool {
        let sourceWords = words(source)
        for word in sourceWords {
            let lower = word.lowercased()
            if Lexicon.isHonorific(lower) || Lexicon.isRoleNoun(lower) { return true }
            if word.first?.isUppercase == true, Lexicon.givenName(lower) != nil, !Lexicon.isCommonWord(lower) { return true }
        }
        for word in sourceWords where word.first?.isUppercase == true && honorificWritten(before: word, in: text) != nil { return true }
        return false
    }

    /// Whether “he” or “she” can refer to the person a source names (see ``gender(of:in:words:)``).
    static func genderAllows(_ pronoun: String, _ source: String, in text: String) -> Bool {
        genderAllows(pronoun, gender(of: source, in: text, words: words(text)))
    }

    static func genderAllows(_ pronoun: String, _ gender: Lexicon.Gender?) -> Bool {
        guard let gender, gender != .either else { return true }
        switch pronoun {
        case "he", "him": return gender == .male
        case "she", "her": return gender == .female
        default: return true
        }
    }

    /// The gender the text gives the person a source names: from the source's honorific or given
    /// name, else from how the text writes the same surname elsewhere (“Mr. Trump”, or most often
    /// after a given name: “Donald Trump”). `textWords` is ``words(_:)`` of the text.
    static func gender(of source: String, in text: String, words textWords: [String]) -> Lexicon.Gender? {
        let sourceWords = words(source)
        for word in sourceWords {
            let lower = word.lowercased()
            if lower == "mr" { return .male }
            if ["ms", "mrs", "miss"].contains(lower) { return .female }
            if word.first?.isUppercase == true, let given = Lexicon.givenName(lower), !Lexicon.isCommonWord(lower) { return given.gender }
        }
        guard let surname = sourceWords.last(where: { $0.first?.isUppercase == true }) else { return nil }
        switch honorificWritten(before: surname, in: text) {
        case "Mr. ": return .male
        case "Ms. ", "Mrs. ": return .female
        default: break  // “Dr.” says nothing of gender
        }
        var votes: [Lexicon.Gender: Int] = [:]
        for index in textWords.indices.dropFirst() where textWords[index] == surname {
            let before = textWords[index - 1]
            guard before.first?.isUppercase == true, let given = Lexicon.givenName(before.lowercased()), given.gender != .either else { continue }
            votes[given.gender, default: 0] += 1
        }
        return votes.max { $0.value < $1.value }?.key
    }

    /// The honorific (“Mr. ”, “Ms. ”, “Mrs. ”, “Dr. ”) the text writes before `word`, if any.
    static func honorificWritten(before word: String, in text: String) -> String? {
        ["Mr. ", "Ms. ", "Mrs. ", "Dr. "].first { text.contains($0 + word) }
    }

    static func isPronoun(_ text: String) -> Bool {
        pronouns.contains(text.lowercased().trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Stretches between quotation marks (without the marks), paragraph by paragraph: “…” and
    /// straight "…" pairs, and the doubled single marks ''…'' some outlets use; a mark left open
    /// quotes to the paragraph's end.
    static func quotedRegions(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var regions: [Range<Int>] = []
        var open: Int?
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            if s == "\n" {
                if let o = open {
                    var end = i
                    while end > o && scalars[end - 1].properties.isWhitespace { end -= 1 }
                    if end > o + 1 { regions.append((o + 1)..<end) }
                    open = nil
                }
            } else if s == "“" || (s == "\"" && open == nil) {
                open = i
            } else if s == "”" || s == "\"" {
                if let o = open, i > o + 1 { regions.append((o + 1)..<i) }
                open = nil
            } else if i + 1 < scalars.count, scalars[i + 1] == s, s == "'" || s == "’" || s == "‘" || s == "`" {
                // Some outlets write double quotation marks as two single ones (''…'').
                if let o = open {
                    if i > o + 1 { regions.append((o + 1)..<i) }
                    open = nil
                } else {
                    open = i + 1
                }
                i += 2
                continue
            }
            i += 1
        }
        if let o = open, scalars.count > o + 1 { regions.append((o + 1)..<scalars.count) }
        return regions
    }

    // MARK: Scoring

    /// One predicted quote in document offsets.
    struct Predicted {
        var start: Int
        var end: Int
        var speakerSpan: Range<Int>?
        var speakerNames: [String]
        var speakerText: String?
    }

    public func score(_ documents: [Document], log: (String) -> Void = { print($0) }) -> Score {
        var total = Score()
        let extractor = ArticleExtractor()
        let assembler = ArticleAssembler()
        for document in documents {
            let article = assembler.assemble(
                id: document.name, provenance: Provenance(origin: .textFile, path: document.name, published: document.published),
                metadata: .init(title: document.title), original: document.text)
            let annotations = extractor.annotations(of: article)
            // The assembler's original is the text it was given, so offsets map straight back.
            let predicted = annotations.quotes.map { quote -> Predicted in
                let span = article.sourceMap.sourceSpan(for: quote.span)
                let speaker = quote.speakerSpan.map { article.sourceMap.sourceSpan(for: $0) }
                var names: [String] = []
                if let e = quote.speaker { names = [annotations.entities[e].name] + annotations.entities[e].aliases }
                return Predicted(
                    start: span.start, end: span.end, speakerSpan: speaker.map { $0.start..<$0.end }, speakerNames: names,
                    speakerText: quote.speakerSpan.map { String(article[$0]) })
            }
            total.gold += document.gold.count
            total.predicted += predicted.count
            // One to one, best overlap first.
            var pairs: [(Double, Int, Int)] = []
            for (g, gold) in document.gold.enumerated() {
                for (p, guess) in predicted.enumerated() {
                    let inter = min(gold.end, guess.end) - max(gold.start, guess.start)
                    guard inter > 0 else { continue }
                    let union = max(gold.end, guess.end) - min(gold.start, guess.start)
                    let ratio = Double(inter) / Double(union)
                    if ratio >= 0.8 { pairs.append((ratio, g, p)) }
                }
            }
            pairs.sort { $0.0 > $1.0 }
            var usedGold: Set<Int> = []
            var usedPredicted: Set<Int> = []
            let scalars = Array(document.text.unicodeScalars)
            func excerpt(_ start: Int, _ end: Int) -> String {
                String(String.UnicodeScalarView(scalars[start..<min(end, start + 90, scalars.count)]))
            }
            for (_, g, p) in pairs where !usedGold.contains(g) && !usedPredicted.contains(p) {
                usedGold.insert(g)
                usedPredicted.insert(p)
                total.matched += 1
                if let source = document.gold[g].sourceText,
                    Self.isPronoun(source) || Self.relativePronouns.contains(source.lowercased()), document.gold[g].referent == nil
                {
                    // No named person precedes the pronoun: who it refers to cannot be scored.
                    total.unscorable += 1
                    continue
                }
                if let source = document.gold[g].sourceText, ["said", "says", "say", "told", "added", "wrote", "asked"].contains(source.lowercased())
                {
                    // A slip of the annotation: the Source span holds the speech verb (“said”),
                    // not who spoke.
                    total.unscorable += 1
                    continue
                }
                let right = Self.speakerIsRight(predicted[p], gold: document.gold[g])
                if right { total.speakerRight += 1 }
                if let source = document.gold[g].sourceText, Self.isPronoun(source) {
                    total.pronounSources += 1
                    if right { total.pronounRight += 1 }
                }
                if verbose && !right {
                    let gold = document.gold[g]
                    log(
                        "  speaker \(document.name) @\(gold.start): gold “\(gold.sourceText ?? "—")”\(gold.referent.map { " (= \($0))" } ?? "") predicted “\(predicted[p].speakerText ?? "—")” \(predicted[p].speakerNames.first.map { "= \($0)" } ?? "") | \(excerpt(gold.start, gold.end))"
                    )
                }
            }
            if verbose {
                for (g, gold) in document.gold.enumerated() where !usedGold.contains(g) {
                    let near = predicted.first { $0.start < gold.end && gold.start < $0.end }
                    log(
                        "  missed \(document.name) @\(gold.start)-\(gold.end): \(excerpt(gold.start, gold.end))\(near.map { " | predicted @\($0.start)-\($0.end)" } ?? "")"
                    )
                }
                for (p, guess) in predicted.enumerated() where !usedPredicted.contains(p) {
                    log("  extra \(document.name) @\(guess.start)-\(guess.end): \(excerpt(guess.start, guess.end))")
                }
            }
        }
        return total
    }

    static func speakerIsRight(_ predicted: Predicted, gold: GoldQuote) -> Bool {
        guard let source = gold.source, let sourceText = gold.sourceText else {
            return predicted.speakerSpan == nil && predicted.speakerNames.isEmpty
        }
        if isPronoun(sourceText) || relativePronouns.contains(sourceText.lowercased()) {
            if let span = predicted.speakerSpan, span.overlaps(source), !isPronoun(sourceText) { return true }
            guard let referent = gold.referent else { return false }
            return namesMatch(predicted.speakerNames, referent)
        }
        if let span = predicted.speakerSpan, span.overlaps(source) { return true }
        return namesMatch(predicted.speakerNames, sourceText)
    }

    /// Whether a person's surname is the name a source gives ("Trump" in "Donald J. Trump").
    static func namesMatch(_ names: [String], _ source: String) -> Bool {
        // Case aside: a transcript's “PENCE:” names Mike Pence.
        let sourceWords = Set(words(source).filter { $0.first?.isUppercase == true }.map { $0.lowercased() })
        guard !sourceWords.isEmpty else { return false }
        for name in names {
            // "Luther Stan Pate IV" is Pate: a generational suffix is not the surname.
            guard let surname = words(name).map({ $0.lowercased() }).last(where: { !generationalSuffixes.contains($0) }) else { continue }
            if sourceWords.contains(surname) { return true }
        }
        return false
    }

    static let generationalSuffixes: Set<String> = ["jr", "sr", "ii", "iii", "iv", "v"]

    static func words(_ text: String) -> [String] {
        text.replacingOccurrences(of: "’s", with: "").replacingOccurrences(of: "'s", with: "").split { !$0.isLetter && $0 != "-" }.map(String.init)
    }
}
