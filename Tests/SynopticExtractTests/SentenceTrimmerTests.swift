import SynopticCore
import Testing

@testable import SynopticExtract

/// Sentence trimming on invented sentences (people, places and events made up for these tests).
@Suite struct SentenceTrimmerTests {
    static func trimmed(_ sentence: String, _ rules: SentenceTrimmer.Rules = .all) -> String? {
        SentenceTrimmer(rules: rules).trim(sentence)?.text
    }

    @Test func trailingAttributionIsLeftOut() {
        #expect(
            Self.trimmed("The ferry to Harrowby will stop running in March, port officials said.", .attribution)
                == "The ferry to Harrowby will stop running in March.")
        #expect(
            Self.trimmed("The ferry to Harrowby will stop running in March, the authority said in a statement on Monday.", .attribution)
                == "The ferry to Harrowby will stop running in March.")
        #expect(
            Self.trimmed("The ferry to Harrowby will stop running in March, said Mara Ellery.", .namedAttribution)
                == "The ferry to Harrowby will stop running in March.")
        #expect(
            Self.trimmed("The ferry to Harrowby will stop running in March, the Harrowby Port Authority said Monday.", .namedAttribution)
                == "The ferry to Harrowby will stop running in March.")
        // Each rule keeps to its kind: a named speaker is not an unnamed one, and the other way round.
        #expect(Self.trimmed("The ferry to Harrowby will stop running in March, said Mara Ellery.", .attribution) == nil)
        #expect(Self.trimmed("The ferry to Harrowby will stop running in March, port officials said.", .namedAttribution) == nil)
        #expect(
            Self.trimmed("The ferry to Harrowby will stop running in March, according to the port authority.", .attribution)
                == "The ferry to Harrowby will stop running in March.")
    }

    @Test func attributionOfAQuotationStays() {
        // Dropping the speaker would leave a quotation nobody said.
        #expect(Self.trimmed("“The ferry will stop running in March,” port officials said.") == nil)
        #expect(Self.trimmed("The port called the timetable “a fair compromise for everyone involved,” officials said.") == nil)
    }

    @Test func aClauseThatIsNotAnAttributionStays() {
        // The words after the comma report what was said: they are the sentence's content.
        #expect(Self.trimmed("After a long meeting on the harbour budget, officials said the ferry would stop.", .attribution) == nil)
        // The subject is before the comma, so the tail is not an attribution on its own.
        #expect(Self.trimmed("The company, which runs the ferry to Harrowby, said Tuesday.", .attribution) == nil)
        // Too short to be a statement once the attribution is gone.
        #expect(Self.trimmed("It is over, he said.", .attribution) == nil)
    }

    @Test func leadingConnectiveAndTimeOpener() {
        #expect(
            Self.trimmed("However, the council voted to keep the ferry running.", .connective) == "The council voted to keep the ferry running.")
        #expect(
            Self.trimmed("In addition, the council voted to keep the ferry running.", .connective)
                == "The council voted to keep the ferry running.")
        #expect(
            Self.trimmed("On Tuesday, the council voted to keep the ferry running.", .timeOpener) == "The council voted to keep the ferry running.")
        #expect(
            Self.trimmed("Last week, the council voted to keep the ferry running.", .timeOpener) == "The council voted to keep the ferry running.")
        // A place or a subject before the comma is no adverbial.
        #expect(Self.trimmed("In Harrowby, the council voted to keep the ferry running.", .timeOpener) == nil)
        #expect(Self.trimmed("On Tuesday, the council voted to keep the ferry running.", .connective) == nil)
    }

    @Test func parenthesesAreLeftOut() {
        let result = SentenceTrimmer(rules: .parenthesis).trim("The ferry (which first sailed in 1921) will stop running in March.")
        #expect(result?.text == "The ferry will stop running in March.")
        // The kept pieces are exact spans of the sentence.
        #expect(result?.kept == [TextSpan(start: 0, end: 9), TextSpan(start: 38, end: 66)])
        // An aside holding a quotation stays whole.
        #expect(Self.trimmed("The ferry (“our lifeline,” one islander said) will stop running.", .parenthesis) == nil)
    }

    @Test func appositiveAndRelativeClauseAfterAName() {
        #expect(
            Self.trimmed("Mara Ellery, a former harbour master, said the ferry would stop running.", .appositive)
                == "Mara Ellery said the ferry would stop running.")
        #expect(Self.trimmed("Mara Ellery, 58, said the ferry would stop running.", .appositive) == "Mara Ellery said the ferry would stop running.")
        #expect(
            Self.trimmed("Mara Ellery, who ran the harbour for a decade, said the ferry would stop running.", .relativeClause)
                == "Mara Ellery said the ferry would stop running.")
        // A list of names is no appositive.
        #expect(Self.trimmed("Mara Ellery, the harbour master, and Tom Vell signed the order on Monday.", .appositive) == nil)
    }

    @Test func nothingInsideAQuotationIsLeftOut() {
        #expect(Self.trimmed("“However, the ferry (the old one) stays,” Mara Ellery said.") == nil)
    }

    @Test func rulesCombine() {
        #expect(
            Self.trimmed("However, Mara Ellery, a former harbour master, expects the ferry to stop in March, officials said.")
                == "Mara Ellery expects the ferry to stop in March.")
    }
}
