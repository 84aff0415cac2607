import Foundation
import SynopticSources
import Testing

@Suite("Parsing RSS and Atom")
struct FeedParserTests {
    let base = "https://courier.example/feeds/local.xml"

    @Test("RSS 2.0: items with guid, resolved link, date, creator, description and CDATA content")
    func rss() throws {
        let xml = Fixtures.rss(
            base: "https://courier.example",
            items: [
                (
                    guid: "ferry-1", title: "Ferry to halt &amp; buses added", path: "/2026/ferry.html", date: "Tue, 10 Mar 2026 08:00:00 GMT",
                    content: "<p>The ferry will stop <b>running</b> &amp; buses will replace it.</p>"
                ),
                (
                    guid: "quay-2", title: "Quay &#8220;works&#8221; begin", path: "https://courier.example/2026/quay.html",
                    date: "Wed, 11 Mar 2026 07:15:00 +0100",
                    content: nil
                ),
            ])
        let feed = try FeedParser().parse(Array(xml.utf8), url: base)
        #expect(feed.format == .rss)
        #expect(feed.title == "Marrowby Courier — Local")
        #expect(feed.link == "https://courier.example/")
        #expect(feed.items.count == 2)
        let first = feed.items[0]
        #expect(first.id == "ferry-1")
        #expect(first.key == "id:ferry-1")
        #expect(first.title == "Ferry to halt & buses added")
        #expect(first.link == "https://courier.example/2026/ferry.html")
        #expect(first.published == "2026-03-10T08:00:00Z")
        #expect(first.authors == ["Tamsin Orrell"])
        #expect(first.summary == "Ferry to halt & buses added & more.")
        #expect(first.content == "<p>The ferry will stop <b>running</b> &amp; buses will replace it.</p>")
        let second = feed.items[1]
        #expect(second.title == "Quay \u{201C}works\u{201D} begin")
        #expect(second.published == "2026-03-11T06:15:00Z")
        #expect(second.content == nil)
    }

    @Test("Atom: alternate link resolved, xhtml content, html summary and title, author, dates")
    func atom() throws {
        let feed = try FeedParser().parse(Array(Fixtures.atom.utf8), url: "https://post.example/atom.xml")
        #expect(feed.format == .atom)
        #expect(feed.title == "Estuary Post")
        #expect(feed.link == "https://post.example/")
        #expect(feed.items.count == 2)
        let entry = feed.items[0]
        #expect(entry.id == "tag:post.example,2026:library")
        #expect(entry.title == "Library reopens")
        #expect(entry.link == "https://post.example/2026/03/library.html")
        #expect(entry.published == "2026-03-14T08:30:00Z")
        #expect(entry.updated == "2026-03-14T10:00:00Z")
        #expect(entry.authors == ["Owen Pritchard"])
        #expect(entry.summary == "<p>Doors open after &amp; eighteen months.</p>")
        let content = try #require(entry.content)
        #expect(content.contains("<p>The library <strong>reopened</strong> on Saturday.</p>"))
        let tides = feed.items[1]
        #expect(tides.link == "https://post.example/2026/03/tides.html")
        #expect(tides.content == "High water at 06:12 &amp; 18:40.")
        #expect(tides.published == nil)
        #expect(tides.updated == "2026-03-13T07:00:00Z")
    }

    @Test("RSS 1.0 (RDF) items")
    func rdf() throws {
        let xml = """
            <?xml version="1.0"?>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel rdf:about="https://old.example/"><title>Old Gazette</title><link>https://old.example/</link></channel>
              <item rdf:about="https://old.example/a"><title>Pier reopens</title><link>https://old.example/a</link><dc:date>2026-03-01</dc:date></item>
            </rdf:RDF>
            """
        let feed = try FeedParser().parse(Array(xml.utf8), url: "https://old.example/index.rdf")
        #expect(feed.format == .rdf)
        #expect(feed.title == "Old Gazette")
        #expect(feed.items.map(\.title) == ["Pier reopens"])
        #expect(feed.items.first?.published == "2026-03-01")
        #expect(feed.items.first?.link == "https://old.example/a")
    }

