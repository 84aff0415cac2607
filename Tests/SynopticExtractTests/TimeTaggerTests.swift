import SynopticCore
import SynopticExtract
import Testing

/// Sentences about invented events, tagged against Friday 2022-01-14 unless a test says otherwise.
@Suite("Time tagger")
struct TimeTaggerTests {
    static let friday = TimeAnchor(iso8601: "2022-01-14")

    struct Found {
        var text: String
        var time: TimeExpression
    }

    func tag(_ string: String, anchor: TimeAnchor? = TimeTaggerTests.friday) -> [Found] {
        let text = TokenizedText(string)
        return TimeTagger().tag(text, anchor: anchor).map { Found(text: text[$0.span], time: $0) }
    }

    /// The one expression whose text is `words`.
    func value(of words: String, in string: String, anchor: TimeAnchor? = TimeTaggerTests.friday) -> TimeExpression? {
        let found = tag(string, anchor: anchor).filter { $0.text == words }
        #expect(found.count == 1, "\(words) in \(string): \(tag(string, anchor: anchor).map(\.text))")
        return found.first?.time
    }

    @Test("the anchor is read from an ISO 8601 date or date-time, as written")
    func anchors() throws {
        let anchor = try #require(TimeAnchor(iso8601: "2022-01-14T09:30:00Z"))
        #expect(anchor.date == CivilDate(year: 2022, month: 1, day: 14))
        #expect(anchor.kind == .publication)
        #expect(TimeAnchor(iso8601: "2022-02-30") == nil)
        #expect(TimeAnchor(iso8601: "yesterday") == nil)
        #expect(CivilDate(year: 2022, month: 1, day: 14).weekday == 5)
        #expect(CivilDate(year: 2021, month: 1, day: 3).isoWeek == (2020, 53))
        #expect(CivilDate(year: 2022, month: 1, day: 31).adding(months: 1) == CivilDate(year: 2022, month: 2, day: 28))
    }

    @Test("a month and day ending a range whose start has its year lie on or after the start, anchor or none")
    func rangeEnds() throws {
        let study = "Engineers logged the tides between Dec. 14, 2030, and Aug. 8, and published them later."
        // Against an anchor a week after the start the nearest Aug. 8 would be the one before it.
        let early = TimeAnchor(iso8601: "2030-12-21")
        let end = try #require(value(of: "Aug. 8", in: study, anchor: early))
        #expect(end.value == "2031-08-08")
        #expect(end.anchor == .explicit)
        #expect(value(of: "Aug. 8", in: study, anchor: nil)?.value == "2031-08-08")
        #expect(value(of: "Feb. 1", in: "Tolls were waived from Jan. 3, 2031, to Feb. 1 on the old bridge.", anchor: nil)?.value == "2031-02-01")
        #expect(value(of: "March 2", in: "Trains ran from June 5, 2030, through March 2.", anchor: nil)?.value == "2031-03-02")
        // Not a range: each date on its own, the yearless one against the anchor.
        let apart = "The pier closed on Dec. 14, 2030, and on Aug. 8 the ferry returned."
        #expect(value(of: "Aug. 8", in: apart, anchor: early)?.value == "2030-08-08")
        #expect(value(of: "Aug. 8", in: apart, anchor: nil)?.value == nil)
    }

