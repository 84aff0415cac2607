import Foundation
import SynopticCore

/// Turns the bytes of one input into source documents: a text file (with optional front matter)
/// becomes one document, a JSON Lines file one per line.
public struct DocumentParser: Sendable {
    public init() {}

    /// Reads a text input: decodes, takes front matter, fills provenance.
    public func textDocument(bytes: [UInt8], path: String, origin: Provenance.Origin) -> Result<(SourceDocument, [Diagnostic]), Diagnostic> {
        let decoded: DecodedText
        do {
            decoded = try TextDecoder.decode(bytes)
        } catch {
            return .failure(Diagnostic(.error, path: path, reason: error.description))
        }
        var diagnostics: [Diagnostic] = []
        if decoded.replacements > 0 {
            diagnostics.append(
                Diagnostic(
                    .warning, path: path,
                    reason: "invalid \(decoded.encoding.rawValue.uppercased()) at byte \(decoded.firstInvalidByte ?? 0): "
                        + "\(decoded.replacements) sequence(s) replaced with U+FFFD"))
        }
        var metadata = SourceMetadata()
        var text = decoded.text
        if let front = FrontMatter.parse(text) {
            metadata = front.metadata
            text = String(front.body)
        }
        guard text.contains(where: { !$0.isWhitespace }) else {
            return .failure(Diagnostic(.error, path: path, reason: decoded.text.isEmpty ? "empty file" : "no text (only whitespace or front matter)"))
        }
        let stem = Self.stem(of: path, origin: origin)
        let provenance = Self.provenance(metadata, origin: origin, path: path, line: nil, encoding: decoded.encoding.rawValue)
        return .success((SourceDocument(suggestedID: metadata.id ?? stem, provenance: provenance, metadata: metadata, text: text), diagnostics))
    }

    /// Reads an HTML page (already inflated if it was compressed): the document carries the bytes,
    /// and the HTML extractor decodes them by the page's own charset declaration.
    public func htmlDocument(bytes: [UInt8], path: String, origin: Provenance.Origin) -> Result<SourceDocument, Diagnostic> {
        guard bytes.contains(where: { $0 > 0x20 }) else {
            return .failure(Diagnostic(.error, path: path, reason: bytes.isEmpty ? "empty file" : "empty page (only whitespace)"))
        }
        let provenance = Self.provenance(SourceMetadata(), origin: origin, path: path, line: nil, encoding: "")
        return .success(SourceDocument(suggestedID: Self.stem(of: path, origin: origin), provenance: provenance, metadata: SourceMetadata(), text: "", html: bytes))
    }

    /// Whether bytes are an HTML page rather than text: they open (after a BOM and blanks) with a
    /// doctype, an `<html>` tag, or a comment followed by either.
    public static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
        let head = String(decoding: bytes[start..<min(bytes.count, start + 512)], as: UTF8.self).lowercased()
        if head.hasPrefix("<!doctype html") || head.hasPrefix("<html") || head.hasPrefix("<?xml") && head.contains("<html") { return true }
        return head.hasPrefix("<!--") && (head.contains("<!doctype html") || head.contains("<html"))
    }

    /// Reads one JSON Lines record (`line` is 1-based).
    public func jsonRecord(_ bytes: ArraySlice<UInt8>, path: String, line: Int) -> Result<SourceDocument, Diagnostic> {
        func failure(_ reason: String) -> Result<SourceDocument, Diagnostic> { .failure(Diagnostic(.error, path: path, line: line, reason: reason)) }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes), options: [])
        } catch {
            return failure("not valid JSON (\(Self.jsonErrorSummary(error)))")
        }
        guard let record = object as? [String: Any] else { return failure("a JSON Lines record must be an object, found \(Self.typeName(object))") }
        var metadata = SourceMetadata()
        for (key, value) in record where key != "text" && key != "html" {
            if let converted = Self.metadataValue(value) { metadata.set(key, converted) }
        }
        let text = (record["text"] as? String).flatMap { $0.contains(where: { !$0.isWhitespace }) ? $0 : nil }
        let html = (record["html"] as? String).flatMap { $0.contains(where: { !$0.isWhitespace }) ? $0 : nil }
        let stem = Self.stem(of: path, origin: .jsonLines)
        let provenance = Self.provenance(metadata, origin: .jsonLines, path: path, line: line, encoding: "utf-8")
        let id = metadata.id ?? "\(stem)-\(line)"
        // Text wins when a record has both: it is what the producer already extracted.
        if let body = text {
            return .success(SourceDocument(suggestedID: id, provenance: provenance, metadata: metadata, text: body))
        }
        if let html {
            return .success(SourceDocument(suggestedID: id, provenance: provenance, metadata: metadata, text: "", html: Array(html.utf8), htmlCharset: "utf-8"))
        }
        return failure(record["text"] == nil && record["html"] == nil ? "record has neither \"text\" nor \"html\"" : "record's \"text\" and \"html\" are empty")
    }

    // MARK: - Helpers

    static func provenance(_ metadata: SourceMetadata, origin: Provenance.Origin, path: String, line: Int?, encoding: String) -> Provenance {
        let published = metadata.published.flatMap(DateNormalizer.iso8601)
        return Provenance(
            origin: origin, path: path, line: line, url: metadata.url, outlet: metadata.outlet, authors: metadata.authors,
            published: published, modified: metadata.modified.flatMap(DateNormalizer.iso8601),
            publishedRaw: published == nil ? metadata.published : nil, language: metadata.language, encoding: encoding)
    }

    /// The file name without directory and extension(s) such as `.txt` or `.html.gz`.
    static func stem(of path: String, origin: Provenance.Origin) -> String {
        if origin == .standardInput || path == "-" { return "stdin" }
        var name = Substring(path)
        if let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) { name = path[path.utf8.index(after: slash)...] }
        // Strip known extensions, `.html.gz` included.
        while let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")), dot != name.startIndex {
            let ext = name[name.utf8.index(after: dot)...].lowercased()
            guard Self.knownExtensions.contains(ext) else { break }
            name = name[..<dot]
        }
        return name.isEmpty ? "article" : String(name)
    }

    static let knownExtensions: Set<String> = ["gz", "txt", "text", "md", "markdown", "jsonl", "ndjson", "json", "html", "htm"]

    static func metadataValue(_ value: Any) -> MetadataValue? {
        switch value {
        case let s as String: return .text(s.trimmingCharacters(in: .whitespacesAndNewlines))
        case let n as NSNumber: return .text(n.stringValue)
        case let list as [Any]:
            return .list(list.compactMap { item in
                if let s = item as? String { return s.trimmingCharacters(in: .whitespacesAndNewlines) }
                if let object = item as? [String: Any], let name = object["name"] as? String { return name }
                return nil
            })
        case let object as [String: Any]:
            return (object["name"] as? String).map { .text($0) }
        default: return nil
        }
    }

    static func typeName(_ value: Any) -> String {
        switch value {
        case is [Any]: "an array"
        case is String: "a string"
        case is NSNumber: "a number"
        default: "null"
        }
    }

    static func jsonErrorSummary(_ error: any Error) -> String {
        let ns = error as NSError
        if let detail = ns.userInfo[NSDebugDescriptionErrorKey] as? String { return detail }
        return "parse error"
    }
}
