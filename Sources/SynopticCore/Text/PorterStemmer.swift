/// The Porter stemmer (M. F. Porter, "An algorithm for suffix stripping", Program 14(3), 1980) with
/// the extensions NLTK documents for its default mode (`PorterStemmer.NLTK_EXTENSIONS`), which is the
/// stemmer Google's `rouge-score` uses with `use_stemmer=True`. Written here from the published
/// algorithm and the list of extensions, so that ROUGE (SynopticEval) gives rouge-score's numbers exactly;
/// story alignment stems with it too, so that "effective" and "effectiveness" meet.
///
/// The extensions, on top of the 1980 algorithm:
/// - a handful of irregular forms map straight to their stem (`dying` → `die`, `skies` → `sky`,
///   `news` stays `news`, `proceed`, `exceed` and `succeed` stay as they are);
/// - words of one or two letters are returned as they are (lowercased);
/// - step 1a: a four-letter word in `-ies` keeps `-ie` (`ties` → `tie`);
/// - step 1b: `-ied` becomes `-ie` in a four-letter word, else `-i`;
/// - step 1b's *o also holds for a two-letter stem vowel + consonant;
/// - step 1c: `y` → `i` only after a consonant that is not the first letter (`happy` → `happi`, but
///   `enjoy` and `by` stay);
/// - step 2: `-bli` → `-ble` (instead of `-abli` → `-able`), `-alli` → `-al` before the other rules
///   (and step 2 again on the result), `-fulli` → `-ful`, and `-logi` → `-log` when the word without
///   `-ogi` has a positive measure.
///
/// ```swift
/// PorterStemmer().stem("generalizations")  // "gener"
/// PorterStemmer().stem("dying")            // "die"
/// ```
public struct PorterStemmer: Sendable {
    public init() {}

    /// The stem of `word`, lowercased first.
    public func stem(_ word: String) -> String {
        let lower = word.lowercased()
        if let irregular = Self.irregular[lower] { return irregular }
        // Counted on the word as given, as NLTK does.
        if word.unicodeScalars.count <= 2 { return lower }
        var w = lower.unicodeScalars.map(\.value)
        Self.step1a(&w)
        Self.step1b(&w)
        Self.step1c(&w)
        Self.step2(&w)
        Self.step3(&w)
        Self.step4(&w)
        Self.step5a(&w)
        Self.step5b(&w)
        var result = String.UnicodeScalarView()
        for value in w { if let scalar = Unicode.Scalar(value) { result.append(scalar) } }
        return String(result)
    }

    /// NLTK's irregular forms: the word, then its stem.
    static let irregular: [String: String] = [
        "sky": "sky", "skies": "sky", "dying": "die", "lying": "lie", "tying": "tie", "news": "news", "innings": "inning",
        "inning": "inning", "outings": "outing", "outing": "outing", "cannings": "canning", "canning": "canning", "howe": "howe",
        "proceed": "proceed", "exceed": "exceed", "succeed": "succeed",
    ]

    // MARK: - Letters

    static let a: UInt32 = 0x61, e: UInt32 = 0x65, i: UInt32 = 0x69, o: UInt32 = 0x6F, u: UInt32 = 0x75, y: UInt32 = 0x79
    static let l: UInt32 = 0x6C, s: UInt32 = 0x73, z: UInt32 = 0x7A, t: UInt32 = 0x74, w: UInt32 = 0x77, x: UInt32 = 0x78

    static func isVowelLetter(_ c: UInt32) -> Bool { c == a || c == e || c == i || c == o || c == u }

    /// Whether the letter at `index` is a consonant: anything but a, e, i, o, u, and `y` only when
    /// it opens the word or follows a vowel.
    static func isConsonant(_ word: [UInt32], _ index: Int) -> Bool {
        var index = index
        // A run of y's alternates, starting from the letter before the run.
        var flips = false
        while index > 0 && word[index] == y {
            flips.toggle()
            index -= 1
        }
        let base = !isVowelLetter(word[index])
        return base != flips
    }

    /// m in [C](VC){m}[V] for the first `length` letters.
    static func measure(_ word: [UInt32], _ length: Int) -> Int {
        var m = 0
        var previousIsConsonant = true  // a leading C is not counted
        var sawVowel = false
        for index in 0..<length {
            let c = word[index]
            let consonant = isVowelLetter(c) ? false : (c == y ? (index == 0 ? true : !previousIsConsonant) : true)
            if consonant && sawVowel && !previousIsConsonant { m += 1 }
            if !consonant { sawVowel = true }
            previousIsConsonant = consonant
        }
        return m
    }

    /// *v*: the first `length` letters hold a vowel.
    static func containsVowel(_ word: [UInt32], _ length: Int) -> Bool {
        (0..<length).contains { !isConsonant(word, $0) }
    }

    /// *d: the first `length` letters end with a double consonant.
    static func endsDoubleConsonant(_ word: [UInt32], _ length: Int) -> Bool {
        length >= 2 && word[length - 1] == word[length - 2] && isConsonant(word, length - 1)
    }

    /// *o: the first `length` letters end consonant-vowel-consonant, the last not w, x or y; or (an
    /// extension) are exactly vowel-consonant.
    static func endsCVC(_ word: [UInt32], _ length: Int) -> Bool {
        if length >= 3 {
            let last = word[length - 1]
            return isConsonant(word, length - 3) && !isConsonant(word, length - 2) && isConsonant(word, length - 1) && last != w
                && last != x && last != y
        }
        return length == 2 && !isConsonant(word, 0) && isConsonant(word, 1)
    }

