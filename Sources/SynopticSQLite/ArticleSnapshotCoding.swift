import Foundation
import SynopticCore

/// The seam between the store and the article codec: the `snapshot` column holds what this
/// encodes. TEMPORARY until `ArticleSnapshot` lands in SynopticStore.
enum ArticleSnapshotCoding {
    struct NotYet: Error {}
    static func encode(_ article: Article) throws -> Data { Data() }
    static func decode(_ data: Data) throws -> Article { throw NotYet() }
}
