import Testing

@testable import SynopticStories

/// Clustering on reports written for these tests (invented places and events).
@Suite struct StoryClustererTests {
    static func features(_ title: String, _ body: String, _ date: String? = "2031-05-04") -> StoryFeatures {
        StoryFeatures(title: title, paragraphs: body.split(separator: "\n"), published: date)
    }

    static let strike = [
        features(
            "Dockworkers at Port Vella walk out over night shifts",
            "Dockworkers at Port Vella began a strike on Monday over night shifts. The Vella Dockers Union said cranes stood idle.\nShipping lines diverted three container ships to Marlow."
        ),
        features(
            "Port Vella strike strands container ships",
            "Container ships waited off Port Vella as the dockworkers' strike entered its first day. The union wants fewer night shifts.\nMarlow took three diverted ships."
        ),
        features(
            "Union leader: Vella dockers will not return until night shifts end",
            "The head of the Vella Dockers Union said the strike at Port Vella would go on. Cranes at the port were idle and ships diverted to Marlow."
        ),
    ]
    static let tunnel = [
        features(
            "Breakthrough in the Askel rail tunnel after six years",
            "Engineers broke through the last rock of the Askel rail tunnel under the Ruden range. The tunnel will carry freight trains from 2034."),
        features(
            "Askel tunnel borers meet under the Ruden mountains",
            "The two boring machines of the Askel rail tunnel met under the Ruden range, six years after digging began. Freight trains are due in 2034."
        ),
    ]
    static let final = [
        features(
            "Korsby win the cup final on penalties",
            "Korsby beat Hallen on penalties in the cup final at Brenna stadium. Their goalkeeper saved two penalties."),
        features(
            "Hallen lose cup final in shoot-out",
            "Hallen's goalkeeper could not stop the decisive penalty as Korsby won the cup final at Brenna stadium."),
    ]

    static func partition(_ clusters: [[Int]]) -> Set<Set<Int>> { Set(clusters.map(Set.init)) }

    @Test func reportsOfOneEventFormOneStoryAndOtherEventsTheirOwn() {
        let all = Self.strike + Self.tunnel + Self.final
        let clusters = StoryClusterer.cluster(all)
        #expect(Self.partition(clusters) == [[0, 1, 2], [3, 4], [5, 6]])
    }

    @Test func theStoriesDoNotDependOnTheOrderTheArticlesCameIn() {
        let all = Self.strike + Self.tunnel + Self.final
        let expected = Self.partition(StoryClusterer.cluster(all))
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<10 {
            let order = Array(all.indices).shuffled(using: &generator)
            let clusters = StoryClusterer.cluster(order.map { all[$0] })
            #expect(Set(clusters.map { Set($0.map { order[$0] }) }) == expected)
        }
    }

    @Test func incrementalArrivalsJoinTheirStory() {
        var clusterer = StoryClusterer()
        let strike = Self.strike.map { clusterer.add($0) }
        let tunnel = Self.tunnel.map { clusterer.add($0) }
        #expect(Set(strike).count == 1)
        #expect(Set(tunnel).count == 1)
        #expect(strike[0] != tunnel[0])
        #expect(clusterer.assignment == strike + tunnel)
    }

    @Test func timeKeepsTheSameWordsMonthsApartInSeparateStories() {
        let may = Self.features(
            "Dockworkers at Port Vella walk out over night shifts", "Dockworkers at Port Vella began a strike over night shifts.", "2031-05-04")
        let september = Self.features(
            "Dockworkers at Port Vella walk out again over night shifts", "Dockworkers at Port Vella began a new strike over night shifts.",
            "2031-09-20")
        let undated = Self.features(
            "Dockworkers at Port Vella walk out over night shifts", "Dockworkers at Port Vella began a strike over night shifts.", nil)
        #expect(StoryClusterer.cluster([may, september]).count == 2)
        // An undated report has no time evidence against it.
        #expect(StoryClusterer.cluster([may, undated]).count == 1)
    }

    @Test func emptyOneWordAndNonLatinArticlesMakeSensibleStories() {
        let empty = Self.features("", "")
        let word = Self.features("", "Vella")
        let greek = Self.features("Απεργία στο λιμάνι της Βέλλας", "Οι λιμενεργάτες της Βέλλας απεργούν για τις νυχτερινές βάρδιες.")
        let greekAgain = Self.features(
            "Συνεχίζεται η απεργία στο λιμάνι της Βέλλας", "Οι λιμενεργάτες της Βέλλας συνεχίζουν την απεργία για τις νυχτερινές βάρδιες.")
        let clusters = StoryClusterer.cluster([empty, empty, word, greek, greekAgain] + Self.strike)
        let partition = Self.partition(clusters)
        // Nothing to compare: each empty article is a story of its own, never a member of another.
        #expect(partition.contains([0]) && partition.contains([1]))
        #expect(partition.contains([3, 4]))
        // “Vella” alone shares its one word with the strike reports, so it may join them.
        #expect(partition.contains([5, 6, 7]) || partition.contains([2, 5, 6, 7]))
        #expect(clusters.map(\.count).reduce(0, +) == 8)
    }

    @Test func thousandsOfCopiesCostBoundedWorkPerArticle() {
        let copies = Array(repeating: Self.strike[0], count: 3000) + Self.tunnel
        var clusterer = StoryClusterer()
        for copy in copies { clusterer.add(copy) }
        #expect(Set(clusterer.assignment.prefix(3000)).count == 1)
        // Each article scores at most `candidates` stories, however many have come before.
        #expect(clusterer.scoredCandidates <= copies.count * clusterer.options.candidates)
        #expect(clusterer.scoredCandidates <= copies.count * 2)
    }
}

@Suite struct TermWeightsTests {
    @Test func weightsAddUpAcrossGrowthAndTheZeroHash() {
        var table = TermWeights()
        var inserted = 0
        for term in 0..<5_000 as Range<UInt64> where table.add(1, to: WordHashes.mix(term)) { inserted += 1 }
        #expect(inserted == 5_000)
        let again = table.add(2, to: WordHashes.mix(7))
        #expect(!again)
        #expect(table.count == 5_000)
        #expect(table.weight(of: WordHashes.mix(7)) == 3)
        #expect(table.weight(of: WordHashes.mix(4_999)) == 1)
        #expect(table.weight(of: WordHashes.mix(5_000)) == nil)
        // A hash of 0 is stored like any other term.
        let zeroIsNew = table.add(0.5, to: 0)
        #expect(zeroIsNew)
        #expect(table.weight(of: 0) == 0.5)
    }
}
