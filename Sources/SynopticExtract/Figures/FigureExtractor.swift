import SynopticCore

/// Finds figures — numbers with the thing they count, their hedge, unit and source — in an
/// article's tokens.
///
/// Conventions, so that a later stage can compare figures across outlets:
///
/// - `span` covers the hedge, the currency sign, the number, its scale word and its unit
///   ("more than 100,000", "$2.5 billion", "12 percent"); for a hyphenated compound it covers
///   the digits only ("57" in "57-country").
/// - `value` is normalised: separators dropped, scale applied ("1.5 billion" → 1.5e9, "2.5bn"
///   → 2.5e9, "a dozen" → 12, "half a million" → 500,000). Vague plurals take the least value
///   the plural allows, hedged `atLeast`: "dozens" 24, "hundreds" 200, "thousands" 2,000,
///   "tens of thousands" 20,000, "hundreds of thousands" 200,000, "millions" 2 million.
/// - A range ("10 to 15", "10-15", "between 10 and 15") is one figure whose value is the lower
///   bound, hedged `atLeast`, its span covering both ends. "from 10 to 15" is a change, not a
///   range: two figures.
/// - `unit` is a currency code ("USD", "EUR", "GBP", "RUB"…), "percent", "percentage point", or a
///   canonical measure ("km", "mile", "ton", "kg", "barrel"…); "pounds" without "£" or "sterling"
///   are weight ("lb").
/// - `counts` is the head noun phrase of what is counted, as written, with leading modifiers
///   that do not change the thing counted left out: nationality and other capitalised modifiers
///   ("106,000 Russian troops" → "troops"), and words like "more", "additional", "other", "new".
///   Lowercase compound modifiers stay ("combat troops", "civilian deaths"). Its last word is the
///   head. It is found after the number ("1,500 tanks"), after "of" ("thousands of troops",
///   "100,000 of its troops", "300 tons of grain", "12 percent of voters"), after "in" or
///   "worth of" for money ("$2.5 billion in aid", but not "in the first quarter" or "in
///   response"), or after the figure when it modifies a noun
///   ("a $2.5 billion aid package" → "aid package", "a 100,000-strong force" → "force").
///   Without a unit the head must look plural (or the value be one), which keeps verbs out
///   ("the two met" has no `counts`).
/// - A hyphenated compound "N-noun" counts that noun: "a 57-country body" → value 57, counts
///   "country body" (the compound's noun first, then the noun it modifies when lowercase);
///   "the 57-country Organization for …" → counts "country". With a unit as the compound's noun
///   ("a 40-mile convoy") the unit is set and `counts` is the modified noun ("convoy").
/// - `sourceSpan` is the subject of the nearest speech or estimation verb in the sentence
///   ("Ukraine said", "U.S. officials estimate", "according to the Pentagon" → "Pentagon"), with
///   its determiner left out; a verb after the figure counts only when its clause is set off
///   ("…, the Pentagon said"). Pronouns ("he said") are kept as written.
///
/// Left out on purpose: years ("in 2014", "its 1997 boundaries", "2014-15"), dates ("Jan. 12",
/// "12 January"), times ("3 p.m.", "10:30"), ordinals ("12th"), labels ("Article 5", "page 3",
/// "No. 10", "Card 1 of 5", "Flight 370"), phone-like and very long digit strings, numbers in
/// words ("COVID-19", "F-16", "G7"), scores ("3-1", "5-to-4"), ratios ("one in five", "three of
/// four voters", "9/11"), ages ("a 10-year-old", "Smith, 30,", "aged 30") and durations ("30
/// years", "a 24-hour truce": time expressions cover them), the lone "one" (a determiner or
/// pronoun far more often than a count),
/// capitalised number words inside a sentence ("Group of Seven", "Formula One"), and numbers
/// written in words that count nothing ("the two met").
public struct FigureExtractor: Sendable {
    public init() {}

    public func figures(in text: TokenizedText) -> [Figure] {
        FigureScanner(text).scan()
    }
}

/// A number as written, before its context is read.
struct NumberCore {
    var value: Double
    /// First and last token (inclusive).
    var first: Int
    var last: Int
    /// Scalar offsets of the number as written.
    var start: Int
    var end: Int
    var isDigits = true
    /// Digits only, no separators or decimals ("1997", not "1,997" or "19.97").
    var plainInteger = false
    var digitCount = 0
    var fromWords = false
    var scaled = false
    var vague = false
    var unit: String?
    var approximation: Figure.Approximation?
    /// The noun inside a compound ("country" in "57-country").
    var compound: TextSpan?
    /// "100,000-strong": counts the noun it modifies.
    var strong = false
    /// Upper end of a range written as one token ("10-15").
    var upper: Double?

    var isYearLike: Bool { plainInteger && digitCount == 4 && value >= 1000 && value <= 2100 && !scaled }
}

struct FigureScanner {
    let text: TokenizedText
    let tokens: [Token]
    let lowers: [String]
    let scalars: [Unicode.Scalar]
    let n: Int
    let starterPrefixes = FigureLexicon.starterPrefixes

    init(_ text: TokenizedText) {
        self.text = text
        self.tokens = text.tokens
        self.lowers = text.lowers
        self.scalars = text.scalars
        self.n = text.tokens.count
    }

    enum Outcome {
        case figure(Figure, next: Int)
        case skip(next: Int)
    }

    func scan() -> [Figure] {
        var figures: [Figure] = []
        var i = 0
        while i < n {
            guard isCandidate(i) else {
                i += 1
                continue
            }
            switch figure(at: i) {
            case .figure(let figure, let next):
                figures.append(figure)
                i = max(next, i + 1)
            case .skip(let next):
                i = max(next, i + 1)
            }
        }
        return figures
    }

    // MARK: Token helpers

    @inline(__always) func lower(_ j: Int) -> String { j >= 0 && j < n ? lowers[j] : "" }

    @inline(__always) func isWord(_ j: Int) -> Bool { j >= 0 && j < n && tokens[j].kind == .word }

    func startsWithDigit(_ j: Int) -> Bool {
        guard j >= 0 && j < n, tokens[j].kind == .word else { return false }
        return ScalarClass.isDigit(scalars[tokens[j].start])
    }

    func hasDigit(_ j: Int) -> Bool {
        for k in tokens[j].start..<tokens[j].end where ScalarClass.isDigit(scalars[k]) { return true }
        return false
    }

    func isMark(_ j: Int, _ marks: Set<String>) -> Bool {
        j >= 0 && j < n && tokens[j].kind != .word && tokens[j].kind != .number && marks.contains(lowers[j])
    }

