import SynopticCore

/// A block of the article as found in the page.
public struct ExtractedBlock: Sendable, Hashable {
    public var kind: Block.Kind
    public var text: String
    /// 1–6 for headings.
    public var headingLevel: Int?

    public init(kind: Block.Kind, text: String, headingLevel: Int? = nil) {
        self.kind = kind
        self.text = text
        self.headingLevel = headingLevel
    }
}

/// Finds the article in a walked page.
///
/// 1. Every run of text gets a score from its own shape: prose (long, punctuated, few links) scores
///    its length; link lists and menus score minus their length; short unpunctuated lines score a
///    little below zero; headings score nothing (they go with whatever holds them).
/// 2. Scores add up the tree, weighted by each element's evidence (class and id names,
///    `itemprop="articleBody"`, `<article>`, `<aside>`, `<footer>`, ARIA roles), so a comment section
///    or a related-stories rail adds little to its parent even when its text is prose.
/// 3. The element with the highest weighted score holds the article; every candidate is compared,
///    so the first `<article>` on a page does not win over a better-evidenced region.
/// 4. Inside it, runs under regions named as boilerplate, link-dense runs and the headline are
///    dropped, each with a reason.
struct ContentExtractor {
    struct Pair: Hashable {
        var parent: Int32
        var signature: Int
    }

    struct Result {
        var blocks: [ExtractedBlock]
        var removed: [Removal]
    }

