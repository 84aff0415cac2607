/// Maps offsets in a derived text (normalized or cleaned) back to offsets in the text it came from.
///
/// Normalization collapses whitespace, rewrites quotation marks and decodes entities; cleaning drops
/// whole blocks. Both keep a map so that a span in the final text can still be shown in the original.
/// The map is piecewise: between two anchors, derived and source offsets advance together; an anchor
/// marks where they stop doing so (a deletion, an insertion or a replacement of different length).
///
/// ```swift
/// var builder = OffsetMap.Builder()
/// builder.copy(5)               // "Hello"
/// builder.replace(source: 3, derived: 1)   // "   " collapsed to " "
/// let map = builder.finish()
/// map.sourceOffset(for: 6)      // 8
/// ```
public struct OffsetMap: Hashable, Sendable {
    /// Derived-text offsets of the anchors, ascending.
    public private(set) var derivedAnchors: [Int]
    /// Source-text offsets of the anchors, non-decreasing.
    public private(set) var sourceAnchors: [Int]
    /// Length of the derived text.
    public private(set) var derivedLength: Int
    /// Length of the source text.
    public private(set) var sourceLength: Int

    /// The map of a text onto itself.
    public static func identity(length: Int) -> OffsetMap {
        OffsetMap(derivedAnchors: [0], sourceAnchors: [0], derivedLength: length, sourceLength: length)
    }

    /// A map read back from storage, or nil when its parts cannot form one (counts that differ,
    /// anchors out of order or out of range): a damaged record must not make lookups trap.
    public static func restored(derivedAnchors: [Int], sourceAnchors: [Int], derivedLength: Int, sourceLength: Int) -> OffsetMap? {
        guard !derivedAnchors.isEmpty, derivedAnchors.count == sourceAnchors.count, derivedAnchors[0] == 0,
            derivedLength >= 0, sourceLength >= 0
        else { return nil }
        for i in derivedAnchors.indices {
            guard derivedAnchors[i] >= 0, derivedAnchors[i] <= derivedLength, sourceAnchors[i] >= 0, sourceAnchors[i] <= sourceLength else {
                return nil
            }
            if i > 0, derivedAnchors[i] < derivedAnchors[i - 1] || sourceAnchors[i] < sourceAnchors[i - 1] { return nil }
        }
        return OffsetMap(derivedAnchors: derivedAnchors, sourceAnchors: sourceAnchors, derivedLength: derivedLength, sourceLength: sourceLength)
    }

    init(derivedAnchors: [Int], sourceAnchors: [Int], derivedLength: Int, sourceLength: Int) {
        self.derivedAnchors = derivedAnchors
        self.sourceAnchors = sourceAnchors
        self.derivedLength = derivedLength
        self.sourceLength = sourceLength
    }

    /// The source offset that `derivedOffset` came from.
    public func sourceOffset(for derivedOffset: Int) -> Int {
        let anchor = lastAnchor(atOrBefore: derivedOffset)
        let mapped = sourceAnchors[anchor] + (derivedOffset - derivedAnchors[anchor])
        let ceiling = anchor + 1 < sourceAnchors.count ? sourceAnchors[anchor + 1] : sourceLength
        return min(max(mapped, sourceAnchors[anchor]), ceiling)
    }

    /// The source span a derived span came from.
    public func sourceSpan(for span: TextSpan) -> TextSpan {
        let start = sourceOffset(for: span.start)
        guard !span.isEmpty else { return TextSpan(start: start, end: start) }
        // The end is exclusive. Inside a lockstep segment it maps one for one; where the span ends
        // exactly where an edit ends (`’’` rewritten as `”`), it takes in all the source the edit
        // consumed.
        let anchor = lastAnchor(atOrBefore: span.end - 1)
        let end: Int
        if anchor + 1 < derivedAnchors.count, derivedAnchors[anchor + 1] == span.end {
            end = sourceAnchors[anchor + 1]
        } else {
            end = sourceOffset(for: span.end - 1) + 1
        }
        return TextSpan(start: start, end: max(start, min(end, sourceLength)))
    }

