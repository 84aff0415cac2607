import CLibXML2

/// Everything the page says about its metadata, collected as the parser streams it, before any
/// choice is made.
///
/// The cost is small beside parsing: an element's name is classified once per distinct name
/// pointer (the parser interns names), attributes are compared as bytes, and Strings are made only
/// for the few elements that carry metadata. Script content is never read, except JSON-LD blocks
/// as data; text is kept only from `<title>`, `<time>`, microdata and byline candidates.
struct PageEvidence {
    private(set) var titleElement: String?
    private(set) var openGraphTitle: String?
    private(set) var twitterTitle: String?
    private(set) var canonicalLink: String?
    private(set) var jsonLDBlocks: [String] = []
    private(set) var candidates = FieldCandidates()
    private(set) var dates = PageDates()
    /// Elements marked as bylines (`rel="author"`, class or id naming an author or byline), in
    /// document order, with their text; read only when no better source names an author.
    private var bylines: [Byline] = []

    private var inBody = false
    /// Serial numbers of the open elements, outermost first: a byline's parent identifies the
    /// bylines that sit beside it.
    private var openElements: [Int] = []
    private var elementCount = 0
    /// Above zero inside an element whose content is code or markup, not text (scripts, styles,
    /// templates): the depth below that element.
    private var skipDepth = 0
    /// Elements whose text is being kept, innermost last.
    private var captures: [Capture] = []
    /// The content of the JSON-LD script being read, if any.
    private var jsonLD: [UInt8]?

    /// Bylines beyond this many are in lists of other articles, not this one's.
    private static let maximumBylines = 32
    /// Longer text is an author's biography or a list, not a byline.
    private static let maximumBylineLength = 200
    /// Text kept per element: more than any title, date or byline needs, so memory stays bounded
    /// whatever an element holds. Text cut here is longer than ``maximumBylineLength`` characters.
    private static let captureLimit = 4096
    /// Elements whose text is kept at once, nested in one another.
    private static let maximumCaptures = 16

    private struct Byline {
        var parent: Int
        var text: String
    }

    /// What the text of an element is kept for.
    private enum Purpose {
        case title
        /// A date in the element's text: `<time>` or microdata without a `datetime`/`content`.
        case date(PageDates.Role, MetadataTrust)
        case microdataAuthor
        case byline(parent: Int)
    }

    private struct Capture {
        var purpose: Purpose
        /// The depth of the element (``openElements``'s count while it is open).
        var depth: Int
        /// A line break wherever an element other than an inline one begins, so that "Jane Doe"
        /// and a date after it in a `<time>` do not run together.
        var separatesBlocks: Bool
        var bytes: [UInt8] = []
    }

    // MARK: - Events

    mutating func startElement(_ start: StartTag, _ name: ElementName) {
        if skipDepth > 0 {
            skipDepth += 1
            return
        }
        let role = name.metadataRole
        if !captures.isEmpty, !name.isInline {
            for index in captures.indices where captures[index].separatesBlocks { keep([0x0A], in: index) }
        }
        switch role {
        case .script:
            if let type = start.attribute("type"), type.lowercased().contains("ld+json") { jsonLD = [] }
            skipDepth = 1
            return
        case .skipped:
            skipDepth = 1
            return
        default:
            break
        }
        let parent = openElements.last ?? -1
        openElements.append(elementCount)
        elementCount += 1
        switch role {
        case .html:
            candidates.add(.language, start.attribute("lang"), .meta)
        case .body:
            inBody = true
        case .title:
            if !inBody, titleElement == nil { capture(.title) }
        case .meta:
            readMeta(start)
        case .link:
            readLink(start)
        case .time:
            readTime(start)
        case .other:
            if inBody { readBodyElement(start, parent: parent) }
        case .script, .skipped:
            break
        }
    }

