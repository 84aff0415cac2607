import Hummingbird
import Synoptic

/// The frame every served page shares: the briefing file's page shell and style (from
/// ``HTMLRenderer``) with a site header and the few styles only the server's pages need.
enum WebPage {
    static let renderer = HTMLRenderer(articlePage: { "/articles/\(StoryListPage.percentEncode($0))" })

    static func escape(_ text: String) -> String { HTMLText.escape(text) }

    static func response(title: String, main: String, status: HTTPResponse.Status = .ok) -> Response {
        response(body: html(title: title, main: main), status: status)
    }

    /// The whole page's bytes, ready to send or to cache.
    static func html(title: String, main: String) -> ByteBuffer {
        let header = "<header class=\"site\"><nav><a href=\"/\">Synoptic</a> <span class=\"meta\">stories from many reports</span></nav></header>\n"
        return ByteBuffer(string: renderer.page(title: title, main: main, header: header, extraStyle: style))
    }

    static func response(body: ByteBuffer, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-cache"], body: .init(byteBuffer: body))
    }

    /// An error as a page (the web routes answer people, not programs), same status as the API's.
    static func error(_ error: APIError) -> Response {
        let main = "<h1>\(escape(error.status.reasonPhrase))</h1>\n<p class=\"error\">\(escape(error.message))</p>\n<p><a href=\"/\">All stories</a></p>\n"
        return response(title: error.status.reasonPhrase, main: main, status: error.status)
    }

    /// Runs a page handler; an ``APIError`` becomes an HTML error page, anything else goes on to
    /// the JSON error middleware (a 500 is a 500 either way).
    static func render(_ body: () async throws -> Response) async throws -> Response {
        do {
            return try await body()
        } catch let error as APIError {
            return Self.error(error)
        }
    }

    static let style = """
        header.site { border-bottom: 1px solid var(--line); }
        header.site nav { max-width: 46rem; margin: 0 auto; padding: .6rem 1rem; }
        header.site a { font-weight: 700; text-decoration: none; }
        ol.stories { list-style: none; padding: 0; }
        ol.stories li.story-row { padding: .7rem 0; border-bottom: 1px solid var(--line); }
        .story-row .title { font-size: 1.1rem; font-weight: 600; }
        .filters { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; margin: 1rem 0; }
        .filters label { display: flex; flex-direction: column; font-size: .8rem; color: var(--muted); }
        .filters input { font: inherit; padding: .25rem .4rem; max-width: 11rem; }
        .pager { display: flex; justify-content: space-between; margin: 1rem 0; }
        details.version-diff { margin: .8rem 0; border: 1px solid var(--line); border-radius: .4rem; padding: .4rem .6rem; }
        details.version-diff summary { cursor: pointer; }
        ol.diff { list-style: none; padding: 0; margin: .5rem 0; }
        ol.diff li { padding: .2rem .4rem; border-left: 3px solid transparent; overflow-wrap: anywhere; }
        ol.diff li.added { border-left-color: var(--yes); background: color-mix(in srgb, var(--yes) 10%, transparent); }
        ol.diff li.removed { border-left-color: var(--warn); background: color-mix(in srgb, var(--warn) 10%, transparent); }
        ol.diff li.same { color: var(--muted); }
        ol.diff ins, ol.diff del { text-decoration: none; }
        ol.diff .sign { display: inline-block; width: 1rem; font-weight: 700; }
        .body p { margin: .6rem 0; }
        .removals li .reason { color: var(--muted); font-size: .85rem; }
        .error { color: var(--warn); }
        """
}
