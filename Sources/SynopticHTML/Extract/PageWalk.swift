import CLibXML2
import SynopticCore

/// One pass over the parsed page that flattens it into what extraction reasons about: the
/// block-level elements (with their class/id evidence) and the runs of text inside them, in
/// document order.
///
/// Elements and runs are recorded in pre-order, so the elements and runs below any element are a
/// contiguous range of each array: scoring a subtree is a sum over a range, with no pointers
/// chased twice. Text is collected as UTF-8 bytes with whitespace collapsed, straight from
/// libxml2's node contents; no String is made until a run is kept.
struct PageWalk {
    struct Element {
        var parent: Int32
        var tag: Tag
        /// Class and id evidence (``ClassHints/weight(of:)``); itemprop and ARIA roles folded in.
        var weight: Int16
        /// `itemprop="articleBody"`: the page marks its article explicitly.
        var isArticleBody: Bool
        /// Tag and class names without digits: siblings that share it are items of one list
        /// (`post-1806` and `post-7816` are both `post-`).
        var signature: Int
        /// One past the last element of this element's subtree.
        var subtreeEnd: Int32 = 0
        var firstRun: Int32
        var runEnd: Int32 = 0
    }

    struct Run {
        var element: Int32
        var kind: Block.Kind
        var headingLevel: UInt8
        var start: Int32
        var end: Int32
        /// Characters other than spaces.
        var chars: Int32
        /// Characters inside links.
        var linkChars: Int32
        var words: Int32
        /// Commas, periods and other clause punctuation: prose has them, menus do not.
        var punctuation: Int32
        /// Ends like a sentence (., !, ?, a closing quotation mark, …).
        var endsSentence: Bool

        var linkDensity: Double { chars == 0 ? 0 : Double(linkChars) / Double(chars) }
    }

    private(set) var elements: [Element] = []
    private(set) var runs: [Run] = []
    private(set) var text: [UInt8] = []
    /// Parts of the page skipped while walking (navigation, hidden text, dialogs) that hold text,
    /// with the reason: nothing leaves the article without one.
    private(set) var skipped: [Removal] = []

    // Walk state.
    private var tags = TagTable()
    private var evidenceCache: [String: NameEvidence] = [:]
    private var screenReaderCache: [String: Bool] = [:]
    private var hints = ClassHints()
    private var blockStack: [Int32] = []
    private var entryStack: [Entry] = []
    private var linkDepth = 0
    private var quoteDepth = 0
    private var pendingBreak = false
    private var pendingSpace = false
    private var current = RunAccumulator()

    private enum Entry {
        case inline
        case link
        case block(Int32)
    }

    private struct RunAccumulator {
        var start = 0
        var chars: Int32 = 0
        var linkChars: Int32 = 0
        var words: Int32 = 0
        var punctuation: Int32 = 0
    }

    init(root: xmlNodePtr) {
        text.reserveCapacity(1 << 16)
        walk(root)
    }

