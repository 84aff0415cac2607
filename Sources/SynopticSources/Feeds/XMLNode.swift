import CLibXML2
import Foundation

/// Small readers over libxml2's tree, shared by the feed formats.
enum XMLNode {
    static func localName(_ node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0) } ?? ""
    }

    static func namespace(_ node: xmlNodePtr) -> String? {
        node.pointee.ns?.pointee.href.map { String(cString: $0) }
    }

    static func qualifiedName(_ node: xmlNodePtr) -> String {
        if let prefix = node.pointee.ns?.pointee.prefix { return String(cString: prefix) + ":" + localName(node) }
        return localName(node)
    }

    /// The element children, in order.
    static func elementChildren(_ node: xmlNodePtr) -> [xmlNodePtr] {
        var children: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { children.append(current) }
            child = current.pointee.next
        }
        return children
    }

    /// All text below `node` (CDATA and character references included), trimmed; nil when empty.
    static func text(_ node: xmlNodePtr) -> String? {
        guard let content = xmlNodeGetContent(node) else { return nil }
        defer { cxml_free(content) }
        let text = String(cString: content).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        defer { cxml_free(value) }
        return String(cString: value)
    }

    /// The markup of `node`'s children (for Atom `type="xhtml"` content), as UTF-8.
    static func innerMarkup(_ node: xmlNodePtr) -> String? {
        guard let buffer = xmlBufferCreate() else { return nil }
        defer { xmlBufferFree(buffer) }
        var child = node.pointee.children
        while let current = child {
            xmlNodeDump(buffer, node.pointee.doc, current, 0, 0)
            child = current.pointee.next
        }
        guard let content = xmlBufferContent(buffer) else { return nil }
        let markup = String(cString: content).trimmingCharacters(in: .whitespacesAndNewlines)
        return markup.isEmpty ? nil : markup
    }
}
