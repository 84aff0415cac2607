import SynopticCore

/// Normalizes decoded text so that later stages see one convention, and keeps the way back.
///
/// - Unicode NFC.
/// - Line ends (`\r\n`, `\r`, U+2028, U+0085) become `\n`; U+2029 a paragraph break.
/// - Every horizontal space (tab, no-break and thin spaces, …) becomes one space; runs collapse;
///   lines are trimmed; two or more line breaks become exactly one blank line.
/// - Invisible characters (zero-width space, soft hyphen, BOM, word joiner) and control characters
///   are dropped.
/// - HTML character references left in scraped text (`&amp;`, `&#8217;`, `&rsquo;`) are decoded.
/// - Every quotation-mark convention becomes typographic double quotes “ ” and single quotes ‘ ’,
///   with the direction read from context: `"`, `„`, `‟`, `«`, `»`, `` `` `` and `''` (and the doubled
///   `’’` / `‘‘` some outlets use as double quotes), `'`, `‚`, `‹`, `›`. An apostrophe is `’`.
/// - ` -- ` between words becomes an em dash.
public struct TextNormalizer: Sendable {
    public init() {}

    /// Normalizes `text`. The result's map leads back to offsets in `text`'s Unicode scalars.
    public func normalize(_ text: String) -> NormalizedText {
        normalize(scalars: text.scalarArray)
    }

    /// Normalizes a scalar array. The result's map leads back to offsets in `input`.
    public func normalize(scalars input: [Unicode.Scalar]) -> NormalizedText {
        if let (composed, compositionMap) = CanonicalComposition.compose(input) {
            var pass = NormalizationPass(composed)
            var result = pass.run()
            result.map = result.map.composed(with: compositionMap)
            return result
        }
        var pass = NormalizationPass(input)
        return pass.run()
    }
}

/// One left-to-right pass over the input that writes the normalized scalars and the offset map.
struct NormalizationPass {
    private let input: [Unicode.Scalar]
    private var output: [Unicode.Scalar] = []
    private var builder = OffsetMap.Builder()
    /// Source scalars of the whitespace run not yet written.
    private var pendingSource = 0
    private var pendingSpace = false
    private var pendingBreaks = 0
    /// Whether a double quotation is open in the current paragraph (for undirected `"`).
    private var doubleQuoteOpen = false
    private var singleQuoteOpen = false

    init(_ input: [Unicode.Scalar]) {
        self.input = input
        output.reserveCapacity(input.count)
    }

