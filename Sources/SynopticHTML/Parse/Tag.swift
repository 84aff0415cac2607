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

/// What an element's name means to the metadata reader.
enum MetadataRole: UInt8 {
    case html, body, title, meta, link, script, time
    /// Content that is code or markup, not text.
    case skipped
    case other
}

/// Everything the readers need from an element's name, worked out once per name.
struct ElementName {
    var tag: Tag
    var metadataRole: MetadataRole
    /// Text flows through it without a line break (`a`, `span`, `b`, …).
    var isInline: Bool
    /// `nav` and `menu`: skipped and logged as navigation.
    var isNavigation: Bool

    init(_ name: String) {
        let lowered = name.lowercased()
        tag = Tag.byName[lowered] ?? .inline
        metadataRole =
            switch lowered {
            case "html": .html
            case "body": .body
            case "title": .title
            case "meta": .meta
            case "link": .link
            case "script": .script
            case "time": .time
            case "style", "noscript", "template", "svg", "math": .skipped
            default: .other
            }
        isInline = ["a", "span", "b", "strong", "em", "i", "u", "abbr", "small"].contains(lowered)
        isNavigation = lowered == "nav" || lowered == "menu"
    }
}

/// Maps element-name pointers to what the names mean. The parser interns element names in its
/// dictionary, so within one page the pointer identifies the name: the lookup hashes an address
/// in a small open-addressing table, with no String made after a name's first occurrence.
struct NameTable {
    private var keys: [UnsafeRawPointer?] = Array(repeating: nil, count: 256)
    private var values: [ElementName?] = Array(repeating: nil, count: 256)
    private var count = 0

    mutating func name(_ pointer: UnsafePointer<xmlChar>) -> ElementName {
        let key = UnsafeRawPointer(pointer)
        var slot = Self.slot(of: key, mask: keys.count - 1)
        while let occupant = keys[slot] {
            if occupant == key, let value = values[slot] { return value }
            slot = (slot + 1) & (keys.count - 1)
        }
        let value = ElementName(String(cString: pointer))
        keys[slot] = key
        values[slot] = value
        count += 1
        if count * 2 > keys.count { grow() }
        return value
    }

    private static func slot(of key: UnsafeRawPointer, mask: Int) -> Int {
        // Fibonacci hashing of the address: interned names sit close together in memory.
        let mixed = UInt(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: mixed >> 40) & mask
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        keys = Array(repeating: nil, count: oldKeys.count * 2)
        values = Array(repeating: nil, count: oldKeys.count * 2)
        for (key, value) in zip(oldKeys, oldValues) {
            guard let key, let value else { continue }
            var slot = Self.slot(of: key, mask: keys.count - 1)
            while keys[slot] != nil { slot = (slot + 1) & (keys.count - 1) }
            keys[slot] = key
            values[slot] = value
        }
    }
}