    func currencySymbol(_ j: Int) -> String? {
        guard j >= 0 && j < n, tokens[j].kind == .punctuation, tokens[j].end - tokens[j].start == 1 else { return nil }
        // "$" is the only ASCII symbol among them: the commas and periods met on every sentence
        // need no hashing.
        let symbol = scalars[tokens[j].start]
        guard symbol.value >= 0x80 || symbol == "$" else { return nil }
        return FigureLexicon.currencySymbols[symbol]
    }

    func isCandidate(_ i: Int) -> Bool {
        let t = tokens[i]
        switch t.kind {
        case .number: return true
        case .punctuation: return currencySymbol(i) != nil
        case .word:
            let length = t.end - t.start
            let a = scalars[t.start].value
            if a >= 0x80 { return ScalarClass.isDigit(scalars[t.start]) }
            if a >= 0x30 && a <= 0x39 { return true }
            if length > 13 { return false }
            if length == 3 && a <= 0x5A, t.is(.currencyCode) { return t.isAllCaps }
            // Most words are ruled out by their trait bit, the tokenizer's lookup; the two-letter
            // table then rules out what it did before the bit was there (nothing the bit keeps,
            // but it is kept so the answer stays the one it was).
            guard t.is(.figureStarter) else { return false }
            let b = length > 1 ? scalars[t.start + 1].value | 0x20 : 0
            guard b < 0x80, starterPrefixes[Int(a | 0x20) << 7 | Int(b)] else { return false }
            // "a dozen", "a million", "half a million": the common "a" needs its scale word.
            if lowers[i] == "a" || lowers[i] == "an" {
                let next = lower(i + 1)
                return next == "dozen" || next == "hundred" || FigureLexicon.scales[next] != nil
            }
            if lowers[i] == "half" { return lower(i + 1) == "a" || lower(i + 1) == "an" }
            return true
        default: return false
        }
    }

    /// Whether the token ends a sentence (for text given as one sentence).
    func isTerminal(_ j: Int) -> Bool {
        let t = tokens[j]
        guard t.kind == .punctuation, t.isMark(".") || t.isMark("!") || t.isMark("?") else { return false }
        if t.isMark("."), j > 0, tokens[j - 1].end == t.start, tokens[j - 1].kind == .word,
            FigureLexicon.abbreviations.contains(lowers[j - 1]) || tokens[j - 1].end - tokens[j - 1].start == 1
        {
            return false
        }
        return true
    }

    /// The tokens of the sentence around token `i`, at most 80 either way.
    func sentence(around i: Int) -> Range<Int> {
        let s = tokens[i].sentence
        var lo = 0
        var hi = n
        if s >= 0 && s < text.sentenceTokens.count {
            lo = text.sentenceTokens[s].lowerBound
            hi = text.sentenceTokens[s].upperBound
        }
        var a = i
        while a > lo && i - a < 80 && tokens[a - 1].sentence == s && !isTerminal(a - 1) { a -= 1 }
        var b = i + 1
        while b < hi && b - i < 80 && tokens[b].sentence == s && !isTerminal(b) { b += 1 }
        return a..<b
    }

    // MARK: One figure

