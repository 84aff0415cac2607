import SynopticCore

/// The sentences of one story's articles with their TF-IDF term vectors: what alignment, the
/// timeline and the disagreements compare.
///
/// Only body sentences count (paragraphs, list items, block quotes), never headings. Words are
/// folded lightly (a plural "s" dropped) so "troop" and "troops", "talk" and "talks" meet.
struct StorySentences {
    struct Entry {
        /// Index into ``StorySentences/articles``.
        var article: Int
        /// Index into the article's ``Article/sentences``.
        var sentence: Int
        /// Order among the article's body sentences, from 0.
        var position: Int
        var span: TextSpan
        var text: String
        var words: Int
    }

    let articles: [Article]
    private(set) var entries: [Entry] = []
    private(set) var vectors: [TermVectors.Vector] = []
    /// Per entry, the figures its text writes that can tell one fact from another (see
    /// ``figureKeys(in:)``), sorted.
    private(set) var figures: [[String]] = []
    /// Where each article's entries start and end in ``entries``.
    private(set) var ranges: [Range<Int>] = []
    /// Entry index by article and sentence index (`nil` for headings).
    private var entryOfSentence: [[Int?]] = []

    /// - Parameter names: words of people's names, lower-cased, mapped to one term per person, so
    ///   that "Sergey V. Lavrov" and "Sergei Lavrov" share their terms (see ``nameTerms(for:)``).
    init(articles: [Article], names: [String: String] = [:], sentencesPerArticle: Int = 400) {
        self.articles = articles
        var words: [[String]] = []
        // Porter stems, so that "effective" and "effectiveness", "remains" and "remaining" meet;
        // each distinct word is stemmed once.
        let stemmer = PorterStemmer()
        var stems: [String: String] = [:]
        func term(_ word: String) -> String {
            if let name = names[word] { return name }
            if let known = stems[word] { return known }
            let stem = word.unicodeScalars.first.map { $0.properties.numericType != nil } ?? true ? word : stemmer.stem(word)
            stems[word] = stem
            return stem
        }
        for (a, article) in articles.enumerated() {
            let start = entries.count
            var position = 0
            var lookup = [Int?](repeating: nil, count: article.sentences.count)
            for (s, sentence) in article.sentences.enumerated() {
                guard position < sentencesPerArticle else { break }
                guard article.blocks.indices.contains(sentence.block), article.blocks[sentence.block].kind != .heading else { continue }
                let text = String(article[sentence.span])
                lookup[s] = entries.count
                entries.append(
                    Entry(article: a, sentence: s, position: position, span: sentence.span, text: text, words: WordCounter.count(in: text)))
                words.append(TermVectors.words(text).map(term))
                figures.append(Self.figureKeys(in: text))
                position += 1
            }
            ranges.append(start..<entries.count)
            entryOfSentence.append(lookup)
        }
        var terms = TermVectors()
        vectors = terms.vectors(for: words)
    }

    /// One term per person of the story for every word of their name and its variants (given
    /// names, transliterations, surnames); a word two people share is left as it is.
    static func nameTerms(for people: [Person]) -> [String: String] {
        var map: [String: String] = [:]
        var shared: Set<String> = []
        for (k, person) in people.enumerated() {
            let term = "\u{1}person\(k)"
            for form in [person.name] + person.aliases {
                for word in TermVectors.words(form) where word.count > 2 && !["mr", "mrs", "ms", "dr"].contains(word) {
                    if let existing = map[word], existing != term { shared.insert(word) } else { map[word] = term }
                }
            }
        }
        for word in shared { map[word] = nil }
        return map
    }

