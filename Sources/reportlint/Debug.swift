import Lint
// TEMPORARY debugging aid (removed before commit).
enum Debug {
    static func show(_ model: AuditModel) {
        let src = model.source
        func L(_ s: Span) -> Int { src.position(of: s.start).line }
        for c in model.changeClaims {
            print("CH L\(L(c.change?.span ?? c.rate?.span ?? c.flat!)) subj=\(c.subjectName)[\(c.subject?.id ?? "-")] A=\(c.current.map{"\($0.quantity.printed)@L\(L($0.span))"} ?? "?") C=\(c.change?.quantity.printed ?? "-") \(c.change?.direction?.rawValue ?? "") Y=\(c.rate?.quantity.printed ?? "-") \(c.rate?.direction?.rawValue ?? "") flat=\(c.flat != nil) ref=\(c.referenceYear ?? 0) P=\(c.prior.map{"\($0.quantity.printed) (\($0.source.en))"} ?? "-")")
        }
        for i in model.classificationItems { print("CL L\(L(i.amount.span)) \(i.levels.map{"\($0.name)[\($0.code ?? "")]"}.joined(separator:" / ")) = \(i.amount.quantity.printed)") }
        for c in model.completionClaims { print("CO L\(L(c.rate.span)) F=\(c.amount?.quantity.printed ?? "-") R=\(c.rate.quantity.printed) B=\(c.budget?.quantity.printed ?? "-") cmp=\(c.comparison?.rawValue ?? "-")") }
        for f in model.facts.facts { print("F L\(L(f.mention.span)) \(f.concept.id) \(f.year ?? 0) \(f.basis.rawValue) \(f.mention.quantity.printed)") }
    }
}
