import SynopticCore

/// Finds successive versions of one article in a batch and orders them, earlier first.
///
/// Two articles are versions of one article when
/// 1. they come from one source: the same outlet (by name, else by URL host, when both give one);
///    when that is unknown, the same dateline if both have one, and alike leads (one of the first
///    three paragraphs of each matched, exactly or nearly); two articles with different datelines
///    are never versions, even from one outlet (a version keeps its dateline);
/// 2. they share substantial text paragraph by paragraph (``ParagraphAlignment``: the same
///    normalized words, or a rewrite at bigram Jaccard ≥ 0.3): at least
///    ``Options/minMatchedParagraphs`` matched paragraphs holding at least
///    ``Options/minSharedFraction`` of the shorter article's words — whole-text similarity can be
///    low while many paragraphs survive whole;
/// 3. something changed: the same headline and the same paragraphs in the same order are a
///    duplicate, not a version.
///
/// **Order.** The later version is the one with the later `modified` (else `published`) date when
/// both articles carry one and they differ (dates compared by day when either lacks a time);
/// otherwise the one that carries more text of its own (words in paragraphs only it has, plus
/// words a rewrite added), since updates mostly add reporting; otherwise the one read later.
/// Three or more versions of one article are ordered by how many of their pairs each comes later
/// in, and linked one to the next.
///
/// **Cost.** Articles are never compared all against all. Each paragraph of at least
/// ``Options/minParagraphWords`` words gives two keys (its exact word sequence and a min-hash of
/// its word bigrams, which rewrites of the paragraph share with probability about their
/// similarity), and only articles that share a key are compared. A key found in more than
/// ``Options/maxArticlesPerKey`` articles (boilerplate, thousands of copies) is dropped as
/// evidence, so the candidate pairs stay within that cap squared per key.
public struct VersionLinker: Sendable {
    public struct Options: Hashable, Sendable {
        /// Shorter paragraphs (labels, bylines, “Leave a reply”) are not indexed.
        public var minParagraphWords = 8
        public var maxArticlesPerKey = 64
        public var minMatchedParagraphs = 2
        public var minSharedFraction = 0.3

        public init() {}
    }

    /// What the linker did, to keep its cost observable (and tested) on hostile batches.
    public struct WorkCounters: Hashable, Sendable {
        /// Paragraphs that gave keys.
        public var paragraphsIndexed = 0
        /// Article entries stored under keys.
        public var postingsStored = 0
        /// Keys dropped because more than `maxArticlesPerKey` articles share them.
        public var commonKeys = 0
        /// Distinct pairs of articles that share a key.
        public var candidatePairs = 0
        /// Pairs whose paragraphs were aligned (candidates from compatible sources).
        public var pairsAligned = 0
        /// Pairs found to be versions.
        public var versionPairs = 0
    }

    /// What decided which of two versions came first.
    public enum OrderEvidence: String, Hashable, Sendable, Codable {
        /// Their modification or publication dates.
        case dates
        /// The later one carries more text of its own.
        case growth
        /// Nothing else did: the order they were read in.
        case readingOrder = "reading_order"
        /// They were not compared directly: one version of an article comes between them.
        case chain
    }

    /// Two versions, as indices into the articles given, earlier first.
    public struct Link: Hashable, Sendable {
        public var earlier: Int
        public var later: Int
        public var evidence: OrderEvidence
    }

    public var options: Options

    public init(options: Options = Options()) { self.options = options }

