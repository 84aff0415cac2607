import Crypto
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
                DigestHex.sha256(UnsafeBufferPointer(rebasing: folded[0..<fold(bytes, into: folded)]))
            }
        }
    }

    /// Writes `bytes` (valid UTF-8) with every run of whitespace one space and the ends trimmed;
    /// returns the count written. Bytes are copied as they are, and only whitespace is looked at:
    /// ASCII whitespace by its byte, other whitespace (no-break space, line separator, …) by
    /// decoding that scalar alone. An ASCII byte is written without a branch on whether it is a
    /// space (spaces come every few bytes in prose, and a branch on them mispredicted once a
    /// word): a space is written as one, and the count moves on unless a space came just before.
    static func fold(_ bytes: UnsafeBufferPointer<UInt8>, into folded: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var n = 0
        // 1 after whitespace (and at the start, so that leading whitespace is dropped).
        var afterSpace = 1
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte < 0x80 {
                let isSpace = byte == 0x20 || byte &- 0x09 < 5 ? 1 : 0
                folded[n] = isSpace == 1 ? 0x20 : byte
                n &+= 1 &- (isSpace & afterSpace)
                afterSpace = isSpace
                i &+= 1
                continue
            }
            // A multi-byte scalar: decode it, then decide.
            let (value, length) = UTF8Scalar.decode(bytes, at: i)
            if let scalar = Unicode.Scalar(value), scalar.properties.isWhitespace {
                folded[n] = 0x20
                n &+= 1 &- afterSpace
                afterSpace = 1
                i &+= length
                continue
            }
            for k in 0..<length { folded[n + k] = bytes[i + k] }
            n &+= length
            afterSpace = 0
            i &+= length
        }
        // A trailing run of whitespace left one space.
        if afterSpace == 1 && n > 0 { n -= 1 }
        return n
    }
}

/// Lowercase hex of a SHA-256 digest.
enum DigestHex {
    /// SHA-256 of `message` through swift-crypto (BoringSSL's SHA-NI or AVX2 code on x86-64): a
    /// tenth of the time of the portable Swift rounds this module had, which made the content hash
    /// a twentieth of ingest.
    static func sha256(_ message: UnsafeBufferPointer<UInt8>) -> String {
        let digits: StaticString = "0123456789abcdef"
        let digest = SHA256.hash(data: UnsafeRawBufferPointer(message))
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
}
