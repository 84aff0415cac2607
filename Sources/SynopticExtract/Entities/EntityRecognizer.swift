import SynopticCore

/// The entities of one article with what quote attribution needs besides: the gender evidence of
/// each person and the mention that covers each token.
public struct EntityAnalysis: Sendable {
    public var entities: [Entity]
    /// In text order.
    public var mentions: [Mention]
    /// Per entity: what the text tells of a person's gender (given name, honorific, pronouns).
    var genders: [Lexicon.Gender?]
    /// Per token, the index into ``mentions`` of the mention covering it, or -1.
    var mentionOfToken: [Int32]

    /// Whether a pronoun of `gender` can refer to the entity: a person whose gender the text has
    /// not settled otherwise.
    func isCompatible(_ entity: Int, _ gender: Lexicon.Gender) -> Bool {
        guard entities[entity].kind == .person else { return false }
        return genders[entity] == nil || genders[entity] == gender || genders[entity] == .either
    }

    /// The mention that covers the token at `index`, if any.
    func mention(atToken index: Int) -> Mention? {
        guard index >= 0, index < mentionOfToken.count, mentionOfToken[index] >= 0 else { return nil }
        return mentions[Int(mentionOfToken[index])]
    }
}

/// Finds people, organisations and places in an article, the roles it gives them, and the later
/// mentions that refer back to them (surnames, honorifics, “the minister”, “he”, “she”).
///
/// A rule system over capitalised token runs, helped by lexicons built from public data
/// (``Lexicon``): given names, places, demonyms, role nouns, organisation words, honorifics and
/// common words (a capitalised common word opening a sentence is not a name).
public struct EntityRecognizer: Sendable {
    public init() {}

    /// Recognizes the entities of `text`. Pronouns inside `quoted` spans belong to the speaker's
    /// own words and are left alone.
    public func recognize(_ text: TokenizedText, quoted: [TextSpan] = []) -> EntityAnalysis {
        var state = RecognitionState(text: text, quoted: quoted)
        state.findNames()
        state.linkNames()
        state.findDescriptionsAndPronouns()
        return state.result()
    }
}

/// A run of capitalised tokens read as a name, with what surrounds it.
struct NameChunk {
    /// Token indices of the name proper (titles, honorifics and dots left out).
    var tokens: [Int]
    var span: TextSpan
    var kind: Entity.Kind?
    var honorific: String?
    /// Token index of the honorific, when there is one.
    var honorificToken: Int?
    /// Titles written as part of the run ("Deputy Foreign Minister") or in front of it.
    var roles: [String] = []
    /// Whether a person's name is whole (given name and surname), rather than a surname alone.
    var isFull: Bool { tokens.count >= 2 }
}

struct RecognitionState {
    let text: TokenizedText
    let tokens: [Token]
    let lowers: [String]
    let quoted: [TextSpan]
    var chunks: [NameChunk] = []
    var entities: [Entity] = []
    var genders: [Lexicon.Gender?] = []
    /// Per entity: whether its gender comes from its name (a given name or an honorific), not
    /// from a pronoun resolved to it, which may be wrong.
    var genderFromName: [Bool] = []
    var mentions: [Mention] = []
    /// Per entity: surname key and given-name key of persons, the lowercased text of others.
    var keys: [(surname: String, given: String?)] = []
    /// Per entity: the distinct ways the text writes its name, in first-seen order (an entity has
    /// a few, so a linear search costs less than hashing every mention).
    var forms: [[String]] = []
    /// Person entities by surname key, so linking a name costs one lookup, not a scan.
    var personsBySurname: [String: [Int]] = [:]
    var personsByGiven: [String: [Int]] = [:]
    /// While names are linked in text order: per entity, how often and where last named so far
    /// (nil until first named).
    var namesSoFar: [(count: Int, last: Int)?] = []
    var sentenceQuotedThroughout: [Bool] = []
    /// Per token, its name key once computed: linking looks up the same surname several times
    /// (the speaking pass, then the linking pass), and folding it is the cost.
    var nameKeys: [String?] = []
    /// Per entity: the middle initials its full name was written with, lowercased ("hw" of
    /// "George H. W. Bush"), nil when none was.
    var middles: [String?] = []

    init(text: TokenizedText, quoted: [TextSpan]) {
        self.text = text
        self.tokens = text.tokens
        self.lowers = text.lowers
        self.quoted = quoted.sorted()
    }

