import SynopticCore
import SynopticText
import Testing

@testable import SynopticStories

/// An invented report (a ferry grounding in an invented town), written for these tests.
private let ferryReport = [
    "The morning ferry from Calder Point ran aground on a sandbar outside Wenmouth harbour on Tuesday, leaving 212 passengers waiting for more than four hours before tugs pulled the vessel free on the rising tide.",
    "No one was hurt, according to the Wenmouth Port Authority, which said the ferry Marisol had strayed about forty metres from the marked channel while the pilot steered around a fishing boat with no lights.",
    "Passengers described a sudden jolt followed by a long silence. “We thought it was the engine at first,” said Ilse Varnholt, a teacher travelling with her class. “Then the crew started handing out blankets and we knew we were staying a while.”",
    "The port authority closed the northern channel for the rest of the day so that divers could inspect the hull and the buoys that mark the edge of the sandbar, which shifted after last winter's storms.",
    "Halden Ferries, which operates the route, said the Marisol would stay out of service until an inspection in the dry dock at Sorrel Bay is complete, and that passengers with return tickets could use the coastal bus at no charge.",
    "Local councillors have asked for years for the channel to be dredged. Councillor Petra Annick said the grounding was “exactly the warning we have been giving since the storms moved the sand” and called for an emergency budget.",
    "The regional transport office said it would publish a survey of the channel within two weeks and review whether night crossings should continue while the markers are replaced.",
    "The ferry carries about 1,500 people a day in summer between Calder Point and Wenmouth, most of them commuters and students who have no other direct link across the estuary.",
]

/// A different invented report of the same event: same names and facts, its own wording.
private let otherFerryReport = [
    "Tugboats freed the Halden Ferries vessel Marisol on Tuesday afternoon after it grounded near Wenmouth, the port authority said, ending a long wait for the commuters and schoolchildren on board.",
    "Officials at the Wenmouth Port Authority said the crossing from Calder Point had drifted out of the channel while avoiding an unlit fishing boat, and that nobody was injured during the grounding.",
    "Councillor Petra Annick renewed her call for dredging, saying the storms of last winter had pushed sand into the approach. The regional transport office promised a survey of the estuary channel.",
    "Halden Ferries offered free seats on the coastal bus to travellers holding return tickets while the Marisol is inspected in dry dock at Sorrel Bay. Night crossings are under review, the transport office added.",
    "Teacher Ilse Varnholt, whose class was aboard, said the crew kept everyone calm and warm. Divers spent the evening checking the hull and the buoys along the sandbar, and the northern channel stayed closed.",
]

private func fingerprint(_ paragraphs: [String]) -> DuplicateFingerprint { DuplicateFingerprint(paragraphs: paragraphs) }

private func article(_ id: String, title: String, _ paragraphs: [String]) -> Article {
    var article = ArticleAssembler().assemble(
        id: id, provenance: Provenance(origin: .textFile), original: title + "\n\n" + paragraphs.joined(separator: "\n\n"))
    article.id = id
    return article
}

@Suite struct DuplicateIndexTests {
    @Test func exactCopiesIgnoreCaseAndQuoteStyle() {
        let original = fingerprint(ferryReport)
        let shouted = fingerprint(ferryReport.map { $0.uppercased().replacingOccurrences(of: "’", with: "'") })
        #expect(original.exactKey == shouted.exactKey)
        var index = DuplicateIndex()
        #expect(index.add(original).isEmpty)
        #expect(index.add(shouted) == [DuplicateMatch(earlier: 0, kind: .exact, similarity: 1)])
        #expect(index.exactRepresentative(of: 1) == 0)
    }

    @Test func trimmedReprintWithNewHeadlineIsACopy() throws {
        let articles = [
            article("wenmouth-gazette", title: "Ferry grounded off Wenmouth for four hours", ferryReport),
            article("wire-brief", title: "Commuter ferry stuck on sandbar", Array(ferryReport.prefix(3))),
        ]
        let pairs = DuplicateFinder.pairs(among: articles)
        #expect(pairs.count == 1)
        let pair = try #require(pairs.first)
        #expect(pair.articles == ["wenmouth-gazette", "wire-brief"])
        #expect(pair.kind == .copy)
        #expect(pair.similarity > 0.95)
    }

