/// Recognises a credit sentence by its grammar: capitalised names, a reporting verb, an optional
/// place. `NAMES contributed (reporting | to this report)( from PLACE)`, `NAMES reported from PLACE`,
/// `Reporting by NAMES; Editing by NAMES`, `Additional reporting by NAMES`, and clauses of these
/// joined by `, and`.
///
/// Every word must fit the pattern, so a sentence of reporting that happens to use one of the verbs
/// (`She reported from the front line for a decade.`) does not: its subject is a pronoun and its
/// place is not a name.
enum CreditLine {
    /// False when `text` holds no credit sentence: every one has a word `by`, `contributed` or
    /// `reported` (in any case), or is made of semicolons. Closing paragraphs are checked for
    /// credits in every article, and ``matches(_:)`` splits every word of a sentence and makes a
    /// lower-cased string of each; most paragraphs are ruled out here by one pass over their bytes.
    static func mayMatch(_ text: String) -> Bool {
        // Runs of ASCII letters, compared without case: no other scalar lower-cases to the letters
        // of these words, and a word that `BlockShape.bare` reduces to one of them is such a run.
        text.utf8.withContiguousStorageIfAvailable { bytes in
            var start = 0
            for i in 0...bytes.count {
                let byte = i < bytes.count ? bytes[i] : 0x20
                if byte < 0x80, (byte | 0x20) &- 0x61 < 26 { continue }
                if byte == UInt8(ascii: ";") { return true }
                if i - start >= 2, creditWords.contains(where: { sameLetters(bytes, start..<i, $0) }) { return true }
                start = i + 1
            }
            return false
        } ?? true
    }

    private static let creditWords = ["by", "reported", "contributed"].map { Array($0.utf8) }

    private static func sameLetters(_ bytes: UnsafeBufferPointer<UInt8>, _ run: Range<Int>, _ word: [UInt8]) -> Bool {
        guard run.count == word.count else { return false }
        for (offset, letter) in word.enumerated() where bytes[run.lowerBound + offset] | 0x20 != letter { return false }
        return true
    }

    static func matches(_ sentence: String) -> Bool { mayMatch(sentence) && grammarMatches(sentence) }

    /// The grammar itself (what ``matches(_:)`` answered before ``mayMatch(_:)`` came first).
    static func grammarMatches(_ sentence: String) -> Bool {
        var body = Substring(sentence)
        while let last = body.last, ".".contains(last) || last == " " { body.removeLast() }
        guard !body.isEmpty else { return false }
        let clauses = body.split(separator: ";").flatMap { $0.split(separator: ", and ") }
        return clauses.allSatisfy { clause in
            let words = clause.split(separator: " ")
            return isContribution(words) || isRoleCredit(words)
        }
    }

    /// `NAMES contributed …` or `NAMES reported from PLACE`.
    private static func isContribution(_ words: [Substring]) -> Bool {
        guard let verbIndex = words.firstIndex(where: { verbs.contains(BlockShape.bare($0)) }) else { return false }
        let subject = words[..<verbIndex]
        guard isNameList(subject, allowingPlaces: true), let first = subject.first,
            !pronounsAndDeterminers.contains(BlockShape.bare(first)) || (BlockShape.bare(first) == "the" && subject.count >= 3)
        else { return false }
        var rest = words[(verbIndex + 1)...]
        let isContributed = BlockShape.bare(words[verbIndex]) == "contributed"
        if isContributed, let object = contributionObjects.first(where: { rest.map(BlockShape.bare).starts(with: $0) }) {
            rest = rest.dropFirst(object.count)
        }
        if rest.isEmpty { return isContributed }
        // The place: `from Moscow`, `in Kyiv, Ukraine`.
        guard let preposition = rest.first, ["from", "in"].contains(BlockShape.bare(preposition)) else { return false }
        return isNameList(rest.dropFirst(), allowingPlaces: false)
    }

    /// `Reporting by NAMES`, `Additional reporting by NAMES`, `Editing by NAMES`.
    private static func isRoleCredit(_ words: [Substring]) -> Bool {
        guard let byIndex = words.firstIndex(where: { $0 == "by" }), byIndex > 0,
            words[..<byIndex].allSatisfy({ roles.contains(BlockShape.bare($0)) }),
            BlockShape.isCapitalized(words[0])
        else { return false }
        return isNameList(words[(byIndex + 1)...], allowingPlaces: true)
    }

    /// Capitalised words joined by `and` and commas (and, with `allowingPlaces`, `in PLACE`): names
    /// of people, agencies or places.
    private static func isNameList(_ words: ArraySlice<Substring>, allowingPlaces: Bool) -> Bool {
        guard let first = words.first, BlockShape.isCapitalized(first) else { return false }
        let connectors: Set<String> = allowingPlaces ? ["and", "in"] : ["and"]
        return words.allSatisfy { BlockShape.isCapitalized($0) || connectors.contains(String($0)) }
            && words.count <= 16
    }

    private static let verbs: Set<String> = ["contributed", "reported"]
    private static let contributionObjects: [[String]] = [
        ["additional", "reporting"], ["reporting"], ["research"],
        ["to", "this", "report"], ["to", "this", "article"], ["to", "this", "story"], ["to", "the", "report"],
    ]
    private static let roles: Set<String> = ["reporting", "additional", "editing", "writing", "compiled", "research", "produced"]
    private static let pronounsAndDeterminers: Set<String> = [
        "he", "she", "they", "we", "i", "it", "you", "the", "this", "that", "his", "her", "our", "their", "a", "an",
    ]
}
