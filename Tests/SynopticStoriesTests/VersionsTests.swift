import Foundation
import SynopticCore
import SynopticIngest
import SynopticTestSupport
import SynopticText
import Testing

@testable import SynopticStories

/// Two versions of an invented report (a ferry fire in an invented town), written for these tests.
enum FerryReport {
    static let dek = "Commuters were taken off a burning ferry in the middle of the lake."
    static let lead =
        "MIRELL — An engine fire forced the crew of the ferry Anselm to evacuate 140 passengers on Monday morning, and the captain called it “a frightening but orderly exit,” the harbor authority said."
    static let leadRewritten =
        "MIRELL — An engine fire forced the crew of the ferry Anselm to evacuate 160 passengers on Monday morning, and the captain called it “a frightening but calm exit,” the harbor authority said."
    static let start =
        "The fire started in the aft engine room shortly after the ferry left the north pier, according to a statement from the operator, Corran Lines."
    static let witness =
        "“We saw smoke coming out of the vents and the crew moved everyone to the bow within minutes,” said Ilse Marner, a passenger who was traveling to work."
    static let suspension = "Service on the route will be suspended for at least a week while inspectors examine the vessel, the authority said."
    static let history =
        "Corran Lines has operated ferries on the lake since the 1980s and carries about two million passengers a year on its four routes."
    static let findings =
        "The authority said it would publish the findings of its inspection once the engine room had been examined by divers and engineers."
    static let inspectors =
        "Inspectors from the regional maritime office arrived at the pier on Monday afternoon and said the suspension would last at least two weeks."

    static let earlierText = ["Ferry service halted after engine fire on Lake Corran", dek, lead, start, witness, suspension, history, findings]
    static let laterText = [
        "Ferry service suspended for two weeks after engine fire on Lake Corran", dek, leadRewritten, start, inspectors, history, findings, witness,
    ]

    static func article(
        _ id: String, _ lines: [String], outlet: String? = "Mirell Gazette", published: String? = nil, modified: String? = nil
    ) -> Article {
        ArticleAssembler().assemble(
            id: id,
            provenance: Provenance(origin: .textFile, path: "\(id).txt", outlet: outlet, published: published, modified: modified),
            original: lines.joined(separator: "\n\n"))
    }

    static var earlier: Article { article("ferry-1", earlierText) }
    static var later: Article { article("ferry-2", laterText) }
}

@Suite("Word diff and paragraph alignment")
struct AlignmentTests {
    @Test func wordDiffMarksChangedWords() {
        let diff = WordDiff(from: "the ferry carried 140 people", to: "the ferry carried 160 passengers today")
        #expect(diff.marked == "the ferry carried [-140 people-] {+160 passengers today+}")
        #expect(WordDiff(from: "same words", to: "same words").isUnchanged)
        #expect(WordDiff(from: "", to: "new").marked == "{+new+}")
        #expect(WordDiff(from: "old", to: "").marked == "[-old-]")
    }

    @Test func longestIncreasingRunKeepsTheMostInPlace() {
        #expect(ParagraphAlignment.longestIncreasingRun([0, 1, 4, 5, 2]) == [0, 1, 2, 3])
        #expect(ParagraphAlignment.longestIncreasingRun([]).isEmpty)
    }

    @Test func nearMatchNeedsSharedWordPairs() {
        let a = ParagraphPrint(FerryReport.lead), b = ParagraphPrint(FerryReport.leadRewritten)
        #expect(a.exactKey != b.exactKey)
        #expect(a.similarity(to: b) >= ParagraphAlignment.nearThreshold)
        #expect(ParagraphPrint(FerryReport.lead).similarity(to: ParagraphPrint(FerryReport.history)) < ParagraphAlignment.nearThreshold)
        // Case, punctuation and quotation style do not make a paragraph different.
        #expect(ParagraphPrint("He said “no,” twice.").exactKey == ParagraphPrint("he said \"no\" twice").exactKey)
    }
}

@Suite("Diff of two versions")
struct ArticleDiffTests {
    @Test("headline, added, removed, moved and rewritten paragraphs, a changed figure and a changed quote")
    func inventedVersions() throws {
        let diff = ArticleDiff(earlier: FerryReport.earlier, later: FerryReport.later)
        #expect(diff.headline.isChanged)
        #expect(diff.headline.words.marked.contains("[-halted-] {+suspended for two weeks+}"))
        let dek = try #require(diff.dek, "both versions open with a dek before the dateline")
        #expect(!dek.isChanged)
        #expect(diff.count(.added) == 1)
        #expect(diff.count(.removed) == 1)
        #expect(diff.count(.rewritten) == 1)
        #expect(diff.count(.moved) == 1)
        #expect(diff.count(.unchanged) == 3)
        let added = try #require(diff.paragraphs.first { $0.kind == .added })
        #expect(added.laterText == FerryReport.inspectors)
        let removed = try #require(diff.paragraphs.first { $0.kind == .removed })
        #expect(removed.earlierText == FerryReport.suspension)
        let moved = try #require(diff.paragraphs.first { $0.kind == .moved })
        #expect(moved.laterText == FerryReport.witness && !moved.isRewritten)
        let rewritten = try #require(diff.paragraphs.first { $0.kind == .rewritten })
        #expect(rewritten.words?.marked.contains("[-140-] {+160+}") == true)
        #expect(diff.figures.map(\.kind) == [.changed])
        #expect(diff.figures.first?.earlier == "140" && diff.figures.first?.later == "160")
        #expect(diff.quotes.count == 1)
        #expect(diff.quotes.first?.kind == .changed)
        #expect(diff.quotes.first?.earlier == "a frightening but orderly exit")
        #expect(diff.quotes.first?.words?.marked == "a frightening but [-orderly-] {+calm+} exit")
        let summary = diff.summary
        #expect(summary.headlineChanged && !summary.dekChanged)
        let counts: [Int] = [summary.paragraphsAdded, summary.paragraphsRemoved, summary.paragraphsRewritten, summary.paragraphsMoved]
        #expect(counts == [1, 1, 1, 1])
        let text = diff.text()
        #expect(text.contains("Headline changed:"))
        #expect(text.contains("~ 140 → 160"))
    }

