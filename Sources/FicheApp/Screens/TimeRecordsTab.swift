import FicheDomain
import FicheReplica
import FicheTerminal
import FicheWidgets

/// The time-records tab: this month as a calendar with a code on each absence day, the year's
/// totals per absence type, the absence days of each month as a strip, and the records with
/// their status (… waiting to be sent, ✔ validated, ✖ rejected, the others in words).
///
/// At 80 columns the calendar and the strip stand on the left, the totals and a short record
/// list on the right; wider, the strip and the totals stand beside the calendar and the list
/// gets every column across the whole width below.
struct TimeRecordsTab {
    let card: DossierCard
    let year: Int
    /// The year's annual leave, written on the tab's last line; nil without career.
    var leave: LeaveBalance? = nil
    /// The first record of the list shown when they do not all fit.
    var top = 0
    /// The selected record's position in `records` (newest first), nil when none is.
    var selected: Int? = nil

    /// The year's records as the list shows them: newest first.
    static func records(of card: DossierCard) -> [TimeRecord] {
        card.timeRecords.sorted { ($0.start, $0.id) > ($1.start, $1.id) }
    }

    /// - Returns: the records of the list shown, nil when there are none.
    @discardableResult
    func render(into buffer: inout CellBuffer, rect whole: Rect, _ environment: ScreenEnvironment) -> ScrollWindow? {
        let strings = environment.strings
        var rect = whole
        if let leave, whole.height > 8 {
            rect = whole.inset(bottom: 1)
            buffer.write(Self.leaveLine(leave, strings), x: whole.x, y: whole.maxY - 1, role: .header, maxWidth: whole.width)
        }
        let summary = TimeRecordsSummary(card: card, year: year, rules: environment.rules)
        let keys = environment.keyNames("list.pageUp", in: .detail) + "/" + environment.keyNames("list.pageDown", in: .detail)
        buffer.write(strings.format("dossier.time.year", ["year": "\(year)", "keys": keys]), x: rect.x, y: rect.y,
                     role: .header, maxWidth: rect.width)
        let month = YearMonth(year: year, month: environment.today.month) ?? environment.today.yearMonth
        let calendar = monthCalendar(month, summary: summary, strings: strings)
        let left = Rect(x: rect.x, y: rect.y + 1, width: calendar.width, height: rect.height - 1)
        buffer.write(strings["month.\(month.month)"] + " \(month.year)", x: left.x, y: left.y, role: .columnHeader,
                     maxWidth: left.width)
        calendar.render(into: &buffer, rect: Rect(x: left.x, y: left.y + 1, width: left.width, height: calendar.height))
        var y = left.y + 1 + calendar.height
        for line in TextWrap.lines(legend(calendar, summary: summary, strings: strings), width: left.width).prefix(2) {
            buffer.write(line, x: left.x, y: y, role: .dim, maxWidth: left.width)
            y += 1
        }
        let right = Rect(x: left.maxX + 2, y: rect.y + 1, width: rect.maxX - left.maxX - 2, height: rect.height - 1)
        let wide = rect.width >= 100
        let strip = MonthStrip(initials: strings["dossier.time.monthInitials"].split(separator: " ").map(String.init),
                               values: summary.daysPerMonth, valueTexts: summary.daysPerMonth.map { strings.decimal($0) },
                               current: month.month)
        var rightY = right.y
        if wide {
            rightY = renderStrip(strip, into: &buffer, rect: Rect(x: right.x, y: rightY, width: min(right.width, 72), height: 4), strings)
        } else {
            _ = renderStrip(strip, into: &buffer, rect: Rect(x: left.x, y: y + 1, width: left.width, height: left.maxY - y - 1), strings)
        }
        rightY = renderTotals(summary, into: &buffer, rect: Rect(x: right.x, y: rightY, width: right.width, height: right.maxY - rightY),
                              wide: wide, strings)
        if wide {
            // Wide: the records get the whole width under the calendar, the strip and the totals.
            let listY = max(y, rightY) + 1
            return renderRecords(summary, into: &buffer, rect: Rect(x: rect.x, y: listY, width: rect.width, height: rect.maxY - listY),
                                 wide: true, environment)
        } else {
            return renderRecords(summary, into: &buffer, rect: Rect(x: right.x, y: rightY + 1, width: right.width, height: right.maxY - rightY - 1),
                                 wide: false, environment)
        }
    }

