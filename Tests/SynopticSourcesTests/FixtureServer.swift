import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// An HTTP/1.1 server on 127.0.0.1 (ephemeral port) that answers from a routing closure, for the
/// fetch and feed tests: nothing leaves the machine. It records every request it receives.
final class FixtureServer: Sendable {
    /// A request as the server saw it.
    struct Request: Sendable {
        var path: String
        var headers: HTTPHeaders
        func header(_ name: String) -> String? { headers.first(name: name) }
    }

    /// How the server answers a request.
    enum Reply: Sendable {
        /// A response with a `Content-Length` (none for 304).
        case respond(status: HTTPResponseStatus, headers: [(String, String)], body: [UInt8])
        /// A chunked response without a length, written in 64 KB pieces.
        case chunked(headers: [(String, String)], body: [UInt8])
        /// Never answer (the connection stays open).
        case hang

        static func ok(_ body: String, type: String = "text/html; charset=utf-8", headers: [(String, String)] = []) -> Reply {
            .respond(status: .ok, headers: [("Content-Type", type)] + headers, body: Array(body.utf8))
        }

        static func redirect(to location: String, status: HTTPResponseStatus = .found) -> Reply {
            .respond(status: status, headers: [("Location", location)], body: [])
        }

        static let notFound = Reply.respond(status: .notFound, headers: [("Content-Type", "text/plain")], body: Array("not here".utf8))
    }

    typealias Route = @Sendable (Request) -> Reply

    private let channel: any Channel
    let port: Int
    private let log: Mutex<[Request]>

    private init(channel: any Channel, port: Int) {
        self.channel = channel
        self.port = port
        self.log = Mutex([])
    }

    /// `http://127.0.0.1:PORT` + `path`.
    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// Every request received so far, in order.
    var requests: [Request] { log.withLock { $0 } }

    /// The requests for one path.
    func requests(for path: String) -> [Request] { requests.filter { $0.path == path } }

    /// Starts a server answering with `route`.
    static func start(_ route: @escaping Route) async throws -> FixtureServer {
        let recorder = Recorder()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(FixtureHandler(route: route, recorder: recorder))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        guard let port = channel.localAddress?.port else { throw FixtureError.noPort }
        let server = FixtureServer(channel: channel, port: port)
        recorder.server.withLock { $0 = server }
        return server
    }

    fileprivate func record(_ request: Request) {
        log.withLock { $0.append(request) }
    }

    /// Stops listening.
    func stop() async {
        try? await channel.close()
    }

    /// Runs `body` with a server, stopping it afterwards.
    static func with<T>(_ route: @escaping Route, _ body: (FixtureServer) async throws -> T) async throws -> T {
        let server = try await start(route)
        do {
            let result = try await body(server)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    enum FixtureError: Error { case noPort }

    /// Lets the handlers reach the server (created after the bootstrap) to record requests.
    fileprivate final class Recorder: Sendable {
        let server = Mutex<FixtureServer?>(nil)
        func record(_ request: Request) { server.withLock { $0 }?.record(request) }
    }
}

private final class FixtureHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    let route: FixtureServer.Route
    let recorder: FixtureServer.Recorder
    var head: HTTPRequestHead?

    init(route: @escaping FixtureServer.Route, recorder: FixtureServer.Recorder) {
        self.route = route
        self.recorder = recorder
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch Self.unwrapInboundIn(data) {
        case .head(let head): self.head = head
        case .body: break
        case .end:
            guard let head else { return }
            let request = FixtureServer.Request(path: head.uri, headers: head.headers)
            recorder.record(request)
            switch route(request) {
            case .hang:
                return
            case .respond(let status, let extra, let body):
                var headers = HTTPHeaders(extra)
                if status != .notModified { headers.replaceOrAdd(name: "Content-Length", value: "\(body.count)") }
                context.write(Self.wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: status, headers: headers))), promise: nil)
                if !body.isEmpty { context.write(Self.wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: body)))), promise: nil) }
                context.writeAndFlush(Self.wrapOutboundOut(.end(nil)), promise: nil)
            case .chunked(let extra, let body):
                let headers = HTTPHeaders(extra + [("Transfer-Encoding", "chunked")])
                context.write(Self.wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: .ok, headers: headers))), promise: nil)
                var start = 0
                while start < body.count {
                    let end = min(body.count, start + 65_536)
                    context.writeAndFlush(Self.wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: body[start..<end])))), promise: nil)
                    start = end
                }
                context.writeAndFlush(Self.wrapOutboundOut(.end(nil)), promise: nil)
            }
            self.head = nil
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}

/// A value shared between tasks and threads in tests.
final class Locked<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>
    init(_ value: Value) { mutex = Mutex(value) }
    var value: Value { mutex.withLock { $0 } }
    func update(_ change: (inout Value) -> Void) { mutex.withLock { change(&$0) } }
}