    @Test("removed paragraphs are listed where they stood, before what replaced them")
    func order() {
        let diff = ArticleDiff(earlier: FerryReport.earlier, later: FerryReport.later)
        let kinds = diff.paragraphs.map(\.kind)
        #expect(kinds == [.rewritten, .unchanged, .removed, .added, .unchanged, .unchanged, .moved])
    }

    @Test("empty and one-line articles diff without trouble")
    func emptyArticles() {
        let empty = FerryReport.article("empty", [""])
        let word = FerryReport.article("word", ["Ferry"])
        for (a, b) in [(empty, empty), (empty, word), (word, FerryReport.later), (FerryReport.earlier, empty)] {
            let diff = ArticleDiff(earlier: a, later: b)
            #expect(diff.paragraphs.count >= 0)
            _ = diff.text()
        }
        #expect(ArticleDiff(earlier: empty, later: empty).isIdentical)
    }

    @Test func numbersLeaveYearsOut() {
        #expect(ArticleDiff.numbers(in: "In 2022, 106,000 troops and 1,500 tanks; 4.5% up; the 1980s; F16") == ["106,000", "1,500", "4.5%"])
    }
}

@Suite("Linking versions")
struct VersionLinkerTests {
    /// Another outlet's report of the same fire: same dateline, a shared quotation, similar lead.
    static let otherOutlet = FerryReport.article(
        "herald",
        [
            "Passengers evacuated as fire breaks out on Corran ferry",
            "MIRELL — An engine fire forced the crew of the ferry Anselm to evacuate 140 passengers on Monday, the harbor authority said.",
            FerryReport.witness,
            "The Herald could not reach Corran Lines for comment on Monday evening.",
        ], outlet: "Lakeside Herald")

    @Test("two versions of one report are linked, earlier first; another outlet's report is not")
    func inventedVersions() {
        let (links, counters) = VersionLinker().link([FerryReport.later, Self.otherOutlet, FerryReport.earlier])
        #expect(links.count == 1)
        #expect(links.first?.earlier == 2 && links.first?.later == 0)
        #expect(counters.versionPairs == 1)
    }

    @Test("dates decide the order before growth does")
    func datesFirst() {
        let first = FerryReport.article("a", FerryReport.laterText, modified: "2031-03-05T09:00:00Z")
        let second = FerryReport.article("b", FerryReport.earlierText, modified: "2031-03-05T18:30:00Z")
        let (links, _) = VersionLinker().link([second, first])
        #expect(links.map { [$0.earlier, $0.later] } == [[1, 0]])
        #expect(links.first?.evidence == .dates)
        let (undated, _) = VersionLinker().link([FerryReport.later, FerryReport.earlier])
        #expect(undated.first?.evidence == .growth)
    }

    @Test("a copy is a duplicate, not a version; without outlets, the dateline and lead must agree")
    func copiesAndUnknownOutlets() {
        let copy = FerryReport.article("copy", FerryReport.earlierText)
        #expect(VersionLinker().link([FerryReport.earlier, copy]).links.isEmpty)
        let a = FerryReport.article("a", FerryReport.earlierText, outlet: nil)
        let b = FerryReport.article("b", FerryReport.laterText, outlet: nil)
        #expect(VersionLinker().link([a, b]).links.count == 1)
        var elsewhere = FerryReport.laterText
        elsewhere[2] = elsewhere[2].replacingOccurrences(of: "MIRELL", with: "PORT ANSEL")
        let c = FerryReport.article("c", elsewhere, outlet: nil)
        #expect(VersionLinker().link([a, c]).links.isEmpty)
    }

    @Test("three versions are chained in order")
    func chain() {
        var third = FerryReport.laterText
        third.append("Corran Lines said on Tuesday that a replacement vessel would take over the route from Thursday morning onward.")
        let c = FerryReport.article("ferry-3", third)
        let (links, _) = VersionLinker().link([c, FerryReport.earlier, FerryReport.later])
        #expect(links.map { [$0.earlier, $0.later] }.sorted { $0[0] < $1[0] } == [[1, 2], [2, 0]])
    }

