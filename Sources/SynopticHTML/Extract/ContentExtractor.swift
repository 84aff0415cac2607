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
    struct Result {
        var blocks: [ExtractedBlock]
        var removed: [Removal]
    }

    func extract(_ page: PageWalk, title: String?) -> Result {
        let elements = page.elements
        let runs = page.runs
        guard !elements.isEmpty, !runs.isEmpty else { return Result(blocks: [], removed: []) }

        // Own-run scores, then weighted subtree sums bottom-up (children follow their parent in
        // pre-order, so a reverse pass sees every child before its parent).
        var own = [Double](repeating: 0, count: elements.count)
        for run in runs where run.element >= 0 {
            own[Int(run.element)] += Self.score(run)
        }
        var adjusted = own
        for index in stride(from: elements.count - 1, through: 0, by: -1) {
            adjusted[index] *= Self.factor(elements[index])
            let parent = Int(elements[index].parent)
            if parent >= 0 { adjusted[parent] += adjusted[index] }
        }
        var best = 0
        for index in elements.indices where adjusted[index] > adjusted[best] { best = index }
        guard adjusted[best] > 0 else { return Result(blocks: [], removed: []) }

        // Regions below the chosen element that are named or marked as not the article.
        let region = best..<Int(elements[best].subtreeEnd)
        var excluded = [Bool](repeating: false, count: elements.count)
        var exclusionReason = [String?](repeating: nil, count: elements.count)
        for index in region.dropFirst() {
            let parent = Int(elements[index].parent)
            if excluded[parent] {
                excluded[index] = true
                exclusionReason[index] = exclusionReason[parent]
            } else if let reason = Self.exclusionReason(elements[index]) {
                excluded[index] = true
                exclusionReason[index] = reason
            }
        }

        var blocks: [ExtractedBlock] = []
        var removed: [Removal] = []
        let firstRun = Int(elements[best].firstRun)
        let lastRun = Int(elements[best].runEnd)
        if firstRun > 0 {
            removed.append(Self.summary(of: runs[0..<firstRun], in: page, reason: "outside the article (before it)"))
        }
        var titlePending = title.map(Self.words)
        for run in runs[firstRun..<lastRun] {
            let text = page.string(of: run)
            if run.element >= 0, excluded[Int(run.element)] {
                removed.append(Removal(text: text, reason: exclusionReason[Int(run.element)] ?? "not the article"))
                continue
            }
            if run.kind == .heading, let expected = titlePending, !expected.isEmpty, blocks.count < 3, Self.words(text) == expected {
                removed.append(Removal(text: text, reason: "headline: kept as the title"))
                titlePending = nil
                continue
            }
            if run.kind != .heading, run.linkDensity > 0.5 {
                removed.append(Removal(text: text, reason: "mostly links"))
                continue
            }
            blocks.append(ExtractedBlock(kind: run.kind, text: text, headingLevel: run.headingLevel == 0 ? nil : Int(run.headingLevel)))
        }
        if lastRun < runs.count {
            removed.append(Self.summary(of: runs[lastRun...], in: page, reason: "outside the article (after it)"))
        }
        // Headings with nothing after them are section labels of what was dropped.
        while let last = blocks.last, last.kind == .heading {
            removed.append(Removal(text: last.text, reason: "heading with no text after it"))
            blocks.removeLast()
        }
        return Result(blocks: blocks, removed: removed)
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
    static func exclusionReason(_ element: PageWalk.Element) -> String? {
        if element.isArticleBody { return nil }
        switch element.tag {
        case .aside: return "aside"
        case .footer: return "footer of the article"
        case .header: return "header of the article (headline, byline)"
        case .figure, .figureCaption: return "figure or caption"
        default: break
        }
        if element.weight <= -2 { return "region named as boilerplate (class or id)" }
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
