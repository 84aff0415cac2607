import SynopticCore

/// The date relative time expressions are resolved against: an article's publication date, or a
/// date inferred from the other articles of its story.
public struct TimeAnchor: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        /// The article's own publication date.
        case publication
        /// A date taken from other articles of the same story (see ``StoryTimeAnchor``).
        case story
    }

    public var date: CivilDate
    public var kind: Kind

    public init(date: CivilDate, kind: Kind = .publication) {
        self.date = date
        self.kind = kind
    }

    /// The leading `YYYY-MM-DD` of an ISO 8601 date or date-time (`2022-01-14`,
    /// `2022-01-14T09:30:00Z`): the calendar day as the outlet wrote it, with no time zone
    /// conversion, since "today" in the text means the writer's day. `nil` when it does not parse.
    public init?(iso8601: String, kind: Kind = .publication) {
        guard let date = CivilDate(iso8601: iso8601) else { return nil }
        self.init(date: date, kind: kind)
    }

    /// The annotation's name for this anchor.
    var annotationAnchor: TimeExpression.Anchor {
        switch kind {
        case .publication: return .publication
        case .story: return .story
        }
    }
}

/// Infers an anchor for an article that has no publication date from the other articles of its
/// story.
///
/// The anchor is the latest of the story's publication dates and of the full explicit dates
/// (`YYYY-MM-DD`, anchor `.explicit`) its articles write, where an explicit date later than the
/// latest publication is left out (a date after every publication is a scheduled event, not the
/// time of writing). So with dated siblings the latest publication wins unless none is known, and
/// an all-undated story is anchored at the latest day it reports. Kind `.story`; `nil` when the
/// story offers neither.
public enum StoryTimeAnchor {
    public static func infer(from articles: [(published: String?, explicitDates: [TimeExpression])]) -> TimeAnchor? {
        let published = articles.compactMap { $0.published.flatMap { CivilDate(iso8601: $0) } }.max()
        var latest = published
        for article in articles {
            for time in article.explicitDates where time.anchor == .explicit && time.kind != .duration && time.kind != .set {
                guard let value = time.value, value.unicodeScalars.count >= 10, let date = CivilDate(iso8601: value) else { continue }
                if let published, date > published { continue }
                if latest.map({ date > $0 }) ?? true { latest = date }
            }
        }
        return latest.map { TimeAnchor(date: $0, kind: .story) }
    }
}
