import Foundation
import Synoptic

/// Throughput of the extraction stage (`synoptic-bench --extract`): entities, quotations and
/// speakers, figures and time expressions over whole real articles (PolNeAR and the scrapinghub
/// ground truth), already assembled into articles (assembly is not timed). One thread, best of
/// `runs`; each extractor is also timed alone over the same shared tokens.
enum ExtractionThroughput {
    static func run(texts: [String], runs: Int) {
        let assembler = ArticleAssembler()
        let articles = texts.enumerated().map { index, text in
            assembler.assemble(id: "a\(index)", provenance: Provenance(origin: .textFile, published: "2022-01-14"), original: text)
        }
        let bytes = articles.reduce(0) { $0 + $1.body.utf8.count }
        print("Extraction stage: \(articles.count) articles, \(Bench.mb(bytes)) MB of clean text, best of \(runs) runs, one thread")
        let extractor = ArticleExtractor()
        var tokenized: [TokenizedText] = []
        let tokenize = HTMLThroughput.bestSeconds(runs) { tokenized = articles.map(TokenizedText.init(article:)) }
        var count = 0
        let anchor = TimeAnchor(iso8601: "2022-01-14")
        let all = HTMLThroughput.bestSeconds(runs) {
            count = articles.reduce(0) { total, article in
                let a = extractor.annotations(of: article)
                return total + a.entities.count + a.quotes.count + a.figures.count + a.times.count
            }
        }
        var entities = 0
        let recognize = HTMLThroughput.bestSeconds(runs) {
            entities = tokenized.reduce(0) { $0 + extractor.entities.recognize($1).entities.count }
        }
        var quotes = 0
        let attribute = HTMLThroughput.bestSeconds(runs) { quotes = tokenized.reduce(0) { $0 + extractor.annotations(of: $1).quotes.count } }
        var figures = 0
        let figure = HTMLThroughput.bestSeconds(runs) { figures = tokenized.reduce(0) { $0 + extractor.figures.figures(in: $1).count } }
        var times = 0
        let time = HTMLThroughput.bestSeconds(runs) { times = tokenized.reduce(0) { $0 + extractor.times.tag($1, anchor: anchor).count } }
        func line(_ label: String, _ seconds: Double, _ detail: String) {
            print(
                "  " + label.padding(toLength: 52, withPad: " ", startingAt: 0) + String(format: "%7.1f MB/s", Double(bytes) / 1e6 / seconds) + "   "
                    + detail)
        }
        line("whole stage (tokens, entities, quotes, figures, time)", all, "\(count) annotations")
        line("  tokenize", tokenize, "\(tokenized.reduce(0) { $0 + $1.tokens.count }) tokens")
        line("  entities (on tokens)", recognize, "\(entities) entities")
        line("  entities + quotes (on tokens)", attribute, "\(quotes) quotes")
        line("  figures (on tokens)", figure, "\(figures) figures")
        line("  time expressions (on tokens)", time, "\(times) expressions")
    }
}
