import SynopticCore

/// The facts the debris rules read from one block: its text, its words and how it ends.
///
/// Debris is recognised by shape (length, position, capitalisation, closing punctuation), so these
/// facts are computed once per block and shared by every rule.
struct BlockShape {
    let block: RawBlock
    let text: String
    /// The number of ``words``, counted without making them: most blocks are only ever asked how
    /// many words they have (splitting every block into substrings was a tenth of cleaning).
    let wordCount: Int
    /// ``keyHash(_:)`` of the text, made once: the recurring-line and repeated-paragraph rules
    /// both compare blocks by it.
    let keyHash: Int
    let lastCharacter: Character?

    init(_ block: RawBlock, in scalars: [Unicode.Scalar]) {
        self.block = block
        text = ArticleAssembler.text(of: block, in: scalars)
        wordCount = Self.wordCount(of: text)
        keyHash = Self.keyHash(text)
        lastCharacter = text.last
    }

    /// The text split at spaces, punctuation kept; made on each use, which only the rules for
    /// short lines (markers, promos, footers) reach.
    var words: [Substring] { Self.words(of: text) }
    var isSingleLine: Bool { block.isSingleLine }

    /// Ends as a sentence of running text does, a question included.
    var endsLikeSentence: Bool {
        guard let last = lastCharacter else { return false }
        return last == "?" || endsLikeStatement
    }

    /// Ends with a full stop, an exclamation, an ellipsis or a closing quotation mark or bracket:
    /// the endings a headline does not have. (A headline may end with a question mark.)
    var endsLikeStatement: Bool {
        guard let last = lastCharacter else { return false }
        return ".!\u{2026}\u{201D}\u{2019}\")".contains(last)
    }

    /// Running text: a paragraph or quotation of some length that ends like a sentence.
    var isProse: Bool {
        (block.kind == .paragraph || block.kind == .blockQuote) && wordCount >= 8 && endsLikeSentence
    }

    /// Shaped like a headline: one line, not too long, not ending like a statement.
    var isHeadlineShaped: Bool {
        isSingleLine && (2...30).contains(wordCount) && !endsLikeStatement
    }

    /// The words in lower case with the punctuation around them stripped (`“Russia’s,”` → `russia’s`).
    var bareWords: [String] { words.map(Self.bare) }

    static func bare(_ word: Substring) -> String {
        let scalars = word.unicodeScalars
        guard let first = scalars.firstIndex(where: ScalarClass.isLetterOrDigit),
            let last = scalars.lastIndex(where: ScalarClass.isLetterOrDigit)
        else { return "" }
        return String(scalars[first...last]).lowercased()
    }

    /// Whether a word starts with a capital letter or a digit, after any opening punctuation.
    static func isCapitalized(_ word: Substring) -> Bool {
        guard let first = word.unicodeScalars.first(where: ScalarClass.isLetterOrDigit) else { return false }
        return ScalarClass.isUppercase(first) || ScalarClass.isDigit(first)
    }

