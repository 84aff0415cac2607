import Foundation

/// Groups articles into stories as they arrive: each article joins the story it is most like, or
/// starts one.
///
/// An article and a story are compared as TF-IDF vectors (the story's is the sum of its members'
/// damped frequencies) by cosine similarity, scaled down by the days between the article and the
/// story's nearest member. The article joins the best story whose score reaches
/// ``Options/threshold``; otherwise it starts a story of its own.
///
/// Candidates come from an inverted index, never from a scan of every story: the article's most
/// weighty terms are looked up, each in the stories that contain it, most recent first and at most
/// ``Options/postingsPerTerm`` of them, and only the ``Options/candidates`` stories sharing the
/// most weight are scored in full. The cost of one article is therefore bounded by its own length,
/// whatever the number of stories, and a batch costs about n·log n (the dictionaries).
///
/// Order: a single pass depends on the order articles arrive in. ``cluster(_:)`` therefore sorts
/// a batch by publication day, then by a hash of each article's words (undated articles last), so
/// the result is the same whatever order the files were listed in. ``add(_:)`` is the incremental
/// form, for articles that arrive over time: their arrival order is the order.
public struct StoryClusterer: Sendable {
    public struct Options: Sendable, Hashable {
        /// The least score with which an article joins a story (calibrated on the AllSides dev
        /// stories; see docs/evaluation.md).
        public var threshold: Float = 0.08
        /// Days apart within which time is no evidence against a story: 0, the same day.
        public var sameDays = 0
        /// Beyond ``sameDays``, the score falls by a factor e every this many days. A day apart
        /// keeps 37% of the score, two days 14%: a report joins yesterday's story only when it
        /// shares much of its words, and a story that runs for a week goes on as long as each
        /// day's reports join the day before (the distance is to the story's nearest day).
        public var dayDecay: Float = 1
        /// Terms of the article looked up in the index.
        public var queryTerms = 12
        /// Stories read per term, most recent first.
        public var postingsPerTerm = 400
        /// Stories scored in full per article.
        public var candidates = 40
        /// How an article is compared with a story: with the story's summed vector (`centroid`),
        /// or by its mean cosine with the members (`average`, average linkage).
        public var linkage: Linkage = .average
        public enum Linkage: String, Sendable, Hashable, CaseIterable { case centroid, average }
        /// Unrelated articles assumed besides the batch when weighting terms: without them, in a
        /// batch of five reports of one event the words all five share would weigh least and the
        /// reports look unrelated.
        public var backgroundDocuments = 100
        public init() {}
    }

    public var options: Options

    /// Articles seen and, per term, in how many of them it occurs (for IDF).
    private(set) var documentCount = 0
    /// Counts as floats (exact below 2²⁴); terms no article holds any more (counted by a
    /// proposal, then taken back) stay at 0.
    private var documentFrequency = TermWeights(capacity: 4096)
    /// Per story: its members (indices in arrival order), term sums, days and vector norm.
    private var stories: [StoryState] = []
    /// Per term, the stories that hold it, in the order they first did.
    private var postings = PostingLists()
    /// Reused per article by ``candidates(for:day:)``.
    private var scratch = Scratch()
    struct Scratch: Sendable {
        /// Per story: the weight shared with the article, its time factor, and the article's
        /// turn when they were set (side by side, one array: one uniqueness check per article).
        var slots: [Slot] = []
        var turn: UInt32 = 0
        struct Slot: Sendable {
            var stamp: UInt32 = 0
            var shared: Float = 0
            var time: Float = 0
        }
    }
    /// The story of each article added, by arrival index.
    public private(set) var assignment: [Int] = []
    /// What changed since ``checkpoint()``, for ``rollBack()``; nil when no checkpoint is kept.
    private var undo: UndoLog?
    /// Work done, for tests that bound it: candidate stories scored in full.
    public private(set) var scoredCandidates = 0

