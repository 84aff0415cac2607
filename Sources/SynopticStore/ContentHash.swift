import Foundation
import SynopticCore

/// The hash that makes ingest idempotent: SHA-256 of an article's text as it was decoded, with
/// runs of whitespace made one space and the ends trimmed.
///
/// The decoded text (``Article/original``; for a page, the text extracted from it) is hashed rather
/// than the clean body because the body depends on the batch it was cleaned in (a line that
/// recurs across one outlet's articles is debris only a batch shows), while the same file, the
/// same page or the same exported record gives the same decoded text every time. Whitespace is
/// folded so that a copy re-wrapped or saved with other line endings is still the same content.
public enum ContentHash {
    /// Lowercase hex SHA-256 of `article`'s content.
    public static func of(_ article: Article) -> String {
        of(text: article.original.isEmpty ? article.body : article.original)
    }

    /// Lowercase hex SHA-256 of `text` with whitespace folded.
    public static func of(text: String) -> String {
        var text = text
        // Folded into a buffer as long as the text (folding never lengthens it), read from the
        // text's own bytes: the per-byte appends and iterator of a first version cost as much as
        // the hash itself.
        return text.withUTF8 { bytes in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(bytes.count, 1)) { folded in
                SHA256.hex(UnsafeBufferPointer(rebasing: folded[0..<fold(bytes, into: folded)]))
            }
        }
    }

    /// Writes `bytes` (valid UTF-8) with every run of whitespace one space and the ends trimmed;
    /// returns the count written. Bytes are copied as they are, and only whitespace is looked at:
    /// ASCII whitespace by its byte, other whitespace (no-break space, line separator, …) by
    /// decoding that scalar alone.
    static func fold(_ bytes: UnsafeBufferPointer<UInt8>, into folded: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var n = 0
        var pendingSpace = false
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte < 0x80 {
                i += 1
                if byte == 0x20 || (byte >= 0x09 && byte <= 0x0d) {
                    pendingSpace = n > 0
                    continue
                }
                if pendingSpace {
                    folded[n] = 0x20
                    n += 1
                    pendingSpace = false
                }
                folded[n] = byte
                n += 1
                continue
            }
            // A multi-byte scalar: decode it, then decide.
            let (value, length) = UTF8Scalar.decode(bytes, at: i)
            if let scalar = Unicode.Scalar(value), scalar.properties.isWhitespace {
                pendingSpace = n > 0
                i += length
                continue
            }
            if pendingSpace {
                folded[n] = 0x20
                n += 1
                pendingSpace = false
            }
            for k in 0..<length { folded[n + k] = bytes[i + k] }
            n += length
            i += length
        }
        return n
    }
}

/// SHA-256 (FIPS 180-4), written here so that the store module needs no cryptography package for
/// one fingerprint.
enum SHA256 {
    private static let k: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]

    /// The digest of `message`: its 64-byte blocks compressed straight from the buffer, and the
    /// last one or two padded on the stack.
    static func digest(_ message: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var h: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (
            0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19
        )
        let whole = message.count / 64
        k.withUnsafeBufferPointer { k in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
                for block in 0..<whole {
                    compress(UnsafeBufferPointer(rebasing: message[block * 64..<block * 64 + 64]), into: &h, w: w, k: k)
                }
                // The tail, the 0x80 marker, zeros and the bit length: one block, or two when the
                // tail leaves no room for the length.
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { tail in
                    tail.initialize(repeating: 0)
                    let rest = message.count - whole * 64
                    for i in 0..<rest { tail[i] = message[whole * 64 + i] }
                    tail[rest] = 0x80
                    let blocks = rest < 56 ? 1 : 2
                    let bitLength = UInt64(message.count) &* 8
                    for i in 0..<8 { tail[blocks * 64 - 1 - i] = UInt8(truncatingIfNeeded: bitLength >> UInt64(8 * i)) }
                    for block in 0..<blocks {
                        compress(UnsafeBufferPointer(rebasing: tail[block * 64..<block * 64 + 64]), into: &h, w: w, k: k)
                    }
                }
            }
        }
        let words = [h.0, h.1, h.2, h.3, h.4, h.5, h.6, h.7]
        return words.flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> (24 - 8 * UInt32($0))) } }
    }

    /// One 64-byte block into the state.
    @inline(__always)
    private static func compress(
        _ block: UnsafeBufferPointer<UInt8>, into h: inout (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32),
        w: UnsafeMutableBufferPointer<UInt32>, k: UnsafeBufferPointer<UInt32>
    ) {
        for i in 0..<16 {
            let j = i * 4
            w[i] = UInt32(block[j]) << 24 | UInt32(block[j + 1]) << 16 | UInt32(block[j + 2]) << 8 | UInt32(block[j + 3])
        }
        for i in 16..<64 {
            let s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3)
            let s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10)
            w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
        }
        var (a, b, c, d, e, f, g, hh) = h
        for i in 0..<64 {
            let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
            let choice = (e & f) ^ (~e & g)
            let t1 = hh &+ s1 &+ choice &+ k[i] &+ w[i]
            let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
            let majority = (a & b) ^ (a & c) ^ (b & c)
            let t2 = s0 &+ majority
            hh = g
            g = f
            f = e
            e = d &+ t1
            d = c
            c = b
            b = a
            a = t1 &+ t2
        }
        h = (h.0 &+ a, h.1 &+ b, h.2 &+ c, h.3 &+ d, h.4 &+ e, h.5 &+ f, h.6 &+ g, h.7 &+ hh)
    }

    static func hex(_ message: UnsafeBufferPointer<UInt8>) -> String {
        let digits: StaticString = "0123456789abcdef"
        let digest = digest(message)
        return String(unsafeUninitializedCapacity: 64) { out in
            digits.withUTF8Buffer { digits in
                for (i, byte) in digest.enumerated() {
                    out[2 * i] = digits[Int(byte >> 4)]
                    out[2 * i + 1] = digits[Int(byte & 0x0f)]
                }
            }
            return 64
        }
    }

    @inline(__always)
    private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
}
