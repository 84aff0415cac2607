import Foundation
import Synoptic
import SynopticTestSupport
import Testing

/// Stories through the whole pipeline: the seeds, and the bad piles issue 5 names.
@Suite struct StoryPipelineTests {
    func brief(_ files: [String: String]) throws -> Briefing {
        let dir = try SharedData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return BriefingPipeline().run([dir.path])
    }

    @Test func theFiveSeedReportsAreOneStory() {
        guard let seeds = SharedData.seedPaths(for: "the seed story test") else { return }
        let briefing = BriefingPipeline().run(seeds)
        #expect(briefing.articles.count == 5)
        #expect(briefing.stories.count == 1)
        #expect(briefing.stories.first?.articleIDs.count == 5)
    }

    @Test func twoEventsInOnePileAreTwoStoriesWhateverTheOrder() throws {
        let strike = [
            "Dockworkers at Port Vella strike over night shifts\n\nDockworkers at Port Vella began a strike on Monday over night shifts. The Vella Dockers Union said cranes stood idle and three container ships were diverted to Marlow.",
            "Port Vella strike strands container ships\n\nContainer ships waited off Port Vella as the dockworkers' strike over night shifts entered its first day. The Vella Dockers Union said it would not return.",
        ]
        let tunnel = [
            "Breakthrough in the Askel rail tunnel\n\nEngineers broke through the last rock of the Askel rail tunnel under the Ruden range. Freight trains will use the tunnel from 2034.",
            "Askel tunnel borers meet under the Ruden range\n\nThe boring machines of the Askel rail tunnel met under the Ruden range after six years. Freight trains are due in 2034.",
        ]
        let forward = try brief(["a.txt": strike[0], "b.txt": tunnel[0], "c.txt": strike[1], "d.txt": tunnel[1]])
        let backward = try brief(["a.txt": tunnel[1], "b.txt": strike[1], "c.txt": tunnel[0], "d.txt": strike[0]])
        func groups(_ briefing: Briefing) -> Set<Set<String>> {
            Set(briefing.stories.map { Set($0.articleIDs.map { id in briefing.articles.first { $0.id == id }!.title ?? "" }) })
        }
        #expect(forward.stories.count == 2)
        #expect(groups(forward) == groups(backward))
    }

    @Test(.timeLimit(.minutes(4))) func emptyOneWordUndatedAndHugeArticlesMakeSensibleStories() throws {
        let huge =
            "A very long report\n\n"
            + String(repeating: "The harbor council met again and the ferry timetable was read aloud once more. ", count: 130_000)
        #expect(huge.utf8.count > 10_000_000)
        let briefing = try brief([
            "empty.txt": "Headline only",
            "word.txt": "Ferries",
            "greek.txt": "Απεργία στο λιμάνι\n\nΟι λιμενεργάτες απεργούν για τις νυχτερινές βάρδιες στο λιμάνι της Βέλλας.",
            "huge.txt": huge,
            "undated-1.txt": "Ferry timetable changes\n\nThe harbor council changed the ferry timetable for the summer.",
            "undated-2.txt": "Council changes the ferry timetable\n\nThe ferry timetable changes for the summer, the harbor council said.",
        ])
        #expect(briefing.articles.contains { $0.id == "huge" && $0.body.utf8.count > 10_000_000 })
        // Every article is in exactly one story.
        let members = briefing.stories.flatMap(\.articleIDs)
        #expect(members.count == briefing.articles.count)
        #expect(Set(members).count == members.count)
        // The two undated reports of the timetable change share a story.
        let story = briefing.stories.first { $0.articleIDs.contains("undated-1") }
        #expect(story?.articleIDs.contains("undated-2") == true)
    }

    /// Dictionaries iterate in an order seeded per process, so only two processes can show a
    /// result that depends on it.
    @Test func twoRunsOfTheCommandGiveTheSameBriefing() throws {
        var inputs = ["Examples/harbor-bridge"]
        if let seeds = SharedData.seedPaths(for: "the repeatability test's seed half") { inputs += seeds }
        let first = try SynopticProcess.run(["brief", "--format", "json"] + inputs)
        let second = try SynopticProcess.run(["brief", "--format", "json"] + inputs)
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)
    }
}
