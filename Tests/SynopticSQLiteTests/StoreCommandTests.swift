import Foundation
import GRDB
import SynopticSQLite
import SynopticStore
import SynopticTestSupport
import Testing

@Suite("synoptic ingest, stories, show, export")
struct StoreCommandTests {
    @Test("ingest is idempotent, stories lists, show renders every format, piped output has no progress line")
    func ingestStoriesShow() throws {
        guard let seeds = SharedData.seedPaths(for: "the store commands on seeds") else { return }
        let directory = try SharedData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try SynopticProcess.run(["ingest", "--db", "s.sqlite"] + seeds, in: directory)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("stored \(seeds.count), duplicates 0"), "\(first.stderr)")
        // Standard error is a pipe here: the summary only, no carriage returns.
        #expect(!first.stderr.contains("\r"), "a progress line was written to a pipe")
        #expect(first.stderr.split(separator: "\n").count == 1, "\(first.stderr)")

        let again = try SynopticProcess.run(["ingest", "--db", "s.sqlite"] + seeds, in: directory)
        #expect(again.status == 0)
        #expect(again.stderr.contains("stored 0, duplicates \(seeds.count), stories touched 0"), "\(again.stderr)")

        let listing = try SynopticProcess.run(["stories", "--db", "s.sqlite", "--format", "json"], in: directory)
        #expect(listing.status == 0, "\(listing.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(listing.stdout.utf8)) as? [String: Any])
        let stories = try #require(object["stories"] as? [[String: Any]])
        #expect(object["total"] as? Int == stories.count && !stories.isEmpty)
        #expect(stories.reduce(0) { $0 + ($1["article_count"] as? Int ?? 0) } == seeds.count)
        let id = try #require(stories.first?["id"] as? String)
        let text = try SynopticProcess.run(["stories", "--db", "s.sqlite"], in: directory)
        #expect(text.stdout.contains(id) && text.stdout.contains("of \(stories.count)"), "\(text.stdout)")

