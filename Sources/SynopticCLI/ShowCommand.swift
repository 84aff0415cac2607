import ArgumentParser
import Foundation
import Synoptic
import SynopticStore

/// `synoptic show STORY [--db PATH] [--format md|json|html|text] [--out FILE]`
public struct ShowCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print the briefing of one story in the store.",
        discussion: "STORY is an id from synoptic stories. A briefing is kept in the store until the story gains an article.")

    @Argument(help: "The story's id.")
    public var story: String

    @OptionGroup var store: StoreOptions

    @Option(name: .shortAndLong, help: "Output format: md, json, html (one self-contained page) or text.")
    public var format: BriefCommand.Format = .markdown

    @Option(name: .shortAndLong, help: "Write the briefing to this file instead of standard output.")
    public var out: String?

    public init() {}

    public func run() async throws {
        let library = try await store.library(creating: false)
        let rendered = try await storeOperation { try await library.briefing(storyID: story, format: format.output) }
        guard let rendered else {
            StandardError.write("synoptic: no story \(story) in \(store.db) (synoptic stories lists them)\n")
            throw ExitCode(StoreExit.nothing)
        }
        try writeOutput(rendered, to: out)
    }
}
