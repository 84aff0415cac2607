import SynopticCore
import SynopticText
import Testing

@Suite("TextNormalizer")
struct NormalizerTests {
    let normalizer = TextNormalizer()

    func normalized(_ text: String) -> String { normalizer.normalize(text).string }

    @Test(
        "every quotation-mark convention becomes typographic quotes",
        arguments: [
            ("\"We will wait,\" she said.", "“We will wait,” she said."),
            ("“We will wait,” she said.", "“We will wait,” she said."),
            ("„Wir warten“, sagte sie.", "“Wir warten”, sagte sie."),
            ("«Nous attendrons», dit-elle.", "“Nous attendrons”, dit-elle."),
            ("»Vi venter«, sagde hun.", "“Vi venter”, sagde hun."),
            ("‹Oui›, dit-il.", "‘Oui’, dit-il."),
            ("by force.’’ And then", "by force.” And then"),
            ("‘‘It is over,’’ he said.", "“It is over,” he said."),
            ("``It was definitely a bomb,'' he said.", "“It was definitely a bomb,” he said."),
            ("He said 'no' to it.", "He said ‘no’ to it."),
            ("Russia's demands don't change.", "Russia’s demands don’t change."),
            ("the '90s were different", "the ’90s were different"),
            ("„Ja‟ und ‚nein‘", "“Ja” und ‘nein’"),
        ])
    func quotationMarks(input: String, expected: String) {
        #expect(normalized(input) == expected)
    }

    @Test("whitespace: spaces collapse, lines trim, blank-line runs become one, line ends unify")
    func whitespace() {
        #expect(normalized("  a \t b\u{00A0}\u{2009}c  ") == "a b c")
        #expect(normalized("one\r\ntwo\rthree\u{2028}four") == "one\ntwo\nthree\nfour")
        #expect(normalized("para one  \n \n\n\n  para two") == "para one\n\npara two")
        #expect(normalized("first\u{2029}second") == "first\n\nsecond")
    }

    @Test("invisible and control characters are dropped without splitting words")
    func invisibles() {
        #expect(normalized("nor\u{00AD}mal zero\u{200B}width\u{FEFF} bell\u{07}") == "normal zerowidth bell")
    }

    @Test("HTML character references left in scraped text are decoded")
    func characterReferences() {
        #expect(normalized("Ben &amp; Jerry&#8217;s &ldquo;best&rdquo; &#x2014; &bogus; & more") == "Ben & Jerry’s “best” — &bogus; & more")
    }

    @Test("double hyphens between words become an em dash")
    func dashes() {
        #expect(normalized("the talks -- held in Vienna -- ended") == "the talks — held in Vienna — ended")
        #expect(normalized("a--b") == "a--b")
    }

    @Test("NFC composes decomposed accents, and the map still leads back")
    func canonicalComposition() {
        let input = "Cafe\u{301} in Zu\u{308}rich, \u{212B}ngstro\u{308}m"
        let result = normalizer.normalize(input)
        #expect(result.string == "Café in Zürich, Ångström")
        let original = Array(input.unicodeScalars)
        // "Zürich" starts at 8 in the normalized text and at 9 in the original.
        #expect(result.map.sourceOffset(for: 8) == 9)
        #expect(original[result.map.sourceOffset(for: 8)] == "Z")
        let span = result.map.sourceSpan(for: TextSpan(start: 8, end: 14))
        #expect(String(String.UnicodeScalarView(original[span.start..<span.end])) == "Zu\u{308}rich")
    }

    @Test("every scalar copied through normalization maps back to the same scalar")
    func mapRoundTrip() {
        let input = "  VIENNA  —  \"It is,\" he said.\r\n\r\n\r\nSoft\u{00AD}ly &amp; ‘‘quiet’’ … ok\u{2009}done. "
        let result = normalizer.normalize(input)
        let original = Array(input.unicodeScalars)
        for (offset, scalar) in result.scalars.enumerated() where scalar.properties.isAlphabetic {
            #expect(original[result.map.sourceOffset(for: offset)] == scalar)
        }
    }
}
