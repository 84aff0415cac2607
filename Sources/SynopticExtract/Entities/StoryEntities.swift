import SynopticCore

/// Gathers what extraction found in a story's articles into the story: one person per human
/// being across outlets (however each spells the name), organisations and places, quotations with
/// their speakers' story-wide names, figures and dates.
///
/// Two person entities are one when their surnames agree under ``Lexicon/nameKey(_:)`` (which
/// folds transliterations: Sergei/Sergey, Aleksandr/Alexander) and their given names agree the
/// same way or one is the other's initial, and their middle initials, where both write some, are
/// the same ("George W. Bush" and "George H. W. Bush" are two people). A surname written alone
/// joins the person of that surname only when the story has exactly one; two people who share a
/// surname stay apart.
public enum StoryEntities {
    public static func fill(_ story: inout Story, articles: [Article]) {
        let ids = Set(story.articleIDs)
        let members = articles.filter { ids.contains($0.id) }
        var people = PeopleMerger()
        var organizations = NameMerger()
        var places = NameMerger()
        for article in members {
            for (index, entity) in article.annotations.entities.enumerated() {
                switch entity.kind {
                case .person: people.add(entity, article: article.id, index: index)
                case .organization: organizations.add(entity, article: article.id, index: index)
                case .place: places.add(entity, article: article.id, index: index)
                }
            }
        }
        let personNames = people.resolve()
        story.people = people.records()
        story.organizations = organizations.records()
        story.places = places.records()
        let orgNames = organizations.names()
        story.quotes = []
        story.figures = []
        story.dates = []
        for article in members {
            let annotations = article.annotations
            for quote in annotations.quotes {
                var speaker: String?
                if let e = quote.speaker {
                    speaker =
                        personNames[Key(article: article.id, index: e)] ?? orgNames[Key(article: article.id, index: e)]
                        ?? annotations.entities[e].name
                } else if let span = quote.speakerSpan {
                    let words = String(article[span])
                    // An unresolved pronoun names no one.
                    speaker = ["he", "she", "they", "i", "we", "it"].contains(words.lowercased()) ? nil : words
                }
                story.quotes.append(
                    Quote(
                        text: String(article[quote.span]), speaker: speaker, article: article.id, cue: quote.cueSpan.map { String(article[$0]) },
                        span: quote.span, partial: quote.partial, confidence: quote.confidence))
            }
            for figure in annotations.figures {
                story.figures.append(
                    StoryFigure(
                        article: article.id, text: String(article[figure.span]), figure: figure, source: figure.sourceSpan.map { String(article[$0]) }
                    ))
            }
            for time in annotations.times {
                story.dates.append(StoryDate(article: article.id, text: String(article[time.span]), time: time))
            }
        }
    }

    struct Key: Hashable {
        var article: String
        var index: Int
    }
}

/// Merges person entities across articles.
struct PeopleMerger {
    struct Member {
        var entity: Entity
        var key: StoryEntities.Key
        var surname: String
        var given: String?
        /// The middle initials, lowercased ("hw" of "George H. W. Bush"), nil when none.
        var middle: String?
    }

    struct Cluster {
        var surname: String
        var given: String?
        var middle: String?
        var members: [Int] = []
    }

    var members: [Member] = []
    var clusters: [Cluster] = []
    var clusterOf: [Int] = []

    mutating func add(_ entity: Entity, article: String, index: Int) {
        let (parts, middle) = Self.nameParts(entity.name)
        guard let surname = parts.last else { return }
        let given = parts.count >= 2 ? parts[0] : nil
        members.append(
            Member(
                entity: entity, key: StoryEntities.Key(article: article, index: index), surname: Lexicon.nameKey(surname.lowercased()),
                given: given.map { Lexicon.nameKey($0.lowercased()) }, middle: middle))
    }

    /// Middle initials agree when either name has none or both are the same: "George W. Bush"
    /// and "George H. W. Bush" are two people.
    static func middlesAgree(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b else { return true }
        return a == b
    }

    /// The words of a name without honorifics and middle initials, and those initials lowercased:
    /// "Sergey V. Lavrov" → (Sergey, Lavrov; "v"), "George H. W. Bush" → (George, Bush; "hw").
    /// A leading initial ("J. Smith") stays as the given name; `middle` is nil when there is none.
    static func nameParts(_ name: String) -> (words: [String], middle: String?) {
        var words = name.split(separator: " ").map { String($0) }
        if let first = words.first, Lexicon.isHonorific(first.lowercased().trimmingCharacters(in: ["."])) { words.removeFirst() }
        var kept: [String] = []
        var middle = ""
        for (offset, word) in words.enumerated() {
            let letters = word.filter { $0.isLetter }
            if letters.count == 1 && offset > 0 && offset < words.count - 1 {
                middle += letters.lowercased()
            } else {
                kept.append(word)
            }
        }
        return (kept.map { $0.trimmingCharacters(in: [".", ","]) }.filter { !$0.isEmpty }, middle.isEmpty ? nil : middle)
    }

