import SynopticSQLite
import SynopticSources

/// `watch --db FILE` keeps each feed's state (validators, title, the items already taken) in the
/// SQLite store's `feeds` and `feed_items` tables, beside the articles the items became, instead of
/// in a `--state` JSON file: one file holds everything a restarted watch needs.
actor SQLiteFeedStateStore: FeedStateStore {
    let store: SQLiteStore

    init(store: SQLiteStore) { self.store = store }

    func state(for feedURL: String) async throws -> SynopticSources.FeedState? {
        guard let record = try await store.feedRecord(url: feedURL) else { return nil }
        return SynopticSources.FeedState(
            feedURL: feedURL, validators: CacheValidators(etag: record.state.etag, lastModified: record.state.lastModified),
            seenKeys: record.keys, title: record.title, lastPolled: record.state.polledAt)
    }

    func put(_ state: SynopticSources.FeedState) async throws {
        try await store.replaceFeedRecord(
            SynopticSQLite.FeedState(
                url: state.feedURL, etag: state.validators.etag, lastModified: state.validators.lastModified, polledAt: state.lastPolled),
            title: state.title, keys: state.seenKeys)
    }
}
