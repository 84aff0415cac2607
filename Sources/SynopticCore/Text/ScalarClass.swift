/// Character classes for the hot loops of normalization and segmentation, with an ASCII fast path:
/// most news text is ASCII, and Unicode property lookups cost far more than a range check.
public enum ScalarClass {
    @inlinable
    public static func isLetter(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) }
        return s.properties.isAlphabetic
    }

    @inlinable
    public static func isUppercase(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v >= 0x41 && v <= 0x5A }
        return s.properties.isUppercase
    }

    @inlinable
    public static func isLowercase(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v >= 0x61 && v <= 0x7A }
        return s.properties.isLowercase
    }

    @inlinable
    public static func isDigit(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v >= 0x30 && v <= 0x39 }
        return s.properties.numericType != nil
    }

    @inlinable
    public static func isLetterOrDigit(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) }
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }
}

/// One scalar at a time out of UTF-8 held as bytes, for the loops that read a string's own bytes
/// and decode only what is not ASCII.
public enum UTF8Scalar {
    /// The value of the scalar whose sequence starts at the lead byte `bytes[i]` (0xC0 or more) of
    /// valid UTF-8, as a Swift string's bytes always are, and the sequence's length. A sequence the
    /// buffer cuts short is decoded from the bytes there are.
    @inlinable
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (value: UInt32, length: Int) {
        let lead = bytes[i]
        let length = min(lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2, bytes.count - i)
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<max(length, 1) { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
        return (value, length)
    }
}

extension String {
    /// The string's Unicode scalars as an array, decoded straight from its UTF-8 storage.
    public var scalarArray: [Unicode.Scalar] {
        var copy = self
        return copy.withUTF8 { bytes in
            [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { out, written in
                var i = 0
                var o = 0
                let n = bytes.count
                // The storage is valid UTF-8, so sequences can be decoded without checks.
                while i < n {
                    // Eight ASCII bytes at a time: the common case.
                    if i + 8 <= n {
                        let word = UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)
                        if word & 0x8080_8080_8080_8080 == 0 {
                            for k in 0..<8 { out.initializeElement(at: o + k, to: Unicode.Scalar(bytes[i + k])) }
                            i += 8
                            o += 8
                            continue
                        }
                    }
                    let b0 = UInt32(bytes[i])
                    var v: UInt32
                    if b0 < 0x80 {
                        v = b0
                        i += 1
                    } else if b0 < 0xE0 {
                        v = (b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                        i += 2
                    } else if b0 < 0xF0 {
                        v = (b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                        i += 3
                    } else {
                        v = (b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)
                        i += 4
                    }
                    out.initializeElement(at: o, to: Unicode.Scalar(v).unsafelyUnwrapped)
                    o += 1
                }
                written = o
            }
        }
    }
}
