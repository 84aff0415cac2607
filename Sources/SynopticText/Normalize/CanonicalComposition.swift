import Foundation
import SynopticCore

/// Unicode NFC, applied only where it can change something.
///
/// Scalars below U+0300 are always stable under NFC, and so is any scalar with canonical combining
/// class 0 that is not one of the few NFC_QC=No/Maybe starters. Text is cut into runs of a starter
/// and its following marks; only runs that hold a mark (or a Hangul vowel/trailing jamo, or a
/// singleton that NFC replaces) go through Foundation's composition. Plain Latin, Cyrillic or CJK text
/// is copied untouched, and the map records the runs whose length changed.
enum CanonicalComposition {
    static func compose(_ input: [Unicode.Scalar]) -> ([Unicode.Scalar], OffsetMap)? {
        let found: Int? = input.withUnsafeBufferPointer { buffer in
            for (i, scalar) in buffer.enumerated() where scalar.value >= 0x300 && needsComposition(scalar) { return i }
            return nil
        }
        guard let first = found else { return nil }
        var output: [Unicode.Scalar] = []
        output.reserveCapacity(input.count)
        var builder = OffsetMap.Builder()
        // Everything before the run that holds the first trigger is unchanged.
        var runStart = first
        while runStart > 0 && input[runStart].properties.canonicalCombiningClass != .notReordered { runStart -= 1 }
        output.append(contentsOf: input[..<runStart])
        builder.copy(runStart)
        var i = runStart
        while i < input.count {
            var j = i + 1
            var needs = input[i].value >= 0x300 && needsComposition(input[i])
            while j < input.count, input[j].value >= 0x300, isMarkOrJoiningJamo(input[j]) || needsComposition(input[j]) {
                needs = true
                j += 1
            }
            if !needs {
                output.append(input[i])
                builder.copy(1)
                i += 1
                continue
            }
            var run = String.UnicodeScalarView()
            run.append(contentsOf: input[i..<j])
            let composed = Array(String(run).precomposedStringWithCanonicalMapping.unicodeScalars)
            output.append(contentsOf: composed)
            builder.replace(source: j - i, derived: composed.count)
            i = j
        }
        return (output, builder.finish(sourceLength: input.count))
    }

    private static func isMarkOrJoiningJamo(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.canonicalCombiningClass != .notReordered
            || (0x1161...0x1175).contains(scalar.value) || (0x11A8...0x11C2).contains(scalar.value)
    }

    /// Whether NFC could change text at this scalar: a combining mark, a Hangul jamo that composes
    /// with the syllable before it, or a singleton/compatibility code point that NFC replaces.
    private static func needsComposition(_ scalar: Unicode.Scalar) -> Bool {
        // General Punctuation (dashes, curly quotes, ellipsis) and the common scripts' letters
        // never compose: answer without a property lookup.
        switch scalar.value {
        case 0x2002...0x206F, 0x0400...0x0482, 0x048A...0x0590, 0x20A0...0x20CF: return false
        default: break
        }
        if isMarkOrJoiningJamo(scalar) { return true }
        switch scalar.value {
        case 0x0340, 0x0341, 0x0343, 0x0344, 0x0374, 0x037E, 0x0387, 0x1F71...0x1FFD, 0x2000, 0x2001,
            0x2126, 0x212A, 0x212B, 0x2329, 0x232A, 0x0958...0x095F, 0x09DC, 0x09DD, 0x09DF, 0x0A33, 0x0A36,
            0x0A59...0x0A5B, 0x0A5E, 0x0B5C, 0x0B5D, 0x0F43, 0x0F4D, 0x0F52, 0x0F57, 0x0F5C, 0x0F69, 0x0F73,
            0x0F75, 0x0F76, 0x0F78, 0x0F81, 0x0F93, 0x0F9D, 0x0FA2, 0x0FA7, 0x0FAC, 0x0FB9, 0xF900...0xFAFF,
            0xFB1D, 0xFB1F, 0xFB2A...0xFB4E, 0x2F800...0x2FA1D:
            return true
        default:
            return false
        }
    }
}