    struct StoryState: Sendable {
        var count = 0
        var sums: [UInt64: Float] = [:]
        /// The sum of the members' unit vectors (IDF-weighted, each of length 1): its dot product
        /// with an article's unit vector, over the member count, is the article's mean cosine
        /// with the members. Kept for average linkage; `sums` and the norm for centroid linkage.
        var unitSums = TermWeights()
        var firstDay: Int?
        var lastDay: Int?
        /// Squared norm of the IDF-weighted sums, and the article count it was computed at.
        var normSquared: Float = 0
        var normAt = 0
    }

    public init(options: Options = .init()) { self.options = options }

    // MARK: - Checkpoints

    /// The changes since a checkpoint, enough to undo them: the counters as they were, what was
    /// counted and posted since, and each story that existed then as it was before its first
    /// change.
    ///
    /// Going back to before a batch used to mean keeping a copy of the clusterer, which shares
    /// storage until the first change and then duplicates all of it (the document frequencies,
    /// every posting list, every story): a cost that grows with the stories held, paid per batch.
    /// The log grows with the batch only.
    struct UndoLog: Sendable {
        var documentCount: Int
        var storyCount: Int
        var assignmentCount: Int
        var scoredCandidates: Int
        /// The terms of each article counted into the document frequencies, in order.
        var counted: [[StoryFeatures.Term]] = []
        /// Stories older than the checkpoint, as they were at it.
        var saved: [Int: StoryState] = [:]
        /// The terms a story was appended to the postings of, in order.
        var posted: [UInt64] = []
    }

    /// Starts keeping what changes from now on, so that ``rollBack()`` can return the clusterer
    /// to this state; replaces any checkpoint kept before.
    public mutating func checkpoint() {
        undo = UndoLog(documentCount: documentCount, storyCount: stories.count, assignmentCount: assignment.count, scoredCandidates: scoredCandidates)
    }

    /// Whether a checkpoint is kept.
    public var hasCheckpoint: Bool { undo != nil }

    /// Keeps the changes since the checkpoint and forgets it.
    public mutating func discardCheckpoint() { undo = nil }

    /// Undoes every change since the checkpoint, which is forgotten: the clusterer then places
    /// articles exactly as it did at the checkpoint. (Terms counted since keep a slot of weight 0
    /// in the frequency table, and posting lists begun since stay, empty: both read as absent.)
    public mutating func rollBack() {
        guard let log = undo else { return }
        undo = nil
        for term in log.posted.reversed() { postings.removeLast(from: term) }
        stories.removeLast(stories.count - log.storyCount)
        for (story, state) in log.saved { stories[story] = state }
        for terms in log.counted {
            for term in terms { documentFrequency.add(-1, to: term.hash) }
        }
        documentCount = log.documentCount
        assignment.removeLast(assignment.count - log.assignmentCount)
        scoredCandidates = log.scoredCandidates
    }

    /// Keeps a story that existed at the checkpoint as it was, before its first change since.
    @inline(__always)
    mutating func willChange(_ story: Int) {
        guard let storyCount = undo?.storyCount, story < storyCount, undo?.saved[story] == nil else { return }
        undo?.saved[story] = stories[story]
    }

    /// Stories of a batch, as lists of indices into `articles`, in the order the stories began.
    /// The batch's term frequencies are counted first, so every article is compared with the same
    /// weights.
    public static func cluster(_ articles: [StoryFeatures], options: Options = .init()) -> [[Int]] {
        var clusterer = StoryClusterer(options: options)
        for features in articles { clusterer.count(features) }
        let order = articles.indices.sorted { a, b in
            let l = articles[a]
            let r = articles[b]
            switch (l.day, r.day) {
            case let (x?, y?) where x != y: return x < y
            case (nil, _?): return false
            case (_?, nil): return true
            default: return l.contentHash != r.contentHash ? l.contentHash < r.contentHash : a < b
            }
        }
        var storyOf = [Int](repeating: -1, count: articles.count)
        for index in order { storyOf[index] = clusterer.place(articles[index]) }
        var members = [[Int]](repeating: [], count: clusterer.stories.count)
        for index in order { members[storyOf[index]].append(index) }
        return members
    }

