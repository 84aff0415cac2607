import SynopticIngest
import Testing

@Suite("FrontMatter")
struct FrontMatterTests {
    @Test("reads fields, quoted values, flow and block lists, and aliases")
    func fields() throws {
        let text = """
            ---
            title: "Bridge: Closed Until Spring"
            outlet: Harbor Courier   # the daily
            url: https://example.org/bridge
            published: 2031-03-04T09:15:00-05:00
            authors:
              - Ana Ruiz
              - Ben Cole
            lang: en
            tags: [bridge, transit]
            ---
            Body starts here.
            """
        let parsed = try #require(FrontMatter.parse(text))
        #expect(parsed.metadata.title == "Bridge: Closed Until Spring")
        #expect(parsed.metadata.outlet == "Harbor Courier")
        #expect(parsed.metadata.url == "https://example.org/bridge")
        #expect(parsed.metadata.published == "2031-03-04T09:15:00-05:00")
        #expect(parsed.metadata.authors == ["Ana Ruiz", "Ben Cole"])
        #expect(parsed.metadata.language == "en")
        #expect(parsed.body == "Body starts here.")
    }

    @Test("a byline string splits into authors")
    func byline() throws {
        let parsed = try #require(FrontMatter.parse("---\nauthor: By Ana Ruiz, Ben Cole and Cy Dunn\n---\nText"))
        #expect(parsed.metadata.authors == ["Ana Ruiz", "Ben Cole", "Cy Dunn"])
    }

    @Test("Windows line ends are read too")
    func crlf() throws {
        let parsed = try #require(FrontMatter.parse("---\r\ntitle: T\r\noutlet: O\r\n---\r\nBody"))
        #expect(parsed.metadata.title == "T" && parsed.metadata.outlet == "O")
        #expect(parsed.body == "Body")
    }

    @Test("a text that opens with a rule but has no keys, or never closes, has no front matter")
    func notFrontMatter() {
        #expect(FrontMatter.parse("---\nJust a line of text.\n---\nMore") == nil)
        #expect(FrontMatter.parse("---\ntitle: never closed\nBody") == nil)
        #expect(FrontMatter.parse("Title\n---\n") == nil)
    }
}