    @Test("an HTML page is not a feed, and the message names the feeds it links to")
    func htmlIsNotAFeed() {
        let page = Fixtures.articlePage(
            title: "Home", outlet: "Marrowby Courier", date: nil, paragraphs: ["Welcome."], feedLink: "/feeds/local.xml")
        let error = #expect(throws: FeedError.self) { try FeedParser().parse(Array(page.utf8), url: "https://courier.example/") }
        #expect(error?.reason == .htmlPage(alternates: ["https://courier.example/feeds/local.xml"]))
        #expect(
            error?.description == "https://courier.example/ is an HTML page, not a feed; it links to the feed https://courier.example/feeds/local.xml"
        )
        // Without a doctype, and without any advertised feed.
        let bare = "<html><body><p>Hello</p></body></html>"
        let bareError = #expect(throws: FeedError.self) { try FeedParser().parse(Array(bare.utf8), url: "https://x.example/") }
        #expect(bareError?.reason == .htmlPage(alternates: []))
        #expect(bareError?.diagnostic.description == "https://x.example/: an HTML page, not a feed")
    }

    @Test("bad documents: not XML, XML that is no feed, declared entities, empty, deep nesting")
    func badDocuments() {
        let parser = FeedParser()
        let notXML = #expect(throws: FeedError.self) { try parser.parse(Array("this is { not xml".utf8), url: base) }
        if case .notXML = notXML?.reason {} else { Issue.record("expected notXML, got \(String(describing: notXML))") }
        let other = #expect(throws: FeedError.self) { try parser.parse(Array("<?xml version=\"1.0\"?><svg><g/></svg>".utf8), url: base) }
        #expect(other?.reason == .notAFeed(root: "svg"))
        let laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
            <rss version="2.0"><channel><title>&c;</title></channel></rss>
            """
        let entities = #expect(throws: FeedError.self) { try parser.parse(Array(laughs.utf8), url: base) }
        #expect(entities?.reason == .declaresEntities)
        let empty = #expect(throws: FeedError.self) { try parser.parse(Array("  \n ".utf8), url: base) }
        #expect(empty?.reason == .empty)
        let deep = "<rss><channel>" + String(repeating: "<x>", count: 50_000) + String(repeating: "</x>", count: 50_000) + "</channel></rss>"
        // Either refused or read without items; what matters is that it returns promptly.
        let result = try? parser.parse(Array(deep.utf8), url: base)
        #expect(result?.items.isEmpty ?? true)
    }

    @Test("sniffing tells feeds from pages by their first element")
    func sniff() {
        #expect(FeedParser.sniff(Array("\u{FEFF}<?xml version=\"1.0\"?>\n<!-- hi --><rss version=\"2.0\">".utf8)) == .feed)
        #expect(FeedParser.sniff(Array("<feed xmlns=\"http://www.w3.org/2005/Atom\">".utf8)) == .feed)
        #expect(FeedParser.sniff(Array("<rdf:RDF>".utf8)) == .feed)
        #expect(FeedParser.sniff(Array("<!DOCTYPE html><html>".utf8)) == .html)
        #expect(FeedParser.sniff(Array("<html>".utf8)) == .html)
        #expect(FeedParser.sniff(Array("plain text".utf8)) == .other)
    }
}

@Suite("Parsing sloppy feeds")
struct SloppyFeedTests {
    @Test("a feed with a bare ampersand is still read, by libxml2's recovery")
    func bareAmpersand() throws {
        let xml = """
            <?xml version="1.0"?>
            <rss version="2.0"><channel><title>Fish & Chips Weekly</title>
            <item><title>Cod prices rise</title><link>https://fish.example/cod</link><guid>cod</guid></item>
            </channel></rss>
            """
        let feed = try FeedParser().parse(Array(xml.utf8), url: "https://fish.example/rss")
        #expect(feed.items.map(\.link) == ["https://fish.example/cod"])
    }
}
