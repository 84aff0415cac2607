import Foundation
import Synoptic
import SynopticTestSupport
import Testing

@testable import SynopticSynthesis

/// Facts aligned across outlets, disagreements, exclusives and the timeline, through the whole
/// pipeline on invented reports (and the seeds where they are at hand).
@Suite struct StorySynthesisTests {
    func brief(_ files: [String: String]) throws -> Briefing {
        let dir = try SharedData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return BriefingPipeline().run([dir.path])
    }

    func report(outlet: String?, published: String? = nil, _ title: String, _ paragraphs: [String]) -> String {
        var front: [String] = []
        if let outlet { front.append("outlet: \(outlet)") }
        if let published { front.append("published: \(published)") }
        let header = front.isEmpty ? "" : "---\n" + front.joined(separator: "\n") + "\n---\n"
        return header + title + "\n\n" + paragraphs.joined(separator: "\n\n") + "\n"
    }

    /// Three invented outlets on one flood at a fictional river port.
    var floodReports: [String: String] {
        [
            "ledger.txt": report(
                outlet: "Vellmar Ledger", published: "2031-05-16", "Floodwater closes the Vellmar river port",
                [
                    "Floodwater from the Ostra river closed the Vellmar river port on Wednesday, stranding 42 barges at the quays.",
                    "Harbor master Ilse Korvald said 2,150 dockworkers had been sent home. “The water rose faster than any of our gauges predicted, and we had no choice but to clear the quays,” Korvald said.",
                    "The port authority said the damage to the grain terminal would be assessed next week.",
                    "A ferry captain, Tomas Erlen, said his crew had spent the night moving cargo to higher ground.",
                ]),
            "courier.txt": report(
                outlet: "Ostra Courier", published: "2031-05-16", "Vellmar port shut as the Ostra floods",
                [
                    "The Vellmar river port was closed on Wednesday after floodwater from the Ostra river reached the quays, leaving 42 barges stranded.",
                    "More than 2,000 dockworkers were sent home, harbor master Ilse Korvald said. “The water rose faster than our gauges predicted, so we had no choice but to clear the quays,” she said.",
                    "Insurers in the region said claims from the flood could reach several million crowns.",
                ]),
            "herald.txt": report(
                outlet: "Northbank Herald", published: "2031-05-16", "River port closed by the Ostra flood",
                [
                    "Floodwater from the Ostra river forced the Vellmar river port to close on Wednesday, with 42 barges stranded at the quays.",
                    "Harbor master Ilse Korvald said 1,400 dockworkers had been sent home from the flooded quays.",
                    "The regional rail operator said freight trains to the port would not run before Monday.",
                ]),
        ]
    }

    @Test func theSameFactInThreeOutletsIsOneCorroboratedFact() throws {
        let briefing = try brief(floodReports)
        let story = try #require(briefing.stories.first)
        #expect(briefing.stories.count == 1)
        let closure = try #require(story.facts.first { $0.text.contains("42 barges") })
        #expect(Set(closure.outlets) == ["Vellmar Ledger", "Ostra Courier", "Northbank Herald"])
        #expect(closure.status == .corroborated)
        #expect(closure.mentions.count == 3)
        // Every mention points at the sentence in its own article.
        for mention in closure.mentions {
            let article = try #require(briefing.articles.first { $0.id == mention.article })
            #expect(article[mention.span].contains("42 barges"))
        }
        // The most widely reported fact comes first.
        #expect(story.facts.first?.outlets.count == 3)
    }

