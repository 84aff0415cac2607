/// The duplicates stage: pairs of articles within each story that carry the same text.
extension BriefingPipeline {
    /// Fills each story's `duplicates` with the exact duplicates, near-duplicates and copies among
    /// its members, each member compared with those before it in reading order.
    static func markDuplicates(in stories: inout [Story], articles: [Article]) {
        let byID = Dictionary(articles.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for index in stories.indices {
            let members = stories[index].articleIDs.compactMap { byID[$0] }
            stories[index].duplicates = DuplicateFinder.pairs(among: members)
        }
    }
}
