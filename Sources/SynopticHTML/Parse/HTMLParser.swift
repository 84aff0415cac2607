/// libxml2's parse alone, with the options extraction uses, so benchmarks can tell the parser's
/// cost from the extractor's.
public enum HTMLParser {
    /// Parses UTF-8 bytes into a tree and frees it; false when libxml2 built no document.
    public static func parseOnly(_ utf8: [UInt8]) -> Bool {
        ParsedHTML(utf8: utf8) != nil
    }
}
