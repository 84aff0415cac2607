import Foundation
import SynopticTestSupport
import Testing

/// `synoptic clean` and HTML input, end to end through the built executable.
@Suite("synoptic clean, end to end")
struct CleanCommandTests {
    static let page = """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
        <title>Night ferry stays | Harbor Courier</title>
        <meta property="og:site_name" content="Harbor Courier"></head>
        <body><nav><a href="/">Home</a> <a href="/city">City</a> <a href="/sports">Sports</a></nav>
        <article><h1>Night ferry stays</h1>
        <p>The council voted on Tuesday to keep the night ferry running through the winter, the mayor said.</p>
        <p>Riders had asked for the service after the bridge closed for repairs, and the vote was unanimous.</p>
        <div class="share-tools"><a href="/share">Share this story on social media</a></div>
        </article>
        <aside class="related"><h2>More news</h2><ul><li><a href="/a">Harbor crane workers strike for a second day</a></li>
        <li><a href="/b">Old lighthouse opens to visitors this weekend</a></li></ul></aside>
        <footer>Copyright Harbor Courier. All rights reserved.</footer></body></html>
        """

    static func write(_ name: String, _ data: Data) throws -> String {
        let directory = try SharedData.temporaryDirectory()
        let path = directory.appendingPathComponent(name).path
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func cleansAnHTMLPageToItsArticleAndExplainsTheRemovals() throws {
        let path = try Self.write("ferry.html", Data(Self.page.utf8))
        let result = try SynopticProcess.run(["clean", "--explain", path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("# Night ferry stays\n"))
        #expect(result.stdout.contains("The council voted on Tuesday"))
        #expect(result.stdout.contains("the vote was unanimous."))
        let body = result.stdout.components(separatedBy: "-- removed")[0]
        for debris in ["Home", "Share this story", "Harbor crane workers", "Copyright"] {
            #expect(!body.contains(debris), "body keeps \(debris)")
        }
        let removed = result.stdout.components(separatedBy: "-- removed")[1]
        #expect(removed.contains("headline: kept as the title"))
        #expect(removed.contains("[navigation] Home City Sports"))
        #expect(removed.contains("[aside] Harbor crane workers"))
    }

    @Test func jsonIsOneArticleObjectOrJSONLinesForSeveral() throws {
        let html = try Self.write("ferry.html", Data(Self.page.utf8))
        let single = try SynopticProcess.run(["clean", "--format", "json", html])
        #expect(single.status == 0, "\(single.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(single.stdout.utf8)) as? [String: Any])
        #expect(object["title"] as? String == "Night ferry stays")
        #expect(object["outlet"] as? String == "Harbor Courier")
        #expect((object["removed"] as? [[String: Any]])?.isEmpty == false)

        let text = try Self.write("note.txt", Data("Ferry schedule changes\n\nThe first boat now leaves at six, the operator said on Monday.\n".utf8))
        let several = try SynopticProcess.run(["clean", "--format", "json", html, text])
        let lines = several.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        for line in lines {
            #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any])
        }
    }

    @Test func readsGzipPagesAndHTMLInJSONLines() throws {
        let gzipped = try Self.gzip(Data(Self.page.utf8))
        let path = try Self.write("ferry.html.gz", gzipped)
        let fromGzip = try SynopticProcess.run(["clean", path])
        #expect(fromGzip.status == 0, "\(fromGzip.stderr)")
        #expect(fromGzip.stdout.contains("The council voted on Tuesday"))

        let record = try JSONSerialization.data(withJSONObject: ["id": "ferry", "html": Self.page, "outlet": "Courier Wire"])
        let jsonl = try Self.write("pages.jsonl", record + Data("\n".utf8))
        let fromJSONL = try SynopticProcess.run(["clean", "--format", "json", jsonl])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(fromJSONL.stdout.utf8)) as? [String: Any])
        #expect(object["id"] as? String == "ferry")
        // What the record says outranks the page.
        #expect(object["outlet"] as? String == "Courier Wire")
        #expect((object["body"] as? String)?.hasPrefix("The council voted") == true)
    }

    @Test func badPagesAreReportedByNameAndTheBatchGoesOn() throws {
        let good = try Self.write("good.html", Data(Self.page.utf8))
        let empty = try Self.write("empty.html", Data())
        let wall = try Self.write(
            "wall.html", Data("<html><body><form><input name=user><button>Log in</button></form><p>Subscribe to keep reading</p></body></html>".utf8))
        let corrupt = try Self.write("broken.html.gz", Data([0x1F, 0x8B, 0x08, 0x00, 0x01, 0x02, 0x03]))
        // A 100 MB page is refused by its size before anything is read.
        let huge = try Self.write("huge.html", Data())
        let handle = try #require(FileHandle(forWritingAtPath: huge))
        try handle.truncate(atOffset: 100 * 1024 * 1024)
        try handle.close()
        let result = try SynopticProcess.run(["clean", good, empty, wall, corrupt, huge])
        #expect(result.status == 1)
        #expect(result.stdout.contains("The council voted on Tuesday"))
        #expect(result.stderr.contains("empty.html: empty file"))
        #expect(result.stderr.contains("wall.html: no article found"))
        #expect(result.stderr.contains("broken.html.gz: not valid gzip data"))
        #expect(result.stderr.contains("huge.html: file is 100.0 MB, above the 32.0 MB limit"))
    }

    static func gzip(_ data: Data) throws -> Data {
        let input = try write("plain.html", data)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-kf", input]
        try process.run()
        process.waitUntilExit()
        return try Data(contentsOf: URL(fileURLWithPath: input + ".gz"))
    }
}
