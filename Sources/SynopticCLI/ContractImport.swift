import Foundation
import Synoptic

/// Reads a `.json` file whose top level is the JSON contract (`synoptic export`, or
/// `synoptic brief --format json`) as articles to ingest, so that a store round-trips through a
/// file: each record becomes a document with its id, metadata and text, and the batch is cleaned
/// again. A record's `original` (written by `export`) gives back the same article and content hash;
/// a record without it (from `brief`) is ingested from its clean `body`.
enum ContractImport {
    /// Whether `path` names a JSON file that looks like the contract: an object with `version` and
    /// an `articles` array. Only the first bytes are read to decide.
    static func isContractDocument(_ path: String) -> Bool {
        guard path.lowercased().hasSuffix(".json"), let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 4096) else { return false }
        let text = String(decoding: head, as: UTF8.self)
        guard text.drop(while: \.isWhitespace).first == "{" else { return false }
        return text.contains("\"articles\"") || text.contains("\"version\"")
    }

    /// The documents of the contract file at `path`, or a diagnostic naming it.
    static func documents(at path: String, limits: IngestLimits) -> Result<[SourceDocument], Diagnostic> {
        let data: Data
        do {
            let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
            // An export holds many articles: allow the per-article limit for each of many, but not without bound.
            guard size <= max(limits.maxArticleBytes, 1) * 64 else {
                return .failure(Diagnostic(.error, path: path, reason: "file is larger than \(limits.maxArticleBytes * 64) bytes"))
            }
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            return .failure(Diagnostic(.error, path: path, reason: "cannot read: \(error.localizedDescription)"))
        }
        let file: ContractFile
        do {
            file = try JSONDecoder().decode(ContractFile.self, from: data)
        } catch {
            return .failure(Diagnostic(.error, path: path, reason: "not a Synoptic JSON document: \(Self.describe(error))"))
        }
        return .success(
            file.articles.enumerated().compactMap { index, record in
                guard let text = record.original ?? record.body, text.contains(where: { !$0.isWhitespace }) else { return nil }
                // A title or outlet that cleaning found in the text itself (its removals say so) is
                // found there again; given as metadata too, it would clean differently.
                let reasons = (record.original == nil ? [] : record.removed ?? []).map(\.reason)
                let title = reasons.contains { $0.hasPrefix("headline") } ? nil : record.title
                let outlet = reasons.contains(Self.mastheadKeptAsOutlet) ? nil : record.outlet
                let metadata = SourceMetadata(
                    id: record.id, title: title, outlet: outlet, url: record.url, published: record.published,
                    modified: record.modified, authors: record.authors ?? [], language: record.language)
                let provenance = Provenance(
                    origin: .jsonLines, path: record.path ?? path, line: record.line, url: record.url, outlet: outlet,
                    authors: record.authors ?? [], published: record.published, modified: record.modified, language: record.language,
                    encoding: record.encoding)
                return SourceDocument(suggestedID: record.id ?? "article-\(index + 1)", provenance: provenance, metadata: metadata, text: text)
            })
    }

    /// The part of the contract an import reads; every field optional, so an export from an older
    /// or newer Synoptic still imports.
    struct ContractFile: Decodable {
        var version: Int?
        var articles: [Record]
    }

    struct Record: Decodable {
        var id: String?
        var path: String?
        var line: Int?
        var url: String?
        var title: String?
        var outlet: String?
        var authors: [String]?
        var published: String?
        var modified: String?
        var language: String?
        var encoding: String?
        var body: String?
        var original: String?
        var removed: [Removed]?
    }

    struct Removed: Decodable {
        var reason: String
    }

    /// The removal reason the cleaner gives a masthead it took the outlet from.
    static let mastheadKeptAsOutlet = "masthead: kept as the outlet"

    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "no \"\(key.stringValue)\" field"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "unexpected value at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case DecodingError.dataCorrupted: "malformed JSON"
        default: "\(error)"
        }
    }
}