    mutating func run() -> NormalizedText {
        var i = 0
        let n = input.count
        while i < n {
            let scalar = input[i]
            let v = scalar.value
            // Fast path: a run of scalars that need no decision is copied in one piece.
            if Self.isPlain(v) {
                let j = input.withUnsafeBufferPointer { buffer in
                    var j = i + 1
                    while j < n {
                        let w = buffer[j].value
                        if Self.isPlain(w) {
                            j += 1
                        } else if w == 0x20, j + 1 < n, Self.isPlain(buffer[j + 1].value) {
                            // A single space between words is already normal.
                            j += 2
                        } else {
                            break
                        }
                    }
                    return j
                }
                flushWhitespace()
                output.append(contentsOf: input[i..<j])
                builder.copy(j - i)
                i = j
                continue
            }
            if v < 0x80 {
                switch v {
                case 0x20, 0x09, 0x0B, 0x0C:
                    pendingSpace = true
                    pendingSource += 1
                    i += 1
                case 0x0A:
                    pendingBreaks += 1
                    pendingSource += 1
                    i += 1
                case 0x0D:
                    // `\r\n` counts once; a lone `\r` is a line end of its own.
                    if i + 1 < n, input[i + 1] == "\n" {
                        pendingSource += 1
                    } else {
                        pendingBreaks += 1
                        pendingSource += 1
                    }
                    i += 1
                case 0x22:  // "
                    i += emitDoubleQuote(glyphDefault: nil, length: 1, at: i)
                case 0x27:  // '
                    if i + 1 < n, input[i + 1] == "'" {
                        i += emitDoubleQuote(glyphDefault: nil, length: 2, at: i)
                    } else {
                        i += emitSingleQuote(glyphDefault: nil, at: i)
                    }
                case 0x60:  // `
                    if i + 1 < n, input[i + 1] == "`" {
                        i += emitDoubleQuote(glyphDefault: true, length: 2, at: i)
                    } else {
                        i += emitSingleQuote(glyphDefault: true, at: i)
                    }
                case 0x26:  // &
                    i += emitCharacterReference(at: i)
                case 0x2D:  // -
                    if pendingSpace, pendingBreaks == 0, i + 2 < n, input[i + 1] == "-", input[i + 2] == " ", !output.isEmpty {
                        emit("\u{2014}", consuming: 2)
                        i += 2
                    } else {
                        emit(scalar, consuming: 1)
                        i += 1
                    }
                case 0x00..<0x20, 0x7F:
                    dropInvisible()
                    i += 1
                default:
                    emit(scalar, consuming: 1)
                    i += 1
                }
                continue
            }
            switch v {
            case 0x80...0x84, 0x86...0x9F:
                dropInvisible()
                i += 1
            case 0x85, 0x2028:
                pendingBreaks += 1
                pendingSource += 1
                i += 1
            case 0x2029:
                pendingBreaks += 2
                pendingSource += 1
                i += 1
            case 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
                pendingSpace = true
                pendingSource += 1
                i += 1
            case 0xAD, 0x200B, 0x2060, 0xFEFF, 0x180E:
                dropInvisible()
                i += 1
            case 0x201C, 0x201E, 0x201F, 0x00AB, 0x301D, 0xFF02:  // “ „ ‟ « 〝 ＂
                i += emitDoubleQuote(glyphDefault: v == 0xFF02 ? nil : true, length: 1, at: i)
            case 0x201D, 0x00BB, 0x301E:  // ” » 〞
                i += emitDoubleQuote(glyphDefault: false, length: 1, at: i)
            case 0x2018, 0x201A, 0x201B, 0x2039:  // ‘ ‚ ‛ ‹
                if v == 0x2018, i + 1 < n, input[i + 1].value == 0x2018 {
                    i += emitDoubleQuote(glyphDefault: true, length: 2, at: i)
                } else {
                    i += emitSingleQuote(glyphDefault: true, at: i)
                }
            case 0x2019, 0x203A:  // ’ ›
                if v == 0x2019, i + 1 < n, input[i + 1].value == 0x2019 {
                    i += emitDoubleQuote(glyphDefault: false, length: 2, at: i)
                } else {
                    i += emitSingleQuote(glyphDefault: false, at: i)
                }
            default:
                emit(scalar, consuming: 1)
                i += 1
            }
        }
        // Trailing whitespace is dropped.
        if pendingSource > 0 { builder.delete(pendingSource) }
        return NormalizedText(scalars: output, map: builder.finish(sourceLength: input.count))
    }

    // MARK: - Writing

    /// Scalars copied as they are: every printable one except quotation marks, `&`, `-`, spaces,
    /// line breaks, and the invisible and control characters the pass rewrites or drops.
    @inline(__always)
    static func isPlain(_ v: UInt32) -> Bool {
        if v < 0x80 {
            // One bit per ASCII code: set for `!`…`~` except `"`, `&`, `'`, `-`, backtick and DEL.
            let low: UInt64 = 0xFFFF_DF3A_0000_0000  // 0x00–0x3F
            let high: UInt64 = 0x7FFF_FFFE_FFFF_FFFF  // 0x40–0x7F
            return v < 64 ? (low >> UInt64(v)) & 1 == 1 : (high >> UInt64(v - 64)) & 1 == 1
        }
        return isPlainBeyondASCII(v)
    }

