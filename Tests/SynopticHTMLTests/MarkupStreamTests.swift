import Testing

@testable import SynopticHTML

/// The streaming parse that extraction reads pages through: balanced events whatever the markup,
/// text delivered whole across chunks and entities, and bounded work on hostile nesting.
@Suite struct MarkupStreamTests {
    /// Records the events as an outline: `<name>`, `</>`, and text.
    private final class Recorder: MarkupHandler {
        var depth = 0
        var maximumDepth = 0
        var starts = 0
        var ends = 0
        var text: [UInt8] = []
        var script: [UInt8] = []

        func startElement(_ tag: StartTag) {
            starts += 1
            depth += 1
            maximumDepth = max(maximumDepth, depth)
        }
        func endElement() {
            ends += 1
            depth -= 1
        }
        func text(_ bytes: UnsafeBufferPointer<UInt8>) { text += bytes }
        func scriptText(_ bytes: UnsafeBufferPointer<UInt8>) { script += bytes }
    }

    private func record(_ html: String) -> Recorder {
        let recorder = Recorder()
        #expect(MarkupStream.parse(Array(html.utf8), into: recorder))
        return recorder
    }

    @Test func everyStartIsEndedEvenInBrokenMarkup() {
        let recorder = record("<div><p>One<p>Two</b></i><ul><li>a<li>b</div><span>open<table><td>cell")
        #expect(recorder.starts > 0)
        #expect(recorder.starts == recorder.ends)
        #expect(recorder.depth == 0)
        #expect(String(decoding: recorder.text, as: UTF8.self).filter { !$0.isWhitespace } == "OneTwoabopencell")
    }

    @Test func aPageCutInsideAnAttributeStillEndsEveryElement() {
        // libxml2 starts the last `<p>` and never ends it; the stream ends it before `</body>`.
        let recorder = record("<html><body><div><p>Text.</div><p attr=\"unterminated")
        #expect(recorder.starts == recorder.ends)
        #expect(recorder.depth == 0)
    }

    @Test func entitiesAndLongTextArriveDecodedAndWhole() {
        let long = String(repeating: "ferry ", count: 2_000)
        let recorder = record("<p>Fares &amp; routes &eacute;t&#233; &lt;b&gt; \(long)</p>")
        let text = String(decoding: recorder.text, as: UTF8.self)
        #expect(text.hasPrefix("Fares & routes été <b> ferry"))
        #expect(text.components(separatedBy: "ferry").count - 1 == 2_000)
    }

    @Test func scriptContentIsReportedApartFromText() {
        let recorder = record("<p>Visible</p><script>var hidden = '<p>not text</p>';</script><style>p{}</style>")
        #expect(String(decoding: recorder.text, as: UTF8.self).contains("Visible"))
        #expect(!String(decoding: recorder.text, as: UTF8.self).contains("hidden"))
        #expect(String(decoding: recorder.script, as: UTF8.self).contains("var hidden"))
    }

    @Test func emptyInputDoesNotStartTheParser() {
        #expect(!MarkupStream.parse([], into: Recorder()))
    }

    @Test func thousandsOfNestedBylinesStayBounded() {
        // Every open byline keeps text; nesting 50,000 of them must not make each text event
        // visit 50,000 captures (quadratic) or keep 50,000 copies of the page's text.
        let depth = 50_000
        let html =
            "<html><body>" + String(repeating: "<div class=\"author\">By Mira Okafor ", count: depth)
            + "<p>\(BadInputTests.paragraph)</p>" + String(repeating: "</div>", count: depth) + "</body></html>"
        let article = HTMLExtractor().extract(Array(html.utf8))
        #expect(article.blocks.map(\.text).contains(BadInputTests.paragraph))
        #expect(article.metadata.authors.count <= 1)
    }

    @Test func skippedNavigationIsLoggedWithoutScriptsAndCutAtACharacter() throws {
        let items = String(repeating: "<a href=/x>Économie</a> ", count: 60)
        let html = "<html><body><nav>\(items)<script>var menu = 1;</script></nav><p>\(BadInputTests.paragraph)</p></body></html>"
        let article = HTMLExtractor().extract(Array(html.utf8))
        let navigation = try #require(article.removed.first { $0.reason == "navigation" })
        #expect(navigation.text.hasPrefix("Économie Économie"))
        #expect(!navigation.text.contains("var menu"))
        #expect(!navigation.text.contains("\u{FFFD}"))
        #expect(navigation.text.hasSuffix(" …"))
    }
}
