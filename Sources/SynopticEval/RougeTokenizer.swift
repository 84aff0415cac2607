import SynopticCore

/// The tokenizer of Google's `rouge-score` (`tokenize.tokenize` with `use_stemmer=True`), which
/// follows Chin-Yew Lin's original ROUGE: the text is lowercased, every character other than `a`–`z`
/// and `0`–`9` separates tokens, and tokens longer than three characters are Porter-stemmed
/// (``PorterStemmer``, NLTK's default mode).
///
/// ```swift
/// RougeTokenizer().tokens("The Senators' votes, in 2022!")  // ["the", "senat", "vote", "in", "2022"]
/// ```
public struct RougeTokenizer: Sendable {
    /// Whether tokens longer than three characters are stemmed (rouge-score's `use_stemmer`).
    public var stems: Bool
    public var stemmer = PorterStemmer()

    public init(stems: Bool = true) { self.stems = stems }

    /// The tokens of `text`, in order.
    public func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current: [UInt8] = []
        func flush() {
            guard !current.isEmpty else { return }
            let token = String(decoding: current, as: UTF8.self)
            tokens.append(stems && current.count > 3 ? stemmer.stem(token) : token)
            current.removeAll(keepingCapacity: true)
        }
        func add(_ value: UInt32) {
            switch value {
            case 0x61...0x7A, 0x30...0x39: current.append(UInt8(value))
            case 0x41...0x5A: current.append(UInt8(value + 0x20))
            default: flush()
            }
        }
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                add(scalar.value)
            } else {
                // Lowercasing can turn a non-ASCII letter into ASCII ones (the Kelvin sign into k,
                // a dotted capital I into i and a combining dot), as Python's str.lower does.
                for lowered in scalar.properties.lowercaseMapping.unicodeScalars { add(lowered.isASCII ? lowered.value : 0x20) }
            }
        }
        flush()
        return tokens
    }
}