    func figure(at i: Int) -> Outcome {
        let clause = sentence(around: i)
        var first = i
        var currency: String?
        var k = i
        let t = tokens[i]

        // A currency sign or code before the number.
        if let symbol = currencySymbol(i) {
            guard i + 1 < clause.upperBound, tokens[i + 1].start - t.end <= 1,
                tokens[i + 1].kind == .number || startsWithDigit(i + 1)
            else { return .skip(next: i + 1) }
            currency = symbol
            k = i + 1
            if symbol == "USD", i > 0, tokens[i - 1].end == t.start, tokens[i - 1].kind == .word,
                let prefixed = FigureLexicon.dollarPrefixes[lowers[i - 1]]
            {
                currency = prefixed
                first = i - 1
            }
        } else if t.kind == .word, t.isAllCaps, let code = FigureLexicon.currencyCodes[lowers[i]] {
            guard i + 1 < clause.upperBound, tokens[i + 1].kind == .number else { return .skip(next: i + 1) }
            currency = code
            k = i + 1
        }

        guard var core = parseCore(at: k, in: clause, currency: currency != nil) else { return .skip(next: k + 1) }
        if excluded(core, first: first, in: clause, currency: currency != nil) { return .skip(next: core.last + 1) }
        var spanStart = tokens[first].start
        if first == k { spanStart = core.start }
        var spanEnd = core.end
        var last = core.last

        // A scale word written apart ("1.5 billion", "2.5 bn").
        if core.isDigits, core.compound == nil, !core.strong, !core.scaled, last + 1 < clause.upperBound,
            tokens[last + 1].kind == .word
        {
            let w = lowers[last + 1]
            if let s = FigureLexicon.scales[w] ?? FigureLexicon.shortScales[w] ?? (currency != nil && w == "m" ? 1e6 : nil) {
                core.value = scaledValue(core.value, s)
                core.scaled = true
                last += 1
                spanEnd = tokens[last].end
            }
        }

        // Hedge before the figure.
        var approximation: Figure.Approximation? = core.approximation
        var firstToken = first
        if let (hedge, hedgeFirst) = hedge(before: first, in: clause) {
            approximation = hedge
            spanStart = tokens[hedgeFirst].start
            firstToken = hedgeFirst
        }

        // Range: "10 to 15", "10–15", "between 10 and 15"; "from 10 to 15" is a change.
        var isRange = core.upper != nil
        if core.upper == nil, core.compound == nil, !core.vague, last + 2 < clause.upperBound {
            let link = tokens[last + 1]
            // A dash between numbers with no space around it ("10–15", "3–1").
            let isDash =
                link.kind == .punctuation && (link.isMark("-") || link.isMark("–")) && link.start == tokens[last].end
                && tokens[last + 2].start == link.end
            let isTo = lowers[last + 1] == "to" && lower(first - 1) != "from"
            let isAnd = lowers[last + 1] == "and" && lower(first - 1) == "between"
            if isDash || isTo || isAnd, var second = parseCore(at: last + 2, in: clause, currency: currency != nil),
                second.compound == nil, !second.strong, second.isDigits == core.isDigits
            {
                if second.isDigits, !second.scaled, second.last + 1 < clause.upperBound,
                    let s = FigureLexicon.scales[lower(second.last + 1)] ?? FigureLexicon.shortScales[lower(second.last + 1)]
                {
                    second.value = scaledValue(second.value, s)
                    second.scaled = true
                    second.last += 1
                    second.end = tokens[second.last].end
                }
                var low = core.value
                if !core.scaled && second.scaled, let s = scaleOf(second), core.value * s <= second.value { low = scaledValue(low, s) }
                if low < second.value, !(core.isYearLike && second.isYearLike) {
                    core.value = low
                    isRange = true
                    last = second.last
                    spanEnd = second.end
                    if core.unit == nil { core.unit = second.unit }
                    if isAnd && approximation == nil {
                        spanStart = tokens[first - 1].start
                        firstToken = first - 1
                    }
                } else if isDash {
                    // A score or a date: "3–1", "12–3".
                    return .skip(next: second.last + 1)
                }
            }
        }
        if isRange && approximation == nil { approximation = .atLeast }
        if core.vague && approximation == nil { approximation = .atLeast }

        // Unit after the number.
        var unit = currency ?? core.unit
        if core.compound == nil && !core.strong, let (u, unitLast) = unitAfter(last, in: clause) {
            if unit == nil || (FigureLexicon.currencyUnits.contains(u) && currency == nil) {
                unit = u
            }
            last = unitLast
            spanEnd = tokens[last].end
        }

        // Postposed hedge: "100,000 or more", "100 or so".
        if last + 2 < clause.upperBound, lower(last + 1) == "or" {
            let w = lower(last + 2)
            var post: Figure.Approximation?
            if w == "more" { post = .atLeast } else if w == "so" { post = .about } else if w == "fewer" || w == "less" { post = .upTo }
            if let post {
                if approximation == nil || isRange || core.vague { approximation = post }
                last += 2
                spanEnd = tokens[last].end
            }
        }

        // Year-like numbers are years unless something makes them a quantity.
        if core.isYearLike && !isRange {
            let nounAfter = isWord(last + 1) && !tokens[last + 1].isCapitalized && isPluralHead(last + 1)
            let quantity =
                currency != nil || unit != nil || core.strong || core.compound != nil || (approximation != nil && nounAfter)
                || yearLikeCounts(core, in: clause)
            if !quantity { return .skip(next: core.last + 1) }
        }

        // What is counted.
        let counted = countedPhrase(core: core, first: first, last: last, unit: unit, currency: currency != nil, in: clause)
        if let counted {
            let head = lowers[counted.headToken]
            if unit == nil && FigureLexicon.timeUnits.contains(head) && counted.compoundOnly == false {
                return .skip(next: last + 1)
            }
        }
        if core.fromWords && !core.scaled && !core.vague && counted == nil && unit == nil { return .skip(next: last + 1) }
        // "100,000 soldiers or more": the hedge after what is counted (the span stays the number's).
        if let counted, approximation == nil || isRange || core.vague, lower(counted.lastToken + 1) == "or",
            counted.lastToken + 2 < clause.upperBound
        {
            switch lower(counted.lastToken + 2) {
            case "more": approximation = .atLeast
            case "fewer", "less": approximation = .upTo
            case "so": approximation = .about
            default: break
            }
        }

        var figure = Figure(
            span: TextSpan(start: spanStart, end: max(spanStart, spanEnd)), value: core.value, approximation: approximation,
            unit: unit)
        if let counted {
            figure.countsSpan = counted.span
            figure.counts = text[counted.span]
        }
        let figureTokens = firstToken...max(last, counted?.lastToken ?? last)
        figure.sourceSpan = source(for: figureTokens, in: clause)
        return .figure(figure, next: last + 1)
    }

    /// A decimal times a scale word, rounded to a whole number so that "1.7 billion" is 1.7e9
    /// exactly rather than the binary product.
    func scaledValue(_ value: Double, _ scale: Double) -> Double {
        let product = value * scale
        return product >= 1 ? product.rounded() : product
    }

    func scaleOf(_ core: NumberCore) -> Double? {
        guard core.scaled else { return nil }
        let w = lower(core.last)
        return FigureLexicon.scales[w] ?? FigureLexicon.shortScales[w]
    }

    // MARK: The number itself

    struct DigitRun {
        var value: Double
        var digits: Int
        var separators: Bool
    }

    /// Digits with thousands separators and a decimal point; `nil` when malformed or longer than
    /// a double holds exactly.
    func digitRun(_ a: Int, _ b: Int) -> DigitRun? {
        var whole: Double = 0
        var fraction: Double = 0
        var place: Double = 0.1
        var inFraction = false
        var digits = 0
        var separators = false
        var group = 0
        var sawComma = false
        for k in a..<b {
            let s = scalars[k]
            if let d = digitValue(s) {
                digits += 1
                if digits > 15 { return nil }
                if inFraction {
                    fraction += d * place
                    place /= 10
                } else {
                    whole = whole * 10 + d
                    group += 1
                }
            } else if s == "," {
                if inFraction || (sawComma && group != 3) || group == 0 || group > 3 { return nil }
                sawComma = true
                separators = true
                group = 0
            } else if s == "." {
                if inFraction || (sawComma && group != 3) { return nil }
                inFraction = true
                separators = true
            } else {
                return nil
            }
        }
        if digits == 0 || (sawComma && !inFraction && group != 3) { return nil }
        return DigitRun(value: whole + fraction, digits: digits, separators: separators)
    }

    @inline(__always) func digitValue(_ s: Unicode.Scalar) -> Double? {
        let v = s.value
        if v >= 0x30 && v <= 0x39 { return Double(v - 0x30) }
        if v < 0x80 { return nil }
        guard s.properties.numericType == .decimal, let value = s.properties.numericValue else { return nil }
        return value
    }

    func parseCore(at k: Int, in clause: Range<Int>, currency: Bool) -> NumberCore? {
        guard k < clause.upperBound else { return nil }
        let t = tokens[k]
        switch t.kind {
        case .number: return parseNumberToken(k)
        case .word:
            if ScalarClass.isDigit(scalars[t.start]) { return parseDigitWord(k, in: clause, currency: currency) }
            return parseWords(at: k, in: clause)
        default: return nil
        }
    }

