import Foundation
import SynopticCore
import SynopticStore

/// What the `snapshot` column holds: an ``ArticleSnapshot`` as JSON (sorted keys, so the same
/// article always gives the same bytes; written by hand, ``ArticleSnapshot/json()``), without its two texts, which the row keeps in `clean` and
/// `original` already: storing them twice made every commit write twice the bytes. JSON rather
/// than a binary format because a person debugging a store can read it with `sqlite3` and
/// `json_extract`.
enum ArticleSnapshotCoding {
    static func encode(_ article: Article) throws -> Data {
        var snapshot = ArticleSnapshot(article)
        snapshot.body = ""
        snapshot.original = ""
        return Data(snapshot.jsonBytes())
    }

    /// The article of a row: the snapshot with the row's texts put back.
    static func decode(_ data: Data, clean: String, original: String) throws -> Article {
        var snapshot = try JSONDecoder().decode(ArticleSnapshot.self, from: data)
        snapshot.body = clean
        snapshot.original = original
        return try snapshot.article()
    }
}
