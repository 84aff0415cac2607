import SynopticCore

/// Groups the sentences of a story's articles that state the same fact, and scores each group.
///
/// Sentences of different articles are linked, most similar first, when their TF-IDF cosine (over
/// Porter stems; raised by ``Options/figureBonus`` when both write one figure)
/// reaches ``Options/linkThreshold``; two groups merge only when no article would then hold two
/// sentences of one group and the mean cosine across the two groups stays at or above
/// ``Options/groupThreshold`` (so a chain of loosely similar sentences does not become one fact).
/// Word order does not enter the cosine, so reordered and lightly reworded sentences meet; figures
/// and names weigh as the rare words they are.
///
/// A fact stated by one source only is kept when it reads as a statement (see
/// ``isStatement(_:words:)``); those are the exclusives.
public struct FactAligner: Sendable {
    public struct Options: Sendable, Hashable {
        public var linkThreshold: Double
        public var groupThreshold: Double
        /// Added to the cosine of two sentences that write a figure in common ("47%" and "47
        /// percent", "106,000"): a shared figure says more about a shared fact than its one term
        /// weighs in a long sentence's vector.
        public var figureBonus: Double
        /// Added to the cosine of two sentences that each open their article's body: news
        /// writing puts the event in the first sentence, so two outlets' leads on one story
        /// mostly state the same fact in words that share less than their later sentences do
        /// ("A federal judge in Texas issued an order Wednesday blocking the state's six-week
        /// abortion ban" and "A federal judge on Wednesday issued an order temporarily blocking
        /// the enforcement of Texas's heartbeat abortion law, which …", cosine 0.38).
        public var leadBonus: Double

        public init(linkThreshold: Double = 0.42, groupThreshold: Double = 0.3, figureBonus: Double = 0.15, leadBonus: Double = 0.1) {
            self.linkThreshold = linkThreshold
            self.groupThreshold = groupThreshold
            self.figureBonus = figureBonus
            self.leadBonus = leadBonus
        }
    }

    public var options: Options

    public init(options: Options = .init()) { self.options = options }

    /// A group of sentences with the facts' ingredients, before ids and statuses are given.
    struct Group {
        var members: [Int]
        var representative: Int
        var salience: Double
    }

    /// The facts of aligned groups, most salient first, ids `fact-1`… in that order. Status is
    /// `corroborated` or `exclusive`; disagreements mark theirs `disputed` later.
    static func facts(from groups: [Group], sentences: StorySentences, sources: SourceKeys) -> [Fact] {
        groups.enumerated().map { number, group in
            let members = group.members.sorted { ($0 < $1) }
            let articleIDs = members.map { sentences.articles[sentences.entries[$0].article].id }
            let outlets = sources.sources(of: articleIDs)
            return Fact(
                id: "fact-\(number + 1)", text: sentences.entries[group.representative].text,
                origin: sentences.reference(group.representative), mentions: members.map(sentences.reference), sources: articleIDs,
                outlets: outlets, status: outlets.count > 1 ? .corroborated : .exclusive, salience: group.salience)
        }
    }