    /// Two outlets state one finding in other words ("remaining visible at 18 miles", "remains
    /// visible 18 miles out"): the stems meet and the shared figure weighs, so it is one
    /// corroborated fact (on cosine alone over plural-folded words it was two exclusives). A year
    /// in common ("2031") is no figure and joins nothing.
    @Test func aFindingRewordedWithAFigureInCommonIsOneFact() throws {
        let briefing = try brief([
            "gazette.txt": report(
                outlet: "Gull Point Gazette", published: "2031-06-02", "Marrowick lamp still reaches the far shore",
                [
                    "The brightness of the restored Marrowick lighthouse lamp drops sharply at dusk, falling from a peak of 92% of its rated output to 61% an hour later, according to a harbor survey published Monday.",
                    "While the lamp's brightness wanes in the evening, its range across the bay holds, remaining visible at 18 miles in every season, according to the survey, which was paid for by the harbor board.",
                    "The board said the harbor wall would be rebuilt before the winter storms of 2031.",
                ]),
            "wire.txt": report(
                outlet: "Coastal Wire", published: "2031-06-02", "Survey: restored lighthouse visible 18 miles out",
                [
                    "The Marrowick lighthouse lamp remains visible 18 miles out across the bay after its restoration, a new survey has found.",
                    "An hour after dusk, the lamp gives just 61% of its rated output.",
                    "Tourist numbers on the headland rose sharply in 2031, the council said.",
                ]),
        ])
        let story = try #require(briefing.stories.first)
        #expect(briefing.stories.count == 1)
        let range = try #require(story.facts.first { $0.text.contains("18 miles") })
        #expect(Set(range.outlets) == ["Gull Point Gazette", "Coastal Wire"])
        #expect(range.mentions.count == 2)
        let wall = try #require(story.facts.first { $0.text.contains("harbor wall") })
        #expect(wall.outlets == ["Gull Point Gazette"])
    }

    @Test func twoOutletsLeadsOnOneEventAreOneFactWhereTheSameWordsLaterAreNot() throws {
        let leadA = "A federal judge in Marlow issued an order on Wednesday blocking the county's new ferry toll."
        let leadB = "Ferry riders in Marlow won a reprieve on Wednesday when a federal court suspended the county's planned toll until a hearing in June."
        func shared(_ first: [String], _ second: [String]) throws -> [Fact] {
            let briefing = try brief([
                "a.txt": report(outlet: "Kessel Post", published: "2031-04-02", "Judge blocks the ferry toll", first),
                "b.txt": report(outlet: "Lindenau Times", published: "2031-04-02", "Ferry toll halted", second),
            ])
            return briefing.stories.first?.facts.filter { $0.outlets.count == 2 } ?? []
        }
        // Opening both reports, the two wordings state the event: one fact.
        let leads = try shared(
            [leadA, "The toll had been due to start in May, the county said."],
            [leadB, "County officials said they would appeal the ruling."])
        #expect(leads.contains { fact in fact.mentions.count == 2 && fact.text.contains("federal") }, "\(leads)")
        // The same sentences further down the reports are not lifted.
        let later = try shared(
            ["Commuters crowded the Marlow quays on Wednesday morning as the ferries ran late again.", leadA],
            ["Riders on the Marlow line have complained about fares for a year and a half.", leadB])
        #expect(!later.contains { $0.text.contains("federal") }, "\(later)")
    }

    @Test func figureKeysKeepNumbersThatTellFactsApartAndLeaveOutYearsAndSingleDigits() {
        let keys = StorySentences.figureKeys(
            in: "In 2022, 106,000 troops, 1,500 tanks, 47% of 3.4 million voters and 5 ships met on Jan. 12, 2,022 times.")
        #expect(keys == ["106000", "12", "1500", "2022", "3.4", "47"])
        #expect(StorySentences.figureKeys(in: "Elections in 1990 and 2031, in May.") == [])
    }

    @Test func whatOneOutletAloneReportsIsItsExclusive() throws {
        let briefing = try brief(floodReports)
        let story = try #require(briefing.stories.first)
        let insurers = try #require(story.facts.first { $0.text.contains("Insurers") })
        #expect(insurers.status == .exclusive)
        #expect(insurers.outlets == ["Ostra Courier"])
        let courier = try #require(story.exclusives.first { $0.outlet == "Ostra Courier" })
        #expect(courier.facts.contains(insurers.id))
        #expect(courier.articles == ["courier"])
        // No fact reported by two outlets is anyone's exclusive.
        let shared = Set(story.facts.filter { $0.outlets.count > 1 }.map(\.id))
        #expect(story.exclusives.allSatisfy { Set($0.facts).isDisjoint(with: shared) })
    }

