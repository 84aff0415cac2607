import Foundation
import Synoptic
import SynopticSources

extension IngestCommand {
    /// URLs and feeds as documents: each page fetched, each feed's items fetched (through the same
    /// resolver `brief` uses), with a diagnostic naming the URL for each failure.
    static func remoteDocuments(_ urls: [String], limits: IngestLimits) async -> (documents: [SourceDocument], diagnostics: [Diagnostic]) {
        let options = FetchCommandOptions.fetchOptions(maxBodyBytes: limits.maxArticleBytes, timeoutSeconds: 30)
        do {
            let live = try await WebFetcher.withFetcher(options: options) { fetcher in
                await LiveSourceResolver(fetcher: fetcher).resolve(urls)
            }
            return (live.documents, live.diagnostics)
        } catch {
            return ([], urls.map { Diagnostic(.error, path: $0, reason: "could not fetch: \(error)") })
        }
    }
}
