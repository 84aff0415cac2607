import SynopticCLI

@main
struct Entry {
    static func main() {
        SynopticCommand.main()
    }
}
