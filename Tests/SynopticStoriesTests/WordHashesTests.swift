import Testing

@testable import SynopticStories

@Suite struct WordHashesTests {
    @Test func wordsCompareWithoutCaseOrQuoteStyle() {
        let a = WordHashes.of("Russia’s envoy, Mr. LAVROV, said 106,000.")
        let b = WordHashes.of("russia's Envoy mr lavrov said 106 000")
        #expect(a.count == 7)
        #expect(a == b)
        #expect(WordHashes.of("Sergei") != WordHashes.of("Sergey"))
        #expect(WordHashes.of("Сергей Лавров") == WordHashes.of("СЕРГЕЙ лавров"))
        #expect(WordHashes.of("  ,;  ").isEmpty)
    }

    @Test func shinglesCoverEveryRunOfWords() {
        let words = WordHashes.of("one two three four five")
        let three = WordHashes.shingles(words, size: 3)
        #expect(three.count == 3)
        #expect(Set(three).count == 3)
        // The run "two three four" is the same shingle wherever it occurs.
        #expect(WordHashes.shingles(WordHashes.of("zero two three four"), size: 3).last == three[1])
        #expect(WordHashes.shingles(WordHashes.of("short text"), size: 5).count == 1)
        #expect(WordHashes.shingles([], size: 5).isEmpty)
    }
}
