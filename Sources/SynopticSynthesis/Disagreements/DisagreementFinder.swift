import Foundation
import SynopticCore

/// Finds where a story's sources differ: the same quantity given as figures that cannot both
/// hold, one speaker's quotation worded differently, one fact placed on different dates, and
/// aligned statements of which one denies what the other says.
///
/// Each kind is judged conservatively: a disagreement shown to a reader must be one they can check
/// in the two texts, so anything the text leaves open (figures of different things, a fragment of
/// a longer quotation, a hedged figure that covers the other) is no disagreement.
struct DisagreementFinder {
    let sentences: StorySentences
    let sources: SourceKeys
    let facts: [Fact]
    /// The fact each sentence belongs to, by entry index.
    let factOfEntry: [Int: Int]

    /// Cosine at which two sentences are taken to speak of the same thing when they are not one fact.
    static let sameContext = 0.25

    init(sentences: StorySentences, sources: SourceKeys, facts: [Fact], factOfEntry: [Int: Int]) {
        self.sentences = sentences
        self.sources = sources
        self.facts = facts
        self.factOfEntry = factOfEntry
    }

    func all(quotes: [Quote]) -> [Disagreement] {
        figures() + quoteWordings(quotes) + dates() + denials()
    }

    // MARK: - Sentences of annotations

    func entry(holding span: TextSpan, article a: Int) -> Int? { sentences.entry(holding: span, article: a) }

    func sameContext(_ i: Int, _ j: Int) -> Bool {
        if let f = factOfEntry[i], factOfEntry[j] == f { return true }
        return sentences.vectors[i].cosine(sentences.vectors[j]) >= Self.sameContext
    }

    func side(text: String, value: String?, references: [SourceReference]) -> Disagreement.Side {
        var seen: Set<String> = []
        let articleIDs = references.map(\.article).filter { seen.insert($0).inserted }
        return Disagreement.Side(
            text: text, value: value, sources: articleIDs, outlets: sources.sources(of: articleIDs), references: references)
    }

    func factIDs(_ entries: [Int]) -> [String] {
        var seen: Set<Int> = []
        return entries.compactMap { factOfEntry[$0] }.filter { seen.insert($0).inserted }.sorted().map { facts[$0].id }
    }

    // MARK: - Figures

    struct FigureMention {
        var figure: Figure
        /// The values the figure allows; a range ("$4.5 million to $6 million") is one mention.
        var range: FigureRange
        var text: String
        var entry: Int
        var source: String
        var reference: SourceReference
        var counted: String
        /// Content words around the figure: what it is a figure of.
        var near: Set<String>
        /// The days its sentence names: figures of different days are different quantities.
        var days: Set<String>
        /// Given as what was expected, forecast or estimated rather than what happened ("against
        /// the expected 0.2%", "economists had been looking for 845,000 jobs").
        var isExpectation: Bool
    }

