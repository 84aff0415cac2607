import Foundation
import SynopticCore
import SynopticIngest
import SynopticText
import Testing

@testable import SynopticExtract

/// Entities and quotations on text written for these tests (invented people and events).
@Suite struct AttributionTests {
    /// Assembles `text` the way the pipeline does (normalization turns every quote convention
    /// into “ ” ‘ ’) and annotates it.
    static func annotate(_ text: String, id: String = "a") -> (Article, ArticleAnnotations) {
        var article = ArticleAssembler().assemble(
            id: id, provenance: Provenance(origin: .textFile, path: id), metadata: .init(title: "Headline"), original: text)
        article.annotations = ArticleExtractor().annotations(of: article)
        return (article, article.annotations)
    }

    static func speakers(_ article: Article, _ annotations: ArticleAnnotations) -> [(String, String?)] {
        annotations.quotes.map { quote in
            (String(article[quote.span]), quote.speaker.map { annotations.entities[$0].name })
        }
    }

    @Test func namesTitlesAndLaterMentionsResolveToOnePerson() {
        let (article, a) = Self.annotate(
            """
            Harbor talks resumed on Tuesday in Tallinn.

            Latvia’s deputy trade minister, Aleksandr P. Korvin, said the offer was final. Mr. Korvin later met \
            Port Authority spokeswoman Ilse Marten. The minister left early, and he did not comment.

            Korvin is expected back next week.
            """)
        let korvin = a.entities.firstIndex { $0.name == "Aleksandr P. Korvin" }
        #expect(korvin != nil)
        guard let korvin else { return }
        let person = a.entities[korvin]
        #expect(person.kind == .person)
        #expect(Set(person.aliases).isSuperset(of: ["Mr. Korvin", "Korvin"]))
        #expect(person.roles.contains { $0.contains("deputy trade minister") })
        // “The minister” and “he” refer back to him.
        let forms = a.mentions.filter { $0.entity == korvin }.map(\.form)
        #expect(forms.contains(.description) && forms.contains(.pronoun))
        let marten = a.entities.first { $0.name == "Ilse Marten" }
        #expect(marten?.roles.contains { $0.lowercased().contains("spokeswoman") } == true)
        #expect(a.entities.contains { $0.kind == .place && $0.name == "Tallinn" })
        for mention in a.mentions { #expect(mention.span.end <= article.text.scalarCount) }
    }

    @Test func everyAttributionPatternFindsItsSpeaker() {
        let (article, a) = Self.annotate(
            """
            The ferry deal collapsed on Monday.

            “We will not sign this,” Mayor Tomas Velde said.

            Ambassador Rita Osk said: “The door stays open.”

            “Nobody won today,” said Jonas Brink, the union’s chief negotiator.

            Velde told reporters that “the numbers never added up.”

            According to Osk, “talks can resume within a month.”

            “It is a sad day for the port,” she said. “But we will be back.”

            Crowds gathered outside the hall after the vote.

            “The workers deserve better.”

            A spokesman for the company called the outcome “regrettable.”

            “Prices will rise,” one analyst warned.
            """)
        let found = Dictionary(Self.speakers(article, a).map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first })
        #expect(found["We will not sign this,"] == .some("Tomas Velde"))
        #expect(found["The door stays open."] == .some("Rita Osk"))
        #expect(found["Nobody won today,"] == .some("Jonas Brink"))
        #expect(found["the numbers never added up."] == .some("Tomas Velde"))
        #expect(found["talks can resume within a month."] == .some("Rita Osk"))
        #expect(found["It is a sad day for the port,"] == .some("Rita Osk"))
        #expect(found["But we will be back."] == .some("Rita Osk"))
        // The text does not say who said it: no guess.
        #expect(found["The workers deserve better."] == .some(nil))
        let partial = a.quotes.first { article[$0.span] == "regrettable." }
        #expect(partial?.partial == true)
        #expect(partial?.speakerSpan.map { String(article[$0]) } == "A spokesman for the company")
        let analyst = a.quotes.first { article[$0.span] == "Prices will rise," }
        #expect(analyst?.speakerSpan.map { String(article[$0]) } == "one analyst")
        #expect(analyst.flatMap { $0.cueSpan.map { String(article[$0]) } } == "warned")
        let first = a.quotes.first { article[$0.span] == "We will not sign this," }
        #expect(first?.partial == false && (first?.confidence ?? 0) > 0.8)
    }

