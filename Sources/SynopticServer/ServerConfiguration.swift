/// How the server listens and what it accepts. The defaults suit one machine on loopback; every
/// limit is here so that tests can make them small.
public struct ServerConfiguration: Sendable, Hashable {
    /// Address to bind; loopback unless the operator means to expose the server.
    public var host: String
    /// Port to bind; 0 lets the system pick a free one (tests).
    public var port: Int
    /// Largest request body read, in bytes; a larger one is answered 413 without being read.
    public var maxBodyBytes: Int
    /// Most documents one POST may carry (a JSON array or JSON Lines).
    public var maxDocumentsPerRequest: Int
    /// A connection that has not sent a complete request head for this long is closed. The HTTP
    /// parser emits nothing until the head is complete, so a client that trickles header bytes
    /// (slowloris) is closed after this long however steadily it trickles.
    public var idleTimeout: Duration
    /// The longest a request body may take to arrive; a body trickled slower is answered 408.
    public var bodyTimeout: Duration
    /// How many rendered briefings (story × format) are kept in memory.
    public var briefingCacheEntries: Int

    public init(
        host: String = "127.0.0.1", port: Int = 8080, maxBodyBytes: Int = 4 * 1024 * 1024, maxDocumentsPerRequest: Int = 1000,
        idleTimeout: Duration = .seconds(15), bodyTimeout: Duration = .seconds(30), briefingCacheEntries: Int = 4096
    ) {
        self.host = host
        self.port = port
        self.maxBodyBytes = maxBodyBytes
        self.maxDocumentsPerRequest = maxDocumentsPerRequest
        self.idleTimeout = idleTimeout
        self.bodyTimeout = bodyTimeout
        self.briefingCacheEntries = briefingCacheEntries
    }
}
