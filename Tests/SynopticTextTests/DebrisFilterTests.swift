import SynopticCore
import SynopticText
import Testing

/// Each kind of page debris on a small text of our own (invented outlets and events), and the real
/// reporting that looks a little like it and must stay.
@Suite("DebrisFilter: debris is removed")
struct DebrisRemovalTests {
    func article(_ text: String, outlet: String? = nil, boilerplate: BatchBoilerplate = .none) -> Article {
        ArticleAssembler().assemble(
            id: "a", provenance: Provenance(origin: .textFile, path: "in/a.txt", outlet: outlet), original: text, boilerplate: boilerplate)
    }

    func reasons(_ article: Article) -> [String] { article.removed.map(\.reason) }

    static let lead = "MILLBROOK — The county opened a second cooling center on Friday as temperatures passed 40 degrees, officials said."
    static let second = "The library on Elm Street will stay open until midnight through the weekend, the county executive said."

    @Test("a masthead glued to its slogan becomes the outlet, and the headline after it the title")
    func masthead() {
        let a = article("The Millbrook SentinelNews You Can Trust\n\nCounty opens second cooling center\n\n\(Self.lead)\n\n\(Self.second)")
        #expect(a.provenance.outlet == "The Millbrook Sentinel")
        #expect(a.title == "County opens second cooling center")
        #expect(reasons(a) == ["masthead: kept as the outlet", "headline: kept as the title"])
        #expect(a.body.hasPrefix("MILLBROOK —"))
    }

    @Test("a masthead does not replace an outlet the input named")
    func mastheadWithKnownOutlet() {
        let a = article("The Millbrook SentinelNews You Can Trust\n\nCounty opens second cooling center\n\n\(Self.lead)", outlet: "Sentinel")
        #expect(a.provenance.outlet == "Sentinel")
        #expect(reasons(a).first == "masthead")
    }

    @Test("a headline glued to a copy of itself is kept once")
    func gluedHeadline() {
        let a = article("County Opens Second Cooling CenterCounty Opens Second Cooling Center\n\n\(Self.lead)\n\n\(Self.second)")
        #expect(a.title == "County Opens Second Cooling Center")
        #expect(reasons(a) == ["headline printed twice: kept once as the title"])
    }

    @Test("a dek printed twice is kept once; a paragraph repeated further on stays (articles repeat their own lines)")
    func repeatedParagraphs() {
        let dek = "Officials expect the heat to last into next week."
        let a = article("Heat Wave Grips County\n\n\(dek)\n\n\(dek)\n\n\(Self.lead)\n\n\(Self.second)\n\n\(Self.lead)")
        #expect(reasons(a) == ["headline: kept as the title", "repeats the previous paragraph"])
        #expect(a.body == "\(dek)\n\n\(Self.lead)\n\n\(Self.second)\n\n\(Self.lead)")
    }

    @Test("an explainer module of label paragraphs under an ordinal marker goes with its heading")
    func explainerCards() {
        let text = """
            Heat Wave Grips County

            \(Self.lead)

            What to Know About the Heat

            Panel 1 of 3

            Who is at risk. Older residents and outdoor workers face the greatest danger in the heat.

            Where to go. Cooling centers are open at the library and at two community halls downtown.

            What to bring. Visitors are asked to bring water, medicines and identification.

            \(Self.second)
            """
        let a = article(text)
        #expect(reasons(a).filter { $0 == "explainer module" }.count == 5)
        #expect(a.body == "\(Self.lead)\n\n\(Self.second)")
    }

    @Test("an explainer module with a marker and a question label before each card")
    func explainerWithQuestions() {
        let text = """
            Heat Wave Grips County
            \(Self.lead)
            Step 1 of 2
            Where can I cool off?
            At the library and the two community halls, from 8 a.m. to midnight.
            Step 2 of 2
            How long will it last?
            Forecasters expect relief by Wednesday.
            \(Self.second)
            """
        let a = article(text)
        #expect(reasons(a).filter { $0 == "explainer module" }.count == 6)
        #expect(a.body == "\(Self.lead)\n\n\(Self.second)")
    }

    @Test("captions that end in a media credit are removed")
    func captions() {
        let a = article(
            "Heat Wave Grips County\n\nVolunteers handed out water at the fairgrounds on Friday. (Video: Valley Wire)\n\n\(Self.lead)\n\nA line of residents outside the library. (Photo by Ana Ruiz)\n\n\(Self.second)")
        #expect(reasons(a) == ["headline: kept as the title", "video caption", "photo caption"])
    }

