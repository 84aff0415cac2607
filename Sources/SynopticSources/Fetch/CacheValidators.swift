/// What a server said about a resource's version (`ETag`, `Last-Modified`), sent back on the next
/// fetch (`If-None-Match`, `If-Modified-Since`) so an unchanged feed costs a `304 Not Modified`
/// instead of its whole body.
public struct CacheValidators: Sendable, Hashable, Codable {
    /// The `ETag` header, exactly as the server sent it (quotes and `W/` included).
    public var etag: String?
    /// The `Last-Modified` header, exactly as the server sent it.
    public var lastModified: String?

    public init(etag: String? = nil, lastModified: String? = nil) {
        self.etag = etag
        self.lastModified = lastModified
    }

    /// Whether there is anything to send.
    public var isEmpty: Bool { etag == nil && lastModified == nil }
}