        for format in ["md", "json", "html", "text"] {
            let shown = try SynopticProcess.run(["show", id, "--db", "s.sqlite", "--format", format], in: directory)
            #expect(shown.status == 0, "\(format): \(shown.stderr)")
            #expect(shown.stdout.count > 200, "\(format) briefing is nearly empty")
        }
        // The second show of a format comes from the cache, and says the same.
        let once = try SynopticProcess.run(["show", id, "--db", "s.sqlite"], in: directory)
        let twice = try SynopticProcess.run(["show", id, "--db", "s.sqlite", "--out", "b.md"], in: directory)
        #expect(twice.status == 0 && twice.stdout.isEmpty)
        #expect(try String(contentsOf: directory.appendingPathComponent("b.md"), encoding: .utf8) == once.stdout)
    }

    @Test("export, then ingest the export: a fresh store gets the same articles and stories; the same store gets nothing new")
    func exportRoundTrip() async throws {
        guard let seeds = SharedData.seedPaths(for: "the export round trip on seeds") else { return }
        let directory = try SharedData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try SynopticProcess.run(["ingest", "--db", "a.sqlite"] + seeds, in: directory).status == 0)
        let export = try SynopticProcess.run(["export", "--db", "a.sqlite", "--out", "export.json"], in: directory)
        #expect(export.status == 0, "\(export.stderr)")
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("export.json"))) as? [String: Any]
        let records = try #require(document?["articles"] as? [[String: Any]])
        #expect(records.count == seeds.count)
        #expect(records.allSatisfy { ($0["original"] as? String)?.isEmpty == false }, "an exported article lacks its original text")

        let fresh = try SynopticProcess.run(["ingest", "--db", "b.sqlite", "export.json"], in: directory)
        #expect(fresh.status == 0, "\(fresh.stderr)")
        let a = try SQLiteStore(path: directory.appendingPathComponent("a.sqlite").path)
        let b = try SQLiteStore(path: directory.appendingPathComponent("b.sqlite").path)
        let left = try await Self.articles(a), right = try await Self.articles(b)
        #expect(left.keys.sorted() == right.keys.sorted())
        for (id, article) in left {
            let other = try #require(right[id], "\(id) missing after the round trip")
            #expect(other.contentHash == article.contentHash, "\(id): content hash")
            #expect(other.article.body == article.article.body, "\(id): clean text")
            #expect(other.article.title == article.article.title, "\(id): title")
            #expect(other.article.provenance.outlet == article.article.provenance.outlet, "\(id): outlet")
        }
        #expect(try await Self.stories(a) == Self.stories(b), "the stories differ after the round trip")

        let back = try SynopticProcess.run(["ingest", "--db", "a.sqlite", "export.json"], in: directory)
        #expect(back.status == 0, "\(back.stderr)")
        #expect(back.stderr.contains("stored 0, duplicates \(seeds.count)"), "\(back.stderr)")
        #expect(try await a.counts().articles == seeds.count)
    }

    @Test("bad input: a missing path, no store, a corrupt store, an unknown story, a bad date, a malformed export")
    func badInput() throws {
        let directory = try SharedData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = try SynopticProcess.run(["ingest", "--db", "x.sqlite", "no-such-file.txt"], in: directory)
        #expect(missing.status == 2, "\(missing.stderr)")
        #expect(missing.stderr.contains("no-such-file.txt"))

        let noStore = try SynopticProcess.run(["stories", "--db", "absent.sqlite"], in: directory)
        #expect(noStore.status == 3 && noStore.stderr.contains("absent.sqlite"), "\(noStore.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("absent.sqlite").path), "listing created a store")

        try Data(String(repeating: "garbage ", count: 1000).utf8).write(to: directory.appendingPathComponent("bad.sqlite"))
        try Data("A report\n\nSomething happened on Monday, officials said.\n".utf8).write(to: directory.appendingPathComponent("a.txt"))
        for arguments in [["ingest", "--db", "bad.sqlite", "a.txt"], ["stories", "--db", "bad.sqlite"], ["export", "--db", "bad.sqlite"]] {
            let corrupt = try SynopticProcess.run(arguments, in: directory)
            #expect(corrupt.status == 3, "\(arguments): \(corrupt.stderr)")
            #expect(corrupt.stderr.contains("bad.sqlite") && corrupt.stderr.contains("not a"), "\(arguments): \(corrupt.stderr)")
        }

        #expect(try SynopticProcess.run(["ingest", "--db", "ok.sqlite", "a.txt"], in: directory).status == 0)
        let unknown = try SynopticProcess.run(["show", "s404", "--db", "ok.sqlite"], in: directory)
        #expect(unknown.status == 2 && unknown.stderr.contains("s404"), "\(unknown.stderr)")
        let badDate = try SynopticProcess.run(["stories", "--db", "ok.sqlite", "--from", "yesterday"], in: directory)
        #expect(badDate.status == 64, "\(badDate.stderr)")

        try Data(#"{"version": 1, "articles": [{"id": 3}]}"#.utf8).write(to: directory.appendingPathComponent("broken.json"))
        let broken = try SynopticProcess.run(["ingest", "--db", "ok.sqlite", "broken.json", "a.txt"], in: directory)
        #expect(broken.status == 1, "\(broken.stderr)")
        #expect(broken.stderr.contains("broken.json") && broken.stderr.contains("stored 0, duplicates 1"), "\(broken.stderr)")
    }

    @Test("on a terminal, ingest shows one progress line that rewrites itself")
    func progressOnTerminal() throws {
        guard let seeds = SharedData.seedPaths(for: "the progress line test") else { return }
        // util-linux's `script` runs the command on a pseudo-terminal.
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), let synoptic = SynopticProcess.executable else {
            print("notice: /usr/bin/script or the synoptic executable is absent; skipping the progress line test")
            return
        }
        let directory = try SharedData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let command = ([synoptic.path, "ingest", "--db", "p.sqlite"] + seeds).map { "'\($0)'" }.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", command, "/dev/null"]
        process.currentDirectoryURL = directory
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(output.contains("\r\u{1B}[Kingest: \(seeds.count)/\(seeds.count) (100%)"), "\(output.debugDescription)")
        // The summary starts on a cleared line and is the only line ended by a newline.
        #expect(output.contains("\r\u{1B}[Ksynoptic: stored \(seeds.count), duplicates 0"), "\(output.debugDescription)")
        #expect(output.filter { $0 == "\n" || $0 == "\r\n" }.count == 1, "\(output.debugDescription)")
    }

    static func articles(_ store: SQLiteStore) async throws -> [String: StoredArticle] {
        Dictionary(uniqueKeysWithValues: try await store.articles(after: 0, limit: 10_000).map { ($0.id, $0) })
    }

    /// Each story as its title, id and member ids: what must survive a round trip.
    static func stories(_ store: SQLiteStore) async throws -> [String] {
        var result: [String] = []
        for story in try await store.stories(StoryQuery(limit: 1_000)).stories {
            let members = try await store.articles(inStory: story.id).map(\.id).sorted()
            result.append("\(story.id) \(story.title) \(members)")
        }
        return result.sorted()
    }
}