    /// Weekdays and months: capitalised, but never part of a name.
    static let calendarWords: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may",
        "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec",
    ]

    /// Words that never belong to a title written before a name.
    static let functionWords: Set<String> = [
        "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as", "that", "this", "his",
        "her", "their", "its", "our", "who", "which", "was", "is", "were", "are", "has", "had", "have", "be", "been", "will", "would",
        "not", "also", "then", "when", "after", "before", "while",
    ]

    static let connectors: Set<String> = [
        "of", "for", "and", "the", "de", "van", "von", "der", "den", "bin", "al", "el", "la", "le", "du", "da", "di", "dos", "del", "in", "on",
    ]
    static let particlesInPersonNames: Set<String> = [
        "de", "van", "von", "der", "den", "bin", "al", "el", "la", "le", "du", "da", "di", "dos", "del",
    ]
    /// Particles that also begin names of places and organisations ("de la", "el"), so they never
    /// join a run on their own.
    static let particlesNotJoining: Set<String> = ["de", "la", "le", "el", "da", "di", "du"]
    /// Articles, prepositions and the possessive that a title in apposition runs on through.
    static let titleLinks: Set<String> = ["the", "a", "an", "of", "to", "for", "at", "in", "and", "'s"]

    // MARK: - Names

    /// Whether the sentence is written in capitals throughout (a shouting headline, a wire slug):
    /// capitals then say nothing about names.
    func sentenceIsShouting(_ sentence: Int) -> Bool {
        guard sentence >= 0, sentence < text.sentenceTokens.count else { return false }
        var words = 0
        var caps = 0
        for i in text.sentenceTokens[sentence] where tokens[i].kind == .word {
            words += 1
            if tokens[i].isAllCaps || (tokens[i].end - tokens[i].start == 1 && tokens[i].isCapitalized) { caps += 1 }
        }
        return words >= 3 && caps * 10 >= words * 6
    }

    /// Whether the token opens a sentence, a quotation or a clause after a colon: places where any
    /// word is capitalised.
    func opensClause(_ i: Int) -> Bool {
        if i == 0 { return true }
        let previous = tokens[i - 1]
        if previous.sentence != tokens[i].sentence { return true }
        if previous.kind == .openQuote || previous.kind == .straightQuote { return true }
        return previous.isMark(":") || previous.isMark("—") || previous.isMark("(") || previous.isMark("-")
    }

    func isCapitalizedWord(_ i: Int) -> Bool {
        guard i < tokens.count, tokens[i].kind == .word, tokens[i].isCapitalized else { return false }
        // "I" and "'s" are one and two scalars long: longer words need no comparing.
        let length = tokens[i].end - tokens[i].start
        return length > 2 || lowers[i] != "i" && lowers[i] != "'s"
    }

    /// A single capital followed by a period inside a name ("Sergei A. Ryabkov").
    func isInitial(_ i: Int) -> Bool {
        i + 2 < tokens.count && tokens[i].kind == .word && tokens[i].end - tokens[i].start == 1 && tokens[i].isCapitalized
            && tokens[i + 1].isMark(".") && tokens[i + 1].start == tokens[i].end && isCapitalizedWord(i + 2)
    }

    /// Words the article writes as surnames: capitalised right after another capitalised word
    /// or an honorific (“Donald Trump”, “Mr. Trump”). Such a word opening a sentence is the name, though
    /// it is a common word of English too.
    func surnamesWritten() -> Set<String> {
        var result: Set<String> = []
        for i in 1..<max(tokens.count, 1) where isCapitalizedWord(i) {
            let previous = tokens[i - 1]
            let afterHonorific = previous.isMark(".") && i >= 2 && tokens[i - 2].is(.honorific) || previous.is(.honorific)
            // “Barack Obama”, “President Obama”: the last word of a capitalised pair. A word so
            // written that is no one's name (“White House”) finds no person and is dropped later.
            let afterCapitalized = previous.kind == .word && previous.isCapitalized && previous.sentence == tokens[i].sentence
            if afterHonorific || afterCapitalized { result.insert(lowers[i]) }
        }
        return result
    }

    mutating func findNames() {
        // Per sentence (and one slot for the tokens between sentences): 0 not yet known, 1 shouting, 2 not.
        var shouting = [UInt8](repeating: 0, count: text.sentenceTokens.count + 1)
        // Asked only of a lone capitalised common word opening a clause: built at the first.
        var surnames: Set<String>?
        var i = 0
        while i < tokens.count {
            guard isCapitalizedWord(i) else {
                i += 1
                continue
            }
            let sentence = tokens[i].sentence
            let slot = sentence + 1
            if shouting[slot] == 0 { shouting[slot] = sentenceIsShouting(sentence) ? 1 : 2 }
            if shouting[slot] == 1 {
                i += 1
                continue
            }
            // Honorific: "Mr. Lavrov", "Mr Lavrov".
            var honorific: String?
            var start = i
            if tokens[i].is(.honorific) {
                var next = i + 1
                if next < tokens.count && tokens[next].isMark(".") && tokens[next].start == tokens[i].end { next += 1 }
                if isCapitalizedWord(next) && tokens[next].sentence == sentence || (next < tokens.count && isCapitalizedWord(next)) {
                    honorific = text.tokenText(i)
                    start = next
                } else {
                    i += 1
                    continue
                }
            }
            // The run: capitalised words, initials, and connectors between capitalised words.
            var run: [Int] = []
            var j = start
            while j < tokens.count {
                if isInitial(j) {
                    run.append(j)
                    j += 2
                    continue
                }
                // An honorific starts a name of its own ("Although Mrs. Clinton"); weekdays and
                // months end a name ("Lavrov on Friday", "Tuesday in Tallinn").
                if j > start && tokens[j].is(.honorific) { break }
                if tokens[j].is(.calendarWord) {
                    if j == start { j += 1 }
                    break
                }
                if isCapitalizedWord(j) && (j == start || tokens[j].sentence == tokens[start].sentence) {
                    run.append(j)
                    j += 1
                    continue
                }
                // Connectors join the words of an organisation's or an office's name ("Ministry of
                // Foreign Affairs", "Secretary of State"), never a person's name to what follows
                // it ("Zbigniew Rau of Poland", "Lavrov and Lukashevich", "Lavrov on Friday").
                let runIsPerson = honorific != nil || run.contains { tokens[$0].is(.givenName) && tokens[$0].isCapitalized }
                if !run.isEmpty, tokens[j].kind == .word, isCapitalizedWord(j + 1),
                    tokens[j].is(.nameParticle) && !Self.particlesNotJoining.contains(lowers[j])
                        || (!runIsPerson && tokens[j].is(.connector) && !tokens[j + 1].is(.calendarWord))
                {
                    run.append(j)
                    j += 1
                    continue
                }
                break
            }
            defer { i = max(j, i + 1) }
            guard !run.isEmpty else { continue }
            // A capitalised common word opening a sentence is no name ("The", "However"), unless
            // a given name starts a longer run ("Will Smith").
            if honorific == nil && opensClause(run[0]) {
                let opening = tokens[run[0]]
                let lower = lowers[run[0]]
                // Verbs and adverbs opening a sentence ("Injecting", "Clearly") are not names either.
                let looksInflected = lower.endsWith("ing") || lower.endsWith("ly") || lower.endsWith("ed")
                if (opening.is(.commonWord) || looksInflected && !opening.is(.givenName)) && !opening.is(.place) {
                    // "The", "On" or "So" are given names somewhere, but not when they open a sentence.
                    let isFunctionWord = lower.unicodeScalars.count <= 3
                    let isGivenNameOfRun = run.count > 1 && opening.is(.givenName) && !isFunctionWord
                    // “President Barack Obama responded …”: a title opening the sentence stays, for
                    // it says that a person's name follows.
                    let isTitleOfRun = run.count > 1 && opening.isAny([.roleNoun, .roleModifier])
                    // A word the article writes as a surname elsewhere is the name here too. (Written
                    // out, not as a nested function: one capturing `self` in this mutating method
                    // copied the whole state, retaining every field, at each call.)
                    var isSurnameElsewhere = false
                    if !isGivenNameOfRun && !isTitleOfRun && run.count == 1 {
                        if surnames == nil { surnames = surnamesWritten() }
                        isSurnameElsewhere = surnames!.contains(lower)
                    }
                    if !isGivenNameOfRun && !isTitleOfRun && !(run.count == 1 && isSurnameElsewhere) {
                        run.removeFirst()
                        while let first = run.first, tokens[first].is(.connector) { run.removeFirst() }
                    }
                }
            }
            while let last = run.last, tokens[last].is(.connector) { run.removeLast() }
            guard !run.isEmpty else { continue }
            if var chunk = classify(run, honorific: honorific) {
                if honorific != nil { chunk.honorificToken = i }
                chunks.append(chunk)
            }
        }
    }

    /// Whether the word before token `t` is “the”, written right before it.
    func followsDefiniteArticle(_ t: Int) -> Bool {
        t > 0 && lowers[t - 1] == "the" && tokens[t - 1].sentence == tokens[t].sentence
    }

    /// Splits a run into titles and a name and decides what the name is.
    func classify(_ run: [Int], honorific: String?) -> NameChunk? {
        var run = run
        var roleTokens: [Int] = []
        // Titles in front: "U.S. Ambassador", "Russian Foreign Minister", "President".
        // “Secretary-Treasurer”, “Editor-in-Chief”: a hyphenated title is a title word.
        func isTitleWord(_ t: Int) -> Bool {
            if tokens[t].is(.roleNoun) { return true }
            guard tokens[t].shape.contains(.hyphen) else { return false }
            return lowers[t].split(separator: "-").contains { Lexicon.isRoleNoun(String($0)) }
        }
        let endsInName = !tokens[run[run.count - 1]].isAny([.roleNoun, .organizationWord]) && !isTitleWord(run[run.count - 1])
        if endsInName, run.count >= 2 {
            // Everything up to the last title word is the title ("Senate Majority Leader",
            // "Oversight Chairman", "U.S. Ambassador"), when a name follows it.
            var cut = 0
            for m in 0..<(run.count - 1) where isTitleWord(run[m]) { cut = m + 1 }
            // "Secretary of State Wendy Sherman": the office's own name runs up to the given name.
            if cut > 0, cut < run.count, tokens[run[cut]].is(.connector),
                let given = run[cut...].firstIndex(where: { tokens[$0].is(.givenName) && tokens[$0].isCapitalized })
            {
                cut = given
            }
            // “House Speaker Paul Ryan”: no title word the lists know, but a given name and a
            // surname end a longer run; what stands before them is the title.
            if cut == 0, run.count >= 3,
                let given = (1...(run.count - 2)).first(where: { m in
                    tokens[run[m]].is(.givenName) && !tokens[run[m]].isAny([.commonWord, .connector])
                }),
                run[0..<given].allSatisfy({ tokens[$0].isAny([.commonWord, .organizationWord]) }),
                run[0..<given].contains(where: { tokens[$0].isAny([.organizationWord, .roleModifier]) })
            {
                cut = given
            }
            let rest = run[cut...]
            let restIsName =
                !rest.isEmpty && !tokens[rest[rest.startIndex]].is(.connector)
                && !rest.contains { tokens[$0].isAny([.roleNoun, .organizationWord]) }
            if cut > 0, restIsName {
                roleTokens = Array(run[0..<cut])
                run.removeFirst(cut)
            }
        }
        guard !run.isEmpty else { return nil }
        var chunk = NameChunk(tokens: run, span: TextSpan(start: tokens[run[0]].start, end: tokens[run[run.count - 1]].end))
        chunk.honorific = honorific
        if !roleTokens.isEmpty {
            let span = TextSpan(start: tokens[roleTokens[0]].start, end: tokens[roleTokens[roleTokens.count - 1]].end)
            chunk.roles.append(text[span])
        }
        // A one-word run is looked up by its token's traits; longer ones as a place by their words
        // joined, when the first word begins some place of several words.
        func isPlace() -> Bool {
            run.count == 1 ? tokens[run[0]].is(.place) : tokens[run[0]].is(.placeLead) && Lexicon.place(tokensLower(run)) != nil
        }
        if run.contains(where: { tokens[$0].is(.calendarWord) }) {
            // "On Wednesday", "Black Friday": a run with a weekday or month names no one.
            chunk.kind = run.count == 1 || honorific != nil ? chunk.kind : nil
            if honorific == nil { return chunk.kind == nil ? nil : chunk }
        }
        if honorific != nil || !roleTokens.isEmpty {
            chunk.kind = .person
        } else if run.count <= Lexicon.placeMaxWords, isPlace() {
            chunk.kind = .place
        } else if run.contains(where: { tokens[$0].is(.organizationWord) }) {
            chunk.kind = .organization
        } else if run.count == 1 && tokens[run[0]].isAllCaps {
            // An acronym ("NATO", "O.S.C.E."); "U.S." was found among places above.
            chunk.kind = .organization
        } else if run.count >= 3, tokens[run[0]].is(.commonWord), !tokens[run[0]].is(.givenName), tokens[run[1]].is(.givenName),
            !tokens[run[1]].is(.commonWord)
        {
            // “Rival Hillary Clinton”, “Crooked Hillary Clinton”: an adjective in front of a
            // given name is no part of the name.
            return classify(Array(run.dropFirst()), honorific: honorific)
        } else if run.count >= 2, tokens[run[0]].is(.givenName) || isInitial(run[1]) || isInitial(run[0]) {
            // A given name then a place ("Georgia Tbilisi") is no person; a middle name that is
            // also a town somewhere ("Dev Anand Kolarov") does not matter.
            let last = tokens[run[run.count - 1]]
            // Middle words of a person's name are given names, initials or particles; a common
            // noun there (“Kent County Republican”) makes the run something else.
            let middleIsCommon = run.dropFirst().dropLast().contains { t in
                tokens[t].is(.commonWord) && !tokens[t].isAny([.givenName, .nameParticle]) && tokens[t].end - tokens[t].start > 1
            }
            // A surname that is also a place somewhere (“Jorge Falcon”, “Bryan Anderson”) is still
            // a surname after a given name that is no country or region itself (“Georgia
            // Tbilisi” is no one).
            let firstIsRegion: Bool
            switch Lexicon.place(lowers[run[0]]) {
            case .country?, .region?, .continent?: firstIsRegion = true
            default: firstIsRegion = false
            }
            let placeName = last.is(.place) && !last.is(.givenName) && (firstIsRegion || !tokens[run[0]].is(.givenName))
            chunk.kind = placeName || middleIsCommon ? nil : .person
            // “the Harbor Gazette”: a person's name takes no article; what does is an
            // organisation's (a newspaper, a firm, a band).
            if chunk.kind == .person && followsDefiniteArticle(run[0]) { chunk.kind = .organization }
        } else if run.count >= 2, !run.contains(where: { tokens[$0].isAny([.commonWord, .place, .demonym]) }) {
            // Two or three capitalised words that are neither common words nor places: most
            // often a person the name lists do not know.
            chunk.kind = run.count <= 3 ? (followsDefiniteArticle(run[0]) ? .organization : .person) : nil
        } else if run.count == 1 && isPlace() {
            chunk.kind = .place
        } else {
            chunk.kind = nil  // decided when the names are linked (a surname seen in full before)
        }
        return chunk
    }

    // MARK: - Linking

    mutating func linkNames() {
        // Full names first, so a bare surname can find its person wherever it stands.
        var chunkEntity = [Int?](repeating: nil, count: chunks.count)
        // Organisations and places by their words lowercased, one dictionary per kind: a key made
        // of kind and words was a string built twice per chunk.
        var others: [Entity.Kind: [String: Int]] = [:]
        for (c, chunk) in chunks.enumerated() where chunk.kind == .person && (chunk.isFull || chunk.honorific != nil || !chunk.roles.isEmpty) {
            chunkEntity[c] = personEntity(for: chunk, creating: true)
        }
        // “Trump said”, “said Hollande”: a lone capitalised word inside a sentence, next to a
        // speech verb, names a person even when the article never gives the full name (and a
        // surname that is also an English word, “Trump”, is found only so). Its other mentions
        // then link to it by surname.
        // (By index: a loop over `chunks.enumerated()` holds the array, so the first change to a
        // chunk would copy every chunk.)
        // (`isSurnameSpeaking(chunkAt:)` takes an index: given `chunks[c]`, a part of `self`, the
        // call copied the whole state, retaining every field, once per chunk.)
        for c in chunks.indices where chunks[c].kind == nil && isSurnameSpeaking(chunkAt: c) {
            if personEntity(for: chunks[c], creating: false) == nil {
                chunks[c].kind = .person
                chunkEntity[c] = personEntity(for: chunks[c], creating: true)
            }
        }
        for c in chunks.indices where chunks[c].kind == nil && (2...3).contains(chunks[c].tokens.count) {
            let chunk = chunks[c]
            // “Kerr Putney, the Charlotte-Mecklenburg police chief,”: a name the lists do not know,
            // given a title in apposition, is a person's.
            guard !chunk.tokens.contains(where: { tokens[$0].isAny([.organizationWord, .roleNoun]) }),
                lowers[chunk.tokens[chunk.tokens.count - 1]] != "'s", appositionAfter(chunk) != nil
            else { continue }
            chunks[c].kind = .person
            chunkEntity[c] = personEntity(for: chunks[c], creating: true)
        }
        for c in chunks.indices {
            let chunk = chunks[c]
            defer {
                if let e = chunkEntity[c] { namesSoFar[e] = ((namesSoFar[e]?.count ?? 0) + 1, chunk.span.start) }
            }
            guard chunkEntity[c] == nil else { continue }
            switch chunk.kind {
            case nil where chunk.tokens.contains(where: { tokens[$0].is(.connector) && lowers[$0] == "and" }):
                // “CIA and Bob”, “Khizr and Ghazala Khan”: two names joined are no one person; the
                // name after the last “and” may be a person named elsewhere.
                guard let joint = chunk.tokens.lastIndex(where: { lowers[$0] == "and" }),
                    joint + 1 < chunk.tokens.count
                else { break }
                let tail = Array(chunk.tokens[(joint + 1)...])
                let part = NameChunk(tokens: tail, span: TextSpan(start: tokens[tail[0]].start, end: chunk.span.end))
                if let e = personEntity(for: part, creating: false, choosingAmongNamesakes: true) {
                    chunks[c] = part
                    chunkEntity[c] = e
                }
            case .person?, nil:
                if let e = personEntity(for: chunk, creating: false, choosingAmongNamesakes: true) {
                    chunkEntity[c] = e
                } else if chunk.kind == .person || isGivenNameSpeaking(chunk) {
                    chunkEntity[c] = personEntity(for: chunk, creating: true)
                }
            case .organization?, .place?:
                let kind = chunk.kind!
                // “Former U.N. Ambassador John Bolton … Bolton said”: a town's name that is the
                // surname of someone the article names in full is that person, unless it follows a
                // preposition (“in Bolton”).
                if kind == .place, chunk.tokens.count == 1, Lexicon.place(lowers[chunk.tokens[0]]) == .city,
                    !followsPreposition(chunk.tokens[0]), let e = personEntity(for: chunk, creating: false, choosingAmongNamesakes: true)
                {
                    chunkEntity[c] = e
                    break
                }
                let key = tokensLower(chunk.tokens)
                if let e = others[kind]?[key] {
                    chunkEntity[c] = e
                } else {
                    chunkEntity[c] = newEntity(kind: kind, name: text[chunk.span], keys: (key, nil), gender: nil)
                    others[kind, default: [:]][key] = chunkEntity[c]
                }
            }
        }
        for (c, chunk) in chunks.enumerated() {
            guard let e = chunkEntity[c] else { continue }
            var span = chunk.span
            if let h = chunk.honorificToken {
                span = TextSpan(start: tokens[h].start, end: chunk.span.end)
            }
            addMention(Mention(span: chunk.span, entity: e, form: .name), written: text[span])
            for role in chunk.roles { addRole(role, to: e) }
            if entities[e].kind == .person {
                if let role = roleBefore(chunk) { addRole(role, to: e) }
                if let role = appositionAfter(chunk) { addRole(role, to: e) }
                // An honorific states the gender; a given name only suggests it (“Senator Lindsey
                // Graham … Mr. Graham”), so “Mr.” or “Ms.” settles it either way.
                if let stated = Self.gender(ofHonorific: chunk.honorific) {
                    genders[e] = stated
                    genderFromName[e] = true
                }
            }
        }
    }

    /// The gender an honorific states: “Mr.” a man's, “Mrs.”, “Ms.” and “Miss” a woman's; others
    /// (“Dr.”, “Sen.”) none.
    static func gender(ofHonorific honorific: String?) -> Lexicon.Gender? {
        switch honorific?.lowercased() {
        case "mr"?: return .male
        case "mrs"?, "ms"?, "miss"?: return .female
        default: return nil
        }
    }

    /// Whether a lowercase speech verb stands right after token `t` (“Trump said”) and right
    /// before it (“said Kevin”).
    func speechCueBeside(_ t: Int) -> (after: Bool, before: Bool) {
        func isCue(_ k: Int) -> Bool { tokens[k].kind == .word && !tokens[k].isCapitalized && tokens[k].is(.speechCue) }
        return (t + 1 < tokens.count && isCue(t + 1), t > 0 && isCue(t - 1))
    }

    /// A lone capitalised word written inside a sentence (not opening it), right before or
    /// after a lowercase speech verb, that the lists know as no place, people, month, title or
    /// organisation word.
    func isSurnameSpeaking(chunkAt c: Int) -> Bool {
        guard chunks[c].tokens.count == 1, chunks[c].honorific == nil, chunks[c].roles.isEmpty else { return false }
        let t = chunks[c].tokens[0]
        // Most chunks have no speech verb beside them: two trait bits settle that before any
        // string is looked at.
        let cue = speechCueBeside(t)
        guard cue.after || cue.before else { return false }
        // (“the Kremlin said”, “the West warned”: a name after “the” is an institution's or a place's.)
        guard !opensClause(t), !followsDefiniteArticle(t), !tokens[t].isAllCaps, tokens[t].end - tokens[t].start >= 3,
            !tokens[t].shape.contains(.hyphen),
            !tokens[t].isAny([.place, .demonym, .calendarWord, .organizationWord, .roleNoun, .roleModifier, .malePronoun, .femalePronoun]),
            !Self.groupWords.contains(lowers[t])
        else { return false }
        // A contraction (“I’ve said”) is no name.
        guard !lowers[t].contains("'") else { return false }
        // Verbs people speak with, not the ones outlets and firms report with (“Reuters
        // reported”, “Twitter posted”), so an unknown outlet does not become a person.
        if cue.after, Self.personalCues.contains(lowers[t + 1]) { return true }
        return cue.before && Self.personalCues.contains(lowers[t - 1]) && t + 1 < tokens.count
            && (tokens[t + 1].isMark(",") || tokens[t + 1].isMark("."))
    }

    static let personalCues: Set<String> = [
        "said", "says", "told", "tells", "added", "adds", "asked", "asks", "answered", "replied", "explained", "insisted", "recalled",
        "argued", "warned", "continued", "shouted", "joked", "quipped", "laughed",
    ]

    /// Capitalised words for parties and groups that speak as a body (“Democrats said”).
    static let groupWords: Set<String> = [
        "democrats", "republicans", "democratic", "republican", "conservatives", "liberals", "independents", "progressives", "they",
        "we", "you", "it",
    ]

    /// “Melanie said”, “said Kevin”: a given name alone, next to a speech verb, is a person
    /// the article calls by first name only.
    func isGivenNameSpeaking(_ chunk: NameChunk) -> Bool {
        guard chunk.tokens.count == 1, chunk.honorific == nil else { return false }
        let t = chunk.tokens[0]
        guard tokens[t].is(.givenName), !tokens[t].isAny([.commonWord, .place]) else { return false }
        let cue = speechCueBeside(t)
        return cue.after || cue.before
    }

    func tokensLower(_ indices: [Int]) -> String { indices.map { lowers[$0] }.joined(separator: " ") }

    func nameKey(ofToken t: Int) -> String { Lexicon.nameKey(lowers[t], mayBeOverridden: tokens[t].is(.nameKeyOverride)) }

    mutating func cachedNameKey(ofToken t: Int) -> String {
        if nameKeys.isEmpty { nameKeys = [String?](repeating: nil, count: tokens.count) }
        if let key = nameKeys[t] { return key }
        let key = nameKey(ofToken: t)
        nameKeys[t] = key
        return key
    }

    /// The person a chunk names: matched by surname key and a compatible given name, or new. With
    /// `choosingAmongNamesakes`, a surname two people share goes to the one named most so far.
    mutating func personEntity(for chunk: NameChunk, creating: Bool, choosingAmongNamesakes: Bool = false) -> Int? {
        let nameTokens = chunk.tokens.filter { !tokens[$0].is(.nameParticle) || $0 == chunk.tokens.last }
        guard let lastToken = nameTokens.last else { return nil }
        let surname = cachedNameKey(ofToken: lastToken)
        let given = nameTokens.count >= 2 ? cachedNameKey(ofToken: nameTokens[0]) : nil
        let givenIsInitial = nameTokens.count >= 2 && tokens[nameTokens[0]].end - tokens[nameTokens[0]].start == 1
        // Initials between the given name and the surname tell namesakes apart (“George W. Bush”,
        // “George H. W. Bush”) when both names write some.
        var middle: String?
        if nameTokens.count >= 3 {
            let initials = nameTokens.dropFirst().dropLast().filter { tokens[$0].end - tokens[$0].start == 1 }.map { lowers[$0] }.joined()
            if !initials.isEmpty { middle = initials }
        }
        var candidates: [Int] = []
        // “Mr. Khan” and “Mrs. Khan”: an honorific keeps to the namesake of its gender.
        let stated = Self.gender(ofHonorific: chunk.honorific)
        for e in personsBySurname[surname] ?? [] {
            if let given, let known = keys[e].given {
                let compatible = givenIsInitial ? known.first == given.first : (known == given || (known.count == 1 && known.first == given.first))
                if !compatible { continue }
            }
            if !PeopleMerger.middlesAgree(middles[e], middle) { continue }
            candidates.append(e)
        }
        if let stated, candidates.count > 1 {
            // Only among namesakes: a given name's gender is a guess an honorific may overrule.
            let fitting = candidates.filter { e in genders[e].map { $0 == stated || $0 == .either } ?? true }
            if !fitting.isEmpty { candidates = fitting }
        }
        if chunk.tokens.count == 1 && !creating, candidates.isEmpty {
            // A given name alone ("Hillary") for the one person who carries it.
            let key = cachedNameKey(ofToken: chunk.tokens[0])
            let byGiven = personsByGiven[key] ?? []
            if byGiven.count == 1, tokens[chunk.tokens[0]].is(.givenName) { return byGiven[0] }
        }
        if let best = candidates.last {
            if candidates.count > 1, choosingAmongNamesakes {
                // Two people share the surname: a bare surname is the article's principal one,
                // the one mentioned most so far (“Cruz” is the senator, “Rafael Cruz” his father,
                // named in full each time); a tie goes to the one the article introduced first.
                let seen = candidates.compactMap { e in namesSoFar[e].map { (entity: e, count: $0.count, last: $0.last) } }
                let principal = seen.max { a, b in a.count != b.count ? a.count < b.count : a.entity > b.entity }
                return principal?.entity ?? best
            }
            if keys[best].given == nil, let given {
                keys[best].given = given
                personsByGiven[given, default: []].append(best)
            }
            if middles[best] == nil { middles[best] = middle }
            return best
        }
        guard creating else { return nil }
        let gender = nameTokens.count >= 2 ? Lexicon.givenName(lowers[nameTokens[0]])?.gender : nil
        let created = newEntity(kind: .person, name: text[chunk.span], keys: (surname, given), gender: gender)
        middles[created] = middle
        return created
    }

    mutating func newEntity(kind: Entity.Kind, name: String, keys key: (String, String?), gender: Lexicon.Gender?) -> Int {
        entities.append(Entity(kind: kind, name: name))
        keys.append(key)
        if kind == .person {
            personsBySurname[key.0, default: []].append(entities.count - 1)
            if let given = key.1 { personsByGiven[given, default: []].append(entities.count - 1) }
        }
        genders.append(gender == .either ? nil : gender)
        genderFromName.append(gender != nil && gender != .either)
        forms.append([])
        namesSoFar.append(nil)
        middles.append(nil)
        return entities.count - 1
    }

    mutating func addMention(_ mention: Mention, written: String) {
        mentions.append(mention)
        if mention.form == .name && !forms[mention.entity].contains(written) { forms[mention.entity].append(written) }
    }

    mutating func addRole(_ role: String, to e: Int) {
        let trimmed = role.trimmingScalars { $0 == "," || $0 == " " || $0 == "." }
        guard !trimmed.isEmpty, !entities[e].roles.contains(where: { $0.lowercased() == trimmed.lowercased() }) else { return }
        entities[e].roles.append(trimmed)
    }

    /// A role written in front of a name: “Kremlin spokesman Dmitry Peskov”, “Russia’s deputy
    /// foreign minister, Sergei A. Ryabkov”.
    func roleBefore(_ chunk: NameChunk) -> String? {
        guard let first = chunk.tokens.first else { return nil }
        var k = first - 1
        if chunk.honorific != nil, k >= 0, tokens[k].isMark(".") { k -= 1 }
        if chunk.honorific != nil, k >= 0, tokens[k].is(.honorific) { k -= 1 }
        if k >= 0 && tokens[k].isMark(",") { k -= 1 }
        let end = k
        var sawRoleNoun = false
        while k >= 0 && tokens[k].sentence == tokens[first].sentence {
            let token = tokens[k]
            if token.kind == .word && token.is(.roleNoun) {
                if k == end { sawRoleNoun = true } else if !sawRoleNoun { break }
            } else if token.kind == .word && token.isAny([.roleModifier, .demonym]) {
            } else if token.kind == .word && sawRoleNoun && !token.isCapitalized && !tokens[end].isCapitalized && end - k <= 3
                && !token.isAny([.functionWord, .speechCue])
            {
                // a noun in a compound title ("deputy trade minister", "chief operating officer")
            } else if lowers[k] == "'s" || (token.isCapitalized && k + 1 <= end && lowers[k + 1] == "'s") {
            } else if token.isCapitalized && sawRoleNoun && k + 1 <= end && tokens[k + 1].kind == .word && !token.is(.roleNoun)
                && lowers[k + 1] != "'s"
            {
                // an organisation or place in front of the title ("Kremlin spokesman")
                k -= 1
                break
            } else {
                break
            }
            k -= 1
        }
        guard sawRoleNoun, end > k else { return nil }
        let span = TextSpan(start: tokens[k + 1].start, end: tokens[end].end)
        // A title that is itself part of the name run was already taken.
        return chunk.roles.contains(text[span]) ? nil : text[span]
    }

    /// A role in apposition after a name: “Michael Carpenter, the U.S. ambassador to …,”.
    func appositionAfter(_ chunk: NameChunk) -> String? {
        guard let last = chunk.tokens.last, last + 2 < tokens.count, tokens[last + 1].isMark(",") else { return nil }
        let start = last + 2
        var k = start
        var roleEnd: Int?
        while k < tokens.count && k - start < 14 && tokens[k].sentence == tokens[last].sentence {
            let token = tokens[k]
            if token.kind != .word && lowers[k] != "'s" && !(token.isMark(".") && k > 0 && tokens[k - 1].end - tokens[k - 1].start == 1) {
                break
            }
            if token.is(.roleNoun) && k - start < 7 { roleEnd = k }
            // Lowercase nouns belong to the title ("chief bridge inspector"); a verb, a relative
            // pronoun or another function word ends it.
            if token.kind == .word && !token.isCapitalized && !token.isAny([.roleNoun, .roleModifier])
                && !Self.titleLinks.contains(lowers[k]) && !token.is(.demonym)
                && (token.isAny([.functionWord, .speechCue]) || roleEnd == nil || lowers[k].endsWith("ed"))
            {
                break
            }
            k += 1
        }
        guard roleEnd != nil else { return nil }
        // “Peskov, Foreign Minister Sergei Lavrov and …” is a list of people, not a role.
        for t in start..<k where tokens[t].isCapitalized && tokens[t].is(.givenName) && !tokens[t].is(.commonWord) {
            return nil
        }
        var first = start
        if ["the", "a", "an"].contains(lowers[first]) { first += 1 }
        guard first < k else { return nil }
        return text[TextSpan(start: tokens[first].start, end: tokens[k - 1].end)]
    }

    // MARK: - Descriptions and pronouns

    func isQuoted(_ offset: Int) -> Bool {
        var low = 0
        var high = quoted.count
        while low < high {
            let mid = (low + high) / 2
            if quoted[mid].end <= offset { low = mid + 1 } else { high = mid }
        }
        return low < quoted.count && quoted[low].start <= offset
    }

    // “he’ll”, “she’d”: the tokenizer keeps these contractions whole (only “’s” is split off).
    static let malePronouns: Set<String> = ["he", "him", "his", "himself", "he'll", "he'd"]
    static let femalePronouns: Set<String> = ["she", "her", "hers", "herself", "she'll", "she'd"]

    mutating func findDescriptionsAndPronouns() {
        sentenceQuotedThroughout = sentencesQuotedThroughout()
        var named = mentions.sorted { $0.span.start < $1.span.start }
        // Who holds which role noun, and where each entity's names are: “the minister” is looked
        // up, not searched for.
        var roleHolders: [String: [Int]] = [:]
        for (e, entity) in entities.enumerated() where entity.kind == .person {
            var nouns: Set<String> = []
            for role in entity.roles {
                for word in role.lowercased().split(separator: " ") where Lexicon.isRoleNoun(String(word)) { nouns.insert(String(word)) }
            }
            for noun in nouns { roleHolders[noun, default: []].append(e) }
        }
        var positions = [[Int]](repeating: [], count: entities.count)
        for mention in named { positions[mention.entity].append(mention.span.start) }
        var added: [Mention] = []
        // Per sentence, the people mentioned (outside quotations), in order; slot 0 holds the
        // tokens between sentences (sentence -1).
        var bySentence = [[(start: Int, entity: Int)]](repeating: [], count: text.sentenceTokens.count + 1)
        for mention in named where !isQuoted(mention.span.start) && entities[mention.entity].kind == .person {
            if let t = tokenIndex(at: mention.span.start) {
                bySentence[tokens[t].sentence + 1].append((mention.span.start, mention.entity))
            }
        }
        var i = 0
        while i < tokens.count {
            let token = tokens[i]
            // Only pronouns and “the” start a mention here.
            let isMale = token.is(.malePronoun)
            let isPronoun = isMale || token.is(.femalePronoun)
            // (“the” is among the determiners: most words need no comparing.)
            guard token.kind == .word, isPronoun || token.is(.determiner) && lowers[i] == "the", !isQuoted(token.start) else {
                i += 1
                continue
            }
            if isPronoun {
                let gender: Lexicon.Gender = isMale ? .male : .female
                if let e = antecedent(before: token.start, sentence: token.sentence, gender: gender, bySentence: bySentence) {
                    if genders[e] == nil { genders[e] = gender }
                    added.append(Mention(span: token.span, entity: e, form: .pronoun))
                    positions[e].append(token.start)
                    insert((token.start, e), into: &bySentence[token.sentence + 1])
                }
            } else if i + 1 < tokens.count, let (end, noun) = descriptionAfter(i) {
                // “the minister”: the last person given that role.
                if let e = lastPerson(withRoleNoun: noun, before: token.start, roleHolders: roleHolders, positions: positions) {
                    added.append(Mention(span: TextSpan(start: token.start, end: tokens[end].end), entity: e, form: .description))
                    positions[e].append(token.start)
                    // “to defend the president's policies”: a possessor is no subject a later
                    // pronoun would refer to.
                    if !(end + 1 < tokens.count && lowers[end + 1] == "'s") {
                        insert((token.start, e), into: &bySentence[token.sentence + 1])
                    }
                    i = end + 1
                    continue
                }
            }
            i += 1
        }
        named.append(contentsOf: added)
        named.sort { $0.span.start < $1.span.start }
        mentions = named
    }

    /// Keeps a sentence's people in text order: a pronoun resolved later may stand before a
    /// name listed earlier (“She met Bill Clinton”).
    func insert(_ person: (start: Int, entity: Int), into list: inout [(start: Int, entity: Int)]) {
        var k = list.count
        while k > 0 && list[k - 1].start > person.start { k -= 1 }
        list.insert(person, at: k)
    }

    func tokenIndex(at offset: Int) -> Int? {
        var low = 0
        var high = tokens.count
        while low < high {
            let mid = (low + high) / 2
            if tokens[mid].start < offset { low = mid + 1 } else { high = mid }
        }
        return low < tokens.count && tokens[low].start == offset ? low : nil
    }

    /// “the (deputy foreign) minister” not followed by a name: the end token and the role noun.
    func descriptionAfter(_ the: Int) -> (Int, String)? {
        var k = the + 1
        while k < tokens.count && k - the <= 4 && tokens[k].kind == .word && !tokens[k].isCapitalized && tokens[k].is(.roleModifier) {
            k += 1
        }
        guard k < tokens.count, tokens[k].kind == .word, !tokens[k].isCapitalized, tokens[k].is(.roleNoun) else { return nil }
        if k + 1 < tokens.count, isCapitalizedWord(k + 1) { return nil }
        if k + 1 < tokens.count, lowers[k + 1] == "of" || lowers[k + 1] == "for" { return nil }
        return (k, lowers[k])
    }

    /// The person given the role `noun` who was mentioned last before `offset`.
    func lastPerson(withRoleNoun noun: String, before offset: Int, roleHolders: [String: [Int]], positions: [[Int]]) -> Int? {
        var best: (entity: Int, position: Int)?
        for e in roleHolders[noun] ?? [] {
            // The last mention of e before offset, by binary search over its sorted positions.
            let list = positions[e]
            var low = 0
            var high = list.count
            while low < high {
                let mid = (low + high) / 2
                if list[mid] < offset { low = mid + 1 } else { high = mid }
            }
            guard low > 0 else { continue }
            if best == nil || list[low - 1] > best!.position { best = (e, list[low - 1]) }
        }
        return best?.entity
    }

    /// The person a pronoun refers to: in the sentence so far, the first person of a compatible
    /// gender (the subject, most often; one whose name gives the pronoun's gender before a subject
    /// of unknown gender); else the same in each earlier sentence, back to five
    /// sentences that have words outside quotation (a long quotation does not use up the
    /// window). A person who is not subject-like (``isSubjectLike``: “in an interview with
    /// Rusty Humphries”) is taken only when no one else in that sentence fits. `bySentence`
    /// holds sentence `s` at `s + 1`.
    func antecedent(before offset: Int, sentence: Int, gender: Lexicon.Gender, bySentence: [[(start: Int, entity: Int)]]) -> Int? {
        func compatible(_ e: Int) -> Bool { genders[e] == nil || genders[e] == gender || genders[e] == .either }
        func pick(_ people: [(start: Int, entity: Int)], before limit: Int) -> Int? {
            // The first subject, unless the text has not settled its gender and another's name
            // settles it as the pronoun's (“…, who has backed Hillary Clinton since her 2008
            // bid”: her, not the man of unknown gender the clause is about); then anyone.
            var firstSubject: Int?
            var named: Int?
            var fallback: Int?
            for person in people where person.start < limit && compatible(person.entity) {
                if isSubjectLike(person.start) {
                    if named == nil && genders[person.entity] == gender && genderFromName[person.entity] { named = person.entity }
                    if firstSubject == nil { firstSubject = person.entity }
                }
                if fallback == nil { fallback = person.entity }
            }
            if let firstSubject, genders[firstSubject] != nil { return firstSubject }
            return named ?? firstSubject ?? fallback
        }
        if let e = pick(bySentence[sentence + 1], before: offset) { return e }
        var s = sentence - 1
        var counted = 0
        // Five sentences with words of the writer's, within twenty in all.
        while s >= 0 && counted < 5 && sentence - s <= 20 {
            let people = bySentence[s + 1]
            if !people.isEmpty {
                if let e = pick(people, before: Int.max) { return e }
                counted += 1
            } else if !isQuotedThroughout(s) {
                counted += 1
            }
            s -= 1
        }
        return nil
    }

    static let prepositions: Set<String> = [
        "with", "by", "to", "for", "from", "about", "against", "at", "of", "on", "in", "like", "than", "toward", "towards", "between", "among",
        "as",
    ]

    /// Whether the person named at `offset` may be a clause's subject: not a possessive or object
    /// pronoun (“his”, “her”, “him”), not the object of a preposition, and not inside a
    /// sentence's introductory clause (“As for the notion that people vote for Clinton, Fiorina
    /// offered …”).
    func isSubjectLike(_ offset: Int) -> Bool {
        guard let t = tokenIndex(at: offset) else { return true }
        if tokens[t].is(.nonSubjectPronoun) { return false }
        if followsPreposition(t) || isPossessor(t) || isModifier(t) { return false }
        return !isInIntroductoryClause(t)
    }

    /// “The Clinton approach”, “the Trump campaign”: a name after an article and before a
    /// lowercase noun modifies the noun; the noun is the subject.
    func isModifier(_ t: Int) -> Bool {
        guard t > 0, lowers[t - 1] == "the" || lowers[t - 1] == "a" || lowers[t - 1] == "an" else { return false }
        var k = t
        while k + 1 < tokens.count && k - t < 4 && isCapitalizedWord(k + 1) { k += 1 }
        guard k + 1 < tokens.count, tokens[k + 1].kind == .word, !tokens[k + 1].isCapitalized else { return false }
        return !tokens[k + 1].is(.speechCue) && !Self.auxiliaries.contains(lowers[k + 1])
    }

    static let auxiliaries: Set<String> = ["is", "was", "has", "had", "will", "would", "could", "should", "did", "does", "can", "may", "might"]

    static let nonSubjectPronouns: Set<String> = ["his", "her", "him", "hers", "himself", "herself"]

    /// Whether the name starting at token `t` owns what follows (“Sanders’ Medicare plan”,
    /// “Clinton's campaign”): a possessor is not the clause's subject. (A possessor heading the
    /// subject, “Oz’s advice earned him …”, is the topic all the same; letting a possessor count
    /// when it is the sentence's first person measured worse on PolNeAR train, 0.856 against 0.857.)
    func isPossessor(_ t: Int) -> Bool {
        var k = t
        while k + 1 < tokens.count && k - t < 4 && tokens[k + 1].kind == .word && tokens[k + 1].isCapitalized
            && tokens[k + 1].start == tokens[k].end + 1
        {
            k += 1
        }
        guard k + 1 < tokens.count, tokens[k + 1].start == tokens[k].end else { return false }
        let next = lowers[k + 1]
        return next == "'s" || (next == "'" || next == "\u{2019}") && lowers[k].endsWith("s")
    }
    static let clauseOpeners: Set<String> = [
        "as", "when", "while", "after", "although", "though", "if", "because", "since", "despite", "in", "during", "before", "with",
        "following", "asked", "unlike", "like", "once", "until", "whether", "for", "on", "at", "by", "from", "without",
    ]

    /// Whether token `t` lies before the first comma of a sentence that opens with a
    /// subordinating word or a preposition.
    func isInIntroductoryClause(_ t: Int) -> Bool {
        let sentence = tokens[t].sentence
        guard sentence >= 0, sentence < text.sentenceTokens.count else { return false }
        let range = text.sentenceTokens[sentence]
        guard let first = range.first(where: { tokens[$0].kind == .word }), first < t, Self.clauseOpeners.contains(lowers[first]) else {
            return false
        }
        guard t - first <= 40 else { return false }  // an introductory clause is short
        var k = first
        while k < t {
            if tokens[k].isMark(",") { return false }
            k += 1
        }
        return true
    }

    /// Whether the name at token `t` is the object of a preposition (“with Rusty Humphries”,
    /// “to President Obama”, “In his assessment”), titles in between allowed.
    func followsPreposition(_ t: Int) -> Bool {
        // Within the name's sentence: “… in an interview of Trump. But Bryant said” is no “of Bryant”.
        let sentence = tokens[t].sentence
        var t = t
        var steps = 0
        while t > 0 && steps < 5 {
            t -= 1
            if tokens[t].sentence != sentence { return false }
            steps += 1
            let token = tokens[t]
            if token.kind == .word && Self.prepositions.contains(lowers[t]) { return true }
            if token.kind == .word && (token.isCapitalized || token.isAny([.roleNoun, .roleModifier])) {
                continue
            }
            if token.isMark(".") || lowers[t] == "'s" { continue }
            return token.kind == .word && Self.prepositions.contains(lowers[t])
        }
        return false
    }

    /// Whether every word of the sentence is inside a quotation.
    func isQuotedThroughout(_ sentence: Int) -> Bool {
        sentence < sentenceQuotedThroughout.count && sentenceQuotedThroughout[sentence]
    }

    /// Per sentence, whether every word of it is inside a quotation: worked out once, in one pass.
    func sentencesQuotedThroughout() -> [Bool] {
        var result = [Bool](repeating: true, count: text.sentenceTokens.count)
        for (s, range) in text.sentenceTokens.enumerated() {
            for i in range where tokens[i].kind == .word && !isQuoted(tokens[i].start) {
                result[s] = false
                break
            }
        }
        return result
    }

    // MARK: - Result

    func result() -> EntityAnalysis {
        var entities = self.entities
        var counts = [Int](repeating: 0, count: entities.count)
        for mention in mentions { counts[mention.entity] += 1 }
        for e in entities.indices {
            entities[e].mentionCount = counts[e]
            // The fullest form is the name; every other form is an alias.
            let written = forms[e].sorted()
            // The form of most words, then of most characters; the first such in sorted order
            // (what `max(by:)` keeps on a tie). Each form's size is counted once, not at every
            // comparison.
            var name = entities[e].name
            var best: (words: Int, characters: Int)?
            for form in written {
                let size = (Self.wordCount(form), form.count)
                if best.map({ $0.words != size.0 ? $0.words < size.0 : $0.characters < size.1 }) ?? true {
                    best = size
                    name = form
                }
            }
            entities[e].name = Self.withoutHonorific(name)
            entities[e].aliases = written.filter { $0 != entities[e].name }
        }
        // Mentions are in text order, so one forward walk over the tokens places them all.
        var mentionOfToken = [Int32](repeating: -1, count: tokens.count)
        var t = 0
        for (index, mention) in mentions.enumerated() {
            while t < tokens.count && tokens[t].start < mention.span.start { t += 1 }
            var k = t
            while k < tokens.count && tokens[k].start < mention.span.end {
                mentionOfToken[k] = Int32(index)
                k += 1
            }
        }
        return EntityAnalysis(entities: entities, mentions: mentions, genders: genders, mentionOfToken: mentionOfToken)
    }

    /// How many words `split(separator: " ")` would give: runs of scalars other than a space.
    static func wordCount(_ form: String) -> Int {
        var count = 0
        var inWord = false
        for byte in form.utf8 {
            if byte == 0x20 {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
            }
        }
        return count
    }

    static func withoutHonorific(_ name: String) -> String {
        // An ASCII name (nearly all) is split on its bytes, where the generic `split` walked it
        // Character by Character; in ASCII each Character is one byte but "\r\n", and neither
        // is a space or a period.
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            let utf8 = name.utf8
            // `split` omits empty pieces: leading spaces are skipped, and a name without a
            // non-empty piece after the first word's space is one part.
            guard let first = utf8.firstIndex(where: { $0 != 0x20 }), let space = utf8[first...].firstIndex(of: 0x20) else { return name }
            let rest = utf8.index(after: space)
            guard rest != utf8.endIndex else { return name }
            var headEnd = space
            if utf8[utf8.index(before: headEnd)] == 0x2E { headEnd = utf8.index(before: headEnd) }
            return Lexicon.isHonorific(String(name[first..<headEnd]).lowercased()) ? String(name[rest...]) : name
        }
        let parts = name.split(separator: " ", maxSplits: 1)
        guard parts.count == 2 else { return name }
        let head = parts[0].hasSuffix(".") ? parts[0].dropLast() : parts[0]
        return Lexicon.isHonorific(head.lowercased()) ? String(parts[1]) : name
    }
}

extension String {
    /// The string without the scalars at either end that `trim` accepts: what Foundation's
    /// `trimmingCharacters(in:)` returns for the same set, which also reads scalars, without its
    /// bridging cost.
    func trimmingScalars(_ trim: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !trim($0) }), let last = scalars.lastIndex(where: { !trim($0) }) else { return "" }
        return String(scalars[first...last])
    }
}
