import Foundation
import Hummingbird
import Synoptic

/// Which rendering of a briefing a request asks for: `?format=` when given (`json`, `md`, `html`,
/// `text`), else the first of the `Accept` types the server knows, else JSON.
enum BriefingFormat {
    static func negotiate(_ request: Request) throws -> OutputFormat {
        if let name = request.uri.queryParameters.get("format") {
            guard let format = OutputFormat(rawValue: name.lowercased()) ?? (name.lowercased() == "markdown" ? .markdown : nil) else {
                throw APIError.invalidParameter("format", "expected one of json, md, html, text; got \"\(name)\"")
            }
            return format
        }
        guard let accept = request.headers[.accept] else { return .json }
        for item in accept.split(separator: ",") {
            let type = item.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
            switch type {
            case "application/json": return .json
            case "text/markdown": return .markdown
            case "text/html": return .html
            case "text/plain": return .text
            default: continue
            }
        }
        return .json
    }

    static func contentType(_ format: OutputFormat) -> String {
        switch format {
        case .json: "application/json; charset=utf-8"
        case .markdown: "text/markdown; charset=utf-8"
        case .html: "text/html; charset=utf-8"
        case .text: "text/plain; charset=utf-8"
        }
    }
}