    @Test func quotationsRunOnAcrossParagraphsAndDoubledMarks() {
        let (article, a) = Self.annotate(
            """
            Officials met again.

            ''The first point is money,'' said Marta Lind, the treasurer. ''The second is time.''

            “We need both,” Ms. Lind added. “And we need them now.

            “Without them the project stops.”
            """)
        let found = Self.speakers(article, a)
        #expect(found.count == 5)
        for (text, speaker) in found { #expect(speaker == "Marta Lind", "\(text)") }
    }

    @Test func quotationsSplitByTheirAttributionAreNotFragments() {
        let (article, a) = Self.annotate(
            """
            A warning came late.

            “If the river keeps rising,” the engineer Paul Aune said, “we will close the bridge.”
            """)
        #expect(a.quotes.count == 2)
        #expect(a.quotes.allSatisfy { !$0.partial })
        #expect(Self.speakers(article, a).allSatisfy { $0.1 == "Paul Aune" })
    }

    @Test func storyMergesTransliterationsAndKeepsNamesakesApart() {
        let (first, _) = Self.annotate(
            "Talks opened.\n\nDeputy Minister Sergei Volkov said the talks were useful. Volkov later left.", id: "one")
        let (second, _) = Self.annotate(
            "Talks ended.\n\nSergey V. Volkov, the deputy minister, spoke first. Mr. Volkov was brief.", id: "two")
        let (third, _) = Self.annotate("Reaction.\n\nAnna Volkov, a historian, was not impressed.", id: "three")
        var story = Story(id: "s", title: "t", articleIDs: ["one", "two", "three"])
        StoryEntities.fill(&story, articles: [first, second, third])
        let volkovs = story.people.filter { $0.name.hasSuffix("Volkov") }
        #expect(volkovs.count == 2)
        let sergei = volkovs.first { $0.name.hasPrefix("Serge") }
        #expect(sergei.map { Set([$0.name] + $0.aliases).isSuperset(of: ["Sergei Volkov", "Sergey V. Volkov", "Mr. Volkov"]) } == true)
        #expect(sergei?.articles.sorted() == ["one", "two"])
        #expect(volkovs.contains { $0.name == "Anna Volkov" })
    }

    /// Father and son with one given name and surname, told apart by their middle initials, in
    /// one article and across a story; a name without initials still joins its person.
    @Test func differentMiddleInitialsAreDifferentPeople() {
        let (first, a) = Self.annotate(
            """
            Dock history.

            Harbor master Arne P. Dahl opened the new quay in 1990. His son, Arne K. Dahl, runs it now. \
            Arne K. Dahl said the quay would be rebuilt.
            """, id: "one")
        let dahls = a.entities.filter { $0.kind == .person && $0.name.hasSuffix("Dahl") }
        #expect(Set(dahls.map(\.name)) == ["Arne P. Dahl", "Arne K. Dahl"])
        let (second, _) = Self.annotate("Quay news.\n\nArne Dahl, the harbor master, said the quay would close for a year.", id: "two")
        let (third, _) = Self.annotate("Quay plans.\n\nArne K. Dahl said the rebuilt quay opens in spring.", id: "three")
        var story = Story(id: "s", title: "t", articleIDs: ["one", "two", "three"])
        StoryEntities.fill(&story, articles: [first, second, third])
        let people = story.people.filter { $0.name.hasSuffix("Dahl") }
        #expect(people.count == 2)
        #expect(people.first { $0.name == "Arne K. Dahl" }?.articles.sorted() == ["one", "three"])
    }

    /// “…,” his family said: the possessive pronoun owns the speaker, so the quotation is the
    /// family's (nobody named), or the person named in apposition; never the pronoun's person.
    @Test func aPossessivePronounBeforeTheCueOwnsTheSpeakerAndIsNotIt() {
        let (article, a) = Self.annotate(
            """
            Harbor pilot dies at 84

            Harbor pilot Olav Brekke died on Monday at 84.

            "We have lost a loving husband," his family said.

            "He guided every ship home," his daughter, Ingrid Brekke, said.

            "The harbor will miss him," his spokesman said.
            """)
        let found = Self.speakers(article, a)
        #expect(found.map(\.1) == [nil, "Ingrid Brekke", nil])
        let descriptions = a.quotes.map { $0.speakerSpan.map { String(article[$0]) } }
        #expect(descriptions == ["his family", "Ingrid Brekke", "his spokesman"])
    }

    /// ““…?” The Ledger's reporter, Jonah Pell, asked Ruiz”: the name set off by commas before the
    /// cue is the subject, the name after it the one asked; an aside before an inverted cue
    /// (““…,” like the storm before it, said Ana Ruiz”) still leaves the name after the cue speaking.
    @Test func aNameInAppositionBeforeTheCueAsksAndTheNameAfterIsAsked() {
        let (article, a) = Self.annotate(
            """
            Mayor takes questions

            Mayor Ana Ruiz held a news conference on the harbor plan on Tuesday.

            “Why are you so sure the talks will work, Madam Mayor?” The Ledger’s city hall reporter, Jonah Pell, asked Ruiz at the end of the briefing.

            “This flood will pass,” like the storm before it, said Ana Ruiz.
            """)
        #expect(Self.speakers(article, a).map(\.1) == ["Jonah Pell", "Ana Ruiz"])
    }

    @Test func hostileInputGivesFewerAnnotationsNeverBadOffsets() {
        let cases: [String] = [
            "Title\n\n“Unbalanced “quotes ” everywhere” “ and ” ” “",
            "Title\n\n“A quote that never closes, said Mr. Hale, and goes on",
            "Title\n\n" + String(repeating: "“Yes,” he said. ", count: 10_000),
            "Title\n\n" + String(repeating: "word ", count: 200_000),
            "title\n\nno capital letters at all, said someone, “not even here.”",
            "TITLE\n\nEVERYTHING IS SHOUTED HERE, SAID THE MAYOR JOHN SMITH. “WE WILL WIN,” HE SAID.",
            "Заголовок\n\n«Мы не подпишем», — сказал министр Сергей Лавров. 北京的会谈结束了。",
        ]
        for text in cases {
            let (article, a) = Self.annotate(text)
            let length = article.text.scalarCount
            for quote in a.quotes {
                #expect(quote.span.end <= length && quote.span.start <= quote.span.end)
                if let speaker = quote.speaker { #expect(speaker < a.entities.count) }
                if let span = quote.speakerSpan { #expect(span.end <= length) }
            }
            for mention in a.mentions { #expect(mention.span.end <= length && mention.entity < a.entities.count) }
        }
        // Shouted text names no one from its capitals alone.
        let (_, shouted) = Self.annotate(cases[5])
        #expect(shouted.entities.count <= 2)
    }

    @Test func transcriptLabelsAndReportingSentencesNameTheSpeaker() {
        let (article, a) = Self.annotate(
            """
            Dock Strike Talks Go On.

            Host Wendel Amory spoke with union leader Petra Koslov on Sunday.

            “AMORY: Will the ferries run on Monday?”

            “KOSLOV: Not until the contract is signed.”

            Koslov said the union would meet again. “We have waited two years for this.”

            Said Amory: “That sounds like a long week.”
            """)
        let speakers = Dictionary(Self.speakers(article, a).map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first })
        #expect(speakers["AMORY: Will the ferries run on Monday?"] == .some("Wendel Amory"))
        #expect(speakers["KOSLOV: Not until the contract is signed."] == .some("Petra Koslov"))
        // A quotation standing alone after the sentence that reports her words.
        #expect(speakers["We have waited two years for this."] == .some("Petra Koslov"))
        // A cue opening its sentence.
        #expect(speakers["That sounds like a long week."] == .some("Wendel Amory"))
    }

    @Test func partyLabelsTitlesAtSentenceStartAndParticiplesKeepTheSpeaker() {
        let (article, a) = Self.annotate(
            """
            Pier Vote Delayed.

            “This is a waste of a month,” Rep. Clara Denholt (D-Wis.) said Friday.

            Senator Arvid Pellmann was also critical of Denholt’s plan, telling reporters: “The pier cannot wait.”

            Asked whether Pellmann “has the votes,” aides declined to answer.
            """)
        let speakers = Dictionary(Self.speakers(article, a).map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first })
        #expect(speakers["This is a waste of a month,"] == .some("Clara Denholt"))
        // The participle's speaker is the clause's subject, not the possessor nearest the cue.
        #expect(speakers["The pier cannot wait."] == .some("Arvid Pellmann"))
        // The person asked about is not the speaker.
        #expect(speakers["has the votes,"] ?? nil != "Arvid Pellmann")
    }

    @Test func pronounsFindTheSubjectNotANameInPassing() {
        let (article, a) = Self.annotate(
            """
            Ferry Chief Speaks Out.

            In an interview with radio host Colm Brady, retired captain Ilsa Marrow described the night of the storm.

            “We lost power twice before midnight,” she said.

            As for the claim that Mayor Tomas Velde ignored the warnings, harbor engineer Piet Ahlberg disagreed.

            “He read every report,” he said.
            """)
        let speakers = Dictionary(Self.speakers(article, a).map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first })
        #expect(speakers["We lost power twice before midnight,"] == .some("Ilsa Marrow"))
        // Velde is named in the introductory clause; the subject is Ahlberg.
        #expect(speakers["He read every report,"] == .some("Piet Ahlberg"))
    }

    @Test func aPossessorBeforeTheSubjectIsNotThePronounsReferent() {
        let (article, a) = Self.annotate(
            """
            Budget Fight Grows.

            Mayor Tomas Velde’s chief of staff, Jonas Brandt, criticized the council on Monday.

            He said the members “have not read the budget.”

            Councillor Anders Holm's aides met Ilsa Marrow at the pier.

            She said the repairs “cannot wait another winter.”
            """)
        let speakers = Dictionary(Self.speakers(article, a).map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first })
        #expect(speakers["have not read the budget."] == .some("Jonas Brandt"))
        // No subject fits a female pronoun: the person in the object is taken, as before.
        #expect(speakers["cannot wait another winter."] == .some("Ilsa Marrow"))
    }

