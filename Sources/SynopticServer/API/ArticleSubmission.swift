import Foundation
import Hummingbird
import Synoptic

/// Turns the body of `POST /api/articles` into source documents, by its `Content-Type`:
///
/// - `application/json`: one object `{"text" | "html", "title", "outlet", "url", "published",
///   "author" …}` (the fields of a JSON Lines record, see docs/json.md), or an array of them;
/// - `application/x-ndjson`, `application/jsonl`: one such object per line;
/// - `text/plain`: the article's text as is; `text/html`: a page, read by the HTML extractor.
///   Both take `title`, `outlet`, `url`, `published`, `author` and `id` from the query string.
///
/// Every problem with the body itself (not JSON, not an object, no text) is a 400 naming the
/// record and the reason; nothing is ingested from a body with such a problem.
struct ArticleSubmission: Sendable {
    let configuration: ServerConfiguration
    static let source = "POST /api/articles"
    static let queryFields = ["id", "title", "outlet", "url", "published", "author", "modified", "language"]

    func documents(from body: ByteBuffer, contentType: String?, query: Parameters) throws -> [SourceDocument] {
        let bytes = Array(body.readableBytesView)
        guard bytes.contains(where: { $0 > 0x20 }) else { throw APIError(.badRequest, "empty_body", "The body is empty.") }
        let mediaType = (contentType ?? "application/json").split(separator: ";").first.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        } ?? ""
        let documents: [SourceDocument]
        switch mediaType {
        case "application/json", "":
            documents = try json(bytes)
        case "application/x-ndjson", "application/jsonl", "application/json-lines", "application/jsonlines":
            documents = try jsonLines(bytes)
        case "text/plain":
            documents = [try plainText(bytes, query: query)]
        case "text/html", "application/xhtml+xml":
            documents = [try page(bytes, query: query)]
        default:
            throw APIError(
                .unsupportedMediaType, "unsupported_media_type",
                "Content-Type \(mediaType) is not taken; send application/json, application/x-ndjson, text/plain or text/html.")
        }
        guard documents.count <= configuration.maxDocumentsPerRequest else {
            throw APIError(
                .contentTooLarge, "too_many_articles", "\(documents.count) articles in one request; at most \(configuration.maxDocumentsPerRequest).")
        }
        return documents
    }

    // MARK: - JSON

    func json(_ bytes: [UInt8]) throws -> [SourceDocument] {
        let value: Any
        do {
            // Fragments allowed: a lone string or number is JSON, just not an article (invalid_article).
            value = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        } catch {
            throw APIError(.badRequest, "malformed_json", "The body is not valid JSON: \(Self.reason(error)).")
        }
        if value is [String: Any] { return [try record(value, number: 1)] }
        guard let array = value as? [Any] else {
            throw APIError(.badRequest, "invalid_article", "Expected an article object or an array of them, found \(Self.typeName(value)).")
        }
        guard !array.isEmpty else { throw APIError(.badRequest, "empty_body", "The array holds no article.") }
        guard array.count <= configuration.maxDocumentsPerRequest else {
            throw APIError(
                .contentTooLarge, "too_many_articles", "\(array.count) articles in one request; at most \(configuration.maxDocumentsPerRequest).")
        }
        return try array.enumerated().map { try record($1, number: $0 + 1) }
    }

    func jsonLines(_ bytes: [UInt8]) throws -> [SourceDocument] {
        var documents: [SourceDocument] = []
        for (index, line) in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            guard line.contains(where: { $0 > 0x20 }) else { continue }
            guard documents.count < configuration.maxDocumentsPerRequest else {
                throw APIError(.contentTooLarge, "too_many_articles", "More than \(configuration.maxDocumentsPerRequest) articles in one request.")
            }
            let value: Any
            do {
                value = try JSONSerialization.jsonObject(with: Data(line), options: [.fragmentsAllowed])
            } catch {
                throw APIError(.badRequest, "malformed_json", "Line \(index + 1) is not valid JSON: \(Self.reason(error)).")
            }
            documents.append(try record(value, number: index + 1, noun: "line"))
        }
        guard !documents.isEmpty else { throw APIError(.badRequest, "empty_body", "The body holds no article.") }
        return documents
    }

    /// One article object, checked here (so the error names the field) and then read exactly as a
    /// JSON Lines record is read from a file.
    func record(_ value: Any, number: Int, noun: String = "article") throws -> SourceDocument {
        let label = "\(noun.capitalized) \(number)"
        guard let object = value as? [String: Any] else {
            throw APIError(.badRequest, "invalid_article", "\(label): expected an object, found \(Self.typeName(value)).")
        }
        for name in ["text", "html", "title", "outlet", "url"] {
            if let value = object[name], !(value is String), !(value is NSNull) {
                throw APIError(.badRequest, "invalid_article", "\(label): \"\(name)\" must be a string, found \(Self.typeName(value)).")
            }
        }
        let data = try JSONSerialization.data(withJSONObject: object, options: [])
        switch DocumentParser().jsonRecord(ArraySlice(data), path: Self.source, line: number) {
        case .success(var document):
            document.suggestedID = Self.suggestedID(document.metadata)
            return document
        case .failure(let diagnostic):
            throw APIError(.badRequest, "invalid_article", "\(label): \(diagnostic.reason).")
        }
    }

    // MARK: - Text and HTML

    func plainText(_ bytes: [UInt8], query: Parameters) throws -> SourceDocument {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw APIError(.badRequest, "invalid_encoding", "A text/plain body must be UTF-8.")
        }
        var object: [String: Any] = ["text": text]
        for field in Self.queryFields { if let value = query.get(field) { object[field] = value } }
        return try record(object, number: 1)
    }

    func page(_ bytes: [UInt8], query: Parameters) throws -> SourceDocument {
        guard case .success(var document) = DocumentParser().htmlDocument(bytes: bytes, path: Self.source, origin: .htmlFile) else {
            throw APIError(.badRequest, "empty_body", "The page is empty.")
        }
        // The page's own metadata is read later by the HTML extractor; query fields win over it.
        var metadata = document.metadata
        if let value = query.get("id") { metadata.id = value }
        if let value = query.get("title") { metadata.title = value }
        if let value = query.get("outlet") { metadata.outlet = value }
        if let value = query.get("url") { metadata.url = value }
        if let value = query.get("published") { metadata.published = value }
        if let value = query.get("author") { metadata.authors = [value] }
        document.metadata = metadata
        document.provenance.outlet = metadata.outlet ?? document.provenance.outlet
        document.provenance.url = metadata.url ?? document.provenance.url
        document.provenance.authors = metadata.authors.isEmpty ? document.provenance.authors : metadata.authors
        if let published = metadata.published {
            document.provenance.published = DateNormalizer.iso8601(published)
            document.provenance.publishedRaw = document.provenance.published == nil ? published : nil
        }
        document.suggestedID = Self.suggestedID(metadata)
        return document
    }

    // MARK: - Helpers

    /// The id the article asks for, else one made of its title, else `article`; the library makes
    /// it unique. Whatever it is, only characters ``Identifier`` accepts survive, so every stored
    /// article can be fetched back by its id.
    static func suggestedID(_ metadata: SourceMetadata) -> String {
        let base = metadata.id ?? metadata.title ?? "article"
        var slug = ""
        var lastWasDash = false
        for scalar in base.lowercased().unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) || scalar == "_" || scalar == "." {
                slug.unicodeScalars.append(scalar)
                lastWasDash = false
            } else if !lastWasDash, !slug.isEmpty {
                slug += "-"
                lastWasDash = true
            }
            if slug.count >= 60 { break }
        }
        while slug.hasSuffix("-") || slug.hasSuffix(".") { slug.removeLast() }
        while slug.hasPrefix(".") { slug.removeFirst() }
        return slug.isEmpty ? "article" : slug
    }

    static func reason(_ error: any Error) -> String {
        let ns = error as NSError
        if let detail = ns.userInfo[NSDebugDescriptionErrorKey] as? String { return detail }
        return "parse error"
    }

    static func typeName(_ value: Any) -> String {
        switch value {
        case is [Any]: "an array"
        case is [String: Any]: "an object"
        case is String: "a string"
        case is NSNumber: "a number"
        default: "null"
        }
    }
}
