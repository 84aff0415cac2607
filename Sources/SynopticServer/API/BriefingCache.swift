import Hummingbird
import Synchronization
import Synoptic

/// Rendered briefings kept in memory, keyed by story and rendering (a format of the API, or the
/// web page) and valid for one story revision.
///
/// The library caches rendered text in the store, but reading it back still costs a query and a
/// copy per request; the hot path (`GET /api/stories/{id}` for a story nobody is adding to) must
/// answer from memory to reach thousands of requests per second, so the bytes ready to send are
/// kept here. A story's revision rises with every article that joins it, so an entry of an older
/// revision is simply never matched and is replaced by the next render.
final class BriefingCache: Sendable {
    struct Entry: Sendable {
        var revision: Int64
        var body: ByteBuffer
    }

    struct Key: Hashable, Sendable {
        var storyID: String
        var rendering: String
    }

    /// The web page of a story, beside the API's formats.
    static let webPage = "page"

    private let entries = Mutex<[Key: Entry]>([:])
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    func body(storyID: String, format: OutputFormat, revision: Int64) -> ByteBuffer? {
        body(storyID: storyID, rendering: format.rawValue, revision: revision)
    }

    func store(storyID: String, format: OutputFormat, revision: Int64, body: ByteBuffer) {
        store(storyID: storyID, rendering: format.rawValue, revision: revision, body: body)
    }

    func body(storyID: String, rendering: String, revision: Int64) -> ByteBuffer? {
        entries.withLock { entries in
            guard let entry = entries[Key(storyID: storyID, rendering: rendering)], entry.revision == revision else { return nil }
            return entry.body
        }
    }

    func store(storyID: String, rendering: String, revision: Int64, body: ByteBuffer) {
        entries.withLock { entries in
            let key = Key(storyID: storyID, rendering: rendering)
            // Full: drop everything rather than track recency; renders are cheap next to the
            // bookkeeping an LRU would add to every hit, and a full cache is rare.
            if entries[key] == nil, entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            if let existing = entries[key], existing.revision > revision { return }
            entries[key] = Entry(revision: revision, body: body)
        }
    }

    var count: Int { entries.withLock { $0.count } }
}