    /// Each quotation's speaker as the text words it (a name, a pronoun or a description).
    static func speakerWords(_ article: Article, _ annotations: ArticleAnnotations) -> [String: String?] {
        Dictionary(
            annotations.quotes.map { quote in (String(article[quote.span]), quote.speakerSpan.map { String(article[$0]) }) },
            uniquingKeysWith: { first, _ in first })
    }

    @Test func descriptionsAreNounPhrasesAndItIsTheSourceQuotedLast() {
        let (article, a) = Self.annotate(
            """
            Audit Finds Gaps.

            “The port was left holding $8 million in debt,” the Harbor Gazette wrote in an editorial.

            “But since then, its fortunes have changed,” it further wrote.

            The auditors rated 30% of Republican claims as “false” or “pants on fire.”

            Only 1 percent of the staff had been involved with what several councillors called “fraud.”

            A chorus of council members has said the same thing, including the former mayor -- “It is wrong to hide the ledgers.”

            “We will appeal,” it said.
            """)
        let words = Self.speakerWords(article, a)
        #expect(words["The port was left holding $8 million in debt,"] == .some("Harbor Gazette"))
        // “it” after an outlet's quotation is that outlet, which “the” marks as no person.
        #expect(words["But since then, its fortunes have changed,"] == .some("Harbor Gazette"))
        #expect(a.entities.first { $0.name == "Harbor Gazette" }?.kind == .organization)
        // An adjective is no speaker (the quotations are then fragments with no one named).
        #expect(words["false"] ?? nil != "Republican")
        // A description runs back to its determiner, not over the clause before it.
        #expect(words["fraud."] == .some("several councillors"))
        // “has said the same thing”: the object of the cue is not its speaker.
        #expect(words["It is wrong to hide the ledgers."] ?? nil != "the same thing")
        // “it” with no outlet quoted just before is no one the text names.
        #expect(words["We will appeal,"] == .some(nil))
    }

