/// What the word lists say of one lowercase word: one bit a list.
///
/// The rules of entity recognition and quote attribution ask the same few questions of every token
/// they pass ("a role noun?", "a connector?") many times over, and the figure and time scanners ask
/// of every word whether an expression may begin there. The tokenizer answers them all once per
/// token, with one lookup in ``WordTraitTable``, so a rule tests a bit instead of hashing a `String`
/// into a `Set`.
struct WordTraits: OptionSet, Hashable, Sendable {
    let rawValue: UInt32

    // The lexicons (``Lexicon``).
    static let givenName = WordTraits(rawValue: 1 << 0)
    static let place = WordTraits(rawValue: 1 << 1)
    /// The first word of a place of several words ("new" of "new york").
    static let placeLead = WordTraits(rawValue: 1 << 2)
    static let demonym = WordTraits(rawValue: 1 << 3)
    static let roleNoun = WordTraits(rawValue: 1 << 4)
    static let roleModifier = WordTraits(rawValue: 1 << 5)
    static let organizationWord = WordTraits(rawValue: 1 << 6)
    static let honorific = WordTraits(rawValue: 1 << 7)
    static let commonWord = WordTraits(rawValue: 1 << 8)
    /// One of the few spellings whose name key is given, not folded (`Lexicon.nameKey`).
    static let nameKeyOverride = WordTraits(rawValue: 1 << 9)
    // The closed classes the entity and quote rules keep beside them.
    static let speechCue = WordTraits(rawValue: 1 << 10)
    static let calendarWord = WordTraits(rawValue: 1 << 11)
    static let functionWord = WordTraits(rawValue: 1 << 12)
    static let connector = WordTraits(rawValue: 1 << 13)
    static let nameParticle = WordTraits(rawValue: 1 << 14)
    static let malePronoun = WordTraits(rawValue: 1 << 15)
    static let femalePronoun = WordTraits(rawValue: 1 << 16)
    static let speakerPronoun = WordTraits(rawValue: 1 << 17)
    static let determiner = WordTraits(rawValue: 1 << 18)
    // The words figures and time expressions may begin with.
    static let figureStarter = WordTraits(rawValue: 1 << 19)
    static let currencyCode = WordTraits(rawValue: 1 << 20)
    static let timeStarter = WordTraits(rawValue: 1 << 21)
    static let timeDeterminer = WordTraits(rawValue: 1 << 22)
    static let afterTimeDeterminer = WordTraits(rawValue: 1 << 23)
    static let approximator = WordTraits(rawValue: 1 << 24)
    static let twoWordApproximatorStart = WordTraits(rawValue: 1 << 25)
    // The tense cues around a time expression.
    static let futureCue = WordTraits(rawValue: 1 << 26)
    static let pastCue = WordTraits(rawValue: 1 << 27)
    // The verbs that say who states a figure ("Ukraine said", "officials estimated").
    static let figureSourceCue = WordTraits(rawValue: 1 << 28)
    // Closed classes the entity and quote rules test around names and cues, at nearly every
    // name and cue (the last bits of the 32: a wider set would make every token larger).
    static let nonSubjectPronoun = WordTraits(rawValue: 1 << 29)
    static let possessiveDeterminer = WordTraits(rawValue: 1 << 30)
    static let modifierContext = WordTraits(rawValue: 1 << 31)

    /// Every list with its bit. A bit is set exactly for the keys of its list, so testing it answers
    /// what `contains` on the list answers.
    static func lists() -> [(WordTraits, [String])] {
        [
            (.givenName, Lexicon.givenNameKeys), (.place, Lexicon.placeKeys), (.placeLead, Lexicon.placeLeadKeys),
            (.demonym, Lexicon.demonymKeys), (.roleNoun, Lexicon.roleNounKeys), (.roleModifier, Lexicon.roleModifierKeys),
            (.organizationWord, Lexicon.organizationWordKeys), (.honorific, Lexicon.honorificKeys),
            (.commonWord, Lexicon.commonWordKeys), (.nameKeyOverride, Lexicon.nameKeyOverrideKeys), (.speechCue, Array(SpeechCues.forms)),
            (.calendarWord, Array(RecognitionState.calendarWords)), (.functionWord, Array(RecognitionState.functionWords)),
            (.connector, Array(RecognitionState.connectors)), (.nameParticle, Array(RecognitionState.particlesInPersonNames)),
            (.malePronoun, Array(RecognitionState.malePronouns)), (.femalePronoun, Array(RecognitionState.femalePronouns)),
            (.speakerPronoun, Array(QuoteAttributor.speakerPronouns)), (.determiner, Array(QuoteAttributor.determiners)),
            (.figureStarter, Array(FigureLexicon.wordStarters)), (.currencyCode, Array(FigureLexicon.currencyCodes.keys)),
            (.timeStarter, Array(TimeLexicon.starters)), (.timeDeterminer, Array(TimeLexicon.determiners)),
            (.afterTimeDeterminer, Array(TimeLexicon.afterDeterminer)), (.approximator, Array(TimeLexicon.approximators)),
            (.twoWordApproximatorStart, Array(TimeLexicon.twoWordApproximatorStarts)), (.futureCue, Array(TimeLexicon.futureCues)),
            (.pastCue, Array(TimeLexicon.pastCues)), (.figureSourceCue, Array(FigureLexicon.cues)),
            (.nonSubjectPronoun, Array(RecognitionState.nonSubjectPronouns)),
            (.possessiveDeterminer, Array(QuoteAttributor.possessiveDeterminers)), (.modifierContext, Array(QuoteAttributor.modifierContexts)),
        ]
    }
}

