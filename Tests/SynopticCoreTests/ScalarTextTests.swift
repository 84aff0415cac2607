import SynopticCore
import Testing

@Suite("ScalarText and TextSpan")
struct ScalarTextTests {
    @Test("slices ASCII text by scalar offsets")
    func ascii() {
        let text = ScalarText("Hello, world")
        #expect(text.scalarCount == 12)
        #expect(text[TextSpan(start: 7, end: 12)] == "world")
    }

    @Test("slices text with multi-byte scalars across checkpoint boundaries")
    func multibyte() {
        // 200 scalars mixing 1-, 2-, 3- and 4-byte encodings.
        let pieces = ["a", "é", "—", "😀", "ж", "“", "z"]
        var scalars: [String] = []
        for i in 0..<200 { scalars.append(pieces[i % pieces.count]) }
        let string = scalars.joined()
        let text = ScalarText(string)
        #expect(text.scalarCount == 200)
        for start in stride(from: 0, to: 200, by: 7) {
            for length in [0, 1, 5, 63, 64, 65] where start + length <= 200 {
                let expected = scalars[start..<(start + length)].joined()
                #expect(String(text[TextSpan(start: start, end: start + length)]) == expected)
            }
        }
    }

    @Test("spans order and contain")
    func spans() {
        let a = TextSpan(start: 2, end: 8)
        #expect(a.length == 6)
        #expect(a.contains(TextSpan(start: 3, end: 8)))
        #expect(!a.contains(8))
        #expect(TextSpan(start: 1, end: 9) < a)
        #expect(a.shifted(by: 3) == TextSpan(start: 5, end: 11))
    }

    @Test("counts words as a reader would")
    func wordCount() {
        #expect(WordCounter.count(in: "Russia’s 106,000 troops near the U.S.-backed well-known line.") == 8)
        #expect(WordCounter.count(in: "  ") == 0)
        #expect(WordCounter.count(in: "one — two") == 2)
    }
}
