import Foundation

/// Turns author fields and visible bylines into people's names.
///
/// One set of rules for every source: a byline is split into parts ("By Jane Q. Doe and Ravi
/// Patel, Staff Writers"), each part loses its lead-in ("By"), what follows the name (dates,
/// "Updated …", roles) is cut, and only what looks like a person's name is kept: two to four
/// capitalised words, with initials and lower-case particles ("de", "van") allowed inside.
enum AuthorNames {
    /// The people named in `text`, in order.
    static func names(in text: String) -> [String] {
        parts(of: text).compactMap(personName)
    }

    /// Appends names not yet present, comparing case-insensitively.
    static func appendNew(_ names: [String], to list: inout [String]) {
        for name in names where !list.contains(where: { $0.caseInsensitiveCompare(name) == .orderedSame }) {
            list.append(name)
        }
    }

    // MARK: - Splitting

    private static let separatorWords = [" and ", " & ", " und ", " et ", " y ", " with "]
    private static let separatorCharacters: Set<Character> = ["\n", "\r", "\t", "|", "·", "•", ";", ",", "/"]

    private static func parts(of text: String) -> [String] {
        if let reordered = lastCommaFirst(text) { return [reordered] }
        var joined = text
        for word in separatorWords {
            joined = joined.replacingOccurrences(of: word, with: "\n", options: .caseInsensitive)
        }
        return joined.split(whereSeparator: separatorCharacters.contains).map(String.init)
    }

    /// "Doe, Jane" (how `citation_author` writes names) as "Jane Doe".
    private static func lastCommaFirst(_ text: String) -> String? {
        let halves = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard halves.count == 2, halves.allSatisfy({ !$0.isEmpty && !$0.contains(" ") && $0.first?.isUppercase == true }),
            !halves.contains(where: { nonNameWords.contains($0.lowercased()) })
        else { return nil }
        return halves[1] + " " + halves[0]
    }

    // MARK: - One part

    private static let leadIns: [[String]] = [
        ["written", "by"], ["words", "by"], ["story", "by"], ["reported", "by"], ["posted", "by"], ["by"], ["von"], ["por"],
        ["par"], ["door"], ["av"], ["текст"], ["автор"],
    ]
    /// Words after which nothing belongs to the name.
    private static let stopWords: Set<String> = ["updated", "published", "posted", "modified", "am", "pm", "on", "at", "in"]
    private static let months: Set<String> = [
        "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul", "july", "aug",
        "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december",
    ]
    /// Job titles that follow a name ("Jane Doe Senior Correspondent").
    private static let roleWords: Set<String> = [
        "staff", "writer", "writers", "correspondent", "correspondents", "reporter", "reporters", "editor", "editors",
        "contributor", "contributors", "columnist", "senior", "chief", "political", "bureau", "producer", "photographer",
        "analyst", "associate", "special", "contributing", "deputy", "managing", "executive", "national", "foreign",
    ]
    /// Words no person's name contains: calls to action, reading times, organisations, roles.
    private static let nonNameWords: Set<String> = roleWords.union([
        "email", "e-mail", "follow", "share", "view", "all", "posts", "read", "min", "mins", "minute", "minutes", "more",
        "author", "authors", "contact", "twitter", "facebook", "linkedin", "instagram", "subscribe", "sign", "newsletter",
        "news", "press", "agency", "associated", "reuters", "media", "team", "desk", "editorial", "board", "newsroom",
        "the", "comments", "comment", "reply", "photo", "photos", "video", "getty", "images", "opinion", "guest", "admin",
        "by", "and", "updated", "published", "wire", "service", "online", "digital", "staff", "sponsored", "content",
        "profile", "bio", "about", "latest", "articles", "stories", "click", "here", "home", "page", "ap", "afp", "upi",
        "cnn", "bbc", "business", "insider", "science", "post", "sport", "sports", "international", "editor-at-large",
    ])
    private static let particles: Set<String> = [
        "de", "da", "di", "du", "del", "della", "der", "den", "des", "van", "von", "la", "le", "al", "bin", "ibn", "ten", "ter", "y",
        "e", "dos", "das", "do",
    ]

    /// The person's name in one part of a byline, or nil.
    private static func personName(_ part: String) -> String? {
        var words = part.split(whereSeparator: \.isWhitespace).map { $0.trimmingCharacters(in: edgePunctuation) }.filter { !$0.isEmpty }
        if let leadIn = leadIns.first(where: { words.count >= $0.count && zip(words, $0).allSatisfy { $0.lowercased() == $1 } }) {
            words.removeFirst(leadIn.count)
        }
        if let end = words.indices.first(where: { endsName(at: $0, in: words) }) { words.removeSubrange(end...) }
        // A full stop after a word longer than an initial ends a sentence ("Jane Doe. Sputnik").
        if let stop = words.indices.first(where: { words[$0].count > 3 && words[$0].hasSuffix(".") }) {
            words.removeSubrange((stop + 1)...)
            words[stop].removeLast()
        }
        // A role after two or more words is a job title following the name.
        if let role = words.indices.dropFirst(2).first(where: { roleWords.contains(words[$0].lowercased()) }) {
            words.removeSubrange(role...)
        }
        guard isPersonName(words) else { return nil }
        return words.joined(separator: " ")
    }

    private static func endsName(at index: Int, in words: [String]) -> Bool {
        let word = words[index]
        if word.contains(where: \.isNumber) { return true }
        let lowered = word.lowercased()
        if stopWords.contains(lowered) { return true }
        return months.contains(lowered.trimmingCharacters(in: edgePunctuation)) && index + 1 < words.count
            && words[index + 1].contains(where: \.isNumber)
    }

    private static let edgePunctuation = CharacterSet(charactersIn: ":-–—()[]{}\"“”'‘’*").union(.whitespaces)
    private static let nameCharacters = CharacterSet.letters.union(CharacterSet(charactersIn: ".-'’"))

    static func isPersonName(_ words: [String]) -> Bool {
        guard (2...5).contains(words.count), words.reduce(0, { $0 + $1.count }) <= 60 else { return false }
        var capitalised = 0
        for (index, word) in words.enumerated() {
            guard word.unicodeScalars.allSatisfy(nameCharacters.contains), !nonNameWords.contains(word.lowercased()) else { return false }
            guard let first = word.first, first.isLetter else { return false }
            if first.isUppercase || !first.isCased {
                capitalised += 1
            } else if !(particles.contains(word) && index > 0 && index < words.count - 1) {
                return false
            }
        }
        return (2...4).contains(capitalised)
    }
}

extension Character {
    /// Letters of scripts without case (Chinese, Arabic) count as capitalised.
    fileprivate var isCased: Bool { isUppercase || isLowercase }
}
