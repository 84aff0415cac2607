import CLibXML2
import SynopticCore

/// The page flattened into what extraction reasons about, as the parser streams it: the
/// block-level elements (with their class/id evidence) and the runs of text inside them, in
/// document order.
///
/// Elements and runs are recorded in pre-order, so the elements and runs below any element are a
/// contiguous range of each array: scoring a subtree is a sum over a range. Text is collected as
/// UTF-8 bytes with whitespace collapsed, straight from the parser's buffers; no String is made
/// until a run is kept.
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
    private var evidenceCache = AttributeCache<NameEvidence>()
    private var screenReaderCache = AttributeCache<Bool>()
    private var hints = ClassHints()
    private var blockStack: [Int32] = []
    private var entryStack: [Entry] = []
    private var linkDepth = 0
    private var quoteDepth = 0
    private var pendingBreak = false
    private var pendingSpace = false
    private var current = RunAccumulator()
    /// Above zero inside an element left out with everything below it (scripts, navigation,
    /// hidden elements): the depth below that element.
    private var skipDepth = 0
    /// The reason a skipped element is logged under, and the start of its text, for the log.
    private var skipReason: String?
    private var skipSample: [UInt8] = []
    private var skipPendingSpace = false
    /// Longer text of a skipped element is cut in the removal log.
    private static let sampleLength = 300

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

    init() {
        text.reserveCapacity(1 << 16)
    }

    func string(of run: Run) -> String {
        text.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[Int(run.start)..<Int(run.end)]), as: UTF8.self) }
    }

    /// Whether a run stops with an ellipsis (`...` or `…`, before any closing bracket): an excerpt
    /// cut short by a list of teasers. Read from the bytes; no String is made.
    func endsCut(_ run: Run) -> Bool {
        var end = Int(run.end)
        let start = Int(run.start)
        while end > start, text[end - 1] == UInt8(ascii: " ") || text[end - 1] == UInt8(ascii: "]") || text[end - 1] == UInt8(ascii: ")") {
            end -= 1
        }
        guard end - start >= 3 else { return false }
        let last = (text[end - 3], text[end - 2], text[end - 1])
        return last == (0x2E, 0x2E, 0x2E) || last == (0xE2, 0x80, 0xA6)
    }

    // MARK: - Events

    mutating func startElement(_ start: StartTag, _ name: ElementName) {
        if skipDepth > 0 {
            skipDepth += 1
        } else if !enter(start, name) {
            skipDepth = 1
        }
    }

    mutating func endElement() {
        guard skipDepth == 0 else {
            skipDepth -= 1
            if skipDepth == 0 { finishSkipped() }
            return
        }
        exit()
    }

    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        if skipDepth == 0 {
            append(bytes)
        } else if skipReason != nil {
            sample(bytes)
        }
    }

    /// Ends the last run at the end of the page.
    mutating func finish() {
        flush()
    }

    /// Records an element; returns false to leave it out with everything below it.
    private mutating func enter(_ start: StartTag, _ name: ElementName) -> Bool {
        let tag = name.tag
        switch tag {
        case .drop:
            if name.isNavigation { beginSkipped(reason: "navigation") }
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
        var classNames: UnsafePointer<UInt8>?
        var identifier: UnsafePointer<UInt8>?
        var isArticleBody = false
        var roleWeight: Int16 = 0
        var skipReason: String?
        start.forEachAttribute { name, rawValue in
            func value() -> String { rawValue.map { String(cString: $0) } ?? "" }
            switch name[0] | 0x20 {
            case UInt8(ascii: "c") where equalsASCIILowercase(name, "class"):
                classNames = rawValue
            case UInt8(ascii: "i") where equalsASCIILowercase(name, "id"):
                identifier = rawValue
            case UInt8(ascii: "i") where equalsASCIILowercase(name, "itemprop"):
                let itemProperty = value().lowercased()
                if itemProperty.contains("articlebody") || itemProperty == "text" { isArticleBody = true }
            case UInt8(ascii: "h") where equalsASCIILowercase(name, "hidden"):
                skipReason = "hidden element"
            case UInt8(ascii: "a") where equalsASCIILowercase(name, "aria-hidden"):
                if value().lowercased() == "true" { skipReason = "hidden element" }
            case UInt8(ascii: "s") where equalsASCIILowercase(name, "style"):
                if Self.hidesElement(style: value()) { skipReason = "hidden element" }
            case UInt8(ascii: "r") where equalsASCIILowercase(name, "role"):
                switch value().lowercased() {
                case "navigation", "menu", "menubar", "dialog", "alertdialog", "search":
                    skipReason = "navigation or dialog"
                case "complementary", "contentinfo", "banner": roleWeight = -2
                case "main", "article": roleWeight = 1
                default: break
                }
            default:
                break
            }
            return skipReason == nil
        }
        if let skipReason {
            beginSkipped(reason: skipReason)
            return false
        }
        switch tag {
        case .link:
            linkDepth += 1
            entryStack.append(.link)
        case .inline:
            // Text only screen readers hear ("Opens in a new window", "Advertisement").
            if let classNames, classNames[0] != 0, screenReaderOnly(classNames) { return false }
            entryStack.append(.inline)
        default:
            flush()
            let index = Int32(elements.count)
            // Pages repeat the same few class names thousands of times: read each once.
            let evidence =
                classNames == nil && identifier == nil
                ? NameEvidence(weight: 0, signature: 0) : nameEvidence(classNames: classNames, identifier: identifier)
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

    /// Starts keeping a sample of a skipped element's text for the removal log.
    private mutating func beginSkipped(reason: String) {
        skipReason = reason
        skipSample.removeAll(keepingCapacity: true)
        skipPendingSpace = false
    }

    private mutating func sample(_ bytes: UnsafeBufferPointer<UInt8>) {
        for byte in bytes {
            guard skipSample.count < Self.sampleLength else { return }
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                skipPendingSpace = !skipSample.isEmpty
                continue
            }
            if skipPendingSpace { skipSample.append(0x20) }
            skipPendingSpace = false
            skipSample.append(byte)
        }
    }

    /// Logs the skipped element that just ended, when it held any text.
    private mutating func finishSkipped() {
        defer { skipReason = nil }
        guard let reason = skipReason, !skipSample.isEmpty else { return }
        var cut = skipSample.count
        // Never end a cut sample inside a character.
        if let lead = skipSample.lastIndex(where: { $0 & 0xC0 != 0x80 }), skipSample[lead] >= 0xC0 {
            let length = skipSample[lead] >= 0xF0 ? 4 : skipSample[lead] >= 0xE0 ? 3 : 2
            if lead + length > cut { cut = lead }
        }
        let sample = String(decoding: skipSample[..<cut], as: UTF8.self)
        skipped.append(Removal(text: sample + (skipSample.count >= Self.sampleLength ? " …" : ""), reason: reason))
    }

    struct NameEvidence {
        var weight: Int16
        var signature: Int
    }

    private mutating func nameEvidence(classNames: UnsafePointer<UInt8>?, identifier: UnsafePointer<UInt8>?) -> NameEvidence {
        evidenceCache.value(for: classNames, identifier) {
            let classText = classNames.map { String(cString: $0) } ?? ""
            let names = " " + classText + " " + (identifier.map { String(cString: $0) } ?? "")
            var hasher = Hasher()
            for byte in classText.utf8 where !(byte >= 0x30 && byte <= 0x39) { hasher.combine(byte) }
            return NameEvidence(weight: Int16(hints.weight(of: names)), signature: hasher.finalize())
        }
    }

    private mutating func screenReaderOnly(_ classNames: UnsafePointer<UInt8>) -> Bool {
        screenReaderCache.value(for: classNames, nil) { ClassHints.isScreenReaderOnly(String(cString: classNames)) }
    }

    static func hidesElement(style: String) -> Bool {
        let compact = style.lowercased().filter { $0 != " " }
        return compact.contains("display:none") || compact.contains("visibility:hidden")
    }

    // MARK: - Text

    private mutating func append(_ content: UnsafeBufferPointer<UInt8>) {
        var i = 0
        let count = content.count
        while i < count {
            let byte = content[i]
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                pendingSpace = true
                i += 1
                continue
            }
            if byte == 0xC2, i + 1 < count, content[i + 1] == 0xA0 {  // no-break space
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

/// What was worked out from an element's `class` and `id` values, remembered per page: pages repeat
/// the same names thousands of times. Values are looked up by a hash of their bytes, straight from
/// the parser, and compared byte for byte, so a hit makes no String.
struct AttributeCache<Value> {
    private var entries: [UInt64: (key: [UInt8], value: Value)] = [:]

    mutating func value(
        for first: UnsafePointer<UInt8>?, _ second: UnsafePointer<UInt8>?, compute: () -> Value
    ) -> Value {
        // FNV-1a over the first value, a separator no attribute value holds, and the second.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ byte: UInt8) { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        func mix(_ string: UnsafePointer<UInt8>?) {
            guard let string else { return }
            var index = 0
            while string[index] != 0 {
                mix(string[index])
                index += 1
            }
        }
        mix(first)
        mix(0)
        mix(second)
        if let entry = entries[hash], Self.matches(entry.key, first, second) { return entry.value }
        let value = compute()
        var key: [UInt8] = []
        func append(_ string: UnsafePointer<UInt8>?) {
            guard let string else { return }
            var index = 0
            while string[index] != 0 {
                key.append(string[index])
                index += 1
            }
        }
        append(first)
        key.append(0)
        append(second)
        entries[hash] = (key, value)
        return value
    }

    private static func matches(_ key: [UInt8], _ first: UnsafePointer<UInt8>?, _ second: UnsafePointer<UInt8>?) -> Bool {
        var position = 0
        func consume(_ string: UnsafePointer<UInt8>?) -> Bool {
            guard let string else { return true }
            var index = 0
            while string[index] != 0 {
                guard position < key.count, key[position] == string[index] else { return false }
                position += 1
                index += 1
            }
            return true
        }
        guard consume(first), position < key.count, key[position] == 0 else { return false }
        position += 1
        return consume(second) && position == key.count
    }
}
