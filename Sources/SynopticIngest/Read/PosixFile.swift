#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Plain POSIX file access: per-file cost matters when a batch holds tens of thousands of small
/// articles, and Foundation's file APIs cost several times more per call. One `open` and one
/// `fstat` tell the kind and size of an input; the same descriptor then reads it.
final class PosixFile {
    enum Kind {
        case regular(size: Int)
        case directory
        case other

        init(_ info: stat) {
            switch info.st_mode & S_IFMT {
            case S_IFREG: self = .regular(size: Int(info.st_size))
            case S_IFDIR: self = .directory
            default: self = .other
            }
        }
    }

    struct Failure: Error {
        var reason: String
    }

    private let descriptor: Int32
    let kind: Kind

    private init(descriptor: Int32, kind: Kind) {
        self.descriptor = descriptor
        self.kind = kind
    }

    deinit { close(descriptor) }

    /// Opens `path` for reading (following symbolic links) and tells what it is.
    static func open(_ path: String) -> Result<PosixFile, Failure> {
        // O_NONBLOCK: opening a FIFO must not wait for a writer; regular files ignore it.
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return .failure(Failure(reason: lastError())) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let failure = Failure(reason: lastError())
            close(fd)
            return .failure(failure)
        }
        return .success(PosixFile(descriptor: fd, kind: Kind(info)))
    }

    /// What is at `path`, without keeping it open.
    static func kind(of path: String) -> Result<Kind, Failure> {
        var info = stat()
        guard stat(path, &info) == 0 else { return .failure(Failure(reason: lastError())) }
        return .success(Kind(info))
    }

    /// Reads at most `limit + 1` bytes, so a caller can tell "over the limit" without reading a
    /// huge file whole.
    func read(limit: Int) -> Result<[UInt8], Failure> {
        var expected = 0
        if case .regular(let size) = kind { expected = size }
        var bytes = [UInt8](repeating: 0, count: min(max(expected, 0), limit) + 1)
        var count = 0
        while true {
            if count == bytes.count {
                guard count <= limit else { break }
                bytes.append(contentsOf: repeatElement(0, count: min(max(count, 4096), limit + 1 - count)))
            }
            let got = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(Failure(reason: Self.lastError()))
            }
            if got == 0 { break }
            count += got
            // Stop at the size the file had when opened, unless that would hide growth past the limit.
            if count == expected && expected <= limit { break }
        }
        bytes.removeSubrange(count...)
        return .success(bytes)
    }

    static func lastError() -> String {
        String(cString: strerror(errno)).lowercased()
    }
}
