import ArgumentParser
import Foundation
import SynopticEval

/// `synoptic eval STAGE`: scores a stage on public data, beside peers run in the same process.
public struct EvalCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score a stage on public benchmark data.",
        subcommands: [EvalSentencesCommand.self])

    public init() {}
}

/// `synoptic eval sentences`
public struct EvalSentencesCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "sentences",
        abstract: "Sentence segmentation against the gold sentences of the SemEval-2015 TimeLine corpus.",
        discussion: """
            Reads ../shared/data/temporal/timeline-semeval2015/corpus_1 (Wikinews articles given as \
            tokens with sentence numbers), rebuilds each article body as printed text, and scores the \
            sentence boundaries Synoptic finds: precision, recall and F1. Scored twice: splitting \
            grammatical sentences everywhere (what the gold counts), and as briefings use it (quoted \
            passages never cut). With --peers, pySBD and spaCy's sentencizer are scored on the same \
            texts in the same run.
            """)

    @Option(help: "The public data folder (default: ../shared/data beside the repository).")
    public var data: String?

    @Option(help: "A Python with pysbd and/or spacy installed, to score the peers in the same run.")
    public var peers: String?

    public init() {}

    public func run() throws {
        guard let root = data.map({ URL(fileURLWithPath: $0) }) ?? SharedDataLocator.dataDirectory() else {
            throw RuntimeError("cannot find ../shared/data; pass --data PATH")
        }
        let corpus = root.appendingPathComponent("temporal/timeline-semeval2015/corpus_1")
        let items = try SentenceEvaluation.loadTimeLineCorpus(corpus)
        guard !items.isEmpty else { throw RuntimeError("no CAT documents under \(corpus.path)") }
        let gold = items.reduce(0) { $0 + $1.boundaries.count }
        print("Sentence segmentation, SemEval-2015 TimeLine corpus 1 (Wikinews): \(items.count) article bodies, \(gold) gold boundaries")
        let evaluation = SentenceEvaluation()
        print("  synoptic (grammatical sentences)     \(evaluation.score(items, keepsQuotationsWhole: false))")
        print("  synoptic (briefing: quotes kept whole) \(evaluation.score(items, keepsQuotationsWhole: true))")
        if let peers {
            try PeerRunner.run(python: peers, arguments: ["--eval"], items: items.map { ["text": $0.text, "boundaries": $0.boundaries] }) { result in
                guard let name = result["peer"] as? String else { return }
                if result["missing"] != nil {
                    print("  \(name): not installed (pip install pysbd spacy)")
                    return
                }
                let p = result["precision"] as? Double ?? 0, r = result["recall"] as? Double ?? 0, f = result["f1"] as? Double ?? 0
                print("  \(name.padding(toLength: 37, withPad: " ", startingAt: 0)) " + String(format: "P %.3f  R %.3f  F1 %.3f", p, r, f))
            }
        }
    }
}

/// Finds the repository's `../shared/data` from the working directory.
enum SharedDataLocator {
    static func dataDirectory() -> URL? {
        var dir = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        for _ in 0..<8 {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
                let data = dir.deletingLastPathComponent().appendingPathComponent("shared/data")
                return FileManager.default.fileExists(atPath: data.path) ? data : nil
            }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }

    static func repositoryRoot() -> URL? {
        var dir = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        for _ in 0..<8 {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Benchmarks/peers").path) { return dir }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }
}

/// Runs `Benchmarks/peers/segment_peers.py` with the given Python on items written as JSON Lines.
enum PeerRunner {
    static func run(python: String, arguments: [String], items: [[String: Any]], each: ([String: Any]) -> Void) throws {
        guard let root = SharedDataLocator.repositoryRoot() else { throw RuntimeError("run from the repository to use --peers") }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("synoptic-peers-\(getpid()).jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        var data = Data()
        for item in items {
            data.append(try JSONSerialization.data(withJSONObject: item))
            data.append(0x0A)
        }
        try data.write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, root.appendingPathComponent("Benchmarks/peers/segment_peers.py").path] + arguments + [file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        for line in String(decoding: output, as: UTF8.self).split(separator: "\n") {
            if let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] { each(object) }
        }
    }
}
