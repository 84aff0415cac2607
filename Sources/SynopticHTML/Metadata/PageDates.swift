import Foundation
import SynopticCore

/// Every date a page states about itself, and the published and modified dates they support.
///
/// A page's template often stamps the time it was rendered into a generic `date` field or a
/// visible `<time>`; such a date is later than anything else the page says. So, besides refusing
/// dates in the future, a published date is refused when it is certainly later than the page's
/// own modification date, or than every other date the page states. Dates without a zone are
/// compared with 14 hours of slack either way (``DateNormalizer/possibleSeconds(ofISO8601:)``), so
/// zone-less and zoned versions of the same moment never contradict each other.
struct PageDates {
    enum Role { case published, modified }

    struct Stated {
        var role: Role
        var trust: MetadataTrust
        /// Normalised ISO 8601.
        var iso: String
        var seconds: ClosedRange<Int>
    }

    private(set) var stated: [Stated] = []

    /// Records `raw` when it reads as a date; anything else is ignored.
    mutating func add(_ raw: String, role: Role, trust: MetadataTrust) {
        guard let iso = DateNormalizer.iso8601(raw), let seconds = DateNormalizer.possibleSeconds(ofISO8601: iso) else { return }
        stated.append(Stated(role: role, trust: trust, iso: iso, seconds: seconds))
    }

    /// The most trusted dates that pass the checks above; nil when the page states none.
    func resolved(now: Date) -> (published: String?, modified: String?) {
        let nowSeconds = Int(now.timeIntervalSince1970)
        let current = stated.enumerated().filter { $0.element.seconds.lowerBound <= nowSeconds }
        let byTrust = current.sorted { ($0.element.trust, $0.offset) < ($1.element.trust, $1.offset) }
        let modified = byTrust.first { $0.element.role == .modified }?.element
        let published = byTrust.first { candidate in
            guard candidate.element.role == .published else { return false }
            if let modified, Self.isCertainlyLater(candidate.element, than: modified) { return false }
            let others = current.filter { $0.offset != candidate.offset }
            guard let latestElsewhere = others.map(\.element.seconds.upperBound).max() else { return true }
            return candidate.element.seconds.lowerBound <= latestElsewhere
        }?.element
        return (published?.iso, modified?.iso)
    }

    private static func isCertainlyLater(_ date: Stated, than other: Stated) -> Bool {
        date.seconds.lowerBound > other.seconds.upperBound
    }
}