    @inline(never)
    static func isPlainBeyondASCII(_ v: UInt32) -> Bool {
        if v < 0xA0 { return false }
        switch v {
        case 0xA0, 0xAB, 0xAD, 0xBB, 0x1680, 0x180E, 0x2000...0x200B, 0x2018...0x201F, 0x2028, 0x2029, 0x202F, 0x2039, 0x203A,
            0x205F, 0x2060, 0x3000, 0x301D, 0x301E, 0xFEFF, 0xFF02:
            return false
        default:
            return true
        }
    }

    /// Writes the pending whitespace run (if any) and then `scalar`, which replaces `consumed`
    /// source scalars.
    private mutating func emit(_ scalar: Unicode.Scalar, consuming consumed: Int) {
        flushWhitespace()
        output.append(scalar)
        builder.replace(source: consumed, derived: 1)
    }

    private mutating func flushWhitespace() {
        guard pendingSource > 0 else { return }
        var written = 0
        if !output.isEmpty {
            if pendingBreaks >= 2 {
                output.append("\n")
                output.append("\n")
                written = 2
                doubleQuoteOpen = false
                singleQuoteOpen = false
            } else if pendingBreaks == 1 {
                output.append("\n")
                written = 1
            } else if pendingSpace {
                output.append(" ")
                written = 1
            }
        }
        builder.replace(source: pendingSource, derived: written)
        pendingSource = 0
        pendingSpace = false
        pendingBreaks = 0
    }

    /// Drops an invisible or control scalar. Inside a whitespace run it joins the run; elsewhere it
    /// is deleted without breaking the word around it (a soft hyphen inside a word).
    private mutating func dropInvisible() {
        if pendingSource > 0 {
            pendingSource += 1
        } else {
            builder.delete(1)
        }
    }

    // MARK: - Quotation marks

    private var previousIsOpeningContext: Bool {
        if pendingSource > 0 || output.isEmpty { return true }
        switch output[output.count - 1] {
        case "(", "[", "{", "<", "\u{2014}", "\u{2013}", "-", "/", "\u{201C}", "\u{2018}", "\n", " ": return true
        default: return false
        }
    }

    private func nextIsClosingContext(after index: Int) -> Bool {
        guard index < input.count else { return true }
        let next = input[index]
        switch next.value {
        case 0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x2028, 0x2029, 0x202F, 0x2000...0x200A:
            return true
        default:
            break
        }
        switch next {
        case ".", ",", ";", ":", "!", "?", ")", "]", "}", "\u{2014}", "\u{2013}", "-", "\u{2026}", "\u{201D}", "\u{2019}", "\u{00BB}", "\"", "'":
            return true
        default:
            return false
        }
    }

    /// Decides the direction of a quotation mark from what stands around it; `glyphDefault` (true
    /// for opening) settles the cases the context leaves open, and `nil` means the mark has none.
    private func direction(glyphDefault: Bool?, nextIndex: Int, isOpen: Bool) -> Bool {
        let opening = previousIsOpeningContext
        let closing = nextIsClosingContext(after: nextIndex)
        if opening && !closing { return true }
        if closing && !opening { return false }
        return glyphDefault ?? !isOpen
    }

    private mutating func emitDoubleQuote(glyphDefault: Bool?, length: Int, at index: Int) -> Int {
        let opens = direction(glyphDefault: glyphDefault, nextIndex: index + length, isOpen: doubleQuoteOpen)
        emit(opens ? "\u{201C}" : "\u{201D}", consuming: length)
        doubleQuoteOpen = opens
        return length
    }

    private mutating func emitSingleQuote(glyphDefault: Bool?, at index: Int) -> Int {
        let opening = previousIsOpeningContext
        let closing = nextIsClosingContext(after: index + 1)
        let mark: Unicode.Scalar
        if !opening && !closing {
            mark = "\u{2019}"  // between letters: an apostrophe (Russia’s, don’t)
        } else if opening && !closing {
            // ’90s and ’em are elisions, not quotations.
            mark = isElision(at: index + 1) ? "\u{2019}" : "\u{2018}"
        } else if closing && !opening {
            mark = "\u{2019}"
        } else {
            mark = (glyphDefault ?? !singleQuoteOpen) ? "\u{2018}" : "\u{2019}"
        }
        singleQuoteOpen = mark == "\u{2018}"
        emit(mark, consuming: 1)
        return 1
    }

