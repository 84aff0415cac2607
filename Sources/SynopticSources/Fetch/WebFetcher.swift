import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Fetches web pages and feeds over HTTP(S) with async-http-client, within the limits of its
/// ``FetchOptions``: timeouts, a redirect limit (loops are caught), a body size limit enforced while
/// the body streams, a polite `User-Agent`, and conditional GET.
///
/// One fetcher holds one `HTTPClient` (and its connection pool) for all its fetches; call
/// ``shutdown()`` when done, or use ``withFetcher(options:_:)``, which does it for you.
///
/// ```swift
/// let page = try await WebFetcher.withFetcher { fetcher in
///     try await fetcher.fetch("https://example.org/news/1.html")
/// }
/// print(page.status, page.charset ?? "-", page.body.count)
/// ```
public final class WebFetcher: Sendable {
    public let options: FetchOptions
    private let client: HTTPClient

    public init(options: FetchOptions = FetchOptions()) {
        self.options = options
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .follow(max: max(0, options.maxRedirects), allowCycles: false),
            timeout: .init(connect: Self.timeAmount(options.connectTimeout), read: Self.timeAmount(options.readTimeout)),
            connectionPool: HTTPClient.Configuration.ConnectionPool(), proxy: nil, ignoreUncleanSSLShutdown: false,
            decompression: options.acceptCompression ? .enabled(limit: .size(options.maxBodyBytes)) : .disabled)
        configuration.connectionPool.retryConnectionEstablishment = false
        if options.maxRedirects <= 0 { configuration.redirectConfiguration = .disallow }
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// Runs `body` with a new fetcher and shuts the fetcher down afterwards, whether `body` throws or not.
    public static func withFetcher<T: Sendable>(
        options: FetchOptions = FetchOptions(), _ body: (WebFetcher) async throws -> T
    ) async throws -> T {
        let fetcher = WebFetcher(options: options)
        do {
            let result = try await body(fetcher)
            try? await fetcher.shutdown()
            return result
        } catch {
            try? await fetcher.shutdown()
            throw error
        }
    }

    /// Closes the connections. Must be called once before the fetcher goes away.
    public func shutdown() async throws {
        try await client.shutdown()
    }

    /// Fetches `url` (GET). A 2xx answer returns its body; a `304 Not Modified` (only possible when
    /// `validators` are given) returns an empty body with ``FetchResponse/isNotModified``; any other
    /// outcome throws a ``FetchError`` naming the URL and the reason.
    public func fetch(_ url: String, accept: FetchAccept = .any, validators: CacheValidators = CacheValidators()) async throws(FetchError)
        -> FetchResponse
    {
        try Self.check(url)
        var request = HTTPClientRequest(url: url)
        request.method = .GET
        request.headers.add(name: "User-Agent", value: options.userAgent)
        request.headers.add(name: "Accept", value: accept.headerValue)
        request.headers.add(name: "Accept-Language", value: "en;q=0.9, *;q=0.5")
        if options.acceptCompression { request.headers.add(name: "Accept-Encoding", value: "gzip, deflate") }
        if let etag = validators.etag { request.headers.add(name: "If-None-Match", value: etag) }
        if let lastModified = validators.lastModified { request.headers.add(name: "If-Modified-Since", value: lastModified) }

        let deadline = NIODeadline.now() + Self.timeAmount(options.totalTimeout)
        do {
            let response = try await client.execute(request, deadline: deadline)
            let finalURL = response.url?.absoluteString ?? url
            let headers = response.headers.map { (name: $0.name, value: $0.value) }
            let status = Int(response.status.code)
            if status == 304 {
                return FetchResponse(requestedURL: url, finalURL: finalURL, status: status, headers: headers, body: [])
            }
            guard (200..<300).contains(status) else {
                throw FetchError(url: url, reason: .httpStatus(status, response.status.reasonPhrase))
            }
            // Refuse at once when the server announces a body above the limit (not for a compressed
            // body, whose inflated size is what counts and is checked as it streams).
            if response.headers["content-encoding"].isEmpty, let length = response.headers.first(name: "content-length").flatMap(Int.init),
                length > options.maxBodyBytes
            {
                throw FetchError(url: url, reason: .bodyTooLarge(limit: options.maxBodyBytes))
            }
            var body: [UInt8] = []
            for try await chunk in response.body {
                guard body.count + chunk.readableBytes <= options.maxBodyBytes else {
                    throw FetchError(url: url, reason: .bodyTooLarge(limit: options.maxBodyBytes))
                }
                body.append(contentsOf: chunk.readableBytesView)
            }
            return FetchResponse(requestedURL: url, finalURL: finalURL, status: status, headers: headers, body: body)
        } catch let error as FetchError {
            throw error
        } catch {
            throw FetchError(url: url, reason: reason(for: error))
        }
    }

    /// Throws unless `url` is an absolute http(s) URL with a host.
    static func check(_ url: String) throws(FetchError) {
        guard let parsed = URLComponents(string: url), let scheme = parsed.scheme?.lowercased() else {
            throw FetchError(url: url, reason: .invalidURL)
        }
        guard scheme == "http" || scheme == "https" else { throw FetchError(url: url, reason: .unsupportedScheme(scheme)) }
        guard let host = parsed.host, !host.isEmpty else { throw FetchError(url: url, reason: .invalidURL) }
    }

    /// Whether `input` names a URL the command line should fetch rather than a file path: it starts
    /// with `http://` or `https://` (any case).
    public static func isWebURL(_ input: String) -> Bool {
        let lower = input.prefix(8).lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    private func reason(for error: any Error) -> FetchError.Reason {
        if error is CancellationError { return .cancelled }
        if let http = error as? HTTPClientError {
            switch http {
            case .redirectLimitReached: return .tooManyRedirects(limit: options.maxRedirects)
            case .redirectCycleDetected: return .redirectLoop
            case .readTimeout: return .readTimeout(options.readTimeout)
            case .connectTimeout: return .connectTimeout(options.connectTimeout)
            case .deadlineExceeded: return .totalTimeout(options.totalTimeout)
            case .cancelled: return .cancelled
            case .remoteConnectionClosed: return .connection("the server closed the connection before answering")
            case .invalidURL, .emptyHost, .emptyScheme: return .invalidURL
            default: return .connection(http.description)
            }
        }
        let text = String(describing: error)
        // NIOHTTPDecompression.DecompressionError.limit: the inflated body outgrew the limit.
        let typeName = String(reflecting: type(of: error))
        if typeName.contains("DecompressionError") {
            return text == "limit" ? .bodyTooLarge(limit: options.maxBodyBytes) : .connection("the compressed body could not be inflated (\(text))")
        }
        if text.contains("connectionRefused") || text.contains("Connection refused") { return .connection("connection refused") }
        if text.contains("NXDOMAIN") || text.contains("lookup") || text.contains("resolve") { return .connection("host not found (\(text))") }
        return .connection(text)
    }

    static func timeAmount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}

extension WebFetcher {
    /// Whether a command-line input is meant as a URL (`scheme://…`), so it is fetched, or refused
    /// with a clear reason when its scheme is not http(s), rather than looked up as a file.
    public static func looksLikeURL(_ input: String) -> Bool {
        guard let separator = input.range(of: "://") else { return false }
        let scheme = input[..<separator.lowerBound]
        return !scheme.isEmpty && scheme.count <= 16
            && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
            && scheme.first!.isLetter
    }
}
