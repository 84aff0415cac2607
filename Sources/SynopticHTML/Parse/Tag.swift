import CLibXML2

/// What an HTML element means for extraction.
enum Tag: UInt8 {
    /// Never content: scripts, styles, forms' controls, media, navigation.
    case drop
    /// Text flows through it (`span`, `em`, `b`, …) and unknown elements.
    case inline
    /// A link (`a`): its text counts toward link density.
    case link
    case lineBreak
    case paragraph
    case heading1, heading2, heading3, heading4, heading5, heading6
    case listItem
    case blockQuote
    case preformatted
    /// Block-level elements that group others (`div`, `section`, `td`, …); text directly inside
    /// them is a paragraph.
    case container
    case article
    case main
    case aside
    case header
    case footer
    case figure
    case figureCaption
    case horizontalRule

    var headingLevel: Int? {
        switch self {
        case .heading1: 1
        case .heading2: 2
        case .heading3: 3
        case .heading4: 4
        case .heading5: 5
        case .heading6: 6
        default: nil
        }
    }

    static let byName: [String: Tag] = {
        var table: [String: Tag] = [:]
        for name in [
            "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas", "select",
            "option", "optgroup", "button", "input", "textarea", "head", "title", "meta", "link", "nav", "audio", "video",
            "source", "track", "map", "area", "dialog", "menu", "label", "datalist", "output", "progress", "meter",
            "picture", "img", "base",
        ] {
            table[name] = .drop
        }
        for name in [
            "div", "section", "body", "html", "ul", "ol", "dl", "table", "tbody", "thead", "tfoot", "tr", "td", "th",
            "form", "center", "address", "details", "summary", "fieldset", "hgroup", "caption", "legend", "frameset",
            "noframes",
        ] {
            table[name] = .container
        }
        table["a"] = .link
        table["br"] = .lineBreak
        table["p"] = .paragraph
        table["h1"] = .heading1
        table["h2"] = .heading2
        table["h3"] = .heading3
        table["h4"] = .heading4
        table["h5"] = .heading5
        table["h6"] = .heading6
        table["li"] = .listItem
        table["dt"] = .listItem
        table["dd"] = .listItem
        table["blockquote"] = .blockQuote
        table["pre"] = .preformatted
        table["article"] = .article
        table["main"] = .main
        table["aside"] = .aside
        table["header"] = .header
        table["footer"] = .footer
        table["figure"] = .figure
        table["figcaption"] = .figureCaption
        table["hr"] = .horizontalRule
        return table
    }()
}

/// Maps element-name pointers to tags. libxml2 interns element names in the document's dictionary,
/// so the pointer identifies the name and the lookup costs one hash of an address.
struct TagTable {
    private var cache: [UnsafeRawPointer: Tag] = [:]

    mutating func tag(of node: xmlNodePtr) -> Tag {
        guard let name = node.pointee.name else { return .inline }
        let key = UnsafeRawPointer(name)
        if let known = cache[key] { return known }
        let tag = Tag.byName[String(cString: name).lowercased()] ?? .inline
        cache[key] = tag
        return tag
    }
}