    func string(of run: Run) -> String {
        text.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[Int(run.start)..<Int(run.end)]), as: UTF8.self) }
    }

    // MARK: - Traversal

    private mutating func walk(_ root: xmlNodePtr) {
        traverse(
            root,
            enter: { node in
                if node.isElement { return enter(node) }
                if node.isText, let content = node.pointee.content { append(content) }
                return false
            },
            exit: { _ in exit() })
        flush()
    }

    private mutating func enter(_ node: xmlNodePtr) -> Bool {
        let tag = tags.tag(of: node)
        switch tag {
        case .drop:
            if let name = node.pointee.name, equalsASCIILowercase(name, "nav") || equalsASCIILowercase(name, "menu") {
                recordSkipped(node, reason: "navigation")
            }
            return false
        case .lineBreak:
            // One <br> is a space; two in a row end a paragraph (pages that lay text out with <br>).
            if pendingBreak { flush() } else { pendingBreak = true }
            pendingSpace = true
            return false
        case .horizontalRule:
            flush()
            return false
        default:
            break
        }
        var names = ""
        var classNames = ""
        var isArticleBody = false
        var roleWeight: Int16 = 0
        var property = node.pointee.properties
        while let attribute = property {
            property = attribute.pointee.next
            guard let name = attribute.pointee.name else { continue }
            switch name[0] | 0x20 {
            case UInt8(ascii: "c") where equalsASCIILowercase(name, "class"):
                classNames = attributeValue(attribute)
                names += " " + classNames
            case UInt8(ascii: "i") where equalsASCIILowercase(name, "id"):
                names += " " + attributeValue(attribute)
            case UInt8(ascii: "i") where equalsASCIILowercase(name, "itemprop"):
                let value = attributeValue(attribute).lowercased()
                if value.contains("articlebody") || value == "text" { isArticleBody = true }
            case UInt8(ascii: "h") where equalsASCIILowercase(name, "hidden"):
                recordSkipped(node, reason: "hidden element")
                return false
            case UInt8(ascii: "a") where equalsASCIILowercase(name, "aria-hidden"):
                if attributeValue(attribute).lowercased() == "true" {
                    recordSkipped(node, reason: "hidden element")
                    return false
                }
            case UInt8(ascii: "s") where equalsASCIILowercase(name, "style"):
                if Self.hidesElement(style: attributeValue(attribute)) {
                    recordSkipped(node, reason: "hidden element")
                    return false
                }
            case UInt8(ascii: "r") where equalsASCIILowercase(name, "role"):
                switch attributeValue(attribute).lowercased() {
                case "navigation", "menu", "menubar", "dialog", "alertdialog", "search":
                    recordSkipped(node, reason: "navigation or dialog")
                    return false
                case "complementary", "contentinfo", "banner": roleWeight = -2
                case "main", "article": roleWeight = 1
                default: break
                }
            default:
                break
            }
        }
        switch tag {
        case .link:
            linkDepth += 1
            entryStack.append(.link)
        case .inline:
            // Text only screen readers hear ("Opens in a new window", "Advertisement").
            if !classNames.isEmpty, screenReaderOnly(classNames) { return false }
            entryStack.append(.inline)
        default:
            flush()
            let index = Int32(elements.count)
            // Pages repeat the same few class names thousands of times: read each once.
            let evidence = names.isEmpty ? NameEvidence(weight: 0, signature: 0) : nameEvidence(names, classNames: classNames)
            elements.append(
                Element(
                    parent: blockStack.last ?? -1, tag: tag, weight: evidence.weight + roleWeight, isArticleBody: isArticleBody,
                    signature: evidence.signature &* 31 &+ Int(tag.rawValue),
                    firstRun: Int32(runs.count)))
            blockStack.append(index)
            entryStack.append(.block(index))
            if tag == .blockQuote { quoteDepth += 1 }
        }
        return true
    }

    private mutating func exit() {
        guard let entry = entryStack.popLast() else { return }
        switch entry {
        case .inline:
            break
        case .link:
            linkDepth -= 1
        case .block(let index):
            flush()
            blockStack.removeLast()
            elements[Int(index)].subtreeEnd = Int32(elements.count)
            elements[Int(index)].runEnd = Int32(runs.count)
            if elements[Int(index)].tag == .blockQuote { quoteDepth -= 1 }
        }
    }

    /// Keeps a sample of a skipped element's text for the removal log.
    private mutating func recordSkipped(_ node: xmlNodePtr, reason: String) {
        let text = node.textContent.utf8
        var sample: [UInt8] = []
        var pendingSpace = false
        for byte in text {
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                pendingSpace = !sample.isEmpty
                continue
            }
            if pendingSpace { sample.append(0x20) }
            pendingSpace = false
            sample.append(byte)
            if sample.count >= 300 { break }
        }
        guard !sample.isEmpty else { return }
        skipped.append(Removal(text: String(decoding: sample, as: UTF8.self) + (sample.count >= 300 ? " …" : ""), reason: reason))
    }

    struct NameEvidence {
        var weight: Int16
        var signature: Int
    }

    private mutating func nameEvidence(_ names: String, classNames: String) -> NameEvidence {
        if let known = evidenceCache[names] { return known }
        var hasher = Hasher()
        for byte in classNames.utf8 where !(byte >= 0x30 && byte <= 0x39) { hasher.combine(byte) }
        let evidence = NameEvidence(weight: Int16(hints.weight(of: names)), signature: hasher.finalize())
        evidenceCache[names] = evidence
        return evidence
    }

    private mutating func screenReaderOnly(_ classNames: String) -> Bool {
        if let known = screenReaderCache[classNames] { return known }
        let verdict = ClassHints.isScreenReaderOnly(classNames)
        screenReaderCache[classNames] = verdict
        return verdict
    }

    static func hidesElement(style: String) -> Bool {
        let compact = style.lowercased().filter { $0 != " " }
        return compact.contains("display:none") || compact.contains("visibility:hidden")
    }

    // MARK: - Text

    private mutating func append(_ content: UnsafePointer<xmlChar>) {
        var i = 0
        while true {
            let byte = content[i]
            if byte == 0 { break }
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                pendingSpace = true
                i += 1
                continue
            }
            if byte == 0xC2, content[i + 1] == 0xA0 {  // no-break space
                pendingSpace = true
                i += 2
                continue
            }
            if text.count == current.start {
                current.words = 1
            } else if pendingSpace {
                text.append(0x20)
                current.words += 1
            }
            pendingSpace = false
            pendingBreak = false
            text.append(byte)
            if byte & 0xC0 != 0x80 {
                current.chars += 1
                if linkDepth > 0 { current.linkChars += 1 }
                // Chinese and Japanese write words without spaces: each character of the CJK
                // blocks (U+3000–U+D7FF, lead bytes E3–ED) counts as a word.
                if byte >= 0xE3 && byte <= 0xED { current.words += 1 }
            }
            switch byte {
            case UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: ";"), UInt8(ascii: "!"), UInt8(ascii: "?"):
                current.punctuation += 1
            default:
                break
            }
            i += 1
        }
    }

    /// Ends the current run of text, recording it when it holds any.
    private mutating func flush() {
        pendingBreak = false
        pendingSpace = false
        defer { current = RunAccumulator(start: text.count) }
        guard text.count > current.start, current.chars > 0 else {
            text.removeSubrange(current.start...)
            return
        }
        let owner = blockStack.last ?? -1
        let ownerTag = owner >= 0 ? elements[Int(owner)].tag : .container
        var kind: Block.Kind
        switch ownerTag {
        case .heading1, .heading2, .heading3, .heading4, .heading5, .heading6: kind = .heading
        case .listItem: kind = .listItem
        default: kind = .paragraph
        }
        if quoteDepth > 0, kind != .heading { kind = .blockQuote }
        runs.append(
            Run(
                element: owner, kind: kind, headingLevel: UInt8(ownerTag.headingLevel ?? 0), start: Int32(current.start),
                end: Int32(text.count), chars: current.chars, linkChars: current.linkChars, words: current.words,
                punctuation: current.punctuation, endsSentence: Self.endsSentence(text[current.start...])))
    }

    static func endsSentence(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard let last = bytes.last else { return false }
        switch last {
        case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ")"):
            return true
        case 0x9D, 0x99:  // ” and ’ end in these bytes (E2 80 9D, E2 80 99)
            return bytes.count >= 3 && bytes[bytes.endIndex - 3] == 0xE2 && bytes[bytes.endIndex - 2] == 0x80
        case 0x82:  // 。 (E3 80 82)
            return bytes.count >= 3 && bytes[bytes.endIndex - 3] == 0xE3 && bytes[bytes.endIndex - 2] == 0x80
        default:
            return false
        }
    }
}
