import CLibXML2

/// A page parsed by libxml2's HTML parser, which recovers from any markup (unclosed tags, stray
/// end tags, broken attributes) the way browsers do, close enough for extraction.
///
/// The tree is owned by this object and freed with it; node pointers must not outlive it.
final class ParsedHTML {
    let document: htmlDocPtr

    /// libxml2 takes a 32-bit length; pages this large are refused earlier by the ingest limits.
    static let maximumLength = Int(Int32.max)

    /// Parses UTF-8 bytes. Returns nil only when libxml2 builds no document at all (empty input).
    init?(utf8 bytes: [UInt8]) {
        guard !bytes.isEmpty, bytes.count < Self.maximumLength else { return nil }
        // RECOVER keeps going through broken markup; HUGE lifts the 256-level nesting limit beyond
        // which libxml2 silently drops the rest of the page; IGNORE_ENC because the bytes are
        // already UTF-8 whatever the page declares; NONET so no entity loads anything.
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
            | Int32(XML_PARSE_HUGE.rawValue)
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                htmlReadMemory(pointer, Int32(buffer.count), nil, "UTF-8", options)
            }
        }
        guard let parsed else { return nil }
        document = parsed
    }

    deinit { xmlFreeDoc(document) }

    var root: xmlNodePtr? { xmlDocGetRootElement(document) }
}

/// Byte-level views of libxml2 nodes, without copying strings.
extension UnsafeMutablePointer where Pointee == xmlNode {
    var isElement: Bool { pointee.type == XML_ELEMENT_NODE }
    var isText: Bool { pointee.type == XML_TEXT_NODE || pointee.type == XML_CDATA_SECTION_NODE }

    /// The value of attribute `name` (lower-case ASCII), as a String.
    func attribute(_ name: StaticString) -> String? {
        var property = pointee.properties
        while let attribute = property {
            if let attributeName = attribute.pointee.name, equalsASCIILowercase(attributeName, name) {
                return attributeValue(attribute)
            }
            property = attribute.pointee.next
        }
        return nil
    }

    /// The concatenated text of all text nodes below this one.
    var textContent: String {
        guard let content = xmlNodeGetContent(self) else { return "" }
        defer { cxml_free(content) }
        return String(cString: content)
    }
}

func attributeValue(_ attribute: xmlAttrPtr) -> String {
    // Nearly every attribute holds one text node.
    if let only = attribute.pointee.children, only.pointee.next == nil {
        return only.pointee.content.map { String(cString: $0) } ?? ""
    }
    var text = ""
    var child = attribute.pointee.children
    while let node = child {
        if let content = node.pointee.content { text += String(cString: content) }
        child = node.pointee.next
    }
    return text
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

/// Visits `root` and the nodes below it depth first, in document order, through libxml2's child,
/// next and parent pointers: nesting depth costs nothing on the call stack, so 100,000 nested
/// elements are fine. `enter` is called for every node and says whether to go below it; `exit` is
/// called for each entered node once everything below it has been visited.
func traverse(_ root: xmlNodePtr, enter: (xmlNodePtr) -> Bool, exit: (xmlNodePtr) -> Void = { _ in }) {
    var cursor: xmlNodePtr? = root
    while let node = cursor {
        if enter(node) {
            if let child = node.pointee.children {
                cursor = child
                continue
            }
            exit(node)
        }
        // The next sibling, or climb, leaving each ancestor on the way.
        var climbing = node
        cursor = nil
        while climbing != root {
            if let next = climbing.pointee.next {
                cursor = next
                break
            }
            guard let parent = climbing.pointee.parent else { break }
            exit(parent)
            climbing = parent
        }
    }
}
