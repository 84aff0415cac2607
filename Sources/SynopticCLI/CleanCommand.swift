import ArgumentParser
import Foundation
import Synoptic

/// `synoptic clean FILE... [--format text|json] [--explain]`
public struct CleanCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "clean",
        abstract: "Print each article as Synoptic cleans it: the article out of any HTML page, debris out of text.",
        discussion: """
            FILE may be an HTML page (.html, .htm, .html.gz), a text file, a JSON Lines file, a directory, \
            or - for standard input. Text output prints each article's title and body (with --explain, \
            every removed block and why). JSON output prints the article object of the JSON contract \
            (docs/json.md) with `removed` filled: one pretty object for one article, one object per \
            line (JSON Lines) for several. `synoptic brief` cleans articles the same way.
            """)

    @Argument(help: "Files, directories, or - for standard input.")
    public var paths: [String]

    @Option(name: .shortAndLong, help: "Output format: text or json.")
    public var format: Format = .text

    @Flag(help: "List every removed block with the reason it was removed.")
    public var explain = false

    @Option(help: "Largest article read, in bytes.")
    public var maxArticleBytes: Int = IngestLimits.default.maxArticleBytes

    public enum Format: String, ExpressibleByArgument, CaseIterable, Sendable {
        case text
        case json
    }

    public init() {}

    public func validate() throws {
        guard maxArticleBytes > 0 else { throw ValidationError("--max-article-bytes must be positive") }
    }

    public func run() throws {
        var problems = 0
        let pipeline = BriefingPipeline(limits: IngestLimits(maxArticleBytes: maxArticleBytes))
        let articles = pipeline.cleanArticles(paths) { problem in
            problems += 1
            StandardError.write("synoptic: \(problem)\n")
        }
        let output: String
        switch format {
        case .json:
            let encoder = JSONEncoder()
            let several = articles.count > 1
            encoder.outputFormatting = several ? [.sortedKeys, .withoutEscapingSlashes] : [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            output = try articles.map { String(decoding: try encoder.encode(ArticleRecord($0)), as: UTF8.self) + "\n" }.joined()
        case .text:
            output = articles.enumerated().map { index, article in Self.text(of: article, explain: explain, separated: index > 0) }.joined()
        }
        FileHandle.standardOutput.write(Data(output.utf8))
        if articles.isEmpty {
            StandardError.write("synoptic: no article could be read\n")
            throw ExitCode(2)
        }
        if problems > 0 { throw ExitCode(1) }
    }

    static func text(of article: Article, explain: Bool, separated: Bool) -> String {
        var text = separated ? "\n" : ""
        let source = article.provenance.path ?? article.id
        text += "==> \(source)\(article.provenance.line.map { ":\($0)" } ?? "") <==\n"
        var facts: [String] = []
        if let outlet = article.provenance.outlet { facts.append(outlet) }
        if !article.provenance.authors.isEmpty { facts.append("by " + article.provenance.authors.joined(separator: ", ")) }
        if let published = article.provenance.published { facts.append(published) }
        if let title = article.title { text += "# \(title)\n" }
        if !facts.isEmpty { text += facts.joined(separator: " · ") + "\n" }
        text += "\n" + article.body + "\n"
        if explain {
            text += "\n-- removed (\(article.removed.count)) --\n"
            for removal in article.removed {
                text += "[\(removal.reason)] \(removal.text.replacingOccurrences(of: "\n", with: " "))\n"
            }
        }
        return text
    }
}
