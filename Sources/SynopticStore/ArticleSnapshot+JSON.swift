import SynopticCore

extension ArticleSnapshot {
    /// The snapshot as JSON, written by hand: the bytes `JSONEncoder` writes with `.sortedKeys`
    /// and `.withoutEscapingSlashes` (a test compares them), at a fraction of its cost, which was a
    /// sixth of a SQLite commit. Read back with `JSONDecoder` as before.
    ///
    /// Field for field the Codable layout of this type, ``Provenance`` and ``Removal``: when one of
    /// them gains a field, add it here too (the test fails until then).
    package func json() -> String { String(decoding: jsonBytes(), as: UTF8.self) }

    /// ``json()`` as UTF-8 bytes.
    package func jsonBytes() -> [UInt8] {
        var out = JSONBytes(capacity: 256 + body.utf8.count + original.utf8.count + (sentences.count + blocks.count) * 60)
        out.raw("{\"blocks\":[")
        for (n, block) in blocks.enumerated() {
            if n > 0 { out.raw(",") }
            out.raw("{\"end\":")
            out.int(block.end)
            out.raw(",\"firstSentence\":")
            out.int(block.firstSentence)
            out.raw(",\"kind\":")
            out.string(block.kind.rawValue)
            out.raw(",\"sentenceCount\":")
            out.int(block.sentenceCount)
            out.raw(",\"start\":")
            out.int(block.start)
            out.raw("}")
        }
        out.raw("],\"body\":")
        out.string(body)
        if let dateline {
            out.raw(",\"dateline\":")
            out.string(dateline)
        }
        out.raw(",\"id\":")
        out.string(id)
        out.raw(",\"offsets\":{\"derived\":")
        out.ints(offsets.derived)
        out.raw(",\"derivedLength\":")
        out.int(offsets.derivedLength)
        out.raw(",\"source\":")
        out.ints(offsets.source)
        out.raw(",\"sourceLength\":")
        out.int(offsets.sourceLength)
        out.raw("},\"original\":")
        out.string(original)
        out.raw(",\"provenance\":")
        Self.write(provenance, to: &out)
        out.raw(",\"removed\":[")
        for (n, removal) in removed.enumerated() {
            if n > 0 { out.raw(",") }
            out.raw("{\"reason\":")
            out.string(removal.reason)
            if let span = removal.sourceSpan {
                out.raw(",\"sourceSpan\":")
                out.span(span)
            }
            out.raw(",\"text\":")
            out.string(removal.text)
            out.raw("}")
        }
        out.raw("],\"sentences\":[")
        for (n, sentence) in sentences.enumerated() {
            if n > 0 { out.raw(",") }
            out.raw("{\"block\":")
            out.int(sentence.block)
            out.raw(",\"end\":")
            out.int(sentence.end)
            out.raw(sentence.quotation ? ",\"quotation\":true,\"start\":" : ",\"quotation\":false,\"start\":")
            out.int(sentence.start)
            out.raw("}")
        }
        out.raw("]")
        if let title {
            out.raw(",\"title\":")
            out.string(title)
        }
        out.raw(",\"version\":")
        out.int(version)
        out.raw("}")
        return out.bytes
    }

    private static func write(_ provenance: Provenance, to out: inout JSONBytes) {
        func optional(_ key: StaticString, _ value: String?) {
            guard let value else { return }
            out.raw(key)
            out.string(value)
        }
        out.raw("{\"authors\":")
        out.strings(provenance.authors)
        out.raw(",\"credits\":")
        out.strings(provenance.credits)
        optional(",\"encoding\":", provenance.encoding)
        optional(",\"language\":", provenance.language)
        if let line = provenance.line {
            out.raw(",\"line\":")
            out.int(line)
        }
        optional(",\"modified\":", provenance.modified)
        out.raw(",\"origin\":")
        out.string(provenance.origin.rawValue)
        optional(",\"outlet\":", provenance.outlet)
        optional(",\"path\":", provenance.path)
        optional(",\"published\":", provenance.published)
        optional(",\"publishedRaw\":", provenance.publishedRaw)
        optional(",\"url\":", provenance.url)
        out.raw("}")
    }
}
