import Foundation
import SynopticStore

/// The contract of ``FeedRecordStore``, run on the SQLite and PostgreSQL stores alike: each is
/// given a migrated store and must keep what a feed poller needs between polls.
public enum FeedRecordConformance {
    public static func run(on store: any FeedRecordStore) async throws {
        let url = "https://example.com/feed.xml"
        try check(try await store.feedRecord(url: url) == nil, "a feed never polled has a record")

        // The first poll: validators and three items.
        try await store.putFeedRecord(FeedRecord(url: url, etag: "\"a\"", seenKeys: ["urn:c", "urn:a", "urn:b"]))
        let first = try await store.feedRecord(url: url)
        try check(first?.etag == "\"a\"" && first?.lastModified == nil, "the validators of the first poll are not kept: \(String(describing: first))")
        try check(first?.polledAt != nil, "a poll without a time is not given the store's clock")
        // Put together, the keys come back in key order.
        try check(first?.seenKeys == ["urn:a", "urn:b", "urn:c"], "the first poll's keys came back as \(String(describing: first?.seenKeys))")

        // A later poll: new validators, one key forgotten (trimmed), two new ones (one not ASCII).
        try await Task.sleep(for: .milliseconds(5))
        try await store.putFeedRecord(
            FeedRecord(
                url: url, etag: "\"b\"", lastModified: "Mon, 07 Dec 2026 09:00:00 GMT", polledAt: "2026-12-07T09:00:00.000Z",
                seenKeys: ["urn:b", "urn:c", "https://example.com/é", "urn:0"]))
        let second = try await store.feedRecord(url: url)
        try check(second?.etag == "\"b\"" && second?.lastModified == "Mon, 07 Dec 2026 09:00:00 GMT", "the second poll's validators are not kept")
        try check(second?.polledAt == "2026-12-07T09:00:00.000Z", "the given poll time is not kept")
        // Oldest first: the two kept from the first poll, then the new ones in key order.
        try check(
            second?.seenKeys == ["urn:b", "urn:c", "https://example.com/é", "urn:0"],
            "after the second poll the keys came back as \(String(describing: second?.seenKeys))")

        // Another feed is its own.
        let other = "https://example.org/atom"
        try check(try await store.feedRecord(url: other) == nil, "a record leaked into another feed")
        try await store.putFeedRecord(FeedRecord(url: other, seenKeys: ["urn:b", "urn:b"]))
        try check(try await store.feedRecord(url: other)?.seenKeys == ["urn:b"], "a key listed twice is not kept once")
        try check(try await store.feedRecord(url: url)?.seenKeys.count == 4, "writing one feed changed another")

        // A feed with the few thousand keys a poller remembers, then none.
        let many = (0..<5_000).map { "item-\($0)" }
        try await store.putFeedRecord(FeedRecord(url: other, seenKeys: many))
        try check(try await store.feedRecord(url: other)?.seenKeys.count == 5_000, "5,000 keys are not kept")
        try await store.putFeedRecord(FeedRecord(url: other, seenKeys: []))
        try check(try await store.feedRecord(url: other)?.seenKeys == [], "an empty list does not forget every key")
    }

    static func check(_ condition: Bool, _ message: @autoclosure () -> String, line: Int = #line) throws {
        if !condition { throw ConformanceFailure(message: "FeedRecordConformance: " + message(), line: line) }
    }
}
