import Foundation
import SynopticCore
import SynopticEval
import SynopticTestSupport
import Testing

@Suite("Time evaluation")
struct TimeEvaluationTests {
    /// A TimeML document written for this test (an invented event).
    static let document = """
        <?xml version="1.0" ?>
        <TimeML>
        <DCT><TIMEX3 tid="t0" type="DATE" value="2022-01-14" temporalFunction="false" functionInDocument="CREATION_TIME">20220114</TIMEX3></DCT>
        <TEXT>
        The harbor council <EVENT eid="e1">voted</EVENT> <TIMEX3 tid="t1" type="DATE" value="2022-01-13">Thursday</TIMEX3> to close the pier for <TIMEX3 tid="t2" type="DURATION" value="P3D">three days</TIMEX3>, citing cracks found <TIMEX3 tid="t3" type="DATE" value="2022-W01">last week</TIMEX3>. Tolls &amp; fares rise <TIMEX3 tid="t4" type="DATE" value="2022-03">in March</TIMEX3>.
        </TEXT>
        </TimeML>
        """

    @Test("TimeML is read as plain text with gold spans; the creation time is the anchor, not a gold item")
    func reading() {
        let doc = TimeEvaluation.read(Self.document, name: "t")
        #expect(doc.creationTime == "2022-01-14")
        #expect(doc.gold.count == 4)
        #expect(doc.text.contains("Tolls & fares"))
        let scalars = Array(doc.text.unicodeScalars)
        let first = doc.gold[0].span
        #expect(String(String.UnicodeScalarView(scalars[first.start..<first.end])) == "Thursday")
        #expect(doc.gold[1].value == "P3D")
        #expect(doc.gold[3].type == "DATE")
    }

    @Test("relaxed and strict detection, value F1 and type accuracy")
    func scoring() {
        let doc = TimeEvaluation.read(Self.document, name: "t")
        let score = TimeEvaluation().score([doc])
        #expect(score.gold == 4)
        #expect(score.predicted == 4)
        #expect(score.relaxedMatches == 4)
        // "in March" is gold with its preposition; the tagger's span is "March": relaxed only.
        #expect(score.strictMatches == 3)
        #expect(score.valueCorrect == 4)
        #expect(score.valueF1 == 1)
        #expect(score.typeAccuracy == 1)
    }

    /// A second invented document: a gold span the tagger finds only in part, a gold value it gets
    /// wrong, a gold expression it misses and a time the annotators left untagged.
    static let partial = """
        <?xml version="1.0" ?>
        <TimeML>
        <DCT><TIMEX3 tid="t0" type="DATE" value="2022-01-14" temporalFunction="false" functionInDocument="CREATION_TIME">20220114</TIMEX3></DCT>
        <TEXT>
        The ferry sank <TIMEX3 tid="t1" type="DATE" value="2022-01-13TNI">Thursday night</TIMEX3>, in the first storm of <TIMEX3 tid="t2" type="DATE" value="2021-WI">the winter</TIMEX3>. Divers searched <TIMEX3 tid="t3" type="DURATION" value="PXX">a good while</TIMEX3> and will try again next week.
        </TEXT>
        </TimeML>
        """

    @Test("value F1 is TempEval-3's: value accuracy over relaxed matches times relaxed F1")
    func tempEvalValueF1() {
        let doc = TimeEvaluation.read(Self.partial, name: "p")
        let (score, mistakes) = TimeEvaluation().evaluate([doc])
        // Found: "Thursday night" (exact), "the winter" (2022-WI, a wrong value), "next week" (not
        // gold); "a good while" is missed.
        #expect(score.gold == 3)
        #expect(score.predicted == 3)
        #expect(score.relaxedMatches == 2)
        #expect(score.valueCorrect == 1)
        #expect(abs(score.valueF1 - score.valueAccuracy * score.relaxedF1) < 1e-12)
        #expect(abs(score.valueF1 - 2.0 * 1 / (3 + 3)) < 1e-12)
        #expect(mistakes.map(\.kind).sorted { $0.rawValue < $1.rawValue } == [.missed, .spurious, .value])
    }

    @Test("on TempEval-3 training (TBAQ-cleaned), value F1 holds its measured level")
    func publicCorpus() throws {
        guard let root = SharedData.root else {
            print("notice: ../shared is absent; skipping the time evaluation on public data")
            return
        }
        let documents = try TimeEvaluation.load(root.appendingPathComponent("data/temporal/tempeval3-training"))
        #expect(documents.count >= 250)
        let score = TimeEvaluation().score(documents)
        #expect(score.gold >= 1800)
        #expect(score.relaxedF1 >= 0.945, "\(score)")
        #expect(score.valueF1 >= 0.82, "\(score)")
    }
}
