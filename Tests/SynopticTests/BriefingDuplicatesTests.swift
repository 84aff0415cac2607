import Foundation
import Synoptic
import SynopticTestSupport
import Testing

/// The duplicates stage as the briefing runs it, through to the JSON document.
@Suite("Briefing duplicates")
struct BriefingDuplicatesTests {
    /// Invented paragraphs about an invented library reopening.
    static let paragraphs = [
        "The Ashgrove public library reopened on Saturday after eleven months of repairs to its flooded basement, with a queue of readers stretching past the old fire station before the doors opened at nine.",
        "Librarian Odile Marchetti said about 14,000 books had been dried, cleaned or replaced, and that the children's room now sits on the first floor, above the level the river reached last spring.",
        "The town paid for most of the work from its reserve fund. A regional heritage grant covered the new oak shelving, which was made by a carpentry cooperative from the valley.",
        "Volunteers spent the last fortnight carrying boxes up from the storage barn where the collection waited out the repairs, sorting atlases, local newspapers and the parish records by hand.",
        "The flood also destroyed the old card catalogue, which the library had kept as a curiosity long after it moved to computers; a few drawers were saved and now stand by the entrance.",
        "Opening hours return to normal next week, and the reading group that met in the café across the square during the closure will move back to the library's west room.",
    ]

    @Test("an exact copy and a trimmed reprint are listed in the story's duplicates")
    func duplicatesInTheDocument() throws {
        let dir = try SharedData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let files: [(String, String)] = [
            ("a-herald.txt", "Ashgrove library reopens after flood repairs\n\n" + Self.paragraphs.joined(separator: "\n\n")),
            ("b-wire.txt", "Flooded library reopens its doors\n\n" + Self.paragraphs.prefix(2).joined(separator: "\n\n")),
            ("c-mirror.txt", "Ashgrove library reopens after flood repairs\n\n" + Self.paragraphs.joined(separator: "\n\n")),
        ]
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let briefing = BriefingPipeline().run([dir.path])
        let story = try #require(briefing.stories.first)
        #expect(story.duplicates.map(\.articles) == [["a-herald", "b-wire"], ["a-herald", "c-mirror"]])
        #expect(story.duplicates.map(\.kind) == [.copy, .exact])

        let json = try OutputFormat.json.render(briefing)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let stories = try #require(document["stories"] as? [[String: Any]])
        let duplicates = try #require(stories.first?["duplicates"] as? [[String: Any]])
        #expect(duplicates.count == 2)
        #expect(duplicates.first?["kind"] as? String == "copy")
        #expect(duplicates.last?["similarity"] as? Double == 1)

        let markdown = try OutputFormat.markdown.render(briefing)
        #expect(markdown.contains("## Duplicates"))
        #expect(markdown.contains("`a-herald` [1] and `c-mirror` [3]: the same text."))
        #expect(markdown.contains("`a-herald` [1] and `b-wire` [2]: a copy"))
    }
}
