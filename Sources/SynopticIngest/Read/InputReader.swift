import Foundation
import SynopticCore

/// Reads the inputs a user names: files, directories (recursively), and `-` for standard input.
///
/// Every problem becomes one ``Diagnostic`` naming the file (and line) and the reason, and reading
/// goes on with the next input. Memory is bounded by the largest single article: text files are
/// refused above ``IngestLimits/maxArticleBytes`` before they are read, JSON Lines files are streamed
/// line by line, and standard input is read up to the limit.
public struct InputReader: Sendable {
    public var limits: IngestLimits
    private let parser = DocumentParser()

    /// Extensions read when found inside a directory.
    public static let textExtensions: Set<String> = ["txt", "text", "md", "markdown"]
    public static let jsonLinesExtensions: Set<String> = ["jsonl", "ndjson"]
    public static let htmlExtensions: Set<String> = ["html", "htm", "xhtml"]

    /// Whether a file name is an HTML page, compressed (`.html.gz`) or not.
    static func isHTMLFile(_ path: String) -> Bool {
        let ext = pathExtension(path)
        if htmlExtensions.contains(ext) { return true }
        return ext == "gz" && htmlExtensions.contains(pathExtension(String(path.dropLast(3))))
    }

    public init(limits: IngestLimits = .default) {
        self.limits = limits
    }

    /// Reads `inputs` in order, calling `document` for each article found and `diagnostic` for each
    /// problem. `standardInput` supplies the handle `-` reads.
    public func read(
        _ inputs: [String], standardInput: () -> FileHandle = { FileHandle.standardInput },
        document: (SourceDocument) -> Void, diagnostic: (Diagnostic) -> Void
    ) {
        for input in inputs {
            if input == "-" {
                readStandardInput(standardInput(), document: document, diagnostic: diagnostic)
                continue
            }
            let file: PosixFile
            switch PosixFile.open(input) {
            case .failure(let failure):
                diagnostic(Diagnostic(.error, path: input, reason: failure.reason))
                continue
            case .success(let opened):
                file = opened
            }
            if case .directory = file.kind {
                var files: [String] = []
                var visited: Set<String> = []
                collect(directory: input, into: &files, visited: &visited, diagnostic: diagnostic)
                if files.isEmpty {
                    diagnostic(Diagnostic(.error, path: input, reason: "directory holds no .txt, .text, .md, .html, .html.gz or .jsonl files"))
                }
                for path in files { readFile(path, document: document, diagnostic: diagnostic) }
            } else {
                readFile(file, path: input, document: document, diagnostic: diagnostic)
            }
        }
    }

    // MARK: - Directories

