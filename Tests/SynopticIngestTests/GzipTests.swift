import Foundation
import SynopticIngest
import Testing

/// Compressed pages: a bomb is refused by its inflated size, a cut file is reported, members join.
@Suite("Gzip")
struct GzipTests {
    /// The output of a shell pipeline, as bytes (gzip itself makes the test data).
    static func shell(_ command: String) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", command]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return [UInt8](data)
    }

    @Test func aSmallFileThatInflatesPastTheLimitIsRefused() throws {
        // 64 MB of zeros compresses to about 64 KB.
        let bomb = try Self.shell("head -c 67108864 /dev/zero | gzip -c")
        #expect(Gzip.isGzip(bomb) && bomb.count < 200_000)
        #expect(throws: GzipFailure.tooLarge(limit: 1 << 20)) { try Gzip.inflate(bomb, limit: 1 << 20) }
    }

    @Test func aTruncatedFileIsReportedAndConcatenatedMembersJoin() throws {
        let page = Array(String(repeating: "<p>The night ferry keeps running.</p>\n", count: 2_000).utf8)
        let whole = try Self.shell("printf '%s' '\(String(decoding: page, as: UTF8.self))' | gzip -c")
        #expect(try Gzip.inflate(whole, limit: 1 << 20) == page)
        #expect(throws: GzipFailure.corrupt("truncated")) { try Gzip.inflate(Array(whole.prefix(whole.count / 2)), limit: 1 << 20) }
        let twice = try Self.shell("printf 'one ' | gzip -c; printf 'two' | gzip -c")
        #expect(try Gzip.inflate(twice, limit: 1 << 20) == Array("one two".utf8))
    }
}
