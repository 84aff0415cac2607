import Foundation
import Synoptic

/// The people a text names, for the scoring's approximation of whom a pronoun Source refers to.
///
/// PolNeAR annotates no coreference. A pronoun Source (“he said”) refers to a person the text
/// named before it; this finds that person the way a reader does, from the text and the
/// annotation alone (never from a prediction):
///
/// - **Names.** A run of capitalised words in the text names a person when, past its titles,
///   honorifics and nationalities, it holds a name word (not a common English word, an acronym, a
///   weekday or a month — a common word counts right after a title, “President Obama”, or where the
///   text writes it as a surname) and something marks it as a person's: an honorific or a role
///   (“Mr. Obama”, “Senator Leahy”), a known given name, or a word the text elsewhere writes after
///   a given name or an honorific (a surname: “Schiff” where the text has “Adam Schiff”). A place is
///   no person unless the text writes it as a surname (“Clinton”); capitalised words after “the”
///   name an organisation (“the General Assembly”); a word capitalised only because it opens a
///   sentence is no name unless the text capitalises it elsewhere or it is a given name and a
///   word follows (“Bob met”, not “Harsh?”).
///   A Source's person is the name that ends the Source or a phrase of it (“Trump campaign
///   spokesman Jason Miller”), not one that modifies a noun.
/// - **Mentions** are those names, outside quotation marks, and the annotation's Sources that name
///   a person or a singular role (“one questioner”); a definite role Source (“the California
///   congressman”) stands for the person it refers back to, found the same way. Inside a quotation, only names in the
///   pronoun's own quotation count; a quotation mark left open at the end of its paragraph opens an
///   excerpt quoted at length, whose names count as the text's own.
/// - **Gender** comes from an honorific, else the given name of a full name, else, for a surname
///   alone, how the text writes that surname elsewhere (after “Mr.”, or after a given name).
/// - **The referent** is found sentence by sentence, going back from the pronoun (its own sentence
///   first, up to the pronoun), as Hobbs's classic search does: the first sentence with a mention
///   whose gender does not contradict the pronoun settles it. Within that sentence, an annotated
///   Source wins (the annotation says that person speaks there); else the first mention that can
///   be a clause's subject (not a possessive, “Mr. Tribe's client”, and not after a preposition,
///   “with Rusty Humphries”); else the first mention.
/// - **Chains.** Every “he”, “she”, “him”, “his”, “her”, “himself” and “herself” is resolved so, in
///   text order, and then stands as a mention of its referent (“he” and “she” as subjects): “Clinton
///   said … She added … She says” carries Clinton on, and “His audio was quieter than Clinton's”
///   keeps him first.
struct PeopleInText {
    struct Mention {
        var start: Int
        var end: Int
        var text: String
        var gender: Lexicon.Gender?
        var isSource = false
        var subjectLike = true
    }

    /// An annotated Source: its span and text.
    struct Source {
        var range: Range<Int>
        var text: String
    }

    let quoted: [Range<Int>]
    /// Sentence start offsets, ascending.
    private(set) var sentenceStarts: [Int] = []
    /// Mentions per sentence, in text order.
    private(set) var bySentence: [[Mention]] = []
    /// Pronouns resolved in text order: offset → the referent's name.
    private(set) var resolved: [Int: String] = [:]

