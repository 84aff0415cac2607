import Foundation
import SynopticCore

/// Finds the dateline that opens a news story: a place in capitals, optionally a region, a date or
/// a wire credit, then a dash (`VIENNA — `, `NAIROBI, Kenya (AP) _ `, `KYIV, Jan 14 (Reuters) - `).
public struct DatelineDetector: Sendable {
    public init() {}

    /// The dateline's place (without wire credit or date) and the span of the whole dateline
    /// prefix including the dash, or `nil` when the block does not open with one.
    public func dateline(in text: [Unicode.Scalar], range: Range<Int>) -> (place: String, span: TextSpan)? {
        let limit = min(range.upperBound, range.lowerBound + 80)
        // A dateline opens with two capital letters; most paragraphs are ruled out here.
        guard range.count > 3, ScalarClass.isUppercase(text[range.lowerBound]), ScalarClass.isUppercase(text[range.lowerBound + 1]) else {
            return nil
        }
        // Find the separating dash.
        var dash: Int?
        var i = range.lowerBound
        while i + 2 < limit {
            if text[i] == " ", ["\u{2014}", "\u{2013}", "-", "_"].contains(text[i + 1]), text[i + 2] == " " {
                dash = i
                break
            }
            if text[i] == "\u{2014}" && i > range.lowerBound { dash = i; break }
            i += 1
        }
        guard let dashIndex = dash else { return nil }
        let prefix = String(String.UnicodeScalarView(text[range.lowerBound..<dashIndex]))
        // Strip a wire credit in parentheses and a trailing date after a comma.
        var place = prefix
        if let paren = place.firstIndex(of: "(") {
            guard place.hasSuffix(")") else { return nil }
            place = String(place[..<paren]).trimmingCharacters(in: .whitespaces)
        }
        let words = place.split(separator: " ")
        guard let first = words.first, words.count <= 7 else { return nil }
        // The place opens in capitals: at least two capital letters and no lower-case letter.
        let firstLetters = first.unicodeScalars.filter { $0.properties.isAlphabetic }
        guard firstLetters.count >= 2, firstLetters.allSatisfy({ $0.properties.isUppercase }) else { return nil }
        // Every later word is capitalized, a number, or a month abbreviation with its day.
        for word in words.dropFirst() {
            guard let initial = word.unicodeScalars.first else { return nil }
            guard initial.properties.isUppercase || initial.properties.numericType != nil else { return nil }
        }
        // Keep the place: the capitalized part and a region after a comma, not a date.
        var parts = place.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
        while parts.count > 1, let last = parts.last, last.unicodeScalars.contains(where: { $0.properties.numericType != nil }) {
            parts.removeLast()
        }
        var end = dashIndex
        while end < limit, text[end] == " " || ["\u{2014}", "\u{2013}", "-", "_"].contains(text[end]) { end += 1 }
        return (parts.joined(separator: ", "), TextSpan(start: range.lowerBound, end: end))
    }
}
