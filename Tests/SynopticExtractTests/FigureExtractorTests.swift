import Foundation
import SynopticCore
import SynopticIngest
import SynopticTestSupport
import SynopticText
import Testing

@testable import SynopticExtract

/// Figures on invented news sentences: values, hedges, units, what they count and who states them,
/// the numbers that are not figures, and bad input.
@Suite struct FigureExtractorTests {
    /// The figures of one sentence (or text taken as one sentence), with the text their spans index.
    static func extract(_ string: String) -> (TokenizedText, [Figure]) {
        let text = TokenizedText(string)
        return (text, FigureExtractor().figures(in: text))
    }

    /// The figures of a text cut into sentences by the segmentation stage.
    static func extractArticle(_ string: String) -> (TokenizedText, [Figure]) {
        let article = ArticleAssembler().assemble(id: "test", provenance: Provenance(origin: .textFile), original: string)
        let text = TokenizedText(article: article)
        return (text, FigureExtractor().figures(in: text))
    }

    struct Seen: Equatable, CustomStringConvertible {
        var span: String
        var value: Double
        var approximation: Figure.Approximation?
        var unit: String?
        var counts: String?
        var source: String?

        var description: String {
            "[\(span)] \(value) \(approximation?.rawValue ?? "-") \(unit ?? "-") counts: \(counts ?? "-") source: \(source ?? "-")"
        }
    }

    static func seen(_ string: String) -> [Seen] {
        let (text, figures) = extract(string)
        return figures.map { f in
            // `counts` is always the text its span covers.
            #expect(f.counts == f.countsSpan.map { text[$0] })
            return Seen(
                span: text[f.span], value: f.value, approximation: f.approximation, unit: f.unit, counts: f.counts,
                source: f.sourceSpan.map { text[$0] })
        }
    }

    static func single(_ string: String) throws -> Seen {
        let all = seen(string)
        #expect(all.count == 1, "\(string): \(all)")
        return try #require(all.first)
    }

    // MARK: The issue's examples

    @Test func troopsNearTheBorderAttributedToUkraine() throws {
        let f = try Self.single("Russia has massed 106,000 troops near the border, Ukraine said.")
        #expect(f == Seen(span: "106,000", value: 106_000, counts: "troops", source: "Ukraine"))
    }

    @Test func nationalityAdjectivesLeaveTheHead() throws {
        let all = Self.seen("Tirana said it had counted 84,000 Serbian sailors and 2,300 trucks along its coast.")
        #expect(all.map(\.counts) == ["sailors", "trucks"])
        #expect(all.map(\.value) == [84_000, 2_300])
        #expect(all.allSatisfy { $0.source == "Tirana" })
    }

    @Test func hyphenatedCountCountsItsNoun() throws {
        let body = try Self.single("The talks moved to a 45-nation body that includes both rivals.")
        #expect(body == Seen(span: "45", value: 45, counts: "nation body"))
        let named = try Self.single("Envoys met at the 45-nation Council for Maritime Peace in Oslo.")
        #expect(named.value == 45 && named.counts == "nation")
        let strong = try Self.single("A 30,000-strong Russian force crossed the river.")
        #expect(strong.value == 30_000 && strong.counts == "force")
    }

    @Test func livesAndAid() throws {
        let lives = try Self.single("The fighting has cost 13,000 lives, the monitors said.")
        #expect(lives == Seen(span: "13,000", value: 13_000, counts: "lives", source: "monitors"))
        let aid = try Self.single("Washington pledged $2.5 billion in aid to the region.")
        #expect(aid == Seen(span: "$2.5 billion", value: 2.5e9, unit: "USD", counts: "aid", source: nil))
        let package = try Self.single("Brussels approved a €1.2 billion aid package for farmers.")
        #expect(package.value == 1.2e9 && package.unit == "EUR" && package.counts == "aid package")
        let worth = try Self.single("The ministry ordered $300 million worth of drones.")
        #expect(worth.value == 3e8 && worth.counts == "drones")
    }

