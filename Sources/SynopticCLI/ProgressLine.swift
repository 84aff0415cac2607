import Foundation
import Synchronization
import SynopticStore

/// One line on standard error that rewrites itself while a long ingest runs, only when standard
/// error is a terminal: piped or redirected, an ingest prints nothing but its summary, so logs
/// and scripts never see carriage returns.
final class ProgressLine: Sendable {
    private let enabled: Bool
    private let lastDraw = Mutex<UInt64>(0)
    private let drawn = Mutex<Bool>(false)

    init(enabled: Bool = isatty(STDERR_FILENO) == 1) { self.enabled = enabled }

    /// Shows a phase before counts are known (reading, cleaning).
    func status(_ text: String) {
        guard enabled else { return }
        draw(text)
    }

    /// Shows the counts, at most ten times a second (and always the last one).
    func update(_ progress: IngestProgress) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        let due = lastDraw.withLock { last in
            guard progress.done == progress.total || now - last >= 100_000_000 else { return false }
            last = now
            return true
        }
        guard due else { return }
        let percent = progress.total == 0 ? 100 : progress.done * 100 / progress.total
        draw("ingest: \(progress.done)/\(progress.total) (\(percent)%), stored \(progress.stored), duplicates \(progress.duplicates)")
    }

    /// Clears the line, so the summary starts at the left margin.
    func finish() {
        guard enabled, drawn.withLock({ $0 }) else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    private func draw(_ text: String) {
        drawn.withLock { $0 = true }
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
    }
}
