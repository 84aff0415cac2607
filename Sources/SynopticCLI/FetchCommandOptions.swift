import Foundation
import SynopticSources

/// The fetch settings the commands share: the size limit and timeout from the command line, and the
/// `User-Agent` from `SYNOPTIC_USER_AGENT` when the operator sets one (with their own contact).
enum FetchCommandOptions {
    static func fetchOptions(maxBodyBytes: Int, timeoutSeconds: Int) -> FetchOptions {
        var options = FetchOptions()
        options.maxBodyBytes = maxBodyBytes
        options.totalTimeout = .seconds(timeoutSeconds)
        options.readTimeout = .seconds(min(timeoutSeconds, 20))
        options.connectTimeout = .seconds(min(timeoutSeconds, 10))
        if let agent = ProcessInfo.processInfo.environment["SYNOPTIC_USER_AGENT"], !agent.isEmpty { options.userAgent = agent }
        return options
    }
}
