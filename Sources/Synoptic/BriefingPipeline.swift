import Foundation
@_exported import SynopticCore
@_exported import SynopticIngest
@_exported import SynopticRender
@_exported import SynopticSynthesis
@_exported import SynopticText

/// Runs the stages in order: read the inputs, learn the batch's recurring boilerplate, assemble each
/// article (normalize, split, clean, segment), build the stories and their summaries.
///
/// ```swift
/// let briefing = BriefingPipeline().run(["Examples/harbor-bridge"])
/// print(try OutputFormat.markdown.render(briefing))
/// ```
public struct BriefingPipeline: Sendable {
    public var limits: IngestLimits
    public var summary: ExtractiveSummarizer.Options

    public init(limits: IngestLimits = .default, summary: ExtractiveSummarizer.Options = .init()) {
        self.limits = limits
        self.summary = summary
    }

    /// Reads `inputs` and builds the briefing. `diagnostic` hears about each problem as it happens,
    /// so a long batch can report as it goes; the briefing lists them all too.
    public func run(
        _ inputs: [String], standardInput: () -> FileHandle = { FileHandle.standardInput },
        diagnostic: (Diagnostic) -> Void = { _ in }
    ) -> Briefing {
        var sources: [SourceDocument] = []
        var diagnostics: [Diagnostic] = []
        InputReader(limits: limits).read(
            inputs, standardInput: standardInput,
            document: { sources.append($0) },
            diagnostic: { problem in
                diagnostics.append(problem)
                diagnostic(problem)
            })

        // The whole batch is read before any article is assembled: lines that recur across one
        // outlet's articles are debris only the batch can show.
        let boilerplate = BatchBoilerplate(documents: sources.map { ($0.provenance, $0.text) })
        let assembler = ArticleAssembler()
        var articles: [Article] = []
        var ids = UniqueIDs()
        for source in sources {
            var article = assembler.assemble(
                id: source.suggestedID, provenance: source.provenance, metadata: .init(title: source.metadata.title), original: source.text,
                boilerplate: boilerplate)
            guard !article.blocks.isEmpty else {
                let problem = Diagnostic(.error, path: source.provenance.path ?? "-", line: source.provenance.line, reason: "no article text after the title")
                diagnostics.append(problem)
                diagnostic(problem)
                continue
            }
            // Only articles that are kept claim their id.
            article.id = ids.claim(source.suggestedID)
            articles.append(article)
        }
        let stories = StoryBuilder(summarizer: ExtractiveSummarizer(options: summary)).stories(for: articles)
        return Briefing(articles: articles, stories: stories, diagnostics: diagnostics)
    }
}

/// Makes article ids unique within a run: the second `report` becomes `report-2`.
struct UniqueIDs {
    private var taken: Set<String> = []

    mutating func claim(_ suggested: String) -> String {
        let base = suggested.isEmpty ? "article" : suggested
        var id = base
        var n = 2
        while taken.contains(id) {
            id = "\(base)-\(n)"
            n += 1
        }
        taken.insert(id)
        return id
    }
}
