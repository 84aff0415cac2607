/// Word tables of the time tagger, all lowercase (the tokenizer's `lower`).
enum TimeLexicon {
    static let months: [String: Int] = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8, "september": 9,
        "october": 10, "november": 11, "december": 12,
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11,
        "dec": 12,
    ]
    /// Month names that are also ordinary words or names: taken alone only after a time preposition.
    static let ambiguousMonths: Set<String> = ["may", "march", "august", "june", "april", "jan", "mar", "jun", "sep", "dec"]
    static let abbreviatedMonths: Set<String> = ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]

    static let weekdays: [String: Int] = [
        "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
    ]
    static let pluralWeekdays: [String: Int] = [
        "mondays": 1, "tuesdays": 2, "wednesdays": 3, "thursdays": 4, "fridays": 5, "saturdays": 6, "sundays": 7,
    ]

    static let dayParts: [String: String] = [
        "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
    ]

    static let seasons: [String: String] = ["winter": "WI", "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA"]

    static let units: [String: TimeUnit] = [
        "second": .second, "seconds": .second, "minute": .minute, "minutes": .minute, "hour": .hour, "hours": .hour,
        "day": .day, "days": .day, "week": .week, "weeks": .week, "month": .month, "months": .month, "quarter": .quarter,
        "quarters": .quarter, "year": .year, "years": .year, "decade": .decade, "decades": .decade, "century": .century,
        "centuries": .century,
    ]
    /// Words that may stand between a number and its unit ("three trading days", "two more weeks").
    static let unitAdjectives: Set<String> = [
        "more", "additional", "further", "trading", "business", "working", "calendar", "straight", "consecutive", "full", "long",
        "short", "whole", "extra", "fiscal", "previous", "past", "last", "next", "first", "final",
    ]

    static let cardinals: [String: Int] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
        "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
    ]
    static let vagueQuantities: Set<String> = ["several", "few", "many", "some", "numerous", "countless"]

    static let ordinals: [String: Int] = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
    ]

    /// Spelled decades ("the nineties").
    static let decadeWords: [String: Int] = [
        "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8, "nineties": 9,
    ]

    /// Words that say an approximate or bounded amount before a duration or a date.
    static let approximators: Set<String> = [
        "about", "around", "approximately", "roughly", "nearly", "almost", "some", "over", "under", "only", "just",
    ]
    static let twoWordApproximators: Set<String> = [
        "more than", "less than", "fewer than", "at least", "at most", "up to", "as many as", "as much as", "upwards of",
        "close to",
    ]

    static let timeZones: Set<String> = [
        "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc", "et", "bst", "cet", "cest",
    ]

    /// Adverbs of frequency and their TIMEX3 SET values. "quarterly" and "annually" are left out: in news they mostly qualify a dividend or a report,
    /// which TimeBank does not tag.
    static let frequencyAdverbs: [String: String] = [
        "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y", "hourly": "PT1H", "nightly": "P1D", "biweekly": "P2W",
    ]

    /// Lowercase words ending in "-ed" that are not past-tense verbs.
    static let notPastTense: Set<String> = [
        "indeed", "proceed", "exceed", "succeed", "speed", "breed", "embed", "seed", "feed", "united", "hundred", "kindred",
        "naked", "wicked", "sacred", "beloved", "need", "deed", "red", "bed", "shed", "wed", "fled", "led", "bred", "limited",
        "expected", "scheduled", "planned", "slated", "proposed", "intended", "anticipated", "based", "related", "detailed",
        "advanced", "supposed",
    ]
    static let pastCues: Set<String> = [
        "said", "told", "was", "were", "had", "did", "been", "announced", "reported", "ago", "says", "saw", "came", "went",
        "took", "gave", "made", "began", "left", "won", "lost", "met", "held", "found", "got", "became", "fell", "rose", "hit",
        "killed", "died", "yesterday", "last", "earlier", "brought", "bought", "sold", "paid", "thought", "felt", "kept",
        "spent", "sent", "built", "fought", "caught", "taught", "led", "fled", "struck", "spoke", "wrote", "drove", "rode",
        "threw", "grew", "knew", "flew", "drew", "chose", "froze", "broke", "stole", "woke", "sought", "meant", "heard",
        "stood", "understood", "ran", "sat", "shot", "lit", "bore", "swore", "tore", "wore", "ate", "forgot", "gotten",
        "did", "dug", "hung", "rang", "sang", "sank", "shrank", "swam", "began", "beat", "bit", "hid", "slid", "split",
        "quit", "fell", "let", "cut", "put", "set", "hurt", "cost", "resigned",
    ]
    static let modals: Set<String> = ["will", "would", "could", "may", "might", "can", "shall", "should", "must"]
    static let futureCues: Set<String> = [
        "will", "shall", "won't", "would", "expected", "expects", "expect", "scheduled", "slated", "plans", "plan",
        "planning", "upcoming", "next", "coming", "tomorrow", "intends", "intend", "hopes", "aims", "later",
    ]
    /// Verbs whose infinitive names a later event: "agreed to buy the line in February", "decided to
    /// admit them in March" put the time after the verb, so after a past verb it is read as ahead.
    static let prospectiveVerbs: Set<String> = [
        "agreed", "agree", "agrees", "decided", "decide", "decides", "planned", "promised", "promises", "vowed", "vows",
        "pledged", "pledges", "hoped", "wanted", "voted", "threatened", "threatens", "offered", "intended", "prepared",
        "prepares", "proposed", "sought", "seeks", "asked", "urged", "urges", "ready", "likely", "poised", "aimed", "supposed",
    ]
    /// Past participles that follow "has"/"have" in the perfect ("have come down", "has risen").
    static let irregularParticiples: Set<String> = [
        "come", "gone", "done", "seen", "taken", "given", "known", "shown", "grown", "fallen", "risen", "begun", "written",
        "driven", "broken", "spoken", "chosen", "stolen", "become", "run", "been", "won", "lost", "made", "held", "paid",
        "sold", "bought", "brought", "kept", "left", "met", "sent", "spent", "built", "fought", "found", "got", "hit", "put",
        "cut", "set", "let", "had", "led", "fled", "struck", "told", "said", "thrown", "flown", "drawn", "torn", "worn",
        "sworn", "hidden", "forgotten", "frozen", "woken", "eaten", "beaten", "bitten", "sunk", "shrunk", "sung", "rung",
    ]

    /// Which readings a word can begin.
    struct Role: OptionSet {
        let rawValue: UInt8
        static let deictic = Role(rawValue: 1)
        static let quantity = Role(rawValue: 2)
        static let calendar = Role(rawValue: 4)
        static let weekday = Role(rawValue: 8)
        static let set = Role(rawValue: 16)
        static let vague = Role(rawValue: 32)
        static let ordinal = Role(rawValue: 64)
    }

    static let roles: [String: Role] = {
        var roles: [String: Role] = [:]
        func add(_ words: some Sequence<String>, _ role: Role) {
            for w in words { roles[w, default: []].insert(role) }
        }
        add(
            [
                "today", "yesterday", "tomorrow", "tonight", "overnight", "noon", "midday", "midnight", "this", "last", "next",
                "coming", "past", "previous", "upcoming", "following", "that", "fiscal", "year-earlier", "year-ago", "year-before",
            ], .deictic)
        add(cardinals.keys, .quantity)
        add(vagueQuantities, .quantity)
        add(["a", "an", "couple", "half"], .quantity)
        add(months.keys, .calendar)
        add(["nineteen", "eighteen", "two", "christmas", "thanksgiving", "halloween", "easter", "new", "independence", "election"], .calendar)
        add(weekdays.keys, .weekday)
        add(frequencyAdverbs.keys, .set)
        add(pluralWeekdays.keys, .set)
        add(["every", "each", "per"], .set)
        add(
            [
                "now", "right", "currently", "nowadays", "current", "these", "recently", "lately", "recent", "future", "coming",
                "upcoming", "years", "months", "weeks", "decades", "centuries", "soon",
            ], .vague)
        add(ordinals.keys, .ordinal)
        return roles
    }()

    /// Words before a number that make it a year even outside 1900–2100 ("in 1848", "since 1066").
    static let yearLeads: Set<String> = [
        "in", "since", "until", "till", "by", "before", "after", "of", "from", "to", "through", "during", "early", "late",
        "mid", "fiscal", "the", "around", "circa", "year", "between", "and", "summer", "winter", "spring", "fall", "autumn",
        "for", "at", "as", "'s", "than", "on",
    ]
    /// Nouns that a number straight before them counts ("2000 troops"): no year.
    static let countedNouns: Set<String> = [
        "people", "men", "women", "children", "troops", "soldiers", "workers", "jobs", "employees", "cars", "units", "shares",
        "miles", "kilometers", "feet", "meters", "tons", "pounds", "dollars", "votes", "students", "members", "cases",
        "deaths", "homes", "acres", "points", "barrels", "residents", "refugees", "police", "officers", "civilians",
    ]
    /// Words before a month name that make an ambiguous one ("May", "March") a month.
    /// Words after a capitalized month that leave it a verb or a name ("the March on Washington").
    static let functionWordsAfterMonth: Set<String> = [
        "on", "of", "to", "in", "into", "for", "and", "or", "from", "with", "at", "by", "that", "which", "who", "the", "a", "an",
        "is", "was", "were", "are", "'s", "through", "toward", "towards", "past",
    ]

    /// Verbs whose simple present, with a time, tells a scheduled event ("the leaders meet Monday").
    static let scheduleVerbs: Set<String> = [
        "meet", "meets", "begin", "begins", "resume", "resumes", "convene", "convenes", "arrive", "arrives", "depart", "departs",
        "expire", "expires", "reconvene", "reconvenes",
    ]

    /// Words before a scheduling verb that leave the tense to another verb ("due to expire", "let
    /// the offensive begin") or make it past ("did not meet").
    static let notScheduling: Set<String> = [
        "to", "let", "lets", "letting", "make", "makes", "made", "help", "helps", "helped", "see", "saw", "watch", "watched", "not",
        "did", "didn't", "never",
    ]

    /// Determiners after "a quarter of" that make it a fraction of something ("of the market").
    static let fractionDeterminers: Set<String> = [
        "the", "a", "an", "its", "their", "his", "her", "our", "all", "this", "that", "these", "those",
    ]

    static let monthLeads: Set<String> = [
        "in", "since", "until", "till", "by", "early", "late", "mid", "of", "last", "next", "this", "during", "through",
        "before", "after", "from", "to", "between", "and", "or", "each", "every", "-", "since", "around", "end", "beginning",
        "middle", "that", "for", "past", "coming",
    ]
    /// The deictic words "earlier" and "later" may stand before ("later this month").
    static let deicticAfterEarlierLater: Set<String> = [
        "this", "today", "yesterday", "tomorrow", "tonight", "that", "last", "next",
    ]

    static let twoWordApproximatorStarts: Set<String> = ["more", "less", "fewer", "at", "up", "as", "upwards", "close"]

    /// Frequent starters that begin an expression only before a word that could go on.
    static let determiners: Set<String> = ["the", "a", "an", "that", "this", "these"]
    /// Words that go on after a determiner but do not begin an expression themselves.
    static let afterDeterminer: Set<String> = [
        "near", "short", "present", "same", "latest", "final", "full", "weekend", "comparable", "corresponding", "period",
        "end", "beginning", "start", "middle", "turn", "close", "rest", "remainder", "winter", "spring", "summer", "fall",
        "autumn", "morning", "afternoon", "evening", "night", "more", "additional", "further", "trading", "business",
        "working", "calendar", "straight", "consecutive", "long", "whole", "extra", "'90s", "'80s",
    ]

    /// Every word an expression can begin with; the tagger looks no further at any other word
    /// (numbers, hyphenated words and words that begin with a digit are always looked at).
    static let starters: Set<String> = {
        var words: Set<String> = [
            "the", "a", "an", "couple", "half", "no", "more", "less", "fewer", "at", "up", "as", "upwards", "close", "early",
            "late", "mid", "around", "earlier", "later", "year", "month", "today", "yesterday", "tomorrow", "tonight", "overnight",
            "noon", "midday", "midnight", "this", "last", "next", "coming", "past", "previous", "upcoming", "following", "that",
            "fiscal", "every", "each", "per", "now", "right", "currently", "nowadays", "current", "these", "recently", "lately",
            "recent", "future", "soon", "christmas", "thanksgiving", "halloween", "easter", "new", "independence", "election", "nineteen",
            "eighteen", "two",
        ]
        words.formUnion(months.keys)
        words.formUnion(weekdays.keys)
        words.formUnion(pluralWeekdays.keys)
        words.formUnion(units.keys)
        words.formUnion(cardinals.keys)
        words.formUnion(vagueQuantities)
        words.formUnion(ordinals.keys)
        words.formUnion(decadeWords.keys)
        words.formUnion(approximators)
        words.formUnion(frequencyAdverbs.keys)
        return words
    }()
}

