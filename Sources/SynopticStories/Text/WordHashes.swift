import SynopticCore

/// The words of a text as the story stage compares them: lowercase runs of letters and digits,
/// each reduced to a 64-bit hash without making a `String` per word.
///
/// Duplicate detection, version linking and clustering all compare texts word by word; hashing
/// once per word, as the scalars go by, keeps that cost linear in the text and free of
/// allocation. Apostrophes inside a word are dropped (“Russia’s” and "Russia's" are one word
/// “russias”), so typographic and straight quotes compare equal; every other mark separates.
public enum WordHashes {
    /// FNV-1a 64-bit parameters.
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// The hash of each word of `text`, in order.
    public static func of(_ text: some StringProtocol) -> [UInt64] {
        var result: [UInt64] = []
        result.reserveCapacity(text.utf8.count / 5)
        forEachWord(in: text) { result.append($0) }
        return result
    }

    /// Calls `body` with the hash of each word of `text`, in order.
    @inline(__always)
    public static func forEachWord(in text: some StringProtocol, _ body: (UInt64) -> Void) {
        forEachWordWithShape(in: text) { hash, _ in body(hash) }
    }

    /// What a word looked like before it was lowercased and hashed.
    public struct Shape: Sendable {
        /// Letters and digits in the word.
        public var length: Int
        /// The first letter is uppercase.
        public var capitalized: Bool
        /// Only digits.
        public var numeric: Bool
        /// No word stands before it in the text, or a sentence-ending mark (. ! ?) does.
        public var opensSentence: Bool
    }

    /// Calls `body` with the hash and the shape of each word of `text`, in order.
    @inline(__always)
    public static func forEachWordWithShape(in text: some StringProtocol, _ body: (UInt64, Shape) -> Void) {
        var state = WordScanner()
        // The text's own UTF-8 bytes where they are at hand (a String or Substring's nearly
        // always are), decoded here: the scalar view checks every index it hands out, which cost
        // as much as the hashing.
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            var i = 0
            let n = bytes.count
            while i < n {
                let lead = bytes[i]
                if lead < 0x80 {
                    state.step(UInt32(lead), body)
                    i += 1
                    continue
                }
                let (value, length) = UTF8Scalar.decode(bytes, at: i)
                state.step(value, body)
                i += length
            }
        }
        if done == nil {
            for scalar in text.unicodeScalars { state.step(scalar.value, body) }
        }
        state.finish(body)
    }

    /// The word being read: its hash so far and its shape.
    struct WordScanner {
        var hash = offsetBasis
        var inWord = false
        var shape = Shape(length: 0, capitalized: false, numeric: true, opensSentence: true)
        var sentenceEnded = true

        @inline(__always) mutating func begin(_ capitalized: Bool) {
            if !inWord {
                inWord = true
                shape = Shape(length: 0, capitalized: capitalized, numeric: true, opensSentence: sentenceEnded)
            }
        }

        /// One scalar, by value (a valid scalar's: the text is a Swift string).
        @inline(__always) mutating func step(_ v: UInt32, _ body: (UInt64, Shape) -> Void) {
            if v < 0x80 {
                var byte = UInt8(truncatingIfNeeded: v)
                let upper = byte >= 0x41 && byte <= 0x5A
                if upper { byte |= 0x20 }
                let digit = byte >= 0x30 && byte <= 0x39
                if (byte >= 0x61 && byte <= 0x7A) || digit {
                    begin(upper)
                    hash = (hash ^ UInt64(byte)) &* prime
                    shape.length += 1
                    if !digit { shape.numeric = false }
                    return
                }
                // An apostrophe between letters is part of the word and is left out of it.
                if byte == 0x27 && inWord { return }
                if byte == 0x2E || byte == 0x21 || byte == 0x3F { sentenceEnded = true }
            } else if v == 0x2019 || v == 0x2018 {
                if inWord { return }
            } else if let scalar = Unicode.Scalar(v), scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                begin(scalar.properties.isUppercase)
                for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                    var u = lower.value
                    // The scalar's bytes, low first, so that non-ASCII words hash as distinctly.
                    repeat {
                        hash = (hash ^ UInt64(u & 0xFF)) &* prime
                        u >>= 8
                    } while u != 0
                }
                shape.length += 1
                if scalar.properties.numericType == nil { shape.numeric = false }
                return
            }
            if inWord {
                body(hash, shape)
                hash = offsetBasis
                inWord = false
                sentenceEnded = false
                if v == 0x2E || v == 0x21 || v == 0x3F { sentenceEnded = true }
            }
        }

        @inline(__always) func finish(_ body: (UInt64, Shape) -> Void) {
            if inWord { body(hash, shape) }
        }
    }

    /// The hashes of every run of `size` consecutive words (a text shorter than `size` words
    /// gives one shingle of all its words, an empty text none).
    public static func shingles(_ words: [UInt64], size: Int) -> [UInt64] {
        precondition(size >= 1)
        guard !words.isEmpty else { return [] }
        let count = max(words.count - size + 1, 1)
        var result: [UInt64] = []
        result.reserveCapacity(count)
        for start in 0..<count {
            var hash = offsetBasis
            for w in words[start..<min(start + size, words.count)] {
                hash = (hash ^ w) &* prime
                hash ^= hash >> 29
            }
            result.append(mix(hash))
        }
        return result
    }

    /// A 64-bit finalizer (splitmix64's): spreads nearby inputs over the whole range, which
    /// MinHash's permutations and LSH's bands rely on.
    @inline(__always)
    public static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension Article {
    /// The article's paragraphs (its blocks) as text, headline excluded.
    public var paragraphTexts: [Substring] { blocks.map { text[$0.span] } }
}
