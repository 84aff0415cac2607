/// Evidence from `class` and `id` names: page authors name their regions, and the names are
/// remarkably stable across sites (`article-body`, `story-content`, `related-links`, `comments`).
///
/// Names are split into lower-case tokens at any non-alphanumeric byte and at lower→upper case
/// changes (`articleBody` → `article`, `body`), then matched whole or by prefix, so `sharebar`,
/// `comments-section` and `relatedStories` are all recognised without listing every spelling.
struct ClassHints: Sendable {
    /// Tokens that name the article itself.
    static let positiveTokens: Set<String> = [
        "article", "articlebody", "body", "content", "story", "storybody", "entry", "post", "text", "prose", "main",
        "paragraph", "paragraphs", "blog", "hentry", "richtext", "rte", "copy", "bodytext", "detail", "news",
    ]

    /// Token prefixes that name regions around the article: strong evidence.
    static let strongNegativePrefixes: [String] = [
        "comment", "share", "sharing", "social", "related", "recommend", "promo", "advert", "sponsor", "newsletter",
        "subscri", "signup", "footer", "sidebar", "breadcrumb", "widget", "popup", "modal", "cookie", "outbrain",
        "taboola", "byline", "trending", "popular", "disclaimer", "toolbar", "masthead", "navbar", "navigation", "menu",
        "pagination", "pager", "paywall", "overlay", "readmore", "keepreading", "upnext", "login", "donate",
        "visuallyhidden", "sronly", "screenreader", "adslot", "adunit", "dfp", "moreon", "morefrom", "tags",
    ]

    /// Token prefixes that often, but not always, name regions around the article: weak evidence.
    static let weakNegativePrefixes: [String] = [
        "banner", "teaser", "rail", "credit", "caption", "timestamp", "dateline", "author", "meta", "print", "follow",
        "register", "skip", "hidden", "visually", "most", "more", "next", "prev", "extra", "aside", "supplement",
        "video", "player", "gallery", "slideshow", "photo", "image", "img", "figure", "icon", "logo", "brand",
        "header", "topics", "alert", "notice", "callout", "inset", "card", "module",
        "rating", "review", "feedback", "survey", "poll", "quiz", "date", "time",
    ]

    /// Exact tokens that are negative but too short to use as prefixes.
    static let negativeTokens: Set<String> = ["ad", "ads", "adv", "sr", "nav", "rss", "faq", "bio", "cta"]

    /// Tokens that a negative prefix would catch but that name article parts or nothing at all.
    static let exceptions: Set<String> = ["mostly", "commentary", "moreover", "shared", "metadata", "timeline", "datetime"]

    /// Positive minus negative evidence; strong negative names count twice.
    mutating func weight(of names: String) -> Int {
        var weight = 0
        var seen: [TokenKey] = []
        var neutralized = false
        Self.forEachTokenBytes(of: names) { token in
            // Each distinct name counts once: `post post-123 type-post` is one piece of evidence.
            let key = TokenKey(token)
            if let key {
                guard !seen.contains(key) else { return }
                seen.append(key)
            }
            // Embedded posts (a tweet, an Instagram post) are quoted in the article, whatever
            // social names their wrapper carries.
            if token == Self.embed || token == Self.tweet { neutralized = true }
            if let key, let known = tokenWeights[key] {
                weight += Int(known)
                return
            }
            let computed = Self.weight(ofToken: String(decoding: token, as: UTF8.self))
            if let key { tokenWeights[key] = Int8(computed) }
            weight += computed
        }
        return neutralized ? 0 : weight
    }

    /// Weights of tokens already seen on this page: pages repeat their names thousands of times,
    /// and most names are new combinations of a few tokens.
    private var tokenWeights: [TokenKey: Int8] = [:]
    private static let embed = Array("embed".utf8)
    private static let tweet = Array("tweet".utf8)

    /// A token of up to 24 bytes packed into integers, so looking it up makes no String.
    private struct TokenKey: Hashable {
        var words: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var count: UInt8

        init?(_ bytes: [UInt8]) {
            guard bytes.count <= 24 else { return nil }
            count = UInt8(bytes.count)
            for (index, byte) in bytes.enumerated() {
                let shifted = UInt64(byte) << UInt64((index % 8) * 8)
                switch index / 8 {
                case 0: words.0 |= shifted
                case 1: words.1 |= shifted
                default: words.2 |= shifted
                }
            }
        }

        static func == (lhs: Self, rhs: Self) -> Bool {
            lhs.count == rhs.count && lhs.words.0 == rhs.words.0 && lhs.words.1 == rhs.words.1 && lhs.words.2 == rhs.words.2
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(words.0)
            hasher.combine(words.1)
            hasher.combine(words.2)
            hasher.combine(count)
        }
    }

    static func weight(ofToken token: String) -> Int {
        if positiveTokens.contains(token) { return 1 }
        if negativeTokens.contains(token) { return -2 }
        if exceptions.contains(token) { return 0 }
        let utf8 = token.utf8
        guard let first = utf8.first else { return 0 }
        // Strong prefixes come first in each bucket, so the strongest matching evidence wins.
        for (prefix, weight) in prefixesByFirstByte[Int(first)] {
            if prefix.count <= utf8.count, utf8.withContiguousStorageIfAvailable({ $0.starts(with: prefix) }) ?? utf8.starts(with: prefix) {
                return weight
            }
        }
        return 0
    }

    /// Negative prefixes with their weights, by first byte: a token is compared with the few that
    /// begin like it.
    private static let prefixesByFirstByte: [[(prefix: [UInt8], weight: Int)]] = {
        var buckets = [[(prefix: [UInt8], weight: Int)]](repeating: [], count: 256)
        for (prefixes, weight) in [(strongNegativePrefixes, -2), (weakNegativePrefixes, -1)] {
            for prefix in prefixes { buckets[Int(prefix.utf8.first!)].append((Array(prefix.utf8), weight)) }
        }
        return buckets
    }()

    static func tokens(of names: String) -> [String] {
        var tokens: [String] = []
        forEachToken(of: names) { tokens.append($0) }
        return tokens
    }

    /// Calls `body` with each lower-case token as a String.
    static func forEachToken(of names: String, _ body: (String) -> Void) {
        forEachTokenBytes(of: names) { body(String(decoding: $0, as: UTF8.self)) }
    }

    /// Calls `body` with the bytes of each lower-case token; one small buffer is reused for all.
    static func forEachTokenBytes(of names: String, _ body: ([UInt8]) -> Void) {
        var current: [UInt8] = []
        current.reserveCapacity(32)
        var previousWasLower = false
        func finish() {
            if !current.isEmpty { body(current) }
            current.removeAll(keepingCapacity: true)
        }
        for byte in names.utf8 {
            let isUpper = byte >= 0x41 && byte <= 0x5A
            let isLower = byte >= 0x61 && byte <= 0x7A
            let isDigit = byte >= 0x30 && byte <= 0x39
            if isUpper, previousWasLower { finish() }
            if isUpper || isLower || isDigit {
                current.append(isUpper ? byte | 0x20 : byte)
            } else {
                finish()
            }
            previousWasLower = isLower
        }
        finish()
    }
}

extension ClassHints {
    /// Class names of text meant only for screen readers.
    static func isScreenReaderOnly(_ names: String) -> Bool {
        tokens(of: names).contains { ["sronly", "sr", "visuallyhidden", "screenreader", "hidden", "offscreen"].contains($0) }
    }
}