    @Test("weekdays resolve by tense: the last one in past context, the next one in future context")
    func weekdays() {
        #expect(value(of: "Monday", in: "The harbor council voted on Monday to close the ferry pier.")?.value == "2022-01-10")
        #expect(value(of: "Thursday", in: "The mayor said Thursday that the pier had been closed.")?.value == "2022-01-13")
        #expect(value(of: "Friday", in: "Divers searched the channel Friday.")?.value == "2022-01-14")
        #expect(value(of: "Tuesday", in: "The council will meet again on Tuesday to vote on repairs.")?.value == "2022-01-18")
        #expect(value(of: "Tuesday", in: "The ferry is expected to resume service Tuesday.")?.value == "2022-01-18")
        #expect(value(of: "last Friday", in: "The crane toppled last Friday.")?.value == "2022-01-07")
        #expect(value(of: "next Friday", in: "Bids are due next Friday.")?.value == "2022-01-21")
        let night = value(of: "Sunday night", in: "Crews worked through Sunday night to clear the debris.")
        #expect(night?.value == "2022-01-09TNI")
        #expect(night?.kind == .time)
        #expect(value(of: "Friday morning", in: "Inspectors arrived Friday morning.")?.value == "2022-01-14TMO")
        // A possessive names a day that has come: "Wednesday's vote" in a future sentence.
        #expect(value(of: "Wednesday", in: "Opponents will try to overturn Wednesday's vote.")?.value == "2022-01-12")
        #expect(value(of: "Monday, Jan. 10", in: "The notice went out Monday, Jan. 10.")?.value == "2022-01-10")
    }