    /// The numbers of a sentence that identify a figure: digits with their inner "," and "."
    /// ("106,000", "3.4", "47" of "47%"), commas dropped; single digits and years (1900–2099
    /// written without a comma) are left out, being shared by sentences about different things.
    static func figureKeys(in text: String) -> [String] {
        var keys: Set<String> = []
        var current = ""
        var digits = 0
        func flush() {
            while let last = current.last, last == "." || last == "," { current.removeLast() }
            let plain = current.filter { $0 != "," }
            let isYear = !current.contains(",") && plain.count == 4 && (plain.hasPrefix("19") || plain.hasPrefix("20"))
            if digits >= 2 && !isYear { keys.insert(String(plain)) }
            current = ""
            digits = 0
        }
        for scalar in text.unicodeScalars {
            if scalar.value >= 0x30 && scalar.value <= 0x39 {
                current.unicodeScalars.append(scalar)
                digits += 1
            } else if !current.isEmpty && (scalar == "," || scalar == ".") {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                flush()
            }
        }
        if !current.isEmpty { flush() }
        return keys.sorted()
    }

    /// Whether entries `i` and `j` write a figure in common.
    func shareFigure(_ i: Int, _ j: Int) -> Bool {
        let a = figures[i], b = figures[j]
        guard !a.isEmpty, !b.isEmpty else { return false }
        return a.contains { b.contains($0) }
    }

    /// Drops a plural "s" ("troops" → "troop"), keeping "ss" endings and short words.
    static func fold(_ word: String) -> String {
        guard word.utf8.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss"), !word.hasSuffix("us"), !word.hasSuffix("is") else {
            return word
        }
        return String(word.dropLast())
    }

    /// Every pair of sentences from different articles whose cosine reaches `threshold`, as
    /// `(i, j, cosine)` with `i < j`, sorted by cosine, highest first (ties by index).
    ///
    /// Dot products accumulate over an inverted index, so sentences that share no term are never
    /// compared. In very large stories, terms found in more than a twentieth of the sentences are
    /// left out of the search (not of the cosine): they carry little weight, and their postings
    /// would make the search quadratic.
    func similarPairs(threshold: Double) -> [(i: Int, j: Int, cosine: Double)] {
        let n = entries.count
        guard n > 1 else { return [] }
        var postings: [Int: [(entry: Int, weight: Double)]] = [:]
        for (i, vector) in vectors.enumerated() where vector.norm > 0 {
            for entry in vector.entries { postings[entry.id, default: []].append((i, entry.weight / vector.norm)) }
        }
        let cap = n <= 4000 ? n : max(200, n / 20)
        let exact = n <= 4000
        var dot = [Double](repeating: 0, count: n)
        var touched: [Int] = []
        var pairs: [(i: Int, j: Int, cosine: Double)] = []
        for i in 0..<n where vectors[i].norm > 0 {
            let article = entries[i].article
            for entry in vectors[i].entries {
                guard let list = postings[entry.id], list.count <= cap else { continue }
                let w = entry.weight / vectors[i].norm
                for other in list where other.entry > i && entries[other.entry].article != article {
                    if dot[other.entry] == 0 { touched.append(other.entry) }
                    dot[other.entry] += w * other.weight
                }
            }
            for j in touched.sorted() {
                let cosine = exact ? dot[j] : vectors[i].cosine(vectors[j])
                if cosine >= threshold { pairs.append((i, j, cosine)) }
                dot[j] = 0
            }
            touched.removeAll(keepingCapacity: true)
        }
        pairs.sort { $0.cosine != $1.cosine ? $0.cosine > $1.cosine : ($0.i, $0.j) < ($1.i, $1.j) }
        return pairs
    }

    /// The entry of an article's sentence, `nil` for a heading or a sentence past the limit.
    func entryIndex(article: Int, sentence: Int) -> Int? {
        entryOfSentence[article].indices.contains(sentence) ? entryOfSentence[article][sentence] : nil
    }

    /// The entry whose sentence holds a span of an article, if any.
    func entry(holding span: TextSpan, article a: Int) -> Int? {
        let list = articles[a].sentences
        var low = 0
        var high = list.count
        while low < high {
            let mid = (low + high) / 2
            if list[mid].span.end <= span.start { low = mid + 1 } else { high = mid }
        }
        guard low < list.count, list[low].span.contains(span) else { return nil }
        return entryIndex(article: a, sentence: low)
    }

    /// The source reference of an entry.
    func reference(_ index: Int) -> SourceReference {
        SourceReference(article: articles[entries[index].article].id, span: entries[index].span)
    }
}
