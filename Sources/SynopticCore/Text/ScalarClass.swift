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
