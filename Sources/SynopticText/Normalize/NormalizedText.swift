import SynopticCore

/// Text after normalization, as scalars, with the map back to the text it came from.
public struct NormalizedText: Sendable {
    public var scalars: [Unicode.Scalar]
    /// Maps offsets in ``scalars`` to offsets in the input text.
    public var map: OffsetMap

    public init(scalars: [Unicode.Scalar], map: OffsetMap) {
        self.scalars = scalars
        self.map = map
    }

    /// The normalized text as a string.
    public var string: String { String(scalars: scalars[...]) }
}

extension String {
    /// Builds a string from scalars by writing UTF-8 directly, which is much faster than appending
    /// scalars one by one to a `UnicodeScalarView`.
    public init(scalars: ArraySlice<Unicode.Scalar>) {
        self = ScalarText(scalars: scalars).string
    }
}
