/// A string paired with an index from Unicode-scalar offsets to UTF-8 offsets, so that slicing by a
/// ``TextSpan`` costs O(1) plus a short walk instead of a scan from the start.
///
/// Spans count scalars (what scripts in most languages index by) while Swift strings are stored as
/// UTF-8. For pure-ASCII text the two agree and the index is empty; otherwise it keeps the UTF-8
/// offset of every 64th scalar.
public struct ScalarText: Hashable, Sendable {
    /// The text itself.
    public let string: String
    /// Number of Unicode scalars in ``string``.
    public let scalarCount: Int
    private let checkpoints: [Int32]
    private let isASCII: Bool
    private static let stride = 64

    public init(_ string: String) {
        var string = string
        string.makeContiguousUTF8()
        self.string = string
        var checkpoints: [Int32] = []
        var count = 0
        var ascii = true
        string.utf8.withContiguousStorageIfAvailable { bytes in
            for (offset, byte) in bytes.enumerated() where byte & 0xC0 != 0x80 {
                if byte >= 0x80 { ascii = false }
                if count % Self.stride == 0 { checkpoints.append(Int32(truncatingIfNeeded: offset)) }
                count += 1
            }
        }
        self.scalarCount = count
        self.isASCII = ascii
        self.checkpoints = ascii ? [] : checkpoints
    }

    /// Builds the string and its index in one pass over the scalars, writing UTF-8 directly.
    public init(scalars: ArraySlice<Unicode.Scalar>) {
        let (string, ascii, checkpoints) = scalars.withUnsafeBufferPointer { input -> (String, Bool, [Int32]) in
            var bits: UInt32 = 0
            for scalar in input { bits |= scalar.value }
            let ascii = bits < 0x80
            var utf8Count = input.count
            if !ascii {
                utf8Count = 0
                for scalar in input {
                    let v = scalar.value
                    utf8Count += v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
                }
            }
            var checkpoints: [Int32] = []
            if !ascii { checkpoints.reserveCapacity(input.count / Self.stride + 1) }
            let string = String(unsafeUninitializedCapacity: utf8Count) { buffer in
                if ascii {
                    for i in 0..<input.count { buffer[i] = UInt8(truncatingIfNeeded: input[i].value) }
                    return utf8Count
                }
                var o = 0
                for (count, scalar) in input.enumerated() {
                    if count % Self.stride == 0 { checkpoints.append(Int32(truncatingIfNeeded: o)) }
                    let v = scalar.value
                    if v < 0x80 {
                        buffer[o] = UInt8(v)
                        o += 1
                    } else if v < 0x800 {
                        buffer[o] = UInt8(0xC0 | (v >> 6))
                        buffer[o + 1] = UInt8(0x80 | (v & 0x3F))
                        o += 2
                    } else if v < 0x10000 {
                        buffer[o] = UInt8(0xE0 | (v >> 12))
                        buffer[o + 1] = UInt8(0x80 | ((v >> 6) & 0x3F))
                        buffer[o + 2] = UInt8(0x80 | (v & 0x3F))
                        o += 3
                    } else {
                        buffer[o] = UInt8(0xF0 | (v >> 18))
                        buffer[o + 1] = UInt8(0x80 | ((v >> 12) & 0x3F))
                        buffer[o + 2] = UInt8(0x80 | ((v >> 6) & 0x3F))
                        buffer[o + 3] = UInt8(0x80 | (v & 0x3F))
                        o += 4
                    }
                }
                return o
            }
            return (string, ascii, checkpoints)
        }
        self.string = string
        self.scalarCount = scalars.count
        self.isASCII = ascii
        self.checkpoints = checkpoints
    }

    /// The string index of the scalar at `offset` (or the end index for `offset == scalarCount`).
    public func index(atScalarOffset offset: Int) -> String.Index {
        let clamped = min(max(offset, 0), scalarCount)
        let utf8 = string.utf8
        if isASCII { return utf8.index(utf8.startIndex, offsetBy: clamped) }
        if clamped == scalarCount { return string.endIndex }
        let checkpoint = clamped / Self.stride
        var index = utf8.index(utf8.startIndex, offsetBy: Int(checkpoints[checkpoint]))
        let scalars = string.unicodeScalars
        for _ in 0..<(clamped - checkpoint * Self.stride) { index = scalars.index(after: index) }
        return index
    }

    /// The text a span covers.
    public subscript(span: TextSpan) -> Substring {
        string[index(atScalarOffset: span.start)..<index(atScalarOffset: span.end)]
    }
}
