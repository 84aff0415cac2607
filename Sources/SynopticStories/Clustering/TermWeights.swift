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

    /// An empty table to stand in for one taken out of its place for a while (no allocation).
    static let placeholder = TermWeights()

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

/// Per term, the stories that hold it: lists of story numbers found through an open-addressing
/// table keyed by the term hash itself, as ``TermWeights`` is. A `Dictionary` hashed the term
/// again with SipHash for every lookup and every new posting (hundreds an article).
struct PostingLists: Sendable {
    struct Slot: Sendable {
        var term: UInt64
        /// The index of the term's list in `lists`, or -1 for an empty slot.
        var list: Int32
    }

    private var slots = [Slot](repeating: Slot(term: 0, list: -1), count: 1024)
    private var mask = 1023
    private var lists: [[Int32]] = []

    /// The stories holding `term`, in the order they first did; nil when none ever did.
    @inline(__always)
    func list(of term: UInt64) -> [Int32]? {
        var i = Int(truncatingIfNeeded: term ^ (term >> 32)) & mask
        while true {
            let slot = slots[i]
            if slot.list < 0 { return nil }
            if slot.term == term { return lists[Int(slot.list)] }
            i = (i + 1) & mask
        }
    }

    /// Appends `story` to the list of `term`, which begins if it is new.
    mutating func append(_ story: Int32, to term: UInt64) {
        var i = Int(truncatingIfNeeded: term ^ (term >> 32)) & mask
        while true {
            let slot = slots[i]
            if slot.list < 0 { break }
            if slot.term == term {
                lists[Int(slot.list)].append(story)
                return
            }
            i = (i + 1) & mask
        }
        slots[i] = Slot(term: term, list: Int32(lists.count))
        lists.append([story])
        if lists.count * 4 > slots.count * 3 { grow() }
    }

    /// Takes back the last ``append(_:to:)`` to the list of `term` (its list stays, maybe empty).
    mutating func removeLast(from term: UInt64) {
        var i = Int(truncatingIfNeeded: term ^ (term >> 32)) & mask
        while slots[i].list >= 0 {
            if slots[i].term == term {
                lists[Int(slots[i].list)].removeLast()
                return
            }
            i = (i + 1) & mask
        }
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(term: 0, list: -1), count: old.count * 2)
        mask = slots.count - 1
        for slot in old where slot.list >= 0 {
            var i = Int(truncatingIfNeeded: slot.term ^ (slot.term >> 32)) & mask
            while slots[i].list >= 0 { i = (i + 1) & mask }
            slots[i] = slot
        }
    }
}