    // MARK: - Suffixes

    static func ends(_ word: [UInt32], _ suffix: String) -> Bool {
        let count = suffix.utf8.count
        guard count <= word.count else { return false }
        var index = word.count - count
        for byte in suffix.utf8 {
            if word[index] != UInt32(byte) { return false }
            index += 1
        }
        return true
    }

    static func replace(_ word: inout [UInt32], suffixLength: Int, with replacement: String) {
        word.removeLast(suffixLength)
        word.append(contentsOf: replacement.utf8.map(UInt32.init))
    }

    /// The first rule whose suffix ends the word decides: its replacement is made when `condition`
    /// holds for the stem left without the suffix (its length is passed), else the word stays.
    static func applyFirst(_ word: inout [UInt32], _ rules: [(suffix: String, replacement: String)], _ condition: (String, Int) -> Bool) {
        for rule in rules where ends(word, rule.suffix) {
            let stemLength = word.count - rule.suffix.utf8.count
            if condition(rule.suffix, stemLength) { replace(&word, suffixLength: rule.suffix.utf8.count, with: rule.replacement) }
            return
        }
    }

    // MARK: - Steps

    /// Plurals: -sses → -ss, -ies → -i, -ss stays, -s goes.
    static func step1a(_ word: inout [UInt32]) {
        if word.count == 4 && ends(word, "ies") {
            replace(&word, suffixLength: 3, with: "ie")
            return
        }
        applyFirst(&word, [("sses", "ss"), ("ies", "i"), ("ss", "ss"), ("s", "")]) { _, _ in true }
    }

    /// Past tenses and gerunds: -eed, -ed, -ing, then the tidying of the stem they leave.
    static func step1b(_ word: inout [UInt32]) {
        if ends(word, "ied") {
            replace(&word, suffixLength: 3, with: word.count == 4 ? "ie" : "i")
            return
        }
        if ends(word, "eed") {
            if measure(word, word.count - 3) > 0 { word.removeLast() }
            return
        }
        var removed = false
        for suffix in ["ed", "ing"] where ends(word, suffix) {
            let stemLength = word.count - suffix.utf8.count
            if containsVowel(word, stemLength) {
                word.removeLast(suffix.utf8.count)
                removed = true
                break
            }
        }
        guard removed else { return }
        for (suffix, replacement) in [("at", "ate"), ("bl", "ble"), ("iz", "ize")] where ends(word, suffix) {
            replace(&word, suffixLength: suffix.utf8.count, with: replacement)
            return
        }
        if endsDoubleConsonant(word, word.count) {
            let last = word[word.count - 1]
            if last != l && last != s && last != z { word.removeLast() }
            return
        }
        if measure(word, word.count) == 1 && endsCVC(word, word.count) { word.append(e) }
    }

    /// -y → -i after a consonant that is not the word's first letter.
    static func step1c(_ word: inout [UInt32]) {
        guard ends(word, "y") else { return }
        let stemLength = word.count - 1
        if stemLength > 1 && isConsonant(word, stemLength - 1) { word[stemLength] = i }
    }

    static let step2Rules: [(suffix: String, replacement: String)] = [
        ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"), ("bli", "ble"), ("alli", "al"),
        ("entli", "ent"), ("eli", "e"), ("ousli", "ous"), ("ization", "ize"), ("ation", "ate"), ("ator", "ate"), ("alism", "al"),
        ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"), ("iviti", "ive"), ("biliti", "ble"),
        ("fulli", "ful"), ("logi", "log"),
    ]

    /// Double suffixes to single ones, when the stem has a positive measure.
    static func step2(_ word: inout [UInt32]) {
        if ends(word, "alli") && measure(word, word.count - 4) > 0 {
            replace(&word, suffixLength: 4, with: "al")
            step2(&word)
            return
        }
        let whole = word
        applyFirst(&word, step2Rules) { suffix, stemLength in
            // -logi: the measure of the word without -ogi.
            suffix == "logi" ? measure(whole, whole.count - 3) > 0 : measure(whole, stemLength) > 0
        }
    }

    static let step3Rules: [(suffix: String, replacement: String)] = [
        ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
    ]

    static func step3(_ word: inout [UInt32]) {
        let whole = word
        applyFirst(&word, step3Rules) { _, stemLength in measure(whole, stemLength) > 0 }
    }

    static let step4Rules: [(suffix: String, replacement: String)] = [
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism", "ate", "iti", "ous", "ive",
        "ize",
    ].map { ($0, "") }

    /// Suffixes removed from stems of measure above 1 (-ion only after s or t).
    static func step4(_ word: inout [UInt32]) {
        let whole = word
        applyFirst(&word, step4Rules) { suffix, stemLength in
            guard measure(whole, stemLength) > 1 else { return false }
            return suffix != "ion" || (stemLength > 0 && (whole[stemLength - 1] == s || whole[stemLength - 1] == t))
        }
    }

    /// A final -e goes from stems of measure above 1, or of measure 1 not ending *o.
    static func step5a(_ word: inout [UInt32]) {
        guard ends(word, "e") else { return }
        let stemLength = word.count - 1
        let m = measure(word, stemLength)
        if m > 1 || (m == 1 && !endsCVC(word, stemLength)) { word.removeLast() }
    }

    /// -ll → -l when the word less its last letter has a measure above 1.
    static func step5b(_ word: inout [UInt32]) {
        if ends(word, "ll") && measure(word, word.count - 1) > 1 { word.removeLast() }
    }
}