    func align(_ sentences: StorySentences, sources: SourceKeys) -> [Group] {
        let n = sentences.entries.count
        guard n > 0 else { return [] }
        // The cosine, raised by the figure bonus for sentences that share a figure and by the
        // lead bonus for two articles' opening sentences.
        func similarity(_ x: Int, _ y: Int, cosine: Double? = nil) -> Double {
            var value = cosine ?? sentences.vectors[x].cosine(sentences.vectors[y])
            if sentences.shareFigure(x, y) { value += options.figureBonus }
            if sentences.entries[x].position == 0 && sentences.entries[y].position == 0 { value += options.leadBonus }
            return value
        }
        // The search finds what a figure can lift over the threshold; the few pairs of opening
        // sentences below that are compared directly, so the lead bonus does not lower the
        // search for every sentence (a story of 500 articles has 500 leads: 125,000 cosines).
        let searched = options.linkThreshold - options.figureBonus
        var candidates = sentences.similarPairs(threshold: searched)
        let leads = sentences.entries.indices.filter { sentences.entries[$0].position == 0 && sentences.vectors[$0].norm > 0 }
        if options.leadBonus > 0 && leads.count <= 1000 {
            for (k, x) in leads.enumerated() {
                for y in leads[(k + 1)...] where sentences.entries[x].article != sentences.entries[y].article {
                    let cosine = sentences.vectors[x].cosine(sentences.vectors[y])
                    if cosine < searched && cosine + options.figureBonus + options.leadBonus >= options.linkThreshold {
                        candidates.append((x, y, cosine))
                    }
                }
            }
        }
        let pairs = candidates
            .map { (i: $0.i, j: $0.j, similarity: similarity($0.i, $0.j, cosine: $0.cosine)) }
            .filter { $0.similarity >= options.linkThreshold }
            .sorted { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : ($0.i, $0.j) < ($1.i, $1.j) }
        // Union-find over sentences; each root keeps its members.
        var parent = Array(0..<n)
        var members = (0..<n).map { [$0] }
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i {
                parent[i] = parent[parent[i]]
                i = parent[i]
            }
            return i
        }
        for pair in pairs {
            let a = root(pair.i), b = root(pair.j)
            guard a != b else { continue }
            let articlesA = Set(members[a].map { sentences.entries[$0].article })
            guard !members[b].contains(where: { articlesA.contains(sentences.entries[$0].article) }) else { continue }
            if members[a].count > 1 || members[b].count > 1 {
                var total = 0.0
                for x in members[a] { for y in members[b] { total += similarity(x, y) } }
                guard total / Double(members[a].count * members[b].count) >= options.groupThreshold else { continue }
            }
            let (keep, drop) = members[a].count >= members[b].count ? (a, b) : (b, a)
            parent[drop] = keep
            members[keep] += members[drop]
            members[drop] = []
        }

        // The story's centre: every article weighs the same, however long.
        let centre = TermVectors.centroid(
            of: sentences.vectors, shares: sentences.entries.map { 1 / Double(sentences.ranges[$0.article].count) })
        let sourceCount = max(sources.sources.count, 1)

        var groups: [Group] = []
        for i in 0..<n where parent[i] == i {
            let group = members[i].sorted()
            let outlets = sources.sources(of: group.map { sentences.articles[sentences.entries[$0].article].id })
            if outlets.count < 2 {
                // One source: a fact only when some sentence of it is a statement that stands alone.
                guard group.contains(where: { Self.isStatement(sentences.entries[$0].text, words: sentences.entries[$0].words) }) else { continue }
            }
            let representative = Self.representative(of: group, sentences: sentences)
            let breadth = sourceCount > 1 ? Double(outlets.count - 1) / Double(sourceCount - 1) : 0
            let centrality = group.map { sentences.vectors[$0].cosine(centre) }.max() ?? 0
            let earliest = group.map { sentences.entries[$0].position }.min() ?? 0
            let lead = 1 / (1 + Double(earliest) / 3)
            let salience = 0.5 * breadth + 0.3 * min(1, centrality * 2) + 0.2 * lead
            groups.append(Group(members: group, representative: representative, salience: salience))
        }
        groups.sort { $0.salience != $1.salience ? $0.salience > $1.salience : $0.members[0] < $1.members[0] }
        return groups
    }

    /// The member closest to the others that a reader can follow alone; among those, the one
    /// nearest the top of its article.
    static func representative(of group: [Int], sentences: StorySentences) -> Int {
        guard group.count > 1 else { return group[0] }
        func value(_ i: Int) -> Double {
            let entry = sentences.entries[i]
            var total = 0.0
            for j in group where j != i { total += sentences.vectors[i].cosine(sentences.vectors[j]) }
            let standsAlone = ExtractiveSummarizer.standsAlone(entry.text, words: entry.words) ? 0.2 : 0
            return total / Double(group.count - 1) + standsAlone - 0.001 * Double(entry.position)
        }
        let values = group.map(value)
        var best = 0
        for k in group.indices.dropFirst() where values[k] > values[best] { best = k }
        return group[best]
    }

    /// A sentence that states something: long enough to carry a fact, ending like a sentence, and
    /// not a fragment of a quotation. Quoted statements count: who said what is a fact too.
    static func isStatement(_ text: String, words: Int) -> Bool {
        guard words >= 6, words <= 80 else { return false }
        guard let last = text.unicodeScalars.last, [".", "!", "?", "\u{201D}", "\u{2019}", ")"].contains(last) else { return false }
        return text.unicodeScalars.first.map { $0.properties.isUppercase || $0.properties.numericType != nil || $0 == "\u{201C}" } ?? false
    }
}
