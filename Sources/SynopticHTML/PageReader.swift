/// One streaming pass over a page that feeds both readers: the walk that extraction scores and the
/// evidence that metadata is chosen from.
final class PageReader: MarkupHandler {
    private(set) var walk = PageWalk()
    private(set) var evidence = PageEvidence()
    /// Whether the parser reported any element (an empty or text-free page reports none).
    private(set) var sawElement = false
    private var names = NameTable()

    func startElement(_ tag: StartTag) {
        sawElement = true
        let name = names.name(tag.name)
        walk.startElement(tag, name)
        evidence.startElement(tag, name)
    }

    func endElement() {
        walk.endElement()
        evidence.endElement()
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        walk.text(bytes)
        evidence.text(bytes)
    }

    func scriptText(_ bytes: UnsafeBufferPointer<UInt8>) {
        evidence.scriptText(bytes)
    }

    /// Ends what is still open once the parser is done.
    func finish() {
        walk.finish()
    }
}
