import FicheDomain
import FicheReplica
import FicheTerminal
import FicheWidgets

/// The Article 60 tab: the current contract, the qualifying days counted against the target
/// with what remains, the date it should be reached, the reference window (and how much
/// absences extended it), the days that did not count by reason, the placements with their partner, fee and hours, and
/// the follow-up events, latest first.
struct Art60Tab {
    let card: Art60Card?
    let problem: String?
    /// The first follow-up event shown when they do not all fit.
    var top = 0

    /// - Returns: the follow-up events shown, nil when there are none.
    @discardableResult
    func render(into buffer: inout CellBuffer, rect: Rect, _ environment: ScreenEnvironment) -> ScrollWindow? {
        let strings = environment.strings
        guard let card, let contract = card.currentContract else {
            buffer.write(problem ?? strings["dossier.art60.none"], x: rect.x, y: rect.y + 1, role: problem == nil ? .dim : .error,
                         maxWidth: rect.width)
            return nil
        }
        var y = rect.y + 1
        var contractLine = strings.format("dossier.art60.contract", ["start": strings.date(contract.start),
                                                                    "regime": strings.decimal(contract.regime.fraction * 100) + " %"])
        if let end = contract.end {
            contractLine += " · " + strings.format("dossier.art60.ended", ["end": strings.date(end)])
        } else if let planned = contract.plannedEnd {
            contractLine += " · " + strings.format("dossier.art60.plannedEnd", ["end": strings.date(planned)])
        }
        buffer.write(contractLine, x: rect.x, y: y, role: .header, maxWidth: rect.width)
        y += 1
        y = renderProgress(card, into: &buffer, x: rect.x, y: y, width: rect.width, strings,
                           catalogue: environment.rules.absenceCatalogue) + 1
        let wide = rect.width >= 100
        let placementsHeight = min(card.placements.count + 2, max(3, (rect.maxY - y) / 2))
        buffer.write(strings["dossier.art60.placements"], x: rect.x, y: y, role: .columnHeader, maxWidth: rect.width)
        if card.placements.isEmpty {
            buffer.write(strings["dossier.art60.noPlacement"], x: rect.x, y: y + 1, role: .dim, maxWidth: rect.width)
        } else {
            var columns = [
                TableColumn(title: strings["dossier.art60.partner"], minimumWidth: 16, weight: 2),
                TableColumn(title: strings["dossier.art60.from"], minimumWidth: 10),
                TableColumn(title: strings["dossier.art60.to"], minimumWidth: 10),
                TableColumn(title: strings["dossier.art60.fee"], minimumWidth: 16, alignRight: true),
                TableColumn(title: strings["dossier.art60.hours"], minimumWidth: 9, alignRight: true),
            ]
            if wide { columns.append(TableColumn(title: strings["dossier.art60.tasks"], minimumWidth: 12, weight: 2)) }
            let rows: [[String]] = card.placements.map { line in
                let placement = line.placement
                var cells = [line.partnerName, strings.date(placement.start),
                             placement.end.map(strings.date) ?? strings["dossier.career.ongoing"],
                             strings.money(cents: line.monthlyFeeCents),
                             strings.format("unit.hoursPerWeek", ["hours": strings.decimal(line.hoursPerWeek)])]
                if wide { cells.append(placement.tasks) }
                return cells
            }
            Table(columns: columns, rows: rows, selectedRow: nil)
                .render(into: &buffer, rect: Rect(x: rect.x, y: y + 1, width: rect.width, height: placementsHeight - 1))
        }
        y += placementsHeight + 1
        guard y < rect.maxY else { return nil }
        buffer.write(strings["dossier.art60.events"], x: rect.x, y: y, role: .columnHeader, maxWidth: rect.width)
        let events = card.events.sorted { ($0.date, $0.id) > ($1.date, $1.id) }
        guard !events.isEmpty else {
            buffer.write(strings["dossier.art60.noEvent"], x: rect.x, y: y + 1, role: .dim, maxWidth: rect.width)
            return nil
        }
        let partnerOf = Dictionary(card.placements.map { ($0.placement.id, $0.partnerName) }, uniquingKeysWith: { first, _ in first })
        var columns = [
            TableColumn(title: strings["dossier.art60.date"], minimumWidth: 10),
            TableColumn(title: strings["dossier.art60.kind"], minimumWidth: 18, weight: 1),
            TableColumn(title: strings["dossier.art60.note"], minimumWidth: 14, weight: 2),
        ]
        if wide { columns.insert(TableColumn(title: strings["dossier.art60.partner"], minimumWidth: 16, weight: 1), at: 2) }
        let rows: [[String]] = events.map { event in
            var cells = [strings.date(event.date), strings["art60.event.\(event.kind.rawValue)"], event.note]
            if wide { cells.insert(event.placementID.flatMap { partnerOf[$0] } ?? "", at: 2) }
            return cells
        }
        return Table(columns: columns, rows: rows, selectedRow: nil)
            .render(into: &buffer, rect: Rect(x: rect.x, y: y + 1, width: rect.width, height: rect.maxY - y - 1), top: top)
    }

