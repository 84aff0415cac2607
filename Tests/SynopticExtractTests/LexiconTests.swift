import Testing

@testable import SynopticExtract

@Suite struct LexiconTests {
    private func sameKey(_ names: [String]) -> Bool { Set(names.map(Lexicon.nameKey)).count == 1 }

    @Test func transliterationsOfOneNameShareAKey() {
        #expect(sameKey(["sergei", "sergey", "serhiy", "serhii"]))
        #expect(sameKey(["aleksandr", "alexander", "oleksandr", "olexandr"]))
        #expect(sameKey(["yevhenii", "yevgeny", "evgeny", "evgeniy", "yevgeniy"]))
        #expect(sameKey(["dmitry", "dmitri", "dmitriy", "dmitrii"]))
        #expect(sameKey(["yuri", "yury", "iurii", "yuriy"]))
        #expect(sameKey(["andrei", "andrey", "andriy", "andrii"]))
        #expect(sameKey(["alexei", "aleksey", "alexey"]))
        #expect(sameKey(["khodorkovsky", "hodorkovsky", "khodorkovskiy"]))
        #expect(sameKey(["fyodor", "fedor"]))
        #expect(sameKey(["pyotr", "petr", "peter"]))
        #expect(sameKey(["olha", "olga"]))
        #expect(sameKey(["ihor", "igor"]))
        #expect(sameKey(["oleh", "oleg"]))
        #expect(sameKey(["natalya", "nataliya", "natalia"]))
        #expect(sameKey(["gennady", "gennadiy"]))
        #expect(sameKey(["nikolay", "nikolai"]))
        #expect(sameKey(["josé", "jose"]))
        #expect(sameKey(["o'brien", "o’brien", "obrien"]))
        // From nam_dict's spelling-variant pairs, not from the rules.
        #expect(sameKey(["volodymyr", "vladimir"]))
        #expect(sameKey(["sviatlana", "svetlana"]))
        // Surnames fold by the same rules.
        #expect(sameKey(["zelensky", "zelenskyy", "zelenskiy", "zelenskyi"]))
        #expect(Lexicon.nameKey("lavrov") == "lavrov")
        #expect(Lexicon.nameKey("peskov") == "peskov")
    }

    @Test func differentNamesKeepDifferentKeys() {
        let pairs = [
            ("john", "joan"), ("maria", "mario"), ("alexander", "alexandra"), ("sergei", "sergio"),
            ("yuri", "yulia"), ("andrei", "andrea"), ("mikhail", "mykhailo"), ("dmitri", "demetrius"),
            ("joey", "joy"), ("terry", "teri"), ("lavrov", "lavrova"), ("lee", "le"),
            ("ryota", "reeta"), ("kyoko", "keko"), ("john", "johnny"), ("albert", "al"),
        ]
        for (a, b) in pairs {
            #expect(Lexicon.nameKey(a) != Lexicon.nameKey(b), "\(a) / \(b)")
        }
    }

    @Test func swiftFoldMatchesTheScript() {
        var checked = 0
        for line in LexiconData.foldSamples.split(separator: "\n") {
            let fields = line.split(separator: "\t")
            guard fields.count == 2 else { continue }
            #expect(Lexicon.fold(String(fields[0])) == String(fields[1]), "\(fields[0])")
            checked += 1
        }
        #expect(checked > 300)
    }

    @Test func givenNames() {
        #expect(Lexicon.givenName("sergei")?.gender == .male)
        #expect(Lexicon.givenName("maria")?.gender == .female)
        #expect(Lexicon.givenName("olha")?.gender == .female)
        #expect(Lexicon.givenName("volodymyr")?.gender == .male)
        #expect(Lexicon.givenName("josé") != nil && Lexicon.givenName("jose") != nil)
        #expect((Lexicon.givenName("john")?.frequency ?? 0) >= 10)
        // Words that are also names stay names; `isCommonWord` tells the other side.
        for word in ["will", "mark", "bill"] {
            #expect(Lexicon.givenName(word) != nil, "\(word)")
            #expect(Lexicon.isCommonWord(word), "\(word)")
        }
        #expect(Lexicon.givenName("lavrov") == nil)
        #expect(Lexicon.givenName("the") == nil)
    }