    @Test func figuresOfOneQuantityThatCannotBothHoldAreADisagreementAndHedgesAreRespected() throws {
        let briefing = try brief(floodReports)
        let story = try #require(briefing.stories.first)
        let figures = story.disagreements.filter { $0.kind == .figure }
        // 2,150 and 1,400 dockworkers cannot both hold; "more than 2,000" agrees with 2,150.
        let dockworkers = try #require(figures.first { $0.subject.contains("dockworkers") })
        let sides = Set(dockworkers.sides.map(\.value))
        #expect(sides.contains("1400"))
        #expect(sides.contains("2150") || sides.contains("2000"))
        #expect(dockworkers.sides.allSatisfy { !$0.sources.isEmpty && !$0.references.isEmpty })
        let herald = try #require(dockworkers.sides.first { $0.value == "1400" })
        #expect(herald.outlets == ["Northbank Herald"])
        // The barges agree everywhere: no disagreement about them.
        #expect(!figures.contains { $0.subject.contains("barge") })
        // The fact the figure belongs to is marked disputed.
        #expect(story.facts.contains { $0.status == .disputed && $0.text.contains("dockworkers") })
    }

    @Test func hedgedAndProjectedFiguresAreNoConflict() throws {
        let briefing = try brief([
            "a.txt": report(
                outlet: "Kessel Post", "Army masses at the Drava border",
                [
                    "Drava officials said on Thursday that the northern army had massed 84,000 soldiers near the border.",
                    "Analysts said the army could field as many as 130,000 soldiers by the spring if the buildup continued.",
                ]),
            "b.txt": report(
                outlet: "Lindenau Times", "Drava says army is massing at its border",
                [
                    "The northern army has massed more than 80,000 soldiers near the border, Drava officials said on Thursday.",
                    "The buildup could reach 130,000 soldiers within months, according to analysts.",
                ]),
        ])
        let story = try #require(briefing.stories.first)
        #expect(story.disagreements.filter { $0.kind == .figure }.isEmpty, "\(story.disagreements)")
    }

    @Test func figuresOneSourceGivesSideBySideOrAsForecastsAreNoConflict() throws {
        // One outlet writes both figures in one sentence: they count two things (the dead and the
        // missing), so another outlet's 121 is no dispute of the 24.
        let sideBySide = try brief([
            "a.txt": report(
                outlet: "Kessel Post", "Search goes on at the collapsed Marrow tower",
                ["Crews at the collapsed Marrow tower have recovered the remains of 24 people, with 121 still missing, fire officials said on Monday."]),
            "b.txt": report(
                outlet: "Lindenau Times", "Marrow tower search resumes",
                ["Fire officials said on Monday that 121 people were still missing at the collapsed Marrow tower, where crews resumed the search."]),
        ])
        #expect(sideBySide.stories.first?.disagreements.filter { $0.kind == .figure }.isEmpty == true, "\(sideBySide.stories.first?.disagreements ?? [])")

        // Of two figures one sentence gives, the one nearer in value answers another outlet's:
        // 37.3% of adults fully vaccinated is set against 39%, not against 55% with one dose.
        let nearest = try brief([
            "a.txt": report(
                outlet: "Kessel Post", "Drava vaccination passes a third",
                ["By Tuesday, 37.3% of Drava adults were fully vaccinated against the fever, health officials said on Wednesday."]),
            "b.txt": report(
                outlet: "Lindenau Times", "Most Drava adults have had a dose",
                ["Over 55% of Drava adults have received at least one dose of the fever vaccine, and 38.9% are fully vaccinated, health officials said on Wednesday."]),
        ])
        let shares = nearest.stories.first?.disagreements.filter { $0.kind == .figure } ?? []
        #expect(!shares.contains { $0.sides.contains { $0.text.contains("55") } }, "\(shares)")

        // An outcome against a forecast is news, not a dispute; the same two outcomes are one.
        func hiring(_ second: String) throws -> [Disagreement] {
            let briefing = try brief([
                "a.txt": report(
                    outlet: "Kessel Post", "Hiring slows in Drava",
                    ["Drava employers added 266,000 jobs in April, the statistics office said on Friday, far fewer than in March."]),
                "b.txt": report(outlet: "Lindenau Times", "Drava hiring falls short", [second]),
            ])
            return briefing.stories.first?.disagreements.filter { $0.kind == .figure } ?? []
        }
        #expect(try hiring("Economists had expected Drava employers to add 910,000 jobs in April, the statistics office said on Friday.").isEmpty)
        let outcomes = try hiring("Drava employers added 910,000 jobs in April, the statistics office said on Friday.")
        #expect(outcomes.contains { Set($0.sides.compactMap(\.value)) == ["266000", "910000"] }, "\(outcomes)")
    }

