import Testing

@testable import SynopticExtract

/// The names the recognizer gives entities.
@Suite struct EntityNameTests {
    /// `withoutHonorific` as it was written before its ASCII path: the generic `split`.
    static func reference(_ name: String) -> String {
        let parts = name.split(separator: " ", maxSplits: 1)
        guard parts.count == 2 else { return name }
        let head = parts[0].hasSuffix(".") ? parts[0].dropLast() : parts[0]
        return Lexicon.isHonorific(head.lowercased()) ? String(parts[1]) : name
    }

    @Test func honorificsAreDroppedAsTheSplitDroppedThem() {
        let names = [
            "Mr. Lavrov", "Mr Lavrov", "MRS. Clinton", "Dr. Anthony Fauci", "Sen. Lindsey Graham", "Mr.", "Mr. ", "Mr.  Smith", " Mr. Smith",
            "  Smith", "Smith", "", " ", "Mr.. Smith", ". Smith", "Donald Trump", "Gen. Mark Milley", "President Obama", "Ms. Émilie Dubois",
            "Mr.\u{301} Smith", "Mr. \u{301}Smith", "Señor Lopez", "Mr\r\nSmith", "Mrs Khan ",
        ]
        for name in names {
            #expect(RecognitionState.withoutHonorific(name) == Self.reference(name), "\(name)")
        }
        #expect(RecognitionState.withoutHonorific("Mr. Lavrov") == "Lavrov")
        #expect(RecognitionState.withoutHonorific("Donald Trump") == "Donald Trump")
    }
}
