import Foundation
import Hummingbird
import HummingbirdTesting
import Synoptic
import SynopticServer
import SynopticStore
import SynopticTestSupport
import Testing
import Yams

/// docs/openapi.yaml against the server: the same routes on both sides, and real responses that
/// match the statuses, content types and JSON schemas the document declares.
@Suite("OpenAPI document")
struct OpenAPIDocumentTests {
    static func document() throws -> [String: Any] {
        let path = SharedData.repositoryRoot.appendingPathComponent("docs/openapi.yaml").path
        let yaml = try String(contentsOfFile: path, encoding: .utf8)
        return try #require(try Yams.load(yaml: yaml) as? [String: Any])
    }

    static let methods = ["get", "put", "post", "delete", "patch", "head", "options"]

    /// `GET /api/stories/{id}` for each operation in the document.
    static func documentedRoutes(_ document: [String: Any]) throws -> Set<String> {
        let paths = try #require(document["paths"] as? [String: Any])
        var routes: Set<String> = []
        for (path, item) in paths {
            let operations = try #require(item as? [String: Any])
            for method in methods where operations[method] != nil { routes.insert("\(method.uppercased()) \(path)") }
        }
        return routes
    }

    @Test("The document is OpenAPI 3.1 and every operation has an id, a summary and responses")
    func documentShape() throws {
        let document = try Self.document()
        #expect((document["openapi"] as? String)?.hasPrefix("3.1") == true)
        let paths = try #require(document["paths"] as? [String: Any])
        for (path, item) in paths {
            for (method, operation) in try #require(item as? [String: Any]) where Self.methods.contains(method) {
                let operation = try #require(operation as? [String: Any])
                #expect(operation["operationId"] is String, "\(method) \(path)")
                #expect(operation["summary"] is String, "\(method) \(path)")
                #expect(!((operation["responses"] as? [String: Any]) ?? [:]).isEmpty, "\(method) \(path)")
            }
        }
    }

    @Test("Every route in the document is served, and every served route is in the document")
    func routesMatch() throws {
        let documented = try Self.documentedRoutes(try Self.document())
        let router = buildRouter(library: ServerFixture.emptyLibrary(), configuration: ServerFixture.configuration)
        let served = Set(router.routes.map { route -> String in
            var path = route.path.description
            if !path.hasPrefix("/") { path = "/" + path }
            if path.count > 1, path.hasSuffix("/") { path.removeLast() }
            return "\(route.method.rawValue) \(path)"
        })
        #expect(!served.isEmpty)
        #expect(served.subtracting(documented).isEmpty, "served but not documented: \(served.subtracting(documented).sorted())")
        #expect(documented.subtracting(served).isEmpty, "documented but not served: \(documented.subtracting(served).sorted())")
    }

    struct Probe: Sendable {
        var route: String
        var uri: String
        var method: HTTPRequest.Method = .get
        var headers: HTTPFields = [:]
        var body: String? = nil
    }

    @Test("Responses of every operation have a declared status, content type and (for JSON) schema")
    func responsesMatchDocument() async throws {
        let document = try Self.document()
        let library = try await ServerFixture.exampleLibrary()
        let storyID = try await ServerFixture.firstStoryID(library)
        let articleID = try #require(try await library.storyBriefing(storyID: storyID)?.stories.first?.articleIDs.first)
        let article = "{\"title\": \"Quay crane back\", \"text\": \"The quay crane returned to work on Monday, the port said. It had been idle for a week.\"}"
        let probes: [Probe] = [
            Probe(route: "GET /health", uri: "/health"),
            Probe(route: "GET /api/stories", uri: "/api/stories"),
            Probe(route: "GET /api/stories", uri: "/api/stories?limit=0"),
            Probe(route: "GET /api/stories/{id}", uri: "/api/stories/\(storyID)"),
            Probe(route: "GET /api/stories/{id}", uri: "/api/stories/\(storyID)?format=md"),
            Probe(route: "GET /api/stories/{id}", uri: "/api/stories/\(storyID)?format=html"),
            Probe(route: "GET /api/stories/{id}", uri: "/api/stories/\(storyID)?format=text"),
            Probe(route: "GET /api/stories/{id}", uri: "/api/stories/\(storyID)?format=doc"),
            Probe(route: "GET /api/stories/{id}", uri: "/api/stories/missing"),
            Probe(route: "GET /api/stories/{id}", uri: "/api/stories/\(storyID)", headers: [.ifNoneMatch: "*"]),
            Probe(route: "GET /api/articles/{id}", uri: "/api/articles/\(articleID)"),
            Probe(route: "GET /api/articles/{id}", uri: "/api/articles/missing"),
            Probe(route: "GET /api/articles/{id}", uri: "/api/articles/%2E%2E"),
            Probe(route: "POST /api/articles", uri: "/api/articles", method: .post, headers: [.contentType: "application/json"], body: article),
            Probe(route: "POST /api/articles", uri: "/api/articles", method: .post, headers: [.contentType: "application/json"], body: article),
            Probe(route: "POST /api/articles", uri: "/api/articles", method: .post, headers: [.contentType: "application/json"], body: "{"),
            Probe(route: "POST /api/articles", uri: "/api/articles", method: .post, headers: [.contentType: "image/png"], body: "x"),
            Probe(
                route: "POST /api/articles", uri: "/api/articles", method: .post, headers: [.contentType: "text/plain"],
                body: String(repeating: "x", count: 70_000)),
            Probe(
                route: "POST /api/articles", uri: "/api/articles", method: .post, headers: [.contentType: "text/html"],
                body: "<!DOCTYPE html><html><body><nav>Menu</nav></body></html>"),
            Probe(route: "GET /", uri: "/"),
            Probe(route: "GET /", uri: "/?from=never"),
            Probe(route: "GET /stories/{id}", uri: "/stories/\(storyID)"),
            Probe(route: "GET /stories/{id}", uri: "/stories/missing"),
            Probe(route: "GET /stories/{id}", uri: "/stories/%3Cx%3E"),
            Probe(route: "GET /articles/{id}", uri: "/articles/\(articleID)"),
            Probe(route: "GET /articles/{id}", uri: "/articles/missing"),
            Probe(route: "GET /articles/{id}", uri: "/articles/%3Cx%3E"),
        ]
        // Every documented operation is exercised.
        #expect(Set(probes.map(\.route)) == (try Self.documentedRoutes(document)))
        let statusesSeen = try await ServerFixture.app(library).test(.router) { client in
            // The document is read again here: a parsed YAML tree is not Sendable.
            let document = try Self.document()
            let paths = try #require(document["paths"] as? [String: Any])
            let validator = SchemaValidator(document: document)
            var statusesSeen: [String: Set<String>] = [:]
            for probe in probes {
                let response = try await client.execute(
                    uri: probe.uri, method: probe.method, headers: probe.headers, body: probe.body.map { ByteBuffer(string: $0) })
                let parts = probe.route.split(separator: " ", maxSplits: 1).map(String.init)
                let operation = try #require((paths[parts[1]] as? [String: Any])?[parts[0].lowercased()] as? [String: Any])
                let responses = try #require(operation["responses"] as? [String: Any])
                let status = String(response.status.code)
                statusesSeen[probe.route, default: []].insert(status)
                let declared = try #require(
                    validator.resolve(responses[status]) as? [String: Any], "\(probe.route) \(probe.uri): status \(status) is not declared")
                guard let content = declared["content"] as? [String: Any] else {
                    #expect(response.body.readableBytes == 0, "\(probe.uri): \(status) declares no body")
                    continue
                }
                let type = try #require(response.headers[.contentType]).split(separator: ";")[0].trimmingCharacters(in: .whitespaces)
                let media = try #require(content[type] as? [String: Any], "\(probe.uri): \(type) not declared for \(status)")
                if type == "application/json", let schema = media["schema"] {
                    let value = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView), options: [.fragmentsAllowed])
                    let problems = validator.validate(value, against: schema, at: "$")
                    #expect(problems.isEmpty, "\(probe.uri): \(problems.prefix(5))")
                }
            }
            return statusesSeen
        }
        #expect(statusesSeen["GET /api/stories/{id}"] == ["200", "304", "400", "404"])
        #expect(statusesSeen["POST /api/articles"] == ["200", "201", "400", "413", "415", "422"])
    }
}

