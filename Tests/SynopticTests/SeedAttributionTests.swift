import Foundation
import Synoptic
import SynopticTestSupport
import Testing

/// Who said what in the five seed reports: one person per diplomat whatever the spelling, and every
/// whole quotation with a speaker.
@Suite struct SeedAttributionTests {
    @Test func eachDiplomatIsOnePersonWithEveryVariant() throws {
        guard let paths = SharedData.seedPaths(for: "eachDiplomatIsOnePersonWithEveryVariant") else { return }
        let briefing = BriefingPipeline().run(paths)
        let story = try #require(briefing.stories.first)
        for surname in ["Lavrov", "Lukashevich", "Putin", "Ryabkov", "Carpenter"] {
            let matches = story.people.filter { person in ([person.name] + person.aliases).contains { $0.hasSuffix(surname) } }
            #expect(matches.count == 1, "\(surname): \(matches.map(\.name))")
        }
        let lavrov = story.people.first { $0.name.hasSuffix("Lavrov") }
        #expect(lavrov.map { Set([$0.name] + $0.aliases).isSuperset(of: ["Sergey V. Lavrov", "Sergei Lavrov", "Mr. Lavrov"]) } == true)
        let lukashevich = story.people.first { $0.name.hasSuffix("Lukashevich") }
        #expect(lukashevich.map { Set([$0.name] + $0.aliases).isSuperset(of: ["Aleksandr Lukashevich", "Alexander Lukashevich"]) } == true)
        let ryabkov = story.people.first { $0.name.hasSuffix("Ryabkov") }
        #expect(ryabkov?.roles.contains { $0.lowercased().contains("deputy foreign minister") } == true)
        #expect((ryabkov?.articles.count ?? 0) >= 4)
        #expect(story.people.first { $0.name.hasSuffix("Carpenter") }?.roles.contains { $0.contains("Ambassador") } == true)
    }

    @Test func wholeQuotationsHaveSpeakersFromTheStory() throws {
        guard let paths = SharedData.seedPaths(for: "wholeQuotationsHaveSpeakersFromTheStory") else { return }
        let briefing = BriefingPipeline().run(paths)
        let story = try #require(briefing.stories.first)
        let whole = story.quotes.filter { !$0.partial }
        #expect(whole.count >= 30)
        let attributed = whole.filter { $0.speaker != nil }
        // The seeds carry one statement quoted without a speaker in the text; nearly all others
        // are attributed.
        #expect(Double(attributed.count) >= 0.9 * Double(whole.count), "\(whole.filter { $0.speaker == nil }.map(\.text))")
        let people = Set(story.people.map(\.name))
        let byPeople = attributed.filter { people.contains($0.speaker!) }
        #expect(Double(byPeople.count) >= 0.8 * Double(attributed.count))
        // The two versions of one article quote the same envoy.
        let lukashevich = story.quotes.filter { $0.speaker?.hasSuffix("Lukashevich") == true }
        #expect(Set(lukashevich.map(\.article)).count >= 2)
        for quote in story.quotes {
            let article = try #require(briefing.articles.first { $0.id == quote.article })
            let span = try #require(quote.span)
            #expect(String(article[span]) == quote.text)
        }
    }
}
