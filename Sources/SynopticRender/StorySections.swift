import Foundation
import SynopticCore

/// What the renderers show of a story, worked out once so that Markdown, HTML and text agree on
/// what is in each section; each renderer only decides how it looks.
struct StorySections {
    /// Facts beyond this many are counted, not shown, in the agreement matrix.
    static let matrixRowLimit = 15
    /// Exclusive facts of one source beyond this many are counted, not shown: a source whose every
    /// sentence is its own would otherwise fill the briefing.
    static let exclusivesPerSourceLimit = 5
    /// Groups of figures beyond this many are counted, not shown.
    static let figureGroupLimit = 20

    let story: Story
    let members: [Article]

    init(story: Story, members: [Article]) {
        self.story = story
        self.members = members
    }

    // MARK: Outlets

    /// The name a source goes by in a fact's `outlets`: the outlet's name, else the article's id.
    static func outletKey(of article: Article) -> String { article.provenance.outlet ?? article.id }

    /// The sources the facts name, in the order their first article was read; a source no member
    /// goes by (which the synthesis stage should not produce) comes last, in first-seen order.
    var matrixColumns: [String] {
        var seen: Set<String> = []
        var named: [String] = []
        for fact in story.facts {
            for outlet in fact.outlets where seen.insert(outlet).inserted { named.append(outlet) }
        }
        var firstRead: [String: Int] = [:]
        for (index, article) in members.enumerated() {
            for key in [Self.outletKey(of: article), article.id] where firstRead[key] == nil { firstRead[key] = index }
        }
        return named.enumerated().sorted { a, b in
            let ra = firstRead[a.element] ?? Int.max, rb = firstRead[b.element] ?? Int.max
            return ra != rb ? ra < rb : a.offset < b.offset
        }.map(\.element)
    }

    /// The member articles a source stands for (its articles, or the one article it names).
    func articles(of outlet: String) -> [String] {
        let byOutlet = members.filter { $0.provenance.outlet == outlet }.map(\.id)
        if !byOutlet.isEmpty { return byOutlet }
        return members.contains { $0.id == outlet } ? [outlet] : []
    }

    /// The facts the matrix shows: the most salient first (ties keep the stage's order), at most `limit`.
    func matrixFacts(limit: Int = matrixRowLimit) -> (shown: [Fact], hidden: Int) {
        let ordered = story.facts.enumerated().sorted { a, b in
            a.element.salience != b.element.salience ? a.element.salience > b.element.salience : a.offset < b.offset
        }.map(\.element)
        let shown = Array(ordered.prefix(limit))
        return (shown, ordered.count - shown.count)
    }

