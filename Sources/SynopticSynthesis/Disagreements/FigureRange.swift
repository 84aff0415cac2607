import SynopticCore

/// The values a figure allows, hedge included: "106,000" is about 106,000, "more than 100,000"
/// anything above 100,000, "as many as 175,000" anything up to it. Two figures of one quantity
/// disagree only when their ranges cannot meet.
struct FigureRange: Equatable {
    var lower: Double
    var upper: Double

    /// Relative slack for a figure given without a hedge: writers round.
    static let roundingSlack = 0.01
    /// Relative width of "about", "roughly", "some".
    static let aboutSlack = 0.15

    init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    init(_ figure: Figure) {
        let v = figure.value
        switch figure.approximation {
        case nil:
            self.init(lower: v * (1 - Self.roundingSlack), upper: v * (1 + Self.roundingSlack))
        case .about:
            self.init(lower: v * (1 - Self.aboutSlack), upper: v * (1 + Self.aboutSlack))
        case .moreThan, .atLeast:
            self.init(lower: v * (1 - Self.roundingSlack), upper: .infinity)
        case .lessThan, .upTo:
            self.init(lower: 0, upper: v * (1 + Self.roundingSlack))
        case .nearly:
            self.init(lower: v * (1 - Self.aboutSlack), upper: v * (1 + Self.roundingSlack))
        }
    }

    func overlaps(_ other: FigureRange) -> Bool { lower <= other.upper && other.lower <= upper }
}
