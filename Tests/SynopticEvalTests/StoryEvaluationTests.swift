import Foundation
import SynopticEval
import SynopticTestSupport
import Testing

@Suite struct StoryEvaluationTests {
    @Test func bCubedCountsEachArticlesShareOfItsStory() {
        // Gold: a a a b b; predicted: {0 1} {2 3 4}.
        let score = StoryEvaluation.bCubed([[0, 1], [2, 3, 4]], gold: ["a", "a", "a", "b", "b"])
        // Precision: 1, 1, 1/3, 2/3, 2/3 → 11/15; recall: 2/3, 2/3, 1/3, 1, 1 → 11/15.
        #expect(abs(score.precision - 11.0 / 15) < 1e-9)
        #expect(abs(score.recall - 11.0 / 15) < 1e-9)
        #expect(score.storiesFound == 2 && score.storiesExpected == 2 && score.storiesExact == 0)
        let perfect = StoryEvaluation.bCubed([[1, 0, 2], [4, 3]], gold: ["a", "a", "a", "b", "b"])
        #expect(perfect.f1 == 1 && perfect.storiesExact == 2)
    }

    @Test func allSidesDevStoriesAreFoundWithB3F1AtLeast095() throws {
        guard let root = SharedData.root else {
            print("notice: ../shared is absent; skipping the AllSides story clustering check")
            return
        }
        let items = try StoryEvaluation.load(root.appendingPathComponent("data/stories/allsides-roundups-dev.jsonl"))
        #expect(items.count > 700)
        let (score, _) = StoryEvaluation().score(items)
        #expect(score.f1 >= 0.95, "\(score)")
    }
}