    func extract(_ page: PageWalk, title: String?) -> Result {
        let runs = page.runs
        guard !page.elements.isEmpty, !runs.isEmpty else { return Result(blocks: [], removed: []) }

        // Names on wrappers that hold most of the page (`<body class="navigation-…">`, an app root)
        // describe the page, not a region of it: they are not evidence against their content.
        var elements = page.elements
        var charsBefore = [Int](repeating: 0, count: runs.count + 1)
        for (index, run) in runs.enumerated() { charsBefore[index + 1] = charsBefore[index] + Int(run.chars) }
        let totalChars = charsBefore[runs.count]
        for index in elements.indices where elements[index].weight < 0 {
            let element = elements[index]
            let chars = charsBefore[Int(element.runEnd)] - charsBefore[Int(element.firstRun)]
            if element.parent <= 0 || chars * 10 >= totalChars * 7 { elements[index].weight = 0 }
        }

        // Own-run scores, then weighted subtree sums bottom-up (children follow their parent in
        // pre-order, so a reverse pass sees every child before its parent).
        let scores = runs.map(Self.score)
        let factors = elements.map(Self.factor)
        var adjusted = [Double](repeating: 0, count: elements.count)
        for (run, score) in zip(runs, scores) where run.element >= 0 {
            adjusted[Int(run.element)] += score
        }
        for index in stride(from: elements.count - 1, through: 0, by: -1) {
            adjusted[index] *= factors[index]
            let parent = Int(elements[index].parent)
            if parent >= 0 { adjusted[parent] += adjusted[index] }
        }
        // A candidate inside a region marked as boilerplate (a comment thread, a sidebar) carries
        // that region's penalty even though its own names say nothing.
        var inherited = [Double](repeating: 1, count: elements.count)
        var candidate = adjusted
        for index in elements.indices {
            let parent = Int(elements[index].parent)
            if parent >= 0 {
                inherited[index] = inherited[parent] * (elements[parent].weight <= -2 ? factors[parent] : 1)
            }
            candidate[index] *= inherited[index]
        }
        var best = 0
        for index in elements.indices where candidate[index] > candidate[best] { best = index }
        guard candidate[best] > 0 else { return Result(blocks: [], removed: []) }

        // Regions below the chosen element that are named or marked as not the article.
        let region = best..<Int(elements[best].subtreeEnd)
        var excluded = [Bool](repeating: false, count: elements.count)
        var exclusionReason = [String?](repeating: nil, count: elements.count)
        // Prose (positive run scores) per element, to keep a wrapper that holds most of the article
        // however it is named.
        var proseBefore = [Double](repeating: 0, count: runs.count + 1)
        for (index, score) in scores.enumerated() { proseBefore[index + 1] = proseBefore[index] + max(0, score) }
        func prose(_ index: Int) -> Double { proseBefore[Int(elements[index].runEnd)] - proseBefore[Int(elements[index].firstRun)] }
        let regionProse = prose(best)
        // Siblings built alike that each hold prose are the article's paragraphs, however their
        // wrappers are named (`<div class="card">` around every paragraph).
        var proseSiblings: [Pair: Int] = [:]
        var siblings: [Pair: Int] = [:]
        for index in region.dropFirst() {
            siblings[Pair(parent: elements[index].parent, signature: elements[index].signature), default: 0] += 1
        }
        for index in region.dropFirst() where prose(index) > 0 {
            proseSiblings[Pair(parent: elements[index].parent, signature: elements[index].signature), default: 0] += 1
        }
        for index in region.dropFirst() {
            let isRepeatedProse =
                (prose(index) > 0 && proseSiblings[Pair(parent: elements[index].parent, signature: elements[index].signature), default: 0] >= 3)
                || siblings[Pair(parent: elements[index].parent, signature: elements[index].signature), default: 0] >= 3
            let parent = Int(elements[index].parent)
            if excluded[parent] {
                excluded[index] = true
                exclusionReason[index] = exclusionReason[parent]
            } else if let reason = Self.exclusionReason(
                elements[index], proseShare: regionProse > 0 ? prose(index) / regionProse : 0, isRepeatedProse: isRepeatedProse)
            {
                excluded[index] = true
                exclusionReason[index] = reason
            }
        }

        Self.excludeTeaserLists(
            in: region, elements: elements, runs: runs, prose: prose, isCut: page.endsCut, excluded: &excluded,
            reasons: &exclusionReason)

        var removed: [Removal] = []
        let firstRun = Int(elements[best].firstRun)
        let lastRun = Int(elements[best].runEnd)
        if firstRun > 0 {
            removed.append(Self.summary(of: runs[0..<firstRun], in: page, reason: "outside the article (before it)"))
        }
        var titlePending = title.map(Self.words)
        var kept: [PageWalk.Run] = []
        for run in runs[firstRun..<lastRun] {
            if run.element >= 0, excluded[Int(run.element)] {
                removed.append(Removal(text: page.string(of: run), reason: exclusionReason[Int(run.element)] ?? "not the article"))
                continue
            }
            if run.kind == .heading, let expected = titlePending, !expected.isEmpty, kept.count < 3 {
                let text = page.string(of: run)
                // The page's title often carries the site's name after the headline.
                let words = Self.words(text)
                if words == expected
                    || (expected.hasPrefix(words + " ") && words.split(separator: " ").count * 2 >= expected.split(separator: " ").count)
                {
                    removed.append(Removal(text: text, reason: "headline: kept as the title"))
                    titlePending = nil
                    continue
                }
            }
            if run.linkDensity > 0.5 {
                removed.append(Removal(text: page.string(of: run), reason: "mostly links"))
                continue
            }
            kept.append(run)
        }
        if lastRun < runs.count {
            removed.append(Self.summary(of: runs[lastRun...], in: page, reason: "outside the article (after it)"))
        }
        // Short lines that open or close the region (a date, a byline, "2 comments", a section
        // label) frame the article; headings with nothing after them label what was dropped.
        var start = 0
        while start < kept.count, Self.isFraming(kept[start]) {
            removed.append(Removal(text: page.string(of: kept[start]), reason: "short line before the article text (date, byline or label)"))
            start += 1
        }
        var end = kept.count
        while end > start {
            let run = kept[end - 1]
            if Self.isFraming(run) || run.kind == .heading {
                removed.append(Removal(text: page.string(of: run), reason: "short line after the article text (label, link or heading)"))
            } else if let notice = Self.noticeReason(page.string(of: run), words: Int(run.words))
                ?? Self.companyBoilerplateReason(page.string(of: run), words: Int(run.words))
            {
                removed.append(Removal(text: page.string(of: run), reason: notice))
            } else {
                break
            }
            end -= 1
        }
        let blocks = kept[start..<end].map { run in
            ExtractedBlock(kind: run.kind, text: page.string(of: run), headingLevel: run.headingLevel == 0 ? nil : Int(run.headingLevel))
        }
        return Result(blocks: blocks, removed: removed)
    }