    /// "106,000", "1.5", "10-15"; dates and phone numbers fail.
    func parseNumberToken(_ k: Int) -> NumberCore? {
        let t = tokens[k]
        var dash = -1
        for j in t.start..<t.end {
            let s = scalars[j]
            if s == "/" { return nil }
            if s == "-" || s == "\u{2010}" || s == "\u{2011}" {
                if dash >= 0 { return nil }
                dash = j
            }
        }
        // Leading zeros make a code, not a count ("007", "000" in "106 000").
        if t.end - t.start > 1, scalars[t.start] == "0", ScalarClass.isDigit(scalars[t.start + 1]) { return nil }
        if dash < 0 {
            guard let run = digitRun(t.start, t.end) else { return nil }
            return NumberCore(
                value: run.value, first: k, last: k, start: t.start, end: t.end, plainInteger: !run.separators,
                digitCount: run.digits)
        }
        guard let low = digitRun(t.start, dash), let high = digitRun(dash + 1, t.end) else { return nil }
        // Year spans ("2014-15", "1939-1945") and phone numbers ("555-1234").
        if !low.separators && low.digits == 4 && low.value >= 1000 && low.value <= 2100 { return nil }
        if !low.separators && !high.separators && low.digits == 3 && high.digits == 4 { return nil }
        guard low.value < high.value else { return nil }
        var core = NumberCore(
            value: low.value, first: k, last: k, start: t.start, end: t.end, plainInteger: !low.separators, digitCount: low.digits)
        core.upper = high.value
        return core
    }

    /// Digits glued to letters: "2.5bn", "10k", "5km", "12pc", "57-country", "100,000-strong".
    func parseDigitWord(_ k: Int, in clause: Range<Int>, currency: Bool) -> NumberCore? {
        let t = tokens[k]
        var j = t.start
        while j < t.end {
            let s = scalars[j]
            if ScalarClass.isDigit(s) {
                j += 1
            } else if (s == "," || s == ".") && j + 1 < t.end && ScalarClass.isDigit(scalars[j + 1]) {
                j += 1
            } else {
                break
            }
        }
        guard j < t.end, let run = digitRun(t.start, j) else { return nil }
        var core = NumberCore(
            value: run.value, first: k, last: k, start: t.start, end: j, plainInteger: !run.separators, digitCount: run.digits)
        let rest = String(lowers[k].unicodeScalars.dropFirst(j - t.start))
        if scalars[j] == "-" || scalars[j] == "\u{2010}" || scalars[j] == "\u{2011}" {
            let parts = rest.dropFirst().split(separator: "-", omittingEmptySubsequences: false)
            guard let head = parts.first.map(String.init), head.unicodeScalars.count >= 2 else { return nil }
            for s in head.unicodeScalars where !ScalarClass.isLetter(s) { return nil }
            if FigureLexicon.timeUnits.contains(head) { return nil }  // "30-day", "10-year-old"
            if ["to", "of", "for", "in", "by", "and", "or"].contains(head) && parts.count > 1 { return nil }  // "5-to-4"
            if let unit = FigureLexicon.measures[head] {
                core.unit = unit
                core.strong = true  // the compound modifies the next noun: "a 40-mile convoy"
                core.end = t.end
            } else if head == "plus" && parts.count == 1 {
                core.approximation = .moreThan
                core.end = t.end
            } else if head == "odd" && parts.count == 1 {
                core.approximation = .about
                core.end = t.end
            } else if head == "strong" {
                core.strong = true
            } else if let s = FigureLexicon.scales[head] {
                core.value = scaledValue(core.value, s)
                core.scaled = true
            } else {
                core.compound = TextSpan(start: j + 1, end: t.end)
            }
            return core
        }
        if let s = FigureLexicon.suffixScales[rest] {
            if rest == "b" && !currency { return nil }
            if rest == "m" && !currency {
                // "2m people" is two million; "a 2m wall", "2m high" are metres.
                let next = lower(k + 1)
                if ["high", "long", "wide", "tall", "deep", "away", "from", "above", "below", "wall", "fence"].contains(next) {
                    core.unit = "m"
                    return core
                }
            }
            core.value = scaledValue(core.value, s)
            core.scaled = true
            core.end = t.end
            return core
        }
        if let unit = FigureLexicon.suffixMeasures[rest] {
            core.unit = unit
            core.end = t.end
            return core
        }
        return nil  // "12th", "1990s", "4G", "3pm"
    }

    /// Numbers in words: "three", "twenty-five", "two thousand five hundred", "a dozen",
    /// "half a million", "thousands", "tens of thousands".
    func parseWords(at k: Int, in clause: Range<Int>) -> NumberCore? {
        let t = tokens[k]
        // A capitalised number word inside a sentence is a name ("Group of Seven", "Formula One").
        if t.isCapitalized && !t.isAllCaps && !isSentenceStart(k, in: clause) { return nil }
        let w = lowers[k]
        let end = clause.upperBound
        var core = NumberCore(value: 0, first: k, last: k, start: t.start, end: t.end, isDigits: false)
        core.fromWords = true

        // Vague plurals.
        if let v = FigureLexicon.vague[w] ?? (w == "tens" ? 10 : nil) {
            var value = v
            var last = k
            // "tens of thousands", "hundreds of millions"
            if k + 2 < end, lower(k + 1) == "of", let s = FigureLexicon.vague[lower(k + 2)], s >= 1000 {
                value = (w == "tens" ? 20 : v) * s / 2
                last = k + 2
            } else if w == "tens" {
                return nil
            }
            core.value = value
            core.vague = true
            core.scaled = true
            core.last = last
            core.end = tokens[last].end
            return core
        }
        // "half a million", "half a dozen"
        if w == "half" {
            guard k + 2 < end, lower(k + 1) == "a" || lower(k + 1) == "an" else { return nil }
            let s = lower(k + 2)
            guard let scale = FigureLexicon.scales[s] ?? (s == "dozen" ? 12 : s == "hundred" ? 100 : nil) else { return nil }
            core.value = scale / 2
            core.scaled = true
            core.last = k + 2
            core.end = tokens[k + 2].end
            return core
        }

        var j = k
        var total: Double = 0
        var current: Double = 0
        var any = false
        var lastWasUnit = false
        var lastWasTens = false
        var lastToken = k
        var scaled = false
        if w == "a" || w == "an" {
            let next = lower(k + 1)
            guard next == "dozen" || next == "hundred" || FigureLexicon.scales[next] != nil else { return nil }
            current = 1
            any = true
            j = k + 1
        }
        while j < end, tokens[j].kind == .word {
            let word = lowers[j]
            if let v = FigureLexicon.small[word] ?? FigureLexicon.tens[word] ?? FigureLexicon.hyphenated(word) {
                let isTens = FigureLexicon.tens[word] != nil
                // "twenty five" is one number; "five six" is not.
                if lastWasUnit || (lastWasTens && (isTens || v >= 10)) { break }
                if j > k && tokens[j].isCapitalized && !tokens[j].isAllCaps { break }
                current += v
                lastWasUnit = !isTens
                lastWasTens = isTens
            } else if word == "hundred" {
                guard any else { return nil }
                current = max(current, 1) * 100
                lastWasUnit = false
                lastWasTens = false
                scaled = true
            } else if let s = FigureLexicon.scales[word] {
                guard any else { return nil }
                total += max(current, 1) * s
                current = 0
                lastWasUnit = false
                lastWasTens = false
                scaled = true
            } else if word == "dozen" {
                guard any else { return nil }
                current = max(current, 1) * 12
                lastWasUnit = false
                lastWasTens = false
            } else if word == "and", any, scaled, j + 1 < end,
                FigureLexicon.small[lower(j + 1)] != nil || FigureLexicon.tens[lower(j + 1)] != nil
                    || FigureLexicon.hyphenated(lower(j + 1)) != nil
            {
                j += 1
                continue
            } else {
                break
            }
            any = true
            lastToken = j
            j += 1
        }
        guard any else { return nil }
        let value = total + current
        // The lone "one" is a determiner or a pronoun.
        if value == 1 && lastToken == k && w == "one" { return nil }
        core.value = value
        core.scaled = scaled && value >= 1000
        core.last = lastToken
        core.end = tokens[lastToken].end
        return core
    }

