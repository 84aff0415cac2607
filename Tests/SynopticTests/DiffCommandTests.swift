import Foundation
import SynopticTestSupport
import Testing

@Suite("synoptic diff, end to end")
struct DiffCommandTests {
    static func write(_ lines: [String], outlet: String, to url: URL) throws {
        let text = "---\noutlet: \(outlet)\n---\n" + lines.joined(separator: "\n\n") + "\n"
        try Data(text.utf8).write(to: url)
    }

    /// Two versions of an invented report.
    static let earlier = [
        "Council delays vote on harbor tunnel",
        "PORT ELLIS — The city council delayed its vote on the harbor tunnel on Tuesday after 12 members asked for a new cost estimate, the clerk said.",
        "The tunnel would link the container terminal with the ring road and take about four years to build, according to the plans filed last spring.",
        "“We are not going to sign a blank check for a hole under the harbor,” said Councilwoman Dana Okafor, who chairs the finance committee.",
        "Opponents of the project gathered outside city hall before the session and handed out leaflets about the cost of similar projects elsewhere.",
    ]
    static let later = [
        "Council delays harbor tunnel vote until March",
        "PORT ELLIS — The city council delayed its vote on the harbor tunnel on Tuesday after 14 members asked for a new cost estimate, the clerk said.",
        "The tunnel would link the container terminal with the ring road and take about four years to build, according to the plans filed last spring.",
        "“We are not going to sign a blank check for a tunnel under the harbor,” said Councilwoman Dana Okafor, who chairs the finance committee.",
        "The mayor’s office said a revised estimate would be ready before the council meets again in March, and that the vote would follow.",
    ]

    @Test("text and JSON name the headline change, the paragraphs, the figure and the quotation")
    func invented() throws {
        let directory = try SharedData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let a = directory.appendingPathComponent("v1.txt"), b = directory.appendingPathComponent("v2.txt")
        try Self.write(Self.earlier, outlet: "Harbor Courier", to: a)
        try Self.write(Self.later, outlet: "Harbor Courier", to: b)
        let text = try SynopticProcess.run(["diff", a.path, b.path])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("Headline changed:"))
        #expect(text.stdout.contains("[-12-] {+14+}"))
        #expect(text.stdout.contains("1 added, 1 removed, 2 rewritten, 0 moved"))
        #expect(text.stdout.contains("~ 12 → 14"))
        #expect(text.stdout.contains("[-hole-] {+tunnel+}"))
        #expect(!text.stdout.contains("\u{1B}["), "no colour when not printing to a terminal")
        let json = try SynopticProcess.run(["diff", "--format", "json", a.path, b.path])
        #expect(json.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let headline = try #require(document["headline"] as? [String: Any])
        #expect(headline["changed"] as? Bool == true)
        let counts = try #require(document["counts"] as? [String: Int])
        #expect(counts == ["unchanged": 1, "added": 1, "removed": 1, "rewritten": 2, "moved": 0])
        let figures = try #require(document["figures"] as? [[String: Any]])
        #expect(figures.first?["change"] as? String == "changed")
        let quotes = try #require(document["quotes"] as? [[String: Any]])
        #expect(quotes.first?["change"] as? String == "changed")
        #expect(quotes.first?.keys.contains("speaker") == true)
        let colored = try SynopticProcess.run(["diff", "--color", "always", a.path, b.path])
        #expect(colored.stdout.contains("\u{1B}[31m12\u{1B}[0m"))
    }

    @Test("a missing or binary file is an error naming the file")
    func badInput() throws {
        let directory = try SharedData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let good = directory.appendingPathComponent("good.txt")
        try Self.write(Self.earlier, outlet: "Harbor Courier", to: good)
        let missing = directory.appendingPathComponent("missing.txt").path
        let result = try SynopticProcess.run(["diff", good.path, missing])
        #expect(result.status == 2)
        #expect(result.stderr.contains("missing.txt"))
        let binary = directory.appendingPathComponent("blob.txt")
        try Data((0..<2048).map { UInt8(truncatingIfNeeded: $0 &* 37) }).write(to: binary)
        let binaryResult = try SynopticProcess.run(["diff", binary.path, good.path])
        #expect(binaryResult.status == 2)
        #expect(binaryResult.stderr.contains("blob.txt"))
        #expect(binaryResult.stdout.isEmpty)
    }

    @Test("on the seeds: the diff of 001 to 000 names the headline change and what each version alone carries")
    func seeds() throws {
        guard let seeds = SharedData.seedPaths(for: "the seed diff test"), seeds.count == 5 else { return }
        let result = try SynopticProcess.run(["diff", "--format", "json", seeds[1], seeds[0]])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((document["headline"] as? [String: Any])?["changed"] as? Bool == true)
        let paragraphs = try #require(document["paragraphs"] as? [[String: Any]])
        #expect(paragraphs.contains { $0["change"] as? String == "added" })
        #expect(paragraphs.contains { $0["change"] as? String == "removed" })
    }

    @Test("the briefing of the seeds lists 001 → 000 as versions, in JSON and in Markdown")
    func briefing() throws {
        guard let seeds = SharedData.seedPaths(for: "the seed versions briefing test") else { return }
        let json = try SynopticProcess.run(["brief", "--format", "json"] + seeds)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let stories = try #require(document["stories"] as? [[String: Any]])
        let versions = stories.flatMap { ($0["versions"] as? [[String]]) ?? [] }
        #expect(versions == [["001_0939c7297312eb9e", "000_0810d7bd3e4153b4"]])
        let changes = stories.flatMap { ($0["version_changes"] as? [[String: Any]]) ?? [] }
        #expect(changes.count == 1)
        #expect(changes.first?["headline_changed"] as? Bool == true)
        for key in [
            "earlier", "later", "dek_changed", "paragraphs_added", "paragraphs_removed", "paragraphs_rewritten", "paragraphs_moved",
            "paragraphs_unchanged", "figures_changed", "quotes_changed",
        ] {
            #expect(changes.first?[key] != nil, "version_changes lacks \(key)")
        }
        let markdown = try SynopticProcess.run(["brief"] + seeds)
        #expect(markdown.stdout.contains("## Versions"))
        #expect(markdown.stdout.contains("headline changed from"))
    }
}