    /// The same quantity with figures whose ranges cannot meet. "The same quantity" means the same
    /// thing counted (its head noun, plural folded) in the same unit, in the same fact or in
    /// sentences about the same thing, with two or more content words in common around the two
    /// figures and no different days named beside them. A sum of money or a share that counts no
    /// noun is compared on its unit and those words. Bare numbers and years count nothing and are
    /// never compared, nor is an addition ("two more boats") compared with a total.
    func figures() -> [Disagreement] {
        var byCounted: [String: [FigureMention]] = [:]
        // Every figure of every sentence (a sentence is one source's), counted or not: for figures
        // given side by side.
        var figuresOfSentence: [Int: [(unit: String?, range: FigureRange, value: Double)]] = [:]
        for (a, article) in sentences.articles.enumerated() {
            for figure in article.annotations.figures {
                guard figure.value > 0, let entry = entry(holding: figure.span, article: a) else { continue }
                figuresOfSentence[entry, default: []].append((figure.unit, FigureRange(figure), figure.value))
                guard !Self.isIncrement(figure, in: article) else { continue }
                let head = figure.counts.flatMap(Self.head(of:))
                guard head != nil || figure.unit != nil else { continue }
                let key = (head ?? "") + "|" + (figure.unit ?? "")
                let written = String(article[figure.span])
                let sentence = sentences.entries[entry].span
                if var last = byCounted[key]?.last, last.entry == entry, last.reference.article == article.id,
                    last.reference.span.end <= figure.span.start,
                    Self.joinsRange(article[TextSpan(start: last.reference.span.end, end: figure.span.start)])
                {
                    // The upper end of a range: widen the mention before it.
                    last.range = FigureRange(
                        lower: min(last.range.lower, FigureRange(figure).lower), upper: max(last.range.upper, FigureRange(figure).upper))
                    last.reference.span = TextSpan(start: last.reference.span.start, end: figure.span.end)
                    last.text = String(article[last.reference.span]) + (figure.counts.map { " " + $0 } ?? "")
                    byCounted[key]![byCounted[key]!.count - 1] = last
                    continue
                }
                byCounted[key, default: []].append(
                    FigureMention(
                        figure: figure, range: FigureRange(figure), text: figure.counts.map { written + " " + $0 } ?? written, entry: entry,
                        source: sources.source(of: article.id), reference: SourceReference(article: article.id, span: figure.span),
                        counted: figure.counts ?? figure.unit ?? "", near: Self.wordsNear(figure.span, in: article, within: sentence),
                        days: Set(
                            article.annotations.times.filter { sentence.contains($0.span) }.compactMap { TimelineBuilder.day(of: $0, in: article) }),
                        isExpectation: Self.isExpectation(figure, in: article, sentence: sentence)))
            }
        }
        var found: [Disagreement] = []
        for key in byCounted.keys.sorted() {
            let mentions = byCounted[key]!
            guard Set(mentions.map(\.source)).count > 1, mentions.count <= 400 else { continue }
            // Pairs of sources in the same context whose ranges miss each other, both given as
            // what happened or both as what was expected (an outcome short of a forecast is news,
            // not a dispute), and not two figures that one source gives side by side: a source
            // that writes both ("fell to 4.8% from 5.2%", "the $1.2 trillion bill and the $3.5
            // trillion package") shows they are figures of two things, whoever else gives either.
            // Given by one source means as figures of this same thing anywhere in its reports
            // ("fell 4% in 2020 … down an average of 2% per year"), or in one sentence in the same
            // unit, whatever each counts ("the remains of 24 people, with 121 still missing").
            let unit = mentions[0].figure.unit
            var rangesBySource: [String: [FigureRange]] = [:]
            for mention in mentions { rangesBySource[mention.source, default: []].append(mention.range) }
            func givenTogether(_ x: Int, _ y: Int) -> Bool {
                let inThisGroup = rangesBySource.values.contains { ranges in
                    let coversX = ranges.indices.filter { ranges[$0].overlaps(mentions[x].range) }
                    return coversX.contains { a in ranges.indices.contains { $0 != a && ranges[$0].overlaps(mentions[y].range) } }
                }
                return inThisGroup || figuresOfSentence.values.contains { figures in
                    let candidates = figures.indices.filter { figures[$0].unit == unit }
                    return candidates.contains { a in
                        figures[a].range.overlaps(mentions[x].range)
                            && candidates.contains { b in b != a && figures[b].range.overlaps(mentions[y].range) }
                    }
                }
            }
            // A sentence that gives several figures in the unit sets the nearest in value against
            // another source's figure; a farther one counts something else ("over 55% of adults
            // have received one dose, and 39% are fully vaccinated" against "37.3% of adults were
            // fully vaccinated": the 39%, not the 55%).
            func nearerInItsSentence(than y: Int, to x: Int) -> Bool {
                let distance = abs(mentions[y].figure.value - mentions[x].figure.value)
                return figuresOfSentence[mentions[y].entry]?.contains { other in
                    other.unit == unit && abs(other.value - mentions[x].figure.value) < distance
                } ?? false
            }
            var conflicting: [(Int, Int)] = []
            for x in mentions.indices {
                for y in mentions.indices where y > x && mentions[x].source != mentions[y].source {
                    guard mentions[x].isExpectation == mentions[y].isExpectation, sameContext(mentions[x].entry, mentions[y].entry),
                        mentions[x].near.intersection(mentions[y].near).count >= 2,
                        mentions[x].days.isEmpty || mentions[y].days.isEmpty || !mentions[x].days.isDisjoint(with: mentions[y].days)
                    else { continue }
                    if !mentions[x].range.overlaps(mentions[y].range) && !givenTogether(x, y)
                        && !nearerInItsSentence(than: y, to: x) && !nearerInItsSentence(than: x, to: y)
                    {
                        conflicting.append((x, y))
                    }
                }
            }
            guard !conflicting.isEmpty else { continue }
            // Sides: the figures involved, grouped by value as written.
            let involved = Set(conflicting.flatMap { [$0.0, $0.1] }).sorted()
            var sides: [(text: String, value: Double, refs: [SourceReference], entries: [Int])] = []
            for m in involved {
                let mention = mentions[m]
                if let k = sides.firstIndex(where: { $0.text == mention.text }) {
                    sides[k].refs.append(mention.reference)
                    sides[k].entries.append(mention.entry)
                } else {
                    sides.append((mention.text, mention.figure.value, [mention.reference], [mention.entry]))
                }
            }
            guard sides.count > 1 else { continue }
            sides.sort { $0.refs.count != $1.refs.count ? $0.refs.count > $1.refs.count : $0.entries[0] < $1.entries[0] }
            let counted = mentions[involved[0]].figure.counts ?? "sums in \(mentions[involved[0]].counted)"
            found.append(
                Disagreement(
                    kind: .figure, subject: counted,
                    sides: sides.map { side(text: $0.text, value: Self.number($0.value), references: $0.refs) },
                    note: "Figures for \(counted) in sentences about the same thing that cannot both hold, hedges taken into account.",
                    facts: factIDs(sides.flatMap(\.entries))))
        }
        return found
    }

