/// Weights by term hash: an open-addressing table of (hash, weight) pairs side by side.
///
/// Story vectors are read thousands of times per article (every candidate story, every term of
/// the article), and a `Dictionary` hashes each 64-bit term again with SipHash and keeps keys and
/// values apart, so every probe reads two cache lines. Term hashes are already well mixed
/// (``WordHashes/mix(_:)``), so their low bits index the table directly, and a probe reads one
/// entry.
struct TermWeights: Sendable {
    struct Entry: Sendable {
        /// 0 for an empty slot (a term whose hash is 0 is stored as 1).
        var key: UInt64
        var value: Float
    }

    private(set) var entries: [Entry]
    private(set) var count = 0
    private var mask: Int

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        entries = [Entry](repeating: Entry(key: 0, value: 0), count: size)
        mask = size - 1
    }

    @inline(__always) private static func slotKey(_ term: UInt64) -> UInt64 { term == 0 ? 1 : term }

    /// The weight of `term`, or nil when the table does not hold it.
    @inline(__always)
    func weight(of term: UInt64) -> Float? {
        let key = Self.slotKey(term)
        var i = Int(truncatingIfNeeded: key ^ (key >> 32)) & mask
        while true {
            let entry = entries[i]
            if entry.key == key { return entry.value }
            if entry.key == 0 { return nil }
            i = (i + 1) & mask
        }
    }

    /// Adds `delta` to the weight of `term` (from 0 when absent); true when the term is new.
    @discardableResult
    mutating func add(_ delta: Float, to term: UInt64) -> Bool {
        if (count + 1) * 4 > entries.count * 3 { grow() }
        let key = Self.slotKey(term)
        var i = Int(truncatingIfNeeded: key ^ (key >> 32)) & mask
        while true {
            if entries[i].key == key {
                entries[i].value += delta
                return false
            }
            if entries[i].key == 0 {
                entries[i] = Entry(key: key, value: delta)
                count += 1
                return true
            }
            i = (i + 1) & mask
        }
    }

    private mutating func grow() {
        let old = entries
        entries = [Entry](repeating: Entry(key: 0, value: 0), count: old.count * 2)
        mask = entries.count - 1
        count = 0
        for entry in old where entry.key != 0 { add(entry.value, to: entry.key) }
    }
}
