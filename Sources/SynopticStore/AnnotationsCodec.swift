import Foundation
import SynopticCore

/// How every store keeps an article's annotations of ingest time: one JSON value per article, the
/// ``AnnotationsSnapshot`` layout (keys sorted, nil fields left out), so a stored article reads back
/// with the annotations it was committed with.
///
/// One value per article rather than a row per span: an article carries a hundred or more mentions,
/// quotes, figures and times, and writing each as an indexed row was the most expensive part of a
/// commit (docs/performance.md). The value is written by hand, byte by byte (`JSONEncoder` costs
/// tens of microseconds per item), and read with `JSONDecoder`, which is off the ingest path. The
/// bytes are those `JSONEncoder` with `.sortedKeys` and `.withoutEscapingSlashes` writes for the same
/// snapshot, so either can read what the other wrote (a test checks both ways).
///
/// SQLite keeps it in `articles.annotations`, PostgreSQL in `articles.annotations_snapshot`.
package enum AnnotationsCodec {
    /// The annotations as JSON text. With `textLength`, a span outside a text of that many scalars
    /// is refused (``AnnotationsDamaged``), as ``decode(_:textLength:)`` would refuse it later.
    package static func encode(_ annotations: ArticleAnnotations, textLength: Int? = nil) throws -> String {
        if let length = textLength, let bad = firstSpan(of: annotations, outsideTextOf: length) {
            throw AnnotationsDamaged(reason: "annotation span \(bad) outside a text of \(length)")
        }
        var out = JSONBytes(capacity: 64 + annotations.mentions.count * 64 + annotations.entities.count * 80)
        out.raw("{\"entities\":[")
        for (n, entity) in annotations.entities.enumerated() {
            if n > 0 { out.raw(",") }
            out.raw("{\"aliases\":")
            out.strings(entity.aliases)
            out.raw(",\"kind\":")
            out.string(entity.kind.rawValue)
            out.raw(",\"mentionCount\":")
            out.int(entity.mentionCount)
            out.raw(",\"name\":")
            out.string(entity.name)
            out.raw(",\"roles\":")
            out.strings(entity.roles)
            out.raw("}")
        }
        out.raw("],\"figures\":[")
        for (n, figure) in annotations.figures.enumerated() {
            if n > 0 { out.raw(",") }
            out.raw("{")
            if let approximation = figure.approximation {
                out.raw("\"approximation\":")
                out.string(approximation.rawValue)
                out.raw(",")
            }
            if let counts = figure.counts {
                out.raw("\"counts\":")
                out.string(counts)
                out.raw(",")
            }
            if let span = figure.countsSpan {
                out.raw("\"countsSpan\":")
                out.span(span)
                out.raw(",")
            }
            if let span = figure.sourceSpan {
                out.raw("\"sourceSpan\":")
                out.span(span)
                out.raw(",")
            }
            out.raw("\"span\":")
            out.span(figure.span)
            if let unit = figure.unit {
                out.raw(",\"unit\":")
                out.string(unit)
            }
            // As a string, as the snapshot keeps it, so that infinities and NaN survive too.
            out.raw(",\"value\":")
            out.string(String(figure.value))
            out.raw("}")
        }
        out.raw("],\"mentions\":[")
        for (n, mention) in annotations.mentions.enumerated() {
            if n > 0 { out.raw(",") }
            out.raw("{\"entity\":")
            out.int(mention.entity)
            out.raw(",\"form\":")
            out.string(mention.form.rawValue)
            out.raw(",\"span\":")
            out.span(mention.span)
            out.raw("}")
        }
        out.raw("],\"quotes\":[")
        for (n, quote) in annotations.quotes.enumerated() {
            if n > 0 { out.raw(",") }
            out.raw("{\"confidence\":")
            try out.double(quote.confidence)
            if let span = quote.cueSpan {
                out.raw(",\"cueSpan\":")
                out.span(span)
            }
            out.raw(quote.partial ? ",\"partial\":true" : ",\"partial\":false")
            out.raw(",\"span\":")
            out.span(quote.span)
            if let speaker = quote.speaker {
                out.raw(",\"speaker\":")
                out.int(speaker)
            }
            if let span = quote.speakerSpan {
                out.raw(",\"speakerSpan\":")
                out.span(span)
            }
            out.raw("}")
        }
        out.raw("],\"times\":[")
        for (n, time) in annotations.times.enumerated() {
            if n > 0 { out.raw(",") }
            out.raw("{")
            if let anchor = time.anchor {
                out.raw("\"anchor\":")
                out.string(anchor.rawValue)
                out.raw(",")
            }
            out.raw("\"kind\":")
            out.string(time.kind.rawValue)
            out.raw(",\"span\":")
            out.span(time.span)
            if let value = time.value {
                out.raw(",\"value\":")
                out.string(value)
            }
            out.raw("}")
        }
        out.raw("]}")
        return out.text
    }

    /// The annotations of `json`; a span outside a text of `textLength` scalars, or JSON that is
    /// not such a value, is an error.
    package static func decode(_ json: some StringProtocol, textLength: Int) throws -> ArticleAnnotations {
        let snapshot: AnnotationsSnapshot
        do {
            snapshot = try JSONDecoder().decode(AnnotationsSnapshot.self, from: Data(json.utf8))
        } catch {
            throw AnnotationsDamaged(reason: "annotations are not readable JSON (\(error))")
        }
        return try snapshot.annotations(textLength: textLength)
    }

    /// The first span of `annotations` (any of them: quotes' speakers and cues, figures' counts
    /// and sources included) outside a text of `length` scalars.
    package static func firstSpan(of annotations: ArticleAnnotations, outsideTextOf length: Int) -> TextSpan? {
        func outside(_ span: TextSpan?) -> Bool { span.map { $0.start < 0 || $0.end > length } ?? false }
        for mention in annotations.mentions where outside(mention.span) { return mention.span }
        for quote in annotations.quotes {
            for span in [quote.span, quote.speakerSpan, quote.cueSpan] where outside(span) { return span }
        }
        for figure in annotations.figures {
            for span in [figure.span, figure.countsSpan, figure.sourceSpan] where outside(span) { return span }
        }
        for time in annotations.times where outside(time.span) { return time.span }
        return nil
    }

    /// Why an encoding failed: JSON has no way to write a number that is not finite.
    package struct NotFinite: Error, CustomStringConvertible {
        package var description: String { "a quote's confidence is not a finite number" }
    }
}