    /// Adds an article as it arrives and returns the index of its story (stories are numbered
    /// in the order they began).
    @discardableResult
    public mutating func add(_ features: StoryFeatures) -> Int {
        count(features)
        return place(features)
    }

    /// The story an article would join if it arrived now (nil: a story of its own), leaving the
    /// clusterer as it was. With ``record(_:inStory:)`` this is ``add(_:)`` in two steps, for a
    /// store that commits the placement before it becomes the clusterer's state: another writer
    /// may have placed articles in between, and then the placement is made again.
    public mutating func propose(_ features: StoryFeatures) -> Int? {
        count(features)
        defer { uncount(features) }
        let (weighted, norm) = weightedTerms(features)
        return bestStory(weighted, norm: norm, day: features.day)
    }

    /// Adds an article to a story already decided (`nil`: a new story), as ``add(_:)`` would
    /// have; returns its story. Replaying a store's committed placements in commit order through
    /// this rebuilds the clusterer that made them, without scoring any candidate.
    @discardableResult
    public mutating func record(_ features: StoryFeatures, inStory story: Int?) -> Int {
        count(features)
        let (weighted, norm) = weightedTerms(features)
        let target = story.flatMap { $0 >= 0 && $0 < stories.count ? $0 : nil } ?? newStory()
        join(features: features, weighted: weighted, norm: norm, story: target)
        assignment.append(target)
        return target
    }

    /// The number of stories begun so far.
    public var storyCount: Int { stories.count }

    /// Takes back ``count(_:)``.
    mutating func uncount(_ features: StoryFeatures) {
        documentCount -= 1
        for term in features.termList { documentFrequency.add(-1, to: term.hash) }
        if undo?.counted.isEmpty == false { undo?.counted.removeLast() }
    }

    /// Counts the article's terms into the document frequencies.
    mutating func count(_ features: StoryFeatures) {
        documentCount += 1
        for term in features.termList { documentFrequency.add(1, to: term.hash) }
        undo?.counted.append(features.termList)
    }

    func idf(_ term: UInt64) -> Float {
        let df = documentFrequency.weight(of: term) ?? 0
        return log((Float(documentCount + options.backgroundDocuments) + 1) / (df + 1)) + 1
    }

    /// Finds the article's story, or starts one, and records it.
    mutating func place(_ features: StoryFeatures) -> Int {
        let (weighted, norm) = weightedTerms(features)
        let story = bestStory(weighted, norm: norm, day: features.day) ?? newStory()
        join(features: features, weighted: weighted, norm: norm, story: story)
        assignment.append(story)
        return story
    }

    /// The article's terms weighted by IDF, in the order of their hashes (as the features list
    /// them), and the vector's length. The order is fixed because floating-point sums depend on
    /// it, and a dictionary's order changes from one process to the next: without it, two runs
    /// could differ.
    func weightedTerms(_ features: StoryFeatures) -> (terms: [WeightedTerm], norm: Float) {
        let weighted = features.termList.map { term in
            let idf = idf(term.hash)
            return WeightedTerm(term: term.hash, tf: term.weight, weight: term.weight * idf, idf: idf)
        }
        return (weighted, weighted.reduce(0) { $0 + $1.weight * $1.weight }.squareRoot())
    }

    /// The story scoring highest at or above the threshold, if any.
    mutating func bestStory(_ weighted: [WeightedTerm], norm: Float, day: Int?) -> Int? {
        guard norm > 0 else { return nil }
        var best: (story: Int, score: Float)?
        for (story, time) in candidates(for: weighted, day: day) where stories[story].count > 0 {
            let score = similarity(weighted, norm: norm, story: story) * time
            scoredCandidates += 1
            if score >= options.threshold, score > best?.score ?? -1 { best = (story, score) }
        }
        return best?.story
    }