    /// Lists of other articles inside the region ("more stories", a post list under a blog post):
    /// three or more sibling items built alike (same tag and class names) where most carry a
    /// headline link, or a link beside an excerpt cut short with an ellipsis. Each teaser may hold
    /// prose (its excerpt), which is why scoring alone keeps them. A list is left alone when it
    /// holds most of the region's prose: then it is the article (a list of deals, a list of steps),
    /// unless half its items are excerpts cut short. Sibling `<article>` elements are items of one
    /// list whatever their classes.
    static func excludeTeaserLists(
        in region: Range<Int>, elements: [PageWalk.Element], runs: [PageWalk.Run], prose: (Int) -> Double,
        isCut: (PageWalk.Run) -> Bool, excluded: inout [Bool], reasons: inout [String?]
    ) {
        let regionRuns = Int(elements[region.lowerBound].firstRun)..<Int(elements[region.lowerBound].runEnd)
        var headlineLinksBefore = [Int](repeating: 0, count: runs.count + 1)
        var linkCharsBefore = [Int](repeating: 0, count: runs.count + 1)
        var cutBefore = [Int](repeating: 0, count: runs.count + 1)
        for (index, run) in runs.enumerated() {
            let isHeadlineLink = run.linkDensity > 0.5 && run.chars >= 15
            headlineLinksBefore[index + 1] = headlineLinksBefore[index] + (isHeadlineLink ? 1 : 0)
            linkCharsBefore[index + 1] = linkCharsBefore[index] + Int(run.linkChars)
            let cut = regionRuns.contains(index) && run.linkDensity <= 0.5 && run.words >= 8 && isCut(run)
            cutBefore[index + 1] = cutBefore[index] + (cut ? 1 : 0)
        }
        func count(_ before: [Int], _ index: Int) -> Int {
            before[Int(elements[index].runEnd)] - before[Int(elements[index].firstRun)]
        }
        func hasHeadlineLink(_ index: Int) -> Bool { count(headlineLinksBefore, index) > 0 }
        // An excerpt cut short ("… to make loans. Raminder Singh Rekhi, 41,...") beside a link:
        // a teaser whose headline shares a line with its excerpt.
        func isCutExcerpt(_ index: Int) -> Bool { count(cutBefore, index) > 0 && count(linkCharsBefore, index) >= 15 }
        let regionProse = prose(region.lowerBound)
        var children: [Int: [Int]] = [:]
        for parent in region {
            guard !excluded[parent] else { continue }
            children.removeAll(keepingCapacity: true)
            var child = parent + 1
            while child < Int(elements[parent].subtreeEnd) {
                // Sibling `<article>` elements are separate posts however their classes differ
                // (`category-travel`, `category-food`).
                let key = elements[child].tag == .article ? Int.min : elements[child].signature
                children[key, default: []].append(child)
                child = Int(elements[child].subtreeEnd)
            }
            for items in children.values where items.count >= 3 {
                let cutExcerpts = items.filter(isCutExcerpt).count
                let teasers = items.filter { hasHeadlineLink($0) || isCutExcerpt($0) }.count
                guard teasers * 3 >= items.count * 2 else { continue }
                let listProse = items.reduce(0) { $0 + prose($1) }
                // Excerpts cut short are never the article, however much of the region they fill.
                guard listProse < regionProse * 0.6 || cutExcerpts * 2 >= items.count else { continue }
                for item in items {
                    for index in item..<Int(elements[item].subtreeEnd) {
                        excluded[index] = true
                        reasons[index] = "list of links to other articles (teasers)"
                    }
                }
            }
        }
    }

    /// Site notices that trail an article inside its region: a cookie banner, a newsletter sign-up,
    /// an ad-blocker plea. Known by two kinds of words together in a short block, and trusted
    /// only after the last paragraph of the article (a story about cookie law is not a banner).
    static func noticeReason(_ text: String, words: Int) -> String? {
        guard words <= 60 else { return nil }
        let lower = text.lowercased()
        func has(_ any: [String]) -> Bool { any.contains { lower.contains($0) } }
        if has(["cookie"]), has(["accept", "consent", "privacy", "opt-out", "opt out", "browsing", "experience"]) { return "cookie notice" }
        if has(["newsletter", "sign up", "subscribe"]), has(["email", "inbox", "daily", "free"]) { return "newsletter sign-up" }
        if has(["ad blocker", "adblock", "disable your ad"]) { return "ad-blocker notice" }
        return nil
    }

