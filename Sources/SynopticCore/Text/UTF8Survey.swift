/// Counts well-formed multi-byte UTF-8 sequences and invalid bytes: the evidence that tells damaged
/// UTF-8 (many good sequences, a few bad bytes) from a legacy 8-bit encoding (high bytes that never
/// form UTF-8). Overlong forms and surrogates count as invalid, as in a strict decoder.
public struct UTF8Survey: Sendable {
    public private(set) var validMultibyte = 0
    public private(set) var invalid = 0
    /// Bytes at or above 0x80, valid or not.
    public private(set) var highBytes = 0
    /// Offset of the first invalid byte from the start of the surveyed bytes.
    public private(set) var firstInvalid: Int?

    public init(_ bytes: ArraySlice<UInt8>) {
        bytes.withUnsafeBufferPointer { buffer in
            var i = 0
            let n = buffer.count
            let base = UnsafeRawPointer(buffer.baseAddress)
            while i < n {
                // Pages are mostly ASCII: skip eight bytes at a time while no high bit is set.
                if let base, i + 8 <= n, base.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    continue
                }
                let lead = buffer[i]
                if lead < 0x80 {
                    i += 1
                    continue
                }
                highBytes += 1
                let length: Int
                switch lead {
                case 0xC2...0xDF: length = 2
                case 0xE0...0xEF: length = 3
                case 0xF0...0xF4: length = 4
                default: length = 0
                }
                var ok = length > 0 && i + length <= n
                if ok {
                    for k in 1..<length where buffer[i + k] & 0xC0 != 0x80 {
                        ok = false
                        break
                    }
                }
                if ok {
                    let second = buffer[i + 1]
                    switch lead {
                    case 0xE0: ok = second >= 0xA0
                    case 0xED: ok = second <= 0x9F
                    case 0xF0: ok = second >= 0x90
                    case 0xF4: ok = second <= 0x8F
                    default: break
                    }
                }
                if ok {
                    validMultibyte += 1
                    highBytes += length - 1
                    i += length
                } else {
                    invalid += 1
                    if firstInvalid == nil { firstInvalid = i }
                    i += 1
                }
            }
        }
    }
}
