import Hummingbird
import Logging
import NIOCore
import Synoptic
import SynopticStore

/// The server's application: routes, middleware and the HTTP/1 channel with its limits.
///
/// ```swift
/// let app = buildApplication(library: library, configuration: ServerConfiguration(port: 8080))
/// try await app.runService()   // stops cleanly on SIGINT or SIGTERM
/// ```
public func buildApplication(
    library: some ServerLibrary, configuration: ServerConfiguration, logger: Logger? = nil,
    onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
) -> some ApplicationProtocol {
    let router = buildRouter(library: library, configuration: configuration)
    var log = logger ?? Logger(label: "synoptic.server")
    if logger == nil { log.logLevel = .notice }
    let idle = configuration.idleTimeout.components
    let idleTimeout = TimeAmount.nanoseconds(idle.seconds * 1_000_000_000 + idle.attoseconds / 1_000_000_000)
    return Application(
        router: router,
        server: .http1(configuration: .init(idleTimeout: idleTimeout)),
        configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port), serverName: "synoptic"),
        onServerRunning: onServerRunning,
        logger: log)
}

/// The router alone (what the OpenAPI test lists routes from, and what `buildApplication` serves).
public func buildRouter(library: some ServerLibrary, configuration: ServerConfiguration) -> Router<BasicRequestContext> {
    let router = Router()
    // Order matters: middleware applies to routes added after it. Security headers wrap the JSON
    // errors so that error responses carry them too.
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: JSONErrorMiddleware())
    HealthRoute(library: library).register(on: router)
    // One cache for the API's briefings and the story pages: both are renderings of one revision.
    let cache = BriefingCache(capacity: configuration.briefingCacheEntries)
    StoryRoutes(library: library, cache: cache).register(on: router)
    ArticleRoutes(library: library, configuration: configuration).register(on: router)
    WebRoutes(library: library, cache: cache).register(on: router)
    return router
}
