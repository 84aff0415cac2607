import Testing

@testable import SynopticHTML

@Suite struct ExtractionTests {
    @Test func extractsParagraphsOfTheArticle() {
        let page = """
            <html><head><title>Bridge reopens | Harbor Courier</title></head><body>
            <nav><a href="/">Home</a> <a href="/news">News</a></nav>
            <article><h1>Bridge reopens</h1>
            <p>The harbor bridge reopened on Tuesday after three weeks of repairs, city officials said.</p>
            <p>Traffic was light in the morning, and the ferry service that stood in for the bridge will stop on Friday.</p>
            </article>
            <div class="related"><a href="/a">Another story about bridges and ferries</a></div>
            </body></html>
            """
        let article = HTMLExtractor().extract(Array(page.utf8))
        #expect(
            article.blocks.map(\.text) == [
                "The harbor bridge reopened on Tuesday after three weeks of repairs, city officials said.",
                "Traffic was light in the morning, and the ferry service that stood in for the bridge will stop on Friday.",
            ])
    }
}

@Suite struct TrailingNoticeTests {
    static let paragraphs = [
        "The city council approved new rules on Tuesday that limit how websites may track visitors with cookies, the mayor said.",
        "Under the rules, a site must ask before it stores a cookie, and visitors who refuse must still be able to read it.",
        "Shop owners said the change would cost them little, though two trade groups said they would ask for a delay.",
    ]

    @Test func aCookieBannerAfterTheArticleGoesAndTheStoryAboutCookiesStays() {
        let body = Self.paragraphs.map { "<p>\($0)</p>" }.joined()
        let banner = "<p>This website uses cookies to improve your experience. Accept or opt out in your privacy settings.</p>"
        let page = "<html><body><article>\(body)\(banner)</article></body></html>"
        let article = HTMLExtractor().extract(Array(page.utf8))
        #expect(article.blocks.map(\.text) == Self.paragraphs)
        #expect(article.removed.contains { $0.reason == "cookie notice" })
    }
}

@Suite struct StructureRuleTests {
    static let prose = [
        "The regional league published its schedule on Monday, and the first race will be held in March.",
        "Organizers said the dates could still change, since two of the circuits are waiting for new permits.",
    ]

    static func texts(_ body: String) -> [String] {
        let page = "<html><body><div class=\"menu\"><a href=\"/\">Home</a> <a href=\"/news\">News</a></div>\(body)</body></html>"
        return HTMLExtractor().extract(Array(page.utf8)).blocks.map(\.text)
    }

    @Test func aScheduleLaidOutWithLineBreaksIsContent() {
        let lines = (1...10).map { "Round \($0): \($0 + 3) May at the north circuit" }
        let body = """
            <div class="entry"><p>\(lines.joined(separator: "<br>"))</p></div>
            <div class="sidebar"><p>Our newsletter arrives every Friday, with the week's results and photos.</p></div>
            """
        let texts = Self.texts(body)
        #expect(texts == [lines.joined(separator: " ")])
    }

    @Test func weakNamesOnTheRowsOfATableDoNotDropThem() {
        let rows = (1...5).map { "<tr class=\"row player-\($0)\"><td>\($0)</td><td>Driver \($0)</td><td>\(100 - $0)</td></tr>" }
        let body = """
            <div class="entry"><p>\(Self.prose[0])</p><p>\(Self.prose[1])</p>
            <table><tr><td>Pos</td><td>Name</td><td>Points</td></tr>\(rows.joined())</table>
            <p>The standings will be updated after every race of the season, the league said.</p></div>
            """
        let texts = Self.texts(body)
        #expect(texts.contains("Driver 3"))
        #expect(texts.contains("97"))
        #expect(texts.first == Self.prose[0])
    }

    @Test func theCompanyDescriptionClosingAPressReleaseGoes() {
        let about = "Northwind is a global provider of harbor software. Northwind is headquartered in Oslo and employs around 400 people."
        let mention = "Northwind is headquartered in Oslo, a spokesperson said, and the new office will open in the spring."
        let body = "<div class=\"entry\"><p>\(Self.prose[0])</p><p>\(mention)</p><p>\(Self.prose[1])</p><p>\(about)</p></div>"
        let texts = Self.texts(body)
        #expect(texts == [Self.prose[0], mention, Self.prose[1]])
    }

    @Test func aClosingLineOfReportingAboutACompanyStays() {
        // When it was founded and how many it employs, but no description of what it is: reporting.
        let closing = "The yard, founded in 1921, employs 900 people and expects to hire more next year, its manager said."
        let body = "<div class=\"entry\"><p>\(Self.prose[0])</p><p>\(Self.prose[1])</p><p>\(closing)</p></div>"
        #expect(Self.texts(body) == [Self.prose[0], Self.prose[1], closing])
    }

    @Test func teasersWithExcerptsCutShortGoEvenWhenTheyHoldMostOfTheText() {
        let teasers = (1...4).map { n in
            "<li><a href=\"/story-\(n)\">Council votes on the harbor plan, part \(n)</a> "
                + "<span>The council met on Tuesday to vote on the plan, and members of the public spoke for an hour about the cost of the works before the...</span></li>"
        }
        let body = "<div class=\"main\"><ul>\(teasers.joined())</ul><div class=\"entry\"><p>\(Self.prose[0])</p><p>\(Self.prose[1])</p></div></div>"
        let page = "<html><body>\(body)</body></html>"
        let article = HTMLExtractor().extract(Array(page.utf8))
        #expect(article.blocks.map(\.text) == Self.prose)
        #expect(article.removed.contains { $0.reason == "list of links to other articles (teasers)" })
    }

    @Test func siblingArticlesWithDifferentClassesAreOneListOfTeasers() {
        let posts = ["travel", "food", "music", "books"].map { topic in
            "<article class=\"post category-\(topic)\"><div><a href=\"/share\">Share on social media</a></div>"
                + "<p>This is a longer excerpt of another post about \(topic), written to fill the space of a card on the page, "
                + "and it goes on for a while, with a clause or two, before it stops in the middle of a …</p>"
                + "<p>A second paragraph of the \(topic) post, which is whole, ends like any other sentence.</p></article>"
        }
        let body =
            "<div class=\"main\"><article class=\"post\"><p>\(Self.prose[0])</p><p>\(Self.prose[1])</p><div>\(posts.joined())</div></article></div>"
        let page = "<html><body>\(body)</body></html>"
        let texts = HTMLExtractor().extract(Array(page.utf8)).blocks.map(\.text)
        #expect(texts == Self.prose)
    }
}
