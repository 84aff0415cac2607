import SynopticCore

/// Why a fetch failed, always with the URL asked for, so a message can be acted on without context.
public struct FetchError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Sendable, Hashable {
        /// The text is not a URL Synoptic can fetch.
        case invalidURL
        /// Only `http` and `https` are fetched (not `file`, `ftp`, …).
        case unsupportedScheme(String)
        /// More redirects than ``FetchOptions/maxRedirects``.
        case tooManyRedirects(limit: Int)
        /// A redirect led back to a URL already visited.
        case redirectLoop
        /// No connection within ``FetchOptions/connectTimeout``.
        case connectTimeout(Duration)
        /// The server went silent for ``FetchOptions/readTimeout``.
        case readTimeout(Duration)
        /// The whole fetch took longer than ``FetchOptions/totalTimeout``.
        case totalTimeout(Duration)
        /// The body is larger than ``FetchOptions/maxBodyBytes``.
        case bodyTooLarge(limit: Int)
        /// The server answered with an error status.
        case httpStatus(Int, String)
        /// The connection could not be made or broke (refused, host unknown, closed early, TLS).
        case connection(String)
        /// The fetch was cancelled (the command is shutting down).
        case cancelled
    }

    /// The URL as the caller gave it.
    public var url: String
    public var reason: Reason

    public init(url: String, reason: Reason) {
        self.url = url
        self.reason = reason
    }

    /// The reason in words, without the URL.
    public var reasonText: String {
        switch reason {
        case .invalidURL: "not a valid URL"
        case .unsupportedScheme(let scheme): "unsupported URL scheme \"\(scheme)\" (only http and https are fetched)"
        case .tooManyRedirects(let limit): "too many redirects (more than \(limit))"
        case .redirectLoop: "redirect loop (a redirect led back to a URL already visited)"
        case .connectTimeout(let limit): "could not connect within \(Self.seconds(limit))"
        case .readTimeout(let limit): "no answer from the server within \(Self.seconds(limit)) (read timeout)"
        case .totalTimeout(let limit): "the fetch did not finish within \(Self.seconds(limit))"
        case .bodyTooLarge(let limit): "response body above the \(Self.size(limit)) limit (refused)"
        case .httpStatus(let code, let text): "HTTP \(code)\(text.isEmpty ? "" : " \(text)")"
        case .connection(let detail): detail
        case .cancelled: "cancelled"
        }
    }

    /// `URL: reason`.
    public var description: String { "\(url): \(reasonText)" }

    /// The failure as one line of a briefing's diagnostics.
    public var diagnostic: Diagnostic { Diagnostic(.error, path: url, reason: reasonText) }

    static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let value = Double(seconds) + Double(attoseconds) / 1e18
        return value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }

    static func size(_ bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KB" }
        return "\(bytes)-byte"
    }
}
