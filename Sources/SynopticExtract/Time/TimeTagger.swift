import SynopticCore

/// Finds time expressions in an article and writes their calendar values in TimeML's TIMEX3
/// notation, resolving relative ones against an anchor date.
///
/// Rules over the shared tokens, no regular expressions, integer date arithmetic; one pass, each
/// token looked at a bounded number of times, so time is linear in the text.
///
/// Conventions (TimeML / TimeBank, as HeidelTime applies them to news):
/// - **Weekdays** ("Thursday", "on Monday", "Sunday night") resolve by the tense around them: the
///   nearest tense cue in the sentence (within twelve tokens before, eight after) decides. A future
///   cue ("will", "would", "is expected to", "scheduled", "next", a prospective verb before an
///   infinitive, "decided to", "agreed to", or "set for", "planned for") gives the first such day on
///   or after the anchor; anything else (past verbs, the perfect, "said", no cue) the last such day on
///   or before the anchor, since news mostly reports what happened. After the expression only the
///   verb's own tense counts ("On Monday the council voted to close…"). "until" after a verb looks
///   ahead; opening a clause it leaves the tense to the verb. "last Friday" is the last one strictly
///   before the anchor, "next Friday" the first one strictly after; "the previous Friday" is the one
///   before the last day the text named.
/// - **The end of a range** ("between Dec. 14, 2020, and Aug. 8", "from … to/through/until …")
///   written without a year lies on or after the range's start, in the first such year, and counts
///   as explicit: the text dates it, not the anchor.
/// - **A month and day without a year** ("Jan. 12") take the year that puts the date nearest to
///   the anchor; a clear tense moves it a year when the nearest date lies more than four months on
///   the wrong side, and "ended"/"since" just before it keep it on or before the anchor. **A month
///   alone** ("in March") lies on the side of the anchor the tense gives, else it is the nearest
///   such month.
/// - **Seasons** take the anchor's year ("this winter" in January 2022 is `2022-WI`, as HeidelTime
///   writes it); "last winter" is the year before, "next summer" the year after.
/// - **Quarters and halves** ("the third quarter", "third-quarter") take the anchor's year, moved by
///   the tense like months. "the quarter", "the latest quarter" and "a year earlier" in financial
///   copy refer back to the quarter in hand: the latest complete quarter the text named (`1988-Q3`
///   after "the third quarter" of 1989; an earlier quarter named in passing or a forecast quarter
///   does not replace it); with none, the last complete quarter before the anchor. After a span of
///   months to date ("the first nine months") they compare years.
/// - **"N units ago"** counts back from the anchor at the unit's granularity ("two days ago" a day,
///   "six weeks ago" a week, "two months ago" a month, "five years ago" a year); **"N units
///   earlier/later"** counts from the last date the text named, or the anchor when it named none.
/// - **Vague references**: "now", "currently", "current" are `PRESENT_REF`; "recently", "recent",
///   "the past" `PAST_REF`; "the future", "the near term" `FUTURE_REF`. Vague durations are `PXY`,
///   `PXM`, `PXW`, `PXD`, `PXDE` (decades), `PXCE` (centuries); decades with a number are years
///   (`P20Y`), as TimeBank writes them.
/// - A clock time with no day ("at 3 p.m.") takes the day last named in its sentence, else, in a
///   past-tense sentence, the last day the text named, else the anchor; its kind is TIME, as is a
///   day with a part of the day (`2022-01-16TNI`).
/// - "soon" in a future or modal clause, "as soon as possible" and "one day" after a modal are
///   `FUTURE_REF`.
/// - The simple present of a scheduling verb right before a time looks ahead ("the ministers meet
///   separately Monday", "the offer expires Tuesday"), as does what a plan names ("planned a rally
///   on Saturday"). "the quarter ended Sept. 30", when the text named no quarter, is the calendar
///   quarter holding most of the three months before that day.
/// - Not times: the rate of a counted quantity ("four flights a week", "instructions per second"),
///   a fraction ("a quarter of the market"), and a time word capitalized inside a name ("This
///   Week" on ABC, "60 Minutes", "USA Today"), which TimeML leaves unmarked.
///
/// Without an anchor, anything relative gets `value: nil, anchor: nil`: never guessed. Expressions
/// whose value the words fix by themselves (full dates, years, durations, sets, `PRESENT_REF`…)
/// get anchor `.explicit`.
public struct TimeTagger: Sendable {
    public init() {}

    public func tag(_ text: TokenizedText, anchor: TimeAnchor?) -> [TimeExpression] {
        var scan = TimeScan(text: text, anchor: anchor)
        scan.run()
        return scan.results
    }
}

struct TimeScan {
    typealias L = TimeLexicon

    enum Tense { case past, future, unknown }
    enum Source { case explicit, anchor }

    struct Match {
        var end: Int
        var kind: TimeExpression.Kind
        var value: String?
        var source: Source
        var point: TimePoint?
        var setsReference = false
        /// A span of months to date ("the first nine months"): what follows compares years, not quarters.
        var endsQuarter = false
    }

    let text: TokenizedText
    let tokens: [Token]
    /// For numbers and marks, the text as written.
    let lowers: [String]
    let n: Int
    let anchor: TimeAnchor?
    var results: [TimeExpression] = []
    /// The last calendar point the text named (not a deictic one like "yesterday"), for "a year
    /// earlier", "the quarter", "that day".
    var reference: (point: TimePoint, source: Source)?
    /// The last day the text named, with its sentence, for a clock time with no day.
    var lastDay: (sentence: Int, date: CivilDate, source: Source)?
    /// The last full date the text wrote (with its year), as tokens `start..<end`: the start of a
    /// range whose end may leave the year out (``rangeEnd(_:_:_:)``).
    var lastExplicitDay: (start: Int, end: Int, date: CivilDate)?
    /// The last quarter the text named ("the third quarter", "1989-Q3").
    var lastQuarter: (year: Int, quarter: Int, source: Source)?

    init(text: TokenizedText, anchor: TimeAnchor?) {
        self.text = text
        self.tokens = text.tokens
        self.lowers = text.lowers
        self.n = text.tokens.count
        self.anchor = anchor
    }

    mutating func run() {
        var i = 0
        while i < n {
            if isCandidate(i), let m = match(at: i), m.end > i {
                if !isRate(i, m.end) && !isTitle(i, m.end) && !isFraction(i, m.end) { emit(i, m) }
                i = m.end
            } else {
                i += 1
            }
        }
    }

    /// "four flights a week", "24 hours a day", "15 million instructions per second": the rate of a
    /// counted quantity, which TimeML (after TIDES) leaves unmarked, unlike the frequency of an
    /// event ("twice a week", "meets once a month"). `a`/`an`/`per` and one unit, right after a
    /// plural noun that a number a few words before counts.
    func isRate(_ start: Int, _ end: Int) -> Bool {
        let w = low(start)
        guard w == "a" || w == "an" || w == "per", end == start + 2, start >= 2 else { return false }
        let unit = low(start + 1)
        guard L.units[unit] != nil, !unit.endsWith("s") else { return false }
        let noun = low(start - 1)
        guard tokens[start - 1].kind == .word, noun.utf8.count >= 4, noun.endsWith("s"), noun != "times" else { return false }
        for k in max(0, start - 4)...(start - 2) where !isBoundary(k, from: start) {
            if tokens[k].kind == .number || L.cardinals[lowers[k]] != nil { return true }
        }
        return false
    }

    /// "more than a quarter of the market", "three quarters of the staff": a fraction, not a
    /// period. A "quarter" counted by a number, then "of" and a determiner whose noun is no time
    /// ("a quarter of a century" and "three quarters of losses" stay periods).
    func isFraction(_ start: Int, _ end: Int) -> Bool {
        let last = low(end - 1)
        guard last == "quarter" || last == "quarters", low(end) == "of", end - start <= 4, end >= 2 else { return false }
        guard L.fractionDeterminers.contains(low(end + 1)), L.units[low(end + 2)] == nil, low(end + 2) != "fiscal" else { return false }
        return quantity(at: end - 2)?.amount != nil
    }

    /// A time word capitalized where English writes it in lower case is part of a name: a
    /// programme or a paper ("ABC's \"This Week\"", "CBS's \"60 Minutes\"", "USA Today"), which
    /// TimeML leaves unmarked. Either a unit after "this", "last", "next" or a number is
    /// capitalized ("This Week", "60 Minutes"; "day" is left out for "Election Day" and its kin), or
    /// "today", "tonight", "tomorrow", "yesterday" is capitalized right after a capitalized word of
    /// the same sentence. A word all in capitals says nothing ("NEXT WEEK" in a shouted line).
    func isTitle(_ start: Int, _ end: Int) -> Bool {
        let first = low(start)
        if end > start + 1, first == "this" || first == "last" || first == "next" || tokens[start].kind == .number {
            for k in (start + 1)..<end where tokens[k].kind == .word && isCapitalized(k) && !tokens[k].isAllCaps {
                let w = lowers[k]
                if w != "day" && w != "days" && L.units[w] != nil { return true }
            }
        }
        if end == start + 1, first == "today" || first == "tonight" || first == "tomorrow" || first == "yesterday", isCapitalized(start),
            !tokens[start].isAllCaps, start > 0, tokens[start - 1].kind == .word, isCapitalized(start - 1), tokens[start - 1].sentence == tokens[start].sentence
        {
            return true
        }
        return false
    }

    /// Whether an expression may begin at token `i`: a number, a starter word, or a word with a
    /// digit first or a hyphen inside ("1990s", "20th", "third-quarter", "mid-1990s").
    @inline(__always) func isCandidate(_ i: Int) -> Bool {
        switch tokens[i].kind {
        case .number: return true
        case .word:
            // The tokenizer looked the word up in `L.starters` and its kin, and noted its digits
            // and hyphens.
            let token = tokens[i]
            if token.is(.timeStarter) {
                // The commonest starters lead nowhere unless the next word could go on.
                if token.is(.timeDeterminer) {
                    return i + 1 < n && (isCandidate(i + 1) || tokens[i + 1].is(.afterTimeDeterminer))
                }
                return true
            }
            return token.shape.contains(.leadingDigit) || token.shape.contains(.hyphen)
        default: return false
        }
    }

    mutating func emit(_ start: Int, _ m: Match) {
        var m = m
        var end = m.end
        while end > start + 1 && tokens[end - 1].kind != .word && tokens[end - 1].kind != .number { end -= 1 }
        if let date = rangeEnd(start, end, m) {
            m.point = .day(date)
            m.value = TimePoint.day(date).value
            m.source = .explicit
            m.kind = .date
            m.setsReference = true
        }
        let span = TextSpan(start: tokens[start].start, end: tokens[end - 1].end)
        let anchorKind: TimeExpression.Anchor? =
            m.value == nil ? nil : (m.source == .explicit ? .explicit : anchor?.annotationAnchor)
        results.append(TimeExpression(span: span, kind: m.kind, value: m.value, anchor: anchorKind))
        if m.endsQuarter {
            // "the first nine months" are the anchor's year to date.
            lastQuarter = nil
            if let a = anchor { reference = (.year(a.date.year), .anchor) }
        }
        if case .day(let d)? = m.point, m.source == .explicit, m.kind == .date {
            lastExplicitDay = (start, end, d)
        }
        if let p = m.point {
            if m.setsReference { reference = (p, m.source) }
            if let d = p.date { lastDay = (tokens[start].sentence, d, m.source) }
            if m.setsReference, case .quarter(let y, let q) = p {
                // Financial copy reports on its latest complete quarter: an earlier one named in
                // passing ("after a flat second quarter") is a comparison, one not yet over a
                // forecast, and neither takes the place of the quarter in hand.
                let ended = anchor.map { (y, q) < ($0.date.year, TimePoint.quarter(of: $0.date)) } ?? true
                if let held = lastQuarter, (y, q) < (held.year, held.quarter) || !ended {
                } else {
                    lastQuarter = (y, q, m.source)
                }
            }
        }
    }