/// The part of JSON Schema the document uses: `$ref`, `type` (one or a list), `required`,
/// `properties`, `items`, `enum`, `const`, `oneOf`.
struct SchemaValidator {
    let document: [String: Any]

    /// Follows a local `$ref` (`#/components/...`), else returns the value.
    func resolve(_ value: Any?) -> Any? {
        guard let object = value as? [String: Any], let ref = object["$ref"] as? String, ref.hasPrefix("#/") else { return value }
        var node: Any? = document
        for key in ref.dropFirst(2).split(separator: "/") { node = (node as? [String: Any])?[String(key)] }
        return resolve(node)
    }

    func validate(_ value: Any, against schemaValue: Any, at path: String) -> [String] {
        guard let schema = resolve(schemaValue) as? [String: Any] else { return ["\(path): schema not found"] }
        if let choices = schema["oneOf"] as? [Any] {
            let matching = choices.filter { validate(value, against: $0, at: path).isEmpty }
            return matching.count == 1 ? [] : ["\(path): matches \(matching.count) of oneOf"]
        }
        var problems: [String] = []
        if let types = schema["type"] {
            let allowed = (types as? [String]) ?? [(types as? String) ?? ""]
            if !allowed.contains(where: { Self.isType(value, $0) }) { return ["\(path): \(type(of: value)) is not \(allowed)"] }
        }
        if let options = schema["enum"] as? [Any], let text = value as? String, !options.contains(where: { ($0 as? String) == text }) {
            problems.append("\(path): \(text) not in enum")
        }
        if let constant = schema["const"] as? String, (value as? String) != constant { problems.append("\(path): not \(constant)") }
        if let object = value as? [String: Any] {
            for name in (schema["required"] as? [String]) ?? [] where object[name] == nil { problems.append("\(path): missing \(name)") }
            for (name, property) in (schema["properties"] as? [String: Any]) ?? [:] {
                if let field = object[name] { problems += validate(field, against: property, at: "\(path).\(name)") }
            }
        }
        if let array = value as? [Any], let items = schema["items"] {
            for (index, item) in array.enumerated() { problems += validate(item, against: items, at: "\(path)[\(index)]") }
        }
        return problems
    }

    static func isType(_ value: Any, _ type: String) -> Bool {
        switch type {
        case "null": return value is NSNull
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "string": return value is String
        case "boolean": return value is NSNumber
        case "integer":
            guard let number = value as? NSNumber else { return false }
            return number.doubleValue == number.doubleValue.rounded()
        case "number": return value is NSNumber
        default: return false
        }
    }
}
