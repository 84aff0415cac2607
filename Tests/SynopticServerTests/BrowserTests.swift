import Foundation
import Synoptic
import SynopticServer
import SynopticStore
import SynopticTestSupport
import Testing

/// The pages in a real browser: headless Chromium (Debian's `chromium`) loads them from a server
/// on 127.0.0.1 and prints the DOM it built, and the assertions read that DOM. Skipped with a
/// notice when Chromium is not installed (`.ci/run` installs it).
@Suite("Browser", .serialized)
struct BrowserTests {
    static let chromiumPath: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Runs Chromium headless on `url` and returns what it printed: the DOM with `--dump-dom`.
    static func chromium(_ arguments: [String]) async throws -> String {
        let executable = try #require(chromiumPath)
        return try await onThread {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            // As root Chromium needs --no-sandbox; a fresh profile keeps runs independent.
            let profile = FileManager.default.temporaryDirectory.appendingPathComponent("synoptic-chromium-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: profile) }
            process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile.path)"] + arguments
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
    }

    static func dom(_ url: String) async throws -> String {
        try await chromium(["--dump-dom", url])
    }

    /// How many times `needle` occurs in the DOM Chromium serialized (it writes attributes in
    /// source order with double quotes, so markup fragments can be counted as text).
    static func count(_ needle: String, in dom: String) -> Int {
        dom.components(separatedBy: needle).count - 1
    }

    @Test("The example's story list and story page, as Chromium renders them")
    func examplePages() async throws {
        guard Self.chromiumPath != nil else {
            print("notice: chromium is not installed; skipping the browser test")
            return
        }
        let library = try await ServerFixture.exampleLibrary()
        let id = try await ServerFixture.firstStoryID(library)
        let story = try #require(try await library.storyBriefing(storyID: id)?.stories.first)
        try await ServerFixture.withLiveServer(library) { port in
            let base = "http://127.0.0.1:\(port)"
            let list = try await Self.dom(base + "/")
            #expect(list.contains("class=\"story-row\""), "the list has the story: \(list.prefix(300))")
            #expect(list.contains("href=\"/stories/\(id)\""))
            #expect(list.contains("5 articles"))

            let page = try await Self.dom(base + "/stories/\(id)")
            try Self.checkStoryPage(page, story: story)

            let article = try await Self.dom(base + "/articles/\(try #require(story.versionChanges.first?.later))")
            #expect(article.contains("<h2>Removed while cleaning</h2>"))
            #expect(article.contains("<ol class=\"diff\">"))
        }
    }

    /// The story page's sections, as the briefing defines them.
    static func checkStoryPage(_ page: String, story: Story) throws {
        #expect(page.contains("<ul class=\"summary\">"), "summary")
        #expect(count("<a class=\"chip\"", in: page) >= story.summary.count, "each summary sentence cites its sources with chips")
        #expect(page.contains("<table class=\"matrix\">"), "agreement matrix")
        let rows = min(story.facts.count, 15)
        #expect(count("<td class=\"fact\">", in: page) == rows, "one matrix row per shown fact")
        #expect(page.contains("<h2>Who said what</h2>"))
        if !story.quotes.isEmpty { #expect(page.contains("“")) }
        #expect(page.contains("<ol class=\"timeline\">") == !story.timeline.isEmpty, "timeline")
        #expect(count("<li id=\"source-", in: page) == story.articleIDs.count, "one source entry per article")
        #expect(!page.contains("<script"))
    }

    @Test("The seeds' story page in Chromium, with a screenshot (set SYNOPTIC_SCREENSHOT to a path to keep it)")
    func seedPages() async throws {
        guard Self.chromiumPath != nil else {
            print("notice: chromium is not installed; skipping the browser test on the seeds")
            return
        }
        guard let seeds = SharedData.seedPaths(for: "the browser test on the seeds") else { return }
        let library = StoryLibrary(store: InMemoryStore())
        let report = try await library.ingest(paths: seeds)
        #expect(report.stored == seeds.count)
        let stories = try await library.stories(StoryQuery()).stories
        let biggest = try #require(stories.max { $0.articleCount < $1.articleCount })
        let story = try #require(try await library.storyBriefing(storyID: biggest.id)?.stories.first)
        try await ServerFixture.withLiveServer(library) { port in
            let base = "http://127.0.0.1:\(port)"
            let list = try await Self.dom(base + "/")
            #expect(Self.count("class=\"story-row\"", in: list) == stories.count)
            let page = try await Self.dom(base + "/stories/\(biggest.id)")
            try Self.checkStoryPage(page, story: story)
            let screenshot =
                ProcessInfo.processInfo.environment["SYNOPTIC_SCREENSHOT"]
                ?? FileManager.default.temporaryDirectory.appendingPathComponent("synoptic-story-\(UUID().uuidString).png").path
            _ = try await Self.chromium(["--hide-scrollbars", "--window-size=1200,2400", "--screenshot=\(screenshot)", base + "/stories/\(biggest.id)"])
            let size = (try? FileManager.default.attributesOfItem(atPath: screenshot)[.size] as? Int) ?? 0
            #expect(size > 10_000, "a screenshot of the page was written")
            if ProcessInfo.processInfo.environment["SYNOPTIC_SCREENSHOT"] == nil { try? FileManager.default.removeItem(atPath: screenshot) }
        }
    }
}