    @Test func clausesOfTheirOwnAndObjectsOfPrepositions() {
        let (article, a) = Self.annotate(
            """
            Port Vote Delayed.

            Mayor Tomas Velde met Rita Osk on Monday. The Harbor Council condemned the delay as what it called “a betrayal of the workers.”

            The engineer Paul Aune is no longer welcome at the yard, or, as the Harbor Gazette put it, “a guest who overstayed.”

            Velde sang to Osk before asking her, “Where do we go from here?”

            At a forum with dock workers in Tallinn, one welder claimed the plan was “a fantasy.”
            """)
        let words = Self.speakerWords(article, a)
        // “what it called”: the organisation that opens the sentence.
        #expect(words["a betrayal of the workers."] == .some("Harbor Council"))
        // “as X put it”: the speaker is in the cue's own clause, not the person named first.
        #expect(words["a guest who overstayed."] == .some("Harbor Gazette"))
        // A person after “to” is an object, not the one asking.
        #expect(Self.speakers(article, a).first { $0.0 == "Where do we go from here?" }?.1 == "Tomas Velde")
        // A place after “in” is no subject: the description is.
        #expect(words["a fantasy."] == .some("one welder"))
    }

    @Test func possessiveCueNounsAndCommasBeforeTheAttribution() {
        let (article, a) = Self.annotate(
            """
            Port Vote Delayed.

            Mayor Tomas Velde said Rita Osk’s tweet about the yard was only “a joke,” not a threat.

            The council dismissed Paul Aune’s claim that “the yard is sinking.”

            In a statement announcing the vote, the union said Osk would do well: “Our members stand with her,” the union wrote.

            Osk’s call for a “full audit” was rejected.
            """)
        let words = Self.speakerWords(article, a)
        // “Osk’s tweet … was”: the noun is no cue, so the speaker is the one who said it.
        #expect(words["a joke,"] == .some("Mayor Tomas Velde") || words["a joke,"] == .some("Tomas Velde"))
        // “Aune’s claim that “…””: the possessor speaks.
        #expect(words["the yard is sinking."] == .some("Paul Aune"))
        // A quotation ending in a comma takes the attribution after it.
        #expect(words["Our members stand with her,"] == .some("the union"))
        #expect(words["full audit"] == .some("Osk"))
    }

