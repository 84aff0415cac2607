import Foundation
import SynopticCore
import SynopticStore
import SynopticStoreTestSupport
import Testing

/// The one annotations codec every store shares (``AnnotationsCodec``): a round trip gives the
/// annotations back exactly, and its bytes are what `JSONEncoder` writes for the same snapshot, so
/// values written before the codec (PostgreSQL's `annotations_snapshot`) still read.
@Suite("annotations codec")
struct AnnotationsCodecTests {
    /// Every field set, and some unset; names that need escaping.
    static let handMade = ArticleAnnotations(
        entities: [
            Entity(kind: .person, name: "Maria \"Mia\" López", aliases: ["Lopez", "Ms. López"], roles: ["director"], mentionCount: 3),
            Entity(kind: .organization, name: "Back\\slash/Slash Co.\n\t\u{1}", aliases: [], roles: [], mentionCount: 0),
            Entity(kind: .place, name: "🌉 Harbortown\u{2028}", mentionCount: 12),
        ],
        mentions: [
            Mention(span: TextSpan(start: 0, end: 11), entity: 0, form: .name),
            Mention(span: TextSpan(start: 40, end: 42), entity: 0, form: .pronoun),
            Mention(span: TextSpan(start: 50, end: 60), entity: 1, form: .description),
        ],
        quotes: [
            QuoteAnnotation(
                span: TextSpan(start: 12, end: 30), speaker: 0, speakerSpan: TextSpan(start: 0, end: 11), cueSpan: TextSpan(start: 31, end: 35),
                partial: false, confidence: 0.8525),
            QuoteAnnotation(span: TextSpan(start: 70, end: 80), partial: true, confidence: 1),
            QuoteAnnotation(span: TextSpan(start: 81, end: 81), confidence: 1e-7),
        ],
        figures: [
            Figure(
                span: TextSpan(start: 90, end: 110), value: 106_000, approximation: .moreThan, unit: "USD", counts: "troops",
                countsSpan: TextSpan(start: 104, end: 110), sourceSpan: TextSpan(start: 0, end: 11)),
            Figure(span: TextSpan(start: 111, end: 115), value: 1.5e9),
            Figure(span: TextSpan(start: 116, end: 120), value: -.infinity, unit: "%"),
        ],
        times: [
            TimeExpression(span: TextSpan(start: 121, end: 130), kind: .date, value: "2024-02-26", anchor: .publication),
            TimeExpression(span: TextSpan(start: 131, end: 140), kind: .duration, value: nil, anchor: nil),
        ])

    static var cases: [ArticleAnnotations] {
        [handMade, ArticleAnnotations(), StoreFixtures.annotatedArticle().article.annotations]
    }

    @Test("encoding and decoding gives the annotations back exactly", arguments: 0..<3)
    func roundTrip(_ index: Int) throws {
        let annotations = Self.cases[index]
        let json = try AnnotationsCodec.encode(annotations)
        #expect(try AnnotationsCodec.decode(json, textLength: 1_000) == annotations)
        #expect(try JSONSerialization.jsonObject(with: Data(json.utf8)) is [String: Any])
    }

    @Test("the bytes are JSONEncoder's, and JSONEncoder's bytes decode", arguments: 0..<3)
    func sameAsJSONEncoder(_ index: Int) throws {
        let annotations = Self.cases[index]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let reference = String(decoding: try encoder.encode(AnnotationsSnapshot(annotations)), as: UTF8.self)
        let encoded = try AnnotationsCodec.encode(annotations)
        #expect(encoded == reference)
        // As PostgreSQL's store wrote them before the codec (slashes escaped).
        encoder.outputFormatting = [.sortedKeys]
        let older = String(decoding: try encoder.encode(AnnotationsSnapshot(annotations)), as: UTF8.self)
        #expect(try AnnotationsCodec.decode(older, textLength: 1_000) == annotations)
    }

    @Test("a NaN figure survives; a span outside the text and a confidence that is not finite are refused")
    func edges() throws {
        var annotations = ArticleAnnotations(figures: [Figure(span: TextSpan(start: 0, end: 3), value: .nan)])
        let decoded = try AnnotationsCodec.decode(try AnnotationsCodec.encode(annotations), textLength: 3)
        #expect(decoded.figures.first?.value.isNaN == true)

        #expect(throws: AnnotationsDamaged.self) { try AnnotationsCodec.encode(Self.handMade, textLength: 100) }
        #expect(throws: AnnotationsDamaged.self) { try AnnotationsCodec.decode(try AnnotationsCodec.encode(Self.handMade), textLength: 100) }
        #expect(throws: AnnotationsDamaged.self) { try AnnotationsCodec.decode("{\"entities\":", textLength: 100) }
        annotations.quotes = [QuoteAnnotation(span: TextSpan(start: 0, end: 1), confidence: .nan)]
        #expect(throws: AnnotationsCodec.NotFinite.self) { try AnnotationsCodec.encode(annotations) }
    }
}
