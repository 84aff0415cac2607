import Foundation
import SynopticCore
import SynopticExtract

/// Scores time expressions against TimeML gold the way TempEval-3's `TE3-evaluation.py` does:
/// detection with relaxed (any overlap) and strict (same span) matching; the value F1, which is
/// value accuracy over the relaxed matches times the relaxed detection F1; and type accuracy over
/// relaxed matches.
///
/// Matching is one to one, as the TempEval-3 normalizer pairs tags: each gold expression takes the
/// first unused prediction that overlaps it, an identical span first. A prediction that overlaps a
/// gold expression only in part is a relaxed match (its value is judged), not a strict one; a
/// prediction that overlaps two gold expressions matches one, and the other counts as missed. With
/// one-to-one matches the value F1 is also the F1 of value precision (correct values over
/// predictions) and value recall (correct values over gold): `2·correct / (gold + predicted)`.
/// The document's creation time (`functionInDocument="CREATION_TIME"`, TempEval's `t0`) is the
/// anchor, not an item to find, as in TempEval-3.
public struct TimeEvaluation: Sendable {
    /// A gold TIMEX3: its span over the document's plain text, type and value.
    public struct Gold: Sendable, Hashable {
        public var span: TextSpan
        public var type: String
        public var value: String
    }

    /// One TimeML document as plain text, its creation time and gold time expressions.
    public struct Document: Sendable {
        public var name: String
        public var text: String
        /// The document creation time's value (`1998-02-06T22:19:00`).
        public var creationTime: String?
        public var gold: [Gold]
    }

    public struct Score: Sendable, Hashable {
        public var gold = 0
        public var predicted = 0
        public var relaxedMatches = 0
        public var strictMatches = 0
        public var valueCorrect = 0
        public var typeCorrect = 0

        static func f1(_ p: Double, _ r: Double) -> Double { p + r == 0 ? 0 : 2 * p * r / (p + r) }
        public var relaxedPrecision: Double { predicted == 0 ? 0 : Double(relaxedMatches) / Double(predicted) }
        public var relaxedRecall: Double { gold == 0 ? 0 : Double(relaxedMatches) / Double(gold) }
        public var relaxedF1: Double { Self.f1(relaxedPrecision, relaxedRecall) }
        public var strictPrecision: Double { predicted == 0 ? 0 : Double(strictMatches) / Double(predicted) }
        public var strictRecall: Double { gold == 0 ? 0 : Double(strictMatches) / Double(gold) }
        public var strictF1: Double { Self.f1(strictPrecision, strictRecall) }
        public var valuePrecision: Double { predicted == 0 ? 0 : Double(valueCorrect) / Double(predicted) }
        public var valueRecall: Double { gold == 0 ? 0 : Double(valueCorrect) / Double(gold) }
        /// TempEval-3's value F1: value accuracy over relaxed matches times the relaxed F1 (equal to
        /// the F1 of `valuePrecision` and `valueRecall`, since matches are one to one).
        public var valueF1: Double { valueAccuracy * relaxedF1 }
        /// Type accuracy over relaxed matches.
        public var typeAccuracy: Double { relaxedMatches == 0 ? 0 : Double(typeCorrect) / Double(relaxedMatches) }
        /// Value accuracy over relaxed matches.
        public var valueAccuracy: Double { relaxedMatches == 0 ? 0 : Double(valueCorrect) / Double(relaxedMatches) }
    }

    /// A disagreement, for `--errors`.
    public struct Mistake: Sendable {
        public enum Kind: String, Sendable { case missed, spurious, value }
        public var kind: Kind
        public var document: String
        public var context: String
        public var text: String
        public var expected: String?
        public var found: String?
    }

    public let tagger = TimeTagger()

    public init() {}

    /// Every `.tml` file under `directory`, in name order.
    public static func load(_ directory: URL) throws -> [Document] {
        let fm = FileManager.default
        guard let enumerator = fm.enumerator(at: directory, includingPropertiesForKeys: nil) else { return [] }
        var paths: [URL] = []
        for case let url as URL in enumerator where url.pathExtension == "tml" { paths.append(url) }
        return try paths.sorted { $0.path < $1.path }.map { url in
            read(try String(contentsOf: url, encoding: .utf8), name: url.deletingPathExtension().lastPathComponent)
        }
    }

    /// Reads one TimeML document: the `<DCT>` value, and the `<TEXT>` with its tags stripped,
    /// entities unescaped and the TIMEX3 spans kept (the creation time is not among them).
    public static func read(_ xml: String, name: String) -> Document {
        let scalars = Array(xml.unicodeScalars)
        var creationTime: String?
        if let dct = find(Array("<DCT>".unicodeScalars), in: scalars, from: 0),
            let tagEnd = find([">"], in: scalars, from: find(Array("<TIMEX3".unicodeScalars), in: scalars, from: dct) ?? dct)
        {
            let tag = String(String.UnicodeScalarView(scalars[dct..<tagEnd]))
            creationTime = attributes(tag)["value"]
        }
        guard let open = find(Array("<TEXT>".unicodeScalars), in: scalars, from: 0) else {
            return Document(name: name, text: "", creationTime: creationTime, gold: [])
        }
        let close = find(Array("</TEXT>".unicodeScalars), in: scalars, from: open) ?? scalars.count
        var text = String.UnicodeScalarView()
        var count = 0
        var gold: [Gold] = []
        var openTimex: (start: Int, attributes: [String: String])?
        var i = open + 6
        while i < close {
            let s = scalars[i]
            if s == "<" {
                let end = find([">"], in: scalars, from: i) ?? close
                let tag = String(String.UnicodeScalarView(scalars[i...min(end, close - 1)]))
                if tag.hasPrefix("<TIMEX3") {
                    openTimex = (count, attributes(tag))
                    if tag.hasSuffix("/>") { openTimex = nil }
                } else if tag.hasPrefix("</TIMEX3"), let t = openTimex {
                    if count > t.start, t.attributes["functionInDocument"] != "CREATION_TIME" {
                        gold.append(
                            Gold(span: TextSpan(start: t.start, end: count), type: t.attributes["type"] ?? "", value: t.attributes["value"] ?? ""))
                    }
                    openTimex = nil
                }
                i = end + 1
                continue
            }
            if s == "&", let semi = find([";"], in: scalars, from: i), semi - i <= 8 {
                let entity = String(String.UnicodeScalarView(scalars[(i + 1)..<semi]))
                if let decoded = decode(entity) {
                    text.append(decoded)
                    count += 1
                    i = semi + 1
                    continue
                }
            }
            text.append(s)
            count += 1
            i += 1
        }
        return Document(name: name, text: String(text), creationTime: creationTime, gold: gold)
    }

