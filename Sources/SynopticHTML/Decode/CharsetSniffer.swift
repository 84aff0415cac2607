import Foundation

/// Finds the character encoding a page declares: a byte order mark, else a `<meta charset>` or
/// `<meta http-equiv="Content-Type" content="…; charset=…">` in the first bytes.
///
/// This is the prescan the HTML standard describes (browsers do the same before parsing): a small
/// tokenizer over bytes that skips comments and reads attributes of `meta` tags. It never looks past
/// ``prescanLength`` bytes, so a huge page costs nothing here.
enum CharsetSniffer {
    static let prescanLength = 4096

    /// The declared encoding label, lower-cased (`utf-8`, `windows-1252`, `shift_jis`), or nil.
    static func declaredCharset(in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return "utf-8" }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE { return "utf-16le" }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF { return "utf-16be" }
        let end = min(bytes.count, prescanLength)
        var i = 0
        while i < end {
            guard bytes[i] == UInt8(ascii: "<") else {
                i += 1
                continue
            }
            if matches(bytes, at: i, "<!--") {
                i = find(bytes, "-->", from: i + 4, end: end).map { $0 + 3 } ?? end
                continue
            }
            if matches(bytes, at: i, "<meta"), i + 5 < end, isSpaceOrSlash(bytes[i + 5]) {
                var attributes: [(String, String)] = []
                i = readAttributes(bytes, from: i + 5, end: end, into: &attributes)
                if let charset = charset(from: attributes) { return charset }
                continue
            }
            i += 1
        }
        return nil
    }

    /// The charset a `meta` element's attributes name, per the standard's rules.
    static func charset(from attributes: [(String, String)]) -> String? {
        var httpEquivContentType = false
        var content: String?
        for (name, value) in attributes {
            switch name {
            case "charset":
                let label = value.trimmingASCIISpaces.lowercased()
                if !label.isEmpty { return label }
            case "http-equiv": httpEquivContentType = value.trimmingASCIISpaces.lowercased() == "content-type"
            case "content": content = value
            default: break
            }
        }
        guard httpEquivContentType, let content else { return nil }
        return charset(inContentType: content)
    }

    /// `text/html; charset=ISO-8859-1` → `iso-8859-1`. Also used for HTTP `Content-Type` headers.
    static func charset(inContentType value: String) -> String? {
        let lower = value.lowercased()
        guard let range = lower.range(of: "charset") else { return nil }
        var rest = lower[range.upperBound...].drop(while: { $0 == " " })
        guard rest.first == "=" else { return nil }
        rest = rest.dropFirst().drop(while: { $0 == " " || $0 == "\"" || $0 == "'" })
        let label = rest.prefix(while: { !($0 == ";" || $0 == "\"" || $0 == "'" || $0 == " " || $0 == ",") })
        return label.isEmpty ? nil : String(label)
    }

    // MARK: - Byte scanning

    private static func readAttributes(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, end: Int, into attributes: inout [(String, String)]
    ) -> Int {
        var i = start
        while i < end {
            while i < end, isSpaceOrSlash(bytes[i]) { i += 1 }
            guard i < end, bytes[i] != UInt8(ascii: ">") else { return i + 1 }
            let nameStart = i
            while i < end, !isSpaceOrSlash(bytes[i]), bytes[i] != UInt8(ascii: "="), bytes[i] != UInt8(ascii: ">") { i += 1 }
            let name = lowerASCII(bytes, nameStart..<i)
            while i < end, isSpace(bytes[i]) { i += 1 }
            var value = ""
            if i < end, bytes[i] == UInt8(ascii: "=") {
                i += 1
                while i < end, isSpace(bytes[i]) { i += 1 }
                if i < end, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") {
                    let quote = bytes[i]
                    let valueStart = i + 1
                    i = valueStart
                    while i < end, bytes[i] != quote { i += 1 }
                    value = String(decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<i]), as: UTF8.self)
                    i += 1
                } else {
                    let valueStart = i
                    while i < end, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">") { i += 1 }
                    value = String(decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<i]), as: UTF8.self)
                }
            }
            if !name.isEmpty { attributes.append((name, value)) }
        }
        return i
    }

    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard offset + count <= bytes.count else { return false }
        let pointer = literal.utf8Start
        for k in 0..<count where asciiLower(bytes[offset + k]) != pointer[k] { return false }
        return true
    }

    private static func find(_ bytes: UnsafeBufferPointer<UInt8>, _ literal: StaticString, from start: Int, end: Int) -> Int? {
        var i = start
        while i < end {
            if matches(bytes, at: i, literal) { return i }
            i += 1
        }
        return nil
    }

    private static func lowerASCII(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: bytes[range].map(asciiLower), as: UTF8.self)
    }

    @inline(__always) static func asciiLower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    @inline(__always) static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    @inline(__always) private static func isSpaceOrSlash(_ byte: UInt8) -> Bool {
        isSpace(byte) || byte == UInt8(ascii: "/")
    }
}

extension StringProtocol {
    var trimmingASCIISpaces: Substring {
        let trimmed = drop(while: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        var end = trimmed.endIndex
        while end > trimmed.startIndex {
            let before = trimmed.index(before: end)
            guard trimmed[before] == " " || trimmed[before] == "\t" || trimmed[before] == "\n" || trimmed[before] == "\r" else { break }
            end = before
        }
        return Substring(trimmed[trimmed.startIndex..<end])
    }
}