    /// The versions among `articles`: for each article with versions, its link to the next
    /// version, earlier first, ordered by the earlier article's reading position.
    public func link(_ articles: [Article]) -> (links: [Link], counters: WorkCounters) {
        var counters = WorkCounters()
        // Keys of each article's paragraphs, and the articles under each key.
        var postings: [UInt64: [Int32]] = [:]
        var common: Set<UInt64> = []
        for (index, article) in articles.enumerated() {
            var keys: Set<UInt64> = []
            for text in article.paragraphTexts {
                let words = WordHashes.of(text)
                guard words.count >= options.minParagraphWords else { continue }
                counters.paragraphsIndexed += 1
                if let exact = WordHashes.shingles(words, size: words.count).first { keys.insert(exact & ~1) }
                var minimum = UInt64.max
                for bigram in WordHashes.shingles(words, size: 2) { minimum = min(minimum, WordHashes.mix(bigram ^ Self.minHashSalt)) }
                keys.insert(minimum | 1)
            }
            for key in keys where !common.contains(key) {
                var list = postings[key, default: []]
                if list.count >= options.maxArticlesPerKey {
                    postings[key] = nil
                    common.insert(key)
                    continue
                }
                list.append(Int32(index))
                postings[key] = list
                counters.postingsStored += 1
            }
        }
        counters.commonKeys = common.count
        // Candidate pairs: articles that share at least one key.
        var candidates: Set<UInt64> = []
        for list in postings.values where list.count >= 2 {
            for i in 0..<(list.count - 1) {
                for j in (i + 1)..<list.count { candidates.insert(UInt64(UInt32(list[i])) << 32 | UInt64(UInt32(list[j]))) }
            }
        }
        postings = [:]
        counters.candidatePairs = candidates.count
        var prints: [Int: [ParagraphPrint]] = [:]
        func printsOf(_ index: Int) -> [ParagraphPrint] {
            if let cached = prints[index] { return cached }
            let made = articles[index].paragraphTexts.map { ParagraphPrint($0) }
            prints[index] = made
            return made
        }
        var direct: [Link] = []
        for pair in candidates.sorted() {
            let a = Int(pair >> 32), b = Int(pair & 0xFFFF_FFFF)
            guard Self.sourcesMayMatch(articles[a], articles[b]) else { continue }
            counters.pairsAligned += 1
            let printsA = printsOf(a), printsB = printsOf(b)
            let alignment = ParagraphAlignment(earlier: printsA, later: printsB)
            guard isVersionPair(articles[a], articles[b], printsA, printsB, alignment) else { continue }
            direct.append(Self.ordered(a, b, articles: articles, printsA: printsA, printsB: printsB, alignment: alignment))
        }
        counters.versionPairs = direct.count
        return (Self.chained(direct), counters)
    }

    static let minHashSalt: UInt64 = 0x5bd1_e995_9e37_79b9

    // MARK: Evidence

    /// Outlet names compared without case, punctuation or a leading “The”; `nil` when either
    /// article names none.
    static func sameOutlet(_ a: Article, _ b: Article) -> Bool? {
        if let x = a.provenance.outlet.map(outletKey), let y = b.provenance.outlet.map(outletKey), !x.isEmpty, !y.isEmpty { return x == y }
        if let x = a.provenance.url.flatMap(host), let y = b.provenance.url.flatMap(host) { return x == y }
        return nil
    }

    static func outletKey(_ name: String) -> [UInt64] {
        var words = WordHashes.of(name)
        if words.count > 1 && words.first == theHash { words.removeFirst() }
        return words
    }

    static let theHash = WordHashes.of("the").first