    /// The map from this map's derived text to `inner`'s source text, where `inner` maps this map's
    /// source text further back (self: A → B, inner: B → C, result: A → C).
    public func composed(with inner: OffsetMap) -> OffsetMap {
        var derived: [Int] = []
        var source: [Int] = []
        derived.reserveCapacity(derivedAnchors.count + inner.derivedAnchors.count)
        source.reserveCapacity(derived.capacity)
        func append(_ d: Int, _ s: Int) {
            if let last = derived.last, last == d {
                source[source.count - 1] = s
            } else {
                derived.append(d)
                source.append(s)
            }
        }
        for k in derivedAnchors.indices {
            let segmentStart = derivedAnchors[k]
            let segmentEnd = k + 1 < derivedAnchors.count ? derivedAnchors[k + 1] : derivedLength
            let middleStart = sourceAnchors[k]
            let middleCeiling = k + 1 < sourceAnchors.count ? sourceAnchors[k + 1] : sourceLength
            let middleEnd = min(middleStart + (segmentEnd - segmentStart), middleCeiling)
            append(segmentStart, inner.sourceOffset(for: middleStart))
            // Inner anchors that fall inside this lockstep segment break it further.
            var i = inner.firstAnchor(after: middleStart)
            while i < inner.derivedAnchors.count, inner.derivedAnchors[i] < middleEnd {
                append(segmentStart + (inner.derivedAnchors[i] - middleStart), inner.sourceAnchors[i])
                i += 1
            }
            if middleEnd - middleStart < segmentEnd - segmentStart, middleEnd < segmentEnd {
                // The derived text runs on past what the middle text had here (an insertion).
                append(segmentStart + (middleEnd - middleStart), inner.sourceOffset(for: middleEnd))
            }
        }
        return OffsetMap(derivedAnchors: derived, sourceAnchors: source, derivedLength: derivedLength, sourceLength: inner.sourceLength)
    }

    private func lastAnchor(atOrBefore offset: Int) -> Int {
        var low = 0
        var high = derivedAnchors.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if derivedAnchors[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    private func firstAnchor(after offset: Int) -> Int {
        var low = 0
        var high = derivedAnchors.count
        while low < high {
            let mid = (low + high) / 2
            if derivedAnchors[mid] <= offset { low = mid + 1 } else { high = mid }
        }
        return low
    }
}

extension OffsetMap {
    /// Records edits in text order while a derived text is written.
    public struct Builder: Sendable {
        private var derived: [Int] = [0]
        private var source: [Int] = [0]
        private var inLockstep = true
        /// Scalars written to the derived text so far.
        public private(set) var derivedPosition = 0
        /// Scalars of the source consumed so far.
        public private(set) var sourcePosition = 0

        public init() {}

        /// Source scalars copied unchanged (or replaced one for one).
        public mutating func copy(_ count: Int = 1) {
            guard count > 0 else { return }
            if !inLockstep { anchor() }
            derivedPosition += count
            sourcePosition += count
        }

        /// `source` scalars rewritten as `derived` scalars.
        public mutating func replace(source sourceCount: Int, derived derivedCount: Int) {
            if sourceCount == derivedCount {
                copy(sourceCount)
                return
            }
            if !inLockstep { anchor() }
            derivedPosition += derivedCount
            sourcePosition += sourceCount
            inLockstep = false
        }

        /// Source scalars dropped.
        public mutating func delete(_ count: Int) { replace(source: count, derived: 0) }

        /// Scalars added that the source never had.
        public mutating func insert(_ count: Int) { replace(source: 0, derived: count) }

        private mutating func anchor() {
            if derived.last == derivedPosition {
                source[source.count - 1] = sourcePosition
            } else {
                derived.append(derivedPosition)
                source.append(sourcePosition)
            }
            inLockstep = true
        }

        /// The finished map; `sourceLength` defaults to what was consumed.
        public mutating func finish(sourceLength: Int? = nil) -> OffsetMap {
            if !inLockstep { anchor() }
            return OffsetMap(
                derivedAnchors: derived, sourceAnchors: source,
                derivedLength: derivedPosition, sourceLength: sourceLength ?? sourcePosition)
        }
    }
}