    func isSentenceStart(_ k: Int, in clause: Range<Int>) -> Bool {
        if k <= clause.lowerBound { return true }
        let p = tokens[k - 1]
        switch p.kind {
        case .openQuote, .straightQuote: return true
        case .punctuation: return ["(", "—", "–", ":", "-", "[", ";"].contains(p.mark)
        default: return false
        }
    }

    // MARK: Context

    /// Dates, times, labels, ages, ratios and name-numbers.
    func excluded(_ core: NumberCore, first: Int, in clause: Range<Int>, currency: Bool) -> Bool {
        let k = core.first
        let before = first - 1
        let after = core.last + 1
        let prevWord = lower(before)

        if core.isDigits && !currency {
            // Very long digit strings are identifiers or phone numbers.
            if core.plainInteger && core.digitCount >= 8 { return true }
            // Labels: "Article 5", "page 3", "No. 10", "#3".
            if FigureLexicon.labels.contains(prevWord) { return true }
            if before >= 1, tokens[before].isMark("."), FigureLexicon.labels.contains(lower(before - 1)) { return true }
            // Dates: "Jan. 12", "January 12", "12 January".
            if core.value >= 1 && core.value <= 31 && core.plainInteger {
                if isMonth(before) { return true }
                if before >= 1, tokens[before].isMark("."), isMonth(before - 1) { return true }
                if isMonth(after) { return true }
            }
            // Times: "3 p.m.", "10:30", "1400 GMT".
            if FigureLexicon.clockWords.contains(lower(after)) { return true }
            if after + 1 < n, tokens[after].isMark(":"), tokens[after + 1].kind == .number { return true }
            if before >= 1, tokens[before].isMark(":"), tokens[before - 1].kind == .number { return true }
            // Ages: "Smith, 30, said".
            if core.plainInteger && core.value < 120, tokens.indices.contains(before), tokens[before].isMark(","),
                before >= 1, tokens[before - 1].isCapitalized,
                after >= clause.upperBound || [",", ".", ";", ")"].contains(tokens[after].mark)
            {
                return true
            }
            // Pagination and ratios: "1 of 5", "one in five".
            if (prevWord == "of" || prevWord == "in") && before >= 1
                && (tokens[before - 1].kind == .number || FigureLexicon.small[lower(before - 1)] != nil)
            {
                return true
            }
            if prevWord == "in" && lower(before - 1) == "one" { return true }
            if lower(after) == "of" && after + 1 < n && tokens[after + 1].kind == .number { return true }
            if lower(after) == "in" && after + 1 < n && tokens[after + 1].kind == .number && core.value < 100 { return true }
            // A name with a number: "Boeing 737", "COP 26", "Resolution 2202" (not "Masses 100,000 Troops").
            if before >= clause.lowerBound, tokens[before].kind == .word, tokens[before].isCapitalized,
                !hasDigit(before), core.plainInteger, !isMonth(before),
                !FigureLexicon.stopWords.contains(prevWord), !FigureLexicon.hedgeEnds.contains(prevWord),
                !tokens[before].is(.figureSourceCue), !(tokens[before].isAllCaps && before > clause.lowerBound && tokens[before - 1].isAllCaps)
            {
                return true
            }
            // Fractions and dates written with a slash: "9/11", "24/7".
            if before >= 0, tokens[before].isMark("/"), tokens[before].end == tokens[k].start { return true }
            if after < n, tokens[after].isMark("/"), tokens[after].start == tokens[core.last].end { return true }
            // BC/AD years and decades.
            if ["bc", "ad", "bce", "ce", "b.c.", "a.d."].contains(lower(after)) { return true }
            // Street addresses and similar: a number glued to "#".
            if before >= 0, tokens[before].isMark("#") { return true }
        }
        if core.fromWords {
            // "one in five", "three of four Americans"
            if (prevWord == "in" || prevWord == "of") && before >= 1
                && (FigureLexicon.small[lower(before - 1)] != nil || tokens[before - 1].kind == .number)
            {
                return true
            }
            if lower(after) == "in" && isWord(after + 1) && FigureLexicon.small[lower(after + 1)] != nil { return true }
            let ofNumber = after + 1 < n && (tokens[after + 1].kind == .number || FigureLexicon.small[lower(after + 1)] != nil)
            if lower(after) == "of" && (ofNumber || lower(after + 1) == "them") && !core.vague {
                return true
            }
        }
        _ = k
        return false
    }

    func isMonth(_ j: Int) -> Bool {
        guard isWord(j), FigureLexicon.months.contains(lowers[j]) else { return false }
        // "may" and "march" are verbs too; the month is capitalised.
        return tokens[j].isCapitalized
    }

    /// A year-like number ("1500") still counts things when a plural noun follows it and a verb
    /// or another word that does not introduce a year comes before ("deployed 1500 troops").
    func yearLikeCounts(_ core: NumberCore, in clause: Range<Int>) -> Bool {
        let before = core.first - 1
        guard before >= clause.lowerBound, tokens[before].kind == .word, !tokens[before].isCapitalized else { return false }
        if FigureLexicon.yearLeads.contains(lowers[before]) { return false }
        let after = core.last + 1
        guard isWord(after), !tokens[after].isCapitalized else { return false }
        return isPluralHead(after)
    }