/// Units of duration.
enum TimeUnit {
    case second, minute, hour, day, week, month, quarter, year, decade, century

    var isClock: Bool { self == .second || self == .minute || self == .hour }

    var letter: String {
        switch self {
        case .second: return "S"
        case .minute: return "M"
        case .hour: return "H"
        case .day: return "D"
        case .week: return "W"
        case .month: return "M"
        case .quarter: return "Q"
        case .year: return "Y"
        case .decade: return "DE"
        case .century: return "CE"
        }
    }

    /// The TIMEX3 duration for `amount` of the unit; `nil` amount is a vague one (`PXY`). Decades and
    /// centuries with a number are written in years (`P20Y`), as TimeBank does.
    func duration(_ amount: Double?) -> String {
        let t = isClock ? "T" : ""
        guard var x = amount else { return "P" + t + "X" + letter }
        var unit = self
        if unit == .decade {
            x *= 10
            unit = .year
        } else if unit == .century {
            x *= 100
            unit = .year
        }
        let whole = Int(x)
        let fraction = x - Double(whole)
        if fraction == 0 { return "P" + t + "\(whole)" + unit.letter }
        if fraction == 0.5 {
            switch unit {
            case .hour: return "PT\(whole)H30M"
            case .minute: return "PT\(whole)M30S"
            case .day: return "P\(whole)DT12H"
            case .year: return "P\(whole)Y6M"
            case .month: return "P\(whole)M15D"
            default: break
            }
        }
        var written = String(x)
        if written.endsWith(".0") { written.removeLast(2) }
        return "P" + t + written + unit.letter
    }
}
