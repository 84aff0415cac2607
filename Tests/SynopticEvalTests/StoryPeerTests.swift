import Foundation
import SynopticEval
import Testing

/// The Swift side of the scikit-learn story peer: what it is given and how its answer is read.
/// Nothing here runs Python or needs the network.
@Suite struct StoryPeerTests {
    /// Two stories in the AllSides shape: one of two dated articles, one of one undated article.
    static func items() throws -> [StoryEvaluation.Item] {
        let lines = [
            #"{"id": 10, "date": "2021-10-18T11:30:00-07:00", "news": {"left": {"newsSource": "A", "newsTitle": "Powell dies at 84", "newBody": ["Colin Powell died on Monday."]}, "right": {"newsSource": "B", "newsTitle": "Colin Powell dead", "newBody": ["The former secretary of state died."]}}}"#,
            #"{"id": 12, "news": {"center": {"newsSource": "C", "newsTitle": "Budget passes", "newBody": ["The Senate passed the budget."]}}}"#,
        ]
        // A file of its own per call: the tests run in parallel.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("story-peer-test-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(lines.joined(separator: "\n").utf8).write(to: file)
        return try StoryEvaluation.load(file)
    }

    @Test func peerIsGivenIdTitleTextAndDayOfEachArticle() throws {
        let items = try Self.items()
        let articles = StoryPeer.articles(items)
        #expect(articles.count == 3)
        #expect(articles.map { $0["id"] as? String } == ["10-left", "10-right", "12-center"])
        #expect(articles[0]["title"] as? String == "Powell dies at 84")
        #expect(articles[0]["text"] as? String == "Colin Powell died on Monday.")
        #expect(articles[0]["date"] as? String == "2021-10-18")
        #expect(articles[2]["date"] is NSNull)
        // PeerRunner writes each as one JSON line.
        for article in articles {
            let line = try JSONSerialization.data(withJSONObject: article)
            #expect(!line.contains(0x0A))
        }
    }

    @Test func peerLineBecomesStoriesInArticleOrder() throws {
        let items = try Self.items()
        let printed = #"""
            {"peer": "scikit-learn agglomerative", "version": "1.9.1", "variant": "text + same day", "threshold": 0.96, "seconds": 0.12, "labels": {"12-center": 0, "10-right": 7, "10-left": 7}}
            """#
        let line = try #require(try JSONSerialization.jsonObject(with: Data(printed.utf8)) as? [String: Any])
        let run = try #require(StoryPeer.run(from: line, items: items))
        #expect(run.clusters == [[0, 1], [2]])
        #expect(run.variant == "text + same day" && run.threshold == 0.96 && run.seconds == 0.12 && run.version == "1.9.1")
        #expect(StoryEvaluation.bCubed(run.clusters, gold: items.map(\.story)).f1 == 1)
    }

    @Test func partialOrForeignLinesAreNotRuns() throws {
        let items = try Self.items()
        let partial: [String: Any] = ["peer": "p", "variant": "text only", "threshold": 0.5, "labels": ["10-left": 0, "10-right": 0]]
        let misnamed: [String: Any] = ["peer": "p", "variant": "text only", "threshold": 0.5, "labels": ["10-left": 0, "10-right": 0, "12-left": 1]]
        #expect(StoryPeer.run(from: partial, items: items) == nil)
        #expect(StoryPeer.run(from: misnamed, items: items) == nil)
        #expect(StoryPeer.run(from: ["notice": "installing"], items: items) == nil)
    }

    @Test func bestThresholdIsChosenPerVariantByF1() throws {
        let items = try Self.items()
        func run(_ variant: String, _ threshold: Double, _ clusters: [[Int]]) -> StoryPeer.Run {
            StoryPeer.Run(peer: "p", version: "", variant: variant, threshold: threshold, seconds: 0, clusters: clusters)
        }
        let runs = [
            run("text only", 0.5, [[0], [1], [2]]),
            run("text only", 0.6, [[0, 1], [2]]),
            run("text only", 0.7, [[0, 1], [2]]),
            run("text + same day", 0.5, [[0, 1, 2]]),
        ]
        let best = StoryPeer.best(runs, gold: items.map(\.story))
        #expect(best.map(\.run.variant) == ["text only", "text + same day"])
        // A tie goes to the lower threshold.
        #expect(best[0].run.threshold == 0.6 && best[0].score.f1 == 1)
        #expect(best[1].run.threshold == 0.5)
    }

    @Test func dayAloneGroupsDatedArticlesAndLeavesUndatedOnesAlone() throws {
        #expect(StoryPeer.dayAlone(try Self.items()) == [[0, 1], [2]])
    }
}
