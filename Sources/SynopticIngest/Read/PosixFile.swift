#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Plain POSIX file access: per-file cost matters when a batch holds tens of thousands of small
/// articles, and Foundation's file APIs cost several times more per call.
enum PosixFile {
    enum Kind {
        case regular(size: Int)
        case directory
        case other
    }

    struct Failure: Error {
        var reason: String
    }

    /// What is at `path` (following symbolic links).
    static func kind(of path: String) -> Result<Kind, Failure> {
        var info = stat()
        guard stat(path, &info) == 0 else { return .failure(Failure(reason: lastError())) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .success(.regular(size: Int(info.st_size)))
        case S_IFDIR: return .success(.directory)
        default: return .success(.other)
        }
    }

    /// Reads at most `limit + 1` bytes of a regular file, so a caller can tell "over the limit"
    /// without reading a huge file whole.
    static func read(_ path: String, limit: Int) -> Result<[UInt8], Failure> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(Failure(reason: lastError())) }
        defer { close(fd) }
        var info = stat()
        let expected = fstat(fd, &info) == 0 ? Int(info.st_size) : 0
        var bytes = [UInt8](repeating: 0, count: min(max(expected, 0), limit) + 1)
        var count = 0
        while true {
            if count == bytes.count {
                guard count <= limit else { break }
                bytes.append(contentsOf: repeatElement(0, count: min(max(count, 4096), limit + 1 - count)))
            }
            let got = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(fd, buffer.baseAddress! + count, buffer.count - count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(Failure(reason: lastError()))
            }
            if got == 0 { break }
            count += got
        }
        bytes.removeSubrange(count...)
        return .success(bytes)
    }

    static func lastError() -> String {
        String(cString: strerror(errno)).lowercased()
    }
}
