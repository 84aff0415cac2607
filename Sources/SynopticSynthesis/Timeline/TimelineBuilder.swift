import SynopticCore

/// Builds a story's timeline from the time expressions of its articles: every sentence that dates
/// something to a year, a month or a day, merged across sources when they tell the same thing on
/// the same date, in calendar order.
///
/// When nothing anchors the story on the calendar (no article has a publication date or a full
/// date), a bare weekday ("on Thursday") still places an event within the story's week. Such
/// entries carry `XXXX-WXX-N` (TIMEX3 for weekday N of an unknown week) and are ordered as the week
/// the story covers, taken to run from the weekend (see ``weekStart(_:)``), so "Sunday night",
/// "Monday" and "Thursday" read in that order.
struct TimelineBuilder {
    /// Entries kept for one date: the ones most sources tell.
    static let entriesPerDate = 3

    let sentences: StorySentences
    let sources: SourceKeys
    /// Fact index by entry, to merge sentences the alignment already grouped.
    let factOfEntry: [Int: Int]

    struct Event {
        var key: Date
        var when: String
        var entries: [Int]
    }

    /// A sortable date: calendar dates first by year, month, day (a coarser date before the finer
    /// ones within it); weekdays of an unanchored week after them, in the week's order.
    struct Date: Hashable, Comparable {
        var value: String
        var resolved: Bool
        var year: Int
        var month: Int
        var day: Int

        static func < (l: Date, r: Date) -> Bool {
            if l.resolved != r.resolved { return l.resolved }
            return (l.year, l.month, l.day, l.value) < (r.year, r.month, r.day, r.value)
        }
    }

    func entries() -> [TimelineEntry] {
        var events: [Event] = []
        var weekdays: Set<Int> = []
        for (a, article) in sentences.articles.enumerated() {
            var dated: [(date: Date, when: String, entry: Int)] = []
            for time in article.annotations.times where time.kind == .date || time.kind == .time {
                guard let date = Self.date(of: time, in: article), let entry = sentences.entry(holding: time.span, article: a) else { continue }
                dated.append((date, String(article[time.span]), entry))
            }
            // A sentence that names a day tells what happened that day: a year or month it also
            // names ("…, a treaty it left in 2019") dates something else.
            let withDays = Set(dated.filter { !$0.date.resolved || $0.date.day > 0 }.map(\.entry))
            for item in dated where item.date.day > 0 || !withDays.contains(item.entry) {
                if !item.date.resolved { weekdays.insert(item.date.day) }
                events.append(Event(key: item.date, when: item.when, entries: [item.entry]))
            }
        }
        guard !events.isEmpty else { return [] }
        // Unanchored weekdays follow the story's week.
        let weekStart = Self.weekStart(weekdays)
        for k in events.indices where !events[k].key.resolved {
            events[k].key.month = (events[k].key.day - weekStart + 7) % 7
        }

        var timeline: [TimelineEntry] = []
        let byDate = Dictionary(grouping: events.indices, by: { events[$0].key.value })
        let dates = Set(events.map(\.key)).sorted()
        var seenDates: Set<String> = []
        for date in dates where seenDates.insert(date.value).inserted {
            let indices = byDate[date.value]!
            // Merge the date's sentences that tell the same thing (one fact, or close wording).
            var groups: [[Int]] = []
            for i in indices {
                let entry = events[i].entries[0]
                if let g = groups.firstIndex(where: { group in group.contains { sameEvent(events[$0].entries[0], entry) } }) {
                    groups[g].append(i)
                } else {
                    groups.append([i])
                }
            }
            let ranked = groups.map { group -> (group: [Int], outlets: [String], first: Int) in
                let articleIDs = Self.unique(group.map { sentences.articles[sentences.entries[events[$0].entries[0]].article].id })
                return (group, sources.sources(of: articleIDs), group.map { events[$0].entries[0] }.min()!)
            }
            .sorted { $0.outlets.count != $1.outlets.count ? $0.outlets.count > $1.outlets.count : $0.first < $1.first }
            for item in ranked.prefix(Self.entriesPerDate) {
                let entriesOfGroup = Self.unique(item.group.map { events[$0].entries[0] })
                // The wording: the sentence nearest the top of its article.
                let lead = entriesOfGroup.min { (sentences.entries[$0].position, $0) < (sentences.entries[$1].position, $1) }!
                let first = item.group.first { events[$0].entries[0] == lead }!
                var references: [SourceReference] = []
                var articleIDs: [String] = []
                for e in [lead] + entriesOfGroup.filter({ $0 != lead }) {
                    let reference = sentences.reference(e)
                    guard !articleIDs.contains(reference.article) else { continue }
                    articleIDs.append(reference.article)
                    references.append(reference)
                }
                var entry = TimelineEntry(date: date.value, text: sentences.entries[lead].text, sources: articleIDs)
                entry.when = events[first].when
                entry.resolved = date.resolved
                entry.outlets = sources.sources(of: articleIDs)
                entry.references = references
                timeline.append(entry)
            }
        }
        return timeline
    }