    @Test func aRemarkCutInDifferentPlacesOrAnotherShortRemarkIsNoQuoteVariant() throws {
        // One outlet's quotation stops short ("…such a basic..."), the other's starts later and
        // goes on: they agree word for word where they overlap.
        let cut = try brief([
            "a.txt": report(
                outlet: "Kessel Post", "Judge blocks the Drava ferry fee",
                ["“Other courts may see it differently; this court will not allow one more day of such a basic...” Judge Marta Ilves wrote on Tuesday."]),
            "b.txt": report(
                outlet: "Lindenau Times", "Ferry fee blocked by judge",
                ["Judge Marta Ilves wrote on Tuesday that “this court will not allow one more day of such a basic right.”"]),
        ])
        #expect(cut.stories.first?.disagreements.filter { $0.kind == .quote }.isEmpty == true, "\(cut.stories.first?.disagreements ?? [])")

        // Two short remarks sharing two words are two remarks; the same short remark reworded a
        // little is one.
        func remarks(_ first: String, _ second: String) throws -> [Disagreement] {
            let briefing = try brief([
                "a.txt": report(outlet: "Kessel Post", "Governor on the ferry strike", ["“\(first),” Governor Pia Lund told reporters on Friday."]),
                "b.txt": report(outlet: "Lindenau Times", "Lund answers on the strike", ["“\(second),” Governor Pia Lund told reporters on Friday."]),
            ])
            return briefing.stories.first?.disagreements.filter { $0.kind == .quote } ?? []
        }
        #expect(try remarks("They are stranding travelers", "The union is not stranding travelers, the ministry is").isEmpty)
        #expect(try remarks("What the devil, what do you do all day", "What in the devil, what do you do all day").count == 1)
    }

    @Test func oneSpeakersRemarkWordedDifferentlyIsAQuoteVariantButAnExcerptIsNot() throws {
        let briefing = try brief(floodReports)
        let story = try #require(briefing.stories.first)
        let variants = story.disagreements.filter { $0.kind == .quote }
        let korvald = try #require(variants.first { $0.subject.contains("Korvald") })
        #expect(korvald.sides.count == 2)
        #expect(korvald.sides.contains { $0.text.contains("faster than any of our gauges") && $0.outlets == ["Vellmar Ledger"] })
        #expect(korvald.sides.contains { $0.text.contains("so we had no choice") && $0.outlets == ["Ostra Courier"] })

        let excerpt = try brief([
            "a.txt": report(
                outlet: "Kessel Post", "Mayor defends the curfew",
                ["“The curfew keeps people off the flooded roads and it will end when the water falls,” Mayor Anneli Roost said on Monday."]),
            "b.txt": report(
                outlet: "Lindenau Times", "Curfew to end when the water falls, mayor says",
                ["Mayor Anneli Roost said on Monday that the curfew “will end when the water falls.”"]),
        ])
        #expect(excerpt.stories.first?.disagreements.filter { $0.kind == .quote }.isEmpty == true)
    }

