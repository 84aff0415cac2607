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
    /// Weights of tokens already seen on this page: pages repeat their names thousands of times.
    private var tokenWeights: [String: Int] = [:]

    mutating func weight(of names: String) -> Int {
        var weight = 0
        var seen: [String] = []
        var neutralized = false
        Self.forEachToken(of: names) { token in
            // Each distinct name counts once: `post post-123 type-post` is one piece of evidence.
            guard !seen.contains(token) else { return }
            seen.append(token)
            // Embedded posts (a tweet, an Instagram post) are quoted in the article, whatever
            // social names their wrapper carries.
            if token == "embed" || token == "tweet" { neutralized = true }
            if let known = tokenWeights[token] {
                weight += known
            } else {
                let computed = Self.weight(ofToken: token)
                tokenWeights[token] = computed
                weight += computed
            }
        }
        return neutralized ? 0 : weight
    }

    static func weight(ofToken token: String) -> Int {
        if positiveTokens.contains(token) { return 1 }
        if negativeTokens.contains(token) { return -2 }
        if exceptions.contains(token) { return 0 }
        if strongNegativePrefixes.contains(where: token.hasPrefix) { return -2 }
        if weakNegativePrefixes.contains(where: token.hasPrefix) { return -1 }
        return 0
    }

    static func tokens(of names: String) -> [String] {
        var tokens: [String] = []
        forEachToken(of: names) { tokens.append($0) }
        return tokens
    }

    /// Calls `body` with each lower-case token; one small buffer is reused for all of them.
    static func forEachToken(of names: String, _ body: (String) -> Void) {
        var current: [UInt8] = []
        current.reserveCapacity(32)
        var previousWasLower = false
        func finish() {
            if !current.isEmpty { body(String(decoding: current, as: UTF8.self)) }
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
