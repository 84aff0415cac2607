import SynopticStore

/// JSON for the small columns a commit writes (arrays of strings), built by hand as UTF-8 bytes
/// (``JSONBytes``): `JSONEncoder` costs tens of microseconds per call, and appending to a `String`
/// scalar by scalar cost a tenth of a commit for the paragraphs column alone.
enum CompactJSON {
    /// `["a","b"]`.
    static func array(_ items: some Sequence<some StringProtocol>) -> String {
        var out = JSONBytes(capacity: 256)
        out.raw("[")
        var first = true
        for item in items {
            if !first { out.raw(",") }
            first = false
            out.string(item)
        }
        out.raw("]")
        return out.text
    }
}
