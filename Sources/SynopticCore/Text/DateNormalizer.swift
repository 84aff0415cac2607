import Foundation

/// Reads the date formats news metadata uses and writes them as ISO 8601.
///
/// `2022-01-14`, `2022-01-14T09:30:00Z`, `2022-01-14 09:30:00+03:00`, `Fri, 14 Jan 2022 09:30:00 GMT`,
/// `January 14, 2022`, `Jan. 14, 2022`, `14 January 2022`, `2022/01/14` and Unix timestamps. A date
/// with a time zone is converted to UTC (`…Z`); a date alone stays a date; anything else is `nil`.
public enum DateNormalizer {
    public static func iso8601(_ raw: String) -> String? {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return nil }
        if let epoch = Double(text), epoch > 100_000_000, epoch < 10_000_000_000_000 {
            let seconds = epoch > 10_000_000_000 ? Int(epoch / 1000) : Int(epoch)
            return DateParts.fromEpoch(seconds).formatted
        }
        var tokens = Tokens(text)
        return tokens.parse()?.formatted
    }

    /// The seconds since 1970 (UTC) a normalised date can stand for: one instant when it has a
    /// time in UTC, the whole day when it is a date alone, and 14 hours either side when its zone
    /// is unknown (the widest offset in use). Comparing these ranges tells when one date is
    /// certainly later than another, whatever the zone a page left out.
    public static func possibleSeconds(ofISO8601 normalized: String) -> ClosedRange<Int>? {
        var tokens = Tokens(normalized)
        guard let parts = tokens.parse(), parts.isValid else { return nil }
        let unknownZone = parts.zoneOffset == nil ? 14 * 3600 : 0
        let start = parts.epochSeconds - (parts.zoneOffset ?? 0) * 60
        let end = parts.hour == nil ? start + 86_399 : start
        return (start - unknownZone)...(end + unknownZone)
    }
}

/// A calendar date with an optional time and zone offset.
struct DateParts: Equatable {
    var year: Int
    var month: Int
    var day: Int
    var hour: Int?
    var minute = 0
    var second = 0
    /// Offset from UTC in minutes, when the input gave a zone.
    var zoneOffset: Int?

    var isValid: Bool {
        guard (1...12).contains(month), (1900...2200).contains(year) else { return false }
        return (1...Self.daysIn(month: month, year: year)).contains(day)
            && (hour.map { (0...23).contains($0) } ?? true) && (0...59).contains(minute) && (0...60).contains(second)
    }

    var formatted: String? {
        guard isValid else { return nil }
        func pad(_ n: Int, _ width: Int = 2) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        guard let hour else { return "\(pad(year, 4))-\(pad(month))-\(pad(day))" }
        var parts = self
        if let offset = zoneOffset {
            parts = DateParts.fromEpoch(epochSeconds - offset * 60)
            parts.zoneOffset = 0
        }
        let date = "\(pad(parts.year, 4))-\(pad(parts.month))-\(pad(parts.day))T\(pad(parts.hour ?? hour)):\(pad(parts.minute)):\(pad(parts.second))"
        return zoneOffset == nil ? date : date + "Z"
    }

    static func daysIn(month: Int, year: Int) -> Int { CivilDate.daysIn(month: month, year: year) }

    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int { CivilDate.daysFromCivil(year, month, day) }

    var epochSeconds: Int {
        Self.daysFromCivil(year, month, day) * 86_400 + (hour ?? 0) * 3600 + minute * 60 + second
    }

    static func fromEpoch(_ seconds: Int) -> DateParts {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        let date = CivilDate(dayNumber: days)
        return DateParts(
            year: date.year, month: date.month, day: date.day, hour: rest / 3600, minute: rest % 3600 / 60, second: rest % 60, zoneOffset: 0)
    }
}

/// A small tokenizer-parser for the date shapes above.
private struct Tokens {
    enum Token: Equatable {
        case number(Int, digits: Int)
        case word(String)
        case symbol(Character)
    }

    var items: [Token] = []

    init(_ text: String) {
        var current = ""
        var kind = 0  // 1 digits, 2 letters
        func flush() {
            if kind == 1, let n = Int(current) { items.append(.number(n, digits: current.count)) }
            if kind == 2 { items.append(.word(current.lowercased())) }
            current = ""
            kind = 0
        }
        for c in text {
            let k = c.isASCII && c.isNumber ? 1 : (c.isLetter ? 2 : 0)
            if k != kind { flush() }
            if k == 0 {
                if !c.isWhitespace { items.append(.symbol(c)) }
            } else {
                current.append(c)
                kind = k
            }
        }
        flush()
    }