    @Test func outletsSignaturesParticiplesAndAccordingTo() {
        let (article, a) = Self.annotate(
            """
            Port Vote Delayed.

            The Harbor Gazette reports:

            “The council has not met since March, and the yard has lost two contracts.

            “Nobody expects a vote before the winter.”

            “The port is the heart of this town. We will not let it go.” ― Jorge Falcon

            “Fix the cranes first.” “Then talk about money.” ― Ilse Marrow

            Mayor Tomas Velde hardly answered, calling the plan “a start” -- and, when pressed later, adding, “We will see.”

            The yard was closed for a week in March, according to Rush Limbaugh.

            Crowds chanted “Save the yard!” at the gates on Friday, according to union organiser Carla Pineda.

            Paul Aune, who runs the welding school, said, “We train thirty people a year.”

            Mr. Velde said Ms. Osk was “overreacting” to the report.
            """)
        let words = Self.speakerWords(article, a)
        #expect(words["The council has not met since March, and the yard has lost two contracts."] == .some("Harbor Gazette"))
        #expect(words["Nobody expects a vote before the winter."] == .some("Harbor Gazette"))
        // A given name and a surname that is also a place is a person.
        #expect(a.entities.contains { $0.kind == .person && $0.name == "Jorge Falcon" })
        #expect(words["The port is the heart of this town. We will not let it go."] == .some("Jorge Falcon"))
        // A signature at the end of a paragraph of quotation speaks for all of it.
        #expect(words["Fix the cranes first."] == .some("Ilse Marrow"))
        #expect(words["Then talk about money."] == .some("Ilse Marrow"))
        // A participle after a comma has the sentence's subject, across the quotation before it.
        #expect(Self.speakers(article, a).first { $0.0 == "We will see." }?.1 == "Tomas Velde")
        // “according to” later in the sentence, with a name the recognizer may not know.
        #expect(words["Save the yard!"] == .some("union organiser Carla Pineda") || words["Save the yard!"] == .some("Carla Pineda"))
        // The relative clause is no part of the subject.
        #expect(words["We train thirty people a year."] == .some("Paul Aune"))
        // “said Ms. Osk was”: the reported clause's subject is not the speaker.
        #expect(Self.speakers(article, a).first { $0.0 == "overreacting" }?.1 != "Rita Osk")
    }

    @Test func accordingToANameTheListsDoNotKnow() {
        let (article, a) = Self.annotate(
            """
            Radio Talk.

            According to Limbaugh, “If it was left up to the council, the yard would be closed by now.”
            """)
        #expect(Self.speakerWords(article, a)["If it was left up to the council, the yard would be closed by now."] == .some("Limbaugh"))
    }

    @Test func aPronounPrefersAPersonWhoseNameGivesItsGender() {
        let (article, a) = Self.annotate(
            """
            Port Vote Delayed.

            “Now is the time to act,” said Don Fowler, who led the council from 1995, during Tomas Velde’s term, and has backed Hillary Osk since her first race.

            Fowler said he expects Osk to return soon. “It would be foolish not to plan for it,” he said.
            """)
        let fowler = a.entities.firstIndex { $0.name.hasSuffix("Fowler") }
        #expect(fowler != nil)
        // “her” is Hillary Osk, not Don Fowler, whose gender the text had not settled.
        #expect(!a.mentions.contains { $0.entity == fowler && article[$0.span] == "her" })
        #expect(Self.speakers(article, a).first { $0.0 == "It would be foolish not to plan for it," }?.1.map { $0.hasSuffix("Fowler") } == true)
    }