/// ``WordTraits`` by a word's lowercase UTF-8 bytes, so the tokenizer looks a token up without making
/// or hashing a `String`: open addressing over one byte arena, FNV-1a hashes. Words in no list have no
/// traits. It answers for tokens, which hold no space: keys of several words are left out.
///
/// `String` equality is canonical equivalence, not byte equality. Two ASCII strings are equal exactly
/// when their bytes are, so ASCII keys live in the byte table. A non-ASCII word can only equal a
/// non-ASCII key, looked up as a `String` as the lists' own sets would, or an ASCII key through the
/// three characters whose canonical form is ASCII (U+037E, U+1FEF and U+212A are ";", "`" and "K"),
/// which are folded before asking the byte table too.
struct WordTraitTable: Sendable {
    static let shared = WordTraitTable()

    /// A key's first eight bytes are kept in its slot, so most lookups (words of eight letters or
    /// fewer) are decided without reading the key's bytes elsewhere, each a likely cache miss.
    private struct Slot {
        /// The first eight bytes, little-endian, zero-padded (no key holds a NUL).
        var head: UInt64
        /// The key's length in bytes; 0 for an empty slot.
        var length: UInt32
        var traits: WordTraits
    }

    private var slots: [Slot]
    /// Where each slot's key starts in `arena`, read only for keys longer than eight bytes.
    private var offsets: [Int32]
    private var mask: Int
    private var count = 0
    private var arena: [UInt8] = []
    /// The keys' presence bits, gathered while inserting.
    private var presenceKeys: [Int] = []
    private var nonASCII: [String: WordTraits] = [:]
    /// One bit per value of a hash's top ``presenceBits`` bits, set for the keys' hashes: most
    /// tokens are words in no list, and this 128 KB map, which stays in the core's cache, says so
    /// without touching the slots (2 MB, where nearly every such probe missed the cache).
    private var presence: [UInt64] = []
    private static let presenceBits = 20

    static let emptyHash: UInt64 = 0xcbf2_9ce4_8422_2325

