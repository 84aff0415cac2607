import SynopticCLI

@main
struct Entry {
    // Async, so that subcommands that fetch, store or serve can await; synchronous subcommands
    // run as before.
    static func main() async {
        await SynopticCommand.main()
    }
}
