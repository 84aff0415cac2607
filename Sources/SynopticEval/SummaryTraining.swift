import Foundation
import SynopticCore
import SynopticExtract
import SynopticSynthesis

/// Fits the summary model (``SummaryModel``) on stories with reference summaries.
///
/// Each story's positives are its greedy ROUGE oracle: starting from nothing, the eligible sentence
/// that most raises ROUGE-1 + ROUGE-2 F1 of the summary (cut at the reference's length, as the
/// evaluation cuts) is added, until the budget is full or no sentence helps. Every other eligible
/// sentence is a negative. A logistic regression with a small L2 penalty is then fitted by Newton's
/// method over all stories' rows. Only the train split is ever used to fit.
public enum SummaryTraining {
    /// The oracle's sentences, as indices into the candidates.
    static func oracle(features: SummaryFeatures, reference: [Int], words budget: Int, tokenIDs: (String) -> [Int]) -> Set<Int> {
        // Each candidate's tokens, word by word, so a summary can be cut at the budget in words.
        let candidates = features.candidates
        let tokensByWord: [[[Int]]] = candidates.map { candidate in
            candidate.text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).map { tokenIDs(String($0)) }
        }
        func score(_ picks: [Int]) -> Double {
            var tokens: [Int] = []
            var words = 0
            outer: for pick in picks {
                for word in tokensByWord[pick] {
                    guard words < budget else { break outer }
                    tokens += word
                    words += 1
                }
            }
            return Rouge.ngrams(reference: reference, candidate: tokens, n: 1).f1 + Rouge.ngrams(reference: reference, candidate: tokens, n: 2).f1
        }
        var chosen: [Int] = []
        var current = 0.0
        var used = 0
        while used < budget {
            var best: Int?
            var bestScore = current
            for i in candidates.indices where candidates[i].eligible && !chosen.contains(i) {
                let value = score(chosen + [i])
                if value > bestScore {
                    bestScore = value
                    best = i
                }
            }
            guard let pick = best else { break }
            chosen.append(pick)
            current = bestScore
            used += candidates[pick].words
        }
        return Set(chosen)
    }

    /// Fits the model's weights on `stories`.
    public static func fit(
        _ stories: [SummaryEvaluation.Story], penalty: Double = 1, trimming: SentenceTrimmer.Rules = ExtractiveSummarizer.Options.defaultTrimming,
        progress: (Int) -> Void = { _ in }
    ) -> SummaryModel {
        let tokenizer = RougeTokenizer()
        var vocabulary: [String: Int] = [:]
        func ids(_ text: String) -> [Int] {
            tokenizer.tokens(text).map { token in
                if let id = vocabulary[token] { return id }
                vocabulary[token] = vocabulary.count
                return vocabulary.count - 1
            }
        }
        var rows: [[Double]] = []
        var labels: [Double] = []
        for (k, story) in stories.enumerated() {
            let features = SummaryFeatures(articles: story.articles, trimming: trimming)
            let positives = oracle(features: features, reference: ids(story.reference), words: story.words, tokenIDs: ids)
            for (i, candidate) in features.candidates.enumerated() where candidate.eligible {
                rows.append(features.rows[i])
                labels.append(positives.contains(i) ? 1 : 0)
            }
            if k % 200 == 199 { progress(k + 1) }
        }
        return SummaryModel(weights: logistic(rows: rows, labels: labels, penalty: penalty))
    }

    /// Refines a model by coordinate ascent on the mean ROUGE-1 + ROUGE-2 F1 of the summaries it
    /// selects on `stories` (a train sample), starting from the logistic fit: the oracle's labels
    /// are only a proxy for what the selection, with its redundancy penalty and budget, makes of
    /// the scores. Each weight in turn moves by ±step while that helps; steps halve each round.
    public static func refine(
        _ model: SummaryModel, on stories: [SummaryEvaluation.Story], rounds: Int = 3,
        trimming: SentenceTrimmer.Rules = ExtractiveSummarizer.Options.defaultTrimming, progress: (Int, Double) -> Void = { _, _ in }
    ) -> SummaryModel {
        let rouge = Rouge()
        let prepared = stories.map { story in
            (
                story: story, features: SummaryFeatures(articles: story.articles, trimming: trimming),
                reference: rouge.tokenizer.tokens(story.reference)
            )
        }
        func objective(_ model: SummaryModel) -> Double {
            var total = 0.0
            for item in prepared {
                let summarizer = ExtractiveSummarizer(
                    options: .init(
                        maxSentences: 100, maxWords: item.story.words, order: .rank, fillsBudget: true, model: model, trimming: trimming))
                let text = SummaryEvaluation.truncate(
                    summarizer.summarize(item.story.articles, features: item.features).map(\.shownText), words: item.story.words)
                let scores = rouge.score(referenceTokens: item.reference, candidate: text)
                total += scores.rouge1.f1 + scores.rouge2.f1
            }
            return total / Double(max(prepared.count, 1))
        }
        var best = model
        var bestValue = objective(model)
        var step = 0.5
        for round in 0..<rounds {
            for k in best.weights.indices {
                for direction in [1.0, -1.0] {
                    var moved = true
                    while moved {
                        moved = false
                        var trial = best
                        trial.weights[k] += direction * step
                        let value = objective(trial)
                        if value > bestValue + 1e-6 {
                            best = trial
                            bestValue = value
                            moved = true
                        }
                    }
                }
            }
            progress(round + 1, bestValue)
            step /= 2
        }
        return best
    }

    /// Logistic regression by Newton's method with an L2 penalty (the bias is penalised too; with
    /// tens of thousands of rows the difference is nil).
    static func logistic(rows: [[Double]], labels: [Double], penalty: Double, iterations: Int = 25) -> [Double] {
        let d = SummaryFeatures.names.count
        var w = [Double](repeating: 0, count: d)
        guard !rows.isEmpty else { return w }
        for _ in 0..<iterations {
            var gradient = w.map { penalty * $0 }
            var hessian = (0..<d).map { i in (0..<d).map { j in i == j ? penalty : 0.0 } }
            for (row, y) in zip(rows, labels) {
                var z = 0.0
                for k in 0..<d { z += w[k] * row[k] }
                let p = 1 / (1 + exp(-z))
                let g = p - y
                let h = p * (1 - p)
                for i in 0..<d where row[i] != 0 {
                    gradient[i] += g * row[i]
                    for j in 0..<d where row[j] != 0 { hessian[i][j] += h * row[i] * row[j] }
                }
            }
            guard let step = solve(hessian, gradient) else { break }
            var change = 0.0
            for k in 0..<d {
                w[k] -= step[k]
                change = max(change, abs(step[k]))
            }
            if change < 1e-7 { break }
        }
        return w
    }

    /// Solves `a·x = b` by Gaussian elimination with partial pivoting; `nil` when singular.
    static func solve(_ a: [[Double]], _ b: [Double]) -> [Double]? {
        let n = b.count
        var m = a
        var v = b
        for column in 0..<n {
            guard let pivot = (column..<n).max(by: { abs(m[$0][column]) < abs(m[$1][column]) }), abs(m[pivot][column]) > 1e-12 else { return nil }
            m.swapAt(column, pivot)
            v.swapAt(column, pivot)
            for row in (column + 1)..<n {
                let factor = m[row][column] / m[column][column]
                guard factor != 0 else { continue }
                for k in column..<n { m[row][k] -= factor * m[column][k] }
                v[row] -= factor * v[column]
            }
        }
        var x = [Double](repeating: 0, count: n)
        for row in stride(from: n - 1, through: 0, by: -1) {
            var total = v[row]
            for k in (row + 1)..<n { total -= m[row][k] * x[k] }
            x[row] = total / m[row][row]
        }
        return x
    }

    /// Writes each story's candidates (article, position, text, words, eligibility, feature row),
    /// the articles' titles, the reference and the budget, and the candidates' pairwise cosines,
    /// one JSON object a line: for experiments with the model outside Swift.
    public static func dump(
        _ stories: [SummaryEvaluation.Story], to file: URL, trimming: SentenceTrimmer.Rules = ExtractiveSummarizer.Options.defaultTrimming
    ) throws {
        _ = FileManager.default.createFile(atPath: file.path, contents: nil)
        let handle = try FileHandle(forWritingTo: file)
        defer { try? handle.close() }
        for story in stories {
            let features = SummaryFeatures(articles: story.articles, trimming: trimming)
            let n = features.candidates.count
            let candidates: [[String: Any]] = features.candidates.enumerated().map { i, c in
                [
                    "a": c.article, "s": c.sentence, "p": c.position, "text": c.text, "words": c.words, "eligible": c.eligible,
                    "row": features.rows[i],
                ]
            }
            let cosines = (0..<n).map { i in (0..<n).map { j in (features.cosine(i, j) * 10000).rounded() / 10000 } }
            let object: [String: Any] = [
                "id": story.id, "budget": story.words, "reference": story.reference,
                "titles": story.articles.map { $0.title ?? "" }, "candidates": candidates, "cos": cosines,
            ]
            var data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            data.append(0x0A)
            try handle.write(contentsOf: data)
        }
    }

    /// The weights as Swift source, for ``SummaryModel/trained``.
    public static func swiftLiteral(_ model: SummaryModel) -> String {
        let lines = zip(SummaryFeatures.names, model.weights).map { name, weight in
            "        \(String(format: "%.4f", weight)),  // \(name)"
        }
        return "SummaryModel(weights: [\n" + lines.joined(separator: "\n") + "\n    ])"
    }
}
