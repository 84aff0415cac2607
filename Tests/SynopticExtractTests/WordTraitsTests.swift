import Testing

@testable import SynopticExtract

@Suite struct WordTraitsTests {
    static let placeLeads = Set(Lexicon.placeKeys.filter { $0.contains(" ") }.map { String($0.split(separator: " ")[0]) })

    /// The traits of `lower` asked of the lists themselves, one `contains` a list.
    static func reference(_ lower: String) -> WordTraits {
        var traits: WordTraits = []
        if Lexicon.givenName(lower) != nil { traits.insert(.givenName) }
        if Lexicon.place(lower) != nil { traits.insert(.place) }
        if Self.placeLeads.contains(lower) { traits.insert(.placeLead) }
        if Lexicon.demonym(lower) != nil { traits.insert(.demonym) }
        if Lexicon.nameKeyOverrideKeys.contains(lower) { traits.insert(.nameKeyOverride) }
        if Lexicon.isRoleNoun(lower) { traits.insert(.roleNoun) }
        if Lexicon.isRoleModifier(lower) { traits.insert(.roleModifier) }
        if Lexicon.isOrganizationWord(lower) { traits.insert(.organizationWord) }
        if Lexicon.isHonorific(lower) { traits.insert(.honorific) }
        if Lexicon.isCommonWord(lower) { traits.insert(.commonWord) }
        if SpeechCues.isCue(lower) { traits.insert(.speechCue) }
        if RecognitionState.calendarWords.contains(lower) { traits.insert(.calendarWord) }
        if RecognitionState.functionWords.contains(lower) { traits.insert(.functionWord) }
        if RecognitionState.connectors.contains(lower) { traits.insert(.connector) }
        if RecognitionState.particlesInPersonNames.contains(lower) { traits.insert(.nameParticle) }
        if RecognitionState.malePronouns.contains(lower) { traits.insert(.malePronoun) }
        if RecognitionState.femalePronouns.contains(lower) { traits.insert(.femalePronoun) }
        if QuoteAttributor.speakerPronouns.contains(lower) { traits.insert(.speakerPronoun) }
        if QuoteAttributor.determiners.contains(lower) { traits.insert(.determiner) }
        if FigureLexicon.wordStarters.contains(lower) { traits.insert(.figureStarter) }
        if FigureLexicon.currencyCodes[lower] != nil { traits.insert(.currencyCode) }
        if TimeLexicon.starters.contains(lower) { traits.insert(.timeStarter) }
        if TimeLexicon.determiners.contains(lower) { traits.insert(.timeDeterminer) }
        if TimeLexicon.afterDeterminer.contains(lower) { traits.insert(.afterTimeDeterminer) }
        if TimeLexicon.approximators.contains(lower) { traits.insert(.approximator) }
        if TimeLexicon.twoWordApproximatorStarts.contains(lower) { traits.insert(.twoWordApproximatorStart) }
        if TimeLexicon.futureCues.contains(lower) { traits.insert(.futureCue) }
        if TimeLexicon.pastCues.contains(lower) { traits.insert(.pastCue) }
        if FigureLexicon.cues.contains(lower) { traits.insert(.figureSourceCue) }
        if RecognitionState.nonSubjectPronouns.contains(lower) { traits.insert(.nonSubjectPronoun) }
        if QuoteAttributor.possessiveDeterminers.contains(lower) { traits.insert(.possessiveDeterminer) }
        if QuoteAttributor.modifierContexts.contains(lower) { traits.insert(.modifierContext) }
        return traits
    }

    @Test func tableAnswersWhatTheListsAnswerForEveryKey() {
        var mismatches: [String] = []
        for (_, keys) in WordTraits.lists() {
            // No token holds a space, and the table leaves multi-word keys out.
            for key in keys where !key.contains(" ") {
                // The key itself, and near misses: one letter more or less, a final period.
                for word in [key, key + "s", String(key.dropLast()), key + "."]
                where WordTraitTable.shared.traits(of: word) != Self.reference(word) {
                    mismatches.append(word)
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
    }

    @Test func nameKeysSkipTheOverridesOnlyForWordsThatHaveNone() {
        for name in Lexicon.givenNameKeys + Lexicon.nameKeyOverrideKeys + ["zelenskyy", "khodorkovsky", "o'brien"] {
            let overridden = WordTraitTable.shared.traits(of: name).contains(.nameKeyOverride)
            #expect(Lexicon.nameKey(name, mayBeOverridden: overridden) == Lexicon.nameKey(name), "\(name)")
        }
    }

    @Test func nonASCIISpellingsAreLookedUpAsStrings() {
        // Precomposed and decomposed “é” are one string to Swift, and so to the table.
        for word in ["josé", "jose\u{301}", "zoë", "são", "münchen", "mu\u{308}nchen", "ñ", "x’s", "“", "—"] {
            #expect(WordTraitTable.shared.traits(of: word) == Self.reference(word), "\(word)")
        }
        #expect(WordTraitTable.shared.traits(of: "jose\u{301}").contains(.givenName))
    }

    @Test func tokensCarryTheTraitsOfTheirLowercaseForm() {
        let text = "Mr. Lavrov, Russia’s foreign minister, told reporters on Monday that the Ministry of Défense and José said “no.”"
        let tokenized = TokenizedText(text)
        for (token, lower) in zip(tokenized.tokens, tokenized.lowers) {
            #expect(token.traits == Self.reference(lower), "\(lower)")
        }
    }

    @Test func shapesDescribeTheLetters() {
        let tokenized = TokenizedText("NATO’s U.S. envoy met Émile in mid-2022 and the 1990s; I É O’BRIEN’S don’t")
        for (i, token) in tokenized.tokens.enumerated() {
            let scalars = Array(tokenized.tokenText(i).unicodeScalars)
            let letters = scalars.filter { $0.properties.isAlphabetic }
            let capitalized = token.kind == .word && scalars.first!.properties.isUppercase
            let allCaps = token.kind == .word && letters.count >= 2 && letters.allSatisfy { $0.properties.isUppercase }
            let lower = tokenized.lowers[i]
            #expect(token.isCapitalized == capitalized, "\(lower)")
            #expect(token.isAllCaps == allCaps, "\(lower)")
            #expect(token.shape.contains(.leadingDigit) == (lower.utf8.first.map { $0 >= 0x30 && $0 <= 0x39 } ?? false))
            #expect(token.shape.contains(.hyphen) == lower.utf8.contains(0x2D))
        }
    }

    @Test func marksCompareAsTheirStringsDo() {
        // U+037E GREEK QUESTION MARK is canonically a semicolon.
        let tokenized = TokenizedText("One\u{037E} two — “three” ‘four’.")
        for (token, written) in zip(tokenized.tokens, tokenized.tokens.indices.map(tokenized.tokenText))
        where token.kind != .word && token.kind != .number {
            for mark in [";", "—", "“", "”", "‘", "’", ".", ","] as [Unicode.Scalar] {
                #expect(token.isMark(mark) == (written == String(mark)), "\(written) \(mark)")
            }
        }
        #expect(tokenized.tokens[1].isMark(";"))
    }
}
