// swift-tools-version: 6.0
import PackageDescription

// The package follows the pipeline: a small core of value types (`SynopticCore`), one module per
// stage, and thin layers (the `Synoptic` facade, the CLI) on top. Heavy dependencies (server,
// database) must never enter the core or the stage modules.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "Synoptic",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "SynopticCore", targets: ["SynopticCore"]),
        .library(name: "Synoptic", targets: ["Synoptic"]),
        .library(name: "SynopticEval", targets: ["SynopticEval"]),
        .executable(name: "synoptic", targets: ["synoptic"]),
        .executable(name: "synoptic-bench", targets: ["TextThroughput"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // Live sources: the HTTP client, and SwiftNIO for the tests' loopback fixture server.
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        // SHA-256 for the store's content hash (postgres-nio already builds it).
        .package(url: "https://github.com/apple/swift-crypto", "3.9.0"..<"5.0.0"),
    ],
    targets: [
        // Core: value types only, Foundation at most.
        .target(name: "SynopticCore", swiftSettings: strictSettings),
        // Stage 1: bytes and files in, decoded documents with provenance out.
        .target(name: "SynopticIngest", dependencies: ["SynopticCore", "CZlib"], swiftSettings: strictSettings),
        // C libraries from Debian packages: libxml2's HTML parser and zlib for gzip-compressed pages.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // Stage 2a: the article and its metadata out of an HTML page.
        .target(name: "SynopticHTML", dependencies: ["SynopticCore", "CLibXML2"], swiftSettings: strictSettings),
        // Stage 1b: normalization and segmentation into blocks and sentences.
        .target(name: "SynopticText", dependencies: ["SynopticCore"], swiftSettings: strictSettings),
        // Stage 5: entities, quotes and their speakers, figures and time expressions.
        .target(name: "SynopticExtract", dependencies: ["SynopticCore"], swiftSettings: strictSettings),
        // Stages 3 and 4: duplicates, successive versions with their diff, and clustering into stories.
        .target(name: "SynopticStories", dependencies: ["SynopticCore"], swiftSettings: strictSettings),
        // Stage 7: per-story synthesis (summary for now).
        // It reads the extraction stage's tokens and word lists to trim summary sentences.
        .target(
            name: "SynopticSynthesis", dependencies: ["SynopticCore", "SynopticStories", "SynopticExtract"], swiftSettings: strictSettings),
        // Stage 8: renderers for the briefing document.
        .target(name: "SynopticRender", dependencies: ["SynopticCore"], swiftSettings: strictSettings),
        // Stage 8b: the store protocol and what runs on it (ingest into stories, cached briefings);
        // no database package here: SQLite and PostgreSQL implement the protocol in their own modules.
        .target(
            name: "SynopticStore", dependencies: ["Synoptic", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings),
        // The default store: one SQLite file through GRDB (migrations, WAL, concurrent reads).
        .target(
            name: "SynopticSQLite",
            dependencies: ["SynopticStore", "SynopticCore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),
        // Live sources: web pages and RSS/Atom feeds fetched over HTTP, turned into source documents.
        // Only the CLI (and later the store and server) depend on it, never the core or the stages.
        .target(
            name: "SynopticSources",
            dependencies: [
                "SynopticCore", "SynopticIngest", "CLibXML2", .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strictSettings),
        // Stage 8b on PostgreSQL: the store protocol and the work queue for several ingest workers
        // on one database, through postgres-nio's connection pool.
        .target(
            name: "SynopticPostgres",
            dependencies: ["SynopticStore", .product(name: "PostgresNIO", package: "postgres-nio")],
            swiftSettings: strictSettings
        ),
        // Scoring of the stages on public data.
        .target(name: "SynopticEval", dependencies: ["Synoptic", "SynopticExtract"], swiftSettings: strictSettings),
        // Facade that runs the stages in order.
        .target(
            name: "Synoptic",
            dependencies: [
                "SynopticCore", "SynopticIngest", "SynopticHTML", "SynopticText", "SynopticExtract", "SynopticStories",
                "SynopticSynthesis", "SynopticRender",
            ],
            swiftSettings: strictSettings
        ),
        // The HTTP API and web pages over a `StoryLibrary` (Hummingbird); only the CLI depends on it.
        .target(
            name: "SynopticServer",
            dependencies: ["SynopticStore", .product(name: "Hummingbird", package: "hummingbird")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "SynopticCLI",
            dependencies: [
                "Synoptic", "SynopticEval", "SynopticStore", "SynopticSQLite", "SynopticPostgres", "SynopticSources", "SynopticServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(name: "synoptic", dependencies: ["SynopticCLI"], swiftSettings: strictSettings),
        .executableTarget(
            name: "TextThroughput",
            dependencies: ["SynopticCore", "SynopticIngest", "SynopticText", "SynopticHTML", "Synoptic", "SynopticEval", "SynopticStore", "SynopticSQLite"],
            path: "Benchmarks/TextThroughput",
            swiftSettings: strictSettings
        ),
        .target(name: "SynopticTestSupport", path: "Tests/SynopticTestSupport", swiftSettings: strictSettings),
        // The store contract as checks every store runs (SQLite here, PostgreSQL in its own target).
        .target(
            name: "SynopticStoreTestSupport", dependencies: ["SynopticStore", "Synoptic"], path: "Tests/SynopticStoreTestSupport",
            swiftSettings: strictSettings),
        .testTarget(
            name: "SynopticSQLiteTests",
            dependencies: ["SynopticSQLite", "SynopticStore", "SynopticStoreTestSupport", "SynopticTestSupport", "SynopticCLI"],
            swiftSettings: strictSettings),
        .testTarget(name: "SynopticCoreTests", dependencies: ["SynopticCore"], swiftSettings: strictSettings),
        .testTarget(
            name: "SynopticIngestTests", dependencies: ["SynopticIngest", "SynopticCore", "SynopticTestSupport"], swiftSettings: strictSettings),
        .testTarget(
            name: "SynopticHTMLTests", dependencies: ["SynopticHTML", "SynopticCore", "SynopticEval", "SynopticTestSupport"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "SynopticTextTests", dependencies: ["SynopticText", "SynopticCore", "SynopticIngest", "SynopticTestSupport"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "SynopticExtractTests", dependencies: ["SynopticExtract", "SynopticCore", "SynopticText", "SynopticIngest", "SynopticTestSupport"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "SynopticStoriesTests", dependencies: ["SynopticStories", "SynopticCore", "SynopticText", "SynopticIngest", "SynopticTestSupport"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "SynopticPostgresTests",
            dependencies: ["SynopticPostgres", "SynopticStore", "SynopticStoreTestSupport", "Synoptic", "SynopticCore", "SynopticTestSupport"],
            swiftSettings: strictSettings),
        .testTarget(name: "SynopticEvalTests", dependencies: ["SynopticEval", "SynopticTestSupport"], swiftSettings: strictSettings),
        .testTarget(
            name: "SynopticStoreTests", dependencies: ["SynopticStore", "Synoptic", "SynopticTestSupport", "SynopticStoreTestSupport"], swiftSettings: strictSettings),
        .testTarget(
            name: "SynopticSourcesTests",
            dependencies: [
                "SynopticSources", "Synoptic", "SynopticCore", "SynopticIngest", "SynopticTestSupport",
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "SynopticServerTests",
            dependencies: [
                "SynopticServer", "SynopticStore", "SynopticTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SynopticTests",
            dependencies: ["Synoptic", "SynopticCLI", "SynopticCore", "SynopticTestSupport"],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
