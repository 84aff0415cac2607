import Foundation
import SynopticCore
import SynopticEval
import SynopticTestSupport
import Testing

@Suite struct AlignmentReadingTests {
    /// A roundup line in the AllSides layout, written here: two outlets report the same vote in
    /// their own words, a third only something else.
    static func roundupLine(id: Int) -> String {
        let news: [String: Any] = [
            "left": [
                "newsSource": "Harbor Gazette", "newsTitle": "Council approves the ferry plan",
                "newBody": [
                    "The city council voted 7-2 on Tuesday to approve the new ferry terminal, which will cost $48 million.",
                    "Mayor Ana Ruiz called the vote a turning point for the waterfront.",
                ],
            ],
            "center": [
                "newsSource": "Coastal Wire", "newsTitle": "Ferry terminal wins approval",
                "newBody": [
                    "By a 7-2 vote on Tuesday, the city council approved a $48 million ferry terminal.",
                    "Construction is expected to begin next spring.",
                ],
            ],
            "right": [
                "newsSource": "Bay Ledger", "newsTitle": "Residents split on waterfront",
                "newBody": ["Shop owners on Pier Street said parking remains their main worry."],
            ],
        ]
        let object: [String: Any] = ["id": id, "issue": "Ferry terminal approved", "date": "2026-03-10T09:00:00-07:00", "news": news]
        return String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    @Test func aFactTwoOutletsReportIsSharedAndDumpedWithBothSentences() throws {
        let directory = try SharedData.temporaryDirectory()
        let file = directory.appendingPathComponent("roundups.jsonl")
        try (Self.roundupLine(id: 1) + "\n").write(to: file, atomically: true, encoding: .utf8)
        let stories = try AlignmentReading.loadAllSides(file)
        let story = try #require(stories.first)
        #expect(story.articles.count == 3)
        #expect(story.articles.allSatisfy { $0.provenance.published == "2026-03-10" })
        #expect(story.articles.map { $0.provenance.outlet ?? "" } == ["Harbor Gazette", "Coastal Wire", "Bay Ledger"])

        let reading = AlignmentReading.read(story)
        let vote = try #require(reading.sharedFacts.first { $0.text.contains("7-2") })
        #expect(Set(vote.outlets) == ["Harbor Gazette", "Coastal Wire"])
        #expect(!reading.facts.contains { $0.outlets.contains("Bay Ledger") && $0.outlets.count > 1 })

        var totals = AlignmentReading.Totals()
        totals.add(reading)
        #expect(totals.stories == 1 && totals.articles == 3)
        #expect(totals.sharedFacts == reading.sharedFacts.count && totals.sharedFacts >= 1)

        let dump = AlignmentReading.dump(reading, articles: story.articles)
        #expect(dump.first == "## allsides-1: Ferry terminal approved")
        #expect(dump.contains { $0.hasPrefix("  - Harbor Gazette: The city council voted 7-2") })
        #expect(dump.contains { $0.hasPrefix("  - Coastal Wire: By a 7-2 vote") })
    }

    @Test func theRoundupsGiveSharedFactsThatEachNameTwoOutlets() throws {
        guard let root = SharedData.root else {
            print("notice: ../shared is absent; skipping the AllSides alignment reading")
            return
        }
        let stories = try AlignmentReading.loadAllSides(root.appendingPathComponent("data/stories/allsides-roundups-dev.jsonl"), limit: 20)
        #expect(stories.count == 20)
        var totals = AlignmentReading.Totals()
        for story in stories {
            let reading = AlignmentReading.read(story)
            totals.add(reading)
            for fact in reading.sharedFacts {
                // Every shared fact has a sentence from each of at least two distinct outlets.
                let outlets = Set(fact.mentions.compactMap { mention in story.articles.first { $0.id == mention.article }?.provenance.outlet })
                #expect(outlets.count >= 2, "\(fact.text)")
            }
        }
        // Short leads of three outlets on one event share some facts, and most stay one outlet's.
        #expect(totals.sharedFacts >= 5, "\(totals)")
        #expect(totals.exclusiveFacts > totals.sharedFacts, "\(totals)")
    }
}
