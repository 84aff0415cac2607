/// Words that introduce reported speech: verbs of saying in all their forms, and the verbs that
/// frame a fragment of someone's words (“called the talks ‘a dead end’”).
///
/// Verbs of saying are a closed class of English; the list is the general one of reporting verbs
/// in news writing (say, tell, add, ask, note, warn, …), not words taken from particular articles.
enum SpeechCues {
    /// Base forms and their inflections.
    private static let verbs: [String: [String]] = [
        "say": ["says", "said", "saying"], "tell": ["tells", "told", "telling"], "write": ["writes", "wrote", "written", "writing"],
        "add": [], "ask": [], "state": [], "declare": [], "note": [], "explain": [], "insist": [], "warn": [], "argue": [],
        "continue": [], "reply": ["replies", "replied", "replying"], "respond": [], "recall": [], "claim": [], "announce": [],
        "acknowledge": [], "admit": ["admits", "admitted", "admitting"], "suggest": [], "predict": [], "complain": [], "urge": [],
        "stress": ["stresses", "stressed", "stressing"], "emphasize": [], "emphasise": [], "remark": ["remarked"], "observe": [],
        "quip": ["quips", "quipped", "quipping"], "joke": [], "concede": [], "contend": [], "maintain": [], "assert": [],
        "affirm": [], "testify": ["testifies", "testified", "testifying"], "tweet": [], "post": [], "vow": [], "promise": [],
        "pledge": [], "boast": [], "shout": [], "yell": [], "cry": ["cries", "cried", "crying"], "whisper": [], "exclaim": [],
        "recount": [], "conclude": [], "report": [], "comment": [], "point": [], "counter": [], "retort": [], "lament": [],
        "scoff": [], "mutter": [], "demand": [], "plead": ["pleads", "pleaded", "pled", "pleading"], "caution": [], "reiterate": [],
        "confirm": [], "deny": ["denies", "denied", "denying"], "describe": [], "call": [], "dub": ["dubs", "dubbed", "dubbing"],
        "term": [], "label": ["labels", "labeled", "labelled", "labeling", "labelling"], "put": ["puts", "putting"],
        "read": ["reads", "reading"], "chant": [], "tout": [], "wonder": [],
        // Manner-of-speaking and stance verbs that news writing uses as “said” with a colour.
        "charge": [], "allege": [], "proclaim": [], "assure": [], "interject": [], "chime": [], "reason": [], "opine": [],
        "elaborate": [], "reveal": [], "hint": [], "repeat": [], "reflect": [], "marvel": ["marvels", "marveled", "marvelled", "marveling"],
        "muse": [], "gush": [], "fume": [], "bark": [], "boom": [], "thunder": [], "snap": ["snaps", "snapped", "snapping"],
        "sneer": [], "scold": [], "chide": [], "sigh": [], "laugh": [], "scream": [], "holler": [], "gripe": [], "grumble": [],
        "brag": ["brags", "bragged", "bragging"], "concur": ["concurs", "concurred", "concurring"], "answer": [],
    ]

    /// Every form, lowercased.
    static let forms: Set<String> = {
        var all: Set<String> = []
        for (base, irregular) in verbs {
            all.insert(base)
            if !irregular.isEmpty {
                all.formUnion(irregular)
                continue
            }
            let stem = base.endsWith("e") ? String(base.dropLast()) : base
            all.insert(base.endsWith("s") || base.endsWith("sh") || base.endsWith("ch") ? base + "es" : base + "s")
            all.insert(stem + "ed")
            all.insert(stem + "ing")
        }
        return all
    }()

    /// Verbs that frame a quoted fragment rather than report a statement.
    static let framing: Set<String> = [
        "describe", "describes", "described", "describing", "call", "calls", "called", "calling", "dub", "dubs", "dubbed", "term", "terms",
        "termed", "label", "labels", "labeled", "labelled", "put", "puts",
    ]

    static func isCue(_ lower: String) -> Bool { forms.contains(lower) }
}
