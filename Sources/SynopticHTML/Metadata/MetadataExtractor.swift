import CLibXML2
import Foundation
import SynopticCore

/// How far a source of metadata is trusted, most trusted first: structured data written for
/// machines beats social-card tags, which beat loose meta tags, microdata and what is printed on
/// the page.
enum MetadataTrust: Int, Comparable {
    case jsonLD, openGraph, meta, microdata, visible

    static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Reads a page's metadata: title, outlet, authors, dates, canonical URL, language, summary.
///
/// One walk over the tree collects every candidate (``PageEvidence``); the choice among them is
/// made afterwards, by trust and by the checks in ``PageDates`` and ``AuthorNames``.
struct MetadataExtractor {
    /// Dates after this are refused as lying in the future.
    var now = Date()

    /// The metadata of a page given as UTF-8 bytes, read on its own (extraction reads it in the same
    /// pass as the content, through ``PageReader``).
    func metadata(ofUTF8 page: [UInt8]) -> PageMetadata {
        let reader = PageReader()
        MarkupStream.parse(page, into: reader)
        return metadata(from: reader.evidence)
    }

    func metadata(from evidence: PageEvidence) -> PageMetadata {
        var metadata = PageMetadata()
        let article = JSONLD.article(in: evidence.jsonLDBlocks)
        var candidates = evidence.candidates
        var dates = evidence.dates
        if let article {
            for value in article.personAuthors { candidates.add(.author, value, .jsonLD) }
            // An organisation as author is no person, but it names the outlet.
            for value in [article.publisher] + article.organizationAuthors { candidates.add(.outlet, value, .jsonLD) }
            candidates.add(.url, article.url, .jsonLD)
            candidates.add(.language, article.language, .jsonLD)
            candidates.add(.summary, article.description, .jsonLD)
            for raw in article.published { dates.add(raw, role: .published, trust: .jsonLD) }
            if let raw = article.modified { dates.add(raw, role: .modified, trust: .jsonLD) }
            metadata.articleBody = article.articleBody
        }

        let titleElement = evidence.titleElement.map(\.collapsingWhitespace)
        // The outlet a page names for itself; without one, the last part of a `<title>` like
        // "Headline | Outlet". The host of the URL is deliberately not used: it is not a name the
        // page gives, and `url` already carries it for whoever renders a citation.
        metadata.outlet = candidates.best(.outlet) ?? titleElement.flatMap { TitleParts.split($0)?.suffix }
        let title = [evidence.openGraphTitle, article?.headline, evidence.twitterTitle].lazy.compactMap { $0 }.map(\.collapsingWhitespace)
            .first { !$0.isEmpty }
        if let title {
            metadata.title = TitleParts.removingOutlet(metadata.outlet, from: title, removingShortSuffix: false)
        } else if let titleElement, !titleElement.isEmpty {
            metadata.title = TitleParts.removingOutlet(metadata.outlet, from: titleElement, removingShortSuffix: true)
        }

        metadata.authors = candidates.firstNames { AuthorNames.names(in: $0) }
        if metadata.authors.isEmpty { metadata.authors = evidence.bylineNames() }
        (metadata.published, metadata.modified) = dates.resolved(now: now)
        metadata.url = Self.absoluteURL(evidence.canonicalLink) ?? candidates.all(.url).lazy.compactMap(Self.absoluteURL).first
        metadata.language = candidates.all(.language).lazy.compactMap(Self.languageTag).first
        metadata.summary = candidates.best(.summary).map(\.collapsingWhitespace)
        return metadata
    }

    /// Absolute http(s) URLs only; a protocol-relative one gets https.
    private static func absoluteURL(_ raw: String?) -> String? {
        guard let trimmed = raw?.trimmingWhitespace else { return nil }
        let url = trimmed.hasPrefix("//") ? "https:" + trimmed : trimmed
        let lowered = url.lowercased()
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://"), !url.contains(" ") else { return nil }
        return url
    }

    /// A BCP 47 tag (`en`, `en-US`), from the forms pages use (`en_US`, `EN`); nil for anything else.
    static func languageTag(_ raw: String) -> String? {
        let parts = raw.trimmingCharacters(in: .whitespaces).split(whereSeparator: { $0 == "-" || $0 == "_" })
        guard let primary = parts.first, (2...3).contains(primary.count), primary.allSatisfy({ $0.isASCII && $0.isLetter }),
            parts.dropFirst().allSatisfy({ (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } })
        else { return nil }
        let region = parts.dropFirst().map { $0.count == 2 ? $0.uppercased() : String($0) }
        return ([primary.lowercased()] + region).joined(separator: "-")
    }
}

/// The fields that take candidates from several sources.
enum Field {
    case outlet, url, language, summary, author
}

/// Candidate values per field, each with the trust of its source, in document order.
struct FieldCandidates {
    private var values: [Field: [(trust: MetadataTrust, value: String)]] = [:]