    @Test("days, weeks, months, seasons and years relative to the anchor")
    func relative() {
        let text = """
            Ridership fell last month. The bridge will reopen next week. Officials expect more snow this winter. \
            Tolls rose last year and will rise again next year. The agency met yesterday and meets again tomorrow. \
            The report is due today. Two engineers resigned earlier this month. Last week the ferry ran late.
            """
        let found = Dictionary(tag(text).map { ($0.text, $0.time.value ?? "nil") }, uniquingKeysWith: { a, _ in a })
        #expect(found["last month"] == "2021-12")
        #expect(found["next week"] == "2022-W03")
        #expect(found["Last week"] == "2022-W01")
        #expect(found["this winter"] == "2022-WI")
        #expect(found["last year"] == "2021")
        #expect(found["next year"] == "2023")
        #expect(found["yesterday"] == "2022-01-13")
        #expect(found["tomorrow"] == "2022-01-15")
        #expect(found["today"] == "2022-01-14")
        #expect(found["earlier this month"] == "2022-01")
        #expect(value(of: "today", in: "The report is due today.")?.anchor == .publication)
        #expect(value(of: "two days ago", in: "The pier cracked two days ago.")?.value == "2022-01-12")
        #expect(value(of: "six months ago", in: "The survey began six months ago.")?.value == "2021-07")
        #expect(
            value(of: "Three weeks earlier", in: "The crane failed on Jan. 12. Three weeks earlier, inspectors had passed it.")?.value == "2021-12-22"
        )
        #expect(value(of: "last summer", in: "The ferry carried a record crowd last summer.")?.value == "2021-SU")
    }

    @Test("calendar dates with and without a year")
    func calendarDates() {
        #expect(value(of: "Jan. 12", in: "The inquiry opened Jan. 12.")?.value == "2022-01-12")
        #expect(value(of: "12 January", in: "The inquiry opened on 12 January.")?.value == "2022-01-12")
        #expect(value(of: "Dec. 30", in: "The crack was first seen Dec. 30.")?.value == "2021-12-30")
        let iso = value(of: "2022-01-12", in: "Filed 2022-01-12 with the port authority.")
        #expect(iso?.value == "2022-01-12")
        #expect(iso?.anchor == .explicit)
        #expect(value(of: "January 12, 2022", in: "On January 12, 2022, the pier closed.")?.value == "2022-01-12")
        #expect(value(of: "1/12/2022", in: "The order is dated 1/12/2022.")?.value == "2022-01-12")
        #expect(value(of: "2021", in: "The bridge was last painted in 2021.")?.value == "2021")
        #expect(value(of: "January 2022", in: "Traffic counts for January 2022 are lower.")?.value == "2022-01")
        #expect(value(of: "the 1990s", in: "The pier was built in the 1990s.")?.value == "199")
        #expect(value(of: "the third quarter", in: "Tolls fell in the third quarter.")?.value == "2021-Q3")
        #expect(value(of: "March", in: "Repairs should end in March, the agency said.")?.value == "2022-03")
        // Not dates: a count, a price, an age.
        #expect(tag("About 2000 workers crossed the bridge.").isEmpty)
        #expect(tag("The fare is $1999 for a season pass.").isEmpty)
        #expect(tag("A 45-year-old pilot steered the ferry.").isEmpty)
    }

    @Test("clock times, vague references, durations and sets")
    func timesDurationsSets() {
        let three = value(of: "3 p.m.", in: "The pier closed at 3 p.m. after the inspection.")
        #expect(three?.value == "2022-01-14T15:00")
        #expect(three?.kind == .time)
        #expect(value(of: "10:30 a.m. Tuesday", in: "Service resumed at 10:30 a.m. Tuesday.")?.value == "2022-01-11T10:30")
        // A past time of day with no day beside it belongs to the last day named; a present one to the anchor.
        let story = "The ferry leaves at 6 p.m. on weekdays. The pier cracked on Wednesday. Divers said it closed at 4 p.m."
        #expect(value(of: "4 p.m.", in: story)?.value == "2022-01-12T16:00")
        #expect(value(of: "6 p.m.", in: story)?.value == "2022-01-14T18:00")
        #expect(value(of: "now", in: "The pier is now closed.")?.value == "PRESENT_REF")
        #expect(value(of: "currently", in: "Two ferries are currently idle.")?.value == "PRESENT_REF")
        #expect(value(of: "recently", in: "Divers recently found a second crack.")?.value == "PAST_REF")
        let days = value(of: "three days", in: "The pier was closed for three days.")
        #expect(days?.value == "P3D")
        #expect(days?.kind == .duration)
        #expect(days?.anchor == .explicit)
        #expect(value(of: "the past two years", in: "Tolls have doubled over the past two years.")?.value == "P2Y")
        #expect(value(of: "decades", in: "The pier stood for decades.")?.value == "PXDE")
        #expect(value(of: "five hours", in: "The crossing took five hours.")?.value == "PT5H")
        #expect(value(of: "30-year", in: "The city sold 30-year bonds.")?.value == "P30Y")
        let weekly = value(of: "every week", in: "Inspectors check the cables every week.")
        #expect(weekly?.value == "P1W")
        #expect(weekly?.kind == .set)
        #expect(value(of: "weekly", in: "The agency publishes weekly counts.")?.value == "P1W")
        #expect(value(of: "every Monday", in: "The ferry rests every Monday.")?.value == "XXXX-WXX-1")
    }

    @Test("tense without a parse: prospective verbs, plans, the perfect, 'until', 'next to', relative 'that'")
    func tenseCues() {
        // A past verb whose infinitive lies ahead: the Tuesday to come.
        #expect(value(of: "Tuesday", in: "The council decided to vote on Tuesday.")?.value == "2022-01-18")
        #expect(value(of: "Wednesday", in: "The hearing was set for Wednesday.")?.value == "2022-01-19")
        #expect(value(of: "Tuesday", in: "The talks are supposed to resume Tuesday, after envoys met.")?.value == "2022-01-18")
        // After the expression, the verb's own tense counts, not its infinitive's.
        #expect(value(of: "Monday", in: "On Monday the council voted to close the pier.")?.value == "2022-01-10")
        // "until" after a verb moves ahead; opening the clause it leaves the tense to the verb.
        #expect(value(of: "Tuesday", in: "The council postponed the vote until Tuesday.")?.value == "2022-01-18")
        #expect(value(of: "Thursday", in: "Until Thursday, the pier had stayed open.")?.value == "2022-01-13")
        // The perfect reports the past: last February, not the next one.
        #expect(value(of: "February", in: "Fares have risen every month since February.")?.value == "2021-02")
        // "next to" is a place, not a time ahead.
        #expect(value(of: "Thursday", in: "Two cars collided next to the ferry terminal Thursday.")?.value == "2022-01-13")
        // "that" opening a relative clause is no determiner: "that flooded" is a past verb.
        #expect(value(of: "March", in: "Engineers studied the storm that flooded the pier in March.")?.value == "2021-03")
    }

    @Test("months without a year: the nearest when the tense says nothing, behind after 'ended' and 'since'")
    func monthsWithoutYear() {
        #expect(value(of: "October", in: "The pier, busy in October, is quiet now.")?.value == "2021-10")
        #expect(value(of: "April", in: "The new ferry enters service in April.")?.value == "2022-04")
        #expect(value(of: "Feb. 28", in: "In the fiscal year ended Feb. 28, the line lost money.")?.value == "2021-02-28")
        #expect(value(of: "the fiscal year", in: "In the fiscal year ended Feb. 28, the line lost money.")?.value == "P1Y")
        #expect(value(of: "the year", in: "Revenue in the year ended Sept. 30 fell.")?.value == "P1Y")
        #expect(value(of: "the year", in: "Ridership for the year rose 4%.")?.value == "2022")
        #expect(value(of: "last Oct. 23", in: "The crane was installed last Oct. 23.")?.value == "2021-10-23")
        #expect(value(of: "year's end", in: "The work should be finished by year's end.")?.value == "2022")
        #expect(value(of: "Easter week", in: "The ferry adds trips for Easter week.")?.value == "2022-W15")
        #expect(value(of: "the week of March 7", in: "Hearings begin the week of March 7.")?.value == "2022-W10")
        #expect(value(of: "the last half of 2021", in: "Tolls rose in the last half of 2021.")?.value == "2021-H2")
        let text = "The pier reopened on Jan. 12. It had closed the previous Friday."
        #expect(value(of: "the previous Friday", in: text)?.value == "2022-01-07")
    }

    @Test("financial copy: the quarter in hand, comparisons with it, and year-to-date spans")
    func quarterInHand() {
        func values(_ string: String) -> [String] { tag(string).map { $0.time.value ?? "nil" } }
        // An earlier quarter named in passing and a forecast quarter leave the reported one in hand.
        #expect(
            values(
                "Profit rose in the fourth quarter. After a weak third quarter, margins recovered. "
                    + "It expects the first quarter to be weak. Profit doubled from a year earlier.")
                == ["2021-Q4", "2021-Q3", "2022-Q1", "2020-Q4"])
        // "the 2020 quarter" is the quarter in hand a year back, and does not replace it.
        #expect(
            values("Profit rose in the fourth quarter. In the 2020 quarter, the line lost money. Sales rose from a year ago.")
                == ["2021-Q4", "2020-Q4", "2020-Q4"])
        #expect(values("Profit rose in the fourth quarter, from a loss in the quarter a year ago.") == ["2021-Q4", "2020-Q4"])
        // After the first nine months, "a year earlier" compares years.
        #expect(
            values("Profit rose in the fourth quarter. In the first nine months, profit fell from a year earlier.")
                == ["2021-Q4", "P9M", "2021"])
    }

    @Test("vague futures: soon, as soon as possible, one day after a modal")
    func vagueFutures() {
        #expect(value(of: "soon", in: "The line will soon add a night ferry.")?.value == "FUTURE_REF")
        #expect(value(of: "as soon as possible", in: "The mayor wants the pier open as soon as possible.")?.value == "FUTURE_REF")
        #expect(tag("The pier was soon reopened.").isEmpty)
        #expect(tag("Divers arrived soon after the storm.").isEmpty)
        #expect(value(of: "one day", in: "The island could one day have a bridge.")?.value == "FUTURE_REF")
        #expect(value(of: "one day", in: "The pier closed for one day.")?.value == "P1D")
    }

    @Test("without an anchor, relative expressions get no value; explicit ones do")
    func noAnchor() {
        let text = "The council voted on Monday, two days after the pier cracked on January 12, 2022, and will meet next week for three hours."
        let found = tag(text, anchor: nil)
        let byText = Dictionary(found.map { ($0.text, $0.time) }, uniquingKeysWith: { a, _ in a })
        #expect(byText["Monday"]?.value == nil)
        #expect(byText["Monday"]?.anchor == nil)
        #expect(byText["next week"]?.value == nil)
        #expect(byText["January 12, 2022"]?.value == "2022-01-12")
        #expect(byText["January 12, 2022"]?.anchor == .explicit)
        #expect(byText["three hours"]?.value == "PT3H")
        #expect(value(of: "Jan. 12", in: "The inquiry opened Jan. 12.", anchor: nil)?.value == nil)
        #expect(value(of: "yesterday", in: "The pier closed yesterday.", anchor: nil)?.value == nil)
    }

    @Test("an article without a date takes its story's anchor")
    func storyAnchor() throws {
        let explicit = TimeExpression(span: TextSpan(start: 0, end: 10), kind: .date, value: "2022-01-12", anchor: .explicit)
        let later = TimeExpression(span: TextSpan(start: 0, end: 10), kind: .date, value: "2022-03-01", anchor: .explicit)
        let relative = TimeExpression(span: TextSpan(start: 0, end: 5), kind: .date, value: "2022-01-13", anchor: .publication)
        // Dated siblings: the latest publication (Jan. 14) is later than any day they report, and
        // the scheduled Mar. 1 lies after every publication, so it is ignored.
        let dated = try #require(
            StoryTimeAnchor.infer(from: [
                (published: "2022-01-14T08:00:00Z", explicitDates: [relative, explicit]),
                (published: "2022-01-10", explicitDates: [later]),
            ]))
        #expect(dated.date == CivilDate(year: 2022, month: 1, day: 14))
        #expect(dated.kind == .story)
        // No publication dates: the latest explicit date any article writes.
        let anchor = try #require(StoryTimeAnchor.infer(from: [(published: nil, explicitDates: [explicit, relative])]))
        #expect(anchor.date == CivilDate(year: 2022, month: 1, day: 12))
        // Dates after the only publication are plans, not the time of writing.
        #expect(
            StoryTimeAnchor.infer(from: [(published: "2022-01-09", explicitDates: [explicit, later])])?.date
                == CivilDate(year: 2022, month: 1, day: 9))
        #expect(StoryTimeAnchor.infer(from: [(published: nil, explicitDates: [relative])]) == nil)
        let tagged = TimeTagger().tag(TokenizedText("The ferry sank yesterday."), anchor: anchor)
        #expect(tagged.first?.value == "2022-01-11")
        #expect(tagged.first?.anchor == .story)
    }

    @Test("hostile input finishes with every span inside the text")
    func badInput() {
        func check(_ string: String, anchor: TimeAnchor? = TimeTaggerTests.friday) -> [TimeExpression] {
            let text = TokenizedText(string)
            let found = TimeTagger().tag(text, anchor: anchor)
            let count = text.scalars.count
            for t in found {
                #expect(t.span.start >= 0 && t.span.start < t.span.end && t.span.end <= count)
            }
            return found
        }
        #expect(check(String(repeating: "x", count: 1_000_000)).isEmpty)
        #expect(check(String(repeating: "1", count: 200_000)).isEmpty)
        let caps = check("ON MONDAY THE HARBOR COUNCIL VOTED TO CLOSE THE PIER FOR THREE DAYS. IT WILL REOPEN NEXT WEEK.")
        #expect(caps.map(\.value) == ["2022-01-10", "P3D", "2022-W03"])
        #expect(check("港口大桥于周一关闭。Мост закрыли в понедельник. الجسر مغلق منذ يوم الاثنين").isEmpty)
        let mondays = check(String(repeating: "Monday ", count: 100_000))
        #expect(mondays.count == 100_000)
        #expect(mondays.allSatisfy { $0.value == "2022-01-10" })
        _ = check(String(repeating: "the end of the ", count: 50_000) + "year")
        _ = check(String(repeating: "a year ago, ", count: 50_000), anchor: nil)
        _ = check(String(repeating: "3 p.m. ", count: 50_000))
        _ = check("Jan. Feb. 31 2022-02-30 13/45/2022 99:99 p.m. the 0000s nineteen")
    }

    @Test("a rate of a counted quantity and a time word in a name are not times")
    func ratesAndNames() {
        let rates = tag("The line runs four ferries a day and carries 900 riders a week.").map(\.text)
        #expect(!rates.contains("a day"))
        #expect(!rates.contains("a week"))
        #expect(!tag("The new pump moves 30 liters per second.").map(\.text).contains("per second"))
        // How often an event happens stays a time.
        #expect(tag("Inspectors visit the pier once a week.").contains { $0.text.hasSuffix("a week") })
        #expect(tag("The crane failed a week ago.").contains { $0.text == "a week ago" })
        let shows = tag("The minister spoke on the network's \"This Week\" program and later on \"60 Minutes\".").map(\.text)
        #expect(!shows.contains("This Week"))
        #expect(!shows.contains("60 Minutes"))
        #expect(!tag("The mayor told USA Today that the pier would reopen.").map(\.text).contains("Today"))
        #expect(value(of: "this week", in: "The pier reopens this week.")?.value == "2022-W02")
        #expect(value(of: "Today", in: "Today the pier reopened.")?.value == "2022-01-14")
        #expect(value(of: "Last week", in: "Last week the ferry ran late.")?.value == "2022-W01")
        #expect(tag("More than a quarter of the riders walked, and three quarters of the staff stayed home.").isEmpty)
        #expect(value(of: "the third quarter of 2021", in: "Fares rose in the third quarter of 2021.")?.value == "2021-Q3")
        #expect(value(of: "several quarters", in: "The line earned money after several quarters of losses.")?.value == "PXQ")
        #expect(value(of: "three quarters", in: "The line earned money after three quarters of losses.")?.value == "P3Q")
    }

    @Test("a quarter ended on a day is the calendar quarter that holds most of it")
    func quarterEnded() {
        let november = TimeAnchor(iso8601: "2022-11-02")
        let text = "For the quarter ended Sept. 30, the ferry line earned $2 million."
        #expect(value(of: "the quarter", in: text, anchor: november)?.value == "2022-Q3")
        #expect(value(of: "Sept. 30", in: text, anchor: november)?.value == "2022-09-30")
        #expect(value(of: "the quarter", in: "In the quarter ended July 31, the line carried 8,000 riders.", anchor: november)?.value == "2022-Q2")
        #expect(value(of: "the quarter", in: "In the quarter ending Oct. 1, the line lost money.", anchor: november)?.value == "2022-Q3")
    }

    @Test("a month before the noun it dates, a second day after \"and\", a scheduled present")
    func monthsDaysAndSchedules() {
        #expect(value(of: "March", in: "The March vote will decide the budget.")?.value == "2022-03")
        #expect(value(of: "June", in: "Under a June agreement, the city kept the pier.")?.value == "2021-06")
        #expect(!tag("Thousands joined the March on the capital.").map(\.text).contains("March"))
        #expect(value(of: "25", in: "The summit is set for April 24 and 25.")?.value == "2022-04-25")
        #expect(!tag("On April 24 and 25 people marched.").map(\.text).contains("25"))
        #expect(value(of: "Monday", in: "The two ministers meet separately Monday with the mediator.")?.value == "2022-01-17")
        #expect(value(of: "Tuesday", in: "The ferry offer expires Tuesday.")?.value == "2022-01-18")
        #expect(value(of: "Monday", in: "The ministers did not meet Monday.")?.value == "2022-01-10")
        #expect(value(of: "Tuesday", in: "The lease had been due to expire Tuesday.")?.value == "2022-01-11")
        #expect(value(of: "Saturday night", in: "The mayor let the search begin as planned Saturday night.")?.value == "2022-01-08TNI")
        #expect(value(of: "Saturday", in: "Fishermen planned a large protest at the harbor on Saturday.")?.value == "2022-01-15")
        // A time fronted before a long subject takes the tense of the clause's verb.
        let fronted = "On Tuesday, the National Association of Harbor and Ferry Workers of the Eastern Coast plans to hold a rally."
        #expect(value(of: "Tuesday", in: fronted)?.value == "2022-01-18")
        let past = "On Tuesday, the National Association of Harbor and Ferry Workers of the Eastern Coast held a rally."
        #expect(value(of: "Tuesday", in: past)?.value == "2022-01-11")
        #expect(value(of: "the last half of the '80s", in: "Ridership doubled in the last half of the '80s.")?.value == "198")
    }
}
