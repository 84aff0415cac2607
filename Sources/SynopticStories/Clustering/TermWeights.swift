/// Weights (or counts) by term hash: an open-addressing table of (hash, value) pairs side by side.
///
/// Story vectors are read thousands of times per article (every candidate story, every term of
/// the article), and a `Dictionary` hashes each 64-bit term again with SipHash and keeps keys and
/// values apart, so every probe reads two cache lines. Term hashes are already hashes (FNV-1a
/// of the word), so their bits, folded once, index the table directly, and a probe reads one
/// entry.
struct TermWeights: Sendable {
    struct Entry: Sendable {
        /// 0 for an empty slot (the term 0 is kept apart, in `zero`).
        var key: UInt64
        var value: Float
    }

    private var entries: [Entry]
    private(set) var count = 0
    private var mask: Int
    /// The weight of the term whose hash is 0, which cannot have a slot.
    private var zero: Float?

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        entries = [Entry](repeating: Entry(key: 0, value: 0), count: size)
        mask = size - 1
    }

    /// The weight of `term`, or nil when the table does not hold it.
    @inline(__always)
    func weight(of term: UInt64) -> Float? {
        if term == 0 { return zero }
        var i = Int(truncatingIfNeeded: term ^ (term >> 32)) & mask
        while true {
            let entry = entries[i]
            if entry.key == term { return entry.value }
            if entry.key == 0 { return nil }
            i = (i + 1) & mask
        }
    }

    /// Adds `delta` to the weight of `term` (from 0 when absent); true when the term is new.
    @discardableResult
    mutating func add(_ delta: Float, to term: UInt64) -> Bool {
        if term == 0 {
            let isNew = zero == nil
            if isNew { count += 1 }
            zero = (zero ?? 0) + delta
            return isNew
        }
        if (count + 1) * 4 > entries.count * 3 { grow() }
        var i = Int(truncatingIfNeeded: term ^ (term >> 32)) & mask
        while true {
            if entries[i].key == term {
                entries[i].value += delta
                return false
            }
            if entries[i].key == 0 {
                entries[i] = Entry(key: term, value: delta)
                count += 1
                return true
            }
            i = (i + 1) & mask
        }
    }

    /// Every term with its weight, in no particular order.
    func forEach(_ body: (_ term: UInt64, _ weight: Float) -> Void) {
        if let zero { body(0, zero) }
        for entry in entries where entry.key != 0 { body(entry.key, entry.value) }
    }

    private mutating func grow() {
        let old = entries
        entries = [Entry](repeating: Entry(key: 0, value: 0), count: old.count * 2)
        mask = entries.count - 1
        count = zero == nil ? 0 : 1
        for entry in old where entry.key != 0 { add(entry.value, to: entry.key) }
    }
}
