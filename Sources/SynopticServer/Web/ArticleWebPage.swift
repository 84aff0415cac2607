import Synoptic
import SynopticStore

/// `/articles/{id}`: one article as cleaned (title, outlet, dates, paragraphs), what cleaning
/// removed and why, and its versions with their diffs, read from the same ``ArticleDetail`` the
/// API returns.
struct ArticleWebPage {
    let detail: ArticleDetail
    let storyTitle: String?

    func escape(_ text: String) -> String { HTMLText.escape(text) }

    func render() -> String {
        let article = detail.article
        var out = "<p class=\"meta\"><a href=\"/\">← All stories</a>"
        if let storyID = detail.storyID {
            out += " · story: <a class=\"story-link\" href=\"/stories/\(escape(storyID))\">\(escape(storyTitle ?? storyID))</a>"
        }
        out += " · <a href=\"/api/articles/\(escape(article.id))\">JSON</a></p>\n"
        out += "<article class=\"source-article\">\n<header>\n<h1>\(escape(article.title ?? article.id))</h1>\n"
        var facts: [String] = ["<span class=\"outlet\">\(escape(article.outlet ?? "Unknown outlet"))</span>"]
        if !article.authors.isEmpty { facts.append("by \(article.authors.map(escape).joined(separator: ", "))") }
        if let published = article.published { facts.append("published \(escape(published))") }
        if let dateline = article.dateline { facts.append(escape(dateline)) }
        facts.append("\(article.wordCount) words")
        out += "<p class=\"meta\">\(facts.joined(separator: " · "))</p>\n"
        if let url = article.url {
            if let link = HTMLText.linkableURL(url) {
                out += "<p class=\"meta\"><a href=\"\(escape(link))\" rel=\"noreferrer\">\(escape(link))</a></p>\n"
            } else {
                out += "<p class=\"meta\"><code>\(escape(url))</code></p>\n"
            }
        }
        out += "</header>\n<section class=\"body\">\n"
        for paragraph in article.paragraphs {
            switch paragraph.kind {
            case .heading: out += "<h3>\(escape(paragraph.text))</h3>\n"
            case .blockQuote: out += "<blockquote>\(escape(paragraph.text))</blockquote>\n"
            case .listItem: out += "<p>• \(escape(paragraph.text))</p>\n"
            case .paragraph: out += "<p>\(escape(paragraph.text))</p>\n"
            }
        }
        out += "</section>\n"
        out += removals()
        out += versions()
        out += "</article>\n"
        return out
    }

    func removals() -> String {
        var out = "<section class=\"removals\">\n<h2>Removed while cleaning</h2>\n"
        guard !detail.article.removed.isEmpty else { return out + "<p class=\"empty\">Nothing was removed.</p>\n</section>\n" }
        out += "<ul>\n"
        for removal in detail.article.removed {
            out += "<li><del>\(escape(removal.text))</del> <span class=\"reason\">— \(escape(removal.reason))</span></li>\n"
        }
        return out + "</ul>\n</section>\n"
    }

    func versions() -> String {
        var out = "<section class=\"versions\">\n<h2>Versions</h2>\n"
        guard !detail.versions.isEmpty else { return out + "<p class=\"empty\">No other version of this article is stored.</p>\n</section>\n" }
        if detail.versionGroup.count > 1 {
            let links = detail.versionGroup.map { id in
                id == detail.article.id ? "<strong><code>\(escape(id))</code></strong>" : "<a href=\"/articles/\(escape(id))\"><code>\(escape(id))</code></a>"
            }
            out += "<p class=\"meta\">Oldest first: \(links.joined(separator: " → "))</p>\n"
        }
        for version in detail.versions {
            let change = version.change
            out += "<details class=\"version-diff\" open>\n<summary><code>\(escape(change.earlier))</code> → <code>\(escape(change.later))</code>"
            out += " <span class=\"meta\">\(change.paragraphsAdded) added, \(change.paragraphsRemoved) removed, "
            out += "\(change.paragraphsRewritten) rewritten, \(change.paragraphsMoved) moved</span></summary>\n"
            out += DiffView.render(version.diff)
            out += "</details>\n"
        }
        return out + "</section>\n"
    }
}
