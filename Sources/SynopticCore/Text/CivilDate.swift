/// A day of the proleptic Gregorian calendar, with the integer arithmetic date work needs (days
/// between dates, weekdays, ISO weeks, adding months) and no Foundation `Calendar`.
public struct CivilDate: Hashable, Sendable, Comparable {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `dayNumber` days after 1970-01-01.
    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// The leading `YYYY-MM-DD` of an ISO 8601 date or date-time (`2022-01-14`,
    /// `2022-01-14T09:30:00Z`), as written: no time zone conversion. `nil` when it is not a valid date.
    public init?(iso8601 text: String) {
        var digits: [Int] = []
        var index = 0
        for scalar in text.unicodeScalars {
            if index == 4 || index == 7 {
                guard scalar == "-" else { return nil }
            } else {
                guard scalar.value >= 48 && scalar.value <= 57 else { return nil }
                digits.append(Int(scalar.value) - 48)
            }
            index += 1
            if index == 10 { break }
        }
        guard digits.count == 8 else { return nil }
        let date = CivilDate(
            year: digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3], month: digits[4] * 10 + digits[5],
            day: digits[6] * 10 + digits[7])
        guard date.isValid else { return nil }
        self = date
    }

    public var isValid: Bool {
        (1...12).contains(month) && (1...Self.daysIn(month: month, year: year)).contains(day)
    }

    /// Days since 1970-01-01, after Howard Hinnant's civil-date algorithm.
    public var dayNumber: Int { Self.daysFromCivil(year, month, day) }

    /// ISO weekday: 1 is Monday, 7 is Sunday.
    public var weekday: Int { ((dayNumber % 7) + 7 + 3) % 7 + 1 }

    /// The ISO 8601 week and the year it belongs to (2021-01-03 is in week 53 of 2020).
    public var isoWeek: (year: Int, week: Int) {
        let thursday = dayNumber - weekday + 4
        let year = CivilDate(dayNumber: thursday).year
        return (year, (thursday - Self.daysFromCivil(year, 1, 1)) / 7 + 1)
    }

    public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

    /// The same day `months` months later, clamped to the month's last day (Jan 31 + 1 month is Feb 28).
    public func adding(months: Int) -> CivilDate {
        let total = year * 12 + (month - 1) + months
        let y = total >= 0 ? total / 12 : (total - 11) / 12
        let m = total - y * 12 + 1
        return CivilDate(year: y, month: m, day: min(day, Self.daysIn(month: m, year: y)))
    }

    /// `YYYY-MM-DD`.
    public var iso: String { "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))" }

    public static func < (a: CivilDate, b: CivilDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (proleptic Gregorian), after Howard Hinnant's civil-date algorithm.
    public static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// `n` in decimal, zero-padded to `width` digits (a sign first when negative).
    public static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(abs(n))
        return (n < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - s.count)) + s
    }
}
