import Foundation
import SynopticCore

/// Who stands behind each article of a story, so that corroboration counts sources, not copies.
///
/// An article's source is its outlet when the outlet is known. An article with no known outlet
/// stands for itself, except that successive versions of one article (``Story/versions``) and
/// copies of one text (``Story/duplicates``) are one source, named after the earliest of them in
/// reading order.
public struct SourceKeys: Sendable {
    /// Source name by article id.
    public let byArticle: [String: String]
    /// The distinct sources, in reading order of their first article.
    public let sources: [String]

    public init(story: Story, articles: [Article]) {
        let order = Dictionary(story.articleIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        // Union-find over unnamed articles linked as versions or copies.
        var parent = Dictionary(uniqueKeysWithValues: articles.map { ($0.id, $0.id) })
        func root(_ id: String) -> String {
            var id = id
            while let next = parent[id], next != id { id = next }
            return id
        }
        let outlets = Dictionary(
            articles.map { ($0.id, $0.provenance.outlet?.trimmingCharacters(in: .whitespaces) ?? "") },
            uniquingKeysWith: { first, _ in first })
        let links = story.versions.filter { $0.count == 2 }.map { ($0[0], $0[1]) } + story.duplicates.map { ($0.articles[0], $0.articles[1]) }
        for (a, b) in links where (outlets[a] ?? "").isEmpty && (outlets[b] ?? "").isEmpty {
            let ra = root(a), rb = root(b)
            guard ra != rb, parent[ra] != nil, parent[rb] != nil else { continue }
            // The earlier article in reading order names the group.
            if (order[ra] ?? .max) <= (order[rb] ?? .max) { parent[rb] = ra } else { parent[ra] = rb }
        }
        var byArticle: [String: String] = [:]
        var sources: [String] = []
        var seen: Set<String> = []
        for article in articles {
            let outlet = outlets[article.id] ?? ""
            let key = outlet.isEmpty ? root(article.id) : outlet
            byArticle[article.id] = key
            if seen.insert(key).inserted { sources.append(key) }
        }
        self.byArticle = byArticle
        self.sources = sources
    }

    /// The source of an article (the article's id when it is not in the story).
    public func source(of article: String) -> String { byArticle[article] ?? article }

    /// The distinct sources of some articles, in the order they first appear.
    public func sources(of articles: [String]) -> [String] {
        var seen: Set<String> = []
        return articles.map(source(of:)).filter { seen.insert($0).inserted }
    }
}