    /// Weekdays and months: capitalised, and some are given names too (“April”), never a speaker here.
    static let calendarWords: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december",
    ]
    /// Object, possessive and reflexive pronouns of a person: links in a chain, never a subject.
    static let otherPronouns: Set<String> = ["him", "his", "her", "himself", "herself"]
    static let prepositions: Set<String> = [
        "with", "by", "to", "for", "from", "about", "at", "of", "on", "in", "like", "than", "toward", "towards", "between", "among", "as",
        "into", "over", "under", "after", "before", "during", "without", "behind", "beside", "near", "via", "upon", "onto", "within",
        "across", "through", "throughout", "despite", "including", "against", "unlike", "beyond", "around",
    ]

    /// Word facts the name tests share, worked out once per text.
    struct Evidence {
        /// Capitalised words the text writes after a given name or an honorific.
        var surnames: Set<String> = []
        /// Per surname, the gender the text gives it (after “Mr.”/“Ms.”, or after a given name).
        var surnameGender: [String: Lexicon.Gender] = [:]
        /// Words the text writes capitalised inside a sentence.
        var midSentence: Set<String> = []
    }

    /// `sources` are the annotation's Sources (their first fragment); `pronounSources` the offsets
    /// of its pronoun Sources.
    init(scalars: [Unicode.Scalar], quoted: [Range<Int>], sources: [Source], pronounSources: Set<Int>) {
        // A mark left open at its paragraph's end opens an excerpt that runs on over paragraphs (an
        // article quoting another at length): its names are the excerpt's narrative, not speech.
        self.quoted = quoted.filter { $0.upperBound < scalars.count && !scalars[$0.upperBound].properties.isWhitespace }
        // Sentences, paragraph by paragraph.
        let segmenter = SentenceSegmenter()
        var paragraphStart = 0
        for i in 0...scalars.count where i == scalars.count || scalars[i] == "\n" {
            if i > paragraphStart {
                for span in segmenter.sentences(in: scalars, range: paragraphStart..<i) { sentenceStarts.append(span.start) }
            }
            paragraphStart = i + 1
        }
        if sentenceStarts.first != 0 { sentenceStarts.insert(0, at: 0) }
        bySentence = Array(repeating: [], count: sentenceStarts.count)

        let words = Self.words(scalars)
        var evidence = evidence(words, scalars)
        // A Source that names a role is a person: its last capitalised word that is no common
        // word is a surname (“Kerr Putney, the police chief”).
        for source in sources {
            let inside = words.filter { source.range.contains($0.start) }
            guard inside.contains(where: { Lexicon.isRoleNoun($0.lower) }) else { continue }
            guard let run = Self.runs(inside[...], scalars).first(where: { run in run.contains { !Self.isTitle($0) && !Lexicon.isCommonWord($0.lower) } }),
                let last = run.last(where: { !Self.isTitle($0) && !Lexicon.isCommonWord($0.lower) && Lexicon.place($0.lower) == nil }),
                run.count >= 2
            else { continue }
            evidence.surnames.insert(last.bare)
        }

        var mentions: [Mention] = []
        var definites: [(Range<Int>, String)] = []
        // The annotation's Sources: a person by name, or by role alone.
        var w = 0
        for source in sources.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            while w < words.count && words[w].start < source.range.lowerBound { w = w + 1 }
            var last = w
            while last < words.count && words[last].end <= source.range.upperBound { last += 1 }
            let inside = words[w..<last]
            // The Source's person: a name that ends the Source or a phrase of it (“Trump campaign
            // spokesman Jason Miller”, “Jo Coelbart, a retired general”), not a name used as a
            // modifier; else the first name.
            var person: (words: ArraySlice<Word>, name: [Word])?
            for run in Self.runs(inside, scalars) {
                guard let name = personName(run, scalars, evidence) else { continue }
                // What follows the name inside the Source, past spaces: nothing, punctuation (“,”,
                // “—”, “(”) or another name, not a lowercase word it modifies.
                var next = run.last!.end
                while next < source.range.upperBound && scalars[next] == " " { next += 1 }
                let endsPhrase =
                    next >= source.range.upperBound || !scalars[next].properties.isAlphabetic || scalars[next].properties.isUppercase
                if person == nil || endsPhrase { person = (run, name) }
                if endsPhrase { break }
            }
            if let person {
                mentions.append(
                    Mention(
                        start: source.range.lowerBound, end: source.range.upperBound, text: source.text,
                        gender: Self.gender(person.words, name: person.name, evidence), isSource: true))
            } else if let head = inside.last(where: { Lexicon.isRoleNoun($0.lower) }), !Self.isPlural(head.lower) {
                // A person by role alone (“the California congressman”). A definite one refers
                // back to someone named before, resolved below with the pronouns.
                if inside.first?.lower == "the" {
                    definites.append((source.range, source.text))
                } else {
                    mentions.append(Mention(start: source.range.lowerBound, end: source.range.upperBound, text: source.text, isSource: true))
                }
            }
        }
        let sourceRanges = sources.map(\.range)
        // Names in the writer's text.
        for run in Self.runs(words[...], scalars) {
            let start = run.first!.start
            let end = run.last!.end
            if sourceRanges.contains(where: { $0.lowerBound < end && start < $0.upperBound }) { continue }
            guard let name = personName(run, scalars, evidence) else { continue }
            var subjectLike = !run.last!.possessive
            // The word before the name, past lowercase titles (“by former secretary general”).
            var b = run.startIndex - 1
            var steps = 0
            while b >= 0, steps < 4, !words[b].capitalised, Lexicon.isRoleNoun(words[b].lower) || Lexicon.isRoleModifier(words[b].lower) {
                b -= 1
                steps += 1
            }
            if b >= 0, Self.prepositions.contains(words[b].lower), Self.onlySpaces(scalars, words[b].end, words[b + 1].start) {
                subjectLike = false
            }
            // The name from its first title or name word on (“Fowler”, not “But Fowler”).
            let first = run.first { Self.isTitle($0) || name.contains($0) } ?? run.first!
            mentions.append(
                Mention(
                    start: start, end: end, text: String(String.UnicodeScalarView(scalars[first.start..<end])),
                    gender: Self.gender(run, name: name, evidence), subjectLike: subjectLike))
        }
        mentions.sort { $0.start < $1.start }
        for mention in mentions { bySentence[sentence(of: mention.start)].append(mention) }
        // Each pronoun of a person, in text order, refers to someone named before; once resolved it
        // is a mention in its own right, so a chain of pronouns carries the person on.
        var d = 0
        for word in words {
            // A definite description Source before this word: the person it refers back to, or
            // the description itself when no one fits.
            while d < definites.count && definites[d].0.lowerBound <= word.start {
                let (range, text) = definites[d]
                d += 1
                let found = antecedent(of: "they", at: range.lowerBound)
                insert(Mention(start: range.lowerBound, end: range.upperBound, text: found?.text ?? text, gender: found?.gender, isSource: true))
            }
            let subject = word.lower == "he" || word.lower == "she"
            guard subject || Self.otherPronouns.contains(word.lower) else { continue }
            let male = word.lower == "he" || word.lower == "him" || word.lower == "his" || word.lower == "himself"
            guard let found = antecedent(of: male ? "he" : "she", at: word.start) else { continue }
            resolved[word.start] = found.text
            insert(
                Mention(
                    start: word.start, end: word.end, text: found.text, gender: male ? .male : .female,
                    isSource: pronounSources.contains(word.start), subjectLike: subject))
        }
    }

    private mutating func insert(_ mention: Mention) {
        let s = sentence(of: mention.start)
        let at = bySentence[s].firstIndex { $0.start > mention.start } ?? bySentence[s].endIndex
        bySentence[s].insert(mention, at: at)
    }

    /// A plural noun (“officials”, “delegates”): its singular is a role noun.
    static func isPlural(_ lower: String) -> Bool {
        lower.hasSuffix("s") && Lexicon.isRoleNoun(String(lower.dropLast())) || lower.hasSuffix("ies") || lower.hasSuffix("men") && !lower.hasSuffix("man")
    }

    // MARK: Names

    func evidence(_ words: [Word], _ scalars: [Unicode.Scalar]) -> Evidence {
        var evidence = Evidence()
        var votes: [String: [Lexicon.Gender: Int]] = [:]
        for k in words.indices {
            let word = words[k]
            guard word.capitalised else { continue }
            if !isSentenceStart(word.start) { evidence.midSentence.insert(word.bare) }
            guard k > 0, !Self.calendarWords.contains(word.lower) else { continue }
            let previous = words[k - 1]
            guard previous.capitalised, Self.joins(scalars, previous, word) else { continue }
            switch previous.lower {
            case "mr":
                votes[word.bare, default: [:]][.male, default: 0] += 3
                evidence.surnames.insert(word.bare)
            case "ms", "mrs", "miss":
                votes[word.bare, default: [:]][.female, default: 0] += 3
                evidence.surnames.insert(word.bare)
            default:
                if Lexicon.isHonorific(previous.lower) || Lexicon.isRoleNoun(previous.lower) {
                    evidence.surnames.insert(word.bare)
                } else if let given = Self.givenName(previous) ?? (Lexicon.isCommonWord(word.lower) ? nil : Self.givenName(previous, common: true)) {
                    // A given name that is also a common word (“Terry”, “Bill”) counts before a
                    // word that is not one (“Terry Strada”).
                    evidence.surnames.insert(word.bare)
                    if given.gender != .either { votes[word.bare, default: [:]][given.gender, default: 0] += 1 }
                }
            }
        }
        for (surname, tally) in votes {
            let sorted = tally.sorted { $0.value > $1.value }
            // Mixed evidence (“Hillary Clinton”, “Bill Clinton”) settles nothing unless one side
            // has at least twice the other.
            if sorted.count == 1 || sorted[0].value >= 2 * sorted[1].value { evidence.surnameGender[surname] = sorted[0].key }
        }
        return evidence
    }

    /// A known given name that is not a common word, a country or a continent (“Georgia”).
    static func givenName(_ word: Word, common: Bool = false) -> Lexicon.GivenName? {
        guard let given = Lexicon.givenName(word.lower), common || !Lexicon.isCommonWord(word.lower) else { return nil }
        switch Lexicon.place(word.lower) {
        case .country?, .continent?: return nil
        default: return given
        }
    }

    static func isTitle(_ word: Word) -> Bool {
        Lexicon.isHonorific(word.lower) || Lexicon.isRoleNoun(word.lower) || Lexicon.isRoleModifier(word.lower)
    }

    /// The name words of a run of capitalised words when it names a person (see the type's note).
    func personName(_ run: ArraySlice<Word>, _ scalars: [Unicode.Scalar], _ evidence: Evidence) -> [Word]? {
        var name: [Word] = []
        var titled = false
        var afterTitle = false
        for (index, word) in zip(run.indices, run) {
            if Self.isTitle(word) {
                titled = titled || !Lexicon.isRoleModifier(word.lower) || Lexicon.isRoleNoun(word.lower) || Lexicon.isHonorific(word.lower)
                afterTitle = true
                continue
            }
            defer { afterTitle = false }
            let lower = word.lower
            if word.bare.count < 2 || word.bare.allSatisfy({ $0.isUppercase }) || Self.calendarWords.contains(lower) { continue }
            if Lexicon.demonym(lower) != nil || Lexicon.isOrganizationWord(lower) { continue }
            // A common word that is a given name before a surname is one (“Bill Clinton”).
            let givenBeforeSurname =
                index + 1 < run.endIndex && Self.givenName(word, common: true) != nil && evidence.surnames.contains(run[index + 1].bare)
            if Lexicon.isCommonWord(lower) && !evidence.surnames.contains(word.bare) && !afterTitle && !givenBeforeSurname { continue }
            name.append(word)
        }
        guard !name.isEmpty else { return nil }
        let first = run.first!
        // Capitalised words after “the” name an organisation or a place, unless an honorific
        // makes them a person's.
        if !run.contains(where: { Lexicon.isHonorific($0.lower) }) {
            if first.lower == "the" { return nil }
            if run.startIndex > 0, case let before = first.start, before >= 4,
                String(String.UnicodeScalarView(scalars[(before - 4)..<before])).lowercased() == "the "
            {
                return nil
            }
        }
        // A place, unless the text writes it as a surname (“Clinton” where it has “Hillary Clinton”).
        if !titled, Lexicon.place(name.map(\.lower).joined(separator: " ")) != nil, !(name.count == 1 && evidence.surnames.contains(name[0].bare)) {
            return nil
        }
        // A word capitalised only because it opens a sentence (“Harsh?”) is no name, unless the text
        // writes it capitalised elsewhere, it is a given name a word follows (“Bob met …”) or it
        // is capitalised inside as well (“McLenney”).
        if run.count == 1, isSentenceStart(first.start), !evidence.midSentence.contains(first.bare), !evidence.surnames.contains(first.bare),
            !first.bare.dropFirst().contains(where: { $0.isUppercase }),
            !(Self.givenName(first) != nil && first.end + 1 < scalars.count && scalars[first.end] == " "
                && scalars[first.end + 1].properties.isLowercase)
        {
            return nil
        }
        if titled { return name }
        for word in name {
            if Lexicon.place(word.lower) != nil && !evidence.surnames.contains(word.bare) { continue }
            if evidence.surnames.contains(word.bare) || Self.givenName(word) != nil { return name }
        }
        return nil
    }

    /// The gender of the person a run names (see the type's note).
    static func gender(_ run: ArraySlice<Word>, name: [Word], _ evidence: Evidence) -> Lexicon.Gender? {
        for word in run {
            if word.lower == "mr" { return .male }
            if word.lower == "ms" || word.lower == "mrs" || word.lower == "miss" { return .female }
        }
        if name.count >= 2 {
            guard let given = givenName(name[0], common: true), given.gender != .either else { return nil }
            return given.gender
        }
        guard let word = name.first else { return nil }
        if let gender = evidence.surnameGender[word.bare] { return gender }
        // A surname's given-name reading (“Clinton”, “Scott”) says nothing of this person.
        if !evidence.surnames.contains(word.bare), let given = givenName(word), given.gender != .either { return given.gender }
        return nil
    }

    // MARK: Referents

    /// The mention the pronoun at `offset` refers to (see the type's note), nil when no one fits.
    func antecedent(of pronoun: String, at offset: Int) -> Mention? {
        let quotation = quoted.first { $0.contains(offset) }
        var s = sentence(of: offset)
        while s >= 0 {
            let own = s == sentence(of: offset)
            let fitting = bySentence[s].filter { mention in
                guard mention.start < offset, QuoteEvaluation.genderAllows(pronoun, mention.gender) else { return false }
                // Before the pronoun in its own sentence, only a subject (“Trump told the forum he
                // was”, not “People like Scott, he said”).
                if own && !mention.subjectLike { return false }
                guard let inside = quoted.first(where: { $0.contains(mention.start) }) else { return true }
                return inside == quotation
            }
            if let first = fitting.first {
                return fitting.first { $0.isSource } ?? fitting.first { $0.subjectLike } ?? first
            }
            s -= 1
        }
        return nil
    }

    /// The referent of the pronoun Source at `offset`: resolved in text order with the pronouns
    /// before it, else looked up on its own.
    func referent(of pronoun: String, at offset: Int) -> String? {
        if let resolved = resolved[offset] { return resolved }
        return antecedent(of: pronoun, at: offset)?.text
    }

    func sentence(of offset: Int) -> Int {
        var low = 0
        var high = sentenceStarts.count
        while low < high {
            let mid = (low + high) / 2
            if sentenceStarts[mid] <= offset { low = mid + 1 } else { high = mid }
        }
        return max(0, low - 1)
    }

    func isSentenceStart(_ offset: Int) -> Bool {
        sentenceStarts[sentence(of: offset)] == offset
    }

    // MARK: Words

    struct Word: Equatable {
        var start: Int
        var end: Int
        /// The word without a possessive ending.
        var bare: String
        var lower: String
        var capitalised: Bool
        var possessive: Bool
    }

    /// Words of letters (with inner hyphens and apostrophes) and their offsets.
    static func words(_ scalars: [Unicode.Scalar]) -> [Word] {
        var result: [Word] = []
        var i = 0
        func isInner(_ s: Unicode.Scalar) -> Bool { s == "-" || s == "'" || s == "’" }
        while i < scalars.count {
            guard scalars[i].properties.isAlphabetic else {
                i += 1
                continue
            }
            var j = i + 1
            while j < scalars.count,
                scalars[j].properties.isAlphabetic || isInner(scalars[j]) && j + 1 < scalars.count && scalars[j + 1].properties.isAlphabetic
            {
                j += 1
            }
            var text = String(String.UnicodeScalarView(scalars[i..<j]))
            var possessive = false
            for suffix in ["'s", "’s"] where text.hasSuffix(suffix) {
                text.removeLast(2)
                possessive = true
            }
            result.append(
                Word(start: i, end: j, bare: text, lower: text.lowercased(), capitalised: scalars[i].properties.isUppercase, possessive: possessive))
            i = j
        }
        return result
    }

    /// Maximal runs of capitalised words that belong to one name: a space between them, or the
    /// period of an honorific or an initial and a space (“Mr. Obama”, “John F. Kerry”); a
    /// possessive ends a run.
    static func runs(_ words: ArraySlice<Word>, _ scalars: [Unicode.Scalar]) -> [ArraySlice<Word>] {
        var result: [ArraySlice<Word>] = []
        var k = words.startIndex
        while k < words.endIndex {
            guard words[k].capitalised else {
                k += 1
                continue
            }
            var last = k
            while last + 1 < words.endIndex, words[last + 1].capitalised, !words[last].possessive, joins(scalars, words[last], words[last + 1]) {
                last += 1
            }
            result.append(words[k...last])
            k = last + 1
        }
        return result
    }

    static func joins(_ scalars: [Unicode.Scalar], _ a: Word, _ b: Word) -> Bool {
        if b.start == a.end + 1, scalars[a.end] == " " { return true }
        if b.start == a.end + 2, scalars[a.end] == ".", scalars[a.end + 1] == " " {
            return Lexicon.isHonorific(a.lower) || a.end - a.start == 1
        }
        return false
    }

    static func onlySpaces(_ scalars: [Unicode.Scalar], _ from: Int, _ to: Int) -> Bool {
        guard from <= to else { return false }
        return scalars[from..<to].allSatisfy { $0 == " " || $0 == "." }
    }
}
