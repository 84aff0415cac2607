import Foundation
import SynopticEval
import SynopticTestSupport
import Testing

@Suite("Duplicate evaluation")
struct DuplicateEvaluationTests {
    /// Invented sources: numbered sentences about invented places, long enough to copy and trim.
    static let sources: [DuplicateSource] = (0..<12).map { n in
        let paragraphs = (0..<5).map { p in
            "Report \(n) paragraph \(p): the council of Brindlemoor \(n) met on day \(p) to weigh the harbour levy, the tram extension "
                + "number \(n * 7 + p) and a plan for \(p + 3) new ferry berths, and members argued until late about the cost to the town \(n)."
        }
        return DuplicateSource(id: "s\(n)", title: "Brindlemoor council meeting \(n)", paragraphs: paragraphs, topic: "day \(n % 3)")
    }

    @Test("the same seed gives the same set; families make the positives")
    func reproducible() {
        let a = DuplicateSet(sources: Self.sources, seed: 7)
        let b = DuplicateSet(sources: Self.sources, seed: 7)
        #expect(a.texts == b.texts)
        #expect(a.positives == b.positives)
        #expect(DuplicateSet(sources: Self.sources, seed: 8).texts != a.texts)
        #expect(a.texts.count > Self.sources.count)
        for pair in a.positives { #expect(a.texts[pair.first].family == a.texts[pair.second].family) }
        // Hard negatives are originals of different sources on one topic.
        for pair in a.hardNegatives {
            let x = a.texts[pair.first], y = a.texts[pair.second]
            #expect(x.edits == "original" && y.edits == "original" && x.family != y.family)
        }
    }

    @Test("scores count pairs found, missed and invented")
    func scoring() {
        let set = DuplicateSet(sources: Self.sources, seed: 7)
        let perfect = DuplicateEvaluation.score(set.positives, in: set)
        #expect(perfect.precision == 1 && perfect.recall == 1)
        let wrong = set.hardNegatives.first.map { Set([$0]) } ?? []
        let none = DuplicateEvaluation.score(wrong, in: set)
        #expect(none.recall == 0)
        #expect(none.hardNegativesReported == wrong.count)
    }

    @Test("Synoptic on the generated set from ../shared/data: precision ≥ 0.99, recall ≥ 0.95")
    func generatedSet() throws {
        guard let shared = SharedData.root else {
            print("notice: ../shared is absent; skipping the generated duplicate set")
            return
        }
        let sources = try DuplicateSource.load(shared.appendingPathComponent("data"))
        guard !sources.isEmpty else {
            print("notice: no PolNeAR or AllSides texts under ../shared/data; skipping the generated duplicate set")
            return
        }
        let set = DuplicateSet(sources: sources)
        let run = DuplicateEvaluation.runSynoptic(set)
        let score = DuplicateEvaluation.score(run.pairs, in: set)
        #expect(set.positives.count > 1_000)
        #expect(score.precision >= 0.99, "\(score)")
        #expect(score.recall >= 0.95, "\(score)")
        #expect(score.hardNegativesReported == 0)
    }
}