    @Test func moneyAndWhatItIsIn() {
        let all = Self.seen(
            "The fund paid $1.7 billion in damages, raised $50 million in the first quarter and gave $40,000 in response.")
        #expect(all.map(\.value) == [1.7e9, 5e7, 40_000])
        #expect(all.map(\.counts) == ["damages", nil, nil])
        #expect(Self.seen("Two dozen of Sen. Ann Lee’s supporters left.").first?.counts == "supporters")
        #expect(Self.seen("The city bought the 275-acre Riverside Golf Club.").first?.counts == nil)
        #expect(Self.seen("Some three million New Yorkers voted.").first?.counts == "New Yorkers")
        #expect(Self.seen("After 9/11 the rules changed.").isEmpty)
    }

    @Test func projectedForceWithOfficialsAsSource() throws {
        let f = try Self.single("U.S. officials estimate that Russia could field as many as 175,000 troops by spring.")
        #expect(f == Seen(span: "as many as 175,000", value: 175_000, approximation: .upTo, counts: "troops", source: "U.S. officials"))
    }

    // MARK: Hedges

    @Test(
        arguments: [
            ("more than 100,000 soldiers", Figure.Approximation.moreThan),
            ("over 100,000 soldiers", .moreThan),
            ("upwards of 100,000 soldiers", .moreThan),
            ("just over 100,000 soldiers", .moreThan),
            ("at least 100,000 soldiers", .atLeast),
            ("no fewer than 100,000 soldiers", .atLeast),
            ("fewer than 100,000 soldiers", .lessThan),
            ("less than 100,000 soldiers", .lessThan),
            ("under 100,000 soldiers", .lessThan),
            ("up to 100,000 soldiers", .upTo),
            ("as many as 100,000 soldiers", .upTo),
            ("at most 100,000 soldiers", .upTo),
            ("about 100,000 soldiers", .about),
            ("around 100,000 soldiers", .about),
            ("roughly 100,000 soldiers", .about),
            ("approximately 100,000 soldiers", .about),
            ("some 100,000 soldiers", .about),
            ("an estimated 100,000 soldiers", .about),
            ("nearly 100,000 soldiers", .nearly),
            ("almost 100,000 soldiers", .nearly),
            ("close to 100,000 soldiers", .nearly),
            ("just under 100,000 soldiers", .nearly),
            ("100,000 soldiers or more", .atLeast),
        ])
    func hedges(phrase: String, approximation: Figure.Approximation) throws {
        let f = try Self.single("The army sent \(phrase) to the front.")
        #expect(f.approximation == approximation, "\(phrase)")
        #expect(f.value == 100_000 && f.counts == "soldiers")
        if !phrase.hasSuffix("or more") { #expect(f.span == phrase.replacingOccurrences(of: " soldiers", with: "")) }
    }

    @Test func hedgeOpensTheSentence() throws {
        let f = try Self.single("Roughly 1,500 tanks were seen, according to the Pentagon.")
        #expect(f == Seen(span: "Roughly 1,500", value: 1_500, approximation: .about, counts: "tanks", source: "Pentagon"))
    }

    // MARK: Numbers in words, scales, units

    @Test func numberWords() {
        let all = Self.seen(
            "The navy sent three ships, a dozen drones, twenty-five medics, two thousand five hundred sailors and half a million rations.")
        #expect(all.map(\.value) == [3, 12, 25, 2_500, 500_000])
        #expect(all.map(\.counts) == ["ships", "drones", "medics", "sailors", "rations"])
    }

    @Test func numberWordsThatCountNothingAreLeftOut() {
        #expect(Self.seen("One senior diplomat said the two met again on the border.").isEmpty)
        #expect(Self.seen("It was one of the largest exercises since the Group of Seven met.").isEmpty)
    }

    @Test func scales() {
        let all = Self.seen("The fund holds 1.5 billion euros, €300m, £2.5bn, US$4 million, 2m people and 10k users.")
        #expect(all.map(\.value) == [1.5e9, 3e8, 2.5e9, 4e6, 2e6, 1e4])
        #expect(all.map(\.unit) == ["EUR", "EUR", "GBP", "USD", nil, nil])
        #expect(all.map(\.counts) == [nil, nil, nil, nil, "people", "users"])
        #expect(all.map(\.span) == ["1.5 billion euros", "€300m", "£2.5bn", "US$4 million", "2m", "10k"])
    }

    @Test func percentSpelledEveryWay() {
        let all = Self.seen("Prices rose 12 percent, then 3.5%, then 4 per cent, and the rate rose 2 percentage points.")
        #expect(all.map(\.value) == [12, 3.5, 4, 2])
        #expect(all.map(\.unit) == ["percent", "percent", "percent", "percentage point"])
        let share = try? Self.single("Some 20 percent of voters stayed home.")
        #expect(share?.counts == "voters" && share?.approximation == .about)
    }

    @Test func measures() {
        let all = Self.seen("Some 300 tons of grain rotted, a 40-mile convoy stalled and the line moved 12 km, officials said.")
        #expect(all.map(\.value) == [300, 40, 12])
        #expect(all.map(\.unit) == ["ton", "mile", "km"])
        #expect(all.map(\.counts) == ["grain", "convoy", nil])
        #expect(all.map(\.source) == ["officials", "officials", "officials"])
        let oil = try? Self.single("The field pumps 1.5 million barrels of oil a day.")
        #expect(oil?.value == 1.5e6 && oil?.unit == "barrel" && oil?.counts == "oil")
        let dollars = try? Self.single("The deal is worth 40 million dollars.")
        #expect(dollars?.value == 4e7 && dollars?.unit == "USD")
    }

    @Test func rangesAndVaguePlurals() {
        let ranges = Self.seen("Between 10 and 15 people were hurt, 20-30 homes burned and 1 to 2 million residents fled.")
        #expect(ranges.map(\.value) == [10, 20, 1e6])
        #expect(ranges.allSatisfy { $0.approximation == .atLeast })
        #expect(ranges.map(\.span) == ["Between 10 and 15", "20-30", "1 to 2 million"])
        #expect(ranges.map(\.counts) == ["people", "homes", "residents"])
        let change = Self.seen("Inflation rose from 10 percent to 15 percent.")
        #expect(change.map(\.value) == [10, 15] && change.allSatisfy { $0.approximation == nil })
        let vague = Self.seen("Tens of thousands of people marched, dozens of reporters watched and thousands more waited.")
        #expect(vague.map(\.value) == [20_000, 24, 2_000])
        #expect(vague.map(\.counts) == ["people", "reporters", nil])
        #expect(vague.allSatisfy { $0.approximation == .atLeast })
        let hedged = try? Self.single("More than a dozen ships sailed.")
        #expect(hedged?.value == 12 && hedged?.approximation == .moreThan && hedged?.span == "More than a dozen")
    }

    @Test func partitiveOf() {
        let all = Self.seen("Moscow moved 40,000 of its troops, and thousands of Russia’s reservists were called up.")
        #expect(all.map(\.counts) == ["troops", "reservists"])
    }

    @Test func partsOfAWholeAndNamedKinds() {
        let directors = Self.seen("Two of the board’s five directors resigned.")
        #expect(directors.map(\.counts) == ["directors", "directors"] && directors.map(\.value) == [2, 5])
        #expect(Self.seen("Three of four voters disapproved, and nine of 10 farmers agreed.").isEmpty)
        let special = try? Self.single("Nearly 7,000 Special Forces soldiers were deployed.")
        #expect(special?.counts == "soldiers" && special?.approximation == .nearly)
        #expect(Self.seen("The court ruled 5-to-4 in the case.").isEmpty)
    }

    @Test func modifiersThatChangeTheThingStay() {
        let all = Self.seen("The army kept 5,000 combat troops and 200 more armored vehicles while 300 civilian deaths were recorded.")
        #expect(all.map(\.counts) == ["combat troops", "armored vehicles", "civilian deaths"])
    }

    // MARK: Sources

    @Test func sources() {
        #expect(Self.seen("According to the defense ministry, 2,000 soldiers were wounded.").first?.source == "defense ministry")
        #expect(Self.seen("Ukraine’s defense ministry said 2,000 soldiers were wounded.").first?.source == "Ukraine’s defense ministry")
        #expect(Self.seen("About 2,000 people were arrested, the police said on Sunday.").first?.source == "police")
        #expect(Self.seen("Some 2,000 people were arrested, said Gen. Ivan Petrov, the commander.").first?.source == "Gen. Ivan Petrov")
        #expect(Self.seen("“We have lost 400 tanks,” he said.").first?.source == "he")
        #expect(
            Self.seen("Western intelligence officials have estimated that 60,000 troops are in reserve.").first?.source
                == "Western intelligence officials")
        #expect(
            Self.seen("The Minister of Defense of Estonia said 3,000 reservists were called up.").first?.source == "Minister of Defense of Estonia")
    }

    @Test func passiveVerbsNameTheirAgentOrNoOne() {
        #expect(Self.seen("It was reported that 300 drones were launched.").first?.source == nil)
        #expect(Self.seen("The loss of 300 drones was reported by the air force.").first?.source == "air force")
        // A subject after "saying" is what is reported, not who reports it.
        #expect(Self.seen("He ended the call, saying Moscow had 20 brigades ready.").first?.source == nil)
    }

    @Test func aVerbThatGovernsWhatFollowsIsNoSource() {
        // The figure is the writer's; the minister's statement is about something else.
        let f = Self.seen("While Russia has massed 90,000 troops on the border, Mr. Volkov said talks would go on.")
        #expect(f.first?.source == nil)
        // A speech verb in a clause of its own is not the figure's source.
        #expect(Self.seen("The navy has 40 ships, and the admiral said nothing.").first?.source == nil)
        #expect(Self.seen("The war has claimed more than 9,000 lives since it began.").first?.source == nil)
    }

    @Test func sourcesStayInTheirSentence() {
        let (text, figures) = Self.extractArticle(
            "Officials in Kyiv spoke on Monday. They said nothing new.\n\nRussia has 90,000 troops at the border. The talks ended.")
        #expect(figures.count == 1)
        #expect(figures.first.map { text[$0.span] } == "90,000")
        #expect(figures.first?.sourceSpan == nil)
    }

    // MARK: What is not a figure

    @Test(
        arguments: [
            "The war began in 2014 and a truce followed in 2015.",
            "Russia’s 2014 invasion pushed the alliance back to its 1997 lines.",
            "Talks resumed on Jan. 12 and again on January 13, then 14 March.",
            "They met at 3 p.m. and again at 10:30 on the 14th.",
            "COVID-19 cases rose as F-16 jets flew and G7 leaders met.",
            "A 10-year-old boy and his 30-year-old father signed a 90-day truce.",
            "The conflict has simmered for nearly eight years and the last 30 years were calm.",
            "Article 5 of the treaty, Flight 370 and page 3 of the report were cited.",
            "Card 1 of 5",
            "He won 3-1 and called 555-1234 on 2022-01-12 or 12/01/2022.",
            "John Smith, 30, said he was aged 45 in the 1990s.",
            "Among the passengers: Anna Berg, 41. Her brother, Lars Berg, 38.",
            "One in five voters said one of them would stay.",
            "Formula One and the Big Four met at Windows 11 launch.",
            "The 2014-15 season and the 1939-1945 war were discussed.",
        ])
    func notFigures(sentence: String) {
        #expect(Self.seen(sentence).isEmpty, "\(sentence): \(Self.seen(sentence))")
    }

    @Test func yearLikeNumbersThatCount() {
        let all = Self.seen("Russia deployed 1500 troops, some 2000 tanks and $2022 in cash in 2022.")
        #expect(all.map(\.value) == [1500, 2000, 2022])
        #expect(all.map(\.counts) == ["troops", "tanks", "cash"])
    }

    @Test func spansAndCountsCoverTheirText() throws {
        let text = "Latvia said on Friday that Belarus had gathered 84,000 troops and 2,300 tanks."
        let (tokens, figures) = Self.extract(text)
        let first = try #require(figures.first)
        #expect(first.span == TextSpan(start: 48, end: 54))
        #expect(tokens[try #require(first.countsSpan)] == "troops")
        #expect(tokens[try #require(first.sourceSpan)] == "Latvia")
        #expect(figures.count == 2)
    }

    // MARK: Bad input

    static func checkBounds(_ text: TokenizedText, _ figures: [Figure]) {
        let count = text.scalars.count
        for f in figures {
            for span in [f.span, f.countsSpan, f.sourceSpan].compactMap({ $0 }) {
                #expect(span.start >= 0 && span.end <= count && span.start <= span.end)
            }
            #expect(f.value.isFinite && f.value >= 0)
        }
    }

    @Test func aMegabyteOfDigits() {
        let (text, figures) = Self.extract(String(repeating: "7", count: 1_000_000))
        #expect(figures.isEmpty)
        Self.checkBounds(text, figures)
        let (grouped, groupedFigures) = Self.extract(String(repeating: "123,", count: 200_000) + "456")
        Self.checkBounds(grouped, groupedFigures)
    }

    @Test func aHundredThousandNumbers() {
        var string = ""
        for i in 0..<100_000 { string += "\(i * 37 % 1_000_003) " }
        let (text, figures) = Self.extract(string)
        Self.checkBounds(text, figures)
        #expect(!figures.isEmpty)
        var mixed = ""
        for i in 0..<20_000 { mixed += "more than \(i % 900 + 100),000 troops, officials said. $\(i).5bn of aid; 3-\(i) on Jan. \(i % 40) " }
        let (mixedText, mixedFigures) = Self.extract(mixed)
        Self.checkBounds(mixedText, mixedFigures)
        #expect(mixedFigures.filter { $0.counts == "troops" }.count >= 19_000)
    }

    @Test func allCapitals() throws {
        let all = Self.seen("RUSSIA MASSES MORE THAN 100,000 TROOPS NEAR UKRAINE, KYIV SAYS")
        #expect(all == [Seen(span: "MORE THAN 100,000", value: 100_000, approximation: .moreThan, counts: "TROOPS", source: "KYIV")])
    }

    @Test func otherScripts() {
        let (text, figures) = Self.extract("Россия сосредоточила 106 000 военных у границы. حشدت روسيا ١٠٦٠٠٠ جندي. 俄罗斯集结了十万军队。 ½ ²")
        Self.checkBounds(text, figures)
        #expect(figures.contains { $0.value == 106_000 && text[$0.span] == "١٠٦٠٠٠" })
    }

    @Test func randomText() {
        var generator = SystemRandomNumberGenerator()
        let pieces = [
            "more", "than", "100,000", "1.5", "$", "€", "%", "-", "–", "of", "the", "troops", "said", "Ukraine", "a", "dozen",
            "half", "57-country", "10-15", "2022", "Jan.", "12", ",", ".", "“", "”", "to", "and", "between", "according",
            "million", "2m", "bn", "per", "cent", "or", "so", "Mr.", "who", "٣", "十", "'s", "’s", "body", "years", "x",
        ]
        for _ in 0..<200 {
            var string = ""
            for _ in 0..<Int.random(in: 1...60, using: &generator) {
                string += pieces.randomElement(using: &generator)!
                if Bool.random(using: &generator) { string += " " }
            }
            let (text, figures) = Self.extract(string)
            Self.checkBounds(text, figures)
        }
    }

    // MARK: The seed reports

    @Test func seedReports() throws {
        guard let paths = SharedData.seedPaths(for: "the figure tests on seeds") else { return }
        var troopsNear100k = 0
        for path in paths {
            let bytes = [UInt8](FileManager.default.contents(atPath: path) ?? Data())
            let raw = try TextDecoder.decode(bytes).text
            let article = ArticleAssembler().assemble(id: path, provenance: Provenance(origin: .textFile, path: path), original: raw)
            let text = TokenizedText(article: article)
            let figures = FigureExtractor().figures(in: text)
            Self.checkBounds(text, figures)
            var counted = false
            for f in figures {
                let written = text[f.span]
                // No year or day of the month is a figure, and every span holds the number.
                #expect(!(f.value >= 1990 && f.value <= 2030 && f.unit == nil && f.counts == nil), "\(path): \(written)")
                #expect(!written.isEmpty)
                let isYear = written.count == 4 && written.allSatisfy(\.isNumber) && f.value >= 1900 && f.value <= 2100
                #expect(!isYear || f.unit != nil, "\(path): a year reported as a figure: \(written)")
                if let counts = f.counts {
                    #expect(!counts.isEmpty && counts == counts.trimmingCharacters(in: .whitespacesAndNewlines))
                    #expect(!["years", "days", "hours", "months"].contains(counts.lowercased()), "\(path): \(written) \(counts)")
                }
                if f.value >= 90_000 && f.value <= 200_000, let counts = f.counts?.lowercased(), counts == "troops" || counts == "forces" {
                    counted = true
                }
            }
            #expect(!figures.contains { $0.value >= 1900 && $0.value <= 2100 && $0.counts == nil && $0.unit == nil })
            if counted { troopsNear100k += 1 }
        }
        // Each seed reports the Russian build-up; most give it as a count of troops or forces.
        #expect(troopsNear100k >= 3, "\(troopsNear100k) of \(paths.count) seeds count about 100,000 troops")
    }
}
