import SynopticCore
import SynopticText
import Testing

/// Splits a one-paragraph text into sentence strings.
func sentences(_ text: String) -> [String] {
    let normalized = TextNormalizer().normalize(text).scalars
    return SentenceSegmenter().sentences(in: normalized, range: 0..<normalized.count).map {
        String(String.UnicodeScalarView(normalized[$0.start..<$0.end]))
    }
}

@Suite("SentenceSegmenter")
struct SegmenterTests {
    @Test(
        "does not split inside names, titles, acronyms, dates, decimals and times",
        arguments: [
            "Mr. Okafor met Ms. Varga and Dr. Haddad before Gen. Moss, Sen. Lindqvist and Rep. Ashdown arrived.",
            "Chief Inspector Teodor J. Varga spoke with Dana R. Whitcombe at the pier.",
            "U.S. officials and U.N. monitors joined O.S.C.E. members in Vienna.",
            "The talks began on Jan. 10 and will resume in Sept. or Oct. 2022 at the earliest.",
            "Inflation rose 3.5 percent, and the meeting ended at 10.30 in Room No. 5 of the building.",
            "The vote is at 9 a.m. on Friday at the U.S. Capitol, aides said.",
            "See example.com/page.html for the full text of the 1.5-page memo.",
            "She waited… and waited, but nothing came.",
        ])
    func oneSentence(text: String) {
        #expect(sentences(text).count == 1, "\(sentences(text))")
    }

    @Test("splits at real boundaries, including after acronyms that end a sentence")
    func boundaries() {
        #expect(sentences("Talks ended. The sides left. Did they agree? No!") == ["Talks ended.", "The sides left.", "Did they agree?", "No!"])
        #expect(sentences("He moved to the U.S. The move was quick.") == ["He moved to the U.S.", "The move was quick."])
        #expect(sentences("It was signed by Acme Inc. But nobody read it.") == ["It was signed by Acme Inc.", "But nobody read it."])
        #expect(sentences("It ended in 2014. Then it began again.") == ["It ended in 2014.", "Then it began again."])
    }

    @Test("the final mark inside a closing quotation stays with its sentence")
    func quotationEndings() {
        #expect(
            sentences("She spoke last. “The ferries will run all night.” She paused. “Nothing else.”")
                == ["She spoke last.", "“The ferries will run all night.”", "She paused.", "“Nothing else.”"])
        #expect(sentences("“Is it over?” she asked. Nobody knew.") == ["“Is it over?” she asked.", "Nobody knew."])
        #expect(sentences("“We will wait,” he said. It was late.") == ["“We will wait,” he said.", "It was late."])
    }

    @Test("a quoted passage of several sentences is never cut")
    func quotationsStayWhole() {
        let result = sentences("He warned that “the risks are real. They cannot be underestimated,” and left.")
        #expect(result.count == 1)
    }

    @Test("ellipses end a sentence only before a capital, even glued")
    func ellipses() {
        #expect(sentences("The queue never moved…Everyone waited. Really.") == ["The queue never moved…", "Everyone waited.", "Really."])
        #expect(sentences("He paused... Then he spoke.") == ["He paused...", "Then he spoke."])
        #expect(sentences("a list of items... and more") == ["a list of items... and more"])
    }

    @Test("sentences glued by scraping split at a capital after a lower-case word")
    func gluedSentences() {
        #expect(sentences("The talks ended.The sides left.") == ["The talks ended.", "The sides left."])
    }

    @Test("a dateline stays with its sentence")
    func dateline() {
        let result = sentences("VIENNA — Diplomats left the hall early. Talks stalled.")
        #expect(result == ["VIENNA — Diplomats left the hall early.", "Talks stalled."])
    }

    @Test("a paragraph-long quotation stays one unit with its attribution")
    func quotationParagraph() {
        let text = "“Nobody builds a ferry line in a week,’’ the captain said. “We did it in three days. Ask me again in April.”"
        #expect(sentences(text).count == 1)
        // Narrative paragraphs with a short quote still split.
        #expect(sentences("The captain shrugged. “Ask me again in April.”").count == 2)
    }
}

@Suite("DatelineDetector")
struct DatelineTests {
    @Test(
        "finds the place of a dateline",
        arguments: [
            ("VIENNA — Diplomats gathered", "VIENNA"),
            ("NAIROBI, Kenya (AP) _ Suspected bombs exploded", "NAIROBI, Kenya"),
            ("KYIV, Jan 14 (Reuters) - Ukraine said", "KYIV"),
            ("ST. LOUIS — The city council", "ST. LOUIS"),
            ("WASHINGTON—The president said", "WASHINGTON"),
        ])
    func finds(text: String, place: String) {
        let scalars = Array(text.unicodeScalars)
        #expect(DatelineDetector().dateline(in: scalars, range: 0..<scalars.count)?.place == place)
    }

    @Test("ignores openings that are not datelines", arguments: ["The talks — held in Vienna — ended", "In Moscow, officials — and others — said", "NATO is expanding — says Russia"])
    func ignores(text: String) {
        let scalars = Array(text.unicodeScalars)
        #expect(DatelineDetector().dateline(in: scalars, range: 0..<scalars.count) == nil)
    }
}
