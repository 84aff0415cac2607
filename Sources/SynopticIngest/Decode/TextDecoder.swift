import SynopticCore

/// Character encodings Synoptic reads.
public enum TextEncoding: String, Sendable, Hashable, CaseIterable {
    case utf8 = "utf-8"
    case utf8WithBOM = "utf-8-bom"
    case utf16LittleEndian = "utf-16le"
    case utf16BigEndian = "utf-16be"
    case windows1252 = "windows-1252"
}

/// Text decoded from bytes, with the encoding that was detected.
public struct DecodedText: Sendable, Hashable {
    public var text: String
    public var encoding: TextEncoding
    /// Number of invalid byte sequences replaced with U+FFFD.
    public var replacements: Int
    /// Byte offset of the first invalid sequence, when there was one.
    public var firstInvalidByte: Int?
}

/// Why bytes could not be read as text.
public enum DecodingFailure: Error, Sendable, Hashable, CustomStringConvertible {
    case empty
    case binary(String)

    public var description: String {
        switch self {
        case .empty: "empty file"
        case .binary(let why): "binary file, not text (\(why))"
        }
    }
}

/// Decodes bytes to text: UTF-8 with or without BOM, UTF-16 with BOM (or with the telltale zero
/// bytes of ASCII text in UTF-16 when the BOM is missing), and Windows-1252 for legacy 8-bit text.
/// Binary data is refused rather than turned into noise.
///
/// Invalid UTF-8 is told apart from 8-bit text by evidence: text with well-formed multi-byte UTF-8
/// sequences and a few broken ones is UTF-8 with damage (the damage is replaced with U+FFFD and
/// counted); text whose high bytes never form UTF-8 sequences is Windows-1252.
public enum TextDecoder {
    public static func decode(_ bytes: [UInt8]) throws(DecodingFailure) -> DecodedText {
        guard !bytes.isEmpty else { throw .empty }
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            return try utf8(bytes[3...], encoding: .utf8WithBOM)
        }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE {
            if bytes.count >= 4, bytes[2] == 0, bytes[3] == 0 { throw .binary("UTF-32 is not supported") }
            return try utf16(bytes[2...], bigEndian: false)
        }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            return try utf16(bytes[2...], bigEndian: true)
        }
        let sample = bytes.prefix(65_536)
        let zeros = sample.reduce(0) { $0 + ($1 == 0 ? 1 : 0) }
        if zeros > 0 {
            // ASCII in UTF-16 without a BOM: every other byte is zero.
            var evenZeros = 0
            var oddZeros = 0
            for (offset, byte) in sample.enumerated() where byte == 0 {
                if offset % 2 == 0 { evenZeros += 1 } else { oddZeros += 1 }
            }
            let half = sample.count / 2
            if oddZeros * 10 >= half * 7, evenZeros * 20 < half { return try utf16(bytes[...], bigEndian: false) }
            if evenZeros * 10 >= half * 7, oddZeros * 20 < half { return try utf16(bytes[...], bigEndian: true) }
            throw .binary("contains NUL bytes")
        }
        return try utf8(bytes[...], encoding: .utf8)
    }

    // MARK: - UTF-8 and Windows-1252

    private static func utf8(_ bytes: ArraySlice<UInt8>, encoding: TextEncoding) throws(DecodingFailure) -> DecodedText {
        guard !bytes.isEmpty else { throw .empty }
        if let text = String(validating: bytes, as: UTF8.self) {
            // Control characters are ASCII bytes: count them in the bytes, not the scalars.
            try rejectControlHeavy(bytes: bytes.prefix(65_536))
            return DecodedText(text: text, encoding: encoding, replacements: 0, firstInvalidByte: nil)
        }
        let survey = UTF8Survey(bytes)
        if encoding == .utf8, survey.validMultibyte * 4 <= survey.invalid {
            // High bytes that never form UTF-8: 8-bit text.
            guard survey.highBytes * 10 < bytes.count * 3 else { throw .binary("mostly bytes above 0x7F that are not UTF-8") }
            let text = windows1252(bytes)
            try rejectControlHeavy(text.unicodeScalars.prefix(65_536))
            return DecodedText(text: text, encoding: .windows1252, replacements: 0, firstInvalidByte: nil)
        }
        let text = String(decoding: bytes, as: UTF8.self)
        try rejectControlHeavy(text.unicodeScalars.prefix(65_536))
        return DecodedText(text: text, encoding: encoding, replacements: survey.invalid, firstInvalidByte: survey.firstInvalid)
    }

    /// Windows-1252 differs from Latin-1 only in 0x80–0x9F, where it has typographic marks.
    private static let windows1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    private static func windows1252(_ bytes: ArraySlice<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            let value: UInt32 = (0x80...0x9F).contains(byte) ? windows1252High[Int(byte) - 0x80] : UInt32(byte)
            scalars.append(Unicode.Scalar(value)!)
        }
        return String(scalars)
    }

    // MARK: - UTF-16

    private static func utf16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) throws(DecodingFailure) -> DecodedText {
        guard bytes.count >= 2 else { throw .empty }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i + 1 < bytes.endIndex {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(bigEndian ? (a << 8 | b) : (b << 8 | a))
            i += 2
        }
        var replacements = 0
        var firstInvalid: Int?
        var scalars = String.UnicodeScalarView()
        var decoder = UTF16()
        var iterator = units.makeIterator()
        var unitOffset = 0
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                scalars.append(scalar)
                unitOffset += scalar.value > 0xFFFF ? 2 : 1
            case .error:
                replacements += 1
                if firstInvalid == nil { firstInvalid = bytes.startIndex + unitOffset * 2 }
                scalars.append("\u{FFFD}")
                unitOffset += 1
            case .emptyInput:
                break loop
            }
        }
        if bytes.count % 2 == 1 {
            replacements += 1
            scalars.append("\u{FFFD}")
        }
        let text = String(scalars)
        try rejectControlHeavy(text.unicodeScalars.prefix(65_536))
        return DecodedText(
            text: text, encoding: bigEndian ? .utf16BigEndian : .utf16LittleEndian, replacements: replacements,
            firstInvalidByte: firstInvalid)
    }

    // MARK: - Binary detection

    private static func rejectControlHeavy(bytes: ArraySlice<UInt8>) throws(DecodingFailure) {
        var controls = 0
        var scalars = 0
        for byte in bytes {
            if byte & 0xC0 != 0x80 { scalars += 1 }
            if (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C) || byte == 0x7F { controls += 1 }
        }
        if controls * 100 > scalars * 2 { throw .binary("\(controls) control characters in the first \(scalars)") }
    }

    /// Text has almost no control characters besides tab, line feed, carriage return and form feed;
    /// binary data decoded by luck has many.
    private static func rejectControlHeavy(_ scalars: some Sequence<Unicode.Scalar>) throws(DecodingFailure) {
        var total = 0
        var controls = 0
        var replacementCharacters = 0
        for scalar in scalars {
            total += 1
            let v = scalar.value
            if (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D && v != 0x0C) || v == 0x7F { controls += 1 }
            if v == 0xFFFD { replacementCharacters += 1 }
        }
        guard total > 0 else { return }
        if controls * 100 > total * 2 { throw .binary("\(controls) control characters in the first \(total)") }
        if replacementCharacters * 100 > total * 10 { throw .binary("most bytes above 0x7F are not valid UTF-8") }
    }
}