    @Test func aColonIntroducesTheWordsOfTheSentencesSubject() {
        let (article, a) = Self.annotate(
            """
            Harbor Fees.

            Maren Holt then listed her conditions for the new lease:

            “The bridge stays open to fishing boats, and the fee stays where it is.”

            SECOND OPINIONS - Tomas Lindqvist: “Nobody on the council has read the lease in full.”

            The port has proof, the paper said:

            “Every berth was rented twice last summer.”
            """)
        let words = Self.speakerWords(article, a)
        #expect(words["The bridge stays open to fishing boats, and the fee stays where it is."] == .some("Maren Holt"))
        #expect(words["Nobody on the council has read the lease in full."] == .some("Tomas Lindqvist"))
        // A sentence whose subject is no person leaves the speaker to the other rules, never a guess.
        #expect(words["Every berth was rented twice last summer."].flatMap { $0 } != "The port")
    }

    @Test func titlesAfterAnArticleAndAsidesBeforeTheCue() {
        let (article, a) = Self.annotate(
            """
            Harbor Wages.

            “We may finally be seeing wages rise,” the economist Ilse Varga, a former adviser to the port authority, wrote on her blog.

            “The striking thing is how calm the traders stayed,” like the storms of last winter, said Piet Aalders, the harbor master.

            “He was right about the tides,” Aalders, after a long pause, said of Varga.

            “The numbers will not last,” stated Orvil Draxe, a lecturer at the maritime college.

            In 2009, under what Ms. Varga called “the old berth model,” the Lakeside Yacht Club charged a $100,000 fee.
            """)
        let words = Self.speakerWords(article, a)
        #expect(words["We may finally be seeing wages rise,"] == .some("Ilse Varga"))
        #expect(words["The striking thing is how calm the traders stayed,"] == .some("Piet Aalders"))
        #expect(words["He was right about the tides,"] == .some("Aalders"))
        #expect(words["The numbers will not last,"] == .some("Orvil Draxe"))
        // “charged a fee” reports no speech: the club is not the speaker.
        #expect(words["the old berth model,"].flatMap { $0 } != "Lakeside Yacht Club")
    }

    @Test func aPronounLooksForItsPersonWithinTheSentenceAndThroughATownsName() {
        let (article, a) = Self.annotate(
            """
            Council Race.

            Mayor Peter Vance and the former envoy Karl Preston spoke on Monday.

            “He is doing his own thing,” Anton Roos, the party chairman, said in an interview of Vance. But Roos said he’ll still back Vance. “I am a team player,” he said.

            Preston had a similar view. “The mayor has my vote,” he said.
            """)
        let speakers = Self.speakers(article, a)
        #expect(speakers.first { $0.0 == "I am a team player," }?.1 == "Anton Roos")
        // “Preston” is a town too, but here the surname of the man named in full.
        #expect(speakers.first { $0.0 == "The mayor has my vote," }?.1 == "Karl Preston")
    }

    @Test func honorificsSettleGenderAndNamesakes() {
        let (article, a) = Self.annotate(
            """
            Dock Strike.

            Senator Lindsey Varga spoke on Sunday. Like his remarks about the union, Mr. Varga said the strike was unacceptable. “This is going somewhere we have never gone before,” he said.

            Tomas Osk and his wife, Hillary Osk, run the ferry. “We cannot wait another month,” Mrs. Osk said.

            Betsy Marlow, 68, runs the dock café. Later, Marlow and her husband, Tom Marlow, came to the pier. “It has been part of our lives,” Marlow said.
            """)
        let speakers = Self.speakers(article, a)
        // “Lindsey” suggests a woman; “Mr.” says otherwise, so “he” is the senator.
        #expect(speakers.first { $0.0 == "This is going somewhere we have never gone before," }?.1 == "Lindsey Varga")
        #expect(speakers.first { $0.0 == "We cannot wait another month," }?.1 == "Hillary Osk")
        // Two Marlows named as often: the bare surname is the one the article introduced first.
        #expect(speakers.first { $0.0 == "It has been part of our lives," }?.1 == "Betsy Marlow")
    }