    /// "between Dec. 14, 2020, and Aug. 8", "from Jan. 3, 2022, to Feb. 1": a month and day
    /// without a year that ends a range whose start the text dates in full lies on or after the
    /// start, in the first such year, whatever the anchor (a story anchor may be the range's start
    /// itself). `nil` unless the expression is such an end.
    func rangeEnd(_ start: Int, _ end: Int, _ m: Match) -> CivilDate? {
        guard m.kind == .date, m.source != .explicit, let first = lastExplicitDay else { return nil }
        if let point = m.point, case .day = point {} else if m.point != nil { return nil }
        // The end names its month and day and no year (read from its words: without an anchor
        // it was not resolved at all).
        let words = start..<end
        guard let month = words.lazy.compactMap({ L.months[self.lowers[$0]] }).first,
            let day = words.lazy.compactMap({ self.digits($0) }).first(where: { (1...31).contains($0) }),
            !words.contains(where: { tokens[$0].kind == .number && lowers[$0].utf8.count == 4 })
        else { return nil }
        // Only a comma and the range's joining word between the two, and the opening word before
        // the start: "between … and", "from … to/through/until".
        var k = first.end
        if k < start, isMark(k, ",") { k += 1 }
        guard k + 1 == start, first.start >= 1 else { return nil }
        let opener = low(first.start - 1)
        let joiner = low(k)
        let joins = opener == "between" ? joiner == "and" : opener == "from" && (joiner == "to" || joiner == "through" || joiner == "until")
        guard joins else { return nil }
        var date = CivilDate(year: first.date.year, month: month, day: day)
        if date < first.date { date = CivilDate(year: first.date.year + 1, month: month, day: day) }
        return date.validated
    }

    // MARK: - Token access

    @inline(__always) func low(_ i: Int) -> String { i >= 0 && i < n ? lowers[i] : "" }

    @inline(__always) func isMark(_ i: Int, _ mark: Unicode.Scalar) -> Bool {
        i >= 0 && i < n && tokens[i].kind == .punctuation && tokens[i].isMark(mark)
    }

    /// A number token of digits only.
    func digits(_ i: Int) -> Int? {
        guard i >= 0 && i < n, tokens[i].kind == .number else { return nil }
        let t = lowers[i]
        guard t.utf8.count <= 9, t.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return Int(t)
    }

    func digitCount(_ i: Int) -> Int { i < n ? text.tokenText(i).utf8.count : 0 }

    /// Whether the tokens at `i` and `j` are in different sentences, or `i` is a sentence mark.
    func isBoundary(_ i: Int, from origin: Int) -> Bool {
        let t = tokens[i]
        if t.kind == .punctuation, t.isMark(".") || t.isMark("!") || t.isMark("?") || t.isMark(";") { return true }
        let s = tokens[origin].sentence
        return s >= 0 && t.sentence >= 0 && s != t.sentence
    }

    func isCapitalized(_ i: Int) -> Bool { i >= 0 && i < n && tokens[i].isCapitalized }

    // MARK: - Tense

    /// The tense word `i` gives. `after` is set when the word follows the expression: then an
    /// infinitive after it ("On Monday the council voted to close the pier") does not carry the
    /// expression ahead, the verb's own tense does.
    func cue(_ i: Int, after: Bool = false) -> Tense? {
        let w = lowers[i]
        guard tokens[i].kind == .word else { return nil }
        let next = low(i + 1)
        // "next to the embassy" is a place.
        if tokens[i].is(.futureCue) && !(w == "next" && next == "to") || w.endsWith("'ll") { return .future }
        // "agreed to buy the line in February": the infinitive's event lies after the verb.
        if !after, next == "to", L.prospectiveVerbs.contains(w) { return .future }
        // "planned for early March", "set for April": a time fixed ahead.
        if !after, next == "for", w == "planned" || w == "scheduled" || w == "set" || w == "slated" || w == "due" { return .future }
        // "protesters planned a large rally on Saturday": what a plan names lies ahead of it.
        if !after, w == "planned" || w == "plan" || w == "plans" || w == "planning" || w == "scheduled",
            ["a", "an", "the", "their", "his", "her", "its", "another"].contains(next)
        {
            return .future
        }
        if w == "until" {
            // After a verb, "until" moves a time ahead ("postponed until Tuesday"); opening a
            // clause ("Until Thursday, they had not…") it leaves the tense to the verb.
            let before = low(i - 1)
            if i == 0 || tokens[i - 1].kind != .word || before == "up" || before == "not" || isBoundary(i - 1, from: i) { return nil }
            return .future
        }
        // The perfect reports the past: "prices have come down", "has risen".
        if w == "has" || w == "have" || w == "'ve" {
            var k = i + 1
            if k < n, tokens[k].kind == .word, low(k).endsWith("ly") || low(k) == "not" || low(k) == "already" || low(k) == "also" { k += 1 }
            let p = low(k)
            if L.irregularParticiples.contains(p) || p.utf8.count >= 4 && p.endsWith("ed") && !L.notPastTense.contains(p) { return .past }
            return nil
        }
        if (w == "set" || w == "going" || w == "plan" || w == "plans" || w == "planning") && low(i + 1) == "to" { return .future }
        if w == "due" && low(i + 1) == "to" && ["is", "are", "be", "'s"].contains(low(i - 1)) { return .future }
        if (w == "is" || w == "are") && low(i + 1) == "to" { return .future }
        // "as soon as", "as early as"
        if (w == "soon" || w == "early") && low(i - 1) == "as" && low(i + 1) == "as" { return .future }
        // The simple present of a scheduled event looks ahead: "the two leaders meet Monday", "the
        // offer expires Friday", "talks resume next month". Only verbs news uses so, in forms that
        // are not nouns too; "did not meet" is past.
        if L.scheduleVerbs.contains(w) {
            // After "to" or "let" the verb before it decides ("had been due to expire Friday").
            return L.notScheduling.contains(low(i - 1)) ? nil : .future
        }
        let isPastCue = tokens[i].is(.pastCue)
        if isPastCue || w.utf8.count >= 5 && w.endsWith("ed") {
            // A participle after a form of "be" or a modal is no past tense ("is heard", "will be
            // named"); after "will" or "to" it is future.
            let before = low(i - 1)
            if ["is", "are", "be", "being", "am", "'s"].contains(before) {
                // "to be published", "will be named"
                let modal = low(i - 2)
                return modal == "to" || modal == "will" || modal == "would" ? .future : nil
            }
            if before == "will" || before == "to" || before == "would" { return .future }
        }
        if isPastCue { return .past }
        // A word in -ed after a determiner or with a negative prefix is an adjective ("a still
        // unspecified date", "the proposed merger").
        if w.utf8.count >= 5 && w.endsWith("ed") && !L.notPastTense.contains(w) && !w.startsWith("un") {
            let before = low(i - 1)
            if ["a", "an", "the", "its", "their", "his", "her", "this", "still", "newly", "recently"].contains(before) { return nil }
            return .past
        }
        return nil
    }

    /// The tense around tokens `start..<end`, read from the verb that governs the expression: the
    /// nearest cue before it in the sentence (within twelve tokens; a future cue under a past
    /// auxiliary, "was expected to", "had been due to", is past), else the nearest after it (within
    /// eight), where a reporting verb ("…, Castro said") belongs to the frame, not the expression.
    func tense(_ start: Int, _ end: Int) -> Tense {
        var i = start - 1
        while i >= 0 && start - i <= 12 && !isBoundary(i, from: start) {
            if start - i > 2, L.scheduleVerbs.contains(lowers[i]) {
                // A scheduling present counts right before the time only ("meet separately
                // Monday"); further off it may be an infinitive ("let the offensive begin as
                // planned Saturday").
                i -= 1
                continue
            }
            if let c = cue(i) {
                if c == .future, low(i + 1) != "for", ["expected", "scheduled", "slated", "set", "due", "supposed"].contains(lowers[i]) {
                    // "was scheduled to expire Friday", "had been due to": a plan in the past.
                    var k = i - 1
                    while k >= 0 && i - k <= 3 && !isBoundary(k, from: start) {
                        let w = lowers[k]
                        if w == "was" || w == "were" || w == "had" || w == "been" { return .past }
                        k -= 1
                    }
                }
                return c
            }
            i -= 1
        }
        var j = end
        let window = opensClause(start, end) ? 16 : 8
        while j < n && j - end < window && !isBoundary(j, from: start) {
            let w = lowers[j]
            if w == "said" || w == "says" || w == "added" || w == "announced" || w == "reported", j + 1 >= n || tokens[j + 1].kind != .word {
                // A trailing attribution ("…, Castro said.") frames the sentence; it does not date it.
                j += 1
                continue
            }
            if let c = cue(j, after: true) { return c }
            j += 1
        }
        return .unknown
    }

    /// Whether the expression is fronted before its clause ("On Tuesday, the National Harbor
    /// Workers Association plans to…"): it opens the sentence, after a preposition or none, and a
    /// comma follows it. The clause's verb then comes after its subject, which can be long, so
    /// `tense` looks further after it.
    func opensClause(_ start: Int, _ end: Int) -> Bool {
        guard end < n, isMark(end, ",") else { return false }
        var s = start
        if s > 0, tokens[s - 1].kind == .word, ["on", "by", "until", "since", "in", "at", "from", "through", "during"].contains(lowers[s - 1]) {
            s -= 1
        }
        return s == 0 || tokens[s - 1].sentence != tokens[s].sentence
    }

    // MARK: - Matching

    func match(at i: Int) -> Match? {
        let w = lowers[i]
        // Approximators ("about", "more than", "at least") count only before a core expression.
        var j = i
        if tokens[i].is(.approximator) {
            // "over", "under", "some", "only", "just" bound amounts only ("over a week"); "over the
            // weekend" leaves them out.
            let amountOnly = w == "over" || w == "under" || w == "some" || w == "only" || w == "just"
            if !amountOnly || quantity(at: i + 1) != nil { j = i + 1 }
        } else if w == "as", low(i + 1) == "soon", low(i + 2) == "as", low(i + 3) == "possible" {
            return vagueRef(i + 4, "FUTURE_REF")
        } else if tokens[i].is(.twoWordApproximatorStart), i + 1 < n, L.twoWordApproximators.contains(w + " " + low(i + 1)) {
            j = i + 2
        } else if w == "no", low(i + 1) == "more" || low(i + 1) == "less", low(i + 2) == "than" {
            j = i + 3
        }
        if j > i, j < n {
            if let m = positioned(at: j) { return m }
            if low(i) == "some" || low(i) == "over" || low(i) == "under" || low(i) == "only" || low(i) == "just" {
                // "some" and "over" also start other phrases: a core must follow directly.
                return nil
            }
        }
        return positioned(at: i)
    }

