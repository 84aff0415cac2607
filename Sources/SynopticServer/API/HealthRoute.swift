import Foundation
import Hummingbird
import Synoptic
import SynopticStore

/// `GET /health`: 200 when the library answers a query (so a dead store shows as 503, not as a
/// live process), with how many stories it holds.
struct HealthRoute<Library: ServerLibrary>: Sendable {
    let library: Library
    let started = ContinuousClock.now

    struct Body: Codable, Sendable {
        var status: String
        var generator: String
        var stories: Int
        var uptimeSeconds: Double

        enum CodingKeys: String, CodingKey {
            case status, generator, stories
            case uptimeSeconds = "uptime_seconds"
        }
    }

    func register(on router: Router<some RequestContext>) {
        router.get("/health") { _, _ in try await health() }
    }

    func health() async throws -> Response {
        let page: StoryPage
        do {
            page = try await library.stories(StoryQuery(limit: 1))
        } catch {
            throw APIError(.serviceUnavailable, "store_unavailable", "The store does not answer.")
        }
        let uptime = ContinuousClock.now - started
        let seconds = Double(uptime.components.seconds) + Double(uptime.components.attoseconds) / 1e18
        return try JSONOutput.response(
            Body(status: "ok", generator: Briefing.generator, stories: page.total, uptimeSeconds: (seconds * 1000).rounded() / 1000),
            headers: [.cacheControl: "no-store"])
    }
}
