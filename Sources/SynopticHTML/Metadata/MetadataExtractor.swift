import CLibXML2

/// Reads a page's metadata from its `<head>` and markup.
struct MetadataExtractor {
    func metadata(of page: ParsedHTML) -> PageMetadata {
        var metadata = PageMetadata()
        guard let root = page.root else { return metadata }
        metadata.language = root.attribute("lang").flatMap { $0.isEmpty ? nil : $0 }
        var titleElement: String?
        var cursor: xmlNodePtr? = root
        // Only <head> is read here: <title> and <meta> elements.
        while let node = cursor {
            if node.isElement, let name = node.pointee.name {
                if equalsASCIILowercase(name, "title"), titleElement == nil {
                    titleElement = node.textContent
                } else if equalsASCIILowercase(name, "meta") {
                    let key = (node.attribute("property") ?? node.attribute("name"))?.lowercased()
                    if key == "og:title", metadata.title == nil { metadata.title = node.attribute("content") }
                    if key == "og:site_name", metadata.outlet == nil { metadata.outlet = node.attribute("content") }
                } else if equalsASCIILowercase(name, "body") {
                    break
                }
            }
            if let child = node.pointee.children, node.isElement {
                cursor = child
                continue
            }
            var climbing = node
            cursor = nil
            while climbing != root {
                if let next = climbing.pointee.next {
                    cursor = next
                    break
                }
                guard let parent = climbing.pointee.parent else { break }
                climbing = parent
            }
        }
        if metadata.title == nil { metadata.title = titleElement }
        return metadata
    }
}
