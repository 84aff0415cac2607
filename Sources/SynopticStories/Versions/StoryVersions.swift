import SynopticCore

/// Fills each story's `versions` and `versionChanges` once stories exist.
public enum StoryVersions {
    /// Links versions across all `articles` (``VersionLinker``) and lists each pair under the
    /// story that holds both articles, with the main changes of the pair (``ArticleDiff``). A pair
    /// whose articles ended in different stories is listed in neither.
    @discardableResult
    public static func fill(_ stories: inout [Story], articles: [Article], linker: VersionLinker = VersionLinker()) -> VersionLinker.WorkCounters {
        for index in stories.indices {
            stories[index].versions = []
            stories[index].versionChanges = []
        }
        let (links, counters) = linker.link(articles)
        var storyOf: [String: Int] = [:]
        for (index, story) in stories.enumerated() {
            for id in story.articleIDs where storyOf[id] == nil { storyOf[id] = index }
        }
        for link in links {
            let earlier = articles[link.earlier], later = articles[link.later]
            guard let story = storyOf[earlier.id], storyOf[later.id] == story else { continue }
            stories[story].versions.append([earlier.id, later.id])
            stories[story].versionChanges.append(ArticleDiff(earlier: earlier, later: later).summary)
        }
        return counters
    }
}
