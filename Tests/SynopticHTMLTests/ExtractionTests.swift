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
