import SynopticCore
import SynopticIngest

/// Documents read from the web, and the problems met, each naming its URL.
public struct LiveSources: Sendable {
    public var documents: [SourceDocument]
    public var diagnostics: [Diagnostic]

    public init(documents: [SourceDocument] = [], diagnostics: [Diagnostic] = []) {
        self.documents = documents
        self.diagnostics = diagnostics
    }

    mutating func append(_ other: LiveSources) {
        documents += other.documents
        diagnostics += other.diagnostics
    }
}