/// JSON text built as UTF-8 bytes. Escaping works byte by byte: the bytes JSON escapes (quote,
/// backslash, controls) are ASCII, and never part of a multi-byte UTF-8 sequence.
package struct JSONBytes {
    package var bytes: [UInt8] = []

    package init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    package var text: String { String(decoding: bytes, as: UTF8.self) }

    /// ASCII written as is.
    package mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    package mutating func int(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var n = value.magnitude
        if n < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(n))
            return
        }
        let start = bytes.count
        while n > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(n % 10))
            n /= 10
        }
        bytes[start...].reverse()
    }

    package mutating func ints(_ items: [Int]) {
        raw("[")
        for (n, item) in items.enumerated() {
            if n > 0 { raw(",") }
            int(item)
        }
        raw("]")
    }

    /// As `JSONEncoder` writes a double: its shortest form, `1` rather than `1.0`.
    package mutating func double(_ value: Double) throws {
        guard value.isFinite else { throw AnnotationsCodec.NotFinite() }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    package mutating func span(_ span: TextSpan) {
        raw("{\"end\":")
        int(span.end)
        raw(",\"start\":")
        int(span.start)
        raw("}")
    }

    package mutating func strings(_ items: [String]) {
        raw("[")
        for (n, item) in items.enumerated() {
            if n > 0 { raw(",") }
            string(item)
        }
        raw("]")
    }

    /// A string literal: quote, backslash and control characters escaped as `JSONEncoder` does.
    package mutating func string(_ text: some StringProtocol) {
        bytes.append(UInt8(ascii: "\""))
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { append(escaping: $0) }
        if done == nil {
            let copy = Array(text.utf8)
            copy.withUnsafeBufferPointer { append(escaping: $0) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func append(escaping utf8: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        for i in 0..<utf8.count {
            let byte = utf8[i]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            if runStart < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i])) }
            runStart = i + 1
            switch byte {
            case UInt8(ascii: "\""): raw("\\\"")
            case UInt8(ascii: "\\"): raw("\\\\")
            case 0x0A: raw("\\n")
            case 0x0D: raw("\\r")
            case 0x09: raw("\\t")
            case 0x08: raw("\\b")
            case 0x0C: raw("\\f")
            default:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                raw("\\u00")
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0f)])
            }
        }
        if runStart < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count])) }
    }
}