    @Test func versionsOfOneArticleCountAsOneSource() throws {
        let first = report(
            outlet: nil, "Ferry line suspended after the Ostra flood",
            [
                "The ferry line between Vellmar and Kessel was suspended on Tuesday after the Ostra river flooded its piers.",
                "The operator said the piers would be inspected before service resumed.",
            ])
        let second = report(
            outlet: nil, "Ferry line suspended after the Ostra flood",
            [
                "The ferry line between Vellmar and Kessel was suspended on Tuesday after the Ostra river flooded its piers.",
                "The operator said the piers would be inspected before service resumed, probably on Friday.",
                "Passengers were offered seats on buses along the river road.",
            ])
        let briefing = try brief(["ferry-1.txt": first, "ferry-2.txt": second])
        let story = try #require(briefing.stories.first)
        #expect(!story.versions.isEmpty)
        let suspended = try #require(story.facts.first { $0.text.contains("suspended") })
        #expect(suspended.sources.count == 2)
        #expect(suspended.outlets.count == 1)
        #expect(suspended.status == .exclusive)
    }

    @Test func theTimelineOrdersDatedEventsAndMergesThemAcrossOutlets() throws {
        let briefing = try brief(floodReports)
        let story = try #require(briefing.stories.first)
        // Wednesday before publication on Friday 16 May 2031 is 14 May; the rail line's Monday is ahead.
        let closure = try #require(story.timeline.first { $0.text.contains("42 barges") })
        #expect(closure.date == "2031-05-14")
        #expect(closure.resolved)
        #expect(Set(closure.outlets) == ["Vellmar Ledger", "Ostra Courier", "Northbank Herald"])
        let dates = story.timeline.map(\.date)
        #expect(dates == dates.sorted())
    }

    @Test func anUnanchoredWeekIsOrderedFromItsFirstDay() throws {
        let briefing = try brief([
            "a.txt": report(
                outlet: "Kessel Post", "A week of talks on the Ostra dams",
                [
                    "The delegations dined together in Kessel on Sunday night before the talks.",
                    "Negotiators from both banks met in Kessel on Monday to discuss the Ostra dams.",
                    "A second round in Lindenau on Thursday ended without an agreement on the dams.",
                ]),
            "b.txt": report(
                outlet: "Lindenau Times", "Dam talks end without agreement",
                [
                    "The talks on the Ostra dams ended in Lindenau on Thursday without an agreement.",
                    "On Friday, a cyberattack disabled the sluice controls of the upper dam.",
                ]),
        ])
        let story = try #require(briefing.stories.first)
        let days = story.timeline.map(\.date)
        #expect(story.timeline.allSatisfy { !$0.resolved })
        let order = ["XXXX-WXX-7", "XXXX-WXX-1", "XXXX-WXX-4", "XXXX-WXX-5"]
        #expect(order.compactMap { days.firstIndex(of: $0) } == order.compactMap { days.firstIndex(of: $0) }.sorted())
        #expect(order.allSatisfy(days.contains))
        let thursday = try #require(story.timeline.first { $0.date == "XXXX-WXX-4" })
        #expect(thursday.outlets.count == 2)
    }

    @Test func storiesWithOneArticleNoCommonSentencesOrNoDatesGetEmptySectionsNotCrashes() throws {
        let briefing = try brief([
            "alone.txt": report(outlet: "Kessel Post", "Orchard fair opens", ["The orchard fair opened with forty stalls of pears and plums."]),
            "empty.txt": "Headline only",
        ])
        for story in briefing.stories {
            #expect(story.disagreements.isEmpty)
            #expect(story.timeline.isEmpty)
            #expect(story.facts.allSatisfy { $0.outlets.count == 1 })
        }
        let fair = try #require(briefing.stories.first { $0.articleIDs.contains("alone") })
        #expect(fair.exclusives.count == 1)
    }

