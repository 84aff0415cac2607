import ArgumentParser
import Foundation
import Synoptic
import SynopticStore

/// `synoptic export [--db PATH] [--out FILE]`
public struct ExportCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print the whole store as the JSON document of the contract.",
        discussion: """
            Every article, in the order it was stored, and every story with its briefing, as \
            brief --format json writes them (docs/json.md); each article also carries its original text, so \
            synoptic ingest can read the file back into a store and gets the same articles and stories.
            """)

    @OptionGroup var store: StoreOptions

    @Option(name: .shortAndLong, help: "Write the document to this file instead of standard output.")
    public var out: String?

    public init() {}

    public func run() async throws {
        let library = try await store.library(creating: false)
        let briefing = try await storeOperation { try await library.exportBriefing() }
        try writeOutput(try Self.render(briefing), to: out)
    }

    /// The contract document of `briefing`, each article with its `original` text.
    static func render(_ briefing: Briefing) throws -> String {
        var document = briefing.document
        let originals = Dictionary(briefing.articles.map { ($0.id, $0.original) }, uniquingKeysWith: { first, _ in first })
        for index in document.articles.indices { document.articles[index].original = originals[document.articles[index].id] }
        return try JSONRenderer(pretty: true).render(document)
    }
}
