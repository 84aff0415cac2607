import Foundation
import SynopticTestSupport
import Testing

@Suite("synoptic brief, end to end")
struct CommandLineTests {
    @Test("JSON output carries every field of the contract, on the seed reports")
    func jsonContract() throws {
        guard let seeds = SharedData.seedPaths(for: "the JSON contract test on seeds") else { return }
        let result = try SynopticProcess.run(["brief", "--format", "json"] + seeds)
        #expect(result.status == 0, "\(result.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(document["version"] as? Int == 1)
        let articles = try #require(document["articles"] as? [[String: Any]])
        #expect(articles.count == seeds.count)
        for article in articles {
            for key in [
                "id", "path", "title", "outlet", "dateline", "published", "body", "paragraphs", "removed", "word_count", "authors", "credits", "url",
            ] {
                #expect(article.keys.contains(key), "article lacks \(key)")
            }
            let body = try #require(article["body"] as? String)
            let scalars = Array(body.unicodeScalars)
            for paragraph in try #require(article["paragraphs"] as? [[String: Any]]) {
                let start = try #require(paragraph["start"] as? Int), end = try #require(paragraph["end"] as? Int)
                #expect(String(String.UnicodeScalarView(scalars[start..<end])) == paragraph["text"] as? String)
                for sentence in try #require(paragraph["sentences"] as? [[String: Any]]) {
                    let s = try #require(sentence["start"] as? Int), e = try #require(sentence["end"] as? Int)
                    #expect(s >= start && e <= end)
                    #expect(String(String.UnicodeScalarView(scalars[s..<e])) == sentence["text"] as? String)
                }
            }
        }
        let stories = try #require(document["stories"] as? [[String: Any]])
        #expect(stories.count == 1)
        let story = try #require(stories.first)
        for key in ["id", "title", "articles", "summary", "quotes", "people", "versions", "timeline"] {
            #expect(story.keys.contains(key), "story lacks \(key)")
        }
        #expect((story["articles"] as? [String])?.count == seeds.count)
        let summary = try #require(story["summary"] as? [[String: Any]])
        #expect(!summary.isEmpty && summary.count <= 5)
        let bodies = Dictionary(uniqueKeysWithValues: articles.map { ($0["id"] as! String, $0["body"] as! String) })
        for line in summary {
            let sources = try #require(line["sources"] as? [String])
            let text = try #require(line["text"] as? String)
            let origin = try #require(line["article"] as? String)
            #expect(sources.first == origin)
            // Every summary line is quoted exactly from its first source.
            let body = Array(try #require(bodies[origin]).unicodeScalars)
            let s = try #require(line["start"] as? Int), e = try #require(line["end"] as? Int)
            #expect(String(String.UnicodeScalarView(body[s..<e])) == text)
        }
        // Quotes carry every field, and their span leads back to the words in the article.
        let quotes = try #require(story["quotes"] as? [[String: Any]])
        #expect(!quotes.isEmpty)
        for quote in quotes {
            #expect(Set(quote.keys) == ["text", "speaker", "cue", "article", "span", "partial", "confidence"])
            let span = try #require(quote["span"] as? [String: Int])
            let article = try #require(quote["article"] as? String)
            let body = Array(try #require(bodies[article]).unicodeScalars)
            let start = try #require(span["start"]), end = try #require(span["end"])
            #expect(String(String.UnicodeScalarView(body[start..<end])) == quote["text"] as? String)
        }
        for key in ["people", "organizations", "places", "figures", "dates"] { #expect(story[key] is [Any], "\(key)") }
        let people = try #require(story["people"] as? [[String: Any]])
        #expect(people.allSatisfy { Set($0.keys) == ["name", "aliases", "roles", "mentions", "articles"] })
        // The synthesis fields: facts, disagreements, exclusives and the timeline, every entry
        // with its sources.
        let timeline = try #require(story["timeline"] as? [[String: Any]])
        #expect(!timeline.isEmpty)
        #expect(timeline.allSatisfy { Set($0.keys) == ["date", "text", "sources", "when", "resolved", "outlets", "references"] })
        #expect(timeline.allSatisfy { !(($0["sources"] as? [String]) ?? []).isEmpty })
        let facts = try #require(story["facts"] as? [[String: Any]])
        #expect(
            facts.allSatisfy { Set($0.keys) == ["id", "text", "status", "sources", "outlets", "article", "start", "end", "mentions", "salience"] })
        for fact in facts {
            let factArticle = try #require(fact["article"] as? String)
            let body = Array(try #require(bodies[factArticle]).unicodeScalars)
            let start = try #require(fact["start"] as? Int), end = try #require(fact["end"] as? Int)
            #expect(String(String.UnicodeScalarView(body[start..<end])) == fact["text"] as? String)
        }
        let disagreements = try #require(story["disagreements"] as? [[String: Any]])
        #expect(disagreements.allSatisfy { Set($0.keys) == ["kind", "subject", "sides", "note", "facts"] })
        #expect(story["exclusives"] is [Any])
    }

    @Test("Markdown and text formats, and --out")
    func formats() throws {
        guard let seeds = SharedData.seedPaths(for: "the format test on seeds") else { return }
        let markdown = try SynopticProcess.run(["brief"] + seeds)
        #expect(markdown.status == 0)
        #expect(markdown.stdout.hasPrefix("# "))
        #expect(markdown.stdout.contains("## Summary") && markdown.stdout.contains("## Sources"))
        let text = try SynopticProcess.run(["brief", "--format", "text", "--sentences", "2"] + seeds)
        #expect(text.stdout.contains("SUMMARY") && text.stdout.contains("SOURCES"))
        #expect(text.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 || !$0.contains(" ") })
        let dir = try SharedData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("brief.md").path
        let written = try SynopticProcess.run(["brief", "--out", out] + seeds)
        #expect(written.status == 0 && written.stdout.isEmpty)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == markdown.stdout)
    }

    @Test("standard input is read with -")
    func standardInput() throws {
        let result = try SynopticProcess.run(
            ["brief", "--format", "json", "-"],
            stdin: Data(
                "Bridge Shut for Repairs\n\nPORT ELLIS — The harbor bridge shut on Tuesday after inspectors found two cracked cables, officials said."
                    .utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(#""id" : "stdin""#))
        #expect(result.stdout.contains(#""dateline" : "PORT ELLIS""#))
        #expect(result.stdout.contains(#""path" : "-""#))
    }

    @Test("a bad batch: one stderr line per problem naming the file, the rest processed, non-zero exit")
    func badBatch() throws {
        let dir = try SharedData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let good = dir.appendingPathComponent("good.txt")
        try "Bridge Shut\n\nThe harbor bridge shut on Tuesday after inspectors found two cracked cables in its span.".write(
            to: good, atomically: true, encoding: .utf8)
        let binary = dir.appendingPathComponent("binary.txt")
        _ = FileManager.default.createFile(atPath: binary.path, contents: Data((0..<2048).map { UInt8(truncatingIfNeeded: $0 &* 7) }))
        let empty = dir.appendingPathComponent("empty.txt")
        _ = FileManager.default.createFile(atPath: empty.path, contents: Data())
        let jsonl = dir.appendingPathComponent("records.jsonl")
        try (#"{"id":"ok","text":"Ferries added two crossings an hour while the bridge stays shut, the transit authority said."}"# + "\n{oops\n")
            .write(
                to: jsonl, atomically: true, encoding: .utf8)
        let missing = dir.appendingPathComponent("missing.txt").path
        let result = try SynopticProcess.run(["brief", "--format", "json", good.path, binary.path, empty.path, jsonl.path, missing])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 4, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("synoptic: \(binary.path): binary file") })
        #expect(lines.contains { $0 == "synoptic: \(empty.path): empty file" })
        #expect(lines.contains { $0.hasPrefix("synoptic: \(jsonl.path):2: not valid JSON") })
        #expect(lines.contains { $0 == "synoptic: \(missing): no such file or directory" })
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let ids = (document["articles"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
        #expect(ids == ["good", "ok"])
        #expect((document["diagnostics"] as? [Any])?.count == 4)
    }

    @Test("nothing readable: exit status 2 and a clear message")
    func nothingReadable() throws {
        let result = try SynopticProcess.run(["brief", "/nonexistent/path.txt"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("/nonexistent/path.txt: no such file or directory"))
        #expect(result.stderr.contains("no article could be read"))
    }

    @Test("the same file name twice gets unique ids")
    func uniqueIDs() throws {
        let dir = try SharedData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("a"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("b"), withIntermediateDirectories: true)
        for sub in ["a", "b"] {
            try "Report \(sub)\n\nThe harbor bridge shut on Tuesday, officials in district \(sub) said.".write(
                to: dir.appendingPathComponent("\(sub)/report.txt"), atomically: true, encoding: .utf8)
        }
        let result = try SynopticProcess.run(["brief", "--format", "json", dir.path])
        #expect(result.stdout.contains(#""id" : "report""#) && result.stdout.contains(#""id" : "report-2""#))
    }
}