    func sameEvent(_ i: Int, _ j: Int) -> Bool {
        if i == j { return true }
        if let f = factOfEntry[i], factOfEntry[j] == f { return true }
        return sentences.vectors[i].cosine(sentences.vectors[j]) >= 0.3
    }

    static func unique<T: Hashable>(_ items: [T]) -> [T] {
        var seen: Set<T> = []
        return items.filter { seen.insert($0).inserted }
    }

    /// The first day of the story's week for unanchored weekdays (1 Monday … 7 Sunday). News
    /// weeks run from the weekend: the week starts at the named day nearest after a weekend
    /// (Saturday, then Sunday, Monday…) that follows a day no article names. With every day named,
    /// it starts on Saturday. This is a presumption, which is why such entries say `resolved: false`.
    static func weekStart(_ weekdays: Set<Int>) -> Int {
        func fromWeekend(_ day: Int) -> Int { (day + 1) % 7 }
        let starts = weekdays.filter { !weekdays.contains($0 == 1 ? 7 : $0 - 1) }
        return starts.min { fromWeekend($0) < fromWeekend($1) } ?? 6
    }

    static let weekdayNames: [(String, Int)] = [
        ("monday", 1), ("tuesday", 2), ("wednesday", 3), ("thursday", 4), ("friday", 5), ("saturday", 6), ("sunday", 7),
    ]

    /// The date a time expression gives, for the timeline: a calendar year, month or day, or a
    /// weekday of an unanchored week; `nil` for durations, sets, references like "now", weeks and
    /// seasons, and unresolved expressions that name no weekday.
    static func date(of time: TimeExpression, in article: Article) -> Date? {
        if let value = time.value {
            let utf8 = Array(value.utf8)
            func digits(_ range: Range<Int>) -> Int? {
                guard range.upperBound <= utf8.count else { return nil }
                var n = 0
                for byte in utf8[range] {
                    guard byte >= 48 && byte <= 57 else { return nil }
                    n = n * 10 + Int(byte - 48)
                }
                return n
            }
            guard let year = digits(0..<4) else { return nil }
            if utf8.count == 4 { return Date(value: value, resolved: true, year: year, month: 0, day: 0) }
            guard utf8.count >= 7, utf8[4] == 45, let month = digits(5..<7), (1...12).contains(month) else { return nil }
            if utf8.count == 7 { return Date(value: value, resolved: true, year: year, month: month, day: 0) }
            guard utf8.count >= 10, utf8[7] == 45, let day = digits(8..<10), (1...31).contains(day) else { return nil }
            let dayValue = String(value.prefix(10))
            return Date(value: dayValue, resolved: true, year: year, month: month, day: day)
        }
        guard time.anchor == nil else { return nil }
        let text = article[time.span].lowercased()
        for (name, number) in weekdayNames where text.contains(name) {
            return Date(value: "XXXX-WXX-\(number)", resolved: false, year: 0, month: 0, day: number)
        }
        return nil
    }

    /// A day a time expression fixes, as compared across sources: `YYYY-MM-DD`, or `XXXX-WXX-N`.
    static func day(of time: TimeExpression, in article: Article) -> String? {
        guard time.kind == .date || time.kind == .time, let date = date(of: time, in: article), !date.resolved || date.day > 0 else { return nil }
        return date.value
    }
}
