import Hummingbird

/// Checks the ids that arrive in paths before they reach a store or a page: letters, digits and
/// `.`, `_`, `-`, `~`, `:`, `@` only, at most 200 of them, and never `.` or `..` alone. That keeps
/// traversal (`../`, an encoded `%2F`), NUL bytes and markup out, whatever the store does with ids.
enum Identifier {
    static let maxLength = 200

    static func isValid(_ id: String) -> Bool {
        guard !id.isEmpty, id.utf8.count <= maxLength, id != ".", id != ".." else { return false }
        return id.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
            case UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "~"), UInt8(ascii: ":"), UInt8(ascii: "@"): true
            default: false
            }
        }
    }

    /// The `id` path parameter, checked; a 400 with a JSON body when it is not a valid id.
    static func parameter(_ context: some RequestContext, _ name: String = "id") throws -> String {
        guard let id = context.parameters.get(name) else { throw APIError.invalidParameter(name, "missing") }
        guard isValid(id) else {
            throw APIError(.badRequest, "invalid_id", "An id is 1 to \(maxLength) letters, digits, '.', '_', '-', '~', ':' or '@' (and not '.' or '..').")
        }
        return id
    }
}
