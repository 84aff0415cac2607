import Foundation
import SynopticEval
import SynopticTestSupport
import Testing

@Suite struct SummaryEvaluationTests {
    @Test func neusLinesSplitIntoTitledArticles() {
        let line =
            "TITLE=> Bridge reopens. ARTICLE=> The bridge reopened on Monday. Traffic was light. [SEP] TITLE=> Span back. ARTICLE=> Cars crossed again."
        let articles = SummaryEvaluation.neusArticles(line)
        #expect(articles.map(\.title) == ["Bridge reopens.", "Span back."])
        #expect(articles.map(\.text) == ["The bridge reopened on Monday. Traffic was light.", "Cars crossed again."])
        #expect(SummaryEvaluation.neusField("TITLE=> A. ARTICLE=> Only this counts.").article == "Only this counts.")
    }

    @Test func summariesAreCutToTheBudgetInWhitespaceWords() {
        #expect(SummaryEvaluation.wordCount(" one  two\tthree\n") == 3)
        #expect(SummaryEvaluation.truncate(["First one here.", "Second  one."], words: 4) == "First one here. Second")
        #expect(SummaryEvaluation.truncate(["Short."], words: 10) == "Short.")
    }

    @Test func storiesBecomeArticlesWithIdsOutletsAndSentences() {
        let story = SummaryEvaluation.Story(
            id: "s", sources: [.init(title: "Bridge reopens", text: "The bridge reopened on Monday. Traffic was light.")],
            reference: "The bridge is open again.")
        #expect(story.words == 5)
        let article = story.articles[0]
        #expect(article.id == "s-1" && article.title == "Bridge reopens" && article.provenance.outlet == "outlet 1")
        #expect(SummaryEvaluation.leadSummary(articles: story.articles) == ["The bridge reopened on Monday.", "Traffic was light."])
    }

    @Test func centroidPrefersTheCentralSentenceAndSkipsRepeats() {
        let sentences = [
            "Weather was mild in the north of the country on Tuesday.",
            "The council approved the new budget for schools on Monday night.",
            "The council approved the new budget for schools on Monday.",
            "Schools will get more money under the budget the council approved.",
        ]
        let chosen = CentroidSummarizer().summarize(sentences, words: 20)
        #expect(chosen.first?.contains("council approved") == true)
        #expect(!(chosen.contains(sentences[1]) && chosen.contains(sentences[2])))
        #expect(!chosen.contains(sentences[0]))
    }

    @Test func neusValIsReadWhole() throws {
        guard let root = SharedData.root else {
            print("notice: ../shared is absent; skipping the NeuS reading check")
            return
        }
        let stories = try SummaryEvaluation.loadNeuS(directory: root.appendingPathComponent("data/summaries/neus"), split: "val")
        #expect(stories.count == 307)
        // Two articles of val have an empty body (stories 146 and 290) and one a single short line the
        // assembler takes as debris (story 242): they stay, without sentences.
        #expect(stories.allSatisfy { $0.articles.count >= 2 && $0.words > 0 && !$0.articles[0].sentences.isEmpty })
        #expect(stories.reduce(0) { $0 + $1.articles.filter(\.sentences.isEmpty).count } == 3)
        let allSides = try SummaryEvaluation.loadAllSides(root.appendingPathComponent("data/stories/allsides-roundups-dev.jsonl"))
        #expect(allSides.count > 200)
    }
}
