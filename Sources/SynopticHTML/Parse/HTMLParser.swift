/// libxml2's parse alone, with the options extraction uses, so benchmarks can tell the parser's
/// cost from the extractor's.
public enum HTMLParser {
    /// Parses UTF-8 bytes into a tree and frees it; false when libxml2 built no document.
    public static func parseOnly(_ utf8: [UInt8]) -> Bool {
        ParsedHTML(utf8: utf8) != nil
    }

    /// Streams UTF-8 bytes through the parser to handlers that only count the events, as
    /// extraction streams them; returns the number of elements.
    public static func streamOnly(_ utf8: [UInt8]) -> Int {
        let counter = EventCounter()
        MarkupStream.parse(utf8, into: counter)
        return counter.elements
    }

    private final class EventCounter: MarkupHandler {
        var elements = 0
        func startElement(_ tag: StartTag) { elements += 1 }
        func endElement() {}
        func text(_ bytes: UnsafeBufferPointer<UInt8>) {}
        func scriptText(_ bytes: UnsafeBufferPointer<UInt8>) {}
    }
}
