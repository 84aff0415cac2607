import Foundation
import Synoptic
import SynopticTestSupport
import Testing

/// Input built to make a careless implementation quadratic or crash. The time limit guards against
/// hangs only; speed is measured by the benchmark, not here.
@Suite("Hostile input")
struct HostileInputTests {
    func briefing(of text: String) throws -> Briefing {
        let dir = try SharedData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("hostile.txt")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return BriefingPipeline().run([file.path])
    }

    @Test("thousands of quotation marks and periods in one paragraph", .timeLimit(.minutes(4)))
    func quotesAndPeriods() throws {
        let text = "Headline\n\n" + String(repeating: "“A. B.” “C! ", count: 60_000)
        let result = try briefing(of: text)
        #expect(result.articles.count == 1)
        #expect(!result.articles[0].sentences.isEmpty)
    }

    @Test("one enormous word, runs of periods, and unmatched quotes", .timeLimit(.minutes(4)))
    func degenerateRuns() throws {
        let text =
            "Headline\n\n" + String(repeating: "x", count: 2_000_000) + ". "
            + String(repeating: ".", count: 500_000) + " " + String(repeating: "“", count: 100_000)
            + String(repeating: "&amp;", count: 100_000)
        let result = try briefing(of: text)
        #expect(result.articles.count == 1)
        #expect(result.articles[0].body.contains("&&&"))
    }

    @Test("many short lines and many blank lines", .timeLimit(.minutes(4)))
    func manyLines() throws {
        // Each line differs: a line printed twice would be removed as a repeat.
        let text = "Headline\n" + (0..<100_000).map { "Short line \($0) here.\n\n\n\n\t \n" }.joined()
        let result = try briefing(of: text)
        #expect(result.articles[0].blocks.count == 100_000)
    }

    // About 35 s alone in a debug build (reading, cleaning, extraction, clustering into some 2,400
    // stories, their summaries); the limit leaves room for a busy machine running the other tests
    // beside it and still stops a quadratic pass, which would take hours.
    @Test("a JSON Lines batch of 20,000 articles is briefed", .timeLimit(.minutes(6)))
    func manyArticles() throws {
        let dir = try SharedData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("batch.jsonl")
        var lines: [String] = []
        for i in 0..<20_000 {
            let text =
                "Report \(i)\n\nThe council of district \(i % 97) voted on Tuesday to close bridge number \(i % 13) for repairs, officials said. Ferries will run every \(i % 7 + 5) minutes."
            let data = try JSONSerialization.data(withJSONObject: ["id": "r\(i)", "text": text])
            lines.append(String(decoding: data, as: UTF8.self))
        }
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let result = BriefingPipeline().run([file.path])
        #expect(result.articles.count == 20_000)
        #expect(result.diagnostics.isEmpty)
        #expect(!(result.stories.first?.summary.isEmpty ?? true))
    }
}
