import Foundation
import SynopticCore

/// An ``Article`` as stores keep it: the clean text and the spans over it, the original text, the
/// removals and the map back to the original, as plain Codable values.
///
/// Annotations are not kept here: extraction runs again when a story's briefing is built, because
/// an undated article's times are resolved against its story, which later articles change. (Stores
/// keep the annotations of ingest time beside the snapshot, as one value per article written by
/// ``AnnotationsCodec``.)
public struct ArticleSnapshot: Codable, Hashable, Sendable {
    /// Raised when the layout changes; a reader refuses a version it does not know.
    public static let currentVersion = 1

    public var version: Int
    public var id: String
    public var provenance: Provenance
    public var title: String?
    public var dateline: String?
    public var body: String
    public var original: String
    public var blocks: [BlockSnapshot]
    public var sentences: [SentenceSnapshot]
    public var removed: [Removal]
    public var offsets: OffsetSnapshot

    public struct BlockSnapshot: Codable, Hashable, Sendable {
        public var kind: Block.Kind
        public var start: Int
        public var end: Int
        public var firstSentence: Int
        public var sentenceCount: Int
    }

    public struct SentenceSnapshot: Codable, Hashable, Sendable {
        public var start: Int
        public var end: Int
        public var block: Int
        public var quotation: Bool
    }

    public struct OffsetSnapshot: Codable, Hashable, Sendable {
        public var derived: [Int]
        public var source: [Int]
        public var derivedLength: Int
        public var sourceLength: Int
    }

    public init(_ article: Article) {
        version = Self.currentVersion
        id = article.id
        provenance = article.provenance
        title = article.title
        dateline = article.dateline
        body = article.body
        original = article.original
        blocks = article.blocks.map {
            BlockSnapshot(
                kind: $0.kind, start: $0.span.start, end: $0.span.end, firstSentence: $0.sentences.lowerBound, sentenceCount: $0.sentences.count)
        }
        sentences = article.sentences.map { SentenceSnapshot(start: $0.span.start, end: $0.span.end, block: $0.block, quotation: $0.isQuotation) }
        removed = article.removed
        offsets = OffsetSnapshot(
            derived: article.sourceMap.derivedAnchors, source: article.sourceMap.sourceAnchors, derivedLength: article.sourceMap.derivedLength,
            sourceLength: article.sourceMap.sourceLength)
    }

    /// Why a snapshot could not become an article.
    public struct Damaged: Error, CustomStringConvertible {
        public var id: String
        public var reason: String
        public var description: String { "stored article \(id) is damaged: \(reason)" }
    }

    /// The article again, with its spans checked against its text: a damaged record is an error,
    /// never an article whose spans slice outside its text.
    public func article() throws -> Article {
        guard version <= Self.currentVersion else {
            throw Damaged(id: id, reason: "snapshot version \(version) is newer than this program reads (\(Self.currentVersion))")
        }
        let text = ScalarText(body)
        let length = text.scalarCount
        func span(_ start: Int, _ end: Int) throws -> TextSpan {
            guard start >= 0, start <= end, end <= length else { throw Damaged(id: id, reason: "span \(start)..<\(end) outside a text of \(length)") }
            return TextSpan(start: start, end: end)
        }
        let sentenceList = try sentences.map { s -> Sentence in
            guard s.block >= 0, s.block < blocks.count else { throw Damaged(id: id, reason: "sentence in block \(s.block) of \(blocks.count)") }
            return Sentence(span: try span(s.start, s.end), block: s.block, isQuotation: s.quotation)
        }
        let blockList = try blocks.map { b -> Block in
            let upper = b.firstSentence + b.sentenceCount
            guard b.firstSentence >= 0, b.sentenceCount >= 0, upper <= sentenceList.count else {
                throw Damaged(id: id, reason: "block sentences \(b.firstSentence)+\(b.sentenceCount) of \(sentenceList.count)")
            }
            return Block(kind: b.kind, span: try span(b.start, b.end), sentences: b.firstSentence..<upper)
        }
        guard offsets.derivedLength == length,
            let map = OffsetMap.restored(
                derivedAnchors: offsets.derived, sourceAnchors: offsets.source, derivedLength: offsets.derivedLength,
                sourceLength: offsets.sourceLength)
        else { throw Damaged(id: id, reason: "offset map does not fit the text") }
        return Article(
            id: id, provenance: provenance, title: title, dateline: dateline, text: text, blocks: blockList, sentences: sentenceList,
            removed: removed, sourceMap: map, original: original)
    }
}
