import Foundation
import SynopticCore
import SynopticStore

/// An article's columns, prepared before the commit transaction starts so that the time spent
/// holding the commit lock is only the time the database needs.
///
/// PostgreSQL's `text` and `jsonb` cannot hold U+0000, which hostile input may carry. The snapshot
/// (the source of truth) is JSON, where it is written `\u0000` and survives as is; the columns kept
/// for queries and for people reading the database have it replaced by U+FFFD.
struct ArticleRow: Sendable {
    var id: String
    var contentHash: String
    var title: String?
    var outlet: String?
    var url: String?
    var published: String?
    var publishedDay: String?
    var original: String
    var cleanText: String
    var paragraphs: [String]
    /// The provenance as JSON, for `jsonb` (`metadata->>'url'`).
    var metadata: String
    /// ``ArticleSnapshot`` as JSON.
    var snapshot: String
    /// The annotations as JSON, in the layout every store shares (``AnnotationsCodec``).
    var annotationsSnapshot: String
    /// Annotations of ingest time by kind (`entities`, `quotes`, `figures`, `times`), JSON arrays.
    var annotations: [(kind: String, payload: String)]

    init(_ stored: StoredArticle) throws {
        let article = stored.article
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        id = article.id
        contentHash = stored.contentHash
        title = article.title.map(storable)
        outlet = article.provenance.outlet.map(storable)
        url = article.provenance.url.map(storable)
        published = article.provenance.published.map(storable)
        publishedDay = StoreIDs.day(article.provenance.published)
        original = storable(article.original)
        cleanText = storable(article.body)
        paragraphs = article.paragraphTexts.map { storable(String($0)) }
        metadata = String(decoding: try encoder.encode(Self.storableProvenance(article.provenance)), as: UTF8.self)
        snapshot = ArticleSnapshot(article).json()
        annotationsSnapshot = try AnnotationsCodec.encode(article.annotations)
        annotations = try AnnotationRecords.payloads(of: article, encoder: encoder)
    }

    /// The article the snapshot columns hold, with the id the store gave it.
    static func article(fromSnapshot json: String, annotations annotationsJSON: String, id: String) throws -> Article {
        let snapshot: ArticleSnapshot
        do {
            snapshot = try JSONDecoder().decode(ArticleSnapshot.self, from: Data(json.utf8))
        } catch {
            throw StoreError.damaged("article \(id): its snapshot is not readable JSON (\(error))")
        }
        var article: Article
        do {
            article = try snapshot.article()
            article.annotations = try AnnotationsCodec.decode(annotationsJSON, textLength: article.text.scalarCount)
        } catch {
            throw StoreError.damaged("article \(id): \(error)")
        }
        article.id = id
        return article
    }

    private static func storableProvenance(_ provenance: Provenance) -> Provenance {
        var copy = provenance
        copy.path = copy.path.map(storable)
        copy.url = copy.url.map(storable)
        copy.outlet = copy.outlet.map(storable)
        copy.authors = copy.authors.map(storable)
        copy.credits = copy.credits.map(storable)
        copy.published = copy.published.map(storable)
        copy.modified = copy.modified.map(storable)
        copy.publishedRaw = copy.publishedRaw.map(storable)
        copy.language = copy.language.map(storable)
        copy.encoding = copy.encoding.map(storable)
        return copy
    }
}

/// Text as PostgreSQL's `text` accepts it: U+0000 becomes U+FFFD.
func storable(_ text: String) -> String {
    text.contains("\u{0}") ? text.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}") : text
}

/// The annotations of ingest time as rows a query can read (`payload::jsonb`): each with the words
/// it covers, so a query needs no access to the article's text. They are written for queries and
/// never read back: extraction runs again when a briefing is built (see ``ArticleSnapshot``).
enum AnnotationRecords {
    struct EntityRecord: Encodable {
        var kind: String
        var name: String
        var aliases: [String]
        var roles: [String]
        var mentions: Int
    }

    struct SpanRecord: Encodable {
        var text: String
        var start: Int
        var end: Int
        var speaker: String?
        var partial: Bool?
        var confidence: Double?
        var value: String?
        var number: Double?
        var approximation: String?
        var unit: String?
        var counts: String?
        var kind: String?
        var anchor: String?
    }

    static func payloads(of article: Article, encoder: JSONEncoder) throws -> [(kind: String, payload: String)] {
        let annotations = article.annotations
        func text(_ span: TextSpan) -> String { storable(String(article[span])) }
        func span(_ span: TextSpan) -> SpanRecord {
            SpanRecord(text: text(span), start: span.start, end: span.end)
        }
        var kinds: [(String, any Encodable)] = []
        if !annotations.entities.isEmpty {
            kinds.append(
                (
                    "entities",
                    annotations.entities.map {
                        EntityRecord(
                            kind: $0.kind.rawValue, name: storable($0.name), aliases: $0.aliases.map(storable), roles: $0.roles.map(storable),
                            mentions: $0.mentionCount)
                    }
                ))
        }
        if !annotations.quotes.isEmpty {
            kinds.append(
                (
                    "quotes",
                    annotations.quotes.map { quote in
                        var record = span(quote.span)
                        record.speaker = quote.speaker.flatMap { annotations.entities.indices.contains($0) ? storable(annotations.entities[$0].name) : nil }
                        record.partial = quote.partial
                        record.confidence = quote.confidence
                        return record
                    }
                ))
        }
        if !annotations.figures.isEmpty {
            kinds.append(
                (
                    "figures",
                    annotations.figures.map { figure in
                        var record = span(figure.span)
                        record.number = figure.value.isFinite ? figure.value : nil
                        record.approximation = figure.approximation?.rawValue
                        record.unit = figure.unit.map(storable)
                        record.counts = figure.counts.map(storable)
                        return record
                    }
                ))
        }
        if !annotations.times.isEmpty {
            kinds.append(
                (
                    "times",
                    annotations.times.map { time in
                        var record = span(time.span)
                        record.kind = time.kind.rawValue
                        record.value = time.value.map(storable)
                        record.anchor = time.anchor?.rawValue
                        return record
                    }
                ))
        }
        return try kinds.map { kind, records in
            (kind, String(decoding: try encoder.encode(records), as: UTF8.self))
        }
    }
}
