/// JSON for the small columns a commit writes (arrays of strings, flat objects of strings), built
/// by hand: `JSONEncoder` costs tens of microseconds per call, and a commit writes one per
/// annotation, which made it the most expensive step of an ingest.
enum CompactJSON {
    /// `["a","b"]`.
    static func array(_ items: some Sequence<some StringProtocol>) -> String {
        var out = "["
        var first = true
        for item in items {
            if !first { out += "," }
            first = false
            append(item, to: &out)
        }
        return out + "]"
    }

    /// `{"k":"v",…}` with the pairs in the order given (nil values left out), or nil when all are nil.
    static func object(_ pairs: KeyValuePairs<String, String?>) -> String? {
        var out = "{"
        var first = true
        for (key, value) in pairs {
            guard let value else { continue }
            if !first { out += "," }
            first = false
            append(key, to: &out)
            out += ":"
            append(value, to: &out)
        }
        return first ? nil : out + "}"
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped.
    static func append(_ text: some StringProtocol, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
