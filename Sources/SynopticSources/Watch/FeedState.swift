/// What Synoptic remembers about one feed between polls: the validators for a conditional GET and
/// the keys (``FeedItem/key``) of the items already delivered, so a re-poll yields only new items.
public struct FeedState: Sendable, Hashable, Codable {
    /// The feed's URL as the user gave it (the key the state is stored under).
    public var feedURL: String
    /// `ETag` and `Last-Modified` of the last full answer.
    public var validators: CacheValidators
    /// Keys of items already delivered, oldest first; trimmed to the most recent few thousand.
    public var seenKeys: [String]
    /// The feed's title when last read.
    public var title: String?
    /// When the feed was last polled successfully (ISO 8601, UTC).
    public var lastPolled: String?

    public init(
        feedURL: String, validators: CacheValidators = CacheValidators(), seenKeys: [String] = [], title: String? = nil, lastPolled: String? = nil
    ) {
        self.feedURL = feedURL
        self.validators = validators
        self.seenKeys = seenKeys
        self.title = title
        self.lastPolled = lastPolled
    }

    enum CodingKeys: String, CodingKey {
        case feedURL = "feed_url"
        case validators
        case seenKeys = "seen_keys"
        case title
        case lastPolled = "last_polled"
    }
}

/// Where ``FeedPoller`` keeps each feed's ``FeedState``. Implementations must be safe to call from
/// several tasks; a `put` replaces the feed's whole state.
///
/// Synoptic ships ``InMemoryFeedStateStore`` (tests) and ``JSONFileFeedStateStore`` (`watch --state
/// FILE`); a database store implements the same two calls, e.g. one row per feed URL holding the
/// state as JSON.
public protocol FeedStateStore: Sendable {
    /// The stored state of `feedURL`, or nil when the feed was never polled.
    func state(for feedURL: String) async throws -> FeedState?
    /// Stores `state` under ``FeedState/feedURL``, replacing what was there.
    func put(_ state: FeedState) async throws
}

/// Keeps feed states in memory, for tests and one-off runs.
public actor InMemoryFeedStateStore: FeedStateStore {
    private var states: [String: FeedState] = [:]

    public init(_ states: [FeedState] = []) {
        for state in states { self.states[state.feedURL] = state }
    }

    public func state(for feedURL: String) async throws -> FeedState? { states[feedURL] }

    public func put(_ state: FeedState) async throws { states[state.feedURL] = state }

    /// Every stored state, by URL.
    public var all: [String: FeedState] { states }
}
