import Synoptic

/// A paragraph diff as HTML: removed paragraphs struck in `<del>`, added ones in `<ins>`, and runs
/// of unchanged paragraphs longer than two folded into a count so that a small edit to a long
/// article stays readable on a phone.
enum DiffView {
    static func render(_ lines: [VersionDiff.Line]) -> String {
        var out = "<ol class=\"diff\">\n"
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if line.op == .same {
                var end = index
                while end < lines.count, lines[end].op == .same { end += 1 }
                let run = end - index
                if run > 2 {
                    out += same(lines[index].text)
                    out += "<li class=\"same folded\"><span class=\"sign\"> </span>… \(run - 2) unchanged paragraph\(run - 2 == 1 ? "" : "s") …</li>\n"
                    out += same(lines[end - 1].text)
                } else {
                    for k in index..<end { out += same(lines[k].text) }
                }
                index = end
                continue
            }
            let text = HTMLText.escape(line.text)
            switch line.op {
            case .removed: out += "<li class=\"removed\"><span class=\"sign\">−</span><del>\(text)</del></li>\n"
            case .added: out += "<li class=\"added\"><span class=\"sign\">+</span><ins>\(text)</ins></li>\n"
            case .same: break
            }
            index += 1
        }
        return out + "</ol>\n"
    }

    static func same(_ text: String) -> String {
        "<li class=\"same\"><span class=\"sign\"> </span>\(HTMLText.escape(text))</li>\n"
    }
}
