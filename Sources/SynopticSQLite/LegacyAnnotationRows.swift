import Foundation
import GRDB
import SynopticCore
import SynopticStore

/// The `annotations` table of migrations v1 to v3 (one row per span: `kind`, `start`, `end`, `text`,
/// `label`, `detail`), turned into the one value per article that migration v4 keeps in
/// `articles.annotations`.
///
/// The rows held less than the annotations they were written from, so what comes back is what
/// they held: every span with its kind, label and details, which the `annotations` view then gives
/// as the table did. Entities are rebuilt from the mentions' names and kinds (in order of first
/// mention, counting their mentions; their aliases and roles were never written), a quote's speaker
/// is the entity of that name, and the spans a row never had (a quote's speaker and cue words, a
/// figure's counted words and source) stay empty.
enum LegacyAnnotationRows {
    struct Row {
        var kind: String
        var start: Int
        var end: Int
        var label: String?
        var detail: [String: String]
    }

    /// Converts every article's rows, one article at a time, inside the migration's transaction.
    static func convert(_ db: Database) throws {
        let cursor = try GRDB.Row.fetchCursor(
            db, sql: #"SELECT article_id, kind, start, "end", label, detail FROM annotations ORDER BY article_id, rowid"#)
        let update = try db.makeStatement(sql: "UPDATE articles SET annotations = ? WHERE id = ?")
        var current: String?
        var rows: [Row] = []
        func flush() throws {
            guard let id = current, !rows.isEmpty else { return }
            let annotations = Self.annotations(from: rows)
            try update.execute(arguments: [annotations.isEmpty ? nil : try AnnotationsCodec.encode(annotations), id])
        }
        while let row = try cursor.next() {
            let id: String = row["article_id"]
            if id != current {
                try flush()
                current = id
                rows.removeAll(keepingCapacity: true)
            }
            let detailJSON: String? = row["detail"]
            let detail = detailJSON.flatMap { try? JSONDecoder().decode([String: String].self, from: Data($0.utf8)) } ?? [:]
            rows.append(Row(kind: row["kind"], start: row["start"], end: row["end"], label: row["label"], detail: detail))
        }
        try flush()
    }

    /// One article's rows as annotations.
    static func annotations(from rows: [Row]) -> ArticleAnnotations {
        var result = ArticleAnnotations()
        // By kind and name for mentions; a speaker is the first entity of that name.
        var entityIndex: [String: Int] = [:]
        var byName: [String: Int] = [:]
        func entity(named name: String, kind: Entity.Kind) -> Int {
            if let index = entityIndex[kind.rawValue + "\u{0}" + name] { return index }
            result.entities.append(Entity(kind: kind, name: name))
            entityIndex[kind.rawValue + "\u{0}" + name] = result.entities.count - 1
            if byName[name] == nil { byName[name] = result.entities.count - 1 }
            return result.entities.count - 1
        }
        func speaker(named name: String) -> Int { byName[name] ?? entity(named: name, kind: .person) }
        for row in rows where row.start >= 0 && row.start <= row.end {
            let span = TextSpan(start: row.start, end: row.end)
            switch row.kind {
            case "mention":
                // A mention without a name pointed at no entity; there is nothing to rebuild it on.
                guard let name = row.label, let form = row.detail["form"].flatMap(Mention.Form.init(rawValue:)) else { continue }
                let index = entity(named: name, kind: row.detail["entity"].flatMap(Entity.Kind.init(rawValue:)) ?? .person)
                result.entities[index].mentionCount += 1
                result.mentions.append(Mention(span: span, entity: index, form: form))
            case "quote":
                result.quotes.append(
                    QuoteAnnotation(
                        span: span, speaker: row.label.map(speaker(named:)), partial: row.detail["partial"] == "true",
                        confidence: row.detail["confidence"].flatMap(Double.init) ?? 0))
            case "figure":
                result.figures.append(
                    Figure(
                        span: span, value: row.detail["value"].flatMap(Double.init) ?? .nan,
                        approximation: row.detail["approximation"].flatMap(Figure.Approximation.init(rawValue:)), unit: row.label,
                        counts: row.detail["counts"]))
            case "time":
                result.times.append(
                    TimeExpression(
                        span: span, kind: row.detail["type"].flatMap(TimeExpression.Kind.init(rawValue:)) ?? .date, value: row.label,
                        anchor: row.detail["anchor"].flatMap(TimeExpression.Anchor.init(rawValue:))))
            default:
                continue
            }
        }
        return result
    }
}
