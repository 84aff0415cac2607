import Synoptic

/// `/stories/{id}`: the story's briefing sections exactly as the self-contained HTML file writes
/// them (one renderer, ``HTMLRenderer/storyArticle(_:in:)``), each source linking to its article
/// page, then every pair of versions with its paragraph diff.
struct StoryWebPage {
    let story: Story
    let briefing: Briefing

    func render() -> String {
        var out = "<p class=\"meta\"><a href=\"/\">← All stories</a> · <a href=\"/api/stories/\(HTMLText.escape(story.id))\">JSON</a>"
        out += " · <a href=\"/api/stories/\(HTMLText.escape(story.id))?format=md\">Markdown</a></p>\n"
        out += WebPage.renderer.storyArticle(story, in: briefing)
        out += versionDiffs()
        return out
    }

    func versionDiffs() -> String {
        guard !story.versionChanges.isEmpty else { return "" }
        let byID = Dictionary(briefing.articles.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var out = "<section class=\"versions\">\n<h2>Versions and their diffs</h2>\n"
        for (index, change) in story.versionChanges.enumerated() {
            guard let earlier = byID[change.earlier], let later = byID[change.later] else { continue }
            let diff = VersionDiff(from: earlier, to: later)
            out += "<details class=\"version-diff\"\(index == 0 ? " open" : "")>\n<summary>"
            out += "<a href=\"/articles/\(HTMLText.escape(earlier.id))\"><code>\(HTMLText.escape(earlier.id))</code></a> → "
            out += "<a href=\"/articles/\(HTMLText.escape(later.id))\"><code>\(HTMLText.escape(later.id))</code></a>"
            out += " <span class=\"meta\">\(diff.changed) paragraph change\(diff.changed == 1 ? "" : "s")</span></summary>\n"
            out += DiffView.render(diff.lines)
            out += "</details>\n"
        }
        return out + "</section>\n"
    }
}
