import Foundation
import Synoptic

extension IngestCommand {
    /// URLs and feeds as documents. The one place where fetching plugs into `ingest`: the sources
    /// module (`SynopticSources`) replaces this body with a fetch of each page, or of each feed's new
    /// items, returning documents (with `html` set for pages) and a diagnostic per failure.
    static func remoteDocuments(_ urls: [String], limits: IngestLimits) async -> (documents: [SourceDocument], diagnostics: [Diagnostic]) {
        ([], urls.map { Diagnostic(.error, path: $0, reason: "fetching URLs and feeds is not built into this synoptic yet") })
    }
}
