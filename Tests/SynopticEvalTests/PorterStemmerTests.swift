import Foundation
import SynopticCore
import SynopticEval
import SynopticTestSupport
import Testing

@Suite struct PorterStemmerTests {
    let stemmer = PorterStemmer()

    @Test func inventedWordsGoThroughEveryStep() {
        // Made-up words, so no list of real words is being matched: each takes the rules it spells.
        let cases = [
            "glorpings": "glorp", "zindled": "zindl", "frobnications": "frobnic", "quibbly": "quibbl", "snarfulness": "snar",
            "blenticity": "blentic", "trazzling": "trazzl", "vexomatically": "vexomat", "plonkerism": "plonker", "yyyy": "yyyi",
        ]
        for (word, stem) in cases { #expect(stemmer.stem(word) == stem, "\(word)") }
    }

    @Test func nltkExtensionsDifferFromThe1980Algorithm() {
        #expect(stemmer.stem("dies") == "die")  // four-letter -ies keeps -ie
        #expect(stemmer.stem("died") == "die")  // four-letter -ied keeps -ie
        #expect(stemmer.stem("cried") == "cri")
        #expect(stemmer.stem("dying") == "die")  // an irregular form
        #expect(stemmer.stem("skies") == "sky")
        #expect(stemmer.stem("news") == "news")
        #expect(stemmer.stem("happy") == "happi")  // y → i after a consonant
        #expect(stemmer.stem("enjoy") == "enjoy")  // but not after a vowel
        #expect(stemmer.stem("conformabli") == "conform")  // -bli → -ble
        #expect(stemmer.stem("radicalli") == "radic")  // -alli → -al, then the rest
        #expect(stemmer.stem("archaeology") == "archaeolog")  // -logi → -log
        #expect(stemmer.stem("By") == "by")  // two letters: lowercased only
        #expect(stemmer.stem("Generalizations") == "gener")
    }

    @Test func everyTokenOfNeuSValStemsAsNLTKDoes() throws {
        guard let root = SharedData.root else {
            print("notice: ../shared is absent; skipping the NLTK stem comparison")
            return
        }
        let neus = root.appendingPathComponent("data/summaries/neus")
        var words = Set<String>()
        let tokenizer = RougeTokenizer(stems: false)
        for name in ["val.source", "val.target"] {
            let text = try String(contentsOf: neus.appendingPathComponent(name), encoding: .utf8)
            for token in tokenizer.tokens(text) where token.count > 3 { words.insert(token) }
        }
        let list = words.sorted()
        let program = """
            import sys
            from nltk.stem.porter import PorterStemmer
            stemmer = PorterStemmer()
            print("\\n".join(stemmer.stem(w) for w in open(sys.argv[1]).read().split("\\n")))
            """
        guard
            let output = try PythonReference.output(
                of: program, input: Data(list.joined(separator: "\n").utf8), module: "nltk.stem.porter", skipping: "the NLTK stem comparison")
        else { return }
        let expected = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        try #require(expected.count >= list.count)
        let wrong = list.indices.filter { stemmer.stem(list[$0]) != expected[$0] }
        #expect(list.count > 5_000)
        #expect(
            wrong.isEmpty,
            "\(wrong.count) of \(list.count) differ: \(wrong.prefix(20).map { "\(list[$0]) → \(stemmer.stem(list[$0])), NLTK \(expected[$0])" })")
    }
}
