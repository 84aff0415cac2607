import Foundation
import SynopticEval
import SynopticTestSupport
import Testing

@Suite("Sentence evaluation")
struct SentenceEvaluationTests {
    @Test("CAT tokens are read and printed as text, with gold sentence starts")
    func detokenize() {
        let xml = """
            <token number="0" sentence="2" t_id="1">Boeing</token>
            <token number="1" sentence="2" t_id="2">'s</token>
            <token number="2" sentence="2" t_id="3">``</token>
            <token number="3" sentence="2" t_id="4">Dreamliner</token>
            <token number="4" sentence="2" t_id="5">''</token>
            <token number="5" sentence="2" t_id="6">flew</token>
            <token number="6" sentence="2" t_id="7">(</token>
            <token number="7" sentence="2" t_id="8">again</token>
            <token number="8" sentence="2" t_id="9">)</token>
            <token number="9" sentence="2" t_id="10">.</token>
            <token number="10" sentence="3" t_id="11">It</token>
            <token number="11" sentence="3" t_id="12">landed</token>
            <token number="12" sentence="3" t_id="13">&amp;</token>
            <token number="13" sentence="3" t_id="14">taxied</token>
            <token number="14" sentence="3" t_id="15">.</token>
            """
        let document = TokenizedDocument.readCAT(xml, name: "t")
        #expect(document.tokens.count == 15)
        let text = DetokenizedText(document.tokens[...])
        #expect(text.text == "Boeing's “Dreamliner” flew (again). It landed & taxied.")
        #expect(text.boundaries == [36])
        #expect(text.sentenceCount == 2)
    }

    @Test("scores count boundaries found, missed and invented")
    func scoring() {
        let evaluation = SentenceEvaluation()
        // Gold has a third boundary inside "5 p.m. Friday" that the segmenter rightly does not take,
        // and the text has two it does find.
        let text = "Mr. Lee left. He came back at 5 p.m. Friday. Then it rained."
        let item = SentenceEvaluation.Item(name: "x", text: text, boundaries: [14, 37, 45])
        let score = evaluation.score([item], keepsQuotationsWhole: false)
        #expect(evaluation.predictedBoundaries(text, keepsQuotationsWhole: false) == [14, 45])
        #expect(score.gold == 3)
        #expect(score.truePositives == 2)
        #expect(score.predicted == 2)
        #expect(score.precision == 1)
        #expect(abs(score.recall - 2.0 / 3.0) < 1e-9)
        #expect(abs(score.f1 - 0.8) < 1e-9)
    }

    @Test("on the SemEval-2015 TimeLine corpus, boundary F1 is at least 0.95")
    func publicCorpus() throws {
        guard let root = SharedData.root else {
            print("notice: ../shared is absent; skipping the sentence evaluation on public data")
            return
        }
        let items = try SentenceEvaluation.loadTimeLineCorpus(root.appendingPathComponent("data/temporal/timeline-semeval2015/corpus_1"))
        #expect(items.count == 30)
        let score = SentenceEvaluation().score(items, keepsQuotationsWhole: false)
        #expect(score.gold >= 300)
        #expect(score.f1 >= 0.95, "\(score)")
    }
}