    /// "Congés 2026 : droit 26 + 2 reportés · pris 10 · prévus 3 · reste 15 j".
    static func leaveLine(_ leave: LeaveBalance, _ strings: Strings) -> String {
        let entitlement = strings.decimal(leave.entitlement.days, digits: 2)
        let available = leave.carriedOver == .zero
            ? strings.format("dossier.time.leave.entitlement", ["entitlement": entitlement])
            : strings.format("dossier.time.leave.carried", ["entitlement": entitlement,
                                                            "carried": strings.decimal(leave.carriedOver.days, digits: 2)])
        return strings.format("dossier.time.leave", [
            "year": "\(leave.year)", "available": available, "taken": strings.decimal(leave.taken.days, digits: 2),
            "planned": strings.decimal(leave.planned.days, digits: 2), "remaining": strings.decimal(leave.remaining.days, digits: 2),
        ])
    }

    /// The month with each day's code: a holiday, an absence (in lower case for part of a day).
    private func monthCalendar(_ month: YearMonth, summary: TimeRecordsSummary, strings: Strings) -> MonthCalendar {
        let catalogue = summary.catalogue
        let byDay = summary.recordsByDay(in: month)
        var days: [Int: MonthCalendar.Day] = [:]
        for date in month.days {
            if summary.holiday(on: date) != nil, !date.weekday.isWeekend {
                days[date.day] = .init(code: strings.absenceShortCode("public_holiday", in: catalogue), kind: .holiday)
            } else if !summary.isScheduled(date) {
                days[date.day] = .init(code: "··", kind: .weekend)
            } else if let record = byDay[date.day] {
                let code = strings.absenceShortCode(record.typeCode ?? "", in: catalogue)
                let isWholeDay = record.dayPart == .full && !record.isHourBased
                days[date.day] = .init(code: isWholeDay ? code : code.lowercased(), kind: .absence)
            }
        }
        return MonthCalendar(year: month.year, month: month.month,
                             weekdayNames: strings["dossier.time.weekdays"].split(separator: " ").map(String.init), days: days)
    }

    /// "CA Congé annuel · JF Jour férié · ·· repos": the codes the month shows, in words.
    private func legend(_ calendar: MonthCalendar, summary: TimeRecordsSummary, strings: Strings) -> String {
        let catalogue = summary.catalogue
        var codes: [String] = []
        var hasPart = false
        for day in calendar.days.keys.sorted() {
            guard let shown = calendar.days[day], shown.kind == .absence || shown.kind == .holiday else { continue }
            let code = shown.code.uppercased()
            hasPart = hasPart || code != shown.code
            if !codes.contains(code) { codes.append(code) }
        }
        let byCode = Dictionary(catalogue.codes.map { (strings.absenceShortCode($0, in: catalogue), $0) }, uniquingKeysWith: { first, _ in first })
        var parts = codes.map { code in "\(code) " + (byCode[code].map { strings.absenceLabel($0, in: catalogue) } ?? "") }
        parts.append(strings["dossier.time.legend.weekend"])
        if hasPart { parts.append(strings["dossier.time.legend.half"]) }
        return parts.joined(separator: " · ")
    }

