import Foundation
import Synoptic
import SynopticStore
import SynopticTestSupport
import Testing

/// The library over the in-memory store: ingest, idempotence, incremental stories, concurrent
/// writers, cached briefings.
@Suite struct StoryLibraryTests {
    static let example = SharedData.repositoryRoot.appendingPathComponent("Examples/harbor-bridge").path

    static func examplePaths() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: example).filter { $0.hasSuffix(".txt") }.sorted().map { "\(example)/\($0)" }
    }

    @Test func ingestingTheSameFilesTwiceStoresThemOnce() async throws {
        let library = StoryLibrary(store: InMemoryStore())
        let first = try await library.ingest(paths: [Self.example])
        #expect(first.stored == 5)
        #expect(first.duplicates == 0)
        let second = try await library.ingest(paths: [Self.example])
        #expect(second.stored == 0)
        #expect(second.duplicates == 5)
        #expect(try await library.store.latestSequence() == 5)
    }

    @Test func articlesArrivingLaterJoinTheirStory() async throws {
        let paths = try Self.examplePaths()
        let library = StoryLibrary(store: InMemoryStore())
        let early = try await library.ingest(paths: Array(paths.prefix(2)))
        let late = try await library.ingest(paths: Array(paths.dropFirst(2)))
        #expect(early.storiesTouched.count == 1)
        #expect(late.storiesTouched == early.storiesTouched)
        let page = try await library.stories()
        #expect(page.total == 1)
        #expect(page.stories.first?.articleCount == 5)
        #expect(page.stories.first?.revision == 5)
    }

    @Test func unrelatedArticlesStartTheirOwnStory() async throws {
        let library = StoryLibrary(store: InMemoryStore())
        _ = try await library.ingest(paths: [Self.example])
        let other = SourceDocument(
            suggestedID: "orchard", provenance: Provenance(origin: .standardInput, outlet: "Valley Ledger", published: "2026-03-02"),
            metadata: SourceMetadata(),
            text: """
                Orchard growers count frost losses after a cold week

                Apple growers in the upper valley said on Monday that three nights of frost had killed most of the early blossom.
                The growers' cooperative estimated that a third of this year's crop was lost, and asked the county for emergency loans.
                """)
        let report = try await library.ingest([other])
        #expect(report.stored == 1)
        let page = try await library.stories()
        #expect(page.total == 2)
        #expect(page.stories.map(\.articleCount).sorted() == [1, 5])
    }

    @Test func twoWritersOnOneStoreLoseAndDoubleNothing() async throws {
        let paths = try Self.examplePaths()
        let store = InMemoryStore()
        let a = StoryLibrary(store: store)
        let b = StoryLibrary(store: store)
        // Both ingest every file, in opposite orders, at once: each article is stored once.
        async let left = a.ingest(paths: paths)
        async let right = b.ingest(paths: paths.reversed())
        let (l, r) = try await (left, right)
        #expect(l.stored + r.stored == 5)
        #expect(l.duplicates + r.duplicates == 5)
        let page = try await StoryLibrary(store: store).stories()
        #expect(page.stories.map(\.articleCount).reduce(0, +) == 5)
    }

    @Test func aBriefingIsCachedUntilTheStoryChanges() async throws {
        let paths = try Self.examplePaths()
        let store = InMemoryStore()
        let library = StoryLibrary(store: store)
        _ = try await library.ingest(paths: Array(paths.prefix(3)))
        let story = try #require(try await library.stories().stories.first)
        let markdown = try #require(try await library.briefing(storyID: story.id, format: .markdown))
        #expect(markdown.contains("## Summary"))
        #expect(try await store.cachedBriefing(storyID: story.id, revision: story.revision, format: "md") == markdown)
        _ = try await library.ingest(paths: Array(paths.dropFirst(3)))
        let grown = try #require(try await library.story(id: story.id))
        #expect(grown.revision > story.revision)
        #expect(try await store.cachedBriefing(storyID: story.id, revision: grown.revision, format: "md") == nil)
        let json = try #require(try await library.briefing(storyID: story.id, format: .json))
        let document = try JSONDecoder().decode(BriefingDocument.self, from: Data(json.utf8))
        #expect(document.articles.count == 5)
        #expect(document.stories.first?.id == story.id)
    }

    @Test func theSeedsAreOneStoryOfFiveArticles() async throws {
        guard let seeds = SharedData.seedPaths(for: "theSeedsAreOneStoryOfFiveArticles") else { return }
        let library = StoryLibrary(store: InMemoryStore())
        let report = try await library.ingest(paths: seeds)
        #expect(report.stored == 5)
        let page = try await library.stories()
        #expect(page.total == 1)
        let briefing = try #require(try await library.storyBriefing(storyID: page.stories[0].id))
        let people = briefing.stories[0].people.map(\.name)
        #expect(people.contains { $0.hasSuffix("Lavrov") })
        #expect(briefing.stories[0].versions.count == 1)
        // Building the briefing records the two versions of one report in the store's versions.
        let story = page.stories[0]
        #expect(try await library.store.versions(storyID: story.id).isEmpty)
        _ = try #require(try await library.briefing(storyID: story.id, format: .markdown))
        let links = try await library.store.versions(storyID: story.id)
        let group = try #require(briefing.stories[0].versions.first)
        #expect(links.map { [$0.earlierID, $0.laterID] } == [group])
        #expect(links.allSatisfy { $0.revision == story.revision })
    }

    @Test func exportHoldsEveryArticleAndStory() async throws {
        let library = StoryLibrary(store: InMemoryStore())
        _ = try await library.ingest(paths: [Self.example])
        let export = try await library.exportBriefing()
        #expect(export.articles.count == 5)
        #expect(Set(export.articles.map(\.id)).count == 5)
        #expect(export.stories.flatMap(\.articleIDs).sorted() == export.articles.map(\.id).sorted())
    }
}

