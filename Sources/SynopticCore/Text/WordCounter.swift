/// Counts words the way a reader would: runs of letters and digits, where an apostrophe, hyphen,
/// period or comma between two such characters stays inside the word (`Russia’s`, `U.S.`, `106,000`).
public enum WordCounter {
    public static func count(in text: some StringProtocol) -> Int {
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let isWordScalar = ScalarClass.isLetterOrDigit(scalar)
            if isWordScalar {
                if !inWord { count += 1 }
                inWord = true
            } else if inWord, isJoiner(scalar) {
                // A joiner keeps the word open only if a word character follows; a following
                // space ends it anyway, so leaving `inWord` set is harmless.
                continue
            } else {
                inWord = false
            }
        }
        return count
    }

    private static func isJoiner(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "'", "\u{2019}", "-", "\u{2010}", "\u{2011}", ".", ",": true
        default: false
        }
    }
}