    private func collect(directory: String, into files: inout [String], visited: inout Set<String>, diagnostic: (Diagnostic) -> Void) {
        let real = (directory as NSString).resolvingSymlinksInPath
        guard visited.insert(real).inserted else { return }
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        } catch {
            diagnostic(Diagnostic(.error, path: directory, reason: "cannot list directory (\(Self.reason(error)))"))
            return
        }
        for entry in entries where !entry.hasPrefix(".") {
            let path = directory.hasSuffix("/") ? directory + entry : directory + "/" + entry
            switch PosixFile.kind(of: path) {
            case .success(.directory):
                collect(directory: path, into: &files, visited: &visited, diagnostic: diagnostic)
            case .success(.regular):
                let ext = Self.pathExtension(entry)
                if Self.textExtensions.contains(ext) || Self.jsonLinesExtensions.contains(ext) || Self.isHTMLFile(entry) { files.append(path) }
            default:
                continue
            }
        }
    }

    // MARK: - Files

    private func readFile(_ path: String, document: (SourceDocument) -> Void, diagnostic: (Diagnostic) -> Void) {
        switch PosixFile.open(path) {
        case .failure(let failure):
            diagnostic(Diagnostic(.error, path: path, reason: "cannot read (\(failure.reason))"))
        case .success(let file):
            readFile(file, path: path, document: document, diagnostic: diagnostic)
        }
    }

    private func readFile(_ file: PosixFile, path: String, document: (SourceDocument) -> Void, diagnostic: (Diagnostic) -> Void) {
        guard case .regular(let size) = file.kind else {
            diagnostic(Diagnostic(.error, path: path, reason: "not a regular file"))
            return
        }
        let ext = Self.pathExtension(path)
        if Self.jsonLinesExtensions.contains(ext) {
            guard let handle = FileHandle(forReadingAtPath: path) else {
                diagnostic(Diagnostic(.error, path: path, reason: "cannot read (\(PosixFile.lastError()))"))
                return
            }
            defer { try? handle.close() }
            readJSONLines(handle, path: path, document: document, diagnostic: diagnostic)
            return
        }
        guard size <= limits.maxArticleBytes else {
            diagnostic(Diagnostic(.error, path: path, reason: "file is \(Self.megabytes(size)), above the \(Self.megabytes(limits.maxArticleBytes)) limit for one article"))
            return
        }
        let bytes: [UInt8]
        switch file.read(limit: limits.maxArticleBytes) {
        case .failure(let failure):
            diagnostic(Diagnostic(.error, path: path, reason: "cannot read (\(failure.reason))"))
            return
        case .success(let read):
            bytes = read
        }
        guard bytes.count <= limits.maxArticleBytes else {
            diagnostic(Diagnostic(.error, path: path, reason: "file grew above the \(Self.megabytes(limits.maxArticleBytes)) limit while being read"))
            return
        }
        if Self.isHTMLFile(path) || (ext == "gz" && Gzip.isGzip(bytes)) {
            readPage(bytes, path: path, document: document, diagnostic: diagnostic)
            return
        }
        if ext == "json" || Self.looksLikeJSONLines(bytes) {
            readJSONLines(bytes: bytes, path: path, document: document, diagnostic: diagnostic)
            return
        }
        emitText(bytes, path: path, origin: .textFile, document: document, diagnostic: diagnostic)
    }

    /// An HTML page, inflated first when compressed; the inflated size is held to the same limit
    /// as any article, so a small file that expands to gigabytes is refused.
    private func readPage(_ bytes: [UInt8], path: String, document: (SourceDocument) -> Void, diagnostic: (Diagnostic) -> Void) {
        var page = bytes
        if Gzip.isGzip(bytes) {
            do {
                page = try Gzip.inflate(bytes, limit: limits.maxArticleBytes)
            } catch {
                diagnostic(Diagnostic(.error, path: path, reason: error.description))
                return
            }
        }
        switch parser.htmlDocument(bytes: page, path: path, origin: .htmlFile) {
        case .success(let parsed): document(parsed)
        case .failure(let problem): diagnostic(problem)
        }
    }

    static func pathExtension(_ path: String) -> String {
        let utf8 = path.utf8
        let nameStart = utf8.lastIndex(of: UInt8(ascii: "/")).map { utf8.index(after: $0) } ?? utf8.startIndex
        guard let dot = utf8[nameStart...].lastIndex(of: UInt8(ascii: ".")), dot != nameStart else { return "" }
        return path[utf8.index(after: dot)...].lowercased()
    }

    private func readStandardInput(_ handle: FileHandle, document: (SourceDocument) -> Void, diagnostic: (Diagnostic) -> Void) {
        var bytes: [UInt8] = []
        while bytes.count <= limits.maxArticleBytes {
            guard let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty else { break }
            bytes.append(contentsOf: chunk)
        }
        if bytes.count > limits.maxArticleBytes {
            if Self.looksLikeJSONLines(bytes) {
                // JSON Lines on standard input may be long; the limit holds per line.
                readJSONLines(handle, path: "-", prefix: bytes, document: document, diagnostic: diagnostic)
            } else {
                diagnostic(Diagnostic(.error, path: "-", reason: "standard input is above the \(Self.megabytes(limits.maxArticleBytes)) limit for one article"))
            }
            return
        }
        if Self.looksLikeJSONLines(bytes) {
            readJSONLines(bytes: bytes, path: "-", document: document, diagnostic: diagnostic)
        } else {
            emitText(bytes, path: "-", origin: .standardInput, document: document, diagnostic: diagnostic)
        }
    }

    private func emitText(_ bytes: [UInt8], path: String, origin: Provenance.Origin, document: (SourceDocument) -> Void, diagnostic: (Diagnostic) -> Void) {
        // A page saved under another name, or piped in.
        if DocumentParser.looksLikeHTML(bytes) || Gzip.isGzip(bytes) {
            readPage(bytes, path: path, document: document, diagnostic: diagnostic)
            return
        }
        switch parser.textDocument(bytes: bytes, path: path, origin: origin) {
        case .success(let (parsed, warnings)):
            warnings.forEach(diagnostic)
            document(parsed)
        case .failure(let problem):
            diagnostic(problem)
        }
    }

    // MARK: - JSON Lines

    /// The first non-blank line is a JSON object with a `text` or `html` field.
    static func looksLikeJSONLines(_ bytes: [UInt8]) -> Bool {
        guard let first = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }), bytes[first] == UInt8(ascii: "{") else {
            return false
        }
        let end = bytes[first...].firstIndex(of: 0x0A) ?? bytes.endIndex
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes[first..<end])) as? [String: Any] else { return false }
        return object["text"] != nil || object["html"] != nil
    }

    private func readJSONLines(bytes: [UInt8], path: String, document: (SourceDocument) -> Void, diagnostic: (Diagnostic) -> Void) {
        var lines = LineSplitter(maxLineBytes: limits.maxArticleBytes)
        var state = JSONLinesState()
        lines.feed(bytes[...]) { handleLine($0, path: path, state: &state, document: document, diagnostic: diagnostic) }
        lines.finish { handleLine($0, path: path, state: &state, document: document, diagnostic: diagnostic) }
        state.finish(path: path, diagnostic: diagnostic)
    }

    private func readJSONLines(
        _ handle: FileHandle, path: String, prefix: [UInt8] = [], document: (SourceDocument) -> Void, diagnostic: (Diagnostic) -> Void
    ) {
        var lines = LineSplitter(maxLineBytes: limits.maxArticleBytes)
        var state = JSONLinesState()
        lines.feed(prefix[...]) { handleLine($0, path: path, state: &state, document: document, diagnostic: diagnostic) }
        while !state.gaveUp {
            let chunk: Data
            do {
                guard let data = try handle.read(upToCount: 1 << 20), !data.isEmpty else { break }
                chunk = data
            } catch {
                diagnostic(Diagnostic(.error, path: path, reason: "read failed (\(Self.reason(error)))"))
                break
            }
            lines.feed([UInt8](chunk)[...]) { handleLine($0, path: path, state: &state, document: document, diagnostic: diagnostic) }
        }
        lines.finish { handleLine($0, path: path, state: &state, document: document, diagnostic: diagnostic) }
        state.finish(path: path, diagnostic: diagnostic)
    }

    private func handleLine(
        _ line: LineSplitter.Line, path: String, state: inout JSONLinesState, document: (SourceDocument) -> Void, diagnostic: (Diagnostic) -> Void
    ) {
        guard !state.gaveUp else { return }
        switch line {
        case .tooLong(let number, let length):
            state.failed()
            diagnostic(Diagnostic(.error, path: path, line: number, reason: "line is \(Self.megabytes(length)), above the \(Self.megabytes(limits.maxArticleBytes)) limit for one article"))
        case .complete(let number, let bytes):
            var content = bytes
            while let last = content.last, last == 0x0D || last == 0x20 || last == 0x09 { content.removeLast() }
            while let first = content.first, first == 0x20 || first == 0x09 || first == 0xEF || first == 0xBB || first == 0xBF { content.removeFirst() }
            guard !content.isEmpty else { return }
            state.lines += 1
            switch parser.jsonRecord(content, path: path, line: number) {
            case .success(let parsed):
                state.succeeded()
                document(parsed)
            case .failure(let problem):
                state.failed()
                diagnostic(problem)
            }
        }
        if state.gaveUp {
            diagnostic(Diagnostic(.error, path: path, reason: "gave up after \(JSONLinesState.giveUpAfter) invalid lines in a row with no valid record; is this JSON Lines?"))
        }
    }

    // MARK: - Messages

    static func megabytes(_ bytes: Int) -> String {
        if bytes < 1024 * 1024 { return "\(bytes) bytes" }
        let tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024)
        return "\(tenths / 10).\(tenths % 10) MB"
    }

    static func reason(_ error: any Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code))).lowercased()
        }
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))).lowercased() }
        switch ns.code {
        case NSFileReadNoPermissionError: return "permission denied"
        case NSFileReadNoSuchFileError, NSFileNoSuchFileError: return "no such file or directory"
        default: return ns.localizedDescription
        }
    }
}

