import SynopticCore
import Testing

@Suite("OffsetMap")
struct OffsetMapTests {
    @Test("copies, replacements and deletions map back to where the text came from")
    func builderMapsBack() {
        // source: "Hello   world &amp; more" → derived: "Hello world & more"
        var builder = OffsetMap.Builder()
        builder.copy(5)  // Hello
        builder.replace(source: 3, derived: 1)  // spaces
        builder.copy(6)  // world + space
        builder.replace(source: 5, derived: 1)  // &amp;
        builder.copy(5)  // " more"
        let map = builder.finish()
        #expect(map.sourceOffset(for: 0) == 0)
        #expect(map.sourceOffset(for: 4) == 4)
        #expect(map.sourceOffset(for: 5) == 5)
        #expect(map.sourceOffset(for: 6) == 8)  // "w"
        #expect(map.sourceOffset(for: 12) == 14)  // "&"
        #expect(map.sourceOffset(for: 13) == 19)  // " "
        #expect(map.sourceSpan(for: TextSpan(start: 6, end: 11)) == TextSpan(start: 8, end: 13))
        #expect(map.derivedLength == 18)
        #expect(map.sourceLength == 24)
    }

    @Test("a leading deletion moves the first anchor")
    func leadingDeletion() {
        var builder = OffsetMap.Builder()
        builder.delete(3)
        builder.copy(4)
        let map = builder.finish()
        #expect(map.sourceOffset(for: 0) == 3)
        #expect(map.sourceOffset(for: 3) == 6)
    }

    @Test("insertions map to the source position they stand at")
    func insertion() {
        var builder = OffsetMap.Builder()
        builder.copy(3)
        builder.insert(2)
        builder.copy(3)
        let map = builder.finish()
        #expect(map.sourceOffset(for: 3) == 3)
        #expect(map.sourceOffset(for: 4) == 3)
        #expect(map.sourceOffset(for: 5) == 3)
        #expect(map.sourceOffset(for: 6) == 4)
    }

    /// Applies random edits to random text twice (A → B → C) and checks that the composed map finds,
    /// for every scalar of C that was copied all the way, the same scalar in A.
    @Test("composition agrees with applying both edit passes", arguments: 0..<40)
    func compositionMatchesDirectEdits(seed: Int) {
        var rng = SplitMix(seed: UInt64(seed) &+ 1)
        let source = (0..<300).map { _ in Tracked(id: Int(rng.next() % 1_000_000)) }
        let (middle, inner) = randomEdit(source, &rng)
        let (derived, outer) = randomEdit(middle, &rng)
        let composed = outer.composed(with: inner)
        #expect(composed.derivedLength == derived.count)
        #expect(composed.sourceLength == source.count)
        for (offset, item) in derived.enumerated() where item.id >= 0 {
            let back = composed.sourceOffset(for: offset)
            #expect(source[back].id == item.id, "offset \(offset) mapped to \(back)")
        }
    }

    struct Tracked { var id: Int }

    private func randomEdit(_ input: [Tracked], _ rng: inout SplitMix) -> ([Tracked], OffsetMap) {
        var output: [Tracked] = []
        var builder = OffsetMap.Builder()
        var i = 0
        while i < input.count {
            let roll = rng.next() % 10
            let run = Int(rng.next() % 4) + 1
            let take = min(run, input.count - i)
            switch roll {
            case 0:  // delete
                builder.delete(take)
                i += take
            case 1:  // insert new (untracked) items
                output.append(contentsOf: Array(repeating: Tracked(id: -1), count: run))
                builder.insert(run)
            case 2:  // replace with a different count of untracked items
                output.append(contentsOf: Array(repeating: Tracked(id: -1), count: run + 1))
                builder.replace(source: take, derived: run + 1)
                i += take
            default:
                output.append(contentsOf: input[i..<(i + take)])
                builder.copy(take)
                i += take
            }
        }
        return (output, builder.finish(sourceLength: input.count))
    }
}

/// A small deterministic generator so that failures reproduce.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
