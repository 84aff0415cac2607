import Foundation
import SynopticEval
import SynopticTestSupport
import Testing

@Suite struct RougeTests {
    let rouge = Rouge()

    @Test func tokensAreLowercaseAlphanumericRunsStemmedAboveThreeLetters() {
        #expect(RougeTokenizer().tokens("The Senators' votes, in 2022!") == ["the", "senat", "vote", "in", "2022"])
        #expect(RougeTokenizer().tokens("U.S.-led talks — café") == ["u", "s", "led", "talk", "caf"])
        #expect(RougeTokenizer(stems: false).tokens("Talks ran") == ["talks", "ran"])
    }

    @Test func ngramAndLCSScoresByHand() {
        let scores = rouge.score(reference: "the cat sat on the mat", candidate: "the cat lay on a mat")
        // Unigrams: the, cat, on, mat shared (the: min(2, 1)) → 4 of 6 each side.
        #expect(abs(scores.rouge1.f1 - 4.0 / 6) < 1e-12)
        // Bigrams: "the cat" only → 1 of 5.
        #expect(abs(scores.rouge2.f1 - 1.0 / 5) < 1e-12)
        // LCS: the cat on mat → 4.
        #expect(abs(scores.rougeL.f1 - 4.0 / 6) < 1e-12)
        let empty = rouge.score(reference: "words here", candidate: "…")
        #expect(empty.rouge1.f1 == 0 && empty.rouge2.f1 == 0 && empty.rougeL.f1 == 0)
    }

    @Test func scoresEqualRougeScoreOnNeuSValLeadSummaries() throws {
        guard let root = SharedData.root else {
            print("notice: ../shared is absent; skipping the rouge-score comparison")
            return
        }
        let directory = root.appendingPathComponent("data/summaries/neus")
        let sources = try String(contentsOf: directory.appendingPathComponent("val.source"), encoding: .utf8).split(separator: "\n")
        let targets = try String(contentsOf: directory.appendingPathComponent("val.target"), encoding: .utf8).split(separator: "\n")
        // A fixed sample: every fifth story, its first article cut to the reference's length.
        var pairs: [[String]] = []
        for index in stride(from: 0, to: min(sources.count, targets.count), by: 5) {
            let reference = SummaryEvaluation.neusField(String(targets[index])).article
            let lead = SummaryEvaluation.neusArticles(String(sources[index])).first?.text ?? ""
            pairs.append([reference, SummaryEvaluation.truncate([lead], words: SummaryEvaluation.wordCount(reference))])
        }
        // Invented pairs for the corners: punctuation, digits, non-ASCII letters, an empty side.
        pairs += [
            ["The K\u{212A}-9 unit's 3rd İstanbul visit — naïve?", "k9 units 3rd istanbul visits, naive"],
            ["Nothing in common.", ""], ["a", "a"], ["Ratings rated rating, rates", "rate rated ratings"],
        ]
        let program = """
            import json, sys
            from rouge_score import rouge_scorer
            scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
            scores = [scorer.score(r, c) for r, c in json.load(open(sys.argv[1]))]
            print(json.dumps([[s[k].fmeasure for k in ("rouge1", "rouge2", "rougeL")] for s in scores]))
            """
        guard
            let output = try PythonReference.output(
                of: program, input: try JSONSerialization.data(withJSONObject: pairs), module: "rouge_score",
                skipping: "the rouge-score comparison")
        else { return }
        let expected = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[Double]])
        try #require(expected.count == pairs.count)
        #expect(pairs.count >= 50)
        var largest = 0.0
        for (pair, theirs) in zip(pairs, expected) {
            let ours = rouge.score(reference: pair[0], candidate: pair[1])
            let differences = zip([ours.rouge1.f1, ours.rouge2.f1, ours.rougeL.f1], theirs).map { abs($0 - $1) }
            largest = max(largest, differences.max()!)
            #expect(differences.allSatisfy { $0 < 0.0005 }, "\(pair[1].prefix(60)): ours \(ours), rouge-score \(theirs)")
        }
        print("ROUGE against rouge-score on \(pairs.count) pairs: largest difference \(largest)")
    }
}