    /// Words that present a figure as expected rather than reported: before it in its sentence
    /// ("economists had expected … 3.6 percent", "against the expected 0.2%", "analysts were
    /// looking for 845,000 jobs") or just after it ("500,000 economists expected").
    static let expectationWords: Set<String> = [
        "expected", "expecting", "expect", "expects", "expectation", "expectations", "forecast", "forecasts", "forecasted",
        "forecasting", "forecaster", "forecasters", "estimate", "estimates", "estimated", "projected", "projection", "projections",
        "predicted", "prediction", "predictions", "anticipated", "consensus", "surveyed", "poll", "polled",
    ]

    static func isExpectation(_ figure: Figure, in article: Article, sentence: TextSpan) -> Bool {
        func words(_ text: Substring) -> [String] { text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init) }
        let start = max(sentence.start, 0)
        guard start <= figure.span.start else { return false }
        let before = words(article[TextSpan(start: start, end: figure.span.start)])
        if before.contains(where: expectationWords.contains) || before.suffix(2) == ["looking", "for"] { return true }
        let end = max(figure.span.end, figure.countsSpan.map { $0.end } ?? 0)
        guard end <= sentence.end else { return false }
        return words(article[TextSpan(start: end, end: sentence.end)]).prefix(3).contains(where: expectationWords.contains)
    }

    /// Whether the text between two figures makes them the ends of one range ("to", "and", a dash).
    static func joinsRange(_ between: Substring) -> Bool {
        let words = between.lowercased().split(whereSeparator: { $0 == " " })
        guard between.count <= 8 else { return false }
        return words.isEmpty ? between.contains { "-–—".contains($0) } : words.allSatisfy { ["to", "and", "-", "–", "—"].contains(String($0)) }
    }

    /// Words between a number and what it counts that make it an addition, not a total ("two more
    /// boats", "3,000 additional troops").
    static let incrementWords: Set<String> = ["more", "additional", "extra", "another", "further", "new", "fewer", "less"]

    static func isIncrement(_ figure: Figure, in article: Article) -> Bool {
        guard let counted = figure.countsSpan, counted.start >= figure.span.end else { return false }
        let between = article[TextSpan(start: figure.span.end, end: counted.start)].lowercased()
        return between.split(whereSeparator: { !$0.isLetter }).contains { incrementWords.contains(String($0)) }
    }

    /// The head noun of what a figure counts, lower-cased, plural folded ("U.S. troops" → "troop").
    static func head(of counts: String) -> String? {
        let words = TermVectors.words(counts)
        guard let last = words.last, last.unicodeScalars.first?.properties.numericType == nil else { return nil }
        return StorySentences.fold(last)
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    // MARK: - Quotations

    /// One speaker's quotation worded differently by different sources: quotations of the same
    /// named speaker whose words mostly agree but not wholly. A quotation whose words all appear,
    /// in order, in another (an excerpt) is no variant.
    func quoteWordings(_ quotes: [Quote]) -> [Disagreement] {
        let articleIndex = Dictionary(sentences.articles.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let usable = quotes.enumerated().filter { $0.element.speaker != nil && articleIndex[$0.element.article] != nil }
        var bySpeaker: [String: [Int]] = [:]
        for (index, quote) in usable { bySpeaker[quote.speaker!, default: []].append(index) }
        var found: [Disagreement] = []
        for speaker in bySpeaker.keys.sorted() {
            let list = bySpeaker[speaker]!
            guard list.count > 1, list.count <= 400 else { continue }
            let words = list.map { Self.wordsOf(quotes[$0].text) }
            let stems = words.map(Self.contentStems)
            // Link quotations of different sources that share most of their words.
            var parent = Array(list.indices)
            func root(_ i: Int) -> Int {
                var i = i
                while parent[i] != i { i = parent[i] }
                return i
            }
            for x in list.indices {
                for y in list.indices where y > x {
                    guard sources.source(of: quotes[list[x]].article) != sources.source(of: quotes[list[y]].article) else { continue }
                    if Self.sameRemark(stems: (stems[x], stems[y]), words: (words[x], words[y])) { parent[root(y)] = root(x) }
                }
            }
            var clusters: [Int: [Int]] = [:]
            for x in list.indices { clusters[root(x), default: []].append(x) }
            for key in clusters.keys.sorted() {
                let members = clusters[key]!
                guard members.count > 1 else { continue }
                // One wording per article: its quotations of the remark in order, so a remark one
                // outlet interrupts with "he said" and another quotes whole compare as one.
                var byArticle: [String: [Int]] = [:]
                var articleOrder: [String] = []
                for m in members.sorted(by: { (quotes[list[$0]].span?.start ?? 0, $0) < (quotes[list[$1]].span?.start ?? 0, $1) }) {
                    let article = quotes[list[m]].article
                    if byArticle[article] == nil { articleOrder.append(article) }
                    byArticle[article, default: []].append(m)
                }
                articleOrder.sort { (articleIndex[$0] ?? 0) < (articleIndex[$1] ?? 0) }
                var wordings: [(words: [String], parts: [Int], articles: [String])] = []
                for article in articleOrder {
                    let parts = byArticle[article]!
                    let joined = parts.flatMap { words[$0] }
                    if let k = wordings.firstIndex(where: { $0.words == joined }) {
                        wordings[k].articles.append(article)
                    } else {
                        wordings.append((joined, parts, [article]))
                    }
                }
                // An excerpt is no variant: a wording each of whose parts is a run of words found
                // whole in another wording, or runs on from its start or end word for word (two
                // outlets that cut one remark in different places, "… such an important..." and
                // "… such an important right.", agree wherever they overlap).
                wordings = wordings.filter { w in
                    !wordings.contains { other in
                        other.words != w.words && w.parts.allSatisfy { Self.isFragment(words[$0], of: other.words) }
                    }
                }
                guard wordings.count > 1 else { continue }
                let wordingSources = wordings.map { Set($0.articles.map(sources.source(of:))) }
                // A variant needs two sources that word it differently.
                guard Set(wordingSources.flatMap { $0 }).count > 1, wordingSources.allSatisfy({ !$0.isEmpty }) else { continue }
                wordings.sort {
                    $0.articles.count != $1.articles.count
                        ? $0.articles.count > $1.articles.count : (articleIndex[$0.articles[0]] ?? 0) < (articleIndex[$1.articles[0]] ?? 0)
                }
                var entries: [Int] = []
                let sides = wordings.map { wording -> Disagreement.Side in
                    var references: [SourceReference] = []
                    for article in wording.articles {
                        for m in byArticle[article]! {
                            let quote = quotes[list[m]]
                            guard let span = quote.span else { continue }
                            references.append(SourceReference(article: quote.article, span: span))
                            if let a = articleIndex[quote.article], let e = entry(holding: span, article: a) { entries.append(e) }
                        }
                    }
                    return side(text: wording.parts.map { quotes[list[$0]].text }.joined(separator: " … "), value: nil, references: references)
                }
                found.append(
                    Disagreement(
                        kind: .quote, subject: speaker, sides: sides,
                        note: "The same remark of \(speaker), worded differently by different sources.", facts: factIDs(entries)))
            }
        }
        return found
    }

    static func wordsOf(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.unicodeScalars.append(scalar)
            } else if scalar == "’" || scalar == "'" {
                continue
            } else if !current.isEmpty {
                words.append(current.lowercased())
                current = ""
            }
        }
        if !current.isEmpty { words.append(current.lowercased()) }
        return words
    }

    /// The content words of a quotation cut to their first five letters, so that two renderings
    /// of one remark ("a different approach", "a difference in approaches") meet.
    static func contentStems(_ words: [String]) -> Set<String> {
        Set(words.filter { !StopWords.english.contains($0) && $0.count > 1 }.map { String($0.prefix(5)) })
    }

    /// Whether two quotations of one speaker are renderings of one remark: at least two content
    /// words shared, and most of the shorter one's.
    static func sameQuotation(_ a: Set<String>, _ b: Set<String>) -> Bool {
        let shared = a.intersection(b).count
        return shared >= 2 && Double(shared) >= 0.6 * Double(min(a.count, b.count))
    }

    /// Whether two quotations of one speaker render one remark: most content words shared and
    /// much of the shorter kept in order. A short quotation sharing only two content words must
    /// be nearly all of it in order: “They’re killing people” is another remark than “Facebook
    /// isn’t killing people”, while “What the hell, what do you do” and “What in the hell, what
    /// do you do” are one.
    static func sameRemark(stems: (Set<String>, Set<String>), words: ([String], [String])) -> Bool {
        guard sameQuotation(stems.0, stems.1) else { return false }
        let overlap = orderedOverlap(words.0, words.1)
        return stems.0.intersection(stems.1).count >= 3 ? overlap >= 0.45 : overlap >= 0.8
    }

    /// Whether `part` is a run of words inside `whole`, or overlaps its start or end word for word
    /// for at least three words and most of `part` (the same remark cut in different places).
    static func isFragment(_ part: [String], of whole: [String]) -> Bool {
        if isRun(part, inside: whole) { return true }
        let needed = max(3, Int((0.6 * Double(part.count)).rounded(.up)))
        guard needed <= min(part.count, whole.count) else { return false }
        for k in stride(from: min(part.count, whole.count), through: needed, by: -1) {
            if part.prefix(k).elementsEqual(whole.suffix(k)) || part.suffix(k).elementsEqual(whole.prefix(k)) { return true }
        }
        return false
    }

    /// The longest common subsequence of two word lists over the shorter one's length: how much
    /// of one rendering the other keeps in order. Quotations over 300 words are not compared.
    static func orderedOverlap(_ a: [String], _ b: [String]) -> Double {
        guard !a.isEmpty, !b.isEmpty, a.count <= 300, b.count <= 300 else { return 0 }
        var previous = [Int](repeating: 0, count: b.count + 1)
        var current = previous
        for x in a {
            for (j, y) in b.enumerated() { current[j + 1] = x == y ? previous[j] + 1 : max(previous[j + 1], current[j]) }
            swap(&previous, &current)
        }
        return Double(previous[b.count]) / Double(min(a.count, b.count))
    }

    /// Whether `short` appears word for word, as one run, inside `long`.
    static func isRun(_ short: [String], inside long: [String]) -> Bool {
        guard !short.isEmpty, short.count <= long.count else { return short.isEmpty }
        for start in 0...(long.count - short.count) where long[start] == short[0] {
            if Array(long[start..<(start + short.count)]) == short { return true }
        }
        return false
    }

    // MARK: - Dates

    static let sameDateContext = 0.5

    /// One fact placed on different days by different sources: two closely aligned sentences
    /// (cosine at least ``sameDateContext``) that each name one day (or one weekday when nothing
    /// anchors the story), not the same one, with at least two content words in common near the
    /// date (so two events a compound sentence joins are not taken for one). A sentence naming several days is left out: which
    /// of them dates the fact the text does not say.
    func dates() -> [Disagreement] {
        let articleIndex = Dictionary(sentences.articles.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var found: [Disagreement] = []
        for fact in facts where fact.outlets.count > 1 {
            // The mentions that name exactly one day.
            var dated: [(day: String, when: String, entry: Int, source: String, reference: SourceReference, near: Set<String>)] = []
            for mention in fact.mentions {
                guard let a = articleIndex[mention.article], let entry = entry(holding: mention.span, article: a) else { continue }
                let article = sentences.articles[a]
                let days = article.annotations.times.filter { mention.span.contains($0.span) }.compactMap { time in
                    TimelineBuilder.day(of: time, in: article).map { (day: $0, time: time) }
                }
                guard let first = days.first, days.allSatisfy({ $0.day == first.day }) else { continue }
                dated.append(
                    (
                        first.day, String(article[first.time.span]), entry, sources.source(of: article.id),
                        SourceReference(article: article.id, span: first.time.span),
                        Self.wordsNear(first.time.span, in: article, within: mention.span)
                    ))
            }
            // Two sources, closely aligned, on different days.
            var sides: [(day: String, members: [Int])] = []
            for x in dated.indices {
                for y in dated.indices where y > x && dated[x].source != dated[y].source && dated[x].day != dated[y].day {
                    guard sentences.vectors[dated[x].entry].cosine(sentences.vectors[dated[y].entry]) >= Self.sameDateContext,
                        dated[x].near.intersection(dated[y].near).count >= 2
                    else { continue }
                    for m in [x, y] {
                        if let k = sides.firstIndex(where: { $0.day == dated[m].day }) {
                            if !sides[k].members.contains(m) { sides[k].members.append(m) }
                        } else {
                            sides.append((dated[m].day, [m]))
                        }
                    }
                }
            }
            guard sides.count > 1 else { continue }
            found.append(
                Disagreement(
                    kind: .date, subject: fact.text,
                    sides: sides.map { group in
                        side(text: dated[group.members[0]].when, value: group.day, references: group.members.map { dated[$0].reference })
                    }, note: "The same fact dated to different days by different sources.", facts: [fact.id]))
        }
        return found
    }

    /// Content words within about 60 characters of a span, inside its sentence: what the date is
    /// attached to ("hearing", "bridge" in "a hearing on the bridge on Tuesday").
    static func wordsNear(_ span: TextSpan, in article: Article, within sentence: TextSpan) -> Set<String> {
        let before = TextSpan(start: max(sentence.start, span.start - 60), end: span.start)
        let after = TextSpan(start: span.end, end: min(sentence.end, max(span.end, span.end + 60)))
        return Set((TermVectors.words(article[before]) + TermVectors.words(article[after])).map(StorySentences.fold))
    }

    // MARK: - Denials

    /// Words that turn a statement into its denial ("didn't" is read as "didnt").
    static let negations: Set<String> = [
        "not", "no", "never", "nor", "denied", "denies", "deny", "cannot", "dont", "didnt", "doesnt", "wont", "isnt", "wasnt",
        "arent", "werent", "hasnt", "havent", "hadnt", "couldnt", "wouldnt", "shouldnt",
    ]

    /// Aligned statements that differ in little but a negation: one source says a thing happened,
    /// another that it did not.
    func denials() -> [Disagreement] {
        let articleIndex = Dictionary(sentences.articles.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var found: [Disagreement] = []
        for fact in facts where fact.outlets.count > 1 {
            let mentions = fact.mentions.compactMap { mention -> (words: [String], text: String, reference: SourceReference)? in
                guard let a = articleIndex[mention.article] else { return nil }
                let text = String(sentences.articles[a][mention.span])
                return (Self.wordsOf(text), text, mention)
            }
            let negated = mentions.map { $0.words.contains(where: Self.negations.contains) }
            var pair: (Int, Int)?
            search: for x in mentions.indices where !negated[x] {
                for y in mentions.indices where negated[y] {
                    guard sources.source(of: mentions[x].reference.article) != sources.source(of: mentions[y].reference.article) else { continue }
                    if Self.contentDifference(mentions[x].words, mentions[y].words) <= 2 {
                        pair = (x, y)
                        break search
                    }
                }
            }
            guard let (x, y) = pair else { continue }
            found.append(
                Disagreement(
                    kind: .claim, subject: fact.text,
                    sides: [
                        side(text: mentions[x].text, value: nil, references: [mentions[x].reference]),
                        side(text: mentions[y].text, value: nil, references: [mentions[y].reference]),
                    ], note: "Aligned statements of which one denies what the other says.", facts: [fact.id]))
        }
        return found
    }

    /// Content words in one list and not the other, negations aside.
    static func contentDifference(_ a: [String], _ b: [String]) -> Int {
        let x = Set(a.filter { !negations.contains($0) && !StopWords.english.contains($0) })
        let y = Set(b.filter { !negations.contains($0) && !StopWords.english.contains($0) })
        return x.symmetricDifference(y).count
    }
}
