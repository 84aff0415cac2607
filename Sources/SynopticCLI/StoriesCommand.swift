import ArgumentParser
import Foundation
import Synoptic
import SynopticStore

/// `synoptic stories [--db PATH] [--from DAY] [--to DAY] [--outlet NAME] [--limit N] [--offset N] [--format text|json]`
public struct StoriesCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "stories",
        abstract: "List the stories in the store, most recently updated first.",
        discussion: """
            --from and --to keep stories with an article published in that range of days (YYYY-MM-DD, \
            both ends included); --outlet keeps stories with an article from that outlet (case aside).
            """)

    @OptionGroup var store: StoreOptions

    @Option(help: "Only stories with an article published on or after this day (YYYY-MM-DD).")
    public var from: String?

    @Option(help: "Only stories with an article published on or before this day (YYYY-MM-DD).")
    public var to: String?

    @Option(help: "Only stories with an article from this outlet.")
    public var outlet: String?

    @Option(help: "Most stories listed.")
    public var limit: Int = 50

    @Option(help: "Stories skipped before the first listed.")
    public var offset: Int = 0

    @Option(name: .shortAndLong, help: "Output format: text or json.")
    public var format: Format = .text

    public enum Format: String, ExpressibleByArgument, CaseIterable, Sendable {
        case text, json
    }

    public init() {}

    public func validate() throws {
        for (name, value) in [("--from", from), ("--to", to)] {
            if let value, CivilDate(iso8601: value) == nil || value.count != 10 {
                throw ValidationError("\(name) must be a day written YYYY-MM-DD, not \(value)")
            }
        }
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        guard offset >= 0 else { throw ValidationError("--offset must not be negative") }
    }

    public func run() async throws {
        let library = try await store.library(creating: false)
        let page = try await storeOperation {
            try await library.stories(StoryQuery(from: from, to: to, outlet: outlet, limit: limit, offset: offset))
        }
        switch format {
        case .json:
            struct Listing: Encodable {
                var total: Int
                var offset: Int
                var stories: [StoredStory]
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try writeOutput(String(decoding: try encoder.encode(Listing(total: page.total, offset: offset, stories: page.stories)), as: UTF8.self) + "\n", to: nil)
        case .text:
            try writeOutput(Self.text(page, offset: offset), to: nil)
        }
    }

    /// One line per story: id, article count, days, outlets, title; then how many there are in all.
    static func text(_ page: StoryPage, offset: Int) -> String {
        var lines: [String] = []
        let idWidth = page.stories.map(\.id.count).max() ?? 0
        for story in page.stories {
            let days: String
            switch (story.firstPublished, story.lastPublished) {
            case let (first?, last?) where first != last: days = "\(first)…\(last)"
            case let (first?, _): days = first
            default: days = "undated"
            }
            let outlets = story.outlets.prefix(3).joined(separator: ", ") + (story.outlets.count > 3 ? " +\(story.outlets.count - 3)" : "")
            let count = "\(story.articleCount) article\(story.articleCount == 1 ? "" : "s")"
            lines.append(
                "\(story.id.padding(toLength: idWidth, withPad: " ", startingAt: 0))  \(count.padding(toLength: 12, withPad: " ", startingAt: 0)) \(days)  [\(outlets)]  \(story.title)")
        }
        let shown = page.stories.isEmpty ? "no stories" : "stories \(offset + 1)–\(offset + page.stories.count)"
        lines.append("\(shown) of \(page.total)")
        return lines.joined(separator: "\n") + "\n"
    }
}
