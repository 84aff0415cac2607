/// Pages and feeds the fixture server serves. Every text here is invented for these tests: a
/// fictional town (Marrowby), fictional outlets and people.
enum Fixtures {
    static func articlePage(
        title: String, outlet: String, date: String?, paragraphs: [String], charsetMeta: String? = "utf-8", feedLink: String? = nil
    ) -> String {
        let meta = charsetMeta.map { "<meta charset=\"\($0)\">" } ?? ""
        let dateMeta = date.map { "<meta property=\"article:published_time\" content=\"\($0)\">" } ?? ""
        let alternate = feedLink.map { "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Feed\" href=\"\($0)\">" } ?? ""
        let body = paragraphs.map { "<p>\($0)</p>" }.joined(separator: "\n")
        return """
            <!DOCTYPE html>
            <html lang="en"><head>\(meta)<title>\(title) | \(outlet)</title>
            <meta property="og:site_name" content="\(outlet)">\(dateMeta)\(alternate)
            </head><body>
            <header><nav><a href="/">Home</a> <a href="/local">Local</a> <a href="/sport">Sport</a></nav></header>
            <main><article>
            <h1>\(title)</h1>
            <p class="byline">By Tamsin Orrell</p>
            \(body)
            </article></main>
            <footer><p>© 2026 \(outlet). All rights reserved.</p></footer>
            </body></html>
            """
    }

    static let ferryParagraphs = [
        "MARROWBY — The Marrowby ferry will stop running for three weeks from Monday while engineers replace the worn landing ramp on the east quay, the harbour authority said on Tuesday.",
        "About 1,200 passengers cross the estuary on the ferry each weekday, most of them commuters heading to the business park on the far shore.",
        "\"We know this is a real inconvenience, and we have arranged extra buses around the head of the estuary,\" said Ilse Varga, the authority's operations director.",
        "The replacement buses will leave every 20 minutes from the quay car park between six in the morning and eight in the evening.",
        "Local traders said they feared a drop in custom during the closure, which falls in the busiest weeks of the spring market season.",
    ]

    static let ferryPage = articlePage(
        title: "Marrowby ferry to halt for three weeks of ramp repairs", outlet: "Marrowby Courier", date: "2026-03-10T08:00:00Z",
        paragraphs: ferryParagraphs)

    static let libraryParagraphs = [
        "The Marrowby town library reopened on Saturday after an eighteen-month renovation that added a children's wing and a rooftop reading garden.",
        "Hundreds of residents queued in the rain before the doors opened at nine, some of them clutching books borrowed before the closure.",
        "\"It feels like getting a piece of the town back,\" said Owen Pritchard, who has chaired the friends of the library group for a decade.",
        "The council spent 4.2 million pounds on the work, about a third of it raised by local donors and a heritage grant.",
        "Opening hours will be extended to eight in the evening on weekdays, the council said.",
    ]

    static let libraryPage = articlePage(
        title: "Marrowby library reopens with children's wing", outlet: "Estuary Post", date: "2026-03-14", paragraphs: libraryParagraphs)

    /// A page in ISO-8859-1 whose only charset declaration is the HTTP header (its meta is absent).
    static let latin1Paragraphs = [
        "The new café on Quay Street opened its doors this week, serving crème brûlée and Swiss rösti to a crowd of curious locals.",
        "Its owner, Zoë Ménard, moved to Marrowby from Lyon last year and spent the winter restoring the old chandlery building.",
        "\"The façade was falling apart, but the bones were good,\" she said, standing beside the original shop counter.",
        "The café will open every day except Tuesday, with a small terrace facing the harbour once the weather improves.",
    ]

    static var latin1Page: [UInt8] {
        let page = articlePage(
            title: "A café comes to Quay Street", outlet: "Marrowby Courier", date: "2026-03-12", paragraphs: latin1Paragraphs, charsetMeta: nil)
        return page.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
    }

    static func rss(
        base: String, items: [(guid: String, title: String, path: String, date: String, content: String?)], title: String = "Marrowby Courier — Local"
    ) -> String {
        let entries = items.map { item in
            """
              <item>
                <title>\(item.title)</title>
                <link>\(item.path)</link>
                <guid isPermaLink="false">\(item.guid)</guid>
                <pubDate>\(item.date)</pubDate>
                <dc:creator>Tamsin Orrell</dc:creator>
                <description>\(item.title) &amp; more.</description>
            \(item.content.map { "    <content:encoded><![CDATA[\($0)]]></content:encoded>" } ?? "")
              </item>
            """
        }.joined(separator: "\n")
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel>
              <title>\(title)</title>
              <link>\(base)/</link>
              <description>News from Marrowby and the estuary</description>
            \(entries)
            </channel>
            </rss>
            """
    }

    static let atom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
          <title type="text">Estuary Post</title>
          <link rel="alternate" type="text/html" href="https://post.example/"/>
          <link rel="self" href="https://post.example/atom.xml"/>
          <id>tag:post.example,2026:feed</id>
          <updated>2026-03-14T10:00:00Z</updated>
          <entry>
            <title type="html">Library &lt;em&gt;reopens&lt;/em&gt;</title>
            <link rel="alternate" type="text/html" href="/2026/03/library.html"/>
            <link rel="enclosure" href="/img/library.jpg"/>
            <id>tag:post.example,2026:library</id>
            <published>2026-03-14T09:30:00+01:00</published>
            <updated>2026-03-14T10:00:00Z</updated>
            <author><name>Owen Pritchard</name><email>owen@post.example</email></author>
            <summary type="html">&lt;p&gt;Doors open after &amp;amp; eighteen months.&lt;/p&gt;</summary>
            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The library <strong>reopened</strong> on Saturday.</p></div></content>
          </entry>
          <entry>
            <title>Tide tables for the week</title>
            <link href="https://post.example/2026/03/tides.html"/>
            <id>tag:post.example,2026:tides</id>
            <updated>2026-03-13T07:00:00Z</updated>
            <content type="text">High water at 06:12 &amp; 18:40.</content>
          </entry>
        </feed>
        """
}