@Suite struct StoreValueTests {
    @Test func sha256MatchesTheStandardsVectors() {
        // FIPS 180-2, appendix B: "abc" and the two-block message.
        #expect(SynopticStore.ContentHash.of(text: "abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            ContentHash.of(text: "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(ContentHash.of(text: "") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        // Around the block boundaries, where the padding takes one block or two (digests from
        // Python's hashlib), and FIPS's million "a"s.
        let digests = [
            55: "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318",
            56: "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a",
            63: "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34",
            64: "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb",
            65: "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0",
            119: "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb",
            120: "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c",
            1_000_000: "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
        ]
        for (length, digest) in digests {
            #expect(ContentHash.of(text: String(repeating: "a", count: length)) == digest, "\(length)")
        }
    }

    @Test func contentHashFoldsEveryKindOfWhitespace() {
        // No-break space, line separator, ideographic space and tabs are all one space; the ends go.
        let folded = "7d456df559910bdb8f2a81cb15dc04efa56f4f1c4ae4e637d8b7726109b81ecf"  // SHA-256 of "é a"
        #expect(ContentHash.of(text: "é a") == folded)
        #expect(ContentHash.of(text: "\u{2028} é\u{00A0}\t\u{3000}a \r\n") == folded)
        #expect(ContentHash.of(text: "éa") != folded)
    }

    @Test func whitespaceDoesNotMakeNewContent() {
        #expect(ContentHash.of(text: "Two  lines\r\nof text\n") == ContentHash.of(text: "Two lines of text"))
        #expect(ContentHash.of(text: "Two lines of text") != ContentHash.of(text: "Two lines of texts"))
    }

    @Test func aSnapshotGivesBackTheSameArticle() throws {
        let articles = BriefingPipeline().cleanArticles([StoryLibraryTests.example]) { _ in }
        #expect(articles.count == 5)
        for article in articles {
            let data = try JSONEncoder().encode(ArticleSnapshot(article))
            let back = try JSONDecoder().decode(ArticleSnapshot.self, from: data).article()
            #expect(back == article)
        }
    }

    @Test func aDamagedSnapshotIsAnErrorNotATrap() throws {
        let article = try #require(BriefingPipeline().cleanArticles([StoryLibraryTests.example]) { _ in }.first)
        var snapshot = ArticleSnapshot(article)
        snapshot.sentences[0].end = snapshot.body.unicodeScalars.count + 10
        #expect(throws: ArticleSnapshot.Damaged.self) { try snapshot.article() }
        var shifted = ArticleSnapshot(article)
        shifted.offsets.source = shifted.offsets.source.reversed()
        if shifted.offsets.source.count > 1 { #expect(throws: ArticleSnapshot.Damaged.self) { try shifted.article() } }
        var future = ArticleSnapshot(article)
        future.version = ArticleSnapshot.currentVersion + 1
        #expect(throws: ArticleSnapshot.Damaged.self) { try future.article() }
    }
}

@Suite struct ContentHashFoldingTests {
    @Test func unicodeWhitespaceFoldsLikeASCII() {
        #expect(ContentHash.of(text: "a\u{00A0}b\u{2028}c") == ContentHash.of(text: "a b c"))
        #expect(ContentHash.of(text: "  Ünïcödé — text  ") == ContentHash.of(text: "Ünïcödé — text"))
        #expect(ContentHash.of(text: "Ünïcödé") != ContentHash.of(text: "Unicode"))
        // "abc" with folded whitespace around it is still the standard's vector.
        #expect(ContentHash.of(text: "\n abc \t") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    /// The folding loop writes without branching on spaces; the words of the text joined by one
    /// space must hash the same, whatever runs of whitespace stand where, at the ends included.
    @Test func foldingAgreesWithSplittingOnWhitespace() {
        let pieces = ["a", "Bé", "—", "x1", "’s", " ", "  ", "\t", "\r\n", "\u{00A0}", "\u{2028}", "\u{3000}", "\n\n "]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let words = text.split(whereSeparator: { $0.unicodeScalars.allSatisfy(\.properties.isWhitespace) })
            #expect(ContentHash.of(text: text) == ContentHash.of(text: words.joined(separator: " ")), "\(text.debugDescription)")
        }
    }
}