    /// Exclusive groups with their facts looked up; ids that name no fact are left out.
    var exclusiveGroups: [(group: ExclusiveGroup, facts: [Fact])] {
        let byID = Dictionary(story.facts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return story.exclusives.map { group in (group, group.facts.compactMap { byID[$0] }) }.filter { !$0.facts.isEmpty }
    }

    // MARK: Who said what

    struct SpeakerGroup {
        var speaker: String?
        var role: String?
        var quotes: [Quote]
    }

    /// Quotations grouped by speaker, most quoted first; quotations whose speaker the text does
    /// not name come last.
    var speakerGroups: [SpeakerGroup] {
        var order: [String?] = []
        var bySpeaker: [String?: [Quote]] = [:]
        for quote in story.quotes {
            if bySpeaker[quote.speaker] == nil { order.append(quote.speaker) }
            bySpeaker[quote.speaker, default: []].append(quote)
        }
        order.sort { a, b in
            if (a == nil) != (b == nil) { return b == nil }
            let ca = bySpeaker[a]?.count ?? 0, cb = bySpeaker[b]?.count ?? 0
            return ca != cb ? ca > cb : (a ?? "") < (b ?? "")
        }
        let roles = Dictionary(story.people.map { ($0.name, $0.roles.first) }, uniquingKeysWith: { first, _ in first })
        return order.map { speaker in
            SpeakerGroup(speaker: speaker, role: speaker.flatMap { roles[$0] ?? nil }, quotes: bySpeaker[speaker] ?? [])
        }
    }

    /// The outlet that carries an article, else its id.
    func outletName(ofArticle id: String) -> String {
        members.first { $0.id == id }?.provenance.outlet ?? id
    }

    // MARK: Figures

    /// One figure as written, with every article that writes it so.
    struct FigureMention {
        var text: String
        var source: String?
        var articles: [String]
    }

    /// Figures by what they count (first-seen order, compared without case); figures that count
    /// nothing nameable come last.
    struct FigureGroup {
        var counts: String?
        var figures: [FigureMention]
        /// The heading: what the figures count, or for figures whose text names nothing they
        /// count, what they are ("percentages") or "other".
        var label: String
        init(counts: String?, figures: [FigureMention], label: String? = nil) {
            self.counts = counts
            self.figures = figures
            self.label = label ?? counts ?? "other"
        }
    }

    var figureGroups: (shown: [FigureGroup], hidden: Int) {
        var groups: [FigureGroup] = []
        var groupIndex: [String: Int] = [:]
        var uncounted = FigureGroup(counts: nil, figures: [])
        // “47% six months later”, “a peak of 88%”: shares whose text does not say of what are
        // grouped as such rather than with every other uncounted number.
        var shares = FigureGroup(counts: nil, figures: [], label: "percentages")
        func add(_ figure: StoryFigure, to group: inout FigureGroup) {
            if let index = group.figures.firstIndex(where: { $0.text == figure.text && $0.source == figure.source }) {
                if !group.figures[index].articles.contains(figure.article) { group.figures[index].articles.append(figure.article) }
            } else {
                group.figures.append(FigureMention(text: figure.text, source: figure.source, articles: [figure.article]))
            }
        }
        for figure in story.figures {
            guard let counts = figure.figure.counts, !counts.isEmpty else {
                if figure.figure.unit == "percent" { add(figure, to: &shares) } else { add(figure, to: &uncounted) }
                continue
            }
            let key = counts.lowercased()
            if let index = groupIndex[key] {
                add(figure, to: &groups[index])
            } else {
                groupIndex[key] = groups.count
                var group = FigureGroup(counts: counts, figures: [])
                add(figure, to: &group)
                groups.append(group)
            }
        }
        if !shares.figures.isEmpty { groups.append(shares) }
        if !uncounted.figures.isEmpty { groups.append(uncounted) }
        let shown = Array(groups.prefix(Self.figureGroupLimit))
        return (shown, groups.count - shown.count)
    }

    // MARK: Versions and duplicates

    /// The main changes of one version pair in words, article text passed through `escape`.
    func changeDescription(_ change: VersionChange, escape: (String) -> String) -> String {
        let titles = Dictionary(members.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        var facts: [String] = []
        if change.headlineChanged, let old = titles[change.earlier] ?? nil, let new = titles[change.later] ?? nil {
            facts.append("headline changed from “\(escape(old))” to “\(escape(new))”")
        }
        if change.dekChanged { facts.append("dek rewritten") }
        var paragraphs: [String] = []
        if change.paragraphsAdded > 0 { paragraphs.append("\(change.paragraphsAdded) added") }
        if change.paragraphsRemoved > 0 { paragraphs.append("\(change.paragraphsRemoved) removed") }
        if change.paragraphsRewritten > 0 { paragraphs.append("\(change.paragraphsRewritten) rewritten") }
        if change.paragraphsMoved > 0 { paragraphs.append("\(change.paragraphsMoved) moved") }
        if !paragraphs.isEmpty { facts.append("paragraphs: " + paragraphs.joined(separator: ", ")) }
        let figures = change.figuresChanged.prefix(5).map { edit -> String in
            let counts = edit.counts.map { " \(escape($0))" } ?? ""
            switch (edit.earlier, edit.later) {
            case let (old?, new?): return "\(escape(old)) → \(escape(new))\(counts)"
            case let (nil, new?): return "new \(escape(new))\(counts)"
            case let (old?, nil): return "\(escape(old))\(counts) dropped"
            default: return ""
            }
        }
        if !figures.isEmpty {
            let more = change.figuresChanged.count > 5 ? " and \(change.figuresChanged.count - 5) more" : ""
            facts.append("figures: " + figures.joined(separator: "; ") + more)
        }
        let added = change.quotesChanged.filter { $0.earlier == nil }.count
        let removed = change.quotesChanged.filter { $0.later == nil }.count
        let reworded = change.quotesChanged.count - added - removed
        var quotes: [String] = []
        if added > 0 { quotes.append("\(added) added") }
        if removed > 0 { quotes.append("\(removed) removed") }
        if reworded > 0 { quotes.append("\(reworded) reworded") }
        if !quotes.isEmpty { facts.append("quotations: " + quotes.joined(separator: ", ")) }
        return facts.isEmpty ? "wording only" : facts.joined(separator: "; ")
    }

    /// Pairs of duplicates beyond this many are counted, not shown.
    static let duplicateLimit = 20

    /// How two articles share their text, in words.
    static func duplicateDescription(_ pair: DuplicatePair) -> String {
        switch pair.kind {
        case .exact: "the same text"
        case .near: String(format: "near-duplicates (%.0f%% of their word runs shared)", pair.similarity * 100)
        case .copy: String(format: "a copy (%.0f%% of the shorter inside the longer)", pair.similarity * 100)
        }
    }
}

/// The one short line a section shows when it has nothing to list, so that a reader sees the
/// section was looked for.
enum EmptySection {
    static let summary = "No sentence could stand alone as a summary."
    static let facts = "No facts were aligned across the articles."
    static let disagreements = "No disagreements found between the sources."
    static let exclusives = "No fact is reported by only one source."
    static let quotes = "No quotations found."
    static let figures = "No figures found."
    static let timeline = "No dated events found."
}

/// Calendar values of the timeline, written for a reader.
enum ReadableDate {
    static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let partsOfDay = ["MO": "morning", "MI": "midday", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"]

    /// A TIMEX3 date value as a reader would write it: `2022-01-13` is "Thu 13 Jan 2022",
    /// `XXXX-WXX-4` (a weekday of a week the text does not place) "Thursday (week not dated)",
    /// `2022-01` "Jan 2022", `2022-W02` "week 2 of 2022". A value of another shape is shown as it is.
    static func text(for value: String) -> String {
        let parts = value.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false)
        let datePart = String(parts[0])
        let timePart = parts.count > 1 ? String(parts[1]) : nil
        let fields = datePart.split(separator: "-", omittingEmptySubsequences: false).map(String.init)

        if fields.count == 3, fields[0] == "XXXX", fields[1] == "WXX", let day = weekday(fields[2]) {
            return "\(weekdays[day - 1]) (week not dated)"
        }
        guard let year = Int(fields[0]), fields[0].count == 4 else { return value }
        switch fields.count {
        case 1 where timePart == nil:
            return fields[0]
        case 2 where timePart == nil:
            if let month = Int(fields[1]), fields[1].count == 2, (1...12).contains(month) { return "\(months[month - 1]) \(year)" }
            if let week = isoWeek(fields[1]) { return "week \(week) of \(year)" }
        case 3:
            // The calendar reader takes any leading `YYYY-MM-DD`; the value must be that and no more.
            if datePart.count == 10, let date = CivilDate(iso8601: datePart) {
                let day = "\(weekdays[date.weekday - 1].prefix(3)) \(date.day) \(months[date.month - 1]) \(date.year)"
                guard let timePart else { return day }
                if let part = partsOfDay[timePart] { return "\(day), \(part)" }
                if timePart.count >= 5, timePart.dropFirst(2).first == ":", timePart.prefix(2).allSatisfy(\.isNumber) {
                    return "\(day), \(timePart.prefix(5))"
                }
                return value
            }
            if timePart == nil, let week = isoWeek(fields[1]), let day = weekday(fields[2]) {
                return "\(weekdays[day - 1]) of week \(week), \(year)"
            }
        default:
            break
        }
        return value
    }

    /// `W02` → 2.
    private static func isoWeek(_ field: String) -> Int? {
        guard field.first == "W", let week = Int(field.dropFirst()), (1...53).contains(week) else { return nil }
        return week
    }

    /// `4` → 4 (ISO: Monday is 1).
    private static func weekday(_ field: String) -> Int? {
        guard let day = Int(field), (1...7).contains(day), field.count == 1 else { return nil }
        return day
    }
}
