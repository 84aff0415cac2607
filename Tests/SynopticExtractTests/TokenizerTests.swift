import SynopticCore
import Testing

@testable import SynopticExtract

@Suite struct TokenizerTests {
    @Test func wordsNumbersInitialsAndPossessives() {
        let text = "Russia’s 106,000 troops met U.S. envoys on 2022-01-12; Mr. O’Brien said “no.”"
        let tokenized = TokenizedText(text)
        let tokens = tokenized.tokens
        #expect(
            tokens.indices.map(tokenized.tokenText) == [
                "Russia", "’s", "106,000", "troops", "met", "U.S.", "envoys", "on", "2022-01-12", ";", "Mr", ".", "O’Brien",
                "said", "“", "no", ".", "”",
            ])
        #expect(tokens[2].kind == .number && tokens[8].kind == .number)
        #expect(tokenized.lowers[1] == "'s" && tokenized.lowers[12] == "o'brien")
        #expect(tokens[14].kind == .openQuote && tokens[17].kind == .closeQuote)
        #expect(tokens[5].isAllCaps && tokens[0].isCapitalized && !tokens[3].isCapitalized)
        // Offsets are scalar offsets: the typographic apostrophe is one scalar.
        let scalars = Array(text.unicodeScalars)
        for (token, written) in zip(tokens, tokens.indices.map(tokenized.tokenText)) {
            #expect(String(String.UnicodeScalarView(scalars[token.start..<token.end])) == written)
        }
    }

    @Test func sentencesAndBlocksIndexTokens() {
        let text = "One two. Three four.\n\nFive."
        let sentences = [TextSpan(start: 0, end: 8), TextSpan(start: 9, end: 20), TextSpan(start: 22, end: 27)]
        let tokenized = TokenizedText(
            text: ScalarText(text), sentences: sentences, blocks: [TextSpan(start: 0, end: 20), TextSpan(start: 22, end: 27)])
        #expect(tokenized.sentenceTokens == [0..<3, 3..<6, 6..<8])
        #expect(tokenized.block(containing: 23) == 1 && tokenized.block(containing: 21) == nil)
    }

    /// `endsWith` and `startsWith`, the byte comparisons the rules use, answer what `hasSuffix` and
    /// `hasPrefix` answer for every token of text with accents, combining marks and other scripts.
    @Test func byteSuffixesAgreeWithHasSuffix() {
        let text = """
            Planned talks ended; he’s re-elected. Café owners said “naïve”, cafe\u{301}s, Straße and \
            Ελλάδα were listed, including 1990s, 20th, mid-1990s, o’clock and ﬁnanced (a ligature).
            """
        let tokenized = TokenizedText(text)
        let probes: [(StaticString, String)] = [("ing", "ing"), ("ed", "ed"), ("s", "s"), ("ly", "ly"), ("'s", "'s"), ("e", "e"), ("th", "th")]
        for lower in tokenized.lowers + ["", "s", "café", "cafe\u{301}", "e\u{301}d", "\u{600}ing", "xe\u{301}s"] {
            for (fast, slow) in probes {
                #expect(lower.endsWith(fast) == lower.hasSuffix(slow), "\(lower) \(slow)")
                #expect(lower.startsWith(fast) == lower.hasPrefix(slow), "\(lower) \(slow)")
            }
        }
    }
}