    @Test("empty articles and an empty batch")
    func empty() {
        #expect(VersionLinker().link([]).links.isEmpty)
        let empty = FerryReport.article("e", [""])
        #expect(VersionLinker().link([empty, empty, FerryReport.earlier]).links.isEmpty)
    }

    /// An article built directly (no assembly), for big batches.
    static func article(_ id: Int, paragraphs: [String]) -> Article {
        let body = paragraphs.joined(separator: "\n\n")
        var blocks: [Block] = []
        var offset = 0
        for paragraph in paragraphs {
            let length = paragraph.unicodeScalars.count
            blocks.append(Block(kind: .paragraph, span: TextSpan(start: offset, end: offset + length)))
            offset += length + 2
        }
        return Article(
            id: "a\(id)", provenance: Provenance(origin: .jsonLines, outlet: "Mirell Gazette"), title: "Report \(id)", dateline: nil,
            text: ScalarText(body), blocks: blocks, sentences: [], removed: [], sourceMap: .identity(length: body.unicodeScalars.count),
            original: body)
    }

    @Test("5,000 articles sharing one boilerplate paragraph stay linear: the shared paragraph is dropped as evidence")
    func sharedBoilerplateStaysBounded() {
        let boilerplate = "Subscribe to the Gazette for the latest news from the lake and the towns around it, delivered every morning."
        let articles = (0..<5_000).map { n in
            Self.article(n, paragraphs: ["\((0..<12).map { "w\(n)x\($0)" }.joined(separator: " ")).", boilerplate])
        }
        let linker = VersionLinker()
        let (links, counters) = linker.link(articles)
        #expect(links.isEmpty)
        #expect(counters.commonKeys == 2)
        #expect(counters.candidatePairs == 0)
        #expect(counters.pairsAligned == 0)
        // Two keys per unique paragraph, and the shared paragraph's two keys up to the cap.
        #expect(counters.postingsStored <= 2 * 5_000 + 2 * linker.options.maxArticlesPerKey)
    }

    @Test("5,000 identical copies are neither versions nor quadratic")
    func identicalCopies() {
        let paragraphs = [FerryReport.lead, FerryReport.start, FerryReport.witness]
        let articles = (0..<5_000).map { Self.article($0, paragraphs: paragraphs) }
        let (links, counters) = VersionLinker().link(articles)
        #expect(links.isEmpty)
        #expect(counters.candidatePairs == 0)
    }
}

@Suite("Versions among the seed reports")
struct SeedVersionsTests {
    static let seeds: [Article] = {
        guard let paths = SharedData.seedPaths(for: "seed versions tests") else { return [] }
        let documents = paths.map { path in
            let bytes = [UInt8](FileManager.default.contents(atPath: path) ?? Data())
            return (provenance: Provenance(origin: .textFile, path: path), text: (try? TextDecoder.decode(bytes).text) ?? "")
        }
        let boilerplate = BatchBoilerplate(documents: documents)
        return documents.map { document in
            let name = URL(fileURLWithPath: document.provenance.path!).deletingPathExtension().lastPathComponent
            return ArticleAssembler().assemble(
                id: String(name.prefix(3)), provenance: document.provenance, original: document.text, boilerplate: boilerplate)
        }
    }()

    @Test("000 and 001 are versions of one article, 001 first; no other pair is")
    func onlyTheViennaReports() {
        guard Self.seeds.count == 5 else { return }
        let (links, _) = VersionLinker().link(Self.seeds)
        let pairs = links.map { [Self.seeds[$0.earlier].id, Self.seeds[$0.later].id] }
        #expect(pairs == [["001", "000"]])
        #expect(links.first?.evidence == .growth)
    }

    @Test("the diff names the headline change and the paragraphs each version alone carries")
    func seedDiff() {
        guard Self.seeds.count == 5 else { return }
        let earlier = Self.seeds[1], later = Self.seeds[0]
        let diff = ArticleDiff(earlier: earlier, later: later)
        #expect(diff.headline.isChanged)
        let added = diff.paragraphs.filter { $0.kind == .added }.compactMap(\.laterText)
        let removed = diff.paragraphs.filter { $0.kind == .removed }.compactMap(\.earlierText)
        #expect(!added.isEmpty && !removed.isEmpty)
        // Each paragraph reported as only in one version has no exact copy in the other.
        let earlierKeys = Set(earlier.paragraphTexts.compactMap { ParagraphPrint($0).exactKey })
        let laterKeys = Set(later.paragraphTexts.compactMap { ParagraphPrint($0).exactKey })
        #expect(added.allSatisfy { !earlierKeys.contains(ParagraphPrint($0).exactKey!) })
        #expect(removed.allSatisfy { !laterKeys.contains(ParagraphPrint($0).exactKey!) })
        // Paragraphs a reader finds in one version only.
        #expect(added.contains { $0.hasPrefix("The United States representative to Thursday’s meeting") })
        #expect(removed.contains { $0.hasPrefix("Despite representing Poland") })
        // Paragraphs both carry word for word are not reported as changed.
        #expect(diff.count(.unchanged) + diff.count(.moved) >= 2)
    }
}
