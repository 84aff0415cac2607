import SynopticCLI

@main
struct Entry {
    static func main() async {
        await SynopticCommand.main()
    }
}