    /// The strip with its title; returns the line after it.
    private func renderStrip(_ strip: MonthStrip, into buffer: inout CellBuffer, rect: Rect, _ strings: Strings) -> Int {
        guard rect.height >= 2 else { return rect.y }
        buffer.write(strings.format("dossier.time.perMonth", ["year": "\(year)"]), x: rect.x, y: rect.y, role: .columnHeader,
                     maxWidth: rect.width)
        strip.render(into: &buffer, rect: Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: min(MonthStrip.height, rect.height - 1)))
        return rect.y + 1 + MonthStrip.height
    }

    /// "Congé annuel  5 j" per type used this year; returns the line after the totals.
    private func renderTotals(_ summary: TimeRecordsSummary, into buffer: inout CellBuffer, rect: Rect, wide: Bool,
                              _ strings: Strings) -> Int {
        guard rect.height > 0 else { return rect.y }
        buffer.write(strings.format("dossier.time.totals", ["year": "\(year)"]), x: rect.x, y: rect.y, role: .columnHeader,
                     maxWidth: rect.width)
        let totals = summary.totals
        var y = rect.y + 1
        if totals.isEmpty {
            buffer.write(strings["dossier.time.noAbsence"], x: rect.x, y: y, role: .dim, maxWidth: rect.width)
            return y + 1
        }
        let columns = wide ? 2 : 1
        let width = rect.width / columns
        let rows = (totals.count + columns - 1) / columns
        for (index, total) in totals.enumerated() {
            let x = rect.x + (index / rows) * width, line = y + index % rows
            guard line < rect.maxY else { continue }
            let value = total.days > 0 ? strings.dayCount(total.days) : strings.format("unit.hours", ["hours": strings.hours(minutes: total.minutes)])
            let valueWidth = 8
            buffer.write(strings.absenceLabel(total.code, in: summary.catalogue), x: x, y: line, role: .normal,
                         maxWidth: width - valueWidth - 2)
            buffer.write(value, in: Rect(x: x + width - valueWidth - 2, y: line, width: valueWidth, height: 1), role: .normal,
                         alignRight: true)
        }
        y += rows
        return y
    }

    /// The record's status in words; a clocking on a day the schedule does not expect says so.
    private func statusText(_ record: TimeRecord, _ summary: TimeRecordsSummary, _ strings: Strings) -> String {
        let status = strings.recordStatus(of: record)
        let dayOff = record.kind == .clocking && (!summary.isScheduled(record.start) || summary.holiday(on: record.start) != nil)
        return dayOff ? strings.format("dossier.time.onDayOff", ["status": status]) : status
    }

    /// The year's records, newest first.
    private func renderRecords(_ summary: TimeRecordsSummary, into buffer: inout CellBuffer, rect: Rect, wide: Bool,
                               _ environment: ScreenEnvironment) -> ScrollWindow? {
        let strings = environment.strings
        guard rect.height > 1 else { return nil }
        let catalogue = summary.catalogue
        let records = Self.records(of: card)
        guard !records.isEmpty else {
            buffer.write(strings["dossier.time.noRecord"], x: rect.x, y: rect.y, role: .dim, maxWidth: rect.width)
            return nil
        }
        func status(_ record: TimeRecord) -> RowStatus {
            if card.pendingRecordIDs.contains(record.id) { return .pending }
            switch record.status {
            case .validated: return .validated
            case .rejected, .cancelled: return .rejected
            case .draft, .submitted: return .none
            }
        }
        func part(_ record: TimeRecord) -> String {
            if let start = record.startMinute, let end = record.endMinute {
                return strings.hours(minutes: start) + "–" + strings.hours(minutes: end)
            }
            if let minutes = record.minutes { return strings.format("unit.hours", ["hours": strings.hours(minutes: minutes)]) }
            return record.dayPart == .full ? "" : strings["dayPart.\(record.dayPart.rawValue)"]
        }
        func type(_ record: TimeRecord) -> String {
            record.kind == .clocking ? strings["dossier.time.clocking"] : strings.absenceLabel(record.typeCode ?? "", in: catalogue)
        }
        let columns: [TableColumn]
        let rows: [TableRow]
        if wide {
            columns = [
                TableColumn(title: strings["dossier.time.column.from"], minimumWidth: 10),
                TableColumn(title: strings["dossier.time.column.to"], minimumWidth: 10),
                TableColumn(title: strings["dossier.time.column.type"], minimumWidth: 14, weight: 1),
                TableColumn(title: strings["dossier.time.column.part"], minimumWidth: 11),
                TableColumn(title: strings["dossier.time.column.days"], minimumWidth: 5, alignRight: true),
                TableColumn(title: strings["dossier.time.column.certificate"], minimumWidth: 5),
                TableColumn(title: strings["dossier.time.column.status"], minimumWidth: 10, weight: 1),
            ]
            rows = records.map { record in
                let days = summary.calendar.absenceDays(of: record)
                return TableRow([strings.date(record.start), strings.date(record.end), type(record), part(record),
                                 days > 0 ? strings.decimal(days) : "", record.certificateReceived ? "✔" : "",
                                 statusText(record, summary, strings)], status: status(record))
            }
        } else {
            columns = [
                TableColumn(title: strings["dossier.time.column.dates"], minimumWidth: 11),
                TableColumn(title: strings["dossier.time.column.code"], minimumWidth: 4),
                TableColumn(title: strings["dossier.time.column.days"], minimumWidth: 5, alignRight: true),
                TableColumn(title: strings["dossier.time.column.status"], minimumWidth: 8, weight: 1),
            ]
            rows = records.map { record in
                let days = summary.calendar.absenceDays(of: record)
                let dates = record.start == record.end
                    ? String(strings.date(record.start).prefix(5))
                    : String(strings.date(record.start).prefix(5)) + "–" + String(strings.date(record.end).prefix(5))
                let code = record.kind == .clocking ? strings["dossier.time.clockingCode"]
                    : strings.absenceShortCode(record.typeCode ?? "", in: catalogue)
                let amount = days > 0 ? strings.decimal(days) : strings.hours(minutes: record.durationMinutes)
                return TableRow([dates, code, amount, statusText(record, summary, strings)],
                                status: status(record))
            }
        }
        return Table(columns: columns, rows: rows, selectedRow: selected, showsGutter: true).render(into: &buffer, rect: rect, top: top)
    }
}
