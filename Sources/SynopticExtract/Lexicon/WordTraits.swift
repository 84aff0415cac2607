/// What the word lists say of one lowercase word: one bit a list.
///
/// The rules of entity recognition and quote attribution ask the same few questions of every token
/// they pass ("a role noun?", "a connector?") many times over. The tokenizer answers them all once per
/// token, with one lookup in ``WordTraitTable``, so a rule tests a bit instead of hashing a `String`
/// into a `Set`.
struct WordTraits: OptionSet, Hashable, Sendable {
    let rawValue: UInt32

    // The lexicons (``Lexicon``).
    static let givenName = WordTraits(rawValue: 1 << 0)
    static let place = WordTraits(rawValue: 1 << 1)
    static let demonym = WordTraits(rawValue: 1 << 2)
    static let roleNoun = WordTraits(rawValue: 1 << 3)
    static let roleModifier = WordTraits(rawValue: 1 << 4)
    static let organizationWord = WordTraits(rawValue: 1 << 5)
    static let honorific = WordTraits(rawValue: 1 << 6)
    static let commonWord = WordTraits(rawValue: 1 << 7)
    // The closed classes the rules keep beside them.
    static let speechCue = WordTraits(rawValue: 1 << 8)
    static let calendarWord = WordTraits(rawValue: 1 << 9)
    static let functionWord = WordTraits(rawValue: 1 << 10)
    static let connector = WordTraits(rawValue: 1 << 11)
    static let nameParticle = WordTraits(rawValue: 1 << 12)
    static let malePronoun = WordTraits(rawValue: 1 << 13)
    static let femalePronoun = WordTraits(rawValue: 1 << 14)
    static let speakerPronoun = WordTraits(rawValue: 1 << 15)
    static let determiner = WordTraits(rawValue: 1 << 16)

    /// Every list with its bit. A bit is set exactly for the keys of its list, so testing it answers
    /// what `contains` on the list answers.
    static func lists() -> [(WordTraits, [String])] {
        [
            (.givenName, Lexicon.givenNameKeys), (.place, Lexicon.placeKeys), (.demonym, Lexicon.demonymKeys),
            (.roleNoun, Lexicon.roleNounKeys), (.roleModifier, Lexicon.roleModifierKeys),
            (.organizationWord, Lexicon.organizationWordKeys), (.honorific, Lexicon.honorificKeys),
            (.commonWord, Lexicon.commonWordKeys), (.speechCue, Array(SpeechCues.forms)),
            (.calendarWord, Array(RecognitionState.calendarWords)), (.functionWord, Array(RecognitionState.functionWords)),
            (.connector, Array(RecognitionState.connectors)), (.nameParticle, Array(RecognitionState.particlesInPersonNames)),
            (.malePronoun, Array(RecognitionState.malePronouns)), (.femalePronoun, Array(RecognitionState.femalePronouns)),
            (.speakerPronoun, Array(QuoteAttributor.speakerPronouns)), (.determiner, Array(QuoteAttributor.determiners)),
        ]
    }
}

/// ``WordTraits`` by a word's lowercase UTF-8 bytes, so the tokenizer looks a token up without making
/// or hashing a `String`: open addressing over one byte arena, FNV-1a hashes. Words in no list have no
/// traits.
///
/// `String` equality is canonical equivalence, not byte equality, so the byte table holds only ASCII
/// keys and is asked only about ASCII words (an ASCII string equals no other spelling, save through
/// the three characters whose canonical form is ASCII, which are folded in when the table is built);
/// other words are looked up as `String`s in a dictionary of every key, as the lists' own sets would.
struct WordTraitTable: Sendable {
    static let shared = WordTraitTable()

    private struct Slot {
        var hash: UInt32
        var length: UInt32
        var offset: Int32
        var traits: WordTraits
    }

    private let slots: [Slot]
    private let mask: Int
    private let arena: [UInt8]
    private let byString: [String: WordTraits]

    static let emptyHash: UInt64 = 0xcbf2_9ce4_8422_2325

    /// One step of FNV-1a over a word's bytes, starting from ``emptyHash``.
    @inline(__always)
    static func hash(_ hash: UInt64, _ byte: UInt8) -> UInt64 { (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }

    private init() {
        var byString: [String: WordTraits] = [:]
        for (bit, keys) in WordTraits.lists() {
            for key in keys { byString[key, default: []].insert(bit) }
        }
        var ascii: [[UInt8]: WordTraits] = [:]
        for (key, traits) in byString {
            if key.utf8.allSatisfy({ $0 < 0x80 }) {
                ascii[Array(key.utf8), default: []].formUnion(traits)
            } else {
                // U+037E, U+1FEF and U+212A are canonically ";", "`" and "K": a key spelled with them
                // equals an ASCII word.
                let folded = String(
                    String.UnicodeScalarView(
                        key.unicodeScalars.map { s in s == "\u{037E}" ? ";" : s == "\u{1FEF}" ? "`" : s == "\u{212A}" ? "K" : s }))
                if folded.utf8.allSatisfy({ $0 < 0x80 }) && folded == key { ascii[Array(folded.utf8), default: []].formUnion(traits) }
            }
        }
        var capacity = 16
        while capacity < ascii.count * 2 { capacity *= 2 }
        var slots = [Slot](repeating: Slot(hash: 0, length: 0, offset: -1, traits: []), count: capacity)
        var arena: [UInt8] = []
        for (bytes, traits) in ascii.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
            var hash = Self.emptyHash
            for byte in bytes { hash = Self.hash(hash, byte) }
            var slot = Int(truncatingIfNeeded: hash) & (capacity - 1)
            while slots[slot].offset >= 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = Slot(hash: UInt32(truncatingIfNeeded: hash), length: UInt32(bytes.count), offset: Int32(arena.count), traits: traits)
            arena.append(contentsOf: bytes)
        }
        self.slots = slots
        self.mask = capacity - 1
        self.arena = arena
        self.byString = byString
    }

    /// The traits of an ASCII word, given its lowercase bytes and their ``hash(_:_:)``.
    func traits(ofASCII bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> WordTraits {
        let short = UInt32(truncatingIfNeeded: hash)
        var slot = Int(truncatingIfNeeded: hash) & mask
        return slots.withUnsafeBufferPointer { slots in
            arena.withUnsafeBufferPointer { arena in
                while slots[slot].offset >= 0 {
                    let candidate = slots[slot]
                    if candidate.hash == short && Int(candidate.length) == bytes.count
                        && memoryEquals(arena.baseAddress! + Int(candidate.offset), bytes.baseAddress, bytes.count)
                    {
                        return candidate.traits
                    }
                    slot = (slot + 1) & mask
                }
                return []
            }
        }
    }

    /// The traits of any word, ASCII or not.
    func traits(of lower: String) -> WordTraits {
        var contiguous = lower
        return contiguous.withUTF8 { bytes in
            var hash = Self.emptyHash
            for byte in bytes {
                if byte >= 0x80 { return byString[lower] ?? [] }
                hash = Self.hash(hash, byte)
            }
            return traits(ofASCII: bytes, hash: hash)
        }
    }

    @inline(__always)
    private func memoryEquals(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>?, _ count: Int) -> Bool {
        guard let b else { return count == 0 }
        for k in 0..<count where a[k] != b[k] { return false }
        return true
    }
}
