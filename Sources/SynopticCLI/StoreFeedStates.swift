import SynopticSources
import SynopticStore

/// `watch --db`: the poller's memory of each feed kept in the store's feed tables, beside the
/// articles it brought, so the next `watch` on the same store (or another on the same PostgreSQL
/// database) resumes from it. The feed's title is not kept there; it is read again on each poll.
struct StoreFeedStates: FeedStateStore {
    let store: any FeedRecordStore

    func state(for feedURL: String) async throws -> FeedState? {
        try await store.feedRecord(url: feedURL).map { record in
            FeedState(
                feedURL: record.url, validators: CacheValidators(etag: record.etag, lastModified: record.lastModified), seenKeys: record.seenKeys,
                lastPolled: record.polledAt)
        }
    }

    func put(_ state: FeedState) async throws {
        try await store.putFeedRecord(
            FeedRecord(
                url: state.feedURL, etag: state.validators.etag, lastModified: state.validators.lastModified, polledAt: state.lastPolled,
                seenKeys: state.seenKeys))
    }
}
