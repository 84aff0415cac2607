import Foundation

/// Invented news articles in bulk, for tests and benchmarks that need thousands: each belongs to
/// one of a number of events, is told by one of a few outlets in words of its own (sentences
/// drawn, ordered and varied by a seeded generator), and is different text from every other, so
/// every article is new content to the store. The same seed gives the same corpus.
public struct SyntheticCorpus: Sendable {
    public struct Item: Sendable {
        public var id: String
        public var outlet: String
        public var published: String
        public var title: String
        public var text: String
    }

    public var count: Int
    public var seed: UInt64

    public init(count: Int, seed: UInt64 = 7) {
        self.count = count
        self.seed = seed
    }

    static let outlets = ["Harbor Times", "Valley Herald", "Wire Service", "Capital Post", "Coast Daily", "Metro Ledger"]
    static let places = [
        "Harbortown", "Ridgeview", "Lakeside", "Millbrook", "Eastport", "Granite Falls", "Oakdale", "Pinecrest", "Riverton", "Stonebridge",
        "Westfield", "Brookhaven", "Cedar Bluff", "Fairmont", "Glenwood", "Highland Park",
    ]
    static let subjects = [
        ("bridge", "repairs"), ("school", "budget"), ("hospital", "expansion"), ("port", "strike"), ("rail line", "delays"),
        ("water plant", "contamination"), ("stadium", "financing"), ("library", "closure"), ("airport", "runway"), ("power grid", "outage"),
        ("housing plan", "vote"), ("police department", "review"), ("wildfire", "evacuation"), ("flood", "recovery"), ("factory", "layoffs"),
    ]
    static let first = ["Maria", "James", "Aisha", "Tomas", "Elena", "Samuel", "Priya", "David", "Chen", "Fatima", "Lucas", "Nora"]
    static let last = ["Lopez", "Carter", "Okafor", "Novak", "Rossi", "Haddad", "Kim", "Moreau", "Singh", "Walsh", "Ibrahim", "Berg"]
    static let roles = ["the mayor", "a council member", "the director", "a spokesperson", "the union leader", "a resident", "the governor"]
    static let verbs = ["said", "told reporters", "said in a statement", "wrote in an email", "said on Tuesday"]
    static let fillers = [
        "Officials did not say when a final decision would be made.",
        "The proposal has drawn criticism from several neighborhood groups.",
        "Residents packed a public meeting that ran late into the evening.",
        "A report released last month described the situation as urgent.",
        "The state has offered to cover part of the cost.",
        "Critics argue the timeline is unrealistic.",
        "Local businesses say they have already felt the effects.",
        "The matter is expected to come up again at next week's session.",
        "Independent experts cautioned that the estimates could change.",
        "Several lawsuits over the issue are still pending.",
    ]

    /// The articles, generated one at a time (the corpus is never held whole).
    public func forEach(_ body: (Item) throws -> Void) rethrows {
        var random = Generator(seed: seed)
        let events = max(1, count / 20)
        for n in 0..<count {
            let event = Int(random.next() % UInt64(events))
            let place = Self.places[event % Self.places.count]
            let (thing, issue) = Self.subjects[(event / Self.places.count) % Self.subjects.count]
            let outlet = Self.outlets[Int(random.next() % UInt64(Self.outlets.count))]
            let day = 1 + event % 28, month = 1 + (event / 28) % 12
            let published = String(format: "2024-%02d-%02dT%02d:%02d:00Z", month, day, Int(random.next() % 24), Int(random.next() % 60))
            let speaker = "\(Self.first[(event + n % 3) % Self.first.count]) \(Self.last[(event * 7 + n % 2) % Self.last.count])"
            let amount = 5 + Int(random.next() % 400)
            let title = "\(place) \(thing) \(issue): \(["talks continue", "officials respond", "what we know", "residents react", "new details emerge"][n % 5]) (\(n))"
            var paragraphs = [
                "\(place.uppercased()) — The \(thing) \(issue) in \(place) entered a new phase on Monday, as officials weighed a plan that would cost \(amount) million dollars. Case \(event)-\(n) was filed the same day.",
                "\"We are doing everything we can,\" \(speaker), \(Self.roles[n % Self.roles.count]), \(Self.verbs[n % Self.verbs.count]). \"This will take time.\"",
                "About \(100 + Int(random.next() % 9000)) people have been affected so far, according to figures released by the county.",
            ]
            for _ in 0..<(2 + Int(random.next() % 4)) {
                paragraphs.append(Self.fillers[Int(random.next() % UInt64(Self.fillers.count))] + " " + Self.fillers[Int(random.next() % UInt64(Self.fillers.count))])
            }
            // Shuffle the body after the lead so that articles of one event read differently.
            for i in stride(from: paragraphs.count - 1, to: 1, by: -1) { paragraphs.swapAt(i, 1 + Int(random.next() % UInt64(i))) }
            let text = title + "\n\n" + paragraphs.joined(separator: "\n\n") + "\n"
            try body(Item(id: String(format: "synthetic-%05d", n), outlet: outlet, published: published, title: title, text: text))
        }
    }

    /// The corpus as JSON Lines (`id`, `title`, `outlet`, `published`, `text`), one article a line.
    public func writeJSONLines(to url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        struct Line: Encodable { var id, title, outlet, published, text: String }
        var buffer = Data()
        try forEach { item in
            buffer.append(try encoder.encode(Line(id: item.id, title: item.title, outlet: item.outlet, published: item.published, text: item.text)))
            buffer.append(UInt8(ascii: "\n"))
            if buffer.count > 1 << 20 {
                try handle.write(contentsOf: buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try handle.write(contentsOf: buffer)
    }

    /// SplitMix64, kept here so the support target needs no evaluation module.
    struct Generator {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
