import Foundation
import SynopticCore
import SynopticIngest
import SynopticTestSupport
import SynopticText
import Testing

/// Debris removal on the real seed reports, read in place from `../shared/seeds` (skipped with a
/// notice when absent) and assembled as one batch, as the pipeline does. The gold is a list of line
/// numbers per seed with the reason each line should be removed for; everything else must stay.
@Suite("Debris removal on the seed reports")
struct SeedDebrisTests {
    struct Seed {
        /// The seed's number, the first three characters of its file name.
        let number: String
        let lines: [String]
        let article: Article
    }

    static let seeds: [Seed] = {
        guard let paths = SharedData.seedPaths(for: "seed debris tests") else { return [] }
        let documents = paths.map { path in
            let bytes = [UInt8](FileManager.default.contents(atPath: path) ?? Data())
            return (provenance: Provenance(origin: .textFile, path: path), text: (try? TextDecoder.decode(bytes).text) ?? "")
        }
        let boilerplate = BatchBoilerplate(documents: documents)
        return documents.map { document in
            let name = URL(fileURLWithPath: document.provenance.path!).lastPathComponent
            let lines = document.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let article = ArticleAssembler().assemble(
                id: name, provenance: document.provenance, original: document.text, boilerplate: boilerplate)
            return Seed(number: String(name.prefix(3)), lines: lines, article: article)
        }
    }()

    static let module = "explainer module"
    /// Line → reason, per seed: every piece of debris in the five seeds.
    static let gold: [String: [Int: String]] = [
        "000": [
            5: "repeats the previous paragraph", 43: module, 45: module, 47: module, 49: module, 51: module, 53: module, 55: module,
            71: "credit line: moved to credits", 73: "comment prompt",
        ],
        "001": [5: "repeats the previous paragraph", 27: module, 29: module, 31: module, 33: module, 35: module, 37: module, 39: module, 51: "comment prompt"],
        "002": [
            1: "masthead: kept as the outlet", 5: "video caption", 39: "promo headline", 55: "promo headline", 63: "credit line: moved to credits",
            65: "related-links list", 67: "related-links list", 69: "related-links list", 71: "related-links list",
        ],
        "003": [70: "link footer", 72: "comment prompt", 74: "comment prompt"],
        "004": [:],
    ]
    /// The line each seed's title comes from.
    static let titleLines: [String: Int] = ["000": 1, "001": 1, "002": 3, "003": 1, "004": 1]
    static let titleReasons: Set<String> = ["headline: kept as the title", "headline printed twice: kept once as the title", "repeats the title"]

    /// The 1-based line of the original where a removal starts.
    static func line(of removal: Removal, in article: Article) -> Int {
        let start = removal.sourceSpan?.start ?? 0
        return article.original.unicodeScalars.prefix(start).filter { $0 == "\n" }.count + 1
    }

    @Test("every piece of debris is removed for its reason, and nothing else is (precision and recall printed)")
    func removalsMatchGold() {
        var expectedTotal = 0
        var removedTotal = 0
        var correctTotal = 0
        for seed in Self.seeds {
            let gold = Self.gold[seed.number] ?? [:]
            var removed: [Int: String] = [:]
            for removal in seed.article.removed where !Self.titleReasons.contains(removal.reason) {
                removed[Self.line(of: removal, in: seed.article)] = removal.reason
            }
            let correct = removed.filter { gold[$0.key] == $0.value }.count
            let falseRemovals = removed.keys.filter { gold[$0] == nil }.sorted()
            let missed = gold.keys.filter { removed[$0] != gold[$0] }.sorted()
            print("seed \(seed.number) debris: removed \(removed.count), expected \(gold.count), correct \(correct), false removals \(falseRemovals), missed \(missed)")
            #expect(falseRemovals.isEmpty, "\(seed.number): removed lines \(falseRemovals)")
            #expect(missed.isEmpty, "\(seed.number): missed or misnamed lines \(missed)")
            expectedTotal += gold.count
            removedTotal += removed.count
            correctTotal += correct
        }
        guard !Self.seeds.isEmpty else { return }
        let precision = removedTotal == 0 ? 1 : Double(correctTotal) / Double(removedTotal)
        let recall = expectedTotal == 0 ? 1 : Double(correctTotal) / Double(expectedTotal)
        print("seed debris overall: removed \(removedTotal), expected \(expectedTotal), correct \(correctTotal); precision \(precision), recall \(recall)")
    }

