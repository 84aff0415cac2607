import ArgumentParser

/// The `synoptic` command line.
public struct SynopticCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "synoptic",
        abstract: "Reads many news reports of the same events and writes one attributed briefing.",
        version: "0.1.0",
        subcommands: [
            BriefCommand.self, CleanCommand.self, DiffCommand.self, EvalCommand.self, IngestCommand.self, StoriesCommand.self, ShowCommand.self,
            ExportCommand.self, WatchCommand.self, ServeCommand.self,
        ],
        defaultSubcommand: nil)

    public init() {}
}