    @Test("promo headlines between paragraphs are removed, labelled or not")
    func promos() {
        let text = """
            Heat Wave Grips County

            \(Self.lead)

            ALSO READ: Farmers count the cost of a dry spring

            \(Self.second)

            Why a quiet town became a test case for a warming state

            Hospitals reported 40 visits for heat illness on Thursday, twice the usual number for June.

            Photos: Scenes from the fairgrounds cooling tent

            The county will decide on Monday whether to open a third center.
            """
        let a = article(text)
        #expect(reasons(a) == ["headline: kept as the title", "promo headline", "promo headline", "promo headline"])
    }

    @Test("a list of links after a lead-in is removed")
    func relatedLinks() {
        let text = "Heat Wave Grips County\n\n\(Self.lead)\n\nMore coverage:\nFarmers count the cost of a dry spring\nHow to keep pets safe in the heat"
        let a = article(text)
        #expect(reasons(a) == ["headline: kept as the title", "related-links list", "related-links list", "related-links list"])
        #expect(a.body == Self.lead)
    }

    @Test("comment forms and link footers after the story are removed")
    func commentFormAndFooter() {
        let text = """
            Heat Wave Grips County

            \(Self.lead)

            \(Self.second)

            Original article link

            Add a Comment

            Comments appear once a moderator approves them. Marked fields are mandatory *

            Your name *
            """
        let a = article(text)
        #expect(reasons(a) == ["headline: kept as the title", "link footer", "comment prompt", "comment prompt", "comment prompt"])
        #expect(a.body == "\(Self.lead)\n\n\(Self.second)")
    }

    @Test("credit lines leave the body for the credits")
    func credits() {
        let text = """
            Heat Wave Grips County

            \(Self.lead)

            \(Self.second)

            Priya Nand reported from Millbrook. Tomás Ibarra and Lee Park contributed reporting from Ashford, and Ruth Cole contributed research.

            Reporting by Ana Ruiz; Editing by Sam O’Neill
            """
        let a = article(text)
        #expect(a.provenance.credits == [
            "Priya Nand reported from Millbrook.", "Tomás Ibarra and Lee Park contributed reporting from Ashford, and Ruth Cole contributed research.",
            "Reporting by Ana Ruiz; Editing by Sam O’Neill",
        ])
        #expect(reasons(a) == ["headline: kept as the title", "credit line: moved to credits", "credit line: moved to credits"])
        #expect(a.body == "\(Self.lead)\n\n\(Self.second)")
        #expect(ArticleRecord(a).credits == a.provenance.credits)
    }
}

@Suite("DebrisFilter: reporting is kept")
struct DebrisPrecisionTests {
    func article(_ text: String) -> Article {
        ArticleAssembler().assemble(id: "a", provenance: Provenance(origin: .textFile, path: "in/a.txt"), original: text)
    }

    @Test("subheadings, one-line paragraphs, quotations and reporting that uses debris words all stay")
    func reportingStays() {
        let paragraphs = [
            "MILLBROOK — The county opened a second cooling center on Friday as temperatures passed 40 degrees, officials said.",
            "Cooling Centers Fill Up",
            "By noon the library’s reading room held more than 200 people, and the center at the fairgrounds was close to capacity.",
            "No one was hurt.",
            "“We will keep the doors open as long as the heat lasts”",
            "Residents who want to read more about the plan can find it on the county website, and the council will take comments until May 3.",
            "She reported from the front line for a decade.",
            "What the county plans to do about the older apartment blocks without air conditioning",
            "The county plans to send inspectors to the older apartment blocks on Monday, a spokeswoman said.",
            "The mayor did not reply to an email asking for comment.",
        ]
        let a = article("Heat Wave Grips County\n\n" + paragraphs.joined(separator: "\n\n"))
        #expect(a.removed.map(\.reason) == ["headline: kept as the title"])
        #expect(a.body == paragraphs.joined(separator: "\n\n"))
        #expect(a.provenance.credits.isEmpty)
    }

    @Test("a first line that merely has a capital inside a word is a headline, not a masthead")
    func brandInHeadline() {
        let a = article(
            "Valley Firm Buys SkyPort Hangars\n\nA deal for three hangars and a runway lease\n\nThe company said the deal closed on Friday after months of talks with the airport board.")
        #expect(a.title == "Valley Firm Buys SkyPort Hangars")
        #expect(a.provenance.outlet == nil)
    }

