extension ArticleRecord {
    /// The record of an article as the JSON contract shows it.
    public init(_ article: Article) {
        let p = article.provenance
        self.id = article.id
        self.path = p.path
        self.line = p.line
        self.url = p.url
        self.title = article.title
        self.outlet = p.outlet
        self.authors = p.authors
        self.credits = p.credits
        self.dateline = article.dateline
        self.published = p.published
        self.modified = p.modified
        self.language = p.language
        self.encoding = p.encoding
        self.wordCount = article.wordCount
        self.body = article.body
        self.paragraphs = article.blocks.map { block in
            ParagraphRecord(
                kind: block.kind, text: String(article[block.span]), start: block.span.start, end: block.span.end,
                sentences: block.sentences.map { index in
                    let sentence = article.sentences[index]
                    return SentenceRecord(
                        text: String(article[sentence.span]), start: sentence.span.start, end: sentence.span.end,
                        quotation: sentence.isQuotation)
                })
        }
        self.removed = article.removed.map { RemovalRecord(text: $0.text, reason: $0.reason) }
    }
}

extension StoryRecord {
    public init(_ story: Story) {
        self.id = story.id
        self.title = story.title
        self.articles = story.articleIDs
        self.summary = story.summary.map {
            SummaryRecord(
                text: $0.text, sources: $0.sources, article: $0.origin.article, start: $0.origin.span.start, end: $0.origin.span.end,
                trimmed: $0.trimmed.map { SummaryRecord.TrimmedRecord(text: $0.text, kept: $0.kept) })
        }
        self.quotes = story.quotes.map {
            QuoteRecord(
                text: $0.text, speaker: $0.speaker, cue: $0.cue, article: $0.article, span: $0.span, partial: $0.partial,
                confidence: $0.confidence)
        }
        func record(_ person: Person) -> PersonRecord {
            PersonRecord(name: person.name, aliases: person.aliases, roles: person.roles, mentions: person.mentionCount, articles: person.articles)
        }
        self.people = story.people.map(record)
        self.organizations = story.organizations.map(record)
        self.places = story.places.map(record)
        self.figures = story.figures.map {
            FigureRecord(
                text: $0.text, value: $0.figure.value, approximation: $0.figure.approximation?.rawValue, unit: $0.figure.unit,
                counts: $0.figure.counts, source: $0.source, article: $0.article, span: $0.figure.span)
        }
        self.dates = story.dates.map {
            DateRecord(
                text: $0.text, value: $0.time.value, type: $0.time.kind.rawValue, anchor: $0.time.anchor?.rawValue, article: $0.article,
                span: $0.time.span)
        }
        self.versions = story.versions
        self.versionChanges = story.versionChanges.map {
            VersionChangeRecord(
                earlier: $0.earlier, later: $0.later, headlineChanged: $0.headlineChanged, dekChanged: $0.dekChanged,
                paragraphsAdded: $0.paragraphsAdded, paragraphsRemoved: $0.paragraphsRemoved, paragraphsRewritten: $0.paragraphsRewritten,
                paragraphsMoved: $0.paragraphsMoved, paragraphsUnchanged: $0.paragraphsUnchanged,
                figuresChanged: $0.figuresChanged.map { FigureEditRecord(earlier: $0.earlier, later: $0.later, counts: $0.counts) },
                quotesChanged: $0.quotesChanged.map { QuoteEditRecord(earlier: $0.earlier, later: $0.later, speaker: $0.speaker) })
        }
        self.duplicates = story.duplicates.map { DuplicateRecord(articles: $0.articles, kind: $0.kind, similarity: $0.similarity) }
        self.timeline = story.timeline.map {
            TimelineRecord(
                date: $0.date, text: $0.text, sources: $0.sources, when: $0.when, resolved: $0.resolved, outlets: $0.outlets,
                references: $0.references.map(ReferenceRecord.init))
        }
        self.facts = story.facts.map {
            FactRecord(
                id: $0.id, text: $0.text, status: $0.status, sources: $0.sources, outlets: $0.outlets, article: $0.origin.article,
                start: $0.origin.span.start, end: $0.origin.span.end, mentions: $0.mentions.map(ReferenceRecord.init), salience: $0.salience)
        }
        self.disagreements = story.disagreements.map { disagreement in
            DisagreementRecord(
                kind: disagreement.kind, subject: disagreement.subject,
                sides: disagreement.sides.map {
                    SideRecord(
                        text: $0.text, value: $0.value, sources: $0.sources, outlets: $0.outlets, references: $0.references.map(ReferenceRecord.init))
                }, note: disagreement.note, facts: disagreement.facts)
        }
        self.exclusives = story.exclusives.map { ExclusiveRecord(outlet: $0.outlet, articles: $0.articles, facts: $0.facts) }
    }
}

extension Diagnostic {
    enum CodingKeys: String, CodingKey { case severity, path, line, reason }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(severity, forKey: .severity)
        try c.encode(path, forKey: .path)
        try c.encode(line, forKey: .line)
        try c.encode(reason, forKey: .reason)
    }
}