    mutating func newStory() -> Int {
        stories.append(StoryState())
        return stories.count - 1
    }

    struct WeightedTerm {
        var term: UInt64
        /// Damped frequency.
        var tf: Float
        /// Damped frequency times IDF.
        var weight: Float
        var idf: Float
    }

    /// The stories sharing the most weight with the article's heaviest terms, each with its time
    /// factor. A story too far away in time for any content to lift it to the threshold (the
    /// cosine is at most 1) is passed over before it is scored.
    mutating func candidates(for weighted: [WeightedTerm], day: Int?) -> [(story: Int, time: Float)] {
        let query = Self.heaviest(weighted, count: options.queryTerms)
        // Per story, the weight shared and the time factor, in an array indexed by story and
        // stamped with the article's turn, so nothing is cleared or hashed per article.
        if scratch.slots.count < stories.count {
            scratch.slots += [Scratch.Slot](repeating: Scratch.Slot(), count: stories.count - scratch.slots.count)
        }
        scratch.turn &+= 1
        if scratch.turn == 0 {
            scratch.slots = [Scratch.Slot](repeating: Scratch.Slot(), count: scratch.slots.count)
            scratch.turn = 1
        }
        let turn = scratch.turn
        var touched: [Int32] = []
        // The slots are taken out for the loop and written through their buffer: written in
        // place, each of the thousands of postings read per article checked that the array was
        // not shared, three times.
        var slots = scratch.slots
        scratch.slots = []
        slots.withUnsafeMutableBufferPointer { buffer in
            for term in query {
                guard let list = postings.list(of: term.term) else { continue }
                // Stories are listed in the order they began, which in a batch is the order of
                // their days: reading back from the newest, a long run of stories too old to count
                // means the rest are older still.
                var tooOld = 0
                for story in list.suffix(options.postingsPerTerm).reversed() {
                    let s = Int(story)
                    if buffer[s].stamp != turn {
                        buffer[s] = Scratch.Slot(stamp: turn, shared: 0, time: timeFactor(day, story: s))
                        touched.append(story)
                    }
                    if buffer[s].time >= options.threshold {
                        buffer[s].shared += term.weight
                        tooOld = 0
                    } else {
                        tooOld += 1
                        if tooOld >= 64 { break }
                    }
                }
            }
        }
        scratch.slots = slots
        var ranked: [(shared: Float, story: Int32)] = []
        ranked.reserveCapacity(touched.count)
        for story in touched where slots[Int(story)].shared > 0 { ranked.append((slots[Int(story)].shared, story)) }
        ranked.sort { $0.shared != $1.shared ? $0.shared > $1.shared : $0.story > $1.story }
        if ranked.count > options.candidates { ranked.removeLast(ranked.count - options.candidates) }
        return ranked.map { (Int($0.story), slots[Int($0.story)].time) }
    }

    /// The `count` heaviest terms, heaviest first (ties: the smaller hash first): what sorting
    /// every term and taking the first `count` gives, without sorting the hundreds of terms of
    /// an article to keep a dozen.
    static func heaviest(_ weighted: [WeightedTerm], count: Int) -> [WeightedTerm] {
        guard count > 0 else { return [] }
        func precedes(_ a: WeightedTerm, _ b: WeightedTerm) -> Bool { a.weight != b.weight ? a.weight > b.weight : a.term < b.term }
        var top: [WeightedTerm] = []
        top.reserveCapacity(count + 1)
        for term in weighted {
            if top.count == count, !precedes(term, top[count - 1]) { continue }
            var i = top.count
            while i > 0, precedes(term, top[i - 1]) { i -= 1 }
            top.insert(term, at: i)
            if top.count > count { top.removeLast() }
        }
        return top
    }