    @Test func participlesQuestionsAndPhrasesThatNameNoOne() {
        let (article, a) = Self.annotate(
            """
            Port Jobs.

            Mayor Peter Vance remarked that there is still “more work to do,” noting weak trade in Norway and Sweden.

            If the yard closes — as many fear, and the owners deny — “why would anyone stay?” asked Maria Lund, a partner at a shipping firm.

            At one point, Vance coached the minister to “breathe, breathe, breathe.”

            The minister called the plan what some erroneously call “a bailout.”
            """)
        let speakers = Self.speakers(article, a)
        let words = Self.speakerWords(article, a)
        #expect(speakers.first { $0.0 == "more work to do," }?.1 == "Peter Vance")
        #expect(speakers.first { $0.0 == "why would anyone stay?" }?.1 == "Maria Lund")
        #expect(words["breathe, breathe, breathe."].flatMap { $0 } != "At one point")
        #expect(words["a bailout."].flatMap { $0 } != "some erroneously")
    }

    @Test func hyphenatedTitlesSingleUnknownSurnamesAndChainedCues() {
        let (article, a) = Self.annotate(
            """
            Union Talks.

            “We had a big issue with the trade terms,” said Dockworkers Union Secretary-Treasurer Gary Halvik.

            In a statement released by Gazette Editor-in-Chief Martin Baron, the paper explained itself. “No candidate has been covered like this one,” said Baron.

            “The harbor is under threat,” said Hollweck, who returned to the city on Friday.

            “I would say this,” the mayor answered.

            The former harbor master continued, saying, “You need someone who understands tides.”
            """)
        let speakers = Self.speakers(article, a)
        let words = Self.speakerWords(article, a)
        #expect(speakers.first { $0.0 == "We had a big issue with the trade terms," }?.1 == "Gary Halvik")
        #expect(speakers.first { $0.0 == "No candidate has been covered like this one," }?.1 == "Martin Baron")
        #expect(words["The harbor is under threat,"] == .some("Hollweck"))
        #expect(words["I would say this,"] == .some("the mayor"))
        #expect(words["You need someone who understands tides."] == .some("The former harbor master"))
    }

    @Test func aSurnameAloneNextToASpeechVerbIsAPerson() {
        let (article, a) = Self.annotate(
            """
            Convention Ends.

            The Crane troops cheered their nominee on Thursday night.

            Crane gestured as if to stop the noise, then leaned in and boomed: “Let us win this in November.”

            “We will fight for every berth,” Crane said. Democrats said the speech was long, and the Admiralty said it would wait. Veritor reported the crowd at ten thousand; “I’ve said enough,” Crane added.
            """)
        let crane = a.entities.firstIndex { $0.name == "Crane" && $0.kind == .person }
        #expect(crane != nil)
        #expect(!a.entities.contains { $0.kind == .person && ["Democrats", "Admiralty", "Veritor", "I’ve"].contains($0.name) })
        let speakers = Self.speakers(article, a)
        #expect(speakers.first { $0.0 == "We will fight for every berth," }?.1 == "Crane")
        // The sentence opening with the surname is the same person's, though “crane” is a word.
        #expect(speakers.first { $0.0 == "Let us win this in November." }?.1 == "Crane")
    }

    @Test func namesJoinedByAndAreNoOnePerson() {
        let (article, a) = Self.annotate(
            """
            Dock Deal.

            “We will reopen the yard,” Bob said on Monday.

            Later the CIA and Bob met the council. Harbor Trust and Quill agreed, and Quill said, “The deal is done.”
            """)
        // (An organisation may hold “and” in its name; a person never does.)
        #expect(!a.entities.contains { $0.kind == .person && $0.name.contains(" and ") })
        #expect(a.entities.contains { $0.kind == .person && $0.name == "Bob" })
        #expect(Self.speakers(article, a).first { $0.0 == "We will reopen the yard," }?.1 == "Bob")
    }

    @Test func aNameModifyingANounIsNoSubject() {
        let (article, a) = Self.annotate(
            """
            Port Budgets.

            Mayor Hillary Osk promised new cranes on Monday.

            The Osk approach is made possible by its reserves, said Katie Lund, the port's budget director. Others are “having to be leaner and smaller,” she said.
            """)
        #expect(Self.speakers(article, a).first { $0.0 == "having to be leaner and smaller," }?.1 == "Katie Lund")
    }
}
