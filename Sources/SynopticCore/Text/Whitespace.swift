/// Whitespace trimming and collapsing over Unicode scalars.
///
/// Foundation's `trimmingCharacters(in:)` bridges through NSString and `split(whereSeparator:
/// \.isWhitespace)` breaks the text into grapheme clusters; metadata and titles are read for
/// every page, so these work on scalars, where whitespace is one property lookup (ASCII needs
/// none).
extension StringProtocol {
    /// The text without leading and trailing whitespace (including line breaks and no-break spaces).
    public var trimmingWhitespace: String {
        String(trimmedWhitespaceSlice)
    }

    /// The text without leading and trailing whitespace, as a slice of it (no copy). Cut at scalars,
    /// not rounded to characters, so whitespace before a combining mark at either end goes too.
    public var trimmedWhitespaceSlice: Substring {
        let scalars = Substring(self).unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isWhitespaceScalar }),
            let last = scalars.lastIndex(where: { !$0.isWhitespaceScalar })
        else { return "" }
        return Substring(scalars[first...last])
    }

    /// The text with each run of whitespace made one space, and none at either end.
    public var collapsingWhitespace: String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in unicodeScalars {
            if scalar.isWhitespaceScalar {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.append(" ") }
            pendingSpace = false
            result.append(scalar)
        }
        return String(result)
    }
}

extension Unicode.Scalar {
    /// Unicode's White_Space property, with ASCII answered without a table lookup.
    @inlinable public var isWhitespaceScalar: Bool {
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        return properties.isWhitespace
    }
}