    mutating func endElement() {
        if skipDepth > 0 {
            skipDepth -= 1
            if skipDepth == 0, let script = jsonLD {
                jsonLDBlocks.append(String(decoding: script, as: UTF8.self))
                jsonLD = nil
            }
            return
        }
        while let last = captures.last, last.depth == openElements.count {
            captures.removeLast()
            finish(last)
        }
        openElements.removeLast()
    }

    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard skipDepth == 0 else { return }
        for index in captures.indices { keep(bytes, in: index) }
    }

    mutating func scriptText(_ bytes: UnsafeBufferPointer<UInt8>) {
        if jsonLD != nil { jsonLD!.append(contentsOf: bytes) }
    }

    private mutating func capture(_ purpose: Purpose, separatingBlocks: Bool = false) {
        // Every text event goes to every open capture: a page nesting thousands of bylines must not
        // make that quadratic.
        guard captures.count < Self.maximumCaptures else { return }
        captures.append(Capture(purpose: purpose, depth: openElements.count, separatesBlocks: separatingBlocks))
    }

    private mutating func keep(_ bytes: some Collection<UInt8>, in index: Int) {
        let room = Self.captureLimit - captures[index].bytes.count
        guard room > 0 else { return }
        captures[index].bytes.append(contentsOf: bytes.prefix(room))
    }

    /// Uses the text of an element that has ended.
    private mutating func finish(_ capture: Capture) {
        let text = String(decoding: capture.bytes, as: UTF8.self)
        switch capture.purpose {
        case .title:
            if titleElement == nil { titleElement = text }
        case .date(let role, let trust):
            dates.add(text, role: role, trust: trust)
        case .microdataAuthor:
            if text.count <= Self.maximumBylineLength { candidates.add(.author, text, .microdata) }
        case .byline(let parent):
            if bylines.count < Self.maximumBylines { bylines.append(Byline(parent: parent, text: text)) }
        }
    }

    // MARK: - Head

    private enum MetaMeaning {
        case openGraphTitle, twitterTitle
        case field(Field, MetadataTrust)
        case date(PageDates.Role, MetadataTrust)
    }

    /// Keys of `<meta property|name|itemprop|http-equiv=… content=…>`, lower-case.
    private static let metaMeanings: [String: MetaMeaning] = {
        var table: [String: MetaMeaning] = [
            "og:title": .openGraphTitle, "twitter:title": .twitterTitle,
            "og:site_name": .field(.outlet, .openGraph), "application-name": .field(.outlet, .meta),
            "og:url": .field(.url, .openGraph),
            "og:description": .field(.summary, .openGraph), "description": .field(.summary, .meta),
            "twitter:description": .field(.summary, .meta),
            "og:locale": .field(.language, .openGraph), "content-language": .field(.language, .meta),
            "article:author": .field(.author, .openGraph), "author": .field(.author, .meta),
            "article:published_time": .date(.published, .openGraph), "og:published_time": .date(.published, .openGraph),
            "article:modified_time": .date(.modified, .openGraph), "og:updated_time": .date(.modified, .openGraph),
            "datepublished": .date(.published, .microdata), "datemodified": .date(.modified, .microdata),
        ]
        for name in ["parsely-author", "citation_author", "sailthru.author", "dc.creator", "byl"] {
            table[name] = .field(.author, .meta)
        }
        for name in [
            "date", "pubdate", "publishdate", "publish-date", "publish_date", "dc.date", "dc.date.issued", "dc.date.created",
            "dcterms.created", "dcterms.issued", "dcterms.date", "sailthru.date", "parsely-pub-date", "article.published",
            "citation_publication_date", "citation_date", "original-publish-date", "release_date", "displaydate",
        ] {
            table[name] = .date(.published, .meta)
        }
        for name in ["dcterms.modified", "dc.date.modified", "last-modified", "article.updated", "lastmod", "revised"] {
            table[name] = .date(.modified, .meta)
        }
        return table
    }()

    private mutating func readMeta(_ node: StartTag) {
        // Any of the naming attributes may carry the known key (`property="article:published"
        // itemprop="datePublished"`), and `itemprop` may list several ("datePublished dateCreated").
        let keys = [node.attribute("property"), node.attribute("name"), node.attribute("itemprop"), node.attribute("http-equiv")]
            .compactMap { $0?.lowercased() }.flatMap { $0.split(whereSeparator: \.isWhitespace) }
        guard let meaning = keys.lazy.compactMap({ Self.metaMeanings[String($0)] }).first, let content = node.attribute("content") else { return }
        switch meaning {
        case .openGraphTitle: if openGraphTitle == nil { openGraphTitle = content }
        case .twitterTitle: if twitterTitle == nil { twitterTitle = content }
        case .field(let field, let trust): candidates.add(field, content, trust)
        case .date(let role, let trust): dates.add(content, role: role, trust: trust)
        }
    }

    private mutating func readLink(_ node: StartTag) {
        guard canonicalLink == nil, let rel = node.attribute("rel"),
            rel.lowercased().split(separator: " ").contains("canonical")
        else { return }
        canonicalLink = node.attribute("href")
    }

    // MARK: - Body

    /// `<time datetime>`: the page's own date when marked as `datePublished`/`dateModified`,
    /// otherwise the lowest-trust published date.
    private mutating func readTime(_ node: StartTag) {
        let properties = Self.itemProperties(node.attribute("itemprop"))
        let role: PageDates.Role = properties.contains("datemodified") && !properties.contains("datepublished") ? .modified : .published
        let trust: MetadataTrust = properties.contains("datepublished") || properties.contains("datemodified") ? .microdata : .visible
        if let raw = node.attribute("datetime") ?? node.attribute("content") {
            dates.add(raw, role: role, trust: trust)
        } else {
            capture(.date(role, trust))
        }
    }

    /// Looks at attributes as bytes; only microdata and byline candidates cost a String.
    private mutating func readBodyElement(_ node: StartTag, parent: Int) {
        var isByline = false
        var itemProperties: [String] = []
        node.forEachAttribute { name, value in
            guard let value else { return true }
            switch name[0] | 0x20 {
            case UInt8(ascii: "c") where equalsASCIILowercase(name, "class"), UInt8(ascii: "i") where equalsASCIILowercase(name, "id"):
                if Self.namesByline(value) { isByline = true }
            case UInt8(ascii: "r") where equalsASCIILowercase(name, "rel"):
                if containsASCIILowercase(value, "author") { isByline = true }
            case UInt8(ascii: "i") where equalsASCIILowercase(name, "itemprop"):
                itemProperties += Self.itemProperties(String(cString: value))
            default:
                break
            }
            return true
        }
        for property in itemProperties { readItemProperty(property, of: node) }
        if isByline, bylines.count < Self.maximumBylines { capture(.byline(parent: parent), separatingBlocks: true) }
    }

    /// Whether a class or id value names a byline: it says "byline" or "author", and not
    /// "comment" (a comment's author is not the article's). One pass over the bytes.
    private static func namesByline(_ value: UnsafePointer<UInt8>) -> Bool {
        var namesAuthor = false
        var index = 0
        while value[index] != 0 {
            switch value[index] | 0x20 {
            case UInt8(ascii: "a") where startsWithASCIILowercase(value + index, "author"),
                UInt8(ascii: "b") where startsWithASCIILowercase(value + index, "byline"):
                namesAuthor = true
            case UInt8(ascii: "c") where startsWithASCIILowercase(value + index, "comment"):
                return false
            default:
                break
            }
            index += 1
        }
        return namesAuthor
    }

    /// The lower-case names in an `itemprop` list.
    private static func itemProperties(_ list: String?) -> [String] {
        list?.lowercased().split(whereSeparator: \.isWhitespace).map(String.init) ?? []
    }

    private mutating func readItemProperty(_ property: String, of node: StartTag) {
        switch property {
        case "datepublished", "datemodified":
            let role: PageDates.Role = property == "datepublished" ? .published : .modified
            if let raw = node.attribute("content") ?? node.attribute("datetime") {
                dates.add(raw, role: role, trust: .microdata)
            } else {
                capture(.date(role, .microdata))
            }
        case "author":
            if let content = node.attribute("content") {
                if content.count <= Self.maximumBylineLength { candidates.add(.author, content, .microdata) }
            } else {
                capture(.microdataAuthor, separatingBlocks: true)
            }
        default:
            break
        }
    }

    /// Names from the first byline that holds any, and from bylines beside it (same parent):
    /// `<span class="author">A</span> and <span class="author">B</span>`.
    func bylineNames() -> [String] {
        var names: [String] = []
        var parent: Int?
        for byline in bylines {
            if let parent, byline.parent != parent { continue }
            guard byline.text.count <= Self.maximumBylineLength else { continue }
            let found = AuthorNames.names(in: byline.text)
            guard !found.isEmpty else { continue }
            AuthorNames.appendNew(found, to: &names)
            parent = byline.parent
        }
        return names
    }
}
