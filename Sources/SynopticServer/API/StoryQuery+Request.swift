import Foundation
import Hummingbird
import SynopticCore
import SynopticStore

extension StoryQuery {
    /// Largest page a client may ask for: a list is for browsing, export is for everything.
    static let maxLimit = 200

    /// The query of `GET /api/stories` and of the story list page, each parameter checked:
    /// `from` and `to` are calendar days (`YYYY-MM-DD`), `limit` 1…200 (default 50), `offset` ≥ 0.
    init(request: Request) throws {
        let parameters = request.uri.queryParameters
        self.init()
        for name in ["from", "to"] {
            guard let value = parameters.get(name), !value.isEmpty else { continue }
            guard Self.isCalendarDay(value) else { throw APIError.invalidParameter(name, "expected a day as YYYY-MM-DD, got \"\(value)\"") }
            if name == "from" { from = value } else { to = value }
        }
        if let from, let to, from > to { throw APIError.invalidParameter("from", "\(from) is after to (\(to))") }
        if let outlet = parameters.get("outlet"), !outlet.isEmpty {
            guard outlet.count <= 200 else { throw APIError.invalidParameter("outlet", "longer than 200 characters") }
            self.outlet = outlet
        }
        if let value = parameters.get("limit") {
            guard let limit = Int(value), (1...Self.maxLimit).contains(limit) else {
                throw APIError.invalidParameter("limit", "expected a whole number from 1 to \(Self.maxLimit), got \"\(value)\"")
            }
            self.limit = limit
        }
        if let value = parameters.get("offset") {
            guard let offset = Int(value), offset >= 0, offset <= 10_000_000 else {
                throw APIError.invalidParameter("offset", "expected a whole number from 0, got \"\(value)\"")
            }
            self.offset = offset
        }
    }

    /// `YYYY-MM-DD` naming a real day.
    static func isCalendarDay(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
        for (index, byte) in bytes.enumerated() where index != 4 && index != 7 {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return false }
        }
        return CivilDate(iso8601: value) != nil
    }
}