    /// Position words ("early", "late", "mid", "the end of", "earlier", "later") and a core expression.
    func positioned(at i: Int) -> Match? {
        let w = low(i)
        var j = i
        // A number starts no position phrase: it skips the comparisons (most candidates are numbers).
        // Nor does a word whose first byte begins none of the cases, most words: each case is a
        // call to compare strings. (An ASCII literal of lowercase letters equals no string but
        // its own bytes, so its first byte must be there.)
        let mayPosition: Bool
        switch w.utf8.first {
        case UInt8(ascii: "e")?, UInt8(ascii: "l")?, UInt8(ascii: "m")?, UInt8(ascii: "a")?, UInt8(ascii: "t")?, UInt8(ascii: "y")?:
            mayPosition = true
        default: mayPosition = false
        }
        switch i < n && tokens[i].kind == .word && mayPosition ? w : "" {
        case "early", "late", "mid", "around":
            j = i + 1
            if isMark(j, "-") { j += 1 }
            if w != "around", let part = L.dayParts[low(j)], low(j) != "overnight" {
                // "early morning", "mid afternoon"
                return relative(j + 1, kind: .time) { .dayPart($0, part) }
            }
        case "earlier", "later":
            // "earlier this month", "later Tuesday", "earlier in the day".
            if low(i + 1) == "in" && low(i + 2) == "the" {
                let unit = low(i + 3)
                if unit == "day" || unit == "week" || unit == "month" || unit == "year" {
                    return referencePoint(unitWord: unit, end: i + 4)
                }
                return nil
            }
            j = i + 1
        case "the":
            let next = low(i + 1)
            if (next == "end" || next == "beginning" || next == "start" || next == "middle" || next == "turn" || next == "close"
                || next == "rest" || next == "remainder"), low(i + 2) == "of"
            {
                j = i + 3
                if next == "rest" || next == "remainder" {
                    // "the rest of the year": a duration in TimeML; keep it as the period named.
                    j = i + 3
                }
                if let m = core(at: j, positioned: true) { return m }
                return nil
            }
        case "year", "month", "year-end", "month-end":
            // "year-end", "year end"
            var end = w.endsWith("-end") ? i + 1 : (low(i + 1) == "end" ? i + 2 : i)
            // "by year's end"
            if !w.endsWith("-end"), low(i + 1) == "'s", low(i + 2) == "end" { end = i + 3 }
            if end > i {
                if w.startsWith("year") { return relative(end) { .year($0.year) } }
                return relative(end) { .month(year: $0.year, month: $0.month) }
            }
        default:
            break
        }
        if j > i, j < n, let m = core(at: j, positioned: true) {
            if w == "earlier" || w == "later" {
                // Only deictic cores take "earlier"/"later" before them.
                let c = low(j)
                guard L.deicticAfterEarlierLater.contains(c) || L.weekdays[c] != nil else { return nil }
            }
            return m
        }
        if w == "earlier" || w == "later" || w == "around" { return nil }
        return core(at: i, positioned: false)
    }

    /// The expression proper. `positioned` is set after a position word ("the end of", "early"),
    /// where "the year" and "the month" are points, not durations.
    func core(at i: Int, positioned: Bool) -> Match? {
        guard i < n else { return nil }
        if tokens[i].kind == .number { return numberStart(at: i) }
        let w = lowers[i]
        if w == "the" { return theStart(at: i, positioned: positioned) }
        // One lookup says which readings the word can start; a hyphen or a leading digit adds the
        // word-form readings ("third-quarter", "mid-1990s", "20th").
        let role = L.roles[w] ?? []
        let utf8 = w.utf8
        let formed = utf8.contains(45) || utf8.first.map { $0 >= 48 && $0 <= 57 } == true
        if role.contains(.deictic) || formed, let m = deictic(at: i) { return m }
        // "its fourth quarter"
        if role.contains(.ordinal), let q = L.ordinals[w], q <= 4, low(i + 1) == "quarter" {
            return quarterPoint(q, tense: tense(i, i + 2), end: i + 2)
        }
        if formed, low(i + 1) == "century", let m = decade(at: i) { return m }
        if role.contains(.quantity), let m = quantityStart(at: i) { return m }
        if role.contains(.calendar), let m = calendar(at: i) { return m }
        if role.contains(.weekday), let m = weekdayStart(at: i) { return m }
        if role.contains(.set), let m = setStart(at: i) { return m }
        if role.contains(.vague), let m = vague(at: i) { return m }
        if formed, let m = hyphenated(at: i) { return m }
        return nil
    }

    // MARK: Builders

    func relative(_ end: Int, kind: TimeExpression.Kind = .date, _ make: (CivilDate) -> TimePoint?) -> Match? {
        guard let a = anchor?.date else { return Match(end: end, kind: kind, value: nil, source: .anchor) }
        guard let p = make(a) else { return nil }
        return Match(end: end, kind: p.kind, value: p.value, source: .anchor, point: p)
    }

    func explicit(_ end: Int, _ p: TimePoint) -> Match {
        Match(end: end, kind: p.kind, value: p.value, source: .explicit, point: p, setsReference: true)
    }

    func duration(_ end: Int, _ value: String) -> Match {
        Match(end: end, kind: .duration, value: value, source: .explicit)
    }

    func set(_ end: Int, _ value: String) -> Match {
        Match(end: end, kind: .set, value: value, source: .explicit)
    }

    func vagueRef(_ end: Int, _ value: String) -> Match {
        Match(end: end, kind: .date, value: value, source: .explicit)
    }

    /// A point resolved against the anchor that later "a year earlier" may refer back to.
    func anchoredReference(_ end: Int, _ make: (CivilDate) -> TimePoint?) -> Match? {
        guard var m = relative(end, make) else { return nil }
        m.setsReference = true
        return m
    }

    /// The last point the text named, or the anchor's, at the granularity of `unitWord`.
    func referencePoint(unitWord: String, end: Int) -> Match? {
        if let r = reference {
            let p: TimePoint?
            switch (unitWord, r.point) {
            case ("day", _): p = r.point.date.map { .day($0) }
            case ("year", _): p = r.point.year.map { .year($0) }
            case ("month", .day(let d)), ("month", .dayPart(let d, _)), ("month", .clock(let d, _, _)):
                p = .month(year: d.year, month: d.month)
            case ("month", .month): p = r.point
            case ("week", _): p = r.point.date.map { TimePoint.week(of: $0) }
            default: p = nil
            }
            if let p { return Match(end: end, kind: p.kind, value: p.value, source: r.source, point: p) }
        }
        return relative(end) { a in
            switch unitWord {
            case "day": return .day(a)
            case "week": return TimePoint.week(of: a)
            case "month": return .month(year: a.year, month: a.month)
            default: return .year(a.year)
            }
        }
    }

    // MARK: Dates from the anchor

    /// The year of a month named alone: the last such month on or before the anchor's in the past
    /// tense, the next one on or after it in the future tense, else the anchor's year.
    func monthYear(_ month: Int, _ tense: Tense, _ a: CivilDate) -> Int {
        if month == a.month { return a.year }
        let before = month < a.month ? a.year : a.year - 1
        let after = month > a.month ? a.year : a.year + 1
        switch tense {
        case .past: return before
        case .future: return after
        case .unknown:
            // The nearest such month: "in October" written in January is the October just past,
            // "in February" written in October the one ahead; half a year either way is the past one.
            let ahead = (month - a.month + 12) % 12
            return ahead < 6 ? after : before
        }
    }

    /// A month and day without a year. `behind` is set when the words before it put it in the
    /// past for certain ("the quarter ended Sept. 30", "since Oct. 23").
    func monthDay(_ month: Int, _ day: Int, _ tense: Tense, _ a: CivilDate, behind: Bool = false) -> CivilDate? {
        var best: CivilDate?
        var bestDistance = Int.max
        for y in (a.year - 1)...(a.year + 1) {
            let d = CivilDate(year: y, month: month, day: day)
            guard d.isValid else { continue }
            let distance = abs(d.dayNumber - a.dayNumber)
            if distance < bestDistance {
                best = d
                bestDistance = distance
            }
        }
        // The nearest occurrence: news dates a month and day without a year close to the writing,
        // unless it lies months away on the side the tense rules out ("since the Oct. 23 slaying"
        // written in May).
        guard let date = best else { return nil }
        let distance = date.dayNumber - a.dayNumber
        if behind && distance > 0 { return CivilDate(year: date.year - 1, month: month, day: day).validated ?? date }
        if distance > 120 && tense == .past { return CivilDate(year: date.year - 1, month: month, day: day).validated ?? date }
        if distance < -120 && tense == .future { return CivilDate(year: date.year + 1, month: month, day: day).validated ?? date }
        return date
    }

    /// Whether the word before `i` puts a date at or before the anchor: "ended Sept. 30", "since Oct. 23".
    func isBehind(_ i: Int) -> Bool {
        let w = low(i - 1)
        return w == "ended" || w == "since"
    }

    enum Relation { case onOrBefore, onOrAfter, before, after }

    func weekday(_ wd: Int, _ relation: Relation, _ a: CivilDate) -> CivilDate {
        let diff = wd - a.weekday
        let d: Int
        switch relation {
        case .onOrBefore: d = diff > 0 ? diff - 7 : diff
        case .onOrAfter: d = diff < 0 ? diff + 7 : diff
        case .before: d = diff >= 0 ? diff - 7 : diff
        case .after: d = diff <= 0 ? diff + 7 : diff
        }
        return a.adding(days: d)
    }

    /// The year of a quarter named without one: the anchor's, unless the quarter has not begun by
    /// the anchor and the sentence is not in the future tense (a report on the last fourth quarter).
    /// Financial copy reports on quarters after they end, so even "expects to report third-quarter
    /// earnings" in October is this year's.
    func quarterYear(_ q: Int, _ tense: Tense, _ a: CivilDate) -> Int {
        q > TimePoint.quarter(of: a) && tense != .future ? a.year - 1 : a.year
    }

    /// The quarter financial copy means by "the quarter" or "a year earlier": the last one named,
    /// else the last complete quarter before the anchor.
    func referenceQuarter(_ a: CivilDate) -> (year: Int, quarter: Int) {
        if let q = lastQuarter { return (q.year, q.quarter) }
        return latestQuarter(a)
    }

    /// The last complete quarter before the anchor.
    func latestQuarter(_ a: CivilDate) -> (year: Int, quarter: Int) {
        let current = TimePoint.quarter(of: a)
        return current == 1 ? (a.year - 1, 4) : (a.year, current - 1)
    }

    /// The quarter financial copy is reporting on, when it named one: the last quarter the text
    /// named, if it is of the anchor's year or the year before.
    var quarterInPlay: (year: Int, quarter: Int, source: Source)? {
        guard let q = lastQuarter else { return nil }
        if let a = anchor?.date, q.year < a.year - 1 || q.year > a.year { return nil }
        return q
    }

    // MARK: - Numbers

