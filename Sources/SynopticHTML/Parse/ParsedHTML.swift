import CLibXML2

/// A page parsed into libxml2's tree, with the options extraction uses.
///
/// Extraction itself streams the page (``MarkupStream``) and never builds the tree; this type
/// stays so that benchmarks can time the parser's usual tree-building mode beside it.
final class ParsedHTML {
    let document: htmlDocPtr

    /// Parses UTF-8 bytes. Returns nil only when libxml2 builds no document at all (empty input).
    init?(utf8 bytes: [UInt8]) {
        guard !bytes.isEmpty, bytes.count < MarkupStream.maximumLength else { return nil }
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                htmlReadMemory(pointer, Int32(buffer.count), nil, "UTF-8", MarkupStream.options)
            }
        }
        guard let parsed else { return nil }
        document = parsed
    }

    deinit { xmlFreeDoc(document) }
}