    /// One step of FNV-1a over a word's bytes, starting from ``emptyHash``.
    @inline(__always)
    static func hash(_ hash: UInt64, _ byte: UInt8) -> UInt64 { (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }

    /// The first eight of `bytes` as a slot's ``Slot/head``.
    @inline(__always)
    static func head(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var head: UInt64 = 0
        for k in 0..<min(8, bytes.count) { head |= UInt64(bytes[k]) << UInt64(8 * k) }
        return head
    }

    private static let empty = Slot(head: 0, length: 0, traits: [])

    private init() {
        let lists = WordTraits.lists()
        // At most one slot in two is taken.
        var capacity = 16
        while capacity < lists.reduce(0, { $0 + $1.1.count }) * 2 { capacity *= 2 }
        slots = [Slot](repeating: Self.empty, count: capacity)
        offsets = [Int32](repeating: -1, count: capacity)
        mask = capacity - 1
        for (bit, keys) in lists {
            // No token holds a space, so multi-word places ("new york") are left out.
            for key in keys where !key.utf8.contains(0x20) {
                if let ascii = Self.asciiForm(key) {
                    insert(ascii, bit)
                    // A key spelled with the three folded characters is also one of the other keys.
                    if key.utf8.contains(where: { $0 >= 0x80 }) { nonASCII[key, default: []].insert(bit) }
                } else {
                    nonASCII[key, default: []].insert(bit)
                }
            }
        }
        // Now that the keys are counted, the smallest table that keeps probes short: the fewer
        // cache lines it spans, the fewer of its lookups miss the cache.
        var compact = 16
        while compact * 7 < count * 10 { compact *= 2 }
        let filled = slots.indices.filter { slots[$0].length > 0 }.map { (slot: slots[$0], offset: offsets[$0]) }
        slots = [Slot](repeating: Self.empty, count: compact)
        offsets = [Int32](repeating: -1, count: compact)
        mask = compact - 1
        for (slot, offset) in filled {
            var hash = Self.emptyHash
            for byte in arena[Int(offset)..<Int(offset) + Int(slot.length)] { hash = Self.hash(hash, byte) }
            var at = Int(truncatingIfNeeded: hash) & mask
            while slots[at].length > 0 { at = (at + 1) & mask }
            slots[at] = slot
            offsets[at] = offset
        }
        presence = [UInt64](repeating: 0, count: (1 << Self.presenceBits) / 64)
        for key in presenceKeys { presence[key >> 6] |= 1 << UInt64(key & 63) }
        presenceKeys = []
    }

    /// The presence map's bit for a full hash: its top bits, independent of the low bits that
    /// choose a slot.
    @inline(__always)
    private static func presenceKey(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash >> UInt64(64 - presenceBits)) }

    /// The key's bytes when it is ASCII once U+037E, U+1FEF and U+212A are folded, else `nil`.
    private static func asciiForm(_ word: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(word.utf8.count)
        for scalar in word.unicodeScalars {
            switch scalar.value {
            case 0..<0x80: bytes.append(UInt8(scalar.value))
            case 0x037E: bytes.append(0x3B)
            case 0x1FEF: bytes.append(0x60)
            case 0x212A: bytes.append(0x4B)
            default: return nil
            }
        }
        return bytes
    }

    private mutating func insert(_ bytes: [UInt8], _ traits: WordTraits) {
        guard !bytes.isEmpty else { return }
        var hash = Self.emptyHash
        for byte in bytes { hash = Self.hash(hash, byte) }
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot].length > 0 {
            let offset = Int(offsets[slot])
            if slots[slot].length == bytes.count && arena[offset..<offset + bytes.count].elementsEqual(bytes) {
                slots[slot].traits.formUnion(traits)
                return
            }
            slot = (slot + 1) & mask
        }
        let head = bytes.withUnsafeBufferPointer { Self.head($0) }
        slots[slot] = Slot(head: head, length: UInt32(bytes.count), traits: traits)
        offsets[slot] = Int32(arena.count)
        arena.append(contentsOf: bytes)
        presenceKeys.append(Self.presenceKey(hash))
        count += 1
    }

    /// The traits of an ASCII word, given its lowercase bytes and their ``hash(_:_:)``.
    func traits(ofASCII bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> WordTraits {
        let key = Self.presenceKey(hash)
        guard presence.withUnsafeBufferPointer({ $0[key >> 6] & (1 << UInt64(key & 63)) != 0 }) else { return [] }
        let head = Self.head(bytes)
        let length = UInt32(truncatingIfNeeded: bytes.count)
        var slot = Int(truncatingIfNeeded: hash) & mask
        return slots.withUnsafeBufferPointer { slots in
            while slots[slot].length > 0 {
                let candidate = slots[slot]
                if candidate.head == head && candidate.length == length
                    && (length <= 8 || longKeyEquals(Int(offsets[slot]), bytes))
                {
                    return candidate.traits
                }
                slot = (slot + 1) & mask
            }
            return []
        }
    }

    /// Whether the key at `offset` in the arena, as long as `bytes`, matches them past the head.
    private func longKeyEquals(_ offset: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        arena.withUnsafeBufferPointer { arena in
            for k in 8..<bytes.count where arena[offset + k] != bytes[k] { return false }
            return true
        }
    }

    /// The traits of any token's lowercase form, ASCII or not.
    func traits(of lower: String) -> WordTraits {
        guard let ascii = Self.asciiForm(lower) else { return nonASCII[lower] ?? [] }
        var hash = Self.emptyHash
        for byte in ascii { hash = Self.hash(hash, byte) }
        let traits = ascii.withUnsafeBufferPointer { self.traits(ofASCII: $0, hash: hash) }
        return lower.utf8.contains(where: { $0 >= 0x80 }) ? traits.union(nonASCII[lower] ?? []) : traits
    }
}
