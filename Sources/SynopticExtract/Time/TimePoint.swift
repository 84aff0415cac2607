import SynopticCore

/// A point or period of the calendar at the granularity the text gives it, written as a TIMEX3 value.
enum TimePoint: Equatable {
    case day(CivilDate)
    /// A day with a part of the day: `MO`, `AF`, `EV`, `NI`.
    case dayPart(CivilDate, String)
    /// A day with a clock time.
    case clock(CivilDate, hour: Int, minute: Int)
    case week(year: Int, week: Int)
    case weekend(year: Int, week: Int)
    case month(year: Int, month: Int)
    case quarter(year: Int, quarter: Int)
    case half(year: Int, half: Int)
    /// `WI`, `SP`, `SU`, `FA`.
    case season(year: Int, season: String)
    case year(Int)
    /// The first three digits of the decade's years (199 for the 1990s).
    case decade(Int)
    /// The first two digits of the century's years (19 for the 20th century).
    case century(Int)

    var value: String {
        switch self {
        case .day(let d): return d.iso
        case .dayPart(let d, let part): return d.iso + "T" + part
        case .clock(let d, let h, let m): return d.iso + "T" + CivilDate.pad(h, 2) + ":" + CivilDate.pad(m, 2)
        case .week(let y, let w): return CivilDate.pad(y, 4) + "-W" + CivilDate.pad(w, 2)
        case .weekend(let y, let w): return CivilDate.pad(y, 4) + "-W" + CivilDate.pad(w, 2) + "-WE"
        case .month(let y, let m): return CivilDate.pad(y, 4) + "-" + CivilDate.pad(m, 2)
        case .quarter(let y, let q): return CivilDate.pad(y, 4) + "-Q\(q)"
        case .half(let y, let h): return CivilDate.pad(y, 4) + "-H\(h)"
        case .season(let y, let s): return CivilDate.pad(y, 4) + "-" + s
        case .year(let y): return CivilDate.pad(y, 4)
        case .decade(let d): return CivilDate.pad(d, 3)
        case .century(let c): return CivilDate.pad(c, 2)
        }
    }

    var kind: TimeExpression.Kind {
        switch self {
        case .dayPart, .clock: return .time
        default: return .date
        }
    }

    var year: Int? {
        switch self {
        case .day(let d), .dayPart(let d, _), .clock(let d, _, _): return d.year
        case .week(let y, _), .weekend(let y, _), .month(let y, _), .quarter(let y, _), .half(let y, _), .season(let y, _), .year(let y):
            return y
        case .decade, .century: return nil
        }
    }

    /// The same period `years` years earlier or later, at the same granularity.
    func shifted(years: Int) -> TimePoint {
        switch self {
        case .day(let d): return .day(d.adding(months: 12 * years))
        case .dayPart(let d, let p): return .dayPart(d.adding(months: 12 * years), p)
        case .clock(let d, let h, let m): return .clock(d.adding(months: 12 * years), hour: h, minute: m)
        case .week(let y, let w): return .week(year: y + years, week: w)
        case .weekend(let y, let w): return .weekend(year: y + years, week: w)
        case .month(let y, let m): return .month(year: y + years, month: m)
        case .quarter(let y, let q): return .quarter(year: y + years, quarter: q)
        case .half(let y, let h): return .half(year: y + years, half: h)
        case .season(let y, let s): return .season(year: y + years, season: s)
        case .year(let y): return .year(y + years)
        case .decade, .century: return self
        }
    }

    /// A day the point holds, when it is a day.
    var date: CivilDate? {
        switch self {
        case .day(let d), .dayPart(let d, _), .clock(let d, _, _): return d
        default: return nil
        }
    }

    static func week(of date: CivilDate) -> TimePoint {
        let w = date.isoWeek
        return .week(year: w.year, week: w.week)
    }

    static func quarter(of date: CivilDate) -> Int { (date.month - 1) / 3 + 1 }
}