    /// The hedge ending right before token `first`, and its first token.
    func hedge(before first: Int, in clause: Range<Int>) -> (Figure.Approximation, Int)? {
        let last = first - 1
        guard last >= clause.lowerBound, FigureLexicon.hedgeEnds.contains(lowers[last]) else { return nil }
        for (words, approximation) in FigureLexicon.hedges {
            let start = first - words.count
            guard start >= clause.lowerBound else { continue }
            var match = true
            for (offset, word) in words.enumerated() where lowers[start + offset] != word {
                match = false
                break
            }
            if match { return (approximation, start) }
        }
        return nil
    }

    /// A unit after token `last`: "%", "percent", "per cent", "percentage points", "km", "dollars",
    /// "square miles", "metric tons", "U.S. dollars".
    func unitAfter(_ last: Int, in clause: Range<Int>) -> (String, Int)? {
        let j = last + 1
        guard j < clause.upperBound else { return nil }
        let t = tokens[j]
        if t.kind == .punctuation {
            if t.isMark("%") { return ("percent", j) }
            return nil
        }
        guard t.kind == .word else { return nil }
        let w = lowers[j]
        let next = j + 1 < clause.upperBound ? lowers[j + 1] : ""
        switch w {
        case "per" where next == "cent": return ("percent", j + 1)
        case "percentage" where next == "points" || next == "point": return ("percentage point", j + 1)
        case "basis" where next == "points" || next == "point": return ("basis point", j + 1)
        case "square", "sq":
            if let base = FigureLexicon.areaBases[next] { return ("sq \(base)", j + 1) }
            return nil
        case "cubic":
            if let base = FigureLexicon.areaBases[next] { return ("cubic \(base)", j + 1) }
            return nil
        case "metric" where next == "tons" || next == "tonnes": return ("ton", j + 1)
        case "u.s." where next == "dollars": return ("USD", j + 1)
        case "us" where next == "dollars": return ("USD", j + 1)
        case "km" where next == "/" && lower(j + 2) == "h": return ("km/h", j + 2)
        case "pounds" where next == "sterling": return ("GBP", j + 1)
        case "degrees":
            if next == "celsius" || next == "centigrade" { return ("°C", j + 1) }
            if next == "fahrenheit" { return ("°F", j + 1) }
            return ("degree", j)
        default: break
        }
        if let c = FigureLexicon.currencyWords[w] { return (c, j) }
        if let m = FigureLexicon.measures[w] {
            // "pound" and "pounds" are weight unless the text writes "£" or "sterling"; "foot" as a
            // measure needs the plural or a number of one.
            return (m, j)
        }
        return nil
    }

    // MARK: What is counted

    struct Counted {
        var span: TextSpan
        var headToken: Int
        var lastToken: Int
        /// The counted noun is the compound's own ("57-country" alone).
        var compoundOnly: Bool
    }

    func isPluralHead(_ j: Int) -> Bool {
        guard isWord(j) else { return false }
        let w = lowers[j]
        if FigureLexicon.pluralHeads.contains(w) { return true }
        guard w.endsWith("s"), w.unicodeScalars.count >= 3 else { return false }
        if w.endsWith("ss") || w.endsWith("us") || w.endsWith("is") || w.endsWith("'s") { return false }  // also "-ous"
        return !FigureLexicon.falsePlurals.contains(w)
    }

    /// Whether a word can stand in the noun phrase after a number.
    func isPhraseWord(_ j: Int, position: Int) -> Bool {
        guard isWord(j) else { return false }
        let t = tokens[j]
        let w = lowers[j]
        if t.is(.figureSourceCue) || FigureLexicon.stopWords.contains(w) { return false }
        if hasDigit(j) { return false }
        if FigureLexicon.small[w] != nil || FigureLexicon.tens[w] != nil || FigureLexicon.scales[w] != nil || w == "dozen" { return false }
        if w.endsWith("ly") && !FigureLexicon.lyNouns.contains(w) { return false }
        if FigureLexicon.months.contains(w) && t.isCapitalized { return false }
        // After the first word, a participle is a modifier only when a noun follows it: "200 more
        // armored vehicles", not "a convoy stalled".
        if position > 0 && (w.endsWith("ed") || w.endsWith("ing")) && !FigureLexicon.pluralHeads.contains(w) {
            guard isWord(j + 1), !lowers[j + 1].endsWith("ed"), !lowers[j + 1].endsWith("ing") else { return false }
            return isPhraseWord(j + 1, position: 0)
        }
        return true
    }

    /// The noun phrase starting at token `j`. `relaxed` takes the last word as head when none looks
    /// plural (mass nouns after "of" or money: "300 tons of grain", "$2.5 billion in aid").
    func nounPhrase(from j: Int, in clause: Range<Int>, relaxed: Bool, singular: Bool, lowercaseOnly: Bool = false) -> (Int, Int)? {
        var words: [Int] = []
        var k = j
        var head = -1
        while k < clause.upperBound && words.count < 5 {
            guard isPhraseWord(k, position: words.count) else { break }
            if lowercaseOnly && tokens[k].isCapitalized { break }
            // A verb after a singular noun: "a 57-country body includes Russia".
            if !words.isEmpty && !isPluralHead(words[words.count - 1]) && lowers[k].endsWith("s") && startsClause(k + 1) { break }
            words.append(k)
            // "Special Operations forces": a capitalised plural that names the kind of the noun after it.
            if isPluralHead(k) && tokens[k].isCapitalized && words.count < 5 && isWord(k + 1) && !tokens[k + 1].isCapitalized
                && isPluralHead(k + 1) && isPhraseWord(k + 1, position: words.count)
            {
                k += 1
                continue
            }
            if isPluralHead(k)
                || (singular && !(lowers[k].endsWith("ed") || lowers[k].endsWith("ing"))
                    && !isPhraseWord(k + 1, position: words.count))
            {
                head = k
                break
            }
            k += 1
        }
        if head < 0 {
            guard relaxed, let lastWord = words.last else { return nil }
            let w = lowers[lastWord]
            if w.endsWith("ed") || w.endsWith("ing") { return nil }
            head = lastWord
        }
        // Drop leading modifiers that do not change the thing counted.
        var startIndex = 0
        let headIsLower = !tokens[head].isCapitalized
        while startIndex < words.count - 1 {
            let m = tokens[words[startIndex]]
            if (!m.isCapitalized && FigureLexicon.droppedModifiers.contains(lowers[words[startIndex]])) || (headIsLower && m.isCapitalized) {
                startIndex += 1
            } else {
                break
            }
        }
        // A capitalised run after lowercase words belongs to a name: stop before it.
        if headIsLower == false, startIndex < words.count, !tokens[words[startIndex]].isCapitalized { return nil }
        return (words[startIndex], head)
    }