    @Test func places() {
        #expect(Lexicon.place("russia") == .country)
        #expect(Lexicon.place("ukraine") == .country)
        #expect(Lexicon.place("united states") == .country)
        #expect(Lexicon.place("united kingdom") == .country)
        #expect(Lexicon.place("britain") == .country)
        #expect(Lexicon.place("u.s.") == .country)
        #expect(Lexicon.place("u.k.") == .country)
        #expect(Lexicon.place("usa") == .country)
        #expect(Lexicon.place("uae") == .country)
        #expect(Lexicon.place("us") == nil)  // the pronoun
        #expect(Lexicon.place("moscow") == .city)
        #expect(Lexicon.place("kyiv") == .city)
        #expect(Lexicon.place("kiev") == .city)
        #expect(Lexicon.place("new york") == .city)
        #expect(Lexicon.place("bakhmut") == .city)
        #expect(Lexicon.place("texas") == .region)
        #expect(Lexicon.place("middle east") == .region)
        #expect(Lexicon.place("europe") == .continent)
        #expect(Lexicon.place("africa") == .continent)
        #expect(Lexicon.place("the") == nil)
        #expect(Lexicon.placeMaxWords >= 3 && Lexicon.placeMaxWords <= 6)
    }

    @Test func demonyms() {
        #expect(Lexicon.demonym("russian") == "Russia")
        #expect(Lexicon.demonym("russians") == "Russia")
        #expect(Lexicon.demonym("american") == "United States")
        #expect(Lexicon.demonym("ukrainian") == "Ukraine")
        #expect(Lexicon.demonym("british") == "United Kingdom")
        #expect(Lexicon.demonym("chinese") == "China")
        #expect(Lexicon.demonym("german") == "Germany")
        #expect(Lexicon.demonym("european") == "Europe")
        #expect(Lexicon.demonym("russia") == nil)
    }

    @Test func rolesOrganizationsAndHonorifics() {
        let roles = [
            "minister", "ministers", "spokesman", "spokesmen", "spokeswoman", "spokesperson", "ambassador", "president",
            "secretary", "envoy", "diplomat", "negotiator", "official", "officials", "senator", "chancellor", "general",
            "chief", "adviser", "advisor", "director", "leader", "governor", "mayor", "commander", "lawmaker",
        ]
        for word in roles { #expect(Lexicon.isRoleNoun(word), "\(word)") }
        for word in ["the", "russia", "ministry", "said"] { #expect(!Lexicon.isRoleNoun(word), "\(word)") }
        for word in ["deputy", "vice", "foreign", "prime", "former", "acting", "senior", "chief"] {
            #expect(Lexicon.isRoleModifier(word), "\(word)")
        }
        #expect(!Lexicon.isRoleModifier("the"))
        let organizations = [
            "ministry", "department", "agency", "council", "committee", "party", "alliance", "organization",
            "organisation", "union", "bank", "university", "institute", "corporation", "company", "inc", "ltd",
            "parliament", "government", "commission",
        ]
        for word in organizations { #expect(Lexicon.isOrganizationWord(word), "\(word)") }
        #expect(!Lexicon.isOrganizationWord("minister"))
        for word in ["mr", "mrs", "ms", "dr", "dr.", "sen", "rep", "gov", "gen", "lt", "col", "prof", "rev", "sir"] {
            #expect(Lexicon.isHonorific(word), "\(word)")
        }
        #expect(!Lexicon.isHonorific("the") && !Lexicon.isHonorific("lavrov"))
    }

    @Test func commonWords() {
        for word in ["the", "however", "in", "after", "said", "but", "us", "january", "monday", "meanwhile"] {
            #expect(Lexicon.isCommonWord(word), "\(word)")
        }
        for word in ["putin", "russia", "american", "lavrov", "zelensky"] {
            #expect(!Lexicon.isCommonWord(word), "\(word)")
        }
    }

    @Test func garbageEmptyAndNonLatinLookupsAreSafe() {
        let odd = ["", " ", "'", "’", "-", ".", "..", "x", "ÿ", "сергей", "谢尔盖", "🙂", "a\u{301}", "\u{0}", String(repeating: "y", count: 500)]
        for word in odd {
            #expect(Lexicon.givenName(word) == nil)
            #expect(Lexicon.place(word) == nil)
            #expect(Lexicon.demonym(word) == nil)
            #expect(!Lexicon.isRoleNoun(word) && !Lexicon.isOrganizationWord(word) && !Lexicon.isHonorific(word))
            _ = Lexicon.nameKey(word)
        }
        #expect(Lexicon.nameKey("") == "")
        #expect(Lexicon.nameKey("сергей") == "сергей")
        #expect(Lexicon.fold("yy") == "y")
        #expect(Lexicon.fold("Sergey") == "sergi")
    }
}
