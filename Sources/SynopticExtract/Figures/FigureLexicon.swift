import SynopticCore

/// The word lists the figure rules look up, keyed by a token's `lower` form.
enum FigureLexicon {
    // MARK: Numbers written in words

    static let small: [String: Double] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
        "eighteen": 18, "nineteen": 19,
    ]
    static let tens: [String: Double] = [
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]
    /// Scale words that multiply what comes before ("1.5 billion", "two thousand").
    static let scales: [String: Double] = ["thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12]
    /// Abbreviated scales written apart from the number ("2.5 bn").
    static let shortScales: [String: Double] = ["bn": 1e9, "mn": 1e6, "mln": 1e6, "bln": 1e9, "tn": 1e12, "trn": 1e12]
    /// Abbreviated scales glued to the number ("2.5bn", "10k"); "m" and "b" are decided in context.
    static let suffixScales: [String: Double] = [
        "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12,
    ]
    /// Plural scale words that make a vague count; the value is the smallest the plural allows
    /// ("thousands" is at least two thousand).
    static let vague: [String: Double] = ["dozens": 24, "hundreds": 200, "thousands": 2000, "millions": 2e6, "billions": 2e9]

    /// Words that can open a figure written in words.
    static let wordStarters: Set<String> = {
        var set = Set(small.keys).union(tens.keys).union(vague.keys)
        set.formUnion(["a", "an", "half", "tens"])
        for t in tens.keys {
            for s in ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"] { set.insert("\(t)-\(s)") }
        }
        return set
    }()

    /// The first two letters of the starters (ASCII, lowercase), as a 128 × 128 table: most words are
    /// ruled out without hashing.
    static let starterPrefixes: [Bool] = {
        var table = [Bool](repeating: false, count: 128 * 128)
        for word in wordStarters {
            let scalars = Array(word.unicodeScalars)
            let second = scalars.count > 1 ? Int(scalars[1].value) : 0
            table[Int(scalars[0].value) << 7 | second] = true
        }
        return table
    }()

    /// "twenty-five" → 25.
    static func hyphenated(_ word: String) -> Double? {
        guard let dash = word.firstIndex(of: "-") else { return nil }
        guard let t = tens[String(word[..<dash])], let u = small[String(word[word.index(after: dash)...])], u < 10 else { return nil }
        return t + u
    }

    // MARK: Currencies and units

    static let currencySymbols: [Unicode.Scalar: String] = [
        "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB", "₴": "UAH", "₹": "INR", "₩": "KRW",
    ]
    /// Letters glued before "$" ("US$", "C$").
    static let dollarPrefixes: [String: String] = ["us": "USD", "c": "CAD", "a": "AUD", "nz": "NZD", "hk": "HKD", "s": "SGD"]
    /// Currency codes written before the number ("USD 2 million"), all capitals only.
    static let currencyCodes: [String: String] = [
        "usd": "USD", "eur": "EUR", "gbp": "GBP", "rub": "RUB", "uah": "UAH", "cny": "CNY", "jpy": "JPY", "chf": "CHF",
    ]
    /// Currency words after the number ("2 million dollars", "300 rubles").
    static let currencyWords: [String: String] = [
        "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "ruble": "RUB", "rubles": "RUB",
        "rouble": "RUB", "roubles": "RUB", "hryvnia": "UAH", "hryvnias": "UAH", "hryvnas": "UAH", "yuan": "CNY",
        "renminbi": "CNY", "yen": "JPY", "rupee": "INR", "rupees": "INR", "usd": "USD", "eur": "EUR", "gbp": "GBP",
        "rub": "RUB", "uah": "UAH", "cny": "CNY", "jpy": "JPY",
    ]
    static let currencyUnits: Set<String> = ["USD", "EUR", "GBP", "JPY", "RUB", "UAH", "INR", "KRW", "CAD", "AUD", "NZD", "HKD", "SGD", "CNY", "CHF"]

    /// Units of measure after the number, or inside a hyphenated compound ("40-mile"), to their
    /// canonical name.
    static let measures: [String: String] = [
        "percent": "percent", "pct": "percent", "km": "km", "kilometer": "km", "kilometers": "km", "kilometre": "km",
        "kilometres": "km", "mile": "mile", "miles": "mile", "meter": "m", "meters": "m", "metre": "m", "metres": "m",
        "foot": "ft", "feet": "ft", "ft": "ft", "yard": "yd", "yards": "yd", "inch": "in", "inches": "in",
        "acre": "acre", "acres": "acre", "hectare": "ha", "hectares": "ha", "ton": "ton", "tons": "ton",
        "tonne": "ton", "tonnes": "ton", "kg": "kg", "kilogram": "kg", "kilograms": "kg", "kilo": "kg", "kilos": "kg",
        "pound": "lb", "pounds": "lb", "lb": "lb", "lbs": "lb", "gram": "g", "grams": "g", "barrel": "barrel",
        "barrels": "barrel", "liter": "l", "liters": "l", "litre": "l", "litres": "l", "gallon": "gal", "gallons": "gal",
        "mph": "mph", "kph": "km/h", "knots": "kn", "megawatt": "MW", "megawatts": "MW", "mw": "MW", "gigawatt": "GW",
        "gigawatts": "GW", "gw": "GW", "kilowatt": "kW", "kilowatts": "kW", "kw": "kW", "bcm": "bcm",
        "degree": "degree", "degrees": "degree",
    ]
    /// Units glued to the digits ("5km", "12pc").
    static let suffixMeasures: [String: String] = [
        "km": "km", "kg": "kg", "mph": "mph", "kph": "km/h", "ft": "ft", "lb": "lb", "lbs": "lb", "mw": "MW",
        "gw": "GW", "kw": "kW", "bcm": "bcm", "pc": "percent", "cm": "cm", "mm": "mm",
    ]
    /// What follows "square" or "cubic".
    static let areaBases: [String: String] = [
        "km": "km", "kilometers": "km", "kilometres": "km", "miles": "mile", "mile": "mile", "meters": "m",
        "metres": "m", "feet": "ft",
    ]

    /// Time units: a number counting them is a duration or an age, which the time expressions cover.
    static let timeUnits: Set<String> = [
        "year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours", "minute", "minutes",
        "second", "seconds", "decade", "decades", "century", "centuries", "night", "nights", "weekend", "weekends",
        "fortnight", "yr", "yrs", "hr", "hrs", "min", "mins", "sec", "secs", "millennia", "millennium", "times",
    ]

    // MARK: Context that rules a number out

    static let months: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ]
    /// Words that make the next number a label, not a quantity ("Article 5", "page 3", "No. 10").
    static let labels: Set<String> = [
        "page", "pages", "p", "pp", "section", "sections", "chapter", "article", "articles", "paragraph", "clause",
        "card", "no", "nos", "number", "item", "vol", "volume", "part", "figure", "fig", "table", "step", "resolution",
        "route", "highway", "interstate", "flight", "room", "gate", "platform", "episode", "season", "phase", "stage",
        "level", "grade", "category", "class", "version", "model", "tier", "building", "apartment", "unit", "line",
        "round", "game", "act", "scene", "exhibit", "appendix", "annex", "rule", "amendment", "covid", "sars", "apollo",
        "boeing", "airbus", "windows", "iphone", "rank", "ranked", "seed", "seeded", "number", "code", "bus", "lane",
        "street", "avenue", "district", "ward", "precinct", "block", "size", "aged", "age", "ages", "minus",
        "plus", "jersey", "channel", "channels", "ch", "pt", "sec",
        "opus", "psalm", "verse", "vs", "v", "versus", "#", "top",
    ]
    /// Times of day after the number ("3 p.m.", "10 GMT").
    static let clockWords: Set<String> = [
        "a.m.", "p.m.", "am", "pm", "a.m", "p.m", "gmt", "utc", "est", "edt", "cet", "cest", "bst", "pst", "pdt",
        "msk", "o'clock", "hrs",
    ]
    /// Words that, before a year-like number, show it is a year ("in 2014", "its 1997 boundaries").
    static let yearLeads: Set<String> = [
        "in", "since", "until", "till", "by", "from", "before", "after", "during", "of", "year", "early", "late",
        "mid", "through", "to", "and", "or", "the", "a", "its", "their", "his", "her", "our", "'s", "this", "that",
        "circa", "c", "around", "about", "fiscal", "between", "than", "season", "summer", "winter", "spring", "autumn",
        "fall", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ]
    /// Abbreviations whose period does not end a sentence.
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "st", "prof", "adm", "capt", "maj",
        "cmdr", "gov", "pres", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "no", "nos", "vs", "v", "jr", "sr", "inc", "corp", "co", "ltd", "approx", "est", "fig", "vol", "p", "pp",
    ]

    // MARK: Hedges

    /// Approximation words before the number, longest first.
    static let hedges: [([String], Figure.Approximation)] = {
        let list: [([String], Figure.Approximation)] = [
            (["more", "than"], .moreThan), (["over"], .moreThan), (["upwards", "of"], .moreThan),
            (["upward", "of"], .moreThan), (["in", "excess", "of"], .moreThan), (["just", "over"], .moreThan),
            (["well", "over"], .moreThan), (["well", "above"], .moreThan), (["above"], .moreThan),
            (["greater", "than"], .moreThan), (["well", "more", "than"], .moreThan), (["at", "least"], .atLeast),
            (["no", "fewer", "than"], .atLeast), (["no", "less", "than"], .atLeast), (["not", "less", "than"], .atLeast),
            (["a", "minimum", "of"], .atLeast), (["fewer", "than"], .lessThan), (["less", "than"], .lessThan),
            (["under"], .lessThan), (["below"], .lessThan), (["well", "under"], .lessThan),
            (["well", "below"], .lessThan), (["up", "to"], .upTo), (["as", "many", "as"], .upTo),
            (["as", "much", "as"], .upTo), (["as", "high", "as"], .upTo), (["at", "most"], .upTo),
            (["no", "more", "than"], .upTo), (["not", "more", "than"], .upTo), (["a", "maximum", "of"], .upTo),
            (["about"], .about), (["around"], .about), (["roughly"], .about), (["approximately"], .about),
            (["approx"], .about), (["approx", "."], .about), (["some"], .about), (["an", "estimated"], .about),
            (["the", "estimated"], .about), (["circa"], .about), (["~"], .about), (["an", "approximate"], .about),
            (["nearly"], .nearly), (["almost"], .nearly), (["close", "to"], .nearly), (["just", "under"], .nearly),
            (["just", "shy", "of"], .nearly), (["just", "below"], .nearly), (["not", "quite"], .nearly),
        ]
        return list.sorted { $0.0.count > $1.0.count }
    }()
    /// Last words of the hedges, to skip the backward match quickly.
    static let hedgeEnds: Set<String> = Set(hedges.map { $0.0.last! })

    // MARK: The counted noun phrase

    /// Words that end the noun phrase after a number.
    static let stopWords: Set<String> = [
        "a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her", "our", "your", "my", "and",
        "or", "but", "nor", "of", "in", "on", "at", "to", "from", "by", "for", "with", "without", "near", "into", "onto",
        "over", "under", "about", "around", "across", "along", "against", "between", "among", "amid", "during",
        "since", "until", "after", "before", "than", "as", "per", "via", "within", "inside", "outside", "beyond",
        "toward", "towards", "through", "throughout", "who", "which", "whom", "whose", "where", "when", "while", "if",
        "because", "so", "yet", "not", "no", "is", "are", "was", "were", "be", "been", "being", "am", "has", "have",
        "had", "do", "does", "did", "will", "would", "could", "should", "may", "might", "must", "can", "shall", "it",
        "they", "he", "she", "we", "i", "you", "them", "him", "us", "there", "here", "each", "every", "all", "both",
        "most", "less", "fewer", "some", "any", "also", "only", "just", "even", "still", "already", "now", "then",
        "again", "ago", "later", "earlier", "too", "very", "said", "says", "say", "told", "according", "'s", "s",
        "percent", "plus", "minus", "apiece", "each", "alone", "altogether", "overall", "total", "instead", "whereas",
        "unless", "besides", "perhaps", "always", "sometimes", "thus", "this", "up", "down", "out", "off", "away",
        "back", "upon", "like", "unlike", "despite", "including", "excluding", "versus", "vs", "or", "what", "why",
        "how", "either", "neither", "whether", "than", "once", "twice", "ever", "never", "today", "tonight",
        "yesterday", "tomorrow", "last", "next", "this", "ahead", "behind", "near", "nearby", "another", "we're",
        "they're", "i'm", "he's", "she's", "it's", "you're", "there's", "that's", "here's", "we've", "they've",
        // Common verbs without a telling ending, so the noun phrase stops before them.
        "sat", "met", "went", "came", "took", "made", "gave", "got", "saw", "left", "held", "fell", "rose", "began",
        "became", "stood", "ran", "lost", "won", "sent", "built", "brought", "bought", "fought", "spent", "kept",
        "found", "put", "set", "hit", "led", "thought", "paid", "meant", "sold", "grew", "drew", "flew", "knew",
        "threw", "struck", "broke", "spoke", "chose", "drove", "wrote", "ate", "fled", "died", "seems", "remains",
        "remain", "includes", "include", "included", "come", "go", "get", "make", "take", "give", "see", "face",
        "faces", "stay", "stays", "need", "needs", "want", "wants", "seem", "appear", "appears", "continue",
        "continues", "joined", "join", "crossed", "marched", "arrived", "arrive", "poured", "massed", "gathered",
    ]
    /// Leading modifiers dropped from `counts` so that outlets' phrasings match ("106,000 more troops").
    static let droppedModifiers: Set<String> = [
        "more", "additional", "other", "new", "extra", "further", "such", "estimated", "reported", "alleged",
        "so-called", "total", "some", "roughly", "approximately", "about", "nearly", "own", "known", "registered",
        "confirmed", "combined", "separate", "different", "individual", "remaining", "full", "entire", "whole",
    ]
    /// Nouns that are plural without an "s", and adjectives that stand for people ("13 dead").
    static let pluralHeads: Set<String> = [
        "people", "personnel", "children", "men", "women", "police", "staff", "crew", "aircraft", "cattle", "livestock",
        "sheep", "fish", "deer", "offspring", "infantry", "artillery", "ammunition", "equipment",
        "militia", "militias", "dead", "wounded", "injured", "killed", "missing", "displaced", "homeless", "hostages",
        "feet", "teeth", "geese", "mice", "spacecraft", "watercraft", "clergy", "youth", "elderly", "poor", "faithful",
    ]
    /// Words ending in "s" that are not plural nouns.
    static let falsePlurals: Set<String> = [
        "its", "this", "was", "has", "is", "as", "thus", "us", "yes", "perhaps", "always", "sometimes", "whereas",
        "across", "unless", "besides", "towards", "afterwards", "his", "hers", "theirs", "ours", "yours", "does",
        "less", "news", "various", "numerous", "previous", "serious", "plus", "minus", "bus", "gas", "alias", "chaos",
        "canvas", "atlas", "lens", "bias", "apparatus", "status", "virus", "census", "campus", "bonus", "focus",
        "consensus", "crisis", "basis", "analysis", "thesis", "emphasis", "means", "series", "species", "kudos",
        "overseas", "indoors", "outdoors", "upstairs", "downstairs", "nowadays", "sometimes", "afterwards", "regardless",
    ]
    /// Nouns after "in" that make an idiom, not what money counts ("$50,000 in response").
    static let moneyIdioms: Set<String> = [
        "response", "total", "addition", "return", "exchange", "advance", "turn", "fact", "order", "part", "case",
        "place", "time", "effect", "particular", "general", "full", "person", "question", "theory", "practice",
        "principle", "private", "public", "recent", "contrast", "comparison",
    ]
    /// "-ly" words that are nouns, not adverbs.
    static let lyNouns: Set<String> = [
        "family", "ally", "supply", "assembly", "rally", "anomaly", "monopoly", "fly", "reply", "italy", "july",
        "bully", "belly", "jelly", "lily", "tally", "doily", "folly", "likely", "unlikely", "elderly", "deadly", "costly",
        "weekly", "daily", "monthly", "yearly", "quarterly", "friendly", "orderly", "lonely", "holy",
    ]

    // MARK: Attribution

    /// Speech and estimation verbs that attribute a figure to whoever is their subject.
    static let cues: Set<String> = [
        "said", "says", "say", "saying", "told", "tells", "estimated", "estimates", "estimate", "reported", "reports",
        "claimed", "claims", "claim", "stated", "announced", "announces", "added", "adds", "confirmed", "confirms",
        "acknowledged", "noted", "wrote", "writes", "alleged", "alleges", "believe", "believes", "believed", "assessed",
        "assess", "assesses", "counted", "tallied", "warned", "warns", "insisted", "indicated", "showed", "shows",
        "show", "estimating", "citing", "cited", "according", "asserted", "maintained", "calculated",
        "projected", "predicted", "forecast", "recorded", "registered", "documented", "disclosed", "revealed",
        "found", "finds",
    ]
    /// Lowercase heads that can name who states a figure ("U.S. officials", "the defense ministry").
    static let sourceNouns: Set<String> = [
        "official", "officials", "authorities", "authority", "ministry", "spokesman", "spokeswoman", "spokesperson",
        "spokespeople", "analysts", "analyst", "experts", "expert", "government", "military", "army", "police",
        "officers", "officer", "intelligence", "monitors", "monitor", "observers", "agency", "agencies", "sources",
        "source", "diplomats", "diplomat", "minister", "ministers", "president", "commander", "commanders",
        "residents", "witnesses", "organizers", "organisers", "researchers", "report", "reports", "study", "survey",
        "statement", "data", "figures", "census", "group", "groups", "mission", "office", "department", "service",
        "governor", "mayor", "general", "command", "prosecutors", "investigators", "activists", "organization",
        "organisation", "campaigners", "estimates", "administration", "pentagon", "kremlin", "leaders", "leader",
        "secretary", "chief", "head", "staff", "council", "committee", "institute", "center", "centre", "tally",
        "count", "assessment", "assessments", "newspaper", "outlet", "media", "journalists", "reporters",
        "correspondent", "lawmakers", "senator", "envoy", "ambassador", "delegation", "alliance", "operators",
        "company", "companies", "firm", "bank", "fund", "union", "bloc", "network", "broadcaster", "watchdog",
        "analysis", "analyses", "force", "forces", "navy", "guard", "guards", "coalition", "forum", "board", "findings", "investigation", "review",
        "poll", "polls", "records", "document",
    ]
    /// Words that can follow a closing attribution ("…, officials said on Thursday").
    static let attributionTails: Set<String> = [
        "on", "in", "at", "during", "last", "this", "late", "early", "earlier", "yesterday", "today", "tonight", "later",
        "recently", "previously", "citing", "adding", "according", "while", "although", "but", "and", "as", "after",
        "before", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "privately",
        "publicly", "separately", "via", "by", "over", "without", "when", "speaking", "who", "because",
    ]
    /// Verbs that may come before their subject: "…, said Mr. Kirby".
    static let invertingCues: Set<String> = ["said", "says", "added", "adds", "wrote", "writes", "estimated", "reported", "claimed", "noted"]
    static let weekdays: Set<String> = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    static let pronouns: Set<String> = ["he", "she", "they", "it", "we", "i"]
    /// Words between a subject and its speech verb ("officials have estimated", "Ukraine also said").
    static let cueAdverbs: Set<String> = [
        "has", "have", "had", "also", "previously", "earlier", "recently", "now", "publicly", "privately",
        "repeatedly", "later", "first", "did", "will", "would", "reportedly", "separately", "initially", "then",
        "further", "again", "already", "once", "officially", "variously", "widely", "only", "still", "had", "is",
        "are", "was", "were", "being", "been", "currently", "since", "may", "might", "could", "can",
    ]
    /// Words that may stand in a source's name between capitalised words ("Ministry of Defense").
    static let nameJoiners: Set<String> = ["of", "for", "and", "de", "al", "the", "on"]
}