    func countedPhrase(core: NumberCore, first: Int, last: Int, unit: String?, currency: Bool, in clause: Range<Int>) -> Counted? {
        let next = last + 1
        // "57-country body", "57-country Organization …"
        if let compound = core.compound {
            if let (_, head) = nounPhrase(from: next, in: clause, relaxed: true, singular: true, lowercaseOnly: true) {
                return Counted(span: TextSpan(start: compound.start, end: tokens[head].end), headToken: head, lastToken: head, compoundOnly: false)
            }
            return Counted(span: compound, headToken: core.last, lastToken: core.last, compoundOnly: true)
        }
        // "a 100,000-strong force", "a 40-mile convoy"
        if core.strong {
            // "a 100,000-strong Russian force"; not "the 275-acre Colony West Golf Club", a name.
            if let (s, head) = nounPhrase(from: next, in: clause, relaxed: true, singular: true),
                !tokens[head].isCapitalized || tokens[head].isAllCaps
            {
                return Counted(span: TextSpan(start: tokens[s].start, end: tokens[head].end), headToken: head, lastToken: head, compoundOnly: false)
            }
            return nil
        }
        guard next < clause.upperBound else { return nil }
        let w = lower(next)
        // "thousands of troops", "100,000 of its troops", "$2.5 billion in aid", "$1 billion worth of arms"
        var ofStart = -1
        if w == "of" {
            ofStart = next + 1
        } else if currency || (unit.map { FigureLexicon.currencyUnits.contains($0) } ?? false) {
            // "$2.5 billion in aid", not "in the first quarter" or "in response".
            if w == "in", isWord(next + 1), !FigureLexicon.stopWords.contains(lower(next + 1)),
                !FigureLexicon.moneyIdioms.contains(lower(next + 1))
            {
                ofStart = next + 1
            }
            if w == "worth" && lower(next + 1) == "of" { ofStart = next + 2 }
        }
        if ofStart >= 0 {
            var j = ofStart
            let d = lower(j)
            if ["them", "us", "whom", "which", "it"].contains(d) { return nil }
            if ["the", "its", "their", "his", "her", "our", "those", "these", "this", "that", "a", "an"].contains(d) { j += 1 }
            // "100,000 of Russia's troops", "two dozen of Sen. Rand Paul's supporters": the possessor
            // is not what is counted.
            if isWord(j) && tokens[j].isCapitalized {
                var k = j
                while k < clause.upperBound && k - j < 6 && (tokens[k].isCapitalized || tokens[k].isMark(".")) { k += 1 }
                if lower(k) == "'s" { j = k + 1 }
            } else if isWord(j), lower(j + 1) == "'s" {
                j += 2
            }
            // "two of the five directors": the whole is not what is counted, its members are.
            if j < clause.upperBound, tokens[j].kind == .number || FigureLexicon.small[lower(j)] != nil || FigureLexicon.tens[lower(j)] != nil {
                j += 1
            }
            guard let (s, head) = nounPhrase(from: j, in: clause, relaxed: true, singular: true) else { return nil }
            return Counted(span: TextSpan(start: tokens[s].start, end: tokens[head].end), headToken: head, lastToken: head, compoundOnly: false)
        }
        if let unit {
            // A figure with a unit modifies the next noun only after a determiner: "a $2.5 billion aid package".
            let determiner = lower(first - 1)
            let attributive = ["a", "an", "the", "its", "their", "his", "her", "our", "this", "that"].contains(determiner)
            guard attributive, FigureLexicon.currencyUnits.contains(unit) else { return nil }
            if let (s, head) = nounPhrase(from: next, in: clause, relaxed: true, singular: true, lowercaseOnly: true) {
                return Counted(span: TextSpan(start: tokens[s].start, end: tokens[head].end), headToken: head, lastToken: head, compoundOnly: false)
            }
            return nil
        }
        // "106,000 Russian troops", "three ships", "one soldier"
        if let (s, head) = nounPhrase(from: next, in: clause, relaxed: false, singular: core.value == 1 && !core.scaled) {
            return Counted(span: TextSpan(start: tokens[s].start, end: tokens[head].end), headToken: head, lastToken: head, compoundOnly: false)
        }
        return nil
    }

    /// Whether token `j` opens what a verb governs: a determiner, a pronoun, a name.
    func startsClause(_ j: Int) -> Bool {
        guard isWord(j) else { return false }
        let w = lowers[j]
        if tokens[j].isCapitalized { return true }
        return ["the", "a", "an", "its", "their", "his", "her", "our", "that", "this", "these", "those", "it", "them", "him", "us"]
            .contains(w)
    }

    // MARK: Who states it

    /// The source of a figure: the subject of the nearest speech verb in the sentence.
    func source(for figure: ClosedRange<Int>, in clause: Range<Int>) -> TextSpan? {
        var cues: [Int] = []
        for j in clause where !figure.contains(j) && tokens[j].kind == .word {
            let w = lowers[j]
            guard tokens[j].is(.figureSourceCue) else { continue }
            if tokens[j].isCapitalized && !tokens[j].isAllCaps && !isSentenceStart(j, in: clause) { continue }
            if w == "according" && lower(j + 1) != "to" { continue }
            cues.append(j)
        }
        guard !cues.isEmpty else { return nil }
        cues.sort { distance($0, figure) < distance($1, figure) }
        // A pronoun is often the subject of a clause reported by an earlier verb ("Kyiv said it had
        // counted …"): a name that an earlier verb gives is preferred.
        var pronoun: (span: TextSpan, cue: Int)?
        for c in cues {
            if let pronoun, c > pronoun.cue { continue }
            guard let span = source(cue: c, figure: figure, in: clause) else { continue }
            let isPronoun = span.length <= 4 && FigureLexicon.pronouns.contains(text[span].lowercased())
            if !isPronoun { return span }
            if pronoun == nil { pronoun = (span, c) }
        }
        return pronoun?.span
    }

    func distance(_ j: Int, _ figure: ClosedRange<Int>) -> Int {
        j < figure.lowerBound ? figure.lowerBound - j : j - figure.upperBound
    }