    @Test("a title that repeats a short name is not halved")
    func shortRepeatedTitle() {
        let a = article("Bora Bora\n\nThe island’s airport reopened on Friday after a week of storms, officials said.")
        #expect(a.title == "Bora Bora")
    }

    @Test("a closing paragraph that names people without crediting them stays")
    func notACredit() {
        let a = article("Heat Wave\n\nThe county opened a cooling center on Friday, officials said.\n\nAna Ruiz reported the outage to the utility on Friday morning.")
        #expect(a.body.hasSuffix("Ana Ruiz reported the outage to the utility on Friday morning."))
        #expect(a.provenance.credits.isEmpty)
    }
}

@Suite("BatchBoilerplate")
struct BatchBoilerplateTests {
    static let shared = "Inspectors will return to the site on Monday to measure the damage to the pier, the harbor office said."

    func provenance(_ name: String) -> Provenance { Provenance(origin: .textFile, path: "batch/\(name).txt", outlet: "Valley Wire") }

    @Test("a line recurring in two unrelated articles of one outlet is removed; versions of one report keep what they share")
    func recurringLines() {
        let one = "Storm Floods Harbor\n\nThe harbor flooded on Friday after two days of rain, officials said.\n\nWhat we know so far\n\n\(Self.shared)\n\nStay with the Valley for updates"
        let two = "Storm Floods Harbor, Closing the Pier\n\nThe pier closed on Saturday after the harbor flooded, officials said.\n\nWhat we know so far\n\n\(Self.shared)\n\nStay with the Valley for updates"
        let other = "Council Passes Budget\n\nThe council passed the budget on Monday by a vote of five to two.\n\nWhat we know so far\n\nThe new budget adds two park rangers and a library branch, the clerk said."
        let documents = [(provenance("one"), one), (provenance("two"), two), (provenance("other"), other)]
        let boilerplate = BatchBoilerplate(documents: documents)
        let articles = documents.map { ArticleAssembler().assemble(id: "x", provenance: $0.0, original: $0.1, boilerplate: boilerplate) }
        let reason = "recurs in other articles from the same source"
        // The closing line recurs at the end of two versions; the subheading also recurs in an unrelated article.
        #expect(articles[0].removed.map(\.reason) == ["headline: kept as the title", reason, reason])
        #expect(articles[2].removed.map(\.reason) == ["headline: kept as the title", reason])
        // The shared paragraph of reporting stays in both versions.
        #expect(articles[0].body.contains(Self.shared) && articles[1].body.contains(Self.shared))
    }

    @Test("a subheading shared only by versions of one report stays, even by two versions linked through a third")
    func versionsKeepSubheadings() {
        let one = "Storm Floods Harbor\n\nThe harbor flooded on Friday, officials said.\n\n\(Self.shared)"
        let two = "Storm Floods Harbor Again\n\nThe harbor flooded for a second time on Saturday, officials said.\n\nA Long Night on the Pier\n\n\(Self.shared)"
        let three = "Harbor Reopens After Floods\n\nThe harbor reopened on Sunday, officials said.\n\nA Long Night on the Pier\n\n\(Self.shared)"
        let documents = [(provenance("one"), one), (provenance("two"), two), (provenance("three"), three)]
        let boilerplate = BatchBoilerplate(documents: documents)
        for (provenance, text) in documents.dropFirst() {
            let a = ArticleAssembler().assemble(id: "x", provenance: provenance, original: text, boilerplate: boilerplate)
            #expect(a.body.contains("A Long Night on the Pier"))
        }
    }

    @Test("articles of other outlets do not count")
    func otherOutlets() {
        let text = "Storm Floods Harbor\n\nThe harbor flooded on Friday, officials said.\n\nWhat we know so far\n\nThe pier is closed."
        let a = Provenance(origin: .textFile, path: "a.txt", outlet: "Valley Wire")
        let b = Provenance(origin: .textFile, path: "b.txt", outlet: "Coast Daily")
        let boilerplate = BatchBoilerplate(documents: [(a, text), (b, "Pier Stays Shut\n\nThe pier stayed shut on Sunday, officials said.\n\nWhat we know so far\n\nThe pier is closed.")])
        #expect(ArticleAssembler().assemble(id: "x", provenance: a, original: text, boilerplate: boilerplate).body.contains("What we know so far"))
    }
}
