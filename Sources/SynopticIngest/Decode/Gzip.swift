import CZlib

/// Why gzip data could not be inflated.
public enum GzipFailure: Error, Sendable, Hashable, CustomStringConvertible {
    case corrupt(String)
    case tooLarge(limit: Int)

    public var description: String {
        switch self {
        case .corrupt(let why): "not valid gzip data (\(why))"
        case .tooLarge(let limit): "inflates to more than \(limit / (1024 * 1024)) MB"
        }
    }
}

/// Inflates gzip data (`.html.gz` pages), with a limit on the inflated size so a small file that
/// expands to gigabytes is refused rather than allowed to fill memory.
public enum Gzip {
    public static func isGzip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    public static func inflate(_ bytes: [UInt8], limit: Int) throws(GzipFailure) -> [UInt8] {
        var stream = z_stream()
        // 15 window bits + 32: detect gzip or zlib headers.
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .corrupt("zlib could not start")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        output.reserveCapacity(min(limit, max(bytes.count * 4, 1 << 16)))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var input = bytes
        var status: Int32 = Z_OK
        let result: GzipFailure? = input.withUnsafeMutableBufferPointer { source -> GzipFailure? in
            stream.next_in = source.baseAddress
            stream.avail_in = UInt32(source.count)
            repeat {
                let produced = chunk.withUnsafeMutableBufferPointer { target -> Int in
                    stream.next_out = target.baseAddress
                    stream.avail_out = UInt32(target.count)
                    status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    return target.count - Int(stream.avail_out)
                }
                if status != Z_OK && status != Z_STREAM_END && !(status == Z_BUF_ERROR && produced > 0) {
                    return .corrupt(status == Z_BUF_ERROR ? "truncated" : "damaged stream")
                }
                if output.count + produced > limit { return .tooLarge(limit: limit) }
                output.append(contentsOf: chunk[0..<produced])
                // Concatenated gzip members: start the next one.
                if status == Z_STREAM_END, stream.avail_in > 0 {
                    guard inflateReset(&stream) == Z_OK else { return .corrupt("damaged member") }
                    status = Z_OK
                }
                if status == Z_BUF_ERROR, stream.avail_in == 0 { return .corrupt("truncated") }
            } while status != Z_STREAM_END
            return nil
        }
        if let result { throw result }
        return output
    }
}