    /// Letters and digits only, lower-cased, runs of anything else as one space: two texts with the
    /// same key say the same words.
    static func key(_ text: some StringProtocol) -> String {
        // Written as UTF-8 bytes into a scratch buffer, read from the text's own bytes: appending to
        // a String's scalar view one scalar at a time made this the most expensive step of cleaning
        // (every line of a batch is keyed, most of them twice). A key is never longer than three
        // times its text: a letter's lower case takes at most 3 bytes more than its own 2 or more
        // (U+0130 → "i̇"), plus the space before it.
        let count = text.utf8.count
        let fast: String? = text.utf8.withContiguousStorageIfAvailable { bytes in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count * 3 + 4) { out in
                var n = 0
                forEachKeyByte(bytes) { byte in
                    if n < out.count {
                        out[n] = byte
                        n += 1
                    }
                }
                return String(decoding: UnsafeBufferPointer(rebasing: out[0..<n]), as: UTF8.self)
            }
        }
        if let fast { return fast }
        return String(decoding: slowKeyBytes(text), as: UTF8.self)
    }

    /// A hash of ``key(_:)`` made without making the key: equal keys hash equal. Lines and
    /// paragraphs are compared by key only to find repeats, which the hash finds as well at a
    /// fraction of the cost (no string); distinct keys collide with probability about 2⁻⁶⁴.
    static func keyHash(_ text: some StringProtocol) -> Int {
        if let fast = text.utf8.withContiguousStorageIfAvailable(keyHash(bytes:)) { return fast }
        var hasher = KeyHasher()
        for byte in slowKeyBytes(text) { hasher.add(keyByte: byte) }
        return hasher.finish()
    }

    /// ``keyHash(_:)`` of valid UTF-8, without a branch on the kind of an ASCII byte: a table
    /// gives its key byte (0 for a gap), the hash step is made for every byte and kept only for
    /// key bytes, and the space a gap puts in the key rides in the ninth bit of the next key byte
    /// (``KeyHasher``). Branching on letters and gaps, which alternate every few bytes in prose,
    /// cost a misprediction a word: this loop was a twentieth of the whole ingest, and is now a
    /// third as long. Scalars beyond ASCII go to a function that returns their key bytes.
    static func keyHash(bytes: UnsafeBufferPointer<UInt8>) -> Int {
        asciiKeyBytes.withUnsafeBufferPointer { table in
            var hasher = KeyHasher()
            var gap: UInt64 = 0
            var started: UInt64 = 0
            var i = 0
            let n = bytes.count
            while i < n {
                let lead = bytes[i]
                guard lead < 0x80 else {
                    let key = scalarKey(bytes, at: i)
                    i &+= key.length
                    guard key.count > 0 else {
                        gap = 1
                        continue
                    }
                    var packed = key.bytes
                    hasher.add(UInt64(truncatingIfNeeded: packed & 0xFF) | (gap & started) << 8)
                    for _ in 1..<key.count {
                        packed >>= 8
                        hasher.add(packed & 0xFF)
                    }
                    gap = 0
                    started = 1
                    continue
                }
                let byte = UInt64(table[Int(lead)])
                let isKey: UInt64 = byte != 0 ? 1 : 0
                hasher.add(byte | (gap & started & isKey) << 8, if: isKey)
                gap = isKey ^ 1
                started |= isKey
                i &+= 1
            }
            return hasher.finish()
        }
    }

    /// The key byte of each ASCII byte: a letter lowercased, a digit as it is, 0 for the rest.
    private static let asciiKeyBytes: [UInt8] = (0..<128).map { value in
        let byte = UInt8(value)
        if byte &- 0x41 < 26 { return byte | 0x20 }
        return byte &- 0x61 < 26 || byte &- 0x30 < 10 ? byte : 0
    }

    /// The key bytes of the multi-byte scalar at `i`, for ``keyHash(bytes:)`` and `forEachKeyByte`, packed
    /// first byte lowest (none when the scalar is no letter or digit), and the scalar's length.
    /// A lowercase mapping is one scalar, or two for U+0130 ("i" and a combining dot): at most
    /// four bytes in all.
    @inline(never)
    private static func scalarKey(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (bytes: UInt64, count: Int, length: Int) {
        let (value, length) = UTF8Scalar.decode(bytes, at: i)
        let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
        guard ScalarClass.isLetterOrDigit(scalar) else { return (0, 0, length) }
        var packed: UInt64 = 0
        var count = 0
        for byte in scalar.properties.lowercaseMapping.utf8 where count < 8 {
            packed |= UInt64(byte) << (8 * UInt64(count))
            count += 1
        }
        return (packed, count, length)
    }

    /// The hash ``keyHash(_:)`` gives a text whose key is `key`: the key's bytes through the
    /// hasher, as the first hashing did; tests check the one-loop hashing against it.
    static func hashOfKey(_ key: String) -> Int {
        var hasher = KeyHasher()
        for byte in key.utf8 { hasher.add(keyByte: byte) }
        return hasher.finish()
    }

    /// The key's bytes, in order, from valid UTF-8.
    @inline(__always)
    private static func forEachKeyByte(_ bytes: UnsafeBufferPointer<UInt8>, _ emit: (UInt8) -> Void) {
        var gap = false
        var started = false
        var i = 0
        while i < bytes.count {
            let lead = bytes[i]
            if lead < 0x80 {
                let isUpper = lead &- 0x41 < 26
                if isUpper || lead &- 0x30 < 10 || lead &- 0x61 < 26 {
                    if gap && started { emit(0x20) }
                    gap = false
                    started = true
                    emit(isUpper ? lead | 0x20 : lead)
                } else {
                    gap = true
                }
                i += 1
                continue
            }
            // A multi-byte scalar of valid UTF-8 (a String's bytes always are).
            let key = scalarKey(bytes, at: i)
            i += key.length
            guard key.count > 0 else {
                gap = true
                continue
            }
            if gap && started { emit(0x20) }
            gap = false
            started = true
            var packed = key.bytes
            for _ in 0..<key.count {
                emit(UInt8(truncatingIfNeeded: packed))
                packed >>= 8
            }
        }
    }

    /// The key's bytes for text whose UTF-8 is not stored contiguously.
    private static func slowKeyBytes(_ text: some StringProtocol) -> [UInt8] {
        var key = KeyBuilder(capacity: text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 { key.add(ascii: UInt8(truncatingIfNeeded: scalar.value)) } else { key.add(scalar) }
        }
        return key.bytes
    }

    /// FNV-1a over the key, one step per key byte, with the space between two words carried in
    /// the ninth bit of the byte after it (a key holds a space only there, so keys and step
    /// sequences are one to one), and finished by splitmix64's mix so that every bit of the hash
    /// depends on the whole key.
    private struct KeyHasher {
        private var state: UInt64 = 0xCBF2_9CE4_8422_2325
        private var pendingSpace: UInt64 = 0

        /// One step: `value` is a key byte, plus 0x100 when a space comes before it.
        @inline(__always)
        mutating func add(_ value: UInt64) { state = (state ^ value) &* 0x0000_0100_0000_01B3 }

        /// The step when `keep` is 1, and none when it is 0 (then `value` must be 0): the
        /// multiplier is 1 then, so no select is needed, which the compiler would make a branch.
        @inline(__always)
        mutating func add(_ value: UInt64, if keep: UInt64) {
            state = (state ^ value) &* (1 &+ keep &* (0x0000_0100_0000_01B3 - 1))
        }

        /// A byte of the key as a string: a space waits for the byte after it.
        mutating func add(keyByte byte: UInt8) {
            if byte == 0x20 {
                pendingSpace = 1
                return
            }
            add(UInt64(byte) | pendingSpace << 8)
            pendingSpace = 0
        }

        func finish() -> Int {
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int(truncatingIfNeeded: z ^ (z >> 31))
        }
    }

    private struct KeyBuilder {
        var bytes: [UInt8] = []
        var gap = false

        init(capacity: Int) { bytes.reserveCapacity(capacity) }

        mutating func add(ascii byte: UInt8) {
            let isUpper = byte >= 0x41 && byte <= 0x5A
            guard isUpper || (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A) else {
                gap = true
                return
            }
            if gap && !bytes.isEmpty { bytes.append(0x20) }
            gap = false
            bytes.append(isUpper ? byte + 32 : byte)
        }

        mutating func add(_ scalar: Unicode.Scalar) {
            guard ScalarClass.isLetterOrDigit(scalar) else {
                gap = true
                return
            }
            if gap && !bytes.isEmpty { bytes.append(0x20) }
            gap = false
            bytes.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
        }
    }

    /// `text.split(separator: " ")`: the same words, found on the bytes when no character of the
    /// text can join a space to its neighbour (no combining mark, joiner or prepended mark: every
    /// scalar below U+0300 or among the general punctuation), which is what news text nearly always
    /// is; split on characters otherwise.
    static func words(of text: String) -> [Substring] {
        var cuts: [(Int, Int)] = []
        guard forEachSimpleWord(of: text, { cuts.append(($0, $1)) }) else { return text.split(separator: " ") }
        let utf8 = text.utf8
        return cuts.map { start, end in
            text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)]
        }
    }

    /// `words(of: text).count`, without making the words.
    static func wordCount(of text: String) -> Int {
        var count = 0
        guard forEachSimpleWord(of: text, { _, _ in count += 1 }) else { return text.split(separator: " ").count }
        return count
    }

    /// Calls `body` with the byte range of each word of `text` between spaces, and returns true,
    /// when the text's own bytes are at hand and no scalar of it could join a space to its
    /// neighbour; false (having called `body` for some words, maybe) otherwise. One pass finds the
    /// spaces and checks the scalars: UTF-8 lead bytes C2–CB are U+0080–U+02FF; E2 80/81 sequences
    /// are checked for U+2010–U+2027 and U+2030–U+205E.
    @inline(__always)
    private static func forEachSimpleWord(of text: String, _ body: (Int, Int) -> Void) -> Bool {
        let simple: Bool? = text.utf8.withContiguousStorageIfAvailable { bytes in
            var start = 0
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                if byte < 0x80 {
                    if byte == 0x20 {
                        if start < i { body(start, i) }
                        start = i + 1
                    }
                    i += 1
                } else if byte >= 0xC2 && byte <= 0xCB {
                    i += 2
                } else if byte == 0xE2, i + 2 < bytes.count {
                    let value = (UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)) | 0x2000
                    guard bytes[i + 1] & 0xFE == 0x80, (0x2010...0x2027).contains(value) || (0x2030...0x205E).contains(value) else { return false }
                    i += 3
                } else {
                    return false
                }
            }
            if start < bytes.count { body(start, bytes.count) }
            return true
        }
        return simple == true
    }
}

extension Set<String> {
    /// Whether any of `words` is in the set.
    func containsAny(_ words: [String]) -> Bool { words.contains(where: contains) }
}
