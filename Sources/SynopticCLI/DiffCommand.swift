import ArgumentParser
import Foundation
import Synoptic

/// `synoptic diff A B [--format text|json] [--color auto|always|never]`
public struct DiffCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed from one version of an article (A) to another (B).",
        discussion: """
            A and B are files of any kind `synoptic brief` reads (HTML page, text, Markdown, a JSON Lines \
            file holding one article), or - for standard input (one of them). Both are cleaned as `brief` \
            cleans them, then compared: headline and dek, paragraphs added, removed, moved and rewritten \
            (with a word-level diff: [-deleted-] {+inserted+}), and the figures and quotations that changed. \
            A is taken as the earlier version. The JSON document is described in docs/json.md.
            """)

    @Argument(help: "The earlier version.")
    public var earlier: String

    @Argument(help: "The later version.")
    public var later: String

    @Option(name: .shortAndLong, help: "Output format: text or json.")
    public var format: Format = .text

    @Option(help: "Colour deleted and inserted words: auto (when printing to a terminal), always or never.")
    public var color: ColorChoice = .auto

    @Option(help: "Largest article read, in bytes.")
    public var maxArticleBytes: Int = IngestLimits.default.maxArticleBytes

    public enum Format: String, ExpressibleByArgument, CaseIterable, Sendable {
        case text
        case json
    }

    public enum ColorChoice: String, ExpressibleByArgument, CaseIterable, Sendable {
        case auto, always, never
    }

    public init() {}

    public func validate() throws {
        guard maxArticleBytes > 0 else { throw ValidationError("--max-article-bytes must be positive") }
        if earlier == "-" && later == "-" { throw ValidationError("only one of A and B can be standard input") }
    }

    public func run() throws {
        let pipeline = BriefingPipeline(limits: IngestLimits(maxArticleBytes: maxArticleBytes))
        var problems: [String: [String]] = [:]
        // Both files are cleaned in one batch, as `brief` would clean them together: lines the two
        // versions both end with (a comment prompt) are debris.
        let articles = pipeline.cleanArticles(earlier == later ? [earlier] : [earlier, later]) { problem in
            problems[problem.path, default: []].append(problem.reason)
            StandardError.write("synoptic: \(problem)\n")
        }
        let a: Article, b: Article
        do {
            a = try Self.single(articles, from: earlier, problems: problems)
            b = earlier == later ? a : try Self.single(articles, from: later, problems: problems)
        } catch let error as DiffInputError {
            // A file that could not be read was named on standard error as it failed; say more only when it was not.
            if error.needsReport { StandardError.write("\(error.description)\n") }
            throw ExitCode(2)
        }
        let annotated = pipeline.annotate([a, b])
        let diff = ArticleDiff(earlier: annotated[0], later: annotated[1])
        let output: String
        switch format {
        case .text:
            let useColor = color == .always || (color == .auto && isatty(STDOUT_FILENO) == 1)
            output = diff.text(colors: useColor)
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            output = String(decoding: try encoder.encode(diff.record), as: UTF8.self) + "\n"
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }

    /// The one article read from `path`, or an error naming the file and why it gave none or several.
    static func single(_ articles: [Article], from path: String, problems: [String: [String]]) throws -> Article {
        let mine = articles.filter { $0.provenance.path == path }
        if mine.count == 1 { return mine[0] }
        if mine.count > 1 {
            throw DiffInputError(description: "synoptic diff: \(path) holds \(mine.count) articles; give one article per file", needsReport: true)
        }
        let reasons = problems[path] ?? problems.filter { $0.key.hasPrefix(path) }.flatMap(\.value)
        let why = reasons.isEmpty ? "no article could be read" : reasons.joined(separator: "; ")
        throw DiffInputError(description: "synoptic diff: \(path): \(why)", needsReport: reasons.isEmpty)
    }
}

/// An input that gives no single article: reported on standard error with exit status 2, as
/// `brief` exits when no article could be read.
struct DiffInputError: Error, CustomStringConvertible {
    var description: String
    /// Whether standard error has not yet said why (a read failure is reported as it happens).
    var needsReport: Bool
}
