import Hummingbird
import Synoptic
import SynopticStore

/// `/`: the stories, most recently updated first, each with its title, outlets, article count and
/// last update; a filter form (outlet, days) and paging links that work without JavaScript.
struct StoryListPage {
    let page: StoryPage
    let query: StoryQuery

    func escape(_ text: String) -> String { HTMLText.escape(text) }

    func render() -> String {
        var out = "<h1>Stories</h1>\n"
        out += filters()
        out += "<p class=\"meta\">\(page.total) stor\(page.total == 1 ? "y" : "ies")</p>\n"
        if page.stories.isEmpty {
            out += "<p class=\"empty\">No stories\(isFiltered ? " match these filters" : " yet: POST articles to /api/articles")</p>\n"
        } else {
            out += "<ol class=\"stories\">\n"
            for story in page.stories { out += row(story) }
            out += "</ol>\n"
        }
        out += pager()
        return out
    }

    var isFiltered: Bool { query.outlet != nil || query.from != nil || query.to != nil }

    func row(_ story: StoredStory) -> String {
        let outlets = story.outlets.isEmpty ? "no outlet named" : story.outlets.map(escape).joined(separator: ", ")
        var days = ""
        if let first = story.firstPublished {
            let last = story.lastPublished ?? first
            days = " · published \(escape(first))\(last != first ? " – \(escape(last))" : "")"
        }
        return """
            <li class="story-row" id="story-\(escape(story.id))"><a class="title" href="/stories/\(escape(story.id))">\(escape(story.title))</a>
            <div class="meta"><span class="outlets">\(outlets)</span> · <span class="count">\(story.articleCount) article\(story.articleCount == 1 ? "" : "s")</span>\
             · updated <time class="updated" datetime="\(escape(story.updatedAt))">\(escape(Self.readable(story.updatedAt)))</time>\(days)</div></li>

            """
    }

    func filters() -> String {
        """
        <form class="filters" method="get" action="/">
        <label>Outlet <input type="text" name="outlet" value="\(escape(query.outlet ?? ""))" /></label>
        <label>From <input type="date" name="from" value="\(escape(query.from ?? ""))" /></label>
        <label>To <input type="date" name="to" value="\(escape(query.to ?? ""))" /></label>
        <button type="submit">Filter</button>
        </form>

        """
    }

    func pager() -> String {
        let previous = query.offset > 0 ? link(offset: max(0, query.offset - query.limit), label: "← Newer") : "<span></span>"
        let next = query.offset + page.stories.count < page.total ? link(offset: query.offset + query.limit, label: "Older →") : "<span></span>"
        return "<nav class=\"pager\">\(previous)\(next)</nav>\n"
    }

    func link(offset: Int, label: String) -> String {
        var items: [String] = []
        if let outlet = query.outlet { items.append("outlet=\(Self.percentEncode(outlet))") }
        if let from = query.from { items.append("from=\(from)") }
        if let to = query.to { items.append("to=\(to)") }
        if query.limit != StoryQuery().limit { items.append("limit=\(query.limit)") }
        items.append("offset=\(offset)")
        return "<a href=\"/?\(escape(items.joined(separator: "&")))\">\(label)</a>"
    }

    static func percentEncode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }

    /// `2026-12-07T06:40:05Z` → `2026-12-07 06:40 UTC`; anything else as it is.
    static func readable(_ timestamp: String) -> String {
        guard timestamp.count >= 16, timestamp.dropFirst(10).first == "T" else { return timestamp }
        return "\(timestamp.prefix(10)) \(timestamp.dropFirst(11).prefix(5)) UTC"
    }
}