    static func compatible(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b else { return true }
        if a == b { return true }
        if a.count == 1 || b.count == 1 { return a.first == b.first }
        return false
    }

    /// Clusters the members; returns the story-wide name of each article entity.
    mutating func resolve() -> [StoryEntities.Key: String] {
        clusterOf = [Int](repeating: -1, count: members.count)
        var bySurname: [String: [Int]] = [:]
        // Full names first, most mentioned first, so the best-attested spelling anchors a cluster.
        let order = members.indices.sorted { a, b in
            let fa = members[a].given != nil, fb = members[b].given != nil
            return fa != fb ? fa : members[a].entity.mentionCount > members[b].entity.mentionCount
        }
        for m in order {
            let member = members[m]
            let sameSurname = bySurname[member.surname] ?? []
            let candidates = sameSurname.filter {
                Self.compatible(clusters[$0].given, member.given) && Self.middlesAgree(clusters[$0].middle, member.middle)
            }
            var target: Int?
            if member.given != nil {
                // A full name joins the cluster of the same full name.
                target = candidates.first { clusters[$0].given != nil }
            } else if sameSurname.count == 1 {
                // A surname alone joins only an unambiguous person.
                target = sameSurname[0]
            }
            if let target {
                clusters[target].members.append(m)
                if clusters[target].given == nil || clusters[target].given!.count == 1, let given = member.given {
                    clusters[target].given = given
                }
                if clusters[target].middle == nil { clusters[target].middle = member.middle }
                clusterOf[m] = target
            } else {
                clusters.append(Cluster(surname: member.surname, given: member.given, middle: member.middle, members: [m]))
                clusterOf[m] = clusters.count - 1
                bySurname[member.surname, default: []].append(clusters.count - 1)
            }
        }
        var names: [StoryEntities.Key: String] = [:]
        let chosen = clusters.map(name(of:))
        for (m, member) in members.enumerated() { names[member.key] = chosen[clusterOf[m]] }
        return names
    }

    /// The most mentioned full form of the name; ties go to the longer one.
    func name(of cluster: Cluster) -> String {
        var weight: [String: Int] = [:]
        for m in cluster.members {
            let entity = members[m].entity
            weight[entity.name, default: 0] += max(entity.mentionCount, 1)
        }
        return weight.max { a, b in
            let wa = a.key.split(separator: " ").count >= 2 ? 1 : 0, wb = b.key.split(separator: " ").count >= 2 ? 1 : 0
            if wa != wb { return wa < wb }
            if a.value != b.value { return a.value < b.value }
            return a.key.count != b.key.count ? a.key.count < b.key.count : a.key > b.key
        }?.key ?? ""
    }

    func records() -> [Person] {
        var people: [Person] = []
        for cluster in clusters {
            let name = name(of: cluster)
            var aliases: Set<String> = []
            var roles: [String] = []
            var count = 0
            var articles: [String] = []
            var seen: Set<String> = []
            for m in cluster.members {
                let entity = members[m].entity
                aliases.insert(entity.name)
                aliases.formUnion(entity.aliases)
                for role in entity.roles where !roles.contains(where: { $0.lowercased() == role.lowercased() }) { roles.append(role) }
                count += entity.mentionCount
                if seen.insert(members[m].key.article).inserted { articles.append(members[m].key.article) }
            }
            aliases.remove(name)
            people.append(Person(name: name, aliases: aliases.sorted(), roles: roles, mentionCount: count, articles: articles))
        }
        return people.sorted { $0.mentionCount != $1.mentionCount ? $0.mentionCount > $1.mentionCount : $0.name < $1.name }
    }
}

/// Merges organisations or places across articles by their lowercased name.
struct NameMerger {
    var order: [String] = []
    var groups: [String: [(Entity, StoryEntities.Key)]] = [:]

    mutating func add(_ entity: Entity, article: String, index: Int) {
        let key = entity.name.lowercased()
        if groups[key] == nil { order.append(key) }
        groups[key, default: []].append((entity, StoryEntities.Key(article: article, index: index)))
    }

    func names() -> [StoryEntities.Key: String] {
        var names: [StoryEntities.Key: String] = [:]
        for (_, group) in groups {
            let name = group[0].0.name
            for (_, key) in group { names[key] = name }
        }
        return names
    }

    func records() -> [Person] {
        order.compactMap { key -> Person? in
            guard let group = groups[key], let first = group.first else { return nil }
            var aliases = Set(group.flatMap { [$0.0.name] + $0.0.aliases })
            aliases.remove(first.0.name)
            var articles: [String] = []
            var seen: Set<String> = []
            for (_, k) in group where seen.insert(k.article).inserted { articles.append(k.article) }
            return Person(
                name: first.0.name, aliases: aliases.sorted(), roles: [], mentionCount: group.reduce(0) { $0 + $1.0.mentionCount },
                articles: articles)
        }.sorted { $0.mentionCount != $1.mentionCount ? $0.mentionCount > $1.mentionCount : $0.name < $1.name }
    }
}