    @Test func reprintCutToAFourthIsFoundByItsLead() {
        // A little over a fifth of the words and little Jaccard similarity: the lead keys find it.
        let long = ferryReport + otherFerryReport.map { $0 + " It was the second grounding on the estuary this year." }
        let brief = Array(ferryReport.prefix(3))
        let overlap = ShingleOverlap(fingerprint(long).shingles, fingerprint(brief).shingles)
        #expect(overlap.jaccard < 0.25 && overlap.sizeRatio > 0.2)
        var index = DuplicateIndex()
        _ = index.add(fingerprint(long))
        #expect(index.add(fingerprint(brief)).map(\.kind) == [.copy])
    }

    @Test func reorderedAndExtendedReprintsAreFound() {
        var reordered = ferryReport
        reordered.swapAt(1, 6)
        reordered.append(reordered.remove(at: 2))
        var extended = ferryReport
        extended.insert("Editor’s note: our reporter was among the passengers and paid for her own ticket on the crossing.", at: 3)
        extended.append("This report has been updated with the transport office’s statement on night crossings and the survey.")
        var index = DuplicateIndex()
        _ = index.add(fingerprint(ferryReport))
        let first = index.add(fingerprint(reordered))
        #expect(first.map(\.kind) == [.near])
        #expect((first.first?.similarity ?? 0) > 0.8)
        let second = index.add(fingerprint(extended))
        #expect(second.map(\.earlier) == [0, 1])
        #expect(second.allSatisfy { $0.kind == .near })
    }

    @Test func smallWordEditsStayNearDuplicates() {
        let edited = ferryReport.map {
            $0.replacingOccurrences(of: "on Tuesday", with: "early on Tuesday").replacingOccurrences(of: "about forty", with: "some 40")
        }
        var index = DuplicateIndex()
        _ = index.add(fingerprint(ferryReport))
        let matches = index.add(fingerprint(edited))
        #expect(matches.map(\.kind) == [.near])
        #expect((matches.first?.similarity ?? 0) > 0.85)
    }

    @Test func aDifferentArticleOnTheSameEventIsNotMatched() {
        let overlap = ShingleOverlap(fingerprint(ferryReport).shingles, fingerprint(otherFerryReport).shingles)
        #expect(overlap.containment < 0.1)
        let articles = [
            article("gazette", title: "Ferry grounded off Wenmouth", ferryReport),
            article("courier", title: "Marisol freed after grounding", otherFerryReport),
        ]
        #expect(DuplicateFinder.pairs(among: articles).isEmpty)
    }

    @Test func twoThousandIdenticalCopiesAreLinkedToOneRepresentative() {
        var index = DuplicateIndex()
        let text = fingerprint(ferryReport)
        for position in 0..<2_000 {
            let matches = index.add(text)
            #expect(matches == (position == 0 ? [] : [DuplicateMatch(earlier: 0, kind: .exact, similarity: 1)]))
        }
        // One signature and no bucket work for the copies: linear in the number of copies.
        #expect(index.work.exactHits == 1_999)
        #expect(index.work.signatures == 1)
        #expect(index.work.verifications == 0)
        #expect(index.work.bucketEntriesRead == 0)
    }