    static let months: [String: Int] = [
        "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
        "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
        "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
    ]
    static let weekdays: Set<String> = [
        "mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu", "thur", "thurs", "thursday", "fri", "friday",
        "sat", "saturday", "sun", "sunday",
    ]

    mutating func parse() -> DateParts? {
        // Drop weekday names and the commas and periods that follow words.
        items.removeAll { token in
            if case .word(let w) = token, Self.weekdays.contains(w) { return true }
            if case .symbol(let c) = token, c == "," { return true }
            return false
        }
        var date: DateParts?
        var index = 0
        // Y-M-D or Y/M/D.
        if case .number(let y, 4) = at(0), isSeparator(at(1)), case .number(let m, _) = at(2), isSeparator(at(3)),
            case .number(let d, _) = at(4)
        {
            date = DateParts(year: y, month: m, day: d)
            index = 5
            if case .word("t") = at(index) { index += 1 }
        } else if case .number(let m, _) = at(0), at(1) == .symbol("/"), case .number(let d, _) = at(2), at(3) == .symbol("/"),
            case .number(let y, 4) = at(4)
        {
            date = DateParts(year: y, month: m, day: d)  // US order, as US outlets write it
            index = 5
        } else if case .word(let w) = at(0), let m = Self.months[w] {
            // January 14 2022 / Jan. 14, 2022
            var i = 1
            if at(i) == .symbol(".") { i += 1 }
            guard case .number(let d, _) = at(i), case .number(let y, 4) = at(i + 1) else { return nil }
            date = DateParts(year: y, month: m, day: d)
            index = i + 2
        } else if case .number(let d, _) = at(0), case .word(let w) = at(1), let m = Self.months[w] {
            var i = 2
            if at(i) == .symbol(".") { i += 1 }
            guard case .number(let y, 4) = at(i) else { return nil }
            date = DateParts(year: y, month: m, day: d)
            index = i + 1
        }
        guard var parts = date else { return nil }
        if at(index) == .word("at") { index += 1 }
        // Optional time hh:mm[:ss][.fff] [am|pm] [zone].
        if case .number(let h, _) = at(index), at(index + 1) == .symbol(":"), case .number(let mi, _) = at(index + 2) {
            parts.hour = h
            parts.minute = mi
            index += 3
            if at(index) == .symbol(":"), case .number(let s, _) = at(index + 1) {
                parts.second = s
                index += 2
            }
            if at(index) == .symbol("."), case .number = at(index + 1) { index += 2 }
            var meridiem: String?
            if case .word(let w) = at(index), w == "am" || w == "pm" {
                meridiem = w
                index += 1
            } else if case .word(let w) = at(index), w == "a" || w == "p", at(index + 1) == .symbol("."), at(index + 2) == .word("m") {
                meridiem = w + "m"  // a.m. / p.m.
                index += 3
                if at(index) == .symbol(".") { index += 1 }
            }
            if meridiem == "pm", h < 12 { parts.hour = h + 12 }
            if meridiem == "am", h == 12 { parts.hour = 0 }
            parts.zoneOffset = zone(from: index)
        }
        return parts
    }

    private func zone(from index: Int) -> Int? {
        switch at(index) {
        case .word(let w) where ["z", "gmt", "utc", "ut"].contains(w):
            return 0
        case .word(let w)
        where ["est": -300, "edt": -240, "cst": -360, "cdt": -300, "pst": -480, "pdt": -420, "mst": -420, "mdt": -360].keys.contains(w):
            return ["est": -300, "edt": -240, "cst": -360, "cdt": -300, "pst": -480, "pdt": -420, "mst": -420, "mdt": -360][w]
        case .symbol(let sign) where sign == "+" || sign == "-":
            guard case .number(let n, let digits) = at(index + 1) else { return nil }
            var minutes: Int
            if digits == 4 {
                minutes = n / 100 * 60 + n % 100
            } else if at(index + 2) == .symbol(":"), case .number(let m, _) = at(index + 3) {
                minutes = n * 60 + m
            } else {
                minutes = n * 60
            }
            if sign == "-" { minutes = -minutes }
            return minutes
        default:
            return nil
        }
    }

    private func at(_ index: Int) -> Token? { index < items.count ? items[index] : nil }
    private func isSeparator(_ token: Token?) -> Bool { token == .symbol("-") || token == .symbol("/") || token == .symbol(".") }
}