    private static func decode(_ entity: String) -> Unicode.Scalar? {
        switch entity {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default:
            if entity.hasPrefix("#x"), let v = UInt32(entity.dropFirst(2), radix: 16) { return Unicode.Scalar(v) }
            if entity.hasPrefix("#"), let v = UInt32(entity.dropFirst()) { return Unicode.Scalar(v) }
            return nil
        }
    }

    private static func find(_ needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        var i = start
        while i + needle.count <= haystack.count {
            if haystack[i] == needle[0] {
                var k = 1
                while k < needle.count && haystack[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    /// `name="value"` pairs of a tag.
    static func attributes(_ tag: String) -> [String: String] {
        var result: [String: String] = [:]
        var rest = Substring(tag)
        while let eq = rest.firstIndex(of: "=") {
            let name = rest[..<eq].split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "<" }).last.map(String.init) ?? ""
            let afterEq = rest.index(after: eq)
            guard afterEq < rest.endIndex, rest[afterEq] == "\"" else {
                rest = rest[afterEq...]
                continue
            }
            let valueStart = rest.index(after: afterEq)
            guard let close = rest[valueStart...].firstIndex(of: "\"") else { break }
            result[name] = String(rest[valueStart..<close])
            rest = rest[rest.index(after: close)...]
        }
        return result
    }

    /// The tagger's expressions for one document, anchored at its creation time.
    public func predict(_ document: Document) -> [TimeExpression] {
        let (text, anchor) = Self.tokenized(document)
        return tagger.tag(text, anchor: anchor)
    }

    /// The document's tokens, with the sentences the pipeline finds (so the tagger reads tense
    /// within a sentence), and its creation time as the publication anchor.
    public static func tokenized(_ document: Document) -> (TokenizedText, TimeAnchor?) {
        let anchor = document.creationTime.flatMap { TimeAnchor(iso8601: $0, kind: .publication) }
        let count = document.text.unicodeScalars.count
        var spans: [TextSpan] = []
        var start = 0
        for boundary in SentenceEvaluation().predictedBoundaries(document.text, keepsQuotationsWhole: false)
        where boundary > start && boundary < count {
            spans.append(TextSpan(start: start, end: boundary))
            start = boundary
        }
        spans.append(TextSpan(start: start, end: count))
        return (TokenizedText(document.text, sentences: spans), anchor)
    }

    /// Scores every document.
    public func score(_ documents: [Document]) -> Score { evaluate(documents).score }

    /// Scores every document and lists each disagreement: gold missed, predictions matching no
    /// gold, and matches with another value.
    public func evaluate(_ documents: [Document]) -> (score: Score, mistakes: [Mistake]) {
        var score = Score()
        var mistakes: [Mistake] = []
        for document in documents {
            let predicted = predict(document)
            score.gold += document.gold.count
            score.predicted += predicted.count
            let scalars = Array(document.text.unicodeScalars)
            func slice(_ span: TextSpan) -> String {
                String(String.UnicodeScalarView(scalars[max(0, span.start)..<min(scalars.count, span.end)]))
            }
            func context(_ span: TextSpan) -> String {
                let a = max(0, span.start - 60), b = min(scalars.count, span.end + 60)
                return String(String.UnicodeScalarView(scalars[a..<span.start])) + "[" + slice(span) + "]"
                    + String(String.UnicodeScalarView(scalars[span.end..<b])).replacingOccurrences(of: "\n", with: " ")
            }
            var used = Array(repeating: false, count: predicted.count)
            for g in document.gold {
                // Relaxed: the first unmatched prediction that overlaps, preferring an exact span.
                var pick: Int?
                for (k, p) in predicted.enumerated() where !used[k] && p.span.start < g.span.end && g.span.start < p.span.end {
                    if p.span == g.span {
                        pick = k
                        break
                    }
                    if pick == nil { pick = k }
                }
                guard let k = pick else {
                    mistakes.append(
                        Mistake(kind: .missed, document: document.name, context: context(g.span), text: slice(g.span), expected: g.value))
                    continue
                }
                used[k] = true
                let p = predicted[k]
                score.relaxedMatches += 1
                if p.span == g.span { score.strictMatches += 1 }
                if p.kind.rawValue == g.type { score.typeCorrect += 1 }
                if p.value == g.value {
                    score.valueCorrect += 1
                } else {
                    mistakes.append(
                        Mistake(
                            kind: .value, document: document.name, context: context(g.span), text: slice(p.span), expected: g.value,
                            found: p.value))
                }
            }
            for (k, p) in predicted.enumerated() where !used[k] {
                mistakes.append(
                    Mistake(kind: .spurious, document: document.name, context: context(p.span), text: slice(p.span), found: p.value))
            }
        }
        return (score, mistakes)
    }
}
