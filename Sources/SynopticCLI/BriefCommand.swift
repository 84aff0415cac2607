import ArgumentParser
import Foundation
import Synoptic
import SynopticSources

/// `synoptic brief PATH|URL... [--format md|json|html|text] [--out FILE]`
public struct BriefCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "brief",
        abstract: "Print a briefing of the articles at the given paths.",
        discussion: """
            PATH may be a text file (.txt, .text, .md, optionally with YAML front matter), a JSON Lines \
            file (.jsonl, one article per line), a directory (read recursively), - for standard input, \
            or an http(s) URL of a web page or of an RSS or Atom feed (whose items' pages are fetched). \
            Problems with single inputs are reported on standard error, one line each; the rest of the \
            batch is still read, and the exit status is 1 when anything was skipped or repaired.
            """)

    @Argument(help: "Files, directories, - for standard input, or http(s) URLs of pages and feeds.")
    public var paths: [String]

    @Option(name: .shortAndLong, help: "Output format: md, json, html (one self-contained page) or text.")
    public var format: Format = .markdown

    @Option(name: .shortAndLong, help: "Write the briefing to this file instead of standard output.")
    public var out: String?

    @Option(help: "Most sentences in the summary (default 5, or no limit when --words is given).")
    public var sentences: Int?

    @Option(help: "Most words in the summary.")
    public var words: Int?

    @Option(help: "Largest article read, in bytes (a file, or a fetched page or feed).")
    public var maxArticleBytes: Int = IngestLimits.default.maxArticleBytes

    @Option(help: FetchCommandOptions.timeoutHelp)
    public var fetchTimeout: Int = 30

    public enum Format: String, ExpressibleByArgument, CaseIterable, Sendable {
        case markdown = "md"
        case json
        case html
        case text

        var output: OutputFormat {
            switch self {
            case .markdown: .markdown
            case .json: .json
            case .html: .html
            case .text: .text
            }
        }
    }

    public init() {}

    public func validate() throws {
        if let sentences, sentences <= 0 { throw ValidationError("--sentences must be at least 1") }
        if let words, words <= 0 { throw ValidationError("--words must be at least 1") }
        guard maxArticleBytes > 0 else { throw ValidationError("--max-article-bytes must be positive") }
        guard fetchTimeout > 0 else { throw ValidationError("--fetch-timeout must be positive") }
    }

    public func run() async throws {
        let pipeline = BriefingPipeline(
            limits: IngestLimits(maxArticleBytes: maxArticleBytes),
            summary: ExtractiveSummarizer.Options(maxSentences: sentences ?? (words == nil ? 5 : Int.max), maxWords: words))
        // URLs are fetched first, concurrently; their documents join the files as one batch.
        let urls = paths.filter(WebFetcher.looksLikeURL)
        let live = await FetchCommandOptions.resolve(urls, maxBodyBytes: maxArticleBytes, timeoutSeconds: fetchTimeout)
        for problem in live.diagnostics { StandardError.write("synoptic: \(problem)\n") }
        var briefing = pipeline.run(
            paths.filter { !WebFetcher.looksLikeURL($0) }, documents: live.documents,
            diagnostic: { problem in
                StandardError.write("synoptic: \(problem)\n")
            })
        briefing.diagnostics = live.diagnostics + briefing.diagnostics
        let rendered = try format.output.render(briefing)
        if let out {
            do {
                try Data(rendered.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
            } catch {
                throw RuntimeError("cannot write \(out): \(error.localizedDescription)")
            }
        } else {
            FileHandle.standardOutput.write(Data(rendered.utf8))
        }
        if briefing.articles.isEmpty {
            StandardError.write("synoptic: no article could be read\n")
            throw ExitCode(2)
        }
        if !briefing.diagnostics.isEmpty { throw ExitCode(1) }
    }
}

/// An error whose message is the whole story.
struct RuntimeError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

enum StandardError {
    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
