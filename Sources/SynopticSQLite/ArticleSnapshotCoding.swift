import Foundation
import SynopticCore
import SynopticStore

/// What the `snapshot` column holds: an ``ArticleSnapshot`` as JSON (sorted keys, so the same
/// article always gives the same bytes). JSON rather than a binary format because a person
/// debugging a store can read it with `sqlite3` and `json_extract`, and because Foundation's JSON
/// coder is the fastest Codable coder on Linux.
enum ArticleSnapshotCoding {
    static func encode(_ article: Article) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(ArticleSnapshot(article))
    }

    static func decode(_ data: Data) throws -> Article {
        try JSONDecoder().decode(ArticleSnapshot.self, from: data).article()
    }
}