    /// The company description that closes a press release ("Acme is a leading provider of …",
    /// "Acme is headquartered in …, employs … and is listed on …"): a phrase that says what the
    /// company is and one more of the description's phrases, or three of its particulars, in one
    /// block. Like the notices, trusted only at the end of the article, after its last paragraph. A
    /// closing line of reporting that mentions where a company is based or how many people it
    /// employs stays.
    static func companyBoilerplateReason(_ text: String, words: Int) -> String? {
        guard words >= 8, words <= 150 else { return nil }
        let lower = text.lowercased()
        func count(_ any: [String]) -> Int { any.filter { lower.contains($0) }.count }
        let identity = count([" is a leading", " is a global", " is the leading", " is the world", " provider of", " solutions provider"])
        let details = count(["headquartered in", "headquarters in", " employs ", " employees", "subsidiaries", "founded in", "listed on"])
        if (identity >= 1 && identity + details >= 2) || details >= 3 { return "company description closing a press release" }
        return nil
    }

    /// A short line that is not a sentence and not a heading.
    static func isFraming(_ run: PageWalk.Run) -> Bool {
        run.kind != .heading && (run.words < 3 || (run.words < 8 && !run.endsSentence))
    }

    // MARK: - Scores

    static func score(_ run: PageWalk.Run) -> Double {
        let chars = Double(run.chars)
        if run.kind == .heading { return 0 }
        if run.linkDensity > 0.5 { return -chars }
        let ownText = chars - Double(run.linkChars)
        if run.chars >= 100 && run.punctuation >= 1 { return ownText }
        if run.words >= 8 && run.endsSentence { return ownText }
        if run.chars >= 40 && run.endsSentence { return ownText * 0.5 }
        // A long block of plain text with no links and no clause punctuation: lines laid out with
        // `<br>` (a calendar, a schedule, a verse). Menus are links; this is content.
        if run.chars >= 150 && run.words >= 20 && run.linkChars == 0 { return ownText * 0.5 }
        return -0.25 * chars
    }

    /// How much an element's content counts toward its parent, from its evidence.
    static func factor(_ element: PageWalk.Element) -> Double {
        var factor = 1.0
        let weight = Int(element.weight)
        if weight > 0 { factor *= 1 + 0.1 * Double(min(weight, 3)) }
        if weight == -1 { factor *= 0.7 }
        if weight <= -2 { factor *= 0.15 }
        if element.isArticleBody { factor *= 1.5 }
        switch element.tag {
        case .article: factor *= 1.2
        case .main: factor *= 1.1
        case .aside, .footer: factor *= 0.3
        case .header: factor *= 0.6
        default: break
        }
        return factor
    }

    /// Why an element inside the article region is not part of the article, or nil.
    /// `proseShare` is the element's part of the region's prose: a region that holds half the
    /// article is part of it, whatever its names say.
    static func exclusionReason(_ element: PageWalk.Element, proseShare: Double, isRepeatedProse: Bool) -> String? {
        if element.isArticleBody || proseShare >= 0.5 { return nil }
        switch element.tag {
        case .aside: return "aside"
        case .footer: return "footer of the article"
        case .header: return "header of the article (headline, byline)"
        case .figure, .figureCaption: return "figure or caption"
        default: break
        }
        if element.weight <= -2 { return "region named as boilerplate (class or id)" }
        // Weaker names (caption, credit, timestamp, gallery, …) only for small regions.
        // Never one of a run of paragraphs whose wrappers happen to be called cards or modules.
        if element.weight == -1, proseShare < 0.1, !isRepeatedProse { return "small region named as page furniture (class or id)" }
        return nil
    }

    // MARK: - Helpers

    static func summary(of runs: ArraySlice<PageWalk.Run>, in page: PageWalk, reason: String) -> Removal {
        // The text of everything outside the article is long; keep the first lines as a sample.
        var sample = ""
        for run in runs.prefix(8) {
            if !sample.isEmpty { sample += " | " }
            sample += page.string(of: run)
        }
        return Removal(text: sample, reason: "\(reason): \(runs.count) block(s)")
    }

    /// Lower-cased letters and digits, single-spaced: for comparing a heading with the title.
    static func words(_ text: String) -> String {
        var result = ""
        var gap = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                if gap, !result.isEmpty { result.append(" ") }
                result.append(character)
                gap = false
            } else {
                gap = true
            }
        }
        return result
    }
}
