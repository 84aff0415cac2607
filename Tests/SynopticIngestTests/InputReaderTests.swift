import Foundation
import SynopticCore
import SynopticIngest
import SynopticTestSupport
import Testing

/// Reads inputs and collects what came out.
func read(_ inputs: [String], stdin: Data? = nil, limits: IngestLimits = .default) -> ([SourceDocument], [Diagnostic]) {
    var documents: [SourceDocument] = []
    var diagnostics: [Diagnostic] = []
    let pipe = Pipe()
    if let stdin {
        pipe.fileHandleForWriting.write(stdin)
    }
    try? pipe.fileHandleForWriting.close()
    InputReader(limits: limits).read(
        inputs, standardInput: { pipe.fileHandleForReading }, document: { documents.append($0) }, diagnostic: { diagnostics.append($0) })
    return (documents, diagnostics)
}

@Suite("InputReader")
struct InputReaderTests {
    @Test("directories are read recursively for .txt, .text, .md and .jsonl, in name order, skipping hidden files")
    func directories() throws {
        let dir = try SharedData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub/deeper"), withIntermediateDirectories: true)
        try "Alpha\n\nText a.".write(to: dir.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
        try "Beta\n\nText b.".write(to: dir.appendingPathComponent("a.md"), atomically: true, encoding: .utf8)
        try "Gamma\n\nText c.".write(to: dir.appendingPathComponent("sub/deeper/c.text"), atomically: true, encoding: .utf8)
        try "ignored".write(to: dir.appendingPathComponent("notes.csv"), atomically: true, encoding: .utf8)
        try "hidden".write(to: dir.appendingPathComponent(".hidden.txt"), atomically: true, encoding: .utf8)
        let (documents, diagnostics) = read([dir.path])
        #expect(diagnostics.isEmpty)
        #expect(documents.map(\.suggestedID) == ["a", "b", "c"])
        #expect(documents.allSatisfy { $0.provenance.origin == .textFile && $0.provenance.encoding == "utf-8" })
    }

    @Test("front matter fills provenance; the id comes from the file name")
    func frontMatter() throws {
        let dir = try SharedData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("bridge-report.txt")
        try "---\ntitle: Bridge Shut\noutlet: Harbor Courier\npublished: March 4, 2031\nauthor: Ana Ruiz\n---\nBridge Shut\n\nThe bridge shut.".write(
            to: file, atomically: true, encoding: .utf8)
        let (documents, _) = read([file.path])
        let doc = try #require(documents.first)
        #expect(doc.suggestedID == "bridge-report")
        #expect(doc.metadata.title == "Bridge Shut")
        #expect(doc.provenance.outlet == "Harbor Courier")
        #expect(doc.provenance.published == "2031-03-04")
        #expect(doc.provenance.authors == ["Ana Ruiz"])
        #expect(doc.text == "Bridge Shut\n\nThe bridge shut.")
    }

    @Test("JSON Lines: one article a line, with ids, metadata, and a diagnostic naming the line of each bad record")
    func jsonLines() throws {
        let dir = try SharedData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("feed.jsonl")
        let lines = [
            #"{"id": "r1", "text": "First story text.", "title": "One", "outlet": "Wire", "url": "https://example.org/1", "published": "2022-01-14", "author": ["A. Writer", "B. Writer"], "language": "en"}"#,
            #"{"text": "No id here."}"#,
            "",
            #"{"id": "r3", "text": "unterminated"#,
            #"["not", "an", "object"]"#,
            #"{"id": "r5", "title": "no text"}"#,
            #"{"id": "r6", "html": "<p>Only HTML</p>"}"#,
            #"{"id": 7, "text": "Numeric id."}"#,
        ]
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let (documents, diagnostics) = read([file.path])
        #expect(documents.map(\.suggestedID) == ["r1", "feed-2", "r6", "7"])
        // A record with only HTML carries the page for the extractor.
        #expect(documents[2].html == Array("<p>Only HTML</p>".utf8) && documents[2].htmlCharset == "utf-8")
        let first = try #require(documents.first)
        #expect(first.provenance.origin == .jsonLines && first.provenance.line == 1)
        #expect(first.provenance.outlet == "Wire" && first.provenance.url == "https://example.org/1")
        #expect(first.provenance.authors == ["A. Writer", "B. Writer"])
        #expect(first.provenance.published == "2022-01-14" && first.provenance.language == "en")
        #expect(diagnostics.map(\.line) == [4, 5, 6])
        #expect(diagnostics.allSatisfy { $0.path == file.path && $0.severity == .error })
        #expect(diagnostics[0].reason.hasPrefix("not valid JSON"))
        #expect(diagnostics[2].reason.contains("neither"))
    }

    @Test("standard input: plain text and JSON Lines")
    func standardInput() {
        let (text, problems) = read(["-"], stdin: Data("Headline\n\nBody text from a pipe.".utf8))
        #expect(problems.isEmpty)
        #expect(text.map(\.suggestedID) == ["stdin"])
        #expect(text.first?.provenance.origin == .standardInput)
        let (records, _) = read(["-"], stdin: Data((#"{"id":"x","text":"A."}"# + "\n" + #"{"id":"y","text":"B."}"#).utf8))
        #expect(records.map(\.suggestedID) == ["x", "y"])
    }

    @Test("bad inputs each get one diagnostic naming the file and the reason, and the batch goes on")
    func badInputs() throws {
        let dir = try SharedData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let good = dir.appendingPathComponent("good.txt")
        try "Headline\n\nGood text.".write(to: good, atomically: true, encoding: .utf8)
        let empty = dir.appendingPathComponent("empty.txt")
        _ = FileManager.default.createFile(atPath: empty.path, contents: Data())
        let blank = dir.appendingPathComponent("blank.txt")
        try " \n\t\n".write(to: blank, atomically: true, encoding: .utf8)
        let binary = dir.appendingPathComponent("image.txt")
        _ = FileManager.default.createFile(atPath: binary.path, contents: Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]))
        let damaged = dir.appendingPathComponent("damaged.txt")
        _ = FileManager.default.createFile(atPath: damaged.path, contents: Data(Array("Déjà vu — ".utf8) + [0xC3] + Array(" still “text”.".utf8)))
        let emptyDir = dir.appendingPathComponent("nothing-here")
        try FileManager.default.createDirectory(at: emptyDir, withIntermediateDirectories: true)
        let missing = dir.appendingPathComponent("missing.txt").path

        let (documents, diagnostics) = read([good.path, empty.path, blank.path, binary.path, damaged.path, emptyDir.path, missing])
        #expect(documents.map(\.suggestedID) == ["good", "damaged"])
        let byPath = Dictionary(grouping: diagnostics, by: \.path)
        #expect(byPath[empty.path]?.first?.reason == "empty file")
        #expect(byPath[blank.path]?.first?.reason.contains("no text") == true)
        #expect(byPath[binary.path]?.first?.reason.contains("binary") == true)
        #expect(byPath[damaged.path]?.first?.severity == .warning)
        #expect(byPath[damaged.path]?.first?.reason.contains("invalid UTF-8 at byte \(Array("Déjà vu — ".utf8).count)") == true)
        #expect(byPath[emptyDir.path]?.first?.reason.contains("no .txt") == true)
        #expect(byPath[missing]?.first?.reason == "no such file or directory")
        #expect(diagnostics.count == 6)
    }

    @Test("a 100 MB file is refused by its size, without being read")
    func hugeFile() throws {
        let dir = try SharedData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let huge = dir.appendingPathComponent("huge.txt")
        _ = FileManager.default.createFile(atPath: huge.path, contents: nil)
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: 100 * 1024 * 1024)  // sparse: costs no disk
        try handle.close()
        let good = dir.appendingPathComponent("good.txt")
        try "Headline\n\nGood.".write(to: good, atomically: true, encoding: .utf8)
        let (documents, diagnostics) = read([huge.path, good.path])
        #expect(documents.count == 1)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.reason == "file is 100.0 MB, above the 32.0 MB limit for one article")
    }

    @Test("a JSON Lines line above the limit is refused without buffering it, and later lines still count")
    func longLine() throws {
        let dir = try SharedData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("big.jsonl")
        let long = #"{"id":"big","text":""# + String(repeating: "x", count: 5000) + #""}"#
        try [#"{"id":"a","text":"A."}"#, long, #"{"id":"b","text":"B."}"#].joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let (documents, diagnostics) = read([file.path], limits: IngestLimits(maxArticleBytes: 1000))
        #expect(documents.map(\.suggestedID) == ["a", "b"])
        #expect(diagnostics.map(\.line) == [2])
    }

    @Test("a file of garbage named .jsonl is given up on instead of reported line by line")
    func garbageJSONLines() throws {
        let dir = try SharedData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("junk.jsonl")
        try (0..<500).map { "junk line \($0)" }.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let (_, diagnostics) = read([file.path])
        #expect(diagnostics.count == 21)
        #expect(diagnostics.last?.reason.contains("gave up") == true)
    }

    @Test("each encoding reaches the document text intact", arguments: ["utf-8", "utf-8-bom", "utf-16le", "utf-16be", "windows-1252"])
    func encodings(encoding: String) throws {
        let dir = try SharedData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = "Café Owner Speaks\n\n“Déjà vu,” said the café’s owner — twice."
        var bytes: [UInt8]
        switch encoding {
        case "utf-8": bytes = Array(text.utf8)
        case "utf-8-bom": bytes = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        case "utf-16le": bytes = [0xFF, 0xFE] + Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        case "utf-16be": bytes = [0xFE, 0xFF] + Array(text.utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        default: bytes = Array(try #require(text.data(using: .windowsCP1252)))
        }
        let file = dir.appendingPathComponent("enc.txt")
        _ = FileManager.default.createFile(atPath: file.path, contents: Data(bytes))
        let (documents, diagnostics) = read([file.path])
        #expect(diagnostics.isEmpty)
        #expect(documents.first?.text == text)
        #expect(documents.first?.provenance.encoding == encoding)
    }
}

@Suite("InputReader on special files")
struct SpecialFileTests {
    @Test("a device or a FIFO is refused without blocking on it", .timeLimit(.minutes(4)))
    func specialFiles() throws {
        let dir = try SharedData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("pipe.txt").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let (documents, diagnostics) = read(["/dev/null", fifo])
        #expect(documents.isEmpty)
        #expect(diagnostics.map(\.reason) == ["not a regular file", "not a regular file"])
    }

    @Test("a .txt file that holds JSON Lines records is read as JSON Lines")
    func contentOverName() throws {
        let dir = try SharedData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let records = dir.appendingPathComponent("records.txt")
        try (#"{"id":"a","text":"First."}"# + "\n" + #"{"id":"b","text":"Second."}"#).write(to: records, atomically: true, encoding: .utf8)
        let (documents, _) = read([records.path])
        #expect(documents.map(\.suggestedID) == ["a", "b"])
    }
}
