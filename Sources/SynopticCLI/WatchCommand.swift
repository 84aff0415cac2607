import ArgumentParser
import Dispatch
import Foundation
import Synoptic
import SynopticSources
import SynopticStore

/// `synoptic watch FEED... [--every 10m] [--state FILE] [--once] [--out FILE]`
public struct WatchCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Poll RSS or Atom feeds: store each new item in its story (--db), or print its clean article as JSON Lines.",
        discussion: """
            Each round fetches every FEED (with If-None-Match / If-Modified-Since once it has been seen), \
            fetches the page of each item not seen before (the feed's own content stands in when the page \
            fails), cleans it as brief does and writes it as one JSON line (the article object of the JSON \
            contract). Items already seen are remembered in the --state file, so a restarted watch goes on \
            where it stopped. With --db, new items are ingested into the store instead (as synoptic ingest \
            does: each article in its own transaction, joining the stories already there). Runs until \
            interrupted (SIGINT or SIGTERM end it cleanly), or one round with --once.
            """)

    @Argument(help: "http(s) URLs of RSS or Atom feeds.")
    public var feeds: [String]

    @Option(help: "Time between rounds: 90s, 10m, 1h, 1h30m, or seconds.")
    public var every: WatchInterval = WatchInterval(seconds: 600)

    @Option(help: "JSON file remembering each feed's seen items and validators.")
    public var state: String = ".synoptic-feeds.json"

    @Flag(help: "Poll once and exit.")
    public var once = false

    @Option(name: .shortAndLong, help: "Append the JSON lines to this file instead of standard output.")
    public var out: String?

    @Option(help: "Ingest new items into this store (a SQLite file or a postgres:// URL) instead of printing them.")
    public var db: String?

    @Option(help: "Largest page or feed read, in bytes.")
    public var maxArticleBytes: Int = IngestLimits.default.maxArticleBytes

    @Option(help: "Longest time for fetching one URL, in seconds.")
    public var fetchTimeout: Int = 30

    public init() {}

    public func validate() throws {
        for feed in feeds where !WebFetcher.isWebURL(feed) {
            throw ValidationError("\(feed) is not an http(s) URL; watch reads feeds from the web")
        }
        guard maxArticleBytes > 0 else { throw ValidationError("--max-article-bytes must be positive") }
        guard fetchTimeout > 0 else { throw ValidationError("--fetch-timeout must be positive") }
    }

    public func run() async throws {
        let sink: LineSink
        if let out {
            guard FileManager.default.fileExists(atPath: out) || FileManager.default.createFile(atPath: out, contents: nil),
                let handle = FileHandle(forWritingAtPath: out)
            else { throw RuntimeError("cannot write \(out)") }
            handle.seekToEndOfFile()
            sink = LineSink(handle: handle)
        } else {
            sink = LineSink(handle: FileHandle.standardOutput)
        }
        let limits = IngestLimits(maxArticleBytes: maxArticleBytes)
        let options = FetchCommandOptions.fetchOptions(maxBodyBytes: maxArticleBytes, timeoutSeconds: fetchTimeout)
        let store = JSONFileFeedStateStore(path: state)
        let feeds = feeds, interval = every.duration, once = once
        let problems = ProblemCounter()
        var library: StoryLibrary?
        if let db { library = try await StoreOptions(db: db).library(creating: true) }
        let storeLibrary = library
        try await WebFetcher.withFetcher(options: options) { fetcher in
            let poller = FeedPoller(fetcher: fetcher, store: store)
            let watching = Task {
                await poller.watch(
                    feeds, every: interval, once: once,
                    deliver: { delivery in
                        if let library = storeLibrary {
                            let report = try await library.ingest(delivery.documents)
                            for problem in report.diagnostics { StandardError.write("synoptic: \(problem)\n") }
                            StandardError.write(
                                "synoptic: \(delivery.feedURL): \(delivery.items.count) new item(s), stored \(report.stored), "
                                    + "duplicates \(report.duplicates), stories touched \(report.storiesTouched.count)\n")
                            return
                        }
                        let articles = BriefingPipeline(limits: limits).cleanArticles([], documents: delivery.documents) { problem in
                            StandardError.write("synoptic: \(problem)\n")
                        }
                        try await sink.write(articles)
                        StandardError.write("synoptic: \(delivery.feedURL): \(delivery.items.count) new item(s), \(articles.count) article(s)\n")
                    },
                    diagnostic: { problem in
                        await problems.add()
                        StandardError.write("synoptic: \(problem)\n")
                    })
            }
            let stop = SignalWatch(signals: [SIGINT, SIGTERM]) { watching.cancel() }
            await watching.value
            stop.cancel()
        }
        if once, await problems.count > 0 { throw ExitCode(1) }
    }
}

/// A poll interval on the command line: `90s`, `10m`, `1h`, `1h30m`, or plain seconds.
public struct WatchInterval: ExpressibleByArgument, Sendable {
    public var seconds: Int
    public var duration: Duration { .seconds(seconds) }

    public init(seconds: Int) { self.seconds = seconds }

    public init?(argument: String) {
        let text = argument.lowercased()
        if let plain = Int(text) {
            guard plain >= 1 else { return nil }
            seconds = plain
            return
        }
        var total = 0
        var number = ""
        for character in text {
            if character.isNumber {
                number.append(character)
                continue
            }
            guard let value = Int(number) else { return nil }
            switch character {
            case "s": total += value
            case "m": total += value * 60
            case "h": total += value * 3600
            case "d": total += value * 86_400
            default: return nil
            }
            number = ""
        }
        guard number.isEmpty, total >= 1 else { return nil }
        seconds = total
    }

    public var defaultValueDescription: String { seconds % 60 == 0 ? "\(seconds / 60)m" : "\(seconds)s" }
}

/// Writes articles as JSON lines, one writer at a time.
actor LineSink {
    let handle: FileHandle
    private let encoder: JSONEncoder

    init(handle: FileHandle) {
        self.handle = handle
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    }

    func write(_ articles: [Article]) throws {
        var text = ""
        for article in articles { text += String(decoding: try encoder.encode(ArticleRecord(article)), as: UTF8.self) + "\n" }
        handle.write(Data(text.utf8))
    }
}

actor ProblemCounter {
    private(set) var count = 0
    func add() { count += 1 }
}

/// Runs `handler` once when one of `signals` arrives (instead of the default exit), so a watch can
/// finish its writes and shut its connections down.
final class SignalWatch {
    private let sources: [any DispatchSourceSignal]

    init(signals: [Int32], handler: @escaping @Sendable () -> Void) {
        let queue = DispatchQueue(label: "synoptic.signals")
        sources = signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler(handler: handler)
            source.resume()
            return source
        }
    }

    func cancel() {
        for source in sources { source.cancel() }
    }
}
