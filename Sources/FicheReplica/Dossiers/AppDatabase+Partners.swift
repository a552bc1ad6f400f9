import FicheDomain
import GRDB

extension AppDatabase {
    /// The art. 60 partners of `employerCode` (every employer held when nil), by name (accents
    /// and case ignored), each with its placements running on `asOf` and their monthly fees (each
    /// fee counted within `Placement.monthlyFeeCentsRange`, so the sum cannot overflow).
    ///
    /// ```swift
    /// let partners = try database.partnerSummaries(employerCode: "CPAS-IXL", asOf: today)
    /// partners.first?.activePlacements   // 4
    /// ```
    public func partnerSummaries(employerCode: String?, asOf: LocalDate) throws -> [PartnerSummary] {
        try writer.read { db in
            let rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT partner.*, count(p.id) AS active_placements,
                       coalesce(sum(min(max(p.monthly_fee_cents, ?3), ?4)), 0) AS monthly_fees
                FROM partner
                LEFT JOIN placement p ON p.partner_id = partner.id AND p.start <= ?1 AND (p."end" IS NULL OR p."end" >= ?1)
                WHERE ?2 IS NULL OR partner.employer_code = ?2
                GROUP BY partner.id
                """), arguments: [asOf.iso, employerCode, Placement.monthlyFeeCentsRange.lowerBound,
                                  Placement.monthlyFeeCentsRange.upperBound])
            return try rows.map { row in
                PartnerSummary(partner: try Partner(stored: row), activePlacements: row["active_placements"],
                               monthlyFeesCents: row["monthly_fees"])
            }
            .sorted { (SortKey.fold($0.partner.name), $0.partner.id) < (SortKey.fold($1.partner.name), $1.partner.id) }
        }
    }
}
