import SynopticCore

/// Text after normalization, as scalars, with the map back to the text it came from.
public struct NormalizedText: Sendable {
    public var scalars: [Unicode.Scalar]
    /// Maps offsets in ``scalars`` to offsets in the input text.
    public var map: OffsetMap

    public init(scalars: [Unicode.Scalar], map: OffsetMap) {
        self.scalars = scalars
        self.map = map
    }

    /// The normalized text as a string.
    public var string: String { String(scalars: scalars[...]) }
}

extension String {
    /// Builds a string from scalars by writing UTF-8 directly, which is much faster than appending
    /// scalars one by one to a `UnicodeScalarView`.
    /// (Not through ``ScalarText``, whose index of the string, made along, the debris rules'
    /// block texts never use.)
    public init(scalars: ArraySlice<Unicode.Scalar>) {
        self = scalars.withUnsafeBufferPointer { input in
            var count = 0
            for scalar in input {
                let v = scalar.value
                count += v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
            }
            return String(unsafeUninitializedCapacity: count) { buffer in
                var o = 0
                for scalar in input {
                    let v = scalar.value
                    if v < 0x80 {
                        buffer[o] = UInt8(truncatingIfNeeded: v)
                        o += 1
                    } else if v < 0x800 {
                        buffer[o] = UInt8(truncatingIfNeeded: 0xC0 | (v >> 6))
                        buffer[o + 1] = UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F))
                        o += 2
                    } else if v < 0x10000 {
                        buffer[o] = UInt8(truncatingIfNeeded: 0xE0 | (v >> 12))
                        buffer[o + 1] = UInt8(truncatingIfNeeded: 0x80 | ((v >> 6) & 0x3F))
                        buffer[o + 2] = UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F))
                        o += 3
                    } else {
                        buffer[o] = UInt8(truncatingIfNeeded: 0xF0 | (v >> 18))
                        buffer[o + 1] = UInt8(truncatingIfNeeded: 0x80 | ((v >> 12) & 0x3F))
                        buffer[o + 2] = UInt8(truncatingIfNeeded: 0x80 | ((v >> 6) & 0x3F))
                        buffer[o + 3] = UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F))
                        o += 4
                    }
                }
                return o
            }
        }
    }
}
