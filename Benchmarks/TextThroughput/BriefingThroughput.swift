import Foundation
import Synoptic

/// The whole briefing of one 50-article story, in release, on one core: extraction, people across
/// the story, versions, copies, summary, facts, disagreements, exclusives and timeline (what
/// `BriefingPipeline.briefOneStory` runs; reading and cleaning are timed by the default benchmark).
///
///     swift run -c release synoptic-bench --briefing [--runs N]
///
/// Two stories of 50 articles: 50 real PolNeAR articles taken as one story (long articles, little
/// overlap), and the five seed reports each copied under ten outlet names (heavy overlap: every
/// sentence has many matches, the hard case for alignment). The goal is under one second each.
enum BriefingThroughput {
    static func run(texts: [String], seeds: [String], runs: Int) {
        let assembler = ArticleAssembler()
        func articles(_ texts: [String], outlets: (Int) -> String) -> [Article] {
            texts.enumerated().map { index, text in
                var provenance = Provenance(origin: .textFile)
                provenance.outlet = outlets(index)
                return assembler.assemble(id: "a\(index)", provenance: provenance, original: text)
            }
        }
        var piles: [(String, [Article])] = [("50 PolNeAR articles as one story", articles(Array(texts.prefix(50)), outlets: { "Outlet \($0)" }))]
        if !seeds.isEmpty {
            let copies = (0..<50).map { seeds[$0 % seeds.count] }
            piles.append(("the 5 seed reports × 10 outlets", articles(copies, outlets: { "Outlet \($0 / seeds.count)" })))
        } else {
            print("notice: ../shared/seeds is absent; the seed pile is skipped")
        }
        let pipeline = BriefingPipeline()
        for (label, pile) in piles {
            let bytes = pile.reduce(0) { $0 + $1.body.utf8.count }
            var best = Double.infinity
            var story: Story?
            for _ in 0..<runs {
                let start = DispatchTime.now().uptimeNanoseconds
                story = pipeline.briefOneStory(pile).story
                best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            }
            let s = story!
            print(
                String(format: "%@: %d articles, %.1f MB; best of %d: %.3f s", label, pile.count, Double(bytes) / 1e6, runs, best)
                    + "  (\(s.summary.count) summary sentences, \(s.facts.count) facts, \(s.disagreements.count) disagreements, \(s.timeline.count) timeline entries)"
            )
        }
    }
}
