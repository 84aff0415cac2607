import Foundation
import SynopticCore
import SynopticTestSupport
import Testing

@testable import SynopticStories

/// The fourth round of ingest speed-ups replaced parts of story features and clustering (a sorted
/// term list for the dictionary, a top-k selection for a sort, an open-addressing posting index
/// for a `Dictionary`, an undo log for a copy of the clusterer). Each must give what the part it
/// replaced gave: compared here on real reports (PolNeAR texts in ../shared; invented text
/// alone where it is absent).
@Suite struct ClusteringSpeedTests {
    /// Real reports as (title, paragraphs, day): the first line is the headline. Their days are
    /// spread over a few weeks so that time counts too.
    static let reports: [(title: String, paragraphs: [Substring], published: String)] = {
        var texts: [String] = []
        if let root = SharedData.root {
            let dir = root.appendingPathComponent("data/attribution/polnear/dev/text")
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted().prefix(300) {
                if let text = try? String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8) { texts.append(text) }
            }
        }
        texts += [
            "Dockworkers at Port Vella walk out\nDockworkers at Port Vella began a strike on Monday over night shifts.\nShipping lines diverted ships to Marlow.",
            "Port Vella strike strands ships\nContainer ships waited off Port Vella as the strike entered its first day.",
            "Απεργία στο λιμάνι\nΟι λιμενεργάτες της Βέλλας απεργούν.", "", "Vella",
        ]
        return texts.enumerated().map { index, text in
            let lines = text.split(separator: "\n")
            let day = String(format: "2031-05-%02d", 1 + (index * 7) % 28)
            return (lines.first.map(String.init) ?? "", Array(lines.dropFirst()), day)
        }
    }()

    /// The features as they were made before: counted into a `Dictionary` by a nested function.
    static func referenceTerms(title: String?, paragraphs: [Substring], weights: StoryFeatures.Weights = .init()) -> [UInt64: Float] {
        var raw: [UInt64: Float] = [:]
        func count(_ text: some StringProtocol, field: Float, wordsSoFar: inout Int) {
            WordHashes.forEachWordWithShape(in: text) { hash, shape in
                wordsSoFar += 1
                guard shape.length >= 2, StoryFeatures.stopWords.weight(of: hash) == nil else { return }
                var weight = field
                if shape.capitalized && !shape.opensSentence { weight *= weights.name }
                if wordsSoFar > weights.leadWords { weight *= 0.5 }
                raw[hash, default: 0] += weight
            }
        }
        var titleWords = 0
        if let title { count(title, field: weights.headline, wordsSoFar: &titleWords) }
        var bodyWords = 0
        for paragraph in paragraphs { count(paragraph, field: 1, wordsSoFar: &bodyWords) }
        return raw.mapValues { $0 >= 1 ? 1 + log($0) : $0 }
    }

    @Test func featuresAreTheTermsTheDictionaryCountGave() {
        for report in Self.reports {
            let features = StoryFeatures(title: report.title, paragraphs: report.paragraphs, published: report.published)
            #expect(features.terms == Self.referenceTerms(title: report.title, paragraphs: report.paragraphs), "\(report.title)")
            #expect(features.termList.map(\.hash) == features.termList.map(\.hash).sorted())
            #expect(Set(features.termList.map(\.hash)).count == features.termList.count)
        }
    }

    @Test func theHeaviestTermsAreTheFirstOfTheSortedTerms() {
        let clusterer = StoryClusterer()
        for report in Self.reports {
            let (weighted, _) = clusterer.weightedTerms(StoryFeatures(title: report.title, paragraphs: report.paragraphs, published: nil))
            // Ties in weight as well as distinct weights: the weights rounded to a few values.
            let tied = weighted.map { StoryClusterer.WeightedTerm(term: $0.term, tf: $0.tf, weight: ($0.weight * 2).rounded() / 2, idf: $0.idf) }
            for terms in [weighted, tied] {
                for count in [0, 1, 12, 40, terms.count, terms.count + 5] {
                    let sorted = terms.sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.term < $1.term }.prefix(count)
                    #expect(StoryClusterer.heaviest(terms, count: count).map(\.term) == sorted.map(\.term))
                }
            }
        }
    }

    @Test func postingListsHoldWhatADictionaryHolds() {
        var lists = PostingLists()
        var reference: [UInt64: [Int32]] = [:]
        var generator = SplitMix(seed: 7)
        for story in 0..<30_000 as Range<Int32> {
            // Few terms often (collisions in the table's low bits too), many terms once.
            let term = story % 3 == 0 ? generator.next() % 50 : generator.next()
            lists.append(story, to: term)
            reference[term, default: []].append(story)
        }
        for (term, stories) in reference {
            #expect(lists.list(of: term) == stories)
        }
        #expect(lists.list(of: 12_345_678_901) == nil)
        // Postings taken back, down to none and up again.
        for term in [3, reference.keys.first { reference[$0]?.count == 1 }!] as [UInt64] {
            let stories = reference[term]!
            for count in (0..<stories.count).reversed() {
                lists.removeLast(from: term)
                #expect(lists.list(of: term) == Array(stories.prefix(count)))
            }
            lists.append(5, to: term)
            lists.append(6, to: term)
            #expect(lists.list(of: term) == [5, 6])
        }
        for (term, stories) in reference where term != 3 && stories.count > 1 { #expect(lists.list(of: term) == stories) }
    }

    /// A clusterer rolled back to a checkpoint places every later article as a copy kept at the
    /// checkpoint does, articles proposed and recorded across the checkpoint included.
    @Test(arguments: [StoryClusterer.Options.Linkage.average, .centroid])
    func rollingBackPlacesAsACopyKeptAtTheCheckpoint(linkage: StoryClusterer.Options.Linkage) {
        var options = StoryClusterer.Options()
        options.linkage = linkage
        let features = Self.reports.map { StoryFeatures(title: $0.title, paragraphs: $0.paragraphs, published: $0.published) }
        var clusterer = StoryClusterer(options: options)
        var batchStart = 0
        var round = 0
        while batchStart < features.count {
            let batch = features[batchStart..<min(batchStart + 9, features.count)]
            let kept = clusterer
            clusterer.checkpoint()
            for article in batch { clusterer.add(article) }
            // Every other batch is taken back and placed again, proposal and record, as a
            // store's refusal makes the library do.
            if round % 2 == 0 {
                clusterer.rollBack()
                #expect(!clusterer.hasCheckpoint)
                var copy = kept
                for article in batch {
                    let proposed = clusterer.propose(article)
                    #expect(proposed == copy.propose(article))
                    #expect(clusterer.record(article, inStory: proposed) == copy.record(article, inStory: proposed))
                }
                #expect(clusterer.assignment == copy.assignment)
                #expect(clusterer.storyCount == copy.storyCount)
            } else {
                clusterer.discardCheckpoint()
            }
            batchStart += batch.count
            round += 1
        }
        // Placed from scratch without checkpoints, the same articles make the same stories.
        var plain = StoryClusterer(options: options)
        for article in features { plain.add(article) }
        #expect(plain.assignment == clusterer.assignment)
    }
}

/// A fixed stream of 64-bit values (splitmix64), for tests that need the same numbers each run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return WordHashes.mix(state &- 0x9E37_79B9_7F4A_7C15)
    }
}
