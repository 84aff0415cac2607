import SynopticCore
import SynopticIngest
import Testing

@Suite("TextDecoder")
struct DecodingTests {
    let sample = "Ryabkov said “no” — déjà vu, 106,000 troops. 😀"

    @Test("UTF-8 with and without a byte-order mark")
    func utf8() throws {
        let plain = try TextDecoder.decode(Array(sample.utf8))
        #expect(plain.text == sample)
        #expect(plain.encoding == .utf8)
        let bom = try TextDecoder.decode([0xEF, 0xBB, 0xBF] + Array(sample.utf8))
        #expect(bom.text == sample)
        #expect(bom.encoding == .utf8WithBOM)
    }

    @Test("UTF-16 little- and big-endian with a byte-order mark, and without one")
    func utf16() throws {
        let units = Array(sample.utf16)
        let little = units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big = units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let le = try TextDecoder.decode([0xFF, 0xFE] + little)
        #expect(le.text == sample && le.encoding == .utf16LittleEndian)
        let be = try TextDecoder.decode([0xFE, 0xFF] + big)
        #expect(be.text == sample && be.encoding == .utf16BigEndian)
        let ascii = "Plain ASCII text in UTF-16 without a byte-order mark."
        let bare = Array(ascii.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let detected = try TextDecoder.decode(bare)
        #expect(detected.text == ascii && detected.encoding == .utf16LittleEndian)
    }

    @Test("Windows-1252 and Latin-1 text is detected and decoded")
    func windows1252() throws {
        // “Café” costs €5 — in Windows-1252.
        let bytes: [UInt8] = [0x93, 0x43, 0x61, 0x66, 0xE9, 0x94, 0x20, 0x63, 0x6F, 0x73, 0x74, 0x73, 0x20, 0x80, 0x35, 0x20, 0x97, 0x20, 0x6F, 0x6B]
        let decoded = try TextDecoder.decode(bytes)
        #expect(decoded.encoding == .windows1252)
        #expect(decoded.text == "“Café” costs €5 — ok")
        let latin1 = try TextDecoder.decode(Array("Z".utf8) + [0xFC] + Array("rich ".utf8) + [0xE0, 0x20, 0x6D, 0x69, 0x64, 0x69])
        #expect(latin1.text == "Zürich à midi")
    }

    @Test("UTF-8 with a few broken bytes is repaired and the damage counted")
    func damagedUTF8() throws {
        let bytes = Array("Déjà vu — ".utf8) + [0xFF] + Array(" and “more” text".utf8)
        let decoded = try TextDecoder.decode(bytes)
        #expect(decoded.encoding == .utf8)
        #expect(decoded.replacements == 1)
        #expect(decoded.firstInvalidByte == Array("Déjà vu — ".utf8).count)
        #expect(decoded.text.contains("\u{FFFD}"))
    }

    @Test("binary data and empty input are refused")
    func refusals() {
        var rng = SystemRandomNumberGenerator()
        let random = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &rng) }
        #expect(throws: DecodingFailure.self) { try TextDecoder.decode(random) }
        #expect(throws: DecodingFailure.empty) { try TextDecoder.decode([]) }
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]
        #expect(throws: DecodingFailure.self) { try TextDecoder.decode(png) }
        let controls = [UInt8](repeating: 0x01, count: 100) + Array("text".utf8)
        #expect(throws: DecodingFailure.self) { try TextDecoder.decode(controls) }
    }
}

@Suite("DateNormalizer")
struct DateNormalizerTests {
    @Test(
        "reads the date formats news metadata uses",
        arguments: [
            ("2022-01-14", "2022-01-14"),
            ("2022-01-14T09:30:00Z", "2022-01-14T09:30:00Z"),
            ("2022-01-14T09:30:00.123+03:00", "2022-01-14T06:30:00Z"),
            ("2022-01-14 23:30:00-05:00", "2022-01-15T04:30:00Z"),
            ("Fri, 14 Jan 2022 09:30:00 GMT", "2022-01-14T09:30:00Z"),
            ("Fri, 14 Jan 2022 09:30:00 +0100", "2022-01-14T08:30:00Z"),
            ("January 14, 2022", "2022-01-14"),
            ("Jan. 14, 2022", "2022-01-14"),
            ("14 January 2022", "2022-01-14"),
            ("2022/01/14", "2022-01-14"),
            ("01/14/2022", "2022-01-14"),
            ("January 14, 2022 at 5:04 p.m. EST", "2022-01-14T22:04:00Z"),
            ("1642152600", "2022-01-14T09:30:00Z"),
        ])
    func reads(raw: String, iso: String) {
        #expect(DateNormalizer.iso8601(raw) == iso)
    }

    @Test("refuses what is not a date", arguments: ["", "yesterday", "2022-13-01", "Feb 30, 2022", "5 min read"])
    func refuses(raw: String) {
        #expect(DateNormalizer.iso8601(raw) == nil)
    }
}