    func source(cue c: Int, figure: ClosedRange<Int>, in clause: Range<Int>) -> TextSpan? {
        let w = lowers[c]
        let after = c > figure.upperBound
        if w == "according" || w == "citing" {
            let start = w == "according" ? c + 2 : c + 1
            guard let np = sourceForward(from: start, in: clause), !np.overlaps(figure) else { return nil }
            return span(np)
        }
        // Subject before the verb: "Ukraine said", "U.S. officials have estimated".
        var j = c - 1
        var passive = false
        while j >= clause.lowerBound && c - j <= 3 && FigureLexicon.cueAdverbs.contains(lower(j)) {
            if ["is", "are", "was", "were", "been", "being", "be"].contains(lower(j)) { passive = true }
            j -= 1
        }
        // "was reported by Reuters": the agent, if any, follows.
        if passive {
            guard lower(c + 1) == "by", let np = sourceForward(from: c + 2, in: clause), !np.overlaps(figure) else { return nil }
            return span(np)
        }
        if let np = sourceBackward(from: j, in: clause), !np.overlaps(figure) {
            // A verb after the figure attributes it only when set off: "…, the Pentagon said".
            var lead = np.lowerBound - 1
            if lead >= clause.lowerBound && ["the", "a", "an"].contains(lower(lead)) { lead -= 1 }
            if !after || (lead >= clause.lowerBound && isSetOff(lead) && endsAttribution(c, cue: c, in: clause)) { return span(np) }
        }
        // "…, Mr. Kirby, who said …"
        if lower(c - 1) == "who", c - 2 >= clause.lowerBound, tokens[c - 2].isMark(","),
            let np = sourceBackward(from: c - 3, in: clause), !np.overlaps(figure)
        {
            return span(np)
        }
        // Inverted: "…, said Ukraine's defense minister".
        if c - 1 >= clause.lowerBound, isSetOff(c - 1), FigureLexicon.invertingCues.contains(w),
            let np = sourceForward(from: c + 1, in: clause), !np.overlaps(figure), endsAttribution(np.upperBound, cue: c, in: clause)
        {
            return span(np)
        }
        return nil
    }

    /// Whether the attribution ends at token `j` ("…, the Pentagon said on Thursday."), rather than
    /// governing what follows ("…, Mr. Ryabkov said Russia would …").
    func endsAttribution(_ j: Int, cue c: Int, in clause: Range<Int>) -> Bool {
        let k = j + 1
        guard k < clause.upperBound else { return true }
        let t = tokens[k]
        if t.kind != .word && t.kind != .number { return true }
        if t.kind == .number { return false }
        if lowers[c] == "told" || lowers[c] == "tells" { return true }
        return FigureLexicon.attributionTails.contains(lowers[k])
    }

    func isSetOff(_ j: Int) -> Bool {
        guard j >= 0 && j < n else { return false }
        let t = tokens[j]
        switch t.kind {
        case .closeQuote, .straightQuote, .openQuote: return true
        case .punctuation: return [",", "—", "–", "(", ";", ":"].contains(t.mark)
        default: return false
        }
    }

    func span(_ range: ClosedRange<Int>) -> TextSpan {
        TextSpan(start: tokens[range.lowerBound].start, end: tokens[range.upperBound].end)
    }

    /// Whether the word can be part of a source's name or description.
    func isSourceWord(_ j: Int) -> Bool {
        guard isWord(j) else { return false }
        let w = lowers[j]
        if w == "'s" { return true }
        if tokens[j].is(.figureSourceCue) || FigureLexicon.stopWords.contains(w) || FigureLexicon.pronouns.contains(w) { return false }
        if w.endsWith("ly") && !FigureLexicon.lyNouns.contains(w) { return false }
        if hasDigit(j) { return false }
        return true
    }

    /// A source noun phrase ending at token `j`, read backward.
    func sourceBackward(from j: Int, in clause: Range<Int>) -> ClosedRange<Int>? {
        guard j >= clause.lowerBound, j < n else { return nil }
        if tokens[j].kind == .word && FigureLexicon.pronouns.contains(lowers[j]) { return j...j }
        var k = j
        var first = -1
        var count = 0
        while k >= clause.lowerBound && count < 8 {
            let t = tokens[k]
            if isSourceWord(k) {
                if lowers[k] == "'s" && first < 0 { break }
                first = k
                count += 1
                k -= 1
                continue
            }
            // "Mr. Kirby": a title's period.
            if t.isMark("."), k >= 1, first >= 0, FigureLexicon.abbreviations.contains(lower(k - 1)) {
                k -= 1
                continue
            }
            // "Ministry of Defense": a joiner between capitalised words.
            if t.kind == .word, FigureLexicon.nameJoiners.contains(lowers[k]), first >= 0, tokens[first].isCapitalized,
                k - 1 >= clause.lowerBound, tokens[k - 1].isCapitalized, isSourceWord(k - 1)
            {
                k -= 1
                continue
            }
            break
        }
        guard first >= 0 else { return nil }
        return acceptSource(first...j)
    }

    /// A source noun phrase starting at token `j`, read forward (after "according to" or an inverted verb).
    func sourceForward(from j: Int, in clause: Range<Int>) -> ClosedRange<Int>? {
        var k = j
        while k < clause.upperBound, ["the", "a", "an"].contains(lower(k)) { k += 1 }
        guard k < clause.upperBound else { return nil }
        if FigureLexicon.pronouns.contains(lower(k)) { return k...k }
        let first = k
        var last = -1
        var count = 0
        while k < clause.upperBound && count < 8 {
            let t = tokens[k]
            if isSourceWord(k) {
                last = k
                count += 1
                k += 1
                continue
            }
            if t.isMark("."), last >= 0, FigureLexicon.abbreviations.contains(lower(last)), k + 1 < clause.upperBound, tokens[k + 1].isCapitalized {
                k += 1
                continue
            }
            if t.kind == .word, FigureLexicon.nameJoiners.contains(lowers[k]), last >= 0, tokens[last].isCapitalized,
                k + 1 < clause.upperBound, tokens[k + 1].isCapitalized, isSourceWord(k + 1)
            {
                k += 1
                continue
            }
            break
        }
        guard last >= first else { return nil }
        return acceptSource(first...last)
    }

    /// A source names someone: a capitalised word, or a lowercase head like "officials".
    func acceptSource(_ range: ClosedRange<Int>) -> ClosedRange<Int>? {
        var lo = range.lowerBound
        while lo < range.upperBound && lowers[lo] == "'s" { lo += 1 }
        let head = lowers[range.upperBound]
        if head == "'s" || FigureLexicon.months.contains(head) || FigureLexicon.weekdays.contains(head) { return nil }
        if tokens[range.upperBound].isCapitalized || FigureLexicon.sourceNouns.contains(head) { return lo...range.upperBound }
        return nil
    }
}
