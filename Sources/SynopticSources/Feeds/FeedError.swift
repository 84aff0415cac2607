import SynopticCore

/// Why a document could not be read as a feed, with the feed's URL.
public struct FeedError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        /// The document is an HTML page. `alternates` lists the feeds the page links to
        /// (`<link rel="alternate" type="application/rss+xml" href=…>`), absolute, when it names any.
        case htmlPage(alternates: [String])
        /// The bytes are not XML libxml2 could read.
        case notXML(String)
        /// XML, but its root element is not `<rss>`, `<feed>` or `<rdf:RDF>`.
        case notAFeed(root: String)
        /// The document declares its own entities, which a feed never needs and an attacker uses to
        /// blow up memory; refused.
        case declaresEntities
        /// Nothing but whitespace.
        case empty
    }

    public var url: String
    public var reason: Reason

    public init(url: String, reason: Reason) {
        self.url = url
        self.reason = reason
    }

    public var reasonText: String {
        switch reason {
        case .htmlPage(let alternates):
            if alternates.isEmpty { return "an HTML page, not a feed" }
            return "an HTML page, not a feed; it links to the feed\(alternates.count > 1 ? "s" : "") "
                + alternates.joined(separator: ", ")
        case .notXML(let detail): return "not a feed: not well-formed XML (\(detail))"
        case .notAFeed(let root): return "not a feed: XML whose root element is <\(root)>, not <rss>, <feed> or <rdf:RDF>"
        case .declaresEntities: return "not read: the feed declares XML entities (refused, a feed never needs them)"
        case .empty: return "not a feed: the document is empty"
        }
    }

    /// `URL reason` (`https://example.org/news is an HTML page, not a feed`) or `URL: reason`.
    public var description: String {
        if case .htmlPage = reason { return "\(url) is \(reasonText)" }
        return "\(url): \(reasonText)"
    }

    public var diagnostic: Diagnostic { Diagnostic(.error, path: url, reason: reasonText) }
}