    /// Cosine of the article's IDF-weighted vector with the story's, or its mean cosine with the
    /// story's members.
    mutating func similarity(_ weighted: [WeightedTerm], norm: Float, story: Int) -> Float {
        if options.linkage == .average {
            // Only the unit sums are read: the story's other tables are not copied per candidate.
            let sums = stories[story].unitSums
            var dot: Float = 0
            for term in weighted {
                if let sum = sums.weight(of: term.term) { dot += term.weight * sum }
            }
            return dot / (norm * Float(stories[story].count))
        }
        refreshNorm(story)
        let state = stories[story]
        guard state.normSquared > 0 else { return 0 }
        var dot: Float = 0
        for term in weighted {
            if let sum = state.sums[term.term] { dot += term.weight * sum * term.idf }
        }
        return dot / (norm * state.normSquared.squareRoot())
    }

    /// Recomputes a story's norm when the document frequencies have moved on since (the IDF of
    /// every term changes a little with each article counted): when a tenth more articles have
    /// been counted, so that a long run of arrivals costs each story a full pass now and then,
    /// not every time.
    mutating func refreshNorm(_ story: Int) {
        let at = stories[story].normAt
        guard at < 0 || documentCount * 10 > at * 11 else { return }
        willChange(story)
        var total: Float = 0
        for (term, sum) in stories[story].sums.sorted(by: { $0.key < $1.key }) {
            let w = sum * idf(term)
            total += w * w
        }
        stories[story].normSquared = total
        stories[story].normAt = documentCount
    }

    /// 1 within ``Options/sameDays`` of the story's days, then falling by e every
    /// ``Options/dayDecay`` days; 1 when either side has no date.
    func timeFactor(_ day: Int?, story: Int) -> Float {
        guard let day, let first = stories[story].firstDay, let last = stories[story].lastDay else { return 1 }
        let apart = day < first ? first - day : (day > last ? day - last : 0)
        guard apart > options.sameDays else { return 1 }
        return exp(-Float(apart - options.sameDays) / options.dayDecay)
    }

    mutating func join(features: StoryFeatures, weighted: [WeightedTerm], norm: Float, story: Int) {
        willChange(story)
        let logsPostings = undo != nil
        stories[story].count += 1
        if let day = features.day {
            stories[story].firstDay = min(stories[story].firstDay ?? day, day)
            stories[story].lastDay = max(stories[story].lastDay ?? day, day)
        }
        if options.linkage == .average {
            // Average linkage needs the unit sums alone; the story's terms go into the index
            // the first time it holds them. The sums are taken out of the story while they are
            // added to (in place, every add checked the stories array as well), and a new story's
            // table is made large enough for its first article at once instead of growing five
            // times (the table's layout changes nothing it holds).
            var unitSums = TermWeights.placeholder
            swap(&unitSums, &stories[story].unitSums)
            if unitSums.count == 0 { unitSums = TermWeights(capacity: weighted.count) }
            for term in weighted where unitSums.add(norm > 0 ? term.weight / norm : 0, to: term.term) {
                postings.append(Int32(story), to: term.term)
                if logsPostings { undo?.posted.append(term.term) }
            }
            stories[story].unitSums = unitSums
            return
        }
        // The norm follows the sums term by term (a story of thousands of copies is not summed
        // again for each one); a story's first member sets it from scratch.
        var normSquared = stories[story].normSquared
        for weightedTerm in weighted {
            let term = weightedTerm.term
            let weight = weightedTerm.tf
            let old = stories[story].sums[term]
            if old == nil {
                postings.append(Int32(story), to: term)
                if logsPostings { undo?.posted.append(term) }
            }
            let new = (old ?? 0) + weight
            stories[story].sums[term] = new
            let w = weightedTerm.idf
            normSquared += (new * new - (old ?? 0) * (old ?? 0)) * w * w
        }
        if stories[story].count == 1 {
            stories[story].normAt = -1
        } else {
            stories[story].normSquared = max(normSquared, 0)
        }
    }
}
