import Foundation
import SynopticCore
import SynopticIngest

/// Turns fetched responses and feed content into ``SourceDocument``s the pipeline cleans like any
/// file: pages keep their bytes (and the charset their `Content-Type` declared, which outranks the
/// page's `<meta>`), plain text is decoded as text files are.
public enum WebDocuments {
    /// The document of a fetched page, or a diagnostic naming the URL when the response is not an
    /// article (an image, a PDF, an empty body).
    ///
    /// `path` is what messages name (the URL as given); the provenance's `url` is the final URL
    /// after redirects.
    public static func page(_ response: FetchResponse, path: String, origin: Provenance.Origin = .web) -> Result<SourceDocument, Diagnostic> {
        let type = response.contentType
        let parser = DocumentParser()
        var document: SourceDocument
        if type?.isPlainText == true && !DocumentParser.looksLikeHTML(response.body) {
            switch parser.textDocument(bytes: response.body, path: path, origin: origin) {
            case .failure(let problem): return .failure(problem)
            case .success(let (text, _)): document = text
            }
        } else if type == nil || type?.isHTML == true || DocumentParser.looksLikeHTML(response.body) {
            switch parser.htmlDocument(bytes: response.body, path: path, origin: origin) {
            case .failure(let problem): return .failure(problem)
            case .success(let page): document = page
            }
            document.htmlCharset = response.charset
        } else {
            return .failure(Diagnostic(.error, path: path, reason: "content type \(type?.mediaType ?? "unknown") is not a web page or a feed"))
        }
        document.provenance.url = response.finalURL
        document.suggestedID = suggestedID(for: response.finalURL)
        return .success(document)
    }

    /// A document made of a feed item's own content (HTML), for when its page cannot be fetched or it
    /// has no page: the item's title, date, authors and link are its metadata.
    public static func content(of item: FeedItem, feed: Feed?, feedURL: String) -> SourceDocument? {
        guard let content = item.content, content.contains(where: { !$0.isWhitespace }) else { return nil }
        let title = item.title.map(FeedTreeReader.escapeHTML) ?? ""
        let page = """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>\(title)</title></head>\
            <body><article>\(title.isEmpty ? "" : "<h1>\(title)</h1>")\(content)</article></body></html>
            """
        let path = item.link ?? feedURL
        let provenance = Provenance(
            origin: .feedItem, path: path, url: item.link, outlet: feed?.title, authors: item.authors, published: item.published ?? item.updated,
            publishedRaw: item.published == nil && item.updated == nil ? item.dateRaw : nil, encoding: "utf-8")
        var metadata = SourceMetadata(title: item.title, outlet: feed?.title, url: item.link)
        metadata.authors = item.authors
        return SourceDocument(
            suggestedID: suggestedID(for: item.link ?? item.id ?? feedURL), provenance: provenance, metadata: metadata, text: "",
            html: Array(page.utf8), htmlCharset: "utf-8")
    }

    /// What a feed item's page document learns from the item: its date, authors and the feed's
    /// title, used only where the page itself says nothing.
    static func fill(_ document: inout SourceDocument, from item: FeedItem, feed: Feed?) {
        document.metadata.published = item.published ?? item.updated ?? item.dateRaw
        document.metadata.outlet = feed?.title
        document.metadata.authors = item.authors
    }

    /// An id from the last meaningful part of a URL's path (`…/bridge-closes.html` → `bridge-closes`),
    /// else its host.
    public static func suggestedID(for url: String) -> String {
        guard let components = URLComponents(string: url) else { return "article" }
        let parts = components.path.split(separator: "/").filter { !$0.isEmpty }
        if var last = parts.last.map(String.init) {
            for ext in [".html", ".htm", ".xhtml", ".php", ".aspx", ".asp", ".shtml", ".txt"] where last.lowercased().hasSuffix(ext) {
                last = String(last.dropLast(ext.count))
            }
            let cleaned = last.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }
            if !cleaned.isEmpty && cleaned != "index" { return cleaned }
            if parts.count > 1 { return String(parts[parts.count - 2]).filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" } }
        }
        return components.host ?? "article"
    }
}
