import SynopticCore

/// Fills a story's cross-source view from its articles: the summary (when a summarizer is given),
/// the aligned facts, the disagreements, each source's exclusives, and the timeline.
///
/// Runs after extraction (quotations with their story-wide speakers, figures, time expressions)
/// and after versions and duplicates are known, because those decide which articles are one source.
public enum StorySynthesis {
    public static func fill(_ story: inout Story, articles: [Article], summarizer: ExtractiveSummarizer? = nil, aligner: FactAligner = .init()) {
        let sources = SourceKeys(story: story, articles: articles)
        if let summarizer {
            // Versions and copies of one text are one source: they must not corroborate each other.
            let index = Dictionary(sources.sources.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            story.summary = summarizer.summarize(articles, sources: articles.map { index[sources.source(of: $0.id)] ?? 0 })
        }
        let sentences = StorySentences(articles: articles, names: StorySentences.nameTerms(for: story.people))
        let groups = aligner.align(sentences, sources: sources)
        var facts = FactAligner.facts(from: groups, sentences: sentences, sources: sources)
        var factOfEntry: [Int: Int] = [:]
        for (f, group) in groups.enumerated() { for member in group.members { factOfEntry[member] = f } }

        let disagreements = DisagreementFinder(sentences: sentences, sources: sources, facts: facts, factOfEntry: factOfEntry)
            .all(quotes: story.quotes)
        let disputed = Set(disagreements.flatMap(\.facts))
        for k in facts.indices where disputed.contains(facts[k].id) { facts[k].status = .disputed }

        var exclusives: [ExclusiveGroup] = []
        for source in sources.sources {
            let own = facts.filter { $0.outlets == [source] }.map(\.id)
            guard !own.isEmpty else { continue }
            exclusives.append(
                ExclusiveGroup(outlet: source, articles: articles.map(\.id).filter { sources.source(of: $0) == source }, facts: own))
        }

        story.facts = facts
        story.disagreements = disagreements
        story.exclusives = exclusives
        story.timeline = TimelineBuilder(sentences: sentences, sources: sources, factOfEntry: factOfEntry).entries()
    }
}