    @Test(.timeLimit(.minutes(5))) func fiveHundredArticlesOfOneStoryStayFast() throws {
        var files: [String: String] = [:]
        for k in 0..<500 {
            files[String(format: "r%03d.txt", k)] = report(
                outlet: "Outlet \(k % 40)", "Ostra flood update \(k)",
                [
                    "Floodwater from the Ostra river closed the Vellmar river port on Wednesday, stranding 42 barges at the quays.",
                    "Harbor master Ilse Korvald said \(1_000 + k) dockworkers had been sent home, report \(k) said.",
                    "Observer \(k) noted that gauge \(k % 17) read \(k * 3) centimetres above the mark.",
                ])
        }
        let briefing = try brief(files)
        let story = try #require(briefing.stories.max { $0.articleIDs.count < $1.articleIDs.count })
        #expect(story.articleIDs.count > 400)
        let closure = try #require(story.facts.first)
        #expect(closure.outlets.count == 40)
        #expect(closure.text.contains("42 barges"))
    }

    /// Three outlets' reports of the Vellmar port's reopening, one file each, with the paragraphs
    /// `paragraphs` gives for an outlet and its number.
    func writePortReports(to dir: URL, _ paragraphs: (String, Int) -> [String]) throws {
        for (k, outlet) in ["Kessel Post", "Lindenau Times", "Vellmar Ledger"].enumerated() {
            let text = report(outlet: outlet, "Vellmar port to reopen after the Ostra flood", paragraphs(outlet, k))
            try text.write(to: dir.appendingPathComponent("r\(k).txt"), atomically: true, encoding: .utf8)
        }
    }

    @Test func theSummaryNeverOpensWithAPronounOrHalfAQuotationAndKeepsItsBudget() throws {
        let dir = try SharedData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try writePortReports(to: dir) { outlet, k in
            [
                "He said the Vellmar river port would reopen next week after the Ostra flood damaged the quays.",
                "“The Vellmar river port will reopen next week after the Ostra flood, the harbor master said on Friday.",
                "The Vellmar river port will reopen next week once the Ostra flood has left the quays, the port authority said.",
                "Engineers from \(outlet) counted \(k + 3) damaged cranes along the Vellmar quays after the Ostra flood.",
            ]
        }
        let briefing = BriefingPipeline(summary: .init(maxSentences: 3, maxWords: 40)).run([dir.path])
        let story = try #require(briefing.stories.first)
        #expect(!story.summary.isEmpty)
        #expect(story.summary.count <= 3)
        #expect(story.summary.reduce(0) { $0 + WordCounter.count(in: $1.shownText) } <= 40)
        for sentence in story.summary {
            #expect(!sentence.text.hasPrefix("He "))
            #expect(!sentence.text.hasPrefix("\u{201C}"), "half a quotation: \(sentence.text)")
        }
        // The statement every outlet carries is chosen and cites all three.
        let reopening = try #require(story.summary.first { $0.text.contains("port authority said") })
        #expect(reopening.sources.count == 3)
    }

    @Test func aTrimmedSummarySentenceKeepsItsWholeSentenceAndPointsBackToTheWordsItShows() throws {
        let dir = try SharedData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try writePortReports(to: dir) { outlet, k in
            [
                "The Vellmar river port will reopen on Monday after the Ostra flood damaged the quays, the port authority said.",
                "“The quays will be ready for the first barges by Monday morning,” harbor master Ilse Korvald said.",
                "Engineers from \(outlet) counted \(k + 3) damaged cranes along the Vellmar quays after the Ostra flood.",
            ]
        }
        let briefing = BriefingPipeline(summary: .init(maxSentences: 3, trimming: [.attribution, .namedAttribution])).run([dir.path])
        let story = try #require(briefing.stories.first)
        let entry = try #require(story.summary.first { $0.text.hasPrefix("The Vellmar river port will reopen") })
        let trimmed = try #require(entry.trimmed)
        #expect(trimmed.text == "The Vellmar river port will reopen on Monday after the Ostra flood damaged the quays.")
        #expect(entry.shownText == trimmed.text)
        // The whole sentence stays, exactly where its span says; the kept pieces are inside it and
        // give back the shown text.
        let article = try #require(briefing.articles.first { $0.id == entry.origin.article })
        #expect(String(article[entry.origin.span]) == entry.text)
        #expect(entry.text.hasSuffix(", the port authority said."))
        #expect(trimmed.kept.allSatisfy { entry.origin.span.contains($0) })
        #expect(trimmed.kept.map { String(article[$0]) }.joined() == trimmed.text)
        // A quotation is never trimmed: its speaker stays.
        #expect(story.summary.allSatisfy { !$0.text.contains("\u{201C}") || $0.trimmed == nil })

        // The JSON document carries both, and `trimmed` is null, not absent, for a whole sentence.
        let json = try JSONRenderer().render(briefing)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let stories = try #require(document["stories"] as? [[String: Any]])
        let entries = try #require(stories.first?["summary"] as? [[String: Any]])
        #expect(entries.allSatisfy { $0.keys.contains("trimmed") })
        let record = try #require(entries.first { ($0["text"] as? String) == entry.text })
        let recordTrim = try #require(record["trimmed"] as? [String: Any])
        #expect(recordTrim["text"] as? String == trimmed.text)
        #expect((recordTrim["kept"] as? [[String: Int]])?.count == trimmed.kept.count)
        // What a reader sees is the trimmed sentence.
        #expect(MarkdownRenderer().render(briefing).contains(trimmed.text))
    }

