import Foundation
import SynopticCore
import SynopticIngest
import SynopticTestSupport
import SynopticText
import Testing

/// The hard segmentation cases as they occur in the real seed reports (read in place from
/// `../shared/seeds`; skipped with a notice when absent). The checks are structural, so they hold
/// for any news text, not just these five.
@Suite("Segmentation of the seed reports")
struct SeedSegmentationTests {
    static let articles: [(path: String, original: String, article: Article)] = {
        guard let paths = SharedData.seedPaths(for: "seed segmentation tests") else { return [] }
        return paths.map { path in
            let bytes = [UInt8](FileManager.default.contents(atPath: path) ?? Data())
            let text = (try? TextDecoder.decode(bytes).text) ?? ""
            return (path, text, ArticleAssembler().assemble(id: path, provenance: Provenance(origin: .textFile, path: path), original: text))
        }
    }()

    static let titles: Set<String> = ["Mr", "Ms", "Mrs", "Dr", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "St"]

    @Test("no sentence ends on a title, an initial or a month abbreviation")
    func noFalseBreaks() {
        for (path, _, article) in Self.articles {
            for index in article.sentences.indices {
                let text = String(article.sentenceText(index))
                let lastWord = text.split(separator: " ").last.map(String.init) ?? ""
                let bare = lastWord.trimmingCharacters(in: CharacterSet(charactersIn: ".”’"))
                let isInitial = bare.count == 1 && bare.first!.isUppercase && lastWord.hasSuffix(".")
                #expect(!Self.titles.contains(bare) || !lastWord.hasSuffix("."), "\(path): ends on a title: \(text)")
                #expect(!isInitial, "\(path): ends on an initial: \(text)")
                #expect(!["Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."].contains(lastWord), "\(path): \(text)")
            }
        }
    }

    @Test("no sentence starts in lower case or with a closing quotation mark")
    func startsCleanly() {
        for (path, _, article) in Self.articles {
            for index in article.sentences.indices {
                let text = article.sentenceText(index)
                guard let first = text.unicodeScalars.first else { continue }
                #expect(!first.properties.isLowercase, "\(path): \(text)")
                #expect(first != "\u{201D}", "\(path): \(text)")
            }
        }
    }

    @Test("no quotation is cut: each sentence closes every quotation it opens, unless its paragraph leaves it open")
    func quotationsWhole() {
        for (path, _, article) in Self.articles {
            for block in article.blocks {
                let blockText = article[block.span]
                let opens = blockText.filter { $0 == "\u{201C}" }.count
                let closes = blockText.filter { $0 == "\u{201D}" }.count
                guard opens == closes else { continue }  // a quotation running on into the next paragraph
                for index in block.sentences {
                    let text = article.sentenceText(index)
                    var depth = 0
                    for c in text {
                        if c == "\u{201C}" { depth += 1 }
                        if c == "\u{201D}" { depth -= 1 }
                        #expect(depth >= 0, "\(path): closes a quotation it did not open: \(text)")
                    }
                    #expect(depth == 0, "\(path): leaves a quotation open: \(text)")
                }
            }
        }
    }

    @Test("the doubled closing quote some outlets use becomes a closing double quote")
    func doubledQuotes() {
        for (path, original, article) in Self.articles where original.contains("\u{2019}\u{2019}") {
            #expect(!article.body.contains("\u{2019}\u{2019}"), "\(path)")
            // Every ’’ of the original maps into the body as ”.
            let scalars = Array(original.unicodeScalars)
            var found = 0
            for (offset, scalar) in article.text.string.unicodeScalars.enumerated() where scalar == "\u{201D}" {
                let back = article.sourceMap.sourceOffset(for: offset)
                if back + 1 < scalars.count, scalars[back] == "\u{2019}", scalars[back + 1] == "\u{2019}" { found += 1 }
            }
            #expect(found >= 1, "\(path)")
        }
    }

    @Test("a paragraph that is a quotation with its attribution stays one unit")
    func quotationUnits() {
        var units = 0
        for (_, _, article) in Self.articles {
            for sentence in article.sentences where sentence.isQuotation {
                let text = article[sentence.span]
                #expect(text.hasPrefix("\u{201C}"))
                if text.filter({ $0 == "\u{201C}" }).count >= 2 { units += 1 }
            }
        }
        if !Self.articles.isEmpty { #expect(units >= 3) }
    }

    @Test("datelines are found where the lead carries one")
    func datelines() {
        for (path, _, article) in Self.articles {
            let lead = article.blocks.filter { $0.kind == .paragraph }.prefix(3).map { String(article[$0.span]) }
            let hasDash = lead.contains { line in
                let words = line.split(separator: " ")
                return words.count > 1 && words[0].allSatisfy { $0.isUppercase } && words[0].count > 2 && words[1] == "—"
            }
            #expect(hasDash == (article.dateline != nil), "\(path): \(article.dateline ?? "none")")
            if let place = article.dateline { #expect(place.allSatisfy { $0.isUppercase || $0 == " " }) }
        }
    }

    @Test("every sentence maps back to its text in the original")
    func mapsBack() {
        for (path, original, article) in Self.articles {
            let scalars = Array(original.unicodeScalars)
            for sentence in article.sentences {
                let source = article.sourceMap.sourceSpan(for: sentence.span)
                let back = TextNormalizer().normalize(String(String.UnicodeScalarView(scalars[source.start..<source.end]))).string
                #expect(back == String(article[sentence.span]), "\(path)")
            }
        }
    }
}