    /// A cardinal at `i`: digits, number words ("twenty-four", "twenty four"), "a"/"an" (one), or a
    /// vague amount ("several", "a few", "a couple of" is two). `amount` is nil for vague ones.
    func quantity(at i: Int) -> (amount: Double?, end: Int)? {
        guard i < n else { return nil }
        let t = tokens[i]
        if t.kind == .number {
            var text = lowers[i]
            if text.utf8.contains(44) { text = String(text.filter { $0 != "," }) }
            guard !text.utf8.contains(47), !text.utf8.contains(45), var x = Double(text), x < 10_000 else { return nil }
            // "the 1988 quarter": a year, not an amount.
            if lowers[i].utf8.count == 4, (1800...2100).contains(Int(x)) { return nil }
            var end = i + 1
            // "5 1/2"
            if low(end) == "1/2" {
                x += 0.5
                end += 1
            }
            return (x, end)
        }
        let w = lowers[i]
        switch w {
        case "a", "an":
            let next = low(i + 1)
            if next == "few" { return (nil, i + 2) }
            if next == "couple" { return (2, low(i + 2) == "of" ? i + 3 : i + 2) }
            if next == "dozen" { return (12, i + 2) }
            if next == "hundred" { return (100, i + 2) }
            if next == "half" { return (0.5, i + 2) }
            return (1, i + 1)
        case "couple":
            return (2, low(i + 1) == "of" ? i + 2 : i + 1)
        case "half":
            if low(i + 1) == "a" || low(i + 1) == "an" { return (0.5, i + 2) }
            return nil
        default:
            break
        }
        if L.vagueQuantities.contains(w) { return (nil, i + 1) }
        if let v = L.cardinals[w] {
            // "twenty four"
            if v >= 20 && v < 100 && v % 10 == 0, let u = L.cardinals[low(i + 1)], u < 10 { return (Double(v + u), i + 2) }
            return (Double(v), i + 1)
        }
        if let v = Self.hyphenatedCardinal(w) { return (Double(v), i + 1) }
        return nil
    }

    /// "twenty-four" → 24.
    static func hyphenatedCardinal(_ w: String) -> Int? {
        guard w.utf8.contains(45), let dash = w.firstIndex(of: "-") else { return nil }
        guard let tens = L.cardinals[String(w[..<dash])], tens >= 20, tens % 10 == 0, tens < 100,
            let units = L.cardinals[String(w[w.index(after: dash)...])], units < 10
        else { return nil }
        return tens + units
    }

    /// A unit at `i`, allowing one adjective before it ("two more weeks", "three trading days").
    func unit(at i: Int) -> (unit: TimeUnit, plural: Bool, end: Int)? {
        if let u = L.units[low(i)] { return (u, low(i).endsWith("s"), i + 1) }
        if L.unitAdjectives.contains(low(i)), let u = L.units[low(i + 1)],
            low(i + 1).endsWith("s") || low(i - 1) == "a" || low(i - 1) == "an" || low(i - 1) == "one"
        {
            return (u, low(i + 1).endsWith("s"), i + 2)
        }
        return nil
    }

    // MARK: - Starts

    /// A quantity and a unit: a duration ("three days"), a point ("two days ago", "a year
    /// earlier") or a frequency ("once a week" is read at "a").
    func quantityStart(at i: Int) -> Match? {
        guard let q = quantity(at: i), let u = unit(at: q.end) else { return nil }
        // "the league will one day expand": an unspecified future day.
        if low(i) == "one", u.unit == .day, !u.plural, u.end == i + 2, L.modals.contains(low(i - 1)) {
            return vagueRef(i + 2, "FUTURE_REF")
        }
        var end = u.end
        var amount = q.amount
        // "a year and a half"
        if low(end) == "and", low(end + 1) == "a", low(end + 2) == "half", let a = amount {
            amount = a + 0.5
            end += 3
        }
        let next = low(end)
        // Ages are not time expressions.
        if next == "old" || next == "-" && low(end + 1) == "old" { return nil }
        if next == "or" && low(end + 1) == "so" && (low(end + 2) == "ago" || low(end + 2) == "earlier" || low(end + 2) == "later") {
            end += 2
        }
        let direction = low(end)
        if direction == "ago" || direction == "earlier" || direction == "later" || (direction == "from" && low(end + 1) == "now")
            || direction == "hence"
        {
            let stop = direction == "from" ? end + 2 : end + 1
            return shifted(
                amount: amount, unit: u.unit, direction: direction == "ago" || direction == "earlier" ? -1 : 1,
                fromReference: direction == "earlier" || direction == "later", end: stop)
        }
        // Frequencies: "once a week", "$5 a day", "per year" is read elsewhere.
        if low(i) == "a" || low(i) == "an", amount == 1, !u.plural, i > 0 {
            let before = low(i - 1)
            if before == "once" || before == "twice" || before == "times" || tokens[i - 1].kind == .number || before == "million"
                || before == "billion" || before == "percent" || before == "%" || before == "thousand"
            {
                // A rate ("$5 a day", "four flights a week"): TimeBank tags "once a week" and
                // "twice a year" as sets but leaves rates after amounts alone.
                if before == "once" || before == "twice" || before == "times" { return set(end, u.unit.duration(1)) }
                return nil
            }
            if u.unit == .second { return nil }  // "a second betrayal"
        }
        // A lone "a"/"one" before a singular unit that a determiner or preposition does not
        // introduce is still a duration ("for a year", "a week of talks").
        return duration(end, u.unit.duration(amount))
    }

    /// "two days ago", "a year earlier", "three weeks later".
    func shifted(amount: Double?, unit: TimeUnit, direction: Int, fromReference: Bool, end: Int) -> Match? {
        // Hours and minutes "later" are offsets (TimeBank tags them as durations), and so are days
        // and weeks when the text named no day to count from.
        if fromReference && (unit.isClock || (unit == .day || unit == .week) && lastDay == nil) {
            return duration(end - 1, unit.duration(amount))
        }
        guard let amount else {
            return vagueRef(end, direction < 0 ? "PAST_REF" : "FUTURE_REF")
        }
        let k = Int(amount) * direction
        guard amount == amount.rounded() else { return duration(end - 1, unit.duration(amount)) }
        // Financial copy: "a year ago", "a year earlier" after a quarter mean that quarter a year before.
        if unit == .year, let q = quarterInPlay {
            let p = TimePoint.quarter(year: q.year + k, quarter: q.quarter)
            return Match(end: end, kind: .date, value: p.value, source: q.source, point: p)
        }
        if fromReference, unit == .day || unit == .week, let base = lastDay {
            let p = TimePoint.day(base.date.adding(days: unit == .day ? k : 7 * k))
            return Match(end: end, kind: .date, value: p.value, source: base.source, point: p)
        }
        if fromReference, let r = reference {
            var p: TimePoint?
            switch (unit, r.point) {
            case (.year, _): p = r.point.year.map { .year($0 + k) }
            case (.day, .day(let d)): p = .day(d.adding(days: k))
            case (.week, .day(let d)): p = .day(d.adding(days: 7 * k))
            case (.month, .day(let d)): p = .day(d.adding(months: k))
            case (.month, .month(let y, let m)):
                let d = CivilDate(year: y, month: m, day: 1).adding(months: k)
                p = .month(year: d.year, month: d.month)
            case (.decade, _): p = r.point.shifted(years: 10 * k)
            default: p = nil
            }
            if let p { return Match(end: end, kind: p.kind, value: p.value, source: r.source, point: p) }
        }
        return relative(end) { a in
            switch unit {
            case .second, .minute, .hour, .day:
                return .day(unit == .day ? a.adding(days: k) : a)
            case .week: return TimePoint.week(of: a.adding(days: 7 * k))
            case .month:
                let d = a.adding(months: k)
                return .month(year: d.year, month: d.month)
            case .quarter:
                let d = a.adding(months: 3 * k)
                return .quarter(year: d.year, quarter: TimePoint.quarter(of: d))
            case .year: return .year(a.year + k)
            case .decade: return .year(a.year + 10 * k)
            case .century: return .year(a.year + 100 * k)
            }
        }
    }

    /// Expressions that open with a number token: full numeric dates, years, times of day, durations.
    func numberStart(at i: Int) -> Match? {
        // Only number tokens come here.
        let text = lowers[i]
        // 2022-01-12, 2022/01/12, 1/12/2022, 1/12/22
        if text.utf8.contains(45) || text.utf8.contains(47) {
            return numericDate(text, end: i + 1)
        }
        if let m = clockTime(at: i) { return m }
        if let m = quantityStart(at: i) { return m }
        if let v = digits(i) {
            // "12 January 2022", "12 January"
            if (1...31).contains(v), let m = dayMonth(day: v, monthAt: i + 1) { return m }
            if (1...31).contains(v), let m = secondDay(v, at: i) { return m }
            if digitCount(i) == 4, let m = yearStart(at: i, year: v) { return m }
        }
        return nil
    }

    /// "April 24 and 25", "on Jan. 3 or 4": the second day of a pair takes the first one's month
    /// and year. Only a one- or two-digit number right after "and"/"or" that follows a day the
    /// text just named (as `lastDay`, in this sentence), and with no word after it ("24 and 25
    /// people" counts people).
    func secondDay(_ day: Int, at i: Int) -> Match? {
        guard i >= 3, low(i - 1) == "and" || low(i - 1) == "or", digitCount(i) <= 2, let first = digits(i - 2), first < day,
            let last = lastDay, last.sentence == tokens[i].sentence, last.date.day == first
        else { return nil }
        guard L.months[low(i - 3)] != nil || isMark(i - 3, ".") && L.months[low(i - 4)] != nil else { return nil }
        if i + 1 < n, tokens[i + 1].kind == .word || tokens[i + 1].kind == .number { return nil }
        let d = CivilDate(year: last.date.year, month: last.date.month, day: day)
        guard d.isValid else { return nil }
        return Match(end: i + 1, kind: .date, value: TimePoint.day(d).value, source: last.source, point: .day(d), setsReference: true)
    }

