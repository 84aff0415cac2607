import Foundation
import SynopticCore

/// ``ArticleAnnotations`` as Codable values, so a stored article reads back with the annotations
/// it was committed with (``ArticleSnapshot`` leaves them out, and the store contract gives an
/// article back whole).
///
/// Field for field the core types; when one of them gains a field, add it here and to
/// ``AnnotationsCodec/encode(_:)`` too, or the store conformance check "an article round-trips
/// whole" fails (it compares whole articles). Written by ``AnnotationsCodec``, read with
/// `JSONDecoder` through this type.
package struct AnnotationsSnapshot: Codable, Hashable, Sendable {
    var entities: [EntitySnapshot]
    var mentions: [MentionSnapshot]
    var quotes: [QuoteSnapshot]
    var figures: [FigureSnapshot]
    var times: [TimeSnapshot]

    struct EntitySnapshot: Codable, Hashable, Sendable {
        var kind: Entity.Kind
        var name: String
        var aliases: [String]
        var roles: [String]
        var mentionCount: Int
    }

    struct MentionSnapshot: Codable, Hashable, Sendable {
        var span: TextSpan
        var entity: Int
        var form: Mention.Form
    }

    struct QuoteSnapshot: Codable, Hashable, Sendable {
        var span: TextSpan
        var speaker: Int?
        var speakerSpan: TextSpan?
        var cueSpan: TextSpan?
        var partial: Bool
        var confidence: Double
    }

    struct FigureSnapshot: Codable, Hashable, Sendable {
        var span: TextSpan
        /// As a string, so that infinities and NaN (which JSON cannot write) survive too.
        var value: String
        var approximation: Figure.Approximation?
        var unit: String?
        var counts: String?
        var countsSpan: TextSpan?
        var sourceSpan: TextSpan?
    }

    struct TimeSnapshot: Codable, Hashable, Sendable {
        var span: TextSpan
        var kind: TimeExpression.Kind
        var value: String?
        var anchor: TimeExpression.Anchor?
    }

    package init(_ annotations: ArticleAnnotations) {
        entities = annotations.entities.map {
            EntitySnapshot(kind: $0.kind, name: $0.name, aliases: $0.aliases, roles: $0.roles, mentionCount: $0.mentionCount)
        }
        mentions = annotations.mentions.map { MentionSnapshot(span: $0.span, entity: $0.entity, form: $0.form) }
        quotes = annotations.quotes.map {
            QuoteSnapshot(
                span: $0.span, speaker: $0.speaker, speakerSpan: $0.speakerSpan, cueSpan: $0.cueSpan, partial: $0.partial,
                confidence: $0.confidence)
        }
        figures = annotations.figures.map {
            FigureSnapshot(
                span: $0.span, value: String($0.value), approximation: $0.approximation, unit: $0.unit, counts: $0.counts,
                countsSpan: $0.countsSpan, sourceSpan: $0.sourceSpan)
        }
        times = annotations.times.map { TimeSnapshot(span: $0.span, kind: $0.kind, value: $0.value, anchor: $0.anchor) }
    }

    /// The annotations again; spans outside a text of `length` scalars make the row damaged.
    package func annotations(textLength length: Int) throws -> ArticleAnnotations {
        var spans: [TextSpan] = mentions.map(\.span) + quotes.map(\.span) + figures.map(\.span) + times.map(\.span)
        spans += quotes.flatMap { [$0.speakerSpan, $0.cueSpan].compactMap { $0 } }
        spans += figures.flatMap { [$0.countsSpan, $0.sourceSpan].compactMap { $0 } }
        if let bad = spans.first(where: { $0.start < 0 || $0.end > length }) {
            throw AnnotationsDamaged(reason: "annotation span \(bad) outside a text of \(length)")
        }
        return ArticleAnnotations(
            entities: entities.map { Entity(kind: $0.kind, name: $0.name, aliases: $0.aliases, roles: $0.roles, mentionCount: $0.mentionCount) },
            mentions: mentions.map { Mention(span: $0.span, entity: $0.entity, form: $0.form) },
            quotes: quotes.map {
                QuoteAnnotation(
                    span: $0.span, speaker: $0.speaker, speakerSpan: $0.speakerSpan, cueSpan: $0.cueSpan, partial: $0.partial,
                    confidence: $0.confidence)
            },
            figures: try figures.map {
                guard let value = Double($0.value) else { throw AnnotationsDamaged(reason: "figure value \($0.value)") }
                return Figure(
                    span: $0.span, value: value, approximation: $0.approximation, unit: $0.unit, counts: $0.counts, countsSpan: $0.countsSpan,
                    sourceSpan: $0.sourceSpan)
            },
            times: times.map { TimeExpression(span: $0.span, kind: $0.kind, value: $0.value, anchor: $0.anchor) })
    }
}

package struct AnnotationsDamaged: Error, CustomStringConvertible {
    package var reason: String
    package var description: String { reason }
}
