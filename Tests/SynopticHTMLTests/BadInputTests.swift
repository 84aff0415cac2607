import Glibc
import Testing
@testable import SynopticHTML

/// Pages that are broken, hostile or not articles: each gives a clear result, never a crash or a hang.
@Suite struct BadInputTests {
    static let paragraph = "The council voted on Tuesday to keep the night ferry running through the winter, the mayor said."

    static func page(body: String, head: String = "") -> [UInt8] {
        Array("<!DOCTYPE html><html><head>\(head)</head><body>\(body)</body></html>".utf8)
    }

    @Test func truncatedAndMalformedMarkupStillYieldsTheText() {
        let html = "<html><body><div class=story><p>\(Self.paragraph)<p>A second paragraph, unclosed, says the ferry costs little to run.</div></b></i><p attr=\"unterminated"
        let article = HTMLExtractor().extract(Array(html.utf8))
        #expect(article.blocks.first?.text == Self.paragraph)
        #expect(article.emptyReason == nil)
    }

    @Test func hundredThousandNestedElementsDoNotOverflowTheStack() {
        let depth = 100_000
        let html = String(repeating: "<div>", count: depth) + "<p>\(Self.paragraph)</p>" + String(repeating: "</div>", count: depth)
        let article = HTMLExtractor().extract(Array(html.utf8))
        #expect(article.blocks.map(\.text) == [Self.paragraph])
    }

    @Test func emptyAndBlankPagesSayWhy() {
        #expect(HTMLExtractor().extract([]).emptyReason == "empty page")
        #expect(HTMLExtractor().extract(Array("  \n\t ".utf8)).emptyReason == "empty page")
        let noText = HTMLExtractor().extract(Self.page(body: "<img src=x.png><script>var a = 'text in a script';</script>"))
        #expect(noText.blocks.isEmpty)
        #expect(noText.emptyReason == "page has no text")
    }

    @Test func loginWallAndListPagesHaveNoArticle() {
        let login = Self.page(body: """
            <nav><a href=/>Home</a><a href=/news>News</a></nav>
            <form><label>Email</label><input name=email><label>Password</label><input type=password>
            <button>Sign in</button></form><p>Subscribe to continue reading</p>
            """)
        let wall = HTMLExtractor().extract(login)
        #expect(wall.blocks.isEmpty)
        #expect(wall.emptyReason?.hasPrefix("no article found") == true)

        let links = (1...40).map { "<li><a href=/story/\($0)>Headline number \($0) about the harbor and its ferries</a></li>" }.joined()
        let list = HTMLExtractor().extract(Self.page(body: "<h1>Latest news</h1><ul>\(links)</ul>"))
        #expect(list.blocks.isEmpty)
        #expect(list.emptyReason != nil)
    }

    @Test func binaryBytesDoNotCrash() {
        var generator = SystemRandomNumberGenerator()
        let noise = (0..<200_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let article = HTMLExtractor().extract(noise)
        #expect(article.blocks.count < 50)
    }

    // MARK: - Charsets

    /// `text` encoded in `charset` by iconv, the way a legacy site would serve it.
    static func encode(_ text: String, as charset: String) -> [UInt8] {
        let converter = iconv_open(charset, "UTF-8")!
        defer { iconv_close(converter) }
        var input = Array(text.utf8).map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: input.count * 4 + 16)
        var inLeft = input.count
        var outLeft = output.count
        input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                var inPointer = source.baseAddress
                var outPointer = target.baseAddress
                _ = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
            }
        }
        return output.prefix(output.count - outLeft).map { UInt8(bitPattern: $0) }
    }

    static let samples: [(charset: String, label: String, text: String)] = [
        ("WINDOWS-1252", "windows-1252", "Le café coûte 3 € – « très cher », dit-elle à la réunion du conseil municipal."),
        ("ISO-8859-1", "iso-8859-1", "Der Bürgermeister äußerte sich am Dienstag zur Fähre über den Fluss."),
        ("SHIFT_JIS", "shift_jis", "市議会は火曜日、冬の間も夜のフェリーを運航し続けることを決めた。"),
        ("GB2312", "gb2312", "市议会星期二投票决定整个冬天继续运营夜间渡轮，市长说。"),
        ("KOI8-R", "koi8-r", "Городской совет во вторник проголосовал за сохранение ночного парома."),
    ]

    @Test(arguments: samples)
    func legacyEncodingDeclaredInMetaIsDecoded(_ sample: (charset: String, label: String, text: String)) {
        let html = "<html><head><meta charset=\"\(sample.label)\"><title>t</title></head><body><article><p>\(sample.text)</p></article></body></html>"
        let bytes = Self.encode(html, as: sample.charset)
        #expect(bytes != Array(html.utf8))
        let article = HTMLExtractor().extract(bytes)
        #expect(article.blocks.map(\.text) == [sample.text])
    }

    @Test func httpEquivDeclarationIsRead() {
        let html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=KOI8-R\"></head><body><p>\(Self.samples[4].text)</p></body></html>"
        let article = HTMLExtractor().extract(Self.encode(html, as: "KOI8-R"))
        #expect(article.blocks.first?.text == Self.samples[4].text)
    }

    @Test func aPageDeclaringUTF8ButWrittenInWindows1252IsReadAsWindows1252() {
        let sample = Self.samples[0]
        let html = "<html><head><meta charset=utf-8></head><body><p>\(sample.text)</p></body></html>"
        let article = HTMLExtractor().extract(Self.encode(html, as: "WINDOWS-1252"))
        #expect(article.blocks.first?.text == sample.text)
        #expect(article.encoding == "windows-1252")
        #expect(article.notes.contains { $0.contains("declared UTF-8") })
    }

    @Test func aPageDeclaringALegacyCharsetButWrittenInUTF8IsReadAsUTF8() {
        let sample = Self.samples[1]
        let html = "<html><head><meta charset=iso-8859-1></head><body><p>\(sample.text)</p></body></html>"
        let article = HTMLExtractor().extract(Array(html.utf8))
        #expect(article.blocks.first?.text == sample.text)
        #expect(article.encoding == "utf-8")
    }

    @Test func aPageWithNoDeclarationIsUTF8OrWindows1252ByItsBytes() {
        let sample = Self.samples[0]
        let html = "<html><body><p>\(sample.text)</p></body></html>"
        #expect(HTMLExtractor().extract(Array(html.utf8)).blocks.first?.text == sample.text)
        #expect(HTMLExtractor().extract(Self.encode(html, as: "WINDOWS-1252")).blocks.first?.text == sample.text)
    }

    @Test func anUnknownCharsetLabelFallsBackWithANote() {
        let html = "<html><head><meta charset=x-no-such-charset></head><body><p>\(Self.paragraph)</p></body></html>"
        let article = HTMLExtractor().extract(Array(html.utf8))
        #expect(article.blocks.first?.text == Self.paragraph)
    }
}