    // MARK: - The seeds

    @Test func theSeedsShowQuoteVariantsAndNoFalseTroopConflict() throws {
        guard let paths = SharedData.seedPaths(for: "theSeedsShowQuoteVariantsAndNoFalseTroopConflict") else { return }
        let briefing = BriefingPipeline().run(paths)
        let story = try #require(briefing.stories.first)
        let variants = story.disagreements.filter { $0.kind == .quote }
        // The ambassador's two wordings and the deputy minister's.
        #expect(variants.contains { $0.subject.hasSuffix("Carpenter") && $0.sides.count >= 2 })
        #expect(variants.contains { $0.subject.hasSuffix("Ryabkov") && $0.sides.allSatisfy { $0.text.lowercased().contains("dead end") } })
        // The troop figures are consistent or count different things.
        #expect(!story.disagreements.contains { $0.kind == .figure && $0.subject.lowercased().contains("troop") })
    }

    @Test func theSeedSummaryCitesMostArticlesAndEverySentenceCitesOne() throws {
        guard let paths = SharedData.seedPaths(for: "theSeedSummaryCitesMostArticlesAndEverySentenceCitesOne") else { return }
        let briefing = BriefingPipeline().run(paths)
        let story = try #require(briefing.stories.first)
        #expect(!story.summary.isEmpty)
        #expect(story.summary.allSatisfy { !$0.sources.isEmpty && $0.sources[0] == $0.origin.article })
        #expect(Set(story.summary.flatMap(\.sources)).count >= 4)
        // Each sentence is quoted exactly from its first source.
        for sentence in story.summary {
            let article = try #require(briefing.articles.first { $0.id == sentence.origin.article })
            #expect(String(article[sentence.origin.span]) == sentence.text)
        }
    }

    @Test func theSeedTimelineRunsThroughTheWeekInOrder() throws {
        guard let paths = SharedData.seedPaths(for: "theSeedTimelineRunsThroughTheWeekInOrder") else { return }
        let briefing = BriefingPipeline().run(paths)
        let story = try #require(briefing.stories.first)
        let dates = story.timeline.map(\.date)
        let monday = try #require(dates.firstIndex(of: "XXXX-WXX-1"))
        let thursday = try #require(dates.firstIndex(of: "XXXX-WXX-4"))
        #expect(monday < thursday)
        if let friday = dates.firstIndex(of: "XXXX-WXX-5") { #expect(thursday < friday) }
        // Geneva's talks are told on Monday, Vienna's on Thursday.
        let geneva = try #require(
            story.timeline.firstIndex { $0.text.contains("Geneva") || $0.when.contains("Monday") && $0.text.contains("negotiations") })
        let vienna = try #require(story.timeline.firstIndex { $0.date == "XXXX-WXX-4" && $0.text.contains("Vienna") })
        #expect(geneva < vienna)
    }
}
