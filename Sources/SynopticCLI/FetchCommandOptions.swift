import ArgumentParser
import Foundation
import SynopticCore
import SynopticSources

/// The fetch settings the commands that read URLs share (`brief`, `ingest`, `watch`): the size
/// limit and timeout from the command line, and the `User-Agent` from `SYNOPTIC_USER_AGENT` when
/// the operator sets one (with their own contact).
enum FetchCommandOptions {
    static let timeoutHelp = ArgumentHelp("Longest time for fetching one URL, in seconds.")

    static func fetchOptions(maxBodyBytes: Int, timeoutSeconds: Int) -> FetchOptions {
        var options = FetchOptions()
        options.maxBodyBytes = maxBodyBytes
        options.totalTimeout = .seconds(timeoutSeconds)
        options.readTimeout = .seconds(min(timeoutSeconds, 20))
        options.connectTimeout = .seconds(min(timeoutSeconds, 10))
        if let agent = ProcessInfo.processInfo.environment["SYNOPTIC_USER_AGENT"], !agent.isEmpty { options.userAgent = agent }
        return options
    }

    /// Pages and feeds as documents: each page fetched, each feed's items fetched, concurrently,
    /// with a diagnostic naming the URL for each failure. A fetcher that cannot start fails every
    /// URL with the reason, never the whole command.
    static func resolve(_ urls: [String], maxBodyBytes: Int, timeoutSeconds: Int) async -> LiveSources {
        guard !urls.isEmpty else { return LiveSources() }
        do {
            return try await WebFetcher.withFetcher(options: fetchOptions(maxBodyBytes: maxBodyBytes, timeoutSeconds: timeoutSeconds)) { fetcher in
                await LiveSourceResolver(fetcher: fetcher).resolve(urls)
            }
        } catch {
            return LiveSources(diagnostics: urls.map { Diagnostic(.error, path: $0, reason: "could not fetch: \(error)") })
        }
    }
}
