/// A half-open range of Unicode scalar (code point) offsets into one text.
///
/// Every annotation in Synoptic (block, sentence, and later entities, quotes and figures) is a span
/// over an article's clean text, never a copy, so any line of a briefing can point back to the exact
/// words it came from. Offsets count Unicode scalars, which is what Python's `str` indexes by, so
/// `body[start:end]` in a script reproduces the span.
///
/// ```swift
/// let span = TextSpan(start: 0, end: 6)   // the first six code points
/// ```
public struct TextSpan: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// Offset of the first scalar.
    public var start: Int
    /// Offset one past the last scalar.
    public var end: Int

    public init(start: Int, end: Int) {
        precondition(start <= end, "a span cannot end before it starts")
        self.start = start
        self.end = end
    }

    /// Number of scalars the span covers.
    public var length: Int { end - start }
    public var isEmpty: Bool { start == end }

    /// Whether `offset` lies inside the span.
    public func contains(_ offset: Int) -> Bool { offset >= start && offset < end }

    /// Whether `other` lies wholly inside this span.
    public func contains(_ other: TextSpan) -> Bool { other.start >= start && other.end <= end }

    /// The span moved by `delta` scalars.
    public func shifted(by delta: Int) -> TextSpan { TextSpan(start: start + delta, end: end + delta) }

    public static func < (lhs: TextSpan, rhs: TextSpan) -> Bool {
        lhs.start != rhs.start ? lhs.start < rhs.start : lhs.end < rhs.end
    }

    public var description: String { "[\(start), \(end))" }
}