    /// The host of a URL, lowercased, without `www.`.
    static func host(_ url: String) -> String? {
        guard let scheme = url.range(of: "://") else { return nil }
        var host = url[scheme.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" && $0 != ":" }.lowercased()
        if host.hasPrefix("www.") { host.removeFirst(4) }
        return host.isEmpty ? nil : host
    }

    /// The cheap half of the source test, before any alignment: different outlets or different
    /// datelines rule a pair out.
    static func sourcesMayMatch(_ a: Article, _ b: Article) -> Bool {
        if sameOutlet(a, b) == false { return false }
        if let x = a.dateline.map(WordHashes.of), let y = b.dateline.map(WordHashes.of), !x.isEmpty, !y.isEmpty, x != y { return false }
        return true
    }

    func isVersionPair(
        _ a: Article, _ b: Article, _ printsA: [ParagraphPrint], _ printsB: [ParagraphPrint], _ alignment: ParagraphAlignment
    ) -> Bool {
        let matches = alignment.matches
        guard !matches.isEmpty else { return false }
        // Without a known outlet, the leads must agree.
        if Self.sameOutlet(a, b) == nil && !matches.contains(where: { $0.earlier < 3 && $0.later < 3 }) { return false }
        let needed = min(options.minMatchedParagraphs, printsA.count, printsB.count)
        guard matches.count >= needed else { return false }
        let wordsA = printsA.reduce(0) { $0 + $1.wordCount }, wordsB = printsB.reduce(0) { $0 + $1.wordCount }
        let shorterIsA = wordsA <= wordsB
        let shared = matches.reduce(0) { $0 + (shorterIsA ? printsA[$1.earlier].wordCount : printsB[$1.later].wordCount) }
        guard shared > 0, Double(shared) >= options.minSharedFraction * Double(max(min(wordsA, wordsB), 1)) else { return false }
        // Same headline, same words paragraph for paragraph in the same order: a copy.
        let identical = a.title == b.title && alignment.added.isEmpty && alignment.removed.isEmpty && matches.allSatisfy { $0.isExact && $0.inOrder }
        return !identical
    }

    // MARK: Order

    /// A date as (day, time of day): `2022-01-13T18:00:00Z` → ("2022-01-13", "18:00:00Z").
    static func moment(_ article: Article) -> (day: Substring, time: Substring?)? {
        guard let iso = article.provenance.modified ?? article.provenance.published, iso.count >= 10 else { return nil }
        let day = iso.prefix(10)
        let rest = iso.dropFirst(10)
        return (day, rest.first == "T" ? rest.dropFirst() : nil)
    }

    /// Orders a pair of versions (see the type's documentation).
    static func ordered(
        _ a: Int, _ b: Int, articles: [Article], printsA: [ParagraphPrint], printsB: [ParagraphPrint], alignment: ParagraphAlignment
    ) -> Link {
        if let x = moment(articles[a]), let y = moment(articles[b]) {
            if x.day != y.day { return x.day < y.day ? Link(earlier: a, later: b, evidence: .dates) : Link(earlier: b, later: a, evidence: .dates) }
            if let tx = x.time, let ty = y.time, tx != ty {
                return tx < ty ? Link(earlier: a, later: b, evidence: .dates) : Link(earlier: b, later: a, evidence: .dates)
            }
        }
        var ownA = alignment.removed.reduce(0) { $0 + printsA[$1].wordCount }
        var ownB = alignment.added.reduce(0) { $0 + printsB[$1].wordCount }
        for match in alignment.matches where !match.isExact {
            let difference = printsB[match.later].wordCount - printsA[match.earlier].wordCount
            if difference > 0 { ownB += difference } else { ownA -= difference }
        }
        if ownA != ownB { return ownA < ownB ? Link(earlier: a, later: b, evidence: .growth) : Link(earlier: b, later: a, evidence: .growth) }
        return Link(earlier: min(a, b), later: max(a, b), evidence: .readingOrder)
    }

    /// Groups pairs into articles with their versions and links each version to the next.
    static func chained(_ direct: [Link]) -> [Link] {
        var parent: [Int: Int] = [:]
        func root(_ x: Int) -> Int {
            var x = x
            while let p = parent[x], p != x { x = p }
            return x
        }
        var laterIn: [Int: Int] = [:]
        var evidence: [UInt64: OrderEvidence] = [:]
        for link in direct {
            parent[link.earlier] = parent[link.earlier] ?? link.earlier
            parent[link.later] = parent[link.later] ?? link.later
            let (x, y) = (root(link.earlier), root(link.later))
            if x != y { parent[max(x, y)] = min(x, y) }
            laterIn[link.later, default: 0] += 1
            evidence[UInt64(link.earlier) << 32 | UInt64(link.later)] = link.evidence
        }
        var groups: [Int: [Int]] = [:]
        for member in parent.keys { groups[root(member), default: []].append(member) }
        var result: [Link] = []
        for members in groups.values {
            let order = members.sorted { (laterIn[$0] ?? 0, $0) < (laterIn[$1] ?? 0, $1) }
            for (x, y) in zip(order, order.dropFirst()) {
                result.append(Link(earlier: x, later: y, evidence: evidence[UInt64(x) << 32 | UInt64(y)] ?? .chain))
            }
        }
        return result.sorted { ($0.earlier, $0.later) < ($1.earlier, $1.later) }
    }
}