/// Counts of a JSON Lines input, to stop reading what is plainly not JSON Lines.
struct JSONLinesState {
    static let giveUpAfter = 20
    var lines = 0
    var good = 0
    var badInARow = 0
    var gaveUp = false

    mutating func succeeded() {
        good += 1
        badInARow = 0
    }

    mutating func failed() {
        badInARow += 1
        if good == 0 && badInARow >= Self.giveUpAfter { gaveUp = true }
    }

    func finish(path: String, diagnostic: (Diagnostic) -> Void) {
        if lines == 0 && !gaveUp { diagnostic(Diagnostic(.error, path: path, reason: "empty file")) }
    }
}

/// Splits a byte stream into lines, refusing (without buffering) lines above a size limit.
struct LineSplitter {
    enum Line {
        case complete(number: Int, bytes: ArraySlice<UInt8>)
        case tooLong(number: Int, length: Int)
    }

    let maxLineBytes: Int
    private var buffer: [UInt8] = []
    private var overflowLength = 0
    private var lineNumber = 1

    init(maxLineBytes: Int) { self.maxLineBytes = maxLineBytes }

    mutating func feed(_ bytes: ArraySlice<UInt8>, _ emit: (Line) -> Void) {
        var rest = bytes
        while let newline = rest.firstIndex(of: 0x0A) {
            let piece = rest[rest.startIndex..<newline]
            if overflowLength > 0 {
                emit(.tooLong(number: lineNumber, length: overflowLength + piece.count))
                overflowLength = 0
            } else if buffer.isEmpty {
                if piece.count > maxLineBytes { emit(.tooLong(number: lineNumber, length: piece.count)) } else { emit(.complete(number: lineNumber, bytes: piece)) }
            } else {
                buffer.append(contentsOf: piece)
                if buffer.count > maxLineBytes { emit(.tooLong(number: lineNumber, length: buffer.count)) } else { emit(.complete(number: lineNumber, bytes: buffer[...])) }
                buffer.removeAll(keepingCapacity: true)
            }
            lineNumber += 1
            rest = rest[(newline + 1)...]
        }
        if overflowLength > 0 {
            overflowLength += rest.count
        } else if buffer.count + rest.count > maxLineBytes {
            overflowLength = buffer.count + rest.count
            buffer.removeAll()
        } else {
            buffer.append(contentsOf: rest)
        }
    }

    mutating func finish(_ emit: (Line) -> Void) {
        if overflowLength > 0 {
            emit(.tooLong(number: lineNumber, length: overflowLength))
        } else if !buffer.isEmpty {
            emit(.complete(number: lineNumber, bytes: buffer[...]))
        }
        buffer.removeAll()
        overflowLength = 0
    }
}
