import Foundation
import SynopticCore
import SynopticStore
import SynopticStoreTestSupport
import Testing

/// ``ArticleSnapshot/json()`` writes by hand what `JSONEncoder` wrote, byte for byte, and
/// `JSONDecoder` reads it back to the same snapshot.
@Suite("article snapshot JSON")
struct ArticleSnapshotJSONTests {
    static var snapshots: [ArticleSnapshot] {
        var odd = ArticleSnapshot(StoreFixtures.article(3, outlet: nil, published: nil).article)
        odd.title = "Quotes \"and\" back\\slashes/slashes\n\u{1}\t é 🌉"
        odd.dateline = "HARBORTOWN"
        odd.provenance.line = 12
        odd.provenance.url = "https://example.com/a/b?c=d"
        odd.provenance.credits = ["Photo: X"]
        odd.provenance.modified = "2024-01-02"
        odd.provenance.publishedRaw = "Jan 2"
        odd.provenance.language = "en"
        odd.provenance.encoding = "utf-8"
        odd.removed.append(Removal(text: "Share", reason: "debris", sourceSpan: nil))
        return [ArticleSnapshot(StoreFixtures.annotatedArticle().article), ArticleSnapshot(StoreFixtures.article(1).article), odd]
    }

    @Test("the bytes are JSONEncoder's and decode to the same snapshot", arguments: 0..<3)
    func sameAsJSONEncoder(_ index: Int) throws {
        let snapshot = Self.snapshots[index]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let reference = String(decoding: try encoder.encode(snapshot), as: UTF8.self)
        let json = snapshot.json()
        #expect(json == reference)
        #expect(try JSONDecoder().decode(ArticleSnapshot.self, from: Data(json.utf8)) == snapshot)
    }
}
