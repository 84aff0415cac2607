import Foundation

/// What a server answered: status, final URL after redirects, headers and the body's bytes.
public struct FetchResponse: Sendable, Hashable {
    /// The URL the caller asked for.
    public var requestedURL: String
    /// The URL that answered, after redirects.
    public var finalURL: String
    /// The HTTP status (2xx, or 304 for ``isNotModified``).
    public var status: Int
    /// Response headers, names lowercased, in the order received (a repeated header appears more than once).
    public var headers: [(name: String, value: String)]
    /// The body (inflated when it came compressed); empty for a 304.
    public var body: [UInt8]

    public init(requestedURL: String, finalURL: String, status: Int, headers: [(name: String, value: String)], body: [UInt8]) {
        self.requestedURL = requestedURL
        self.finalURL = finalURL
        self.status = status
        self.headers = headers.map { (name: $0.name.lowercased(), value: $0.value) }
        self.body = body
    }

    /// The first value of a header, by case-insensitive name.
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name == wanted }?.value
    }

    /// The server said the resource has not changed since the validators sent (`304 Not Modified`).
    public var isNotModified: Bool { status == 304 }
    /// The parsed `Content-Type`, when sent.
    public var contentType: ContentType? { header("content-type").flatMap(ContentType.init(header:)) }
    /// The charset the `Content-Type` header declares.
    public var charset: String? { contentType?.charset }
    /// The validators to send on the next fetch of the same URL.
    public var validators: CacheValidators { CacheValidators(etag: header("etag"), lastModified: header("last-modified")) }

    public static func == (lhs: FetchResponse, rhs: FetchResponse) -> Bool {
        lhs.requestedURL == rhs.requestedURL && lhs.finalURL == rhs.finalURL && lhs.status == rhs.status && lhs.body == rhs.body
            && lhs.headers.map(\.name) == rhs.headers.map(\.name) && lhs.headers.map(\.value) == rhs.headers.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(finalURL)
        hasher.combine(status)
        hasher.combine(body)
    }
}
