import SynopticCore
import SynopticText
import Testing

@Suite("ArticleAssembler and BlockSplitter")
struct AssemblerTests {
    let assembler = ArticleAssembler()

    func article(_ text: String, title: String? = nil) -> Article {
        assembler.assemble(id: "a", provenance: Provenance(origin: .textFile, path: "a.txt"), metadata: .init(title: title), original: text)
    }

    @Test("the first line becomes the title and leaves the body, with the removal logged")
    func titleFromFirstLine() {
        let a = article("Bridge Closes After Inspection\n\nPORT ELLIS — The bridge closed on Tuesday. Traffic stopped.\n\nOfficials met.")
        #expect(a.title == "Bridge Closes After Inspection")
        #expect(a.body == "PORT ELLIS — The bridge closed on Tuesday. Traffic stopped.\n\nOfficials met.")
        #expect(a.removed.map(\.reason) == ["headline: kept as the title"])
        #expect(a.dateline == "PORT ELLIS")
        #expect(a.blocks.count == 2)
        #expect(a.sentences.map { String(a[$0.span]) } == ["PORT ELLIS — The bridge closed on Tuesday.", "Traffic stopped.", "Officials met."])
        #expect(a.blocks[0].sentences == 0..<2)
    }

    @Test("a metadata title wins, and a body line repeating it is removed")
    func metadataTitle() {
        let a = article("Bridge closes\nThe bridge closed on Tuesday.", title: "Bridge Closes")
        #expect(a.title == "Bridge Closes")
        #expect(a.body == "The bridge closed on Tuesday.")
        #expect(a.removed.first?.reason == "repeats the title")
    }

    @Test("one paragraph per line without blank lines gives one block per line")
    func linePerParagraph() {
        let a = article("Headline Here\nFirst paragraph ends here.\nSecond paragraph ends here.\nThird one too.")
        #expect(a.blocks.count == 3)
    }

    @Test("hard-wrapped text is joined into paragraphs")
    func hardWrapped() {
        let text = """
            Title Of The Piece

            The city council voted on Tuesday to close the harbor bridge for
            at least three weeks while engineers inspect the corroded cables
            that hold up its main span, officials said.

            The mayor said the decision was difficult but necessary for the
            safety of the tens of thousands of people who cross it each day.
            """
        let a = article(text)
        #expect(a.blocks.count == 2)
        #expect(a.sentences.count == 2)
        #expect(!a.body.contains("for\nat"))
        #expect(a.body.contains("bridge for at least"))
    }

    @Test("a line that plainly continues the one before is joined even without hard wrapping")
    func lowercaseContinuation() {
        let a = article("Headline\nThe bridge, which opened in 1931 and carries\nfour lanes, closed on Tuesday.")
        #expect(a.blocks.count == 1)
    }

    @Test("Markdown markers set block kinds and stay out of the text")
    func markdown() {
        let a = article("# The Title\n\n## A Section\n\nA paragraph here.\n\n- first item\n- second item\n\n> A quoted line\n> continues here.")
        #expect(a.title == "The Title")
        #expect(a.blocks.map(\.kind) == [.heading, .paragraph, .listItem, .listItem, .blockQuote])
        #expect(String(a[a.blocks[4].span]) == "A quoted line continues here.")
        #expect(!a.body.contains("#") && !a.body.contains(">"))
    }

    @Test("spans of the clean text lead back to the original through normalization and assembly")
    func sourceMap() {
        let original = "Headline\r\n\r\n  The  “first”   sentence.\r\n\r\n\r\nAnd &amp; the second one."
        let a = article(original)
        let scalars = Array(original.unicodeScalars)
        for sentence in a.sentences {
            let source = a.sourceMap.sourceSpan(for: sentence.span)
            let back = TextNormalizer().normalize(String(String.UnicodeScalarView(scalars[source.start..<source.end]))).string
            #expect(back == String(a[sentence.span]))
        }
    }

    @Test("a long first paragraph is body text, and its first sentence names the article")
    func noHeadline() {
        let long = String(repeating: "The bridge closed on Tuesday after inspectors found cracks in two cables. ", count: 5)
        let a = article(long)
        #expect(a.title == "The bridge closed on Tuesday after inspectors found cracks in two cables.")
        #expect(a.removed.isEmpty)
        #expect(a.sentences.count == 5)
    }
}

@Suite("ArticleAssembler on one-paragraph input")
struct OneParagraphTests {
    @Test("a text that is a single line keeps it as the body and takes its first sentence as the title")
    func singleLine() {
        let a = ArticleAssembler().assemble(
            id: "x", provenance: Provenance(origin: .jsonLines), original: "Ferries added crossings on Tuesday. The bridge stays shut.")
        #expect(a.body == "Ferries added crossings on Tuesday. The bridge stays shut.")
        #expect(a.title == "Ferries added crossings on Tuesday.")
        #expect(a.removed.isEmpty)
    }
}

@Suite("BlockSplitter on lists and repeated headlines")
struct ListAndRepeatTests {
    @Test("a list of headlines without blank lines is not mistaken for hard-wrapped prose")
    func headlineList() {
        let text = """
            Bridge Shut

            The bridge shut on Tuesday.

            Read more:
            Council delays the vote on the ferry terminal for a third time
            What the state bridge ratings mean and what they leave out
            Causeway traffic doubles as drivers look for another way across
            """
        #expect(BlockSplitter().split(TextNormalizer().normalize(text).scalars).count == 6)
        // The list is one line per link, so it is then recognised, and removed, as a list of links.
        let a = ArticleAssembler().assemble(id: "x", provenance: Provenance(origin: .textFile), original: text)
        #expect(a.body == "The bridge shut on Tuesday.")
        #expect(a.removed.filter { $0.reason == "related-links list" }.count == 4)
    }

    @Test("a headline printed twice is kept once, as the title")
    func repeatedHeadline() {
        let a = ArticleAssembler().assemble(
            id: "x", provenance: Provenance(origin: .textFile), original: "Bridge Shut for Weeks\nBridge Shut for Weeks\nThe bridge shut on Tuesday.")
        #expect(a.title == "Bridge Shut for Weeks")
        #expect(a.body == "The bridge shut on Tuesday.")
        #expect(a.removed.map(\.reason) == ["headline: kept as the title", "repeats the title"])
    }

    @Test("a quotation opening after a.m. starts a new sentence")
    func quoteAfterAbbreviation() {
        #expect(sentences("The diner was empty at 8 a.m. “Usually it is full,” its owner said.").count == 2)
    }
}