    private func isElision(at index: Int) -> Bool {
        guard index + 1 < input.count else { return false }
        let a = input[index], b = input[index + 1]
        if a.properties.numericType != nil && b.properties.numericType != nil {
            // ’90s, ’22: two digits followed by `s` or a non-digit.
            return index + 2 >= input.count || input[index + 2].properties.numericType == nil
        }
        if a == "e", b == "m" { return index + 2 >= input.count || !input[index + 2].properties.isAlphabetic }
        return false
    }

    // MARK: - Character references

    private static let namedReferences: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "rsquo": "\u{2019}",
        "lsquo": "\u{2018}", "rdquo": "\u{201D}", "ldquo": "\u{201C}", "sbquo": "\u{201A}", "bdquo": "\u{201E}",
        "laquo": "\u{AB}", "raquo": "\u{BB}", "lsaquo": "\u{2039}", "rsaquo": "\u{203A}", "mdash": "\u{2014}",
        "ndash": "\u{2013}", "hellip": "\u{2026}", "shy": "\u{AD}", "zwsp": "\u{200B}", "thinsp": "\u{2009}",
        "ensp": "\u{2002}", "emsp": "\u{2003}", "eacute": "\u{E9}", "copy": "\u{A9}", "reg": "\u{AE}",
        "trade": "\u{2122}", "euro": "\u{20AC}", "pound": "\u{A3}", "deg": "\u{B0}", "middot": "\u{B7}",
        "bull": "\u{2022}", "prime": "\u{2032}", "Prime": "\u{2033}",
    ]

    /// Decodes `&name;`, `&#123;` or `&#x1F;` at `index`; a lone `&` is written as it is.
    private mutating func emitCharacterReference(at index: Int) -> Int {
        var end = index + 1
        let limit = min(input.count, index + 12)
        while end < limit, input[end] != ";", input[end].properties.isASCIIHexDigit || input[end].properties.isAlphabetic || input[end] == "#" {
            end += 1
        }
        guard end < limit, input[end] == ";", end > index + 1 else {
            emit("&", consuming: 1)
            return 1
        }
        let name = String(String.UnicodeScalarView(input[(index + 1)..<end]))
        var decoded: Unicode.Scalar?
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            decoded = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
        } else if name.hasPrefix("#") {
            decoded = UInt32(name.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init)
        } else {
            decoded = Self.namedReferences[name]
        }
        guard let scalar = decoded else {
            emit("&", consuming: 1)
            return 1
        }
        let length = end + 1 - index
        // The decoded character goes through the same rules as if it had been typed.
        switch scalar.value {
        case 0x22, 0x201C, 0x201D, 0x201E, 0xAB, 0xBB:
            let glyph: Bool? = scalar == "\"" ? nil : (scalar.value == 0x201D || scalar.value == 0xBB ? false : true)
            return emitDoubleQuote(glyphDefault: glyph, length: length, at: index)
        case 0x27, 0x2018, 0x2019, 0x201A, 0x2039, 0x203A:
            let opening = previousIsOpeningContext
            let closing = nextIsClosingContext(after: end + 1)
            let mark: Unicode.Scalar = (opening && !closing) ? "\u{2018}" : "\u{2019}"
            emit(mark, consuming: length)
            return length
        case 0xA0, 0x2002, 0x2003, 0x2009:
            pendingSpace = true
            pendingSource += length
            return length
        case 0xAD, 0x200B:
            if pendingSource > 0 { pendingSource += length } else { builder.delete(length) }
            return length
        default:
            if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" {
                if pendingSource > 0 { pendingSource += length } else { builder.delete(length) }
                return length
            }
            emit(scalar, consuming: length)
            return length
        }
    }
}
