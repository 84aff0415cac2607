/// Formats a briefing can be written in.
public enum OutputFormat: String, Sendable, CaseIterable {
    case markdown = "md"
    case json
    case html
    case text

    /// Renders `briefing` in this format.
    public func render(_ briefing: Briefing) throws -> String {
        switch self {
        case .markdown: MarkdownRenderer().render(briefing)
        case .json: try JSONRenderer().render(briefing)
        case .html: HTMLRenderer().render(briefing)
        case .text: TextRenderer().render(briefing)
        }
    }
}
