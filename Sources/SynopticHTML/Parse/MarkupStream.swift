import CLibXML2

/// An element's start tag as libxml2's parser reports it.
///
/// Both pointers belong to the parser and are valid only during the call that hands the tag over.
/// Element and attribute names are interned in the parser's dictionary, so within one page a name
/// pointer identifies the name (``TagTable`` keys its cache by it).
struct StartTag {
    let name: UnsafePointer<xmlChar>
    /// Name, value, name, value, …, then NULL; a bare attribute (`hidden`) has a NULL value.
    let attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?

    /// Calls `body` with each attribute's name and value (nil for a bare attribute) until it
    /// returns false.
    func forEachAttribute(_ body: (UnsafePointer<xmlChar>, UnsafePointer<xmlChar>?) -> Bool) {
        guard let attributes else { return }
        var index = 0
        while let name = attributes[index] {
            guard body(name, attributes[index + 1]) else { return }
            index += 2
        }
    }

    /// The value of attribute `name` (lower-case ASCII); "" for a bare attribute.
    func attribute(_ name: StaticString) -> String? {
        var value: String?
        forEachAttribute { attributeName, attributeValue in
            guard equalsASCIILowercase(attributeName, name) else { return true }
            value = attributeValue.map { String(cString: $0) } ?? ""
            return false
        }
        return value
    }
}

/// What a consumer of the parser's events implements. Events arrive in document order; every
/// `startElement` is matched by one `endElement`, implied and auto-closed elements included, so
/// the events describe the same tree libxml2 would have built. (libxml2 itself can leave an
/// element unended, as when a page stops inside an attribute; ``MarkupStream`` balances them.)
protocol MarkupHandler: AnyObject {
    func startElement(_ tag: StartTag)
    func endElement()
    /// Text, with entities decoded, in one or more chunks per text node.
    func text(_ bytes: UnsafeBufferPointer<UInt8>)
    /// The raw content of `<script>` and `<style>`.
    func scriptText(_ bytes: UnsafeBufferPointer<UInt8>)
}

/// Runs libxml2's HTML parser over a page in streaming (SAX) mode: the parser tokenizes, repairs
/// and nests exactly as when it builds a tree, but the handler sees each element and text as it
/// is parsed and no tree is allocated, linked or freed. Extraction reads every page once, in
/// order, so the tree would only be built to be walked once and thrown away.
enum MarkupStream {
    /// libxml2 takes a 32-bit length; pages this large are refused earlier by the ingest limits.
    static let maximumLength = Int(Int32.max)

    /// The options extraction parses with. RECOVER keeps going through broken markup; HUGE lifts
    /// the nesting limit beyond which libxml2 silently drops the rest of the page; IGNORE_ENC because
    /// the bytes are already UTF-8 whatever the page declares; NONET so no entity loads anything.
    static let options =
        Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
        | Int32(XML_PARSE_HUGE.rawValue)

    /// Parses UTF-8 bytes, sending every event to `handler`. Returns false when the parser could
    /// not start (empty input, a page beyond libxml2's length limit, no memory).
    @discardableResult
    static func parse(_ utf8: [UInt8], into handler: any MarkupHandler) -> Bool {
        guard !utf8.isEmpty, utf8.count < maximumLength else { return false }
        let box = HandlerBox(handler)
        return utf8.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                guard let context = htmlCreateMemoryParserCtxt(pointer, Int32(buffer.count)) else { return false }
                defer { htmlFreeParserCtxt(context) }
                guard let sax = context.pointee.sax else { return false }
                // Only these four events; with the error callbacks empty, libxml2 reports nothing.
                sax.pointee = xmlSAXHandler()
                sax.pointee.startElement = { context, name, attributes in
                    guard let context, let name else { return }
                    HandlerBox.box(context).start(StartTag(name: name, attributes: attributes))
                }
                sax.pointee.endElement = { context, name in
                    guard let context, let name else { return }
                    HandlerBox.box(context).end(name)
                }
                sax.pointee.characters = { context, bytes, count in
                    guard let context, let bytes, count > 0 else { return }
                    HandlerBox.handler(context).text(UnsafeBufferPointer(start: bytes, count: Int(count)))
                }
                // Blank text the parser deems layout between elements: spaces all the same.
                sax.pointee.ignorableWhitespace = sax.pointee.characters
                sax.pointee.cdataBlock = { context, bytes, count in
                    guard let context, let bytes, count > 0 else { return }
                    HandlerBox.handler(context).scriptText(UnsafeBufferPointer(start: bytes, count: Int(count)))
                }
                context.pointee.userData = Unmanaged.passUnretained(box).toOpaque()
                htmlCtxtUseOptions(context, options)
                // The bytes are UTF-8 already: no conversion, whatever a `<meta>` says.
                xmlSwitchEncoding(context, XML_CHAR_ENCODING_UTF8)
                htmlParseDocument(context)
                box.endAll()
                return true
            }
        }
    }

    /// The handler behind the parser's user-data pointer, kept alive by `parse` for the parse,
    /// with the names of the open elements, by which it balances the events.
    private final class HandlerBox {
        let handler: any MarkupHandler
        private var open: [UnsafePointer<xmlChar>] = []

        init(_ handler: any MarkupHandler) { self.handler = handler }

        static func box(_ context: UnsafeMutableRawPointer) -> HandlerBox {
            Unmanaged<HandlerBox>.fromOpaque(context).takeUnretainedValue()
        }

        static func handler(_ context: UnsafeMutableRawPointer) -> any MarkupHandler {
            box(context).handler
        }

        func start(_ tag: StartTag) {
            open.append(tag.name)
            handler.startElement(tag)
        }

        /// Ends the innermost open element of this name and any left open inside it; an end with
        /// no open element of its name is ignored.
        func end(_ name: UnsafePointer<xmlChar>) {
            // Names are compared by pointer first: the parser interns them, but implied elements
            // (`p`, `body`) start under a static name and may end under the interned one.
            guard let index = open.lastIndex(where: { $0 == name || xmlStrEqual($0, name) != 0 }) else { return }
            for _ in index..<open.count { handler.endElement() }
            open.removeSubrange(index...)
        }

        /// Ends every element still open once the parser is done.
        func endAll() {
            for _ in open { handler.endElement() }
            open.removeAll()
        }
    }
}

/// Compares a NUL-terminated C string with a lower-case ASCII literal, ignoring the C string's case.
func equalsASCIILowercase(_ cString: UnsafePointer<xmlChar>, _ literal: StaticString) -> Bool {
    let count = literal.utf8CodeUnitCount
    let expected = literal.utf8Start
    for k in 0..<count {
        let byte = cString[k]
        if byte == 0 || CharsetSniffer.asciiLower(byte) != expected[k] { return false }
    }
    return cString[count] == 0
}

/// Whether a NUL-terminated C string starts with a lower-case ASCII literal, ignoring the string's case.
func startsWithASCIILowercase(_ cString: UnsafePointer<xmlChar>, _ literal: StaticString) -> Bool {
    let count = literal.utf8CodeUnitCount
    let expected = literal.utf8Start
    for k in 0..<count where CharsetSniffer.asciiLower(cString[k]) != expected[k] {
        // The string's NUL never equals a literal's letter, so the loop stops at its end.
        return false
    }
    return true
}

/// Whether a NUL-terminated C string contains a lower-case ASCII literal, ignoring the string's case.
func containsASCIILowercase(_ cString: UnsafePointer<xmlChar>, _ literal: StaticString) -> Bool {
    var start = 0
    while cString[start] != 0 {
        if startsWithASCIILowercase(cString + start, literal) { return true }
        start += 1
    }
    return false
}