    func numericDate(_ text: String, end: Int) -> Match? {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "/" }).map { Int($0) }
        guard parts.count == 3, let a = parts[0], let b = parts[1], let c = parts[2] else { return nil }
        var date: CivilDate
        if text.utf8.first.map({ _ in text.split(whereSeparator: { $0 == "-" || $0 == "/" })[0].count == 4 }) == true {
            date = CivilDate(year: a, month: b, day: c)
        } else if text.contains("/") {
            // US order, as US outlets write it; a two-digit year is 19xx or 20xx, whichever is nearer 2000.
            let year = c < 100 ? (c < 50 ? 2000 + c : 1900 + c) : c
            date = CivilDate(year: year, month: a, day: b)
        } else {
            return nil
        }
        guard date.isValid, (1000...2999).contains(date.year) else { return nil }
        return explicit(end, .day(date))
    }

    /// A four-digit year, when the context says it is one.
    func yearStart(at i: Int, year: Int) -> Match? {
        guard (1000...2999).contains(year) else { return nil }
        let before = low(i - 1)
        if i > 0, tokens[i - 1].kind == .punctuation, ["$", "€", "£", "#", "¥"].contains(lowers[i - 1]) { return nil }
        let next = low(i + 1)
        if next == "%" || next == "percent" || next == "-" && tokens.indices.contains(i + 2) && tokens[i + 2].kind == .number {
            // A range "1998-99" is still a year; "1,500" never reaches here.
            if next == "%" || next == "percent" { return nil }
        }
        let plausible = (1900...2100).contains(year)
        if !plausible && !L.yearLeads.contains(before) { return nil }
        // "2000 troops": a lowercase noun straight after the number counts it.
        if i + 1 < n, tokens[i + 1].kind == .word, !tokens[i + 1].isCapitalized, !L.yearLeads.contains(before) {
            if L.countedNouns.contains(next)
                || (next.endsWith("s") && !next.endsWith("'s") && next.utf8.count > 3
                    && !["was", "has", "is", "this", "as", "its", "levels", "figures", "results", "sales", "earnings", "profits"].contains(next))
            {
                return nil
            }
        }
        // "the 1989 period", "the 1990 third quarter"
        if let m = yearThenPeriod(at: i, year: year) { return m }
        // "1990s"
        return explicit(i + 1, .year(year))
    }

    /// "1989 third quarter", "1988 period", "1990's first half".
    func yearThenPeriod(at i: Int, year: Int) -> Match? {
        var j = i + 1
        if low(j) == "'s" { j += 1 }
        if low(j) == "fiscal" { j += 1 }
        if let q = L.ordinals[low(j)], low(j + 1) == "quarter", q <= 4 { return explicit(j + 2, .quarter(year: year, quarter: q)) }
        if let q = L.ordinals[low(j)], low(j + 1) == "half", q <= 2 { return explicit(j + 2, .half(year: year, half: q)) }
        if let q = Self.ordinalQuarter(low(j)) { return explicit(j + 1, .quarter(year: year, quarter: q)) }
        if low(j) == "quarter" || low(j) == "period" {
            // "the 1988 quarter" after "the third quarter": that quarter of 1988, a comparison that
            // leaves the quarter in hand as it was.
            if let q = lastQuarter {
                var m = explicit(j + 1, .quarter(year: year, quarter: q.quarter))
                m.setsReference = false
                return m
            }
            if case .quarter(_, let q)? = reference?.point { return explicit(j + 1, .quarter(year: year, quarter: q)) }
            if low(j) == "period" { return explicit(j + 1, .year(year)) }
        }
        return nil
    }

    /// "third-quarter" → 3.
    static func ordinalQuarter(_ w: String) -> Int? {
        guard w.endsWith("-quarter") else { return nil }
        let q = L.ordinals[String(w.dropLast(8))]
        return q.flatMap { $0 <= 4 ? $0 : nil }
    }

    /// "12 January", "12 January 2022", "12th of January".
    func dayMonth(day: Int, monthAt j: Int) -> Match? {
        var k = j
        if low(k) == "of" { k += 1 }
        guard let month = L.months[low(k)], isCapitalized(k) else { return nil }
        var end = k + 1
        if L.abbreviatedMonths.contains(low(k)) && isMark(end, ".") { end += 1 }
        if isMark(end, ","), let y = digits(end + 1), digitCount(end + 1) == 4 {
            let d = CivilDate(year: y, month: month, day: day)
            return d.isValid ? explicit(end + 2, .day(d)) : nil
        }
        if let y = digits(end), digitCount(end) == 4 {
            let d = CivilDate(year: y, month: month, day: day)
            return d.isValid ? explicit(end + 1, .day(d)) : nil
        }
        let t = tense(j - 1, end)
        let behind = isBehind(j - 1)
        return anchoredReference(end) { a in monthDay(month, day, t, a, behind: behind).map { .day($0) } }
    }

    /// A day number ("12", "12th").
    func dayNumber(_ i: Int) -> Int? {
        if let v = digits(i), digitCount(i) <= 2, (1...31).contains(v) { return v }
        let w = low(i)
        for suffix in ["st", "nd", "rd", "th"] where w.hasSuffix(suffix) {
            if let v = Int(w.dropLast(2)), (1...31).contains(v) { return v }
        }
        return nil
    }

    /// Month names: "January 12, 2022", "Jan. 12", "January 2022", "January", "Jan. 12-14".
    func calendar(at i: Int) -> Match? {
        let w = low(i)
        guard let month = L.months[w] else {
            if let m = spelledYear(at: i) { return m }
            if let m = holiday(at: i) { return m }
            return nil
        }
        let capitalized = isCapitalized(i)
        var j = i + 1
        let abbreviated = L.abbreviatedMonths.contains(w)
        if abbreviated && isMark(j, ".") { j += 1 }
        if let day = dayNumber(j) {
            guard capitalized else { return nil }
            var end = j + 1
            // A range "Jan. 12-14" keeps its first day.
            if isMark(end, "-"), dayNumber(end + 1) != nil { end += 2 }
            if isMark(end, ","), let y = digits(end + 1), digitCount(end + 1) == 4 {
                let d = CivilDate(year: y, month: month, day: day)
                return d.isValid ? explicit(end + 2, .day(d)) : nil
            }
            if let y = digits(end), digitCount(end) == 4 {
                let d = CivilDate(year: y, month: month, day: day)
                return d.isValid ? explicit(end + 1, .day(d)) : nil
            }
            // A clock time after the day: "Nov. 9 at 3 p.m." stays two expressions.
            let t = tense(i, end)
            let behind = isBehind(i)
            return anchoredReference(end) { a in monthDay(month, day, t, a, behind: behind).map { .day($0) } }
        }
        if abbreviated && !isMark(i + 1, ".") && digits(j) == nil { return nil }
        guard capitalized else { return nil }
        // "January 2022", "January of 2022", "January, 2022"
        var k = j
        if low(k) == "of" || isMark(k, ",") { k += 1 }
        if let y = digits(k), digitCount(k) == 4 { return explicit(k + 1, .month(year: y, month: month)) }
        if let y = spelledYearValue(at: k) { return explicit(y.end, .month(year: y.year, month: month)) }
        // "January this year", "June last year"
        if low(j) == "this" || low(j) == "last" || low(j) == "next", low(j + 1) == "year" {
            let shift = low(j) == "this" ? 0 : (low(j) == "last" ? -1 : 1)
            return anchoredReference(j + 2) { .month(year: $0.year + shift, month: month) }
        }
        // A month alone: an ambiguous word ("May", "March") only after a time word.
        let before = low(i - 1)
        // "the March accession", "a June agreement": a capitalized month between an article and a
        // lower-case word modifies that word, as the verb or modal never would.
        let modifier =
            (before == "the" || before == "a" || before == "an") && i + 1 < n && tokens[i + 1].kind == .word && !isCapitalized(i + 1)
            && !L.functionWordsAfterMonth.contains(low(i + 1))
        if L.ambiguousMonths.contains(w) && !L.monthLeads.contains(before) && !modifier { return nil }
        // "April Glaspie": a month name before another capitalized name is a name.
        if isCapitalized(i + 1) && !L.monthLeads.contains(before) && L.months[low(i + 1)] == nil { return nil }
        let t = tense(i, j)
        return anchoredReference(j) { a in .month(year: monthYear(month, t, a), month: month) }
    }

    /// "nineteen ninety-one", "the year two thousand".
    func spelledYearValue(at i: Int) -> (year: Int, end: Int)? {
        let w = low(i)
        if w == "nineteen" || w == "eighteen" {
            let century = w == "nineteen" ? 1900 : 1800
            let next = low(i + 1)
            if let v = L.cardinals[next], v >= 10 && v < 100 { return (century + v, i + 2) }
            if let v = Self.hyphenatedCardinal(next) { return (century + v, i + 2) }
            return nil
        }
        if w == "two", low(i + 1) == "thousand" {
            var end = i + 2
            var year = 2000
            if low(end) == "and" { end += 1 }
            if let v = L.cardinals[low(end)], v < 20 {
                year += v
                end += 1
            } else if end > i + 2 {
                end -= 1
            }
            return (year, end)
        }
        return nil
    }

    func spelledYear(at i: Int) -> Match? {
        guard low(i) == "nineteen" || (low(i) == "two" && low(i + 1) == "thousand" && low(i - 1) == "year") else { return nil }
        guard let y = spelledYearValue(at: i) else { return nil }
        if low(y.end) == "old" || L.units[low(y.end)] != nil { return nil }
        return explicit(y.end, .year(y.year))
    }

    /// Fixed-date and computed holidays of the US calendar news mostly writes about.
    func holiday(at i: Int) -> Match? {
        let w = low(i)
        var end = i + 1
        var make: ((Int) -> CivilDate?)?
        switch w {
        case "christmas":
            if low(end) == "eve" {
                end += 1
                make = { CivilDate(year: $0, month: 12, day: 24) }
            } else {
                if low(end) == "day" { end += 1 }
                make = { CivilDate(year: $0, month: 12, day: 25) }
            }
        case "thanksgiving":
            if low(end) == "day" { end += 1 }
            make = { y in
                let first = CivilDate(year: y, month: 11, day: 1)
                return first.adding(days: (4 - first.weekday + 7) % 7 + 21)
            }
        case "halloween":
            make = { CivilDate(year: $0, month: 10, day: 31) }
        case "easter":
            if low(end) == "sunday" { end += 1 }
            make = { Self.easter($0) }
            if low(end) == "week" {
                // "Easter week": the week of Easter Sunday, the one nearest the anchor.
                guard isCapitalized(i) else { return nil }
                return relative(end + 1) { a in
                    let candidates = [Self.easter(a.year - 1), Self.easter(a.year), Self.easter(a.year + 1)]
                    let d = candidates.min { abs($0.dayNumber - a.dayNumber) < abs($1.dayNumber - a.dayNumber) } ?? Self.easter(a.year)
                    return TimePoint.week(of: d)
                }
            }
        case "new":
            guard low(i + 1) == "year" || low(i + 1) == "year's", isCapitalized(i) else { return nil }
            end = i + 2
            if low(end) == "'s" { end += 1 }
            if low(end) == "eve" {
                end += 1
                make = { CivilDate(year: $0 - 1, month: 12, day: 31) }
            } else if low(end) == "day" {
                end += 1
                make = { CivilDate(year: $0, month: 1, day: 1) }
            } else {
                return nil
            }
        case "independence":
            guard low(i + 1) == "day" else { return nil }
            end = i + 2
            make = { CivilDate(year: $0, month: 7, day: 4) }
        case "election":
            guard low(i + 1) == "day", isCapitalized(i) else { return nil }
            end = i + 2
            make = { y in
                let first = CivilDate(year: y, month: 11, day: 1)
                let monday = first.adding(days: (1 - first.weekday + 7) % 7)
                return monday.adding(days: 1)
            }
        default:
            return nil
        }
        guard let make, isCapitalized(i) else { return nil }
        if let y = digits(end), digitCount(end) == 4, let d = make(y) { return explicit(end + 1, .day(d)) }
        let t = tense(i, end)
        return anchoredReference(end) { a in
            // The occurrence nearest the anchor, moved by a clear tense.
            var best: CivilDate?
            for y in (a.year - 1)...(a.year + 1) {
                guard let d = make(y) else { continue }
                if best.map({ abs(d.dayNumber - a.dayNumber) < abs($0.dayNumber - a.dayNumber) }) ?? true { best = d }
            }
            if t == .past, let b = best, b > a.adding(days: 7), let d = make(b.year - 1) { best = d }
            if t == .future, let b = best, b < a.adding(days: -7), let d = make(b.year + 1) { best = d }
            return best.map { .day($0) }
        }
    }

    /// Gregorian Easter Sunday (the anonymous algorithm).
    static func easter(_ y: Int) -> CivilDate {
        let a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4
        let f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CivilDate(year: y, month: month, day: day)
    }

    // MARK: Weekdays and times of day

    /// "Thursday", "Sunday night", "Monday, Jan. 10", "Friday morning".
    func weekdayStart(at i: Int) -> Match? {
        guard let wd = L.weekdays[low(i)] else { return nil }
        var j = i + 1
        if isMark(j, ",") { j += 1 }
        // "Monday, Jan. 10[, 2022]": the date decides.
        if L.months[low(j)] != nil, var m = calendar(at: j), m.point?.date != nil {
            m.setsReference = true
            return m
        }
        return weekdayPoint(wd, at: i, relation: nil)
    }

    /// A weekday with an optional part of the day after it, resolved by `relation` or the tense.
    func weekdayPoint(_ wd: Int, at i: Int, relation: Relation?, start: Int? = nil) -> Match? {
        var end = i + 1
        var part: String?
        if let p = L.dayParts[low(end)], low(end) != "overnight" {
            part = p
            end += 1
        }
        // "Wednesday's ruling" names something that has happened.
        let t = low(end) == "'s" ? .past : tense(start ?? i, end)
        let rel = relation ?? (t == .future ? .onOrAfter : .onOrBefore)
        return relative(end, kind: part == nil ? .date : .time) { a in
            let d = weekday(wd, rel, a)
            return part.map { .dayPart(d, $0) } ?? .day(d)
        }
    }

    /// "3 p.m.", "10:30 a.m. EST", "9 a.m. Tuesday", "noon".
    func clockTime(at i: Int) -> Match? {
        guard let h = digits(i), h <= 24 else { return nil }
        var j = i + 1
        var minute = 0
        var hour = h
        var clear = false
        if isMark(j, ":"), let m = digits(j + 1), digitCount(j + 1) == 2, m < 60 {
            minute = m
            j += 2
            clear = true
        }
        let mer = low(j)
        if mer == "a.m." || mer == "a.m" || mer == "am" || mer == "p.m." || mer == "p.m" || mer == "pm" {
            guard h >= 1 && h <= 12 else { return nil }
            let pm = mer.startsWith("p")
            if pm && hour < 12 { hour += 12 }
            if !pm && hour == 12 { hour = 0 }
            j += 1
            if (mer == "a.m" || mer == "p.m") && isMark(j, ".") { j += 1 }
            clear = true
        } else if mer == "o'clock" {
            j += 1
            clear = true
        } else if mer == "in" && low(j + 1) == "the" && (low(j + 2) == "morning" || low(j + 2) == "afternoon" || low(j + 2) == "evening") {
            if low(j + 2) != "morning" && hour < 12 { hour += 12 }
            j += 3
            clear = true
        } else if clear && h > 23 {
            return nil
        }
        guard clear else { return nil }
        if L.timeZones.contains(low(j)) { j += 1 }
        if low(j) == "local" && low(j + 1) == "time" { j += 2 }
        return timeWithDay(hour: hour, minute: minute, at: i, end: j)
    }

    /// A clock time and the day after it, if any ("9 a.m. Tuesday", "3 p.m. yesterday").
    func timeWithDay(hour: Int, minute: Int, at i: Int, end j: Int) -> Match? {
        var k = j
        if isMark(k, ",") || low(k) == "on" { k += 1 }
        if let wd = L.weekdays[low(k)] {
            let t = tense(i, k + 1)
            return relative(k + 1, kind: .time) { a in
                .clock(weekday(wd, t == .future ? .onOrAfter : .onOrBefore, a), hour: hour, minute: minute)
            }
        }
        // "5 p.m. EST Nov. 9"
        if L.months[low(k)] != nil, let m = calendar(at: k), let d = m.point?.date {
            let p = TimePoint.clock(d, hour: hour, minute: minute)
            return Match(end: m.end, kind: .time, value: p.value, source: m.source, point: p)
        }
        let deictic = ["today": 0, "yesterday": -1, "tomorrow": 1]
        if let shift = deictic[low(k)] {
            return relative(k + 1, kind: .time) { .clock($0.adding(days: shift), hour: hour, minute: minute) }
        }
        if let day = lastDay, day.sentence == tokens[i].sentence, day.sentence >= 0 || resultsAreNear(i) {
            let p = TimePoint.clock(day.date, hour: hour, minute: minute)
            return Match(end: j, kind: .time, value: p.value, source: day.source, point: p)
        }
        // A time of day told in the past, with no day beside it, belongs to the last day the text
        // named ("The pier cracked on Jan. 12. … It closed at 3 p.m.").
        if let day = lastDay, tense(i, j) == .past {
            let p = TimePoint.clock(day.date, hour: hour, minute: minute)
            return Match(end: j, kind: .time, value: p.value, source: day.source, point: p)
        }
        return relative(j, kind: .time) { .clock($0, hour: hour, minute: minute) }
    }

    /// Whether the last expression ended within a few tokens of `i` (for texts without sentences).
    func resultsAreNear(_ i: Int) -> Bool {
        guard let last = results.last else { return false }
        var k = i - 1
        var steps = 0
        while k >= 0 && steps < 8 {
            if tokens[k].end <= last.span.end { return true }
            if isBoundary(k, from: i) { return false }
            k -= 1
            steps += 1
        }
        return false
    }

    // MARK: Deictic expressions

    func deictic(at i: Int) -> Match? {
        let w = low(i)
        switch w {
        case "today":
            if let p = L.dayParts[low(i + 1)] {
                return relative(i + 2, kind: .time) { .dayPart($0, p) }
            }
            return relative(i + 1) { .day($0) }
        case "yesterday", "tomorrow":
            let shift = w == "yesterday" ? -1 : 1
            if let p = L.dayParts[low(i + 1)], low(i + 1) != "overnight" {
                return relative(i + 2, kind: .time) { .dayPart($0.adding(days: shift), p) }
            }
            return relative(i + 1) { .day($0.adding(days: shift)) }
        case "tonight":
            return relative(i + 1, kind: .time) { .dayPart($0, "NI") }
        case "overnight":
            return relative(i + 1, kind: .time) { .dayPart($0, "NI") }
        case "noon", "midday", "midnight":
            if low(i - 1) == "high" { return nil }
            let hour = w == "midnight" ? 24 : 12
            return timeWithDay(hour: hour, minute: 0, at: i, end: i + 1)
        case "this", "last", "next", "coming", "past", "previous", "upcoming", "following", "that":
            return thisLastNext(at: i, determiner: nil)
        case "fiscal":
            if let y = digits(i + 1), digitCount(i + 1) == 4 {
                if let m = yearThenPeriod(at: i + 1, year: y) { return m }
                return explicit(i + 2, .year(y))
            }
            if low(i + 1) == "year", let y = digits(i + 2), digitCount(i + 2) == 4 { return explicit(i + 3, .year(y)) }
            return nil
        case "year-earlier", "year-ago", "year-before":
            return yearEarlier(at: i, end: i + 1)
        default:
            if let q = Self.ordinalQuarter(w) {
                // "third-quarter profit"
                let t = tense(i, i + 1)
                return quarterPoint(q, tense: t, end: i + 1)
            }
            if w.endsWith("-half"), let h = L.ordinals[String(w.dropLast(5))], h <= 2 {
                let t = tense(i, i + 1)
                return anchoredReference(i + 1) { a in
                    let y = t == .past && h == 2 && a.month <= 6 ? a.year - 1 : a.year
                    return .half(year: y, half: h)
                }
            }
            return nil
        }
    }

    /// "the year-earlier quarter", "year-ago levels": the reference quarter a year back, or the year
    /// before the reference (the anchor's, with none).
    func yearEarlier(at i: Int, end: Int) -> Match? {
        var j = end
        // "the year-earlier nine months" is a duration.
        if let q = quantity(at: j), let u = unit(at: q.end), low(i) != "a" {
            return duration(u.end, u.unit.duration(q.amount))
        }
        var namesQuarter = false
        if low(j) == "period" || low(j) == "quarter" {
            namesQuarter = low(j) == "quarter"
            j += 1
        }
        if let q = L.ordinals[low(j)], low(j + 1) == "quarter", q <= 4 {
            if let p = quarterInPlay {
                let point = TimePoint.quarter(year: p.year - 1, quarter: q)
                return Match(end: j + 2, kind: .date, value: point.value, source: p.source, point: point)
            }
            return relative(j + 2) { .quarter(year: $0.year - 1, quarter: q) }
        }
        if let p = quarterInPlay {
            let point = TimePoint.quarter(year: p.year - 1, quarter: p.quarter)
            return Match(end: j, kind: .date, value: point.value, source: p.source, point: point)
        }
        if namesQuarter {
            return relative(j) { a in
                let q = latestQuarter(a)
                return .quarter(year: q.year - 1, quarter: q.quarter)
            }
        }
        return relative(j) { .year($0.year - 1) }
    }

    func quarterPoint(_ q: Int, tense t: Tense, end: Int) -> Match? {
        // "the third quarter of 1990"
        if low(end) == "of", let y = digits(end + 1), digitCount(end + 1) == 4 {
            return explicit(end + 2, .quarter(year: y, quarter: q))
        }
        if low(end) == "of" && low(end + 1) == "fiscal", let y = digits(end + 2), digitCount(end + 2) == 4 {
            return explicit(end + 3, .quarter(year: y, quarter: q))
        }
        return anchoredReference(end) { a in .quarter(year: quarterYear(q, t, a), quarter: q) }
    }

    /// "this week", "last month", "next year", "this winter", "last Friday", "this morning",
    /// "this year's third quarter", "last weekend", "the past two years" (with `determiner`).
    func thisLastNext(at i: Int, determiner: Int?) -> Match? {
        var w = low(i)
        var j = i + 1
        // "this past spring" is this year's spring, "this past weekend" the last one.
        if w == "this" && (low(j) == "past" || low(j) == "coming"), L.seasons[low(j + 1)] != nil {
            j += 1
        } else if w == "this" && (low(j) == "past" || low(j) == "coming") {
            w = low(j) == "past" ? "last" : "next"
            j += 1
        }
        let start = determiner ?? i
        let shift: Int
        switch w {
        case "this", "that": shift = 0
        case "last", "past", "previous": shift = -1
        default: shift = 1
        }
        let next = low(j)
        // Durations: "the past two years", "the next few days", "past 12 months", "last three years".
        if w != "this" && w != "that", let q = quantity(at: j), low(j) != "a", low(j) != "an", let u = unit(at: q.end),
            u.plural || q.amount == 1 && low(j) == "one"
        {
            return duration(u.end, u.unit.duration(q.amount))
        }
        // "the past year", "the last week": a duration with the article, a point without.
        if determiner != nil && (w == "past" || w == "last" || w == "next" || w == "coming" || w == "previous" || w == "following") {
            if let u = L.units[next], !next.endsWith("s"), u != .quarter, u != .day {
                if w == "previous" || w == "following" {
                    return shiftedReference(unit: u, by: shift, end: j + 1)
                }
                return duration(j + 1, u.duration(1))
            }
            if next == "day" || next == "morning" || next == "night" || next == "evening" || next == "afternoon" {
                guard w != "past" && w != "last" else { return nil }
                // "the next day", "the following morning": a day after the last one named.
                let base = lastDay ?? anchor.map { (tokens[i].sentence, $0.date, Source.anchor) }
                guard let base else { return Match(end: j + 1, kind: .date, value: nil, source: .anchor) }
                let d = base.1.adding(days: w == "previous" ? -1 : 1)
                let p: TimePoint = next == "day" ? .day(d) : .dayPart(d, L.dayParts[next] ?? "NI")
                return Match(end: j + 1, kind: p.kind, value: p.value, source: base.2, point: p)
            }
        }
        if w == "that" {
            if next == "quarter", let q = lastQuarter {
                let p = TimePoint.quarter(year: q.year, quarter: q.quarter)
                return Match(end: j + 1, kind: .date, value: p.value, source: q.source, point: p)
            }
            guard let u = L.units[next], !next.endsWith("s"), u == .day || u == .year || u == .month || u == .week else { return nil }
            return referencePoint(unitWord: next, end: j + 1)
        }
        if w == "past" || w == "coming" || w == "following" || w == "previous" || w == "upcoming" {
            // Only with an article ("the past", handled above) or before a unit.
            if determiner == nil && (L.units[next] == nil || next.endsWith("s")) { return nil }
        }
        if let wd = L.weekdays[next], determiner != nil, w == "previous" || w == "following", let base = lastDay {
            // "the previous Friday": the one before the last day the text named.
            let d = weekday(wd, w == "previous" ? .before : .after, base.date)
            return Match(end: j + 1, kind: .date, value: TimePoint.day(d).value, source: base.source, point: .day(d))
        }
        if let wd = L.weekdays[next] {
            let relation: Relation? = shift < 0 ? .before : (shift > 0 ? .after : (w == "this" ? nil : .onOrAfter))
            guard var m = weekdayPoint(wd, at: j, relation: relation, start: start) else { return nil }
            if w == "this", relation == nil, anchor != nil {
                // "this Friday" leans to the coming one unless the verb is past.
                let t = tense(start, j + 1)
                m = weekdayPoint(wd, at: j, relation: t == .past ? .onOrBefore : .onOrAfter, start: start) ?? m
            }
            return m
        }
        if let month = L.months[next], isCapitalized(j) {
            var end = j + 1
            if L.abbreviatedMonths.contains(next) && isMark(end, ".") { end += 1 }
            if let day = dayNumber(end), w != "that" {
                // "last Oct. 23": the last such day before the anchor; "next May 2" the first after.
                return anchoredReference(end + 1) { a in
                    var d = CivilDate(year: a.year, month: month, day: day)
                    if shift < 0 && d >= a { d = CivilDate(year: a.year - 1, month: month, day: day) }
                    if shift > 0 && d <= a { d = CivilDate(year: a.year + 1, month: month, day: day) }
                    return d.validated.map { .day($0) }
                }
            }
            return anchoredReference(end) { a in
                switch shift {
                case 0: return .month(year: a.year, month: month)
                case -1: return .month(year: month < a.month ? a.year : a.year - 1, month: month)
                default: return .month(year: month > a.month ? a.year : a.year + 1, month: month)
                }
            }
        }
        if let season = L.seasons[next] {
            return anchoredReference(j + 1) { .season(year: $0.year + shift, season: season) }
        }
        if let part = L.dayParts[next], w == "this" || w == "last" {
            if w == "last" && next != "night" && next != "evening" { return nil }
            return relative(j + 1, kind: .time) { .dayPart($0.adding(days: shift), part) }
        }
        if next == "weekend" {
            let t = tense(start, j + 1)
            return relative(j + 1) { a in
                var saturday: CivilDate
                switch shift {
                case -1: saturday = weekday(6, .before, a)
                case 1: saturday = weekday(6, .after, a)
                default: saturday = weekday(6, t == .future ? .onOrAfter : .onOrBefore, a)
                }
                if a.weekday == 7 && shift == 0 { saturday = a.adding(days: -1) }
                let week = saturday.isoWeek
                return .weekend(year: week.year, week: week.week)
            }
        }
        // "this year's third quarter", "last year's quarter"
        if next == "year", low(j + 1) == "'s" {
            var k = j + 2
            if low(k) == "fiscal" { k += 1 }
            if let q = L.ordinals[low(k)], low(k + 1) == "quarter", q <= 4 {
                return anchoredReference(k + 2) { .quarter(year: $0.year + shift, quarter: q) }
            }
            if let q = Self.ordinalQuarter(low(k)) {
                return anchoredReference(k + 1) { .quarter(year: $0.year + shift, quarter: q) }
            }
            if low(k) == "quarter" || low(k) == "period" {
                return anchoredReference(k + 1) { a in .quarter(year: a.year + shift, quarter: referenceQuarter(a).quarter) }
            }
        }
        guard let u = L.units[next], !next.endsWith("s") else {
            if next == "fiscal", low(j + 1) == "year" {
                return anchoredReference(j + 2) { .year($0.year + shift) }
            }
            return nil
        }
        let end = j + 1
        switch u {
        case .day:
            return w == "this" ? relative(end) { .day($0) } : nil
        case .week:
            return relative(end) { TimePoint.week(of: $0.adding(days: 7 * shift)) }
        case .month:
            return anchoredReference(end) { a in
                let d = a.adding(months: shift)
                return .month(year: d.year, month: d.month)
            }
        case .quarter:
            return anchoredReference(end) { a in
                let d = a.adding(months: 3 * shift)
                return .quarter(year: d.year, quarter: TimePoint.quarter(of: d))
            }
        case .year:
            return anchoredReference(end) { .year($0.year + shift) }
        case .decade:
            return relative(end) { .decade($0.year / 10 + shift) }
        case .century:
            return relative(end) { .century($0.year / 100 + shift) }
        default:
            return nil
        }
    }

    /// "the previous week", "the following year": a unit away from the last point named.
    func shiftedReference(unit: TimeUnit, by k: Int, end: Int) -> Match? {
        if let r = reference {
            var p: TimePoint?
            switch (unit, r.point) {
            case (.year, _): p = r.point.year.map { .year($0 + k) }
            case (.month, .month(let y, let m)):
                let d = CivilDate(year: y, month: m, day: 1).adding(months: k)
                p = .month(year: d.year, month: d.month)
            case (.month, _):
                p = r.point.date.map { d in
                    let s = d.adding(months: k); return .month(year: s.year, month: s.month)
                }
            case (.week, _): p = r.point.date.map { TimePoint.week(of: $0.adding(days: 7 * k)) }
            default: p = nil
            }
            if let p { return Match(end: end, kind: .date, value: p.value, source: r.source, point: p) }
        }
        return relative(end) { a in
            switch unit {
            case .year: return .year(a.year + k)
            case .month:
                let d = a.adding(months: k)
                return .month(year: d.year, month: d.month)
            case .week: return TimePoint.week(of: a.adding(days: 7 * k))
            default: return nil
            }
        }
    }

    // MARK: "the …"

    func theStart(at i: Int, positioned: Bool) -> Match? {
        let w = low(i + 1)
        switch w {
        case "past":
            if let m = thisLastNext(at: i + 1, determiner: i) { return m }
            return vagueRef(i + 2, "PAST_REF")
        case "future":
            return vagueRef(i + 2, "FUTURE_REF")
        case "near", "short":
            if low(i + 2) == "future" || low(i + 2) == "term" { return vagueRef(i + 3, "FUTURE_REF") }
            return nil
        case "present":
            return vagueRef(i + 2, "PRESENT_REF")
        case "last", "next", "coming", "previous", "following", "same", "upcoming":
            if w == "last", low(i + 3) == "of", let y = digits(i + 4), digitCount(i + 4) == 4 {
                // "the last half of 1989", "the last quarter of 1990"
                if low(i + 2) == "half" { return explicit(i + 5, .half(year: y, half: 2)) }
                if low(i + 2) == "quarter" { return explicit(i + 5, .quarter(year: y, quarter: 4)) }
            }
            if w == "last", low(i + 2) == "half", low(i + 3) == "of" {
                // "the last half of the '80s": TimeML writes the decade.
                if let m = decade(at: low(i + 4) == "the" ? i + 5 : i + 4) { return m }
            }
            if w == "same" {
                let u = low(i + 2)
                guard u == "day" || u == "year" || u == "month" || u == "week" else { return nil }
                return referencePoint(unitWord: u, end: i + 3)
            }
            return thisLastNext(at: i + 1, determiner: i)
        case "first", "second", "third", "fourth", "1st", "2nd", "3rd", "4th", "fiscal", "latest", "current", "final", "full":
            return theOrdinal(at: i + 1)
        case "weekend":
            let t = tense(i, i + 2)
            return relative(i + 2) { a in
                let saturday = a.weekday == 7 ? a.adding(days: -1) : weekday(6, t == .future ? .onOrAfter : .onOrBefore, a)
                let week = saturday.isoWeek
                return .weekend(year: week.year, week: week.week)
            }
        case "early", "late":
            // "the early summer", "the late 1990s"
            if let season = L.seasons[low(i + 2)] { return anchoredReference(i + 3) { .season(year: $0.year, season: season) } }
            if let m = decade(at: i + 2) { return m }
            return nil
        case "fiscal-first", "fiscal-second", "fiscal-third", "fiscal-fourth":
            return theOrdinal(at: i + 1)
        case "year-earlier", "year-ago", "comparable", "corresponding", "year-before":
            var j = i + 1
            if w == "comparable" || w == "corresponding" {
                j += 1
                if low(j) == "year-ago" || low(j) == "year-earlier" { j += 1 }
                guard low(j) == "period" || low(j) == "quarter" else { return nil }
                var end = j + 1
                if low(end) == "last" && low(end + 1) == "year" { end += 2 }
                if low(end) == "a" && low(end + 1) == "year" && (low(end + 2) == "earlier" || low(end + 2) == "ago") { end += 3 }
                return yearEarlier(at: i, end: end)
            }
            return yearEarlier(at: i, end: j + 1)
        case "year", "month", "week", "quarter", "day":
            if w == "year", let y = spelledYearValue(at: i + 2) { return explicit(y.end, .year(y.year)) }
            if w == "week", low(i + 2) == "of", L.months[low(i + 3)] != nil, let m = calendar(at: i + 3), let d = m.point?.date {
                // "the week of March 6"
                let p = TimePoint.week(of: d)
                return Match(end: m.end, kind: .date, value: p.value, source: m.source, point: p)
            }
            if positioned {
                // "the end of the year", "the middle of the month": the anchor's.
                return relative(i + 2) { a in
                    switch w {
                    case "year": return .year(a.year)
                    case "month": return .month(year: a.year, month: a.month)
                    case "week": return TimePoint.week(of: a)
                    case "quarter": return .quarter(year: a.year, quarter: TimePoint.quarter(of: a))
                    default: return .day(a)
                    }
                }
            }
            if w == "quarter", lastQuarter == nil, low(i + 2) == "ended" || low(i + 2) == "ending", let m = calendar(at: i + 3),
                case .day(let d)? = m.point
            {
                // "the quarter ended Sept. 30", when the text has named no quarter (a company that
                // wrote "its fiscal first quarter" goes on meaning that one): the calendar quarter
                // that holds most of the three months before that day, that is the quarter of
                // their middle month ("ended July 31" is May to July, the second quarter; a quarter
                // ended Oct. 1 is July to September). The day itself is tagged on its own.
                var month = d.day >= 15 ? d.month - 1 : d.month - 2
                var year = d.year
                if month < 1 {
                    month += 12
                    year -= 1
                }
                let p = TimePoint.quarter(year: year, quarter: (month - 1) / 3 + 1)
                return Match(end: i + 2, kind: p.kind, value: p.value, source: m.source, point: p, setsReference: true)
            }
            if w == "quarter" {
                // "the quarter a year ago": the quarter in hand, a year back.
                if low(i + 2) == "a", low(i + 3) == "year", low(i + 4) == "ago" || low(i + 4) == "earlier" {
                    return yearEarlier(at: i, end: i + 5)
                }
                return relative(i + 2) { a in
                    let q = referenceQuarter(a); return .quarter(year: q.year, quarter: q.quarter)
                }
            }
            if w == "year" {
                // "the year ended Sept. 30", "the year ending in June": the twelve months before a day.
                let after = low(i + 2)
                if after == "ended" || after == "ending" { return duration(i + 2, "P1Y") }
                let before = low(i - 1)
                if before == "during" || before == "over" || before == "throughout" { return duration(i + 2, "P1Y") }
                // "for the year", "the first nine months of the year": the year in hand.
                if before == "for" || before == "of" { return relative(i + 2) { .year($0.year) } }
            }
            return nil
        case "period":
            return nil
        default:
            break
        }
        // "the 1990s", "the nineties", "the '90s", "the 20th century", "the 1989 period"
        if let m = decade(at: i + 1) { return m }
        if let y = digits(i + 1), digitCount(i + 1) == 4, let m = yearThenPeriod(at: i + 1, year: y) { return m }
        if let s = L.seasons[w] {
            // "the summer", "the winter of 1994"
            if low(i + 2) == "of", let y = digits(i + 3), digitCount(i + 3) == 4 { return explicit(i + 4, .season(year: y, season: s)) }
            if low(i + 2) == "of", let y = spelledYearValue(at: i + 3) { return explicit(y.end, .season(year: y.year, season: s)) }
            return anchoredReference(i + 2) { .season(year: $0.year, season: s) }
        }
        if let part = L.dayParts[w], w == "morning" || w == "afternoon" || w == "evening" {
            return relative(i + 2, kind: .time) { .dayPart($0, part) }
        }
        // Durations: "the nine months", "the six months", "the four days".
        if let q = quantity(at: i + 1), low(i + 1) != "a", let u = unit(at: q.end), u.plural {
            return duration(u.end, u.unit.duration(q.amount))
        }
        return nil
    }

    /// "the third quarter [of 1990]", "the first half", "the first nine months", "the fiscal year",
    /// "the latest quarter", "the current year". `i` is the word after "the".
    func theOrdinal(at i: Int) -> Match? {
        var j = i
        var latest = false
        var current = false
        if low(j) == "latest" || low(j) == "final" {
            latest = low(j) == "latest"
            j += 1
        }
        if low(j) == "current" {
            current = true
            j += 1
        }
        if low(j) == "fiscal" || low(j) == "full" { j += 1 }
        if low(j) == "fiscal-first" || low(j) == "fiscal-second" || low(j) == "fiscal-third" || low(j) == "fiscal-fourth",
            low(j + 1) == "quarter", let q = L.ordinals[String(low(j).dropFirst(7))]
        {
            return quarterPoint(q, tense: tense(i, j + 2), end: j + 2)
        }
        if let q = L.ordinals[low(j)] {
            if low(j + 1) == "quarter" && q <= 4 { return quarterPoint(q, tense: tense(i, j + 2), end: j + 2) }
            if low(j + 1) == "half" && q <= 2 {
                if low(j + 2) == "of", let y = digits(j + 3), digitCount(j + 3) == 4 { return explicit(j + 4, .half(year: y, half: q)) }
                let t = tense(i, j + 2)
                return anchoredReference(j + 2) { a in
                    let y = t == .past && q == 2 && a.month <= 6 ? a.year - 1 : a.year
                    return .half(year: y, half: q)
                }
            }
            // "the first nine months"
            if let qn = quantity(at: j + 1), let u = unit(at: qn.end), u.plural {
                var m = duration(u.end, u.unit.duration(qn.amount))
                m.endsQuarter = u.unit == .month && (qn.amount ?? 0) > 3
                return m
            }
            return nil
        }
        let w = low(j)
        if w == "quarter" || w == "period" {
            if current {
                return anchoredReference(j + 1) { a in .quarter(year: a.year, quarter: TimePoint.quarter(of: a)) }
            }
            guard latest || w == "quarter" else { return nil }
            return relative(j + 1) { a in
                let q = latest ? latestQuarter(a) : referenceQuarter(a)
                return .quarter(year: q.year, quarter: q.quarter)
            }
        }
        if w == "year" {
            if current || latest || low(j - 1) == "fiscal" || low(j - 1) == "full" {
                // "the fiscal year ended Jan. 31", "throughout the fiscal year": twelve months.
                let after = low(j + 1), before = low(i - 2)
                if !current && !latest && (after == "ended" || after == "ending" || before == "throughout" || before == "during") {
                    return duration(j + 1, "P1Y")
                }
                return anchoredReference(j + 1) { .year($0.year) }
            }
        }
        if let q = quantity(at: j), let u = unit(at: q.end), u.plural {
            // "the latest nine months"
            var m = duration(u.end, u.unit.duration(q.amount))
            m.endsQuarter = u.unit == .month && (q.amount ?? 0) > 3
            return m
        }
        return nil
    }

    /// "1990s", "the '90s", "the nineties", "the 20th century", "the 1800s".
    func decade(at i: Int) -> Match? {
        let w = low(i)
        if let d = L.decadeWords[w] { return explicit(i + 1, .decade(190 + d)) }
        if tokens.indices.contains(i), tokens[i].kind == .straightQuote || tokens[i].kind == .closeQuote || tokens[i].kind == .openQuote,
            let v = Self.decadeDigits(low(i + 1)), v < 100
        {
            return explicit(i + 2, .decade(190 + v / 10))
        }
        if let v = Self.decadeDigits(w) {
            if v >= 1000 {
                // "the 1800s" is a century, "the 1990s" a decade.
                return explicit(i + 1, v % 100 == 0 && low(i - 1) == "the" ? .century(v / 100) : .decade(v / 10))
            }
        }
        // "the 20th century"
        if low(i + 1) == "century", w.endsWith("th") || w.endsWith("st"), let c = Int(w.dropLast(2)), (1...30).contains(c) {
            return explicit(i + 2, .century(c - 1))
        }
        return nil
    }

    /// "1990s" → 1990, "90s" → 90.
    static func decadeDigits(_ w: String) -> Int? {
        guard w.endsWith("s") else { return nil }
        let body = w.dropLast()
        guard body.count == 4 || body.count == 2, let v = Int(body), v % 10 == 0 else { return nil }
        return v
    }

    // MARK: Hyphenated and prefixed words

    /// "30-year", "two-week", "day-long", "mid-1990s", "mid-November", "late-November", "post-1959".
    func hyphenated(at i: Int) -> Match? {
        let w = low(i)
        if let v = Self.decadeDigits(w), v >= 1000 { return explicit(i + 1, .decade(v / 10)) }
        guard w.utf8.contains(45) else { return nil }
        let parts = w.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        if parts.last == "old" || parts.contains("old") { return nil }
        // Prefixes.
        if parts.count == 2, ["mid", "early", "late", "pre", "post"].contains(parts[0]) {
            let rest = parts[1]
            if let y = Int(rest), rest.count == 4 { return explicit(i + 1, .year(y)) }
            if let v = Self.decadeDigits(rest), v >= 1000 { return explicit(i + 1, .decade(v / 10)) }
            if let month = L.months[rest], !L.abbreviatedMonths.contains(rest) {
                if let y = digits(i + 1), digitCount(i + 1) == 4 { return explicit(i + 2, .month(year: y, month: month)) }
                let t = tense(i, i + 1)
                return anchoredReference(i + 1) { a in .month(year: monthYear(month, t, a), month: month) }
            }
            if let part = L.dayParts[rest] {
                // "mid-afternoon", "mid-afternoon yesterday"
                let shift = ["yesterday": -1, "today": 0, "tomorrow": 1][low(i + 1)]
                return relative(i + (shift == nil ? 1 : 2), kind: .time) { .dayPart($0.adding(days: shift ?? 0), part) }
            }
            return nil
        }
        // "30-year", "two-year", "five-hour", "10-day"
        if parts.count == 2, let u = L.units[parts[1]], !parts[1].endsWith("s") {
            let amount: Double? = Double(parts[0]) ?? L.cardinals[parts[0]].map(Double.init)
            if let amount, amount > 0 { return duration(i + 1, u.duration(amount)) }
            return nil
        }
        if parts.count == 3, let u = L.units[parts[2]], !parts[2].endsWith("s"), let t = L.cardinals[parts[0]], let o = L.cardinals[parts[1]],
            t >= 20, o < 10
        {
            return duration(i + 1, u.duration(Double(t + o)))
        }
        // "day-long", "decades-long", "year-long"
        if parts.count == 2, parts[1] == "long", let u = L.units[parts[0]] {
            return duration(i + 1, u.duration(parts[0].endsWith("s") ? nil : 1))
        }
        return nil
    }

    // MARK: Sets and vague references

    func setStart(at i: Int) -> Match? {
        let w = low(i)
        if let v = L.frequencyAdverbs[w] { return set(i + 1, v) }
        if let wd = L.pluralWeekdays[w], isCapitalized(i) {
            return set(i + 1, "XXXX-WXX-\(wd)")
        }
        guard w == "every" || w == "each" || w == "per" else { return nil }
        var j = i + 1
        var amount: Double = 1
        if low(j) == "other" {
            amount = 2
            j += 1
        } else if let q = quantity(at: j), let a = q.amount, low(j) != "a", unit(at: q.end) != nil {
            amount = a
            j = q.end
        }
        if let u = L.units[low(j)] { return set(j + 1, u.duration(amount)) }
        if let wd = L.weekdays[low(j)] {
            if let p = L.dayParts[low(j + 1)] { return set(j + 2, "XXXX-WXX-\(wd)T\(p)") }
            return set(j + 1, "XXXX-WXX-\(wd)")
        }
        if let m = L.months[low(j)], isCapitalized(j), w != "per" { return set(j + 1, "XXXX-" + CivilDate.pad(m, 2)) }
        if let s = L.seasons[low(j)], w != "per" { return set(j + 1, "XXXX-" + s) }
        if let p = L.dayParts[low(j)], w != "per" { return set(j + 1, "XXXX-XX-XXT" + p) }
        if low(j) == "annum" { return set(j + 1, "P1Y") }
        return nil
    }

    func vague(at i: Int) -> Match? {
        switch low(i) {
        case "now":
            if low(i - 1) == "right" { return nil }
            return vagueRef(i + 1, "PRESENT_REF")
        case "right":
            return low(i + 1) == "now" ? vagueRef(i + 2, "PRESENT_REF") : nil
        case "currently", "nowadays":
            return vagueRef(i + 1, "PRESENT_REF")
        case "current":
            // "the current account" and the like are not times; "current" before a time unit is read elsewhere.
            return vagueRef(i + 1, "PRESENT_REF")
        case "these":
            return low(i + 1) == "days" ? vagueRef(i + 2, "PRESENT_REF") : nil
        case "soon":
            // "will soon begin", "may soon seek": an unspecified time ahead. "soon after the vote"
            // and "as soon as Tuesday" lean on another time; "was soon released" is past.
            let next = low(i + 1)
            if next == "after" || next == "afterward" || next == "afterwards" || next == "thereafter" || next == "as" { return nil }
            if low(i - 1) == "as" || low(i - 1) == "too" || low(i - 1) == "how" { return nil }
            return L.modals.contains(low(i - 1)) || tense(i, i + 1) == .future ? vagueRef(i + 1, "FUTURE_REF") : nil
        case "recently", "lately":
            return vagueRef(i + 1, "PAST_REF")
        case "recent":
            if let u = L.units[low(i + 1)], low(i + 1).endsWith("s") { return duration(i + 2, u.duration(nil)) }
            return vagueRef(i + 1, "PAST_REF")
        case "future":
            if L.units[low(i + 1)] != nil, low(i + 1).endsWith("s") { return vagueRef(i + 2, "FUTURE_REF") }
            return nil
        case "coming", "upcoming":
            if let u = L.units[low(i + 1)], low(i + 1).endsWith("s") { return duration(i + 2, u.duration(nil)) }
            return nil
        case "years", "months", "weeks", "decades", "centuries":
            guard let u = L.units[low(i)] else { return nil }
            if low(i + 1) == "old" || low(i + 1) == "ago" {
                return low(i + 1) == "ago" ? vagueRef(i + 2, "PAST_REF") : nil
            }
            return duration(i + 1, u.duration(nil))
        default:
            return nil
        }
    }
}

extension CivilDate {
    /// The date when it is a real one (not Feb. 29 of a common year).
    var validated: CivilDate? { isValid ? self : nil }
}
