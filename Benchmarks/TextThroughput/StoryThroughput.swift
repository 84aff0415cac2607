import Foundation
import Synoptic
import SynopticEval

/// Scale of story clustering (`synoptic-bench --stories`): 10,000, 30,000 and 100,000 articles,
/// each count in a fresh process of its own so that its peak memory is its own.
///
/// The articles are real bodies from the public data (PolNeAR, the scrapinghub ground truth, NeuS
/// and AllSides) and, past their number, variants of them: some paragraphs dropped, two swapped, a
/// paragraph of another article inserted, a few words changed, dated within two days of the
/// original, which is given a day of its own in one year. What is timed is the stage itself: each
/// article's features (``StoryFeatures``) and the clustering of the batch
/// (``StoryClusterer/cluster(_:options:)``); writing the variants is not.
enum StoryThroughput {
    static let defaultCounts = [10_000, 30_000, 100_000]

    /// Runs each count in a child process and prints the table and the growth exponent.
    static func run(dataPath: String, counts: [Int]) throws {
        print("Story clustering: real article bodies and generated variants, one thread, each count in its own process")
        print("  articles    seconds   articles/s   stories   peak memory")
        var points: [(n: Double, seconds: Double)] = []
        for count in counts {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
            process.arguments = ["--stories-child", "\(count)", "--data", dataPath]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let output = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard let line = String(decoding: output, as: UTF8.self).split(separator: "\n").last,
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let seconds = object["seconds"] as? Double, let stories = object["stories"] as? Int, let peak = object["peak_mb"] as? Double
            else {
                print("  \(count): the child process printed no result")
                continue
            }
            points.append((Double(count), seconds))
            print(
                String(
                    format: "  %8d   %8.2f   %10.0f   %7d   %8.0f MB", count, seconds, Double(count) / seconds, stories, peak))
        }
        if points.count >= 2 {
            // Least squares slope of log(seconds) on log(n): 1 is linear, 2 quadratic.
            let xs = points.map { log($0.n) }
            let ys = points.map { log($0.seconds) }
            let mx = xs.reduce(0, +) / Double(xs.count)
            let my = ys.reduce(0, +) / Double(ys.count)
            let slope = zip(xs, ys).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) } / xs.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }
            print(String(format: "  growth exponent (time ∝ n^k): k = %.2f", slope))
        }
    }

    /// One count: builds the articles' features, clusters them, prints one JSON line.
    static func child(count: Int, texts: [String]) {
        precondition(!texts.isEmpty)
        let bases = texts.map { text -> (title: String, paragraphs: [String]) in
            var paragraphs = text.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let title = paragraphs.isEmpty ? "" : paragraphs.removeFirst()
            return (title, paragraphs)
        }
        var features: [StoryFeatures] = []
        features.reserveCapacity(count)
        var featureSeconds = 0.0
        var generator = SplitMix64(seed: 2031)
        for index in 0..<count {
            let base = index % bases.count
            let variant = index / bases.count
            let (title, paragraphs) = variantText(
                of: bases[base], number: variant, other: bases[Int(generator.next() % UInt64(bases.count))], &generator)
            let day = 20_000 + Int(WordHashes.mix(UInt64(base)) % 365) + (variant == 0 ? 0 : Int(generator.next() % 5) - 2)
            let date = CivilDate(dayNumber: day).iso
            let start = DispatchTime.now().uptimeNanoseconds
            features.append(StoryFeatures(title: title, paragraphs: paragraphs, published: date))
            featureSeconds += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }
        let start = DispatchTime.now().uptimeNanoseconds
        let stories = StoryClusterer.cluster(features)
        let clusterSeconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        var usage = rusage()
        getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
        let result: [String: Any] = [
            "articles": count, "seconds": featureSeconds + clusterSeconds, "feature_seconds": featureSeconds,
            "cluster_seconds": clusterSeconds, "stories": stories.count, "peak_mb": Double(usage.ru_maxrss) / 1024,
        ]
        if let data = try? JSONSerialization.data(withJSONObject: result) { print(String(decoding: data, as: UTF8.self)) }
    }

    /// The original for `number` 0; otherwise a variant: about a fifth of the paragraphs dropped,
    /// two swapped, one from `other` inserted, one word in fifty replaced, the headline's last
    /// word changed.
    static func variantText(
        of base: (title: String, paragraphs: [String]), number: Int, other: (title: String, paragraphs: [String]), _ generator: inout SplitMix64
    ) -> (String, [String]) {
        guard number > 0 else { return base }
        var paragraphs = base.paragraphs.filter { _ in generator.next() % 5 != 0 }
        if paragraphs.count >= 2 {
            let a = Int(generator.next() % UInt64(paragraphs.count))
            let b = Int(generator.next() % UInt64(paragraphs.count))
            paragraphs.swapAt(a, b)
        }
        if let inserted = other.paragraphs.first {
            paragraphs.insert(inserted, at: Int(generator.next() % UInt64(paragraphs.count + 1)))
        }
        let replacements = ["reportedly", "officials", "Tuesday", "sharply", "again", "later"]
        paragraphs = paragraphs.map { paragraph in
            paragraph.split(separator: " ").map { word in
                generator.next() % 50 == 0 ? replacements[Int(generator.next() % UInt64(replacements.count))] : String(word)
            }.joined(separator: " ")
        }
        var title = base.title.split(separator: " ").map(String.init)
        if !title.isEmpty { title[title.count - 1] = "update \(number)" }
        return (title.joined(separator: " "), paragraphs)
    }
}