    /// Records a value; nil and blank values are ignored.
    mutating func add(_ field: Field, _ value: String?, _ trust: MetadataTrust) {
        guard let trimmed = value?.trimmingWhitespace, !trimmed.isEmpty else { return }
        values[field, default: []].append((trust, trimmed))
    }

    /// All values, most trusted first, document order within a trust level.
    func all(_ field: Field) -> [String] {
        (values[field] ?? []).enumerated().sorted { ($0.element.trust, $0.offset) < ($1.element.trust, $1.offset) }.map(\.element.value)
    }

    func best(_ field: Field) -> String? { all(field).first }

    /// Authors from the most trusted source that names any person: sources are not mixed, since
    /// they spell the same people differently ("Jane Q. Doe", "JANE DOE").
    func firstNames(_ names: (String) -> [String]) -> [String] {
        let authors = values[.author] ?? []
        for trust in Set(authors.map(\.trust)).sorted() {
            var found: [String] = []
            for candidate in authors where candidate.trust == trust { AuthorNames.appendNew(names(candidate.value), to: &found) }
            if !found.isEmpty { return found }
        }
        return []
    }
}

/// Splits "Headline | Outlet" titles.
enum TitleParts {
    private static let separators = [" | ", " - ", " — ", " – ", " :: ", " « ", " » ", " · "]

    /// The headline and the part after the last separator, when that part is short enough to be a
    /// site name: at most four words, after a headline of two words or more (so that "Biden -
    /// Trump debate" stays whole).
    static func split(_ title: String) -> (head: String, suffix: String)? {
        let cuts = separators.compactMap { lastRange(of: $0, in: title) }
        guard let cut = cuts.max(by: { $0.lowerBound < $1.lowerBound }) else { return nil }
        let head = title[..<cut.lowerBound].trimmingCharacters(in: .whitespaces)
        let suffix = title[cut.upperBound...].trimmingCharacters(in: .whitespaces)
        let suffixWords = suffix.split(separator: " ").count
        guard !head.isEmpty, (1...4).contains(suffixWords),
            head.split(separator: " ").count >= 2
        else { return nil }
        return (head, suffix)
    }

    /// Where `needle` last occurs in `text`, compared byte for byte (the separators begin and end
    /// with a space, so the bounds fall between characters).
    private static func lastRange(of needle: String, in text: String) -> Range<String.Index>? {
        let haystack = text.utf8
        let pattern = Array(needle.utf8)
        guard let firstByte = pattern.first, haystack.count >= pattern.count else { return nil }
        var start = haystack.index(haystack.endIndex, offsetBy: -pattern.count)
        while true {
            if haystack[start] == firstByte, haystack[start...].starts(with: pattern) {
                return start..<haystack.index(start, offsetBy: pattern.count)
            }
            guard start > haystack.startIndex else { return nil }
            start = haystack.index(before: start)
        }
    }

    /// The title without the outlet's name before or after a separator; with
    /// `removingShortSuffix`, without any short suffix even when no outlet is known to match it.
    static func removingOutlet(_ outlet: String?, from title: String, removingShortSuffix: Bool) -> String {
        if let outlet,
            let prefix = separators.lazy.compactMap({ separator in
                title.range(of: outlet + separator, options: [.anchored, .caseInsensitive])
            }).first
        {
            let rest = title[prefix.upperBound...].trimmingCharacters(in: .whitespaces)
            if !rest.isEmpty { return rest }
        }
        guard let parts = split(title) else { return title }
        if removingShortSuffix || outlet.map({ names(parts.suffix, sameOutletAs: $0) }) == true { return parts.head }
        return title
    }

    /// Compares letters and digits only, so "Al Bawaba" and "Al-Bawaba" name the same outlet.
    private static func names(_ suffix: String, sameOutletAs outlet: String) -> Bool {
        let a = String(suffix.lowercased().filter { $0.isLetter || $0.isNumber })
        let b = String(outlet.lowercased().filter { $0.isLetter || $0.isNumber })
        return !a.isEmpty && !b.isEmpty && (a.contains(b) || b.contains(a))
    }
}
