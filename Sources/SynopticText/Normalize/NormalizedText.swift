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
    public init(scalars: ArraySlice<Unicode.Scalar>) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count + scalars.count / 4)
        for scalar in scalars {
            let v = scalar.value
            if v < 0x80 {
                bytes.append(UInt8(v))
            } else if v < 0x800 {
                bytes.append(UInt8(0xC0 | (v >> 6)))
                bytes.append(UInt8(0x80 | (v & 0x3F)))
            } else if v < 0x10000 {
                bytes.append(UInt8(0xE0 | (v >> 12)))
                bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
                bytes.append(UInt8(0x80 | (v & 0x3F)))
            } else {
                bytes.append(UInt8(0xF0 | (v >> 18)))
                bytes.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
                bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
                bytes.append(UInt8(0x80 | (v & 0x3F)))
            }
        }
        self = String(decoding: bytes, as: UTF8.self)
    }
}
