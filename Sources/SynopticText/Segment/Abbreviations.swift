/// Words that end in a period without ending a sentence, by how they behave before the next word.
///
/// These are English orthographic conventions, not names from any article: titles before a name,
/// month abbreviations before a day, and abbreviations that may or may not close a sentence.
enum Abbreviations {
    /// Always followed by more of the same phrase: a title before a name, `No.` before a number.
    static let neverFinal: Set<String> = [
        "mr", "mrs", "ms", "mssrs", "messrs", "mmes", "dr", "drs", "prof", "gen", "sen", "sens", "rep", "reps",
        "gov", "govs", "lt", "col", "sgt", "capt", "cpt", "maj", "adm", "cmdr", "cdr", "cpl", "pvt", "pfc", "brig",
        "amb", "pres", "supt", "insp", "det", "atty", "rev", "fr", "msgr", "hon", "st", "ste", "mt", "ft", "pt",
        "vs", "v", "no", "nos", "nr", "art", "fig", "figs", "vol", "vols", "ch", "sec", "para", "pp", "approx",
        "est", "dept", "univ", "assn", "bros", "e.g", "i.e", "cf", "al", "ca", "op", "ed", "eds", "sr", "jr",
    ]

    /// Month abbreviations; before a number they never end a sentence.
    static let months: Set<String> = [
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ]

    /// May end a sentence (`… at Acme Inc. The company …`), but usually do not.
    static let sometimesFinal: Set<String> = [
        "inc", "corp", "co", "ltd", "llc", "plc", "etc", "a.m", "p.m", "am", "pm", "u.s", "u.k", "u.n", "d.c",
    ]

    /// Words that commonly open a sentence; after an ambiguous abbreviation, a capitalized word from
    /// this list means a new sentence began.
    static let sentenceStarters: Set<String> = [
        "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "our", "my",
        "this", "that", "these", "those", "there", "here", "but", "and", "or", "so", "yet", "in", "on", "at", "for",
        "with", "as", "after", "before", "when", "while", "if", "although", "though", "since", "because", "still",
        "however", "meanwhile", "some", "many", "most", "all", "both", "each", "no", "not", "one", "what", "who",
        "why", "how", "where", "asked", "according", "mr", "mrs", "ms", "dr", "officials", "also", "then", "now",
        "by", "from", "to", "under", "during", "despite", "instead", "other", "another", "several", "few", "only",
        "even", "nor", "neither", "either", "later", "earlier", "today", "yesterday", "tomorrow", "last", "next",
        "such", "among", "over", "more", "less", "about", "once", "until", "whether", "unlike", "like",
    ]

    // MARK: - Keys

    /// A word of up to eight ASCII letters or periods, lower-cased and packed into an integer, so
    /// the hot path of segmentation looks abbreviations up without building strings.
    static func key(_ scalars: ArraySlice<Unicode.Scalar>) -> UInt64? {
        guard scalars.count <= 8 else { return nil }
        var key: UInt64 = 0
        for scalar in scalars {
            var v = scalar.value
            guard v < 0x80 else { return nil }
            if v >= 0x41 && v <= 0x5A { v += 0x20 }
            key = key << 8 | UInt64(v)
        }
        return key
    }

    static func keys(_ words: Set<String>) -> Set<UInt64> {
        Set(words.compactMap { key(Array($0.unicodeScalars)[...]) })
    }

    static let neverFinalKeys = keys(neverFinal)
    static let monthKeys = keys(months)
    static let sometimesFinalKeys = keys(sometimesFinal)
}