    @Test("every other line of the seeds is in the body")
    func reportingKept() {
        let normalizer = TextNormalizer()
        for seed in Self.seeds {
            let gold = Self.gold[seed.number] ?? [:]
            for (index, line) in seed.lines.enumerated() where !line.allSatisfy(\.isWhitespace) {
                let number = index + 1
                guard gold[number] == nil, number != Self.titleLines[seed.number] else { continue }
                #expect(seed.article.body.contains(normalizer.normalize(line).string), "\(seed.number): line \(number) is missing from the body")
            }
        }
    }

    @Test("titles are the headlines, each printed once; the masthead names the outlet")
    func titles() throws {
        let normalizer = TextNormalizer()
        for seed in Self.seeds {
            let title = try #require(seed.article.title)
            let line = normalizer.normalize(seed.lines[Self.titleLines[seed.number]! - 1]).string
            // A string made of one text repeated is found again inside itself doubled, past its start.
            let doubled = title + title
            #expect(!doubled.dropFirst().dropLast().contains(title), "\(seed.number): \(title)")
            #expect(line.hasPrefix(title), "\(seed.number): \(title)")
            #expect(title.count == line.count || title.count * 2 == line.count, "\(seed.number): \(title)")
        }
        if let post = Self.seeds.first(where: { $0.number == "002" }) {
            let outlet = try #require(post.article.provenance.outlet)
            #expect(post.lines[0].hasPrefix(outlet) && outlet.split(separator: " ").count == 3 && outlet.hasPrefix("The "))
        }
        for seed in Self.seeds where seed.number != "002" {
            #expect(seed.article.provenance.outlet == nil, "\(seed.number)")
        }
    }

    @Test("credit lines are in the credits, not in the body")
    func credits() {
        let expected: [String: (line: Int, sentences: Int)] = ["000": (71, 1), "002": (63, 2)]
        for seed in Self.seeds {
            let credits = seed.article.provenance.credits
            guard let (line, sentences) = expected[seed.number] else {
                #expect(credits.isEmpty, "\(seed.number): \(credits)")
                continue
            }
            #expect(credits.count == sentences, "\(seed.number): \(credits)")
            #expect(credits.joined(separator: " ") == TextNormalizer().normalize(seed.lines[line - 1]).string)
            for credit in credits { #expect(!seed.article.body.contains(credit)) }
        }
    }

    @Test("datelines are recognised in the seeds that have one")
    func datelines() {
        for seed in Self.seeds {
            #expect((seed.article.dateline != nil) == ["000", "001", "003"].contains(seed.number), "\(seed.number): \(seed.article.dateline ?? "none")")
        }
    }
}

/// The bundled example corpus carries the same kinds of debris, in invented outlets' wording.
@Suite("Debris removal on Examples/harbor-bridge")
struct ExampleDebrisTests {
    static let articles: [String: Article] = {
        var documents: [SourceDocument] = []
        InputReader().read(
            [SharedData.repositoryRoot.appendingPathComponent("Examples/harbor-bridge").path], document: { documents.append($0) }, diagnostic: { _ in })
        let boilerplate = BatchBoilerplate(documents: documents.map { ($0.provenance, $0.text) })
        var articles: [String: Article] = [:]
        for document in documents {
            articles[document.suggestedID] = ArticleAssembler().assemble(
                id: document.suggestedID, provenance: document.provenance, metadata: .init(title: document.metadata.title), original: document.text,
                boilerplate: boilerplate)
        }
        return articles
    }()

    func reasons(_ id: String) -> [String] { Self.articles[id]?.removed.map(\.reason) ?? [] }

    @Test("each file loses exactly its debris")
    func removals() {
        let title = "headline: kept as the title"
        let list = Array(repeating: "related-links list", count: 4)
        #expect(reasons("tidewater-times") == ["masthead: kept as the outlet", title] + Array(repeating: "comment prompt", count: 6))
        #expect(reasons("northshore-dispatch") == [title, "repeats the title"] + Array(repeating: "explainer module", count: 12) + ["link footer"])
        #expect(reasons("coastline-radio") == [title, "video caption"] + list)
        #expect(reasons("harbor-courier-1") == ["repeats the title", "repeats the previous paragraph", "promo headline"])
        #expect(reasons("harbor-courier-2") == ["repeats the title", "repeats the previous paragraph", "promo headline", "credit line: moved to credits"] + list)
    }

    @Test("the masthead names the outlet, the credit moves to the credits")
    func metadata() {
        #expect(Self.articles["tidewater-times"]?.provenance.outlet == "The Tidewater Times")
        #expect(Self.articles["tidewater-times"]?.title == "Inspectors say Harbor Bridge bearing was flagged in January")
        #expect(Self.articles["harbor-courier-2"]?.provenance.credits == ["Owen Pritchard-Lowe contributed reporting from Elmstead."])
        #expect(Self.articles["northshore-dispatch"]?.body.contains("Card ") == false)
    }
}