    /// "Jours qualifiants 187,2 / 312 [█████▌    ] 60 % · reste 124,8", the projected date and
    /// the (extended) window, then the days that did not count by reason; returns the next line.
    private func renderProgress(_ card: Art60Card, into buffer: inout CellBuffer, x: Int, y: Int, width: Int,
                                _ strings: Strings, catalogue: AbsenceCatalogue) -> Int {
        guard let progress = card.progress else {
            let text = card.progressProblem.map { strings.message(for: $0) } ?? strings["dossier.art60.noProgress"]
            buffer.write(text, x: x, y: y, role: .error, maxWidth: width)
            return y + 1
        }
        let target = Double(progress.targetDays)
        let label = strings.format("dossier.art60.qualifying", ["days": strings.decimal(progress.qualifyingDays),
                                                                "target": "\(progress.targetDays)"])
        let percent = target > 0 ? Int((min(progress.qualifyingDays, target) / target * 100).rounded(.down)) : 0
        var percentText = " \(percent) %"
        if !progress.isReached {
            percentText += " · " + strings.format("dossier.art60.remaining", ["days": strings.decimal(progress.remainingDays)])
        }
        let labelWidth = buffer.write(label, x: x, y: y, role: .normal, maxWidth: width)
        let barWidth = max(4, min(40, width - labelWidth - DisplayWidth.of(percentText) - 3))
        let bar = BarChart.bar(value: progress.qualifyingDays, maximum: target, width: barWidth)
        buffer.write("[", x: x + labelWidth + 1, y: y, role: .normal)
        buffer.write(bar, x: x + labelWidth + 2, y: y, role: .chartBar)
        buffer.write("]" + percentText, x: x + labelWidth + 2 + barWidth, y: y, role: .normal,
                     maxWidth: max(0, width - labelWidth - 2 - barWidth))
        let projected: String
        if let date = progress.projectedTargetDate {
            let key = progress.isReached ? "dossier.art60.reached" : "dossier.art60.projected"
            projected = strings.format(key, ["date": strings.date(date)])
                + " · " + strings.format(progress.isWithinWindow ? "dossier.art60.withinWindow" : "dossier.art60.outsideWindow",
                                         ["end": strings.date(progress.windowEnd)])
        } else {
            projected = strings["dossier.art60.notProjected"]
        }
        buffer.write(projected, x: x, y: y + 1, role: .normal, maxWidth: width)
        var next = y + 2
        if let contract = card.currentContract, let end = contract.end ?? contract.plannedEnd,
           let needed = progress.extensionNeeded(contractEnd: end) {
            buffer.write(strings.format("dossier.art60.endsShort", ["end": strings.date(end), "date": strings.date(needed)]),
                         x: x, y: next, role: .error, maxWidth: width)
            next += 1
        }
        if let prior = card.currentContract?.priorDays, prior > 0 {
            buffer.write(strings.format("dossier.art60.prior", ["days": Self.dayCount(Double(prior), strings)]),
                         x: x, y: next, role: .normal, maxWidth: width)
            next += 1
        }
        if progress.extensionDays > 0 {
            buffer.write(strings.format("dossier.art60.extended", ["days": Self.dayCount(Double(progress.extensionDays), strings)]),
                         x: x, y: next, role: .normal, maxWidth: width)
            next += 1
        }
        guard !progress.notCounted.isEmpty else { return next }
        buffer.write(strings["dossier.art60.notCounted"], x: x, y: next, role: .columnHeader, maxWidth: width)
        next += 1
        let shown = progress.notCounted.count > 3 ? 2 : progress.notCounted.count
        for reason in progress.notCounted.prefix(shown) {
            var name = strings.absenceLabel(reason.typeCode, in: catalogue)
            if catalogue.type(reason.typeCode)?.isIncapacity == true {
                name += " (" + strings["dossier.art60.payer." + reason.payer.rawValue] + ")"
            }
            let effect = reason.overCap ? "overCap" : reason.outcome.rawValue
            let line = strings.format("dossier.art60.reason", ["type": name, "days": Self.dayCount(reason.days, strings),
                                                               "effect": strings["dossier.art60.effect." + effect]])
            buffer.write(line, x: x + 2, y: next, role: .normal, maxWidth: max(0, width - 2))
            next += 1
        }
        if progress.notCounted.count > shown {
            let rest = progress.notCounted.dropFirst(shown).reduce(0) { $0 + $1.days }
            buffer.write(strings.format("dossier.art60.otherReasons", ["days": Self.dayCount(rest, strings)]),
                         x: x + 2, y: next, role: .dim, maxWidth: max(0, width - 2))
            next += 1
        }
        return next
    }

    /// "1 jour", "0,5 jour", "18 jours"; "1 dag", "18 dagen"; "1 day", "0.5 days".
    static func dayCount(_ days: Double, _ strings: Strings) -> String {
        let singular = strings.language == .french ? days < 2 : days == 1
        return strings.format(singular ? "dossier.art60.days.one" : "dossier.art60.days.other",
                              ["count": strings.decimal(days)])
    }
}