    @Test func twoThousandNearIdenticalCopiesCostAConstantEach() {
        var index = DuplicateIndex()
        let scheme = index.scheme
        for copy in 0..<2_000 {
            // Each copy differs from the others by one closing line, so none is an exact duplicate.
            let matches = index.add(fingerprint(ferryReport + ["Filed as copy number \(copy)."]))
            if copy > 0 { #expect(!matches.isEmpty) }
        }
        let perQueryReads = (scheme.bands + 2) * scheme.bucketScanLimit
        #expect(index.work.signatures == 2_000)
        #expect(index.work.bucketEntriesRead <= 2_000 * perQueryReads)
        #expect(index.work.verifications <= 2_000 * scheme.verificationLimit)
        // Far below the 1,999,000 comparisons of all pairs.
        #expect(index.work.verifications < 200_000)
    }

    @Test func emptyAndOneWordTextsMatchOnlyWordForWord() {
        var index = DuplicateIndex()
        #expect(index.add(fingerprint([])).isEmpty)
        #expect(index.add(fingerprint(["", "  — ! "])).isEmpty)
        #expect(index.add(fingerprint(["Breaking."])).isEmpty)
        #expect(index.add(fingerprint(["breaking"])) == [DuplicateMatch(earlier: 2, kind: .exact, similarity: 1)])
        // A short line inside a long article is not a copy of it.
        _ = index.add(fingerprint(ferryReport))
        #expect(index.add(fingerprint([String(ferryReport[0].prefix(60))])).isEmpty)
        #expect(DuplicateFinder.pairs(among: []).isEmpty)
    }

    @Test func nonLatinTextsAreCompared() {
        let russian = [
            "Утренний паром из Калдер-Пойнт сел на мель у входа в гавань Уэнмута во вторник, и более двухсот пассажиров ждали почти четыре часа, пока буксиры не сняли судно с мели во время прилива.",
            "Никто не пострадал, сообщило портовое управление, добавив, что паром отклонился от фарватера, обходя рыбацкую лодку без огней, и что северный канал будет закрыт до вечера.",
            "Местные депутаты давно требуют углубить канал. По их словам, зимние штормы сдвинули песок, и предупреждения звучали уже много месяцев, но денег на работы так и не выделили.",
        ]
        var index = DuplicateIndex()
        _ = index.add(fingerprint(russian))
        #expect(index.add(fingerprint(russian.map { $0.uppercased() })).map(\.kind) == [.exact])
        // Compared with the group's first text only: what holds for it holds for its exact copy.
        #expect(index.add(fingerprint(Array(russian.prefix(2)))).map(\.kind) == [.near])
        let lead = index.add(fingerprint(Array(russian.prefix(1))))
        #expect(lead.map(\.earlier) == [0, 2])
        #expect(lead.map(\.kind) == [.copy, .near])
        // Japanese has no spaces: the copy is still exact.
        let japanese = ["ウェンマス港の沖で火曜日の朝、フェリーが砂州に乗り上げた。", "けが人はいなかったと港湾当局は発表した。"]
        let first = index.count
        _ = index.add(fingerprint(japanese))
        #expect(index.add(fingerprint(japanese)) == [DuplicateMatch(earlier: first, kind: .exact, similarity: 1)])
    }

    @Test func theSCurveFindsTheCopiesTheRulesReport() {
        let scheme = MinHashScheme.standard
        #expect(scheme.permutations == 128)
        #expect(abs(scheme.threshold - 0.125) < 0.001)
        // The least Jaccard of a copy at 70 % containment and 40 % of the size is 0.25.
        #expect(scheme.candidateProbability(jaccard: 0.25) > 0.98)
        #expect(scheme.candidateProbability(jaccard: 0.5) > 0.9999)
        #expect(scheme.candidateProbability(jaccard: 0.02) < 0.03)
    }

    @Test func signaturesEstimateJaccard() {
        let scheme = MinHashScheme.standard
        // Two sets of 1,000 shared and 500 own values each: Jaccard 1000 / 2000 = 0.5.
        let shared = (0..<1_000).map { WordHashes.mix(UInt64($0)) }
        let a = shared + (1_000..<1_500).map { WordHashes.mix(UInt64($0)) }
        let b = shared + (2_000..<2_500).map { WordHashes.mix(UInt64($0)) }
        let sa = scheme.signature(of: a), sb = scheme.signature(of: b)
        let agreeing = zip(sa, sb).filter { $0 == $1 }.count
        let estimate = Double(agreeing) / Double(scheme.permutations)
        #expect(abs(estimate - 0.5) < 0.12)
        #expect(ShingleOverlap(a.sorted(), b.sorted()).jaccard == 0.5)
    }
}
