import Glibc
import SynopticCore

/// A page's bytes as UTF-8, with the encoding they were read in.
public struct DecodedPage: Sendable {
    public var utf8: [UInt8]
    /// The encoding the bytes were read in (`utf-8`, `windows-1252`, `shift_jis`, …).
    public var encoding: String
    /// Bytes that could not be read in that encoding and became U+FFFD.
    public var replacements: Int
    /// Set when the declared charset was wrong or unknown and another was used; says why.
    public var note: String?
}

/// Decodes a page to UTF-8 before parsing, so one well-tested path decides the encoding: the
/// charset the transport declared (HTTP header, feed), else the page's own BOM or `<meta>`
/// declaration, else UTF-8 when the bytes are valid UTF-8 and Windows-1252 otherwise. Legacy
/// encodings (Shift_JIS, GB2312, KOI8-R, ISO-8859-x, …) go through iconv.
///
/// A declaration is evidence, not truth: a page that declares a legacy charset but is valid UTF-8
/// with multi-byte sequences is UTF-8, and one that declares UTF-8 but holds no valid multi-byte
/// sequence among many invalid bytes is Windows-1252.
public enum PageDecoder {
    public static func decode(_ bytes: [UInt8], declaredCharset: String? = nil) -> DecodedPage {
        let sniffed = bytes.withUnsafeBufferPointer { CharsetSniffer.declaredCharset(in: $0) }
        let declared = declaredCharset.flatMap { $0.isEmpty ? nil : $0.lowercased() } ?? sniffed
        var body = bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { body = bytes[3...] }
        if bytes.starts(with: [0xFF, 0xFE]) { return iconvDecode(bytes[2...], from: "UTF-16LE", label: "utf-16le") }
        if bytes.starts(with: [0xFE, 0xFF]) { return iconvDecode(bytes[2...], from: "UTF-16BE", label: "utf-16be") }

        let survey = UTF8Survey(body)
        let label = declared.map(canonicalLabel)
        // The bytes as they are, without a copy when there was no BOM to drop.
        let asIs = body.count == bytes.count ? bytes : Array(body)
        switch label {
        case nil, "utf-8":
            if survey.invalid == 0 { return DecodedPage(utf8: asIs, encoding: "utf-8", replacements: 0, note: nil) }
            if survey.validMultibyte * 4 <= survey.invalid {
                let note = label == nil ? nil : "declared UTF-8 but is not; read as Windows-1252"
                var page = iconvDecode(body, from: "CP1252", label: "windows-1252")
                page.note = note
                return page
            }
            return DecodedPage(utf8: repairedUTF8(body), encoding: "utf-8", replacements: survey.invalid, note: nil)
        case let legacy?:
            // A page saved as UTF-8 by a tool that kept the old declaration.
            if survey.invalid == 0, survey.validMultibyte > 0, !isMultibyteLegacy(legacy) {
                return DecodedPage(utf8: asIs, encoding: "utf-8", replacements: 0, note: "declared \(legacy) but is UTF-8")
            }
            if survey.invalid == 0, survey.validMultibyte == 0 {
                // Pure ASCII reads the same in every encoding iconv knows; skip the conversion.
                return DecodedPage(utf8: asIs, encoding: legacy, replacements: 0, note: nil)
            }
            var page = iconvDecode(body, from: iconvName(legacy), label: legacy)
            if page.note != nil, survey.invalid == 0 {
                // iconv does not know the label: the bytes are valid UTF-8, so read them so.
                return DecodedPage(utf8: asIs, encoding: "utf-8", replacements: 0, note: page.note)
            }
            if page.replacements > 0, survey.invalid == 0, survey.validMultibyte > page.replacements {
                page = DecodedPage(utf8: asIs, encoding: "utf-8", replacements: 0, note: "declared \(legacy) but is UTF-8")
            }
            return page
        }
    }

    /// The WHATWG encoding standard maps several labels onto one encoding; Latin-1 and ASCII labels
    /// mean Windows-1252 on the web.
    static func canonicalLabel(_ label: String) -> String {
        switch label {
        case "utf8", "utf-8", "unicode-1-1-utf-8", "x-unicode20utf8", "unicode11utf8", "unicode20utf8":
            return "utf-8"
        // A page that reached us as bytes and declares UTF-16 in ASCII is not UTF-16 (the standard's rule).
        case "utf-16", "utf-16le", "utf-16be", "unicode", "ucs-2":
            return "utf-8"
        case "iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii", "ansi_x3.4-1968", "cp1252", "windows-1252",
            "x-cp1252", "cp819", "ibm819", "iso-ir-100":
            return "windows-1252"
        case "gb2312", "gbk", "x-gbk", "chinese", "csgb2312", "gb_2312-80", "iso-ir-58", "cp936", "ms936", "windows-936":
            return "gbk"
        case "shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "ms932", "windows-31j", "csshiftjis":
            return "shift_jis"
        default:
            return label
        }
    }

    /// iconv's name for a label: supersets where the web uses them (Windows-31J for Shift_JIS, GB18030
    /// for GBK) so pages written with the vendor extensions decode.
    static func iconvName(_ label: String) -> String {
        switch label {
        case "windows-1252": "CP1252"
        case "gbk": "GB18030"
        case "shift_jis": "CP932"
        default: label.uppercased()
        }
    }

    static func isMultibyteLegacy(_ label: String) -> Bool {
        ["gbk", "gb18030", "shift_jis", "euc-jp", "euc-kr", "big5", "iso-2022-jp"].contains(label)
    }

    // MARK: - iconv

    static func iconvDecode(_ bytes: ArraySlice<UInt8>, from encoding: String, label: String) -> DecodedPage {
        let converter = iconv_open("UTF-8", encoding)
        guard let converter, converter != iconv_t(bitPattern: -1) else {
            return DecodedPage(
                utf8: repairedUTF8(bytes), encoding: "utf-8", replacements: UTF8Survey(bytes).invalid, note: "unknown charset \(label); read as UTF-8")
        }
        defer { iconv_close(converter) }
        var output = [UInt8](repeating: 0, count: bytes.count * 3 + 16)
        var replacements = 0
        var written = 0
        var input = Array(bytes)
        input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                var inPointer = source.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
                var inLeft = source.count
                var outPointer = target.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
                var outLeft = target.count
                while inLeft > 0 {
                    let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                    if result != -1 { break }
                    // An invalid or truncated sequence: write U+FFFD for one byte and go on.
                    guard errno == EILSEQ || errno == EINVAL, outLeft >= 3 else { break }
                    for byte: UInt8 in [0xEF, 0xBF, 0xBD] {
                        outPointer?.pointee = CChar(bitPattern: byte)
                        outPointer = outPointer?.advanced(by: 1)
                    }
                    outLeft -= 3
                    inPointer = inPointer?.advanced(by: 1)
                    inLeft -= 1
                    replacements += 1
                }
                written = target.count - outLeft
            }
        }
        output.removeSubrange(written...)
        return DecodedPage(utf8: output, encoding: label, replacements: replacements, note: nil)
    }

    // MARK: - UTF-8

    /// Replaces each invalid UTF-8 sequence with U+FFFD.
    static func repairedUTF8(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        Array(String(decoding: bytes, as: UTF8.self).utf8)
    }
}
