import Foundation
import Synoptic
import SynopticStore

/// Small invented articles for store tests: each numbered article has text of its own (so its
/// own content hash), a title, two paragraphs and, when asked, an outlet and a date.
public enum StoreFixtures {
    static let places = ["Harbor", "Valley", "River", "Mountain", "Coast", "Forest", "Desert", "Island", "Bridge", "Station"]
    static let subjects = ["council", "union", "ministry", "court", "agency", "school board", "port authority", "utility"]

    /// Article `n` with id `report-n` (or `id`), as a store would be handed it.
    public static func article(_ n: Int, id: String? = nil, outlet: String? = "Example Wire", published: String? = "2024-03-01") -> StoredArticle {
        let place = places[n % places.count], subject = subjects[(n / places.count) % subjects.count]
        let original = """
            \(place) \(subject) votes on plan number \(n)

            The \(subject) of \(place) met on Tuesday to decide plan number \(n), which has divided residents for months. \
            Officials said the vote would settle the matter.

            Supporters said plan \(n) would cost \(n * 3) million dollars over five years; opponents called the figure too low.
            """
        let provenance = Provenance(origin: .textFile, path: "fixtures/report-\(n).txt", outlet: outlet, authors: ["A. Writer"], published: published)
        let article = ArticleAssembler().assemble(id: id ?? "report-\(n)", provenance: provenance, original: original)
        return StoredArticle(article: article, contentHash: ContentHash.of(article))
    }

    /// An article through the whole pipeline: cleaned, with removals, and annotated (people,
    /// quotes, figures, times), to check that a store gives back exactly what it was given.
    public static func annotatedArticle() -> StoredArticle {
        let original = """
            Harbor bridge to close for repairs

            By Jane Roe

            HARBORTOWN — The harbor bridge will close for six weeks starting March 4, the city's transport \
            department said on Monday. "We have no choice," said Maria Lopez, the department's director. \
            About 40,000 vehicles cross the bridge each day.

            Detours will add up to 20 minutes to commutes, officials said. The work is expected to cost $12 million.

            Share this article
            """
        let provenance = Provenance(
            origin: .textFile, path: "fixtures/harbor.txt", url: "https://example.com/harbor", outlet: "Harbor Times", authors: ["Jane Roe"],
            published: "2024-02-26T08:00:00Z", language: "en", encoding: "utf-8")
        let article = ArticleAssembler().assemble(id: "harbor", provenance: provenance, original: original)
        let annotated = BriefingPipeline().annotate([article])[0]
        return StoredArticle(article: annotated, contentHash: ContentHash.of(annotated))
    }

    /// An annotated article no store may keep: a mention's span runs past the end of its clean
    /// text, so it would not read back (every store refuses it at commit).
    public static func unstorableArticle() -> StoredArticle {
        var stored = annotatedArticle()
        let length = stored.article.text.scalarCount
        stored.article.id = "unstorable"
        stored.article.annotations.mentions[0].span = TextSpan(start: length - 2, end: length + 40)
        stored.contentHash = ContentHash.of(text: "unstorable " + stored.article.original)
        return stored
    }
}
