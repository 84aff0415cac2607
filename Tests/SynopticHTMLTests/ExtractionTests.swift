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
        #expect(article.blocks.map(\.text) == [
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
