import Foundation
import PostgresNIO
import SynopticStore

/// The work queue in the `work_queue` table.
///
/// A claim is one statement: a `SELECT … FOR UPDATE SKIP LOCKED` picks the oldest ready rows no
/// other transaction has locked, and the `UPDATE` around it marks them claimed with the worker's
/// name, a lease end taken from the server's clock (so workers' clocks never matter) and the next
/// attempt number. Two workers claiming at the same moment get disjoint items; neither waits for
/// the other.
extension PostgresStore: WorkQueue {
    @discardableResult
    public func enqueue(_ documents: [QueuedDocument]) async throws -> [Int64] {
        guard !documents.isEmpty else { return [] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let rows = try documents.map { document in
            (json: try String(decoding: encoder.encode(document), as: UTF8.self), label: document.label)
        }
        // One transaction for the batch: either every document is queued or none is. Rows go in
        // a thousand per statement, in their order (WITH ORDINALITY … ORDER BY), so the ids the
        // sequence hands out follow the documents' order.
        return try await transaction { connection in
            var ids: [Int64] = []
            ids.reserveCapacity(rows.count)
            for chunk in stride(from: 0, to: rows.count, by: 1_000).map({ rows[$0..<min(rows.count, $0 + 1_000)] }) {
                let inserted = try await connection.query(
                    """
                    INSERT INTO work_queue (document, label)
                    SELECT document, label
                    FROM unnest(\(chunk.map(\.json))::text[], \(chunk.map(\.label))::text[]) WITH ORDINALITY AS t (document, label, position)
                    ORDER BY position
                    RETURNING id
                    """, logger: logger)
                var chunkIDs: [Int64] = []
                for try await id in inserted.decode(Int64.self) { chunkIDs.append(id) }
                ids += chunkIDs.sorted()
            }
            return ids
        }
    }

    public func claim(limit: Int, worker: String, lease: Duration) async throws -> [WorkItem] {
        guard limit > 0 else { return [] }
        let leaseMilliseconds = Self.milliseconds(lease)
        let maxAttempts = self.maxAttempts
        let claimed = try await transaction { connection in
            // Items whose last lease ran out on their last allowed attempt are failed, not claimed.
            try await connection.query(
                """
                UPDATE work_queue
                SET status = 'failed', finished_at = now(), lease_until = NULL,
                    last_error = 'lease ran out on each of ' || attempts || ' claims (worker ' || coalesce(worker, '?') || ' last)'
                WHERE status = 'claimed' AND lease_until < now() AND attempts >= \(maxAttempts)
                """, logger: logger)
            let rows = try await connection.query(
                """
                UPDATE work_queue AS q
                SET status = 'claimed', worker = \(worker), attempts = q.attempts + 1,
                    lease_until = now() + \(leaseMilliseconds) * interval '1 millisecond'
                FROM (
                    SELECT id FROM work_queue
                    WHERE status = 'pending' OR (status = 'claimed' AND lease_until < now())
                    ORDER BY id
                    LIMIT \(limit)
                    FOR UPDATE SKIP LOCKED
                ) AS ready
                WHERE q.id = ready.id
                RETURNING q.id, q.document, q.attempts
                """, logger: logger)
            var claimed: [(id: Int64, json: String, attempt: Int)] = []
            for try await (id, json, attempt) in rows.decode((Int64, String, Int).self) {
                claimed.append((id, json, attempt))
            }
            return claimed
        }
        let decoder = JSONDecoder()
        return try claimed.sorted { $0.id < $1.id }.map { row in
            guard let document = try? decoder.decode(QueuedDocument.self, from: Data(row.json.utf8)) else {
                throw StoreError.damaged("work_queue item \(row.id) does not hold a queued document")
            }
            return WorkItem(id: row.id, document: document, attempt: row.attempt, worker: worker)
        }
    }

    // Each update below holds only while the caller still holds the item: same claim (attempt),
    // same worker, still claimed. A lease that ran out but was not claimed again still counts as
    // held: nobody else has the item.

    @discardableResult
    public func renew(_ item: WorkItem, lease: Duration) async throws -> Bool {
        try await !rows(
            """
            UPDATE work_queue SET lease_until = now() + \(Self.milliseconds(lease)) * interval '1 millisecond'
            WHERE id = \(item.id) AND status = 'claimed' AND attempts = \(item.attempt) AND worker = \(item.worker) RETURNING id
            """
        ).isEmpty
    }

    @discardableResult
    public func complete(_ item: WorkItem) async throws -> Bool {
        try await !rows(
            """
            UPDATE work_queue SET status = 'done', finished_at = now(), lease_until = NULL, last_error = NULL
            WHERE id = \(item.id) AND status = 'claimed' AND attempts = \(item.attempt) AND worker = \(item.worker) RETURNING id
            """
        ).isEmpty
    }

    @discardableResult
    public func fail(_ item: WorkItem, reason: String, retry: Bool) async throws -> Bool {
        // Past its last attempt an item fails for good, so one bad document cannot loop forever.
        let status = retry && item.attempt < maxAttempts ? "pending" : "failed"
        return try await !rows(
            """
            UPDATE work_queue
            SET status = \(status), lease_until = NULL, last_error = \(reason),
                finished_at = CASE WHEN \(status) = 'failed' THEN now() END
            WHERE id = \(item.id) AND status = 'claimed' AND attempts = \(item.attempt) AND worker = \(item.worker) RETURNING id
            """
        ).isEmpty
    }

    public func queueCounts() async throws -> WorkQueueCounts {
        var counts = WorkQueueCounts()
        for try await (status, count) in try await client.query("SELECT status, count(*) FROM work_queue GROUP BY status", logger: logger)
            .decode((String, Int).self)
        {
            switch status {
            case "pending": counts.pending = count
            case "claimed": counts.claimed = count
            case "done": counts.done = count
            case "failed": counts.failed = count
            default: throw StoreError.damaged("work_queue status \(status)")
            }
        }
        return counts
    }

    // MARK: - Helpers

    static func milliseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return max(1, seconds * 1000 + attoseconds / 1_000_000_000_000_000)
    }
}

extension QueuedDocument {
    /// Where the document came from, for a person reading the queue (`path:line`, or the URL).
    var label: String {
        provenance.url ?? provenance.location
    }
}
