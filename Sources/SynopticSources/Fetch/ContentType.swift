import Foundation

/// A `Content-Type` header taken apart: the media type (lowercased) and its `charset` parameter.
///
/// The charset is what the transport declares; it outranks a page's `<meta>` declaration, as
/// browsers do, and ``SourceDocument/htmlCharset`` carries it to the HTML decoder.
public struct ContentType: Sendable, Hashable {
    /// `text/html`, `application/rss+xml`, … (lowercased, without parameters).
    public var mediaType: String
    /// The `charset` parameter (lowercased, unquoted), when given.
    public var charset: String?

    public init(mediaType: String, charset: String? = nil) {
        self.mediaType = mediaType
        self.charset = charset
    }

    /// Parses a header value such as `text/html; charset="ISO-8859-1"`; nil for an empty value.
    public init?(header: String) {
        let parts = header.split(separator: ";", omittingEmptySubsequences: false)
        let media = parts.first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        guard !media.isEmpty else { return nil }
        mediaType = media
        charset = nil
        for parameter in parts.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" else { continue }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            if !value.isEmpty { charset = value.lowercased() }
        }
    }

    /// An HTML page (`text/html`, `application/xhtml+xml`).
    public var isHTML: Bool { mediaType == "text/html" || mediaType == "application/xhtml+xml" }
    /// A type only feeds use (`application/rss+xml`, `application/atom+xml`, `application/rdf+xml`, `application/feed+json` excluded).
    public var isFeed: Bool { mediaType == "application/rss+xml" || mediaType == "application/atom+xml" || mediaType == "application/rdf+xml" }
    /// Generic XML, which may be a feed.
    public var isXML: Bool { mediaType == "application/xml" || mediaType == "text/xml" || mediaType.hasSuffix("+xml") }
    /// Plain text.
    public var isPlainText: Bool { mediaType == "text/plain" }
}
