import Foundation
import SynopticCore

/// Writes the JSON document of the contract (see `docs/json.md`).
public struct JSONRenderer: Sendable {
    public var pretty: Bool

    public init(pretty: Bool = true) { self.pretty = pretty }

    public func render(_ briefing: Briefing) throws -> String {
        try render(briefing.document)
    }

    public func render(_ document: BriefingDocument) throws -> String {
        let encoder = JSONEncoder()
        // Sorted keys make the output byte-for-byte reproducible (the encoder's own order is not).
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(document)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
