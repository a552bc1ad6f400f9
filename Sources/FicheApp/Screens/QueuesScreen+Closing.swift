import FicheDomain
import FicheReplica
import FicheTerminal
import FicheWidgets

extension QueuesScreen {
    /// The employer selected on the month-closing tab.
    var selectedClosing: MonthClosing? {
        let index = selection[.closing] ?? 0
        return closings.indices.contains(index) ? closings[index] : nil
    }

    /// The checklist of the employer selected on the month-closing tab, if its month is known.
    public var selectedChecklist: MonthClosingChecklist? { selectedClosing?.checklist }

    /// F7: asks to confirm the closing of the selected employer's month.
    func askToClose(_ environment: ScreenEnvironment) -> ScreenResult {
        let strings = environment.strings
        guard let closing = selectedClosing, let month = closing.month else {
            return .notice(Toast(strings["closing.month.none"], kind: .error))
        }
        // Closing is offered only on a clear checklist: otherwise say at once what is left.
        if let refusal = checklistRefusal(closing, strings) { return refusal }
        let hints = [KeyHint(key: environment.keyNames("dialog.confirm", in: .dialog), label: strings["closing.confirm.yes"]),
                     KeyHint(key: environment.keyNames("dialog.cancel", in: .dialog), label: strings["action.dialog.cancel"])]
        let message = strings.format("closing.confirm.message", ["month": monthText(month), "employer": closing.employer.code])
        dialog = .close(ConfirmDialog(title: strings["closing.confirm.title"], message: message, hints: hints), closing)
        return .handled
    }

    /// Enter on the closing tab: the list behind the first line of the selected employer's
    /// checklist still to settle, narrowed to that employer's month (the entries to validate, the
    /// drafts, the missing certificates), or the conflicts; Esc there comes back here.
    func openChecklist(_ environment: ScreenEnvironment) -> ScreenResult {
        let strings = environment.strings
        guard let closing = selectedClosing, let month = closing.month, let checklist = closing.checklist else {
            return .notice(Toast(strings["closing.month.none"], kind: .error))
        }
        let employer = closing.employer.code
        let target: QueueTab
        if checklist.submittedRecords > 0 {
            target = .validation
        } else if checklist.draftRecords > 0 {
            target = .drafts
        } else if checklist.missingCertificates > 0 {
            target = .certificates
        } else if checklist.conflicts > 0 {
            return .open(ConflictsScreen(environment))
        } else if checklist.unsentChanges > 0 {
            return .notice(Toast(strings.format("closing.open.unsent", ["count": "\(checklist.unsentChanges)",
                                                                        "employer": employer])))
        } else {
            return .notice(Toast(strings.format("closing.open.clear", ["employer": employer, "month": monthText(month)])))
        }
        scopes[target] = QueueScope(employerCode: employer, month: month)
        filters[target] = nil
        editsFilter = false
        tab = target
        restart(environment)
        return .handled
    }

    /// Esc on a queue the checklist opened: the whole queue again, and the checklist on screen.
    func leaveScope(_ environment: ScreenEnvironment) -> ScreenResult {
        scopes[tab] = nil
        forget(tab)
        tab = .closing
        reload(environment)
        return .handled
    }

    /// What is left on the month's checklist, as the refusal to close says it; nil when clear.
    private func checklistRefusal(_ closing: MonthClosing, _ strings: Strings) -> ScreenResult? {
        guard closing.openPoints > 0 else { return nil }
        let items = closing.lines.filter { $0.count > 0 }
            .map { strings.format("closing.checklist.line", ["label": strings[$0.key], "count": "\($0.count)"]) }
        let reason = strings.format("closing.refused.checklist", ["items": items.joined(separator: " · ")])
        return .notice(Toast(strings.format("closing.refused", ["reason": reason]), kind: .error))
    }

    /// Closes the month once its checklist is clear; the replica refuses it too (and says why)
    /// while entries wait for review or when the user may not close months.
    func close(_ closing: MonthClosing, _ environment: ScreenEnvironment) -> ScreenResult {
        let strings = environment.strings
        guard let month = closing.month else { return .notice(Toast(strings["closing.month.none"], kind: .error)) }
        if let refusal = checklistRefusal(closing, strings) { return refusal }
        defer { reload(environment) }
        do {
            try environment.database.closePayrollMonth(employerCode: closing.employer.code, month: month,
                                                       by: environment.user)
            return .notice(Toast(strings.format("closing.closed", ["month": monthText(month),
                                                                   "employer": closing.employer.code]), kind: .success))
        } catch let violation as RuleViolation {
            return .notice(Toast(strings.format("closing.refused", ["reason": strings.message(for: violation)]), kind: .error))
        } catch {
            return .notice(Toast(strings.format("closing.refused", ["reason": "\(error)"]), kind: .error))
        }
    }

    /// Ctrl+E: the selected employer's payroll variables of its current month, as CSV.
    func exportPayroll(_ environment: ScreenEnvironment) -> ScreenResult {
        let strings = environment.strings
        guard let closing = selectedClosing, let month = closing.month else {
            return .notice(Toast(strings["closing.month.none"], kind: .error))
        }
        // An open month's file is provisional: its name says so, and so does every line.
        let closed = closing.checklist?.status == .closed
        let name = "payroll-\(closing.employer.code)-\(month)" + (closed ? "" : "-provisional")
        let path = CSVFile.exportPath(folder: environment.exportFolder, name: name, clock: environment.clock)
        let employer = closing.employer.code, monthText = monthText(month)
        let database = environment.database, rules = environment.rules
        // Tens of thousands of lines at a large employer: off the key path, with a progress bar.
        let title = strings.format("closing.exporting", ["employer": employer, "month": monthText])
        return .work(BackgroundWork(title: title, started: environment.clock.now()) { report in
            do {
                let rows = try database.payrollExport(employerCode: employer, month: month, rules: rules) { report($0 * 0.9) }
                try PayrollExportCSV.file(rows: rows, catalogue: rules.absenceCatalogue, monthClosed: closed).write(to: path)
                var text = strings.format(closed ? "closing.exported" : "closing.exported.provisional", [
                    "employer": employer, "month": monthText, "count": "\(rows.count)", "path": path,
                ])
                let stem = path.hasSuffix(".csv") ? String(path.dropLast(4)) : path
                // The same days under the payroll supplier's codes, in a file beside it.
                let codesPath = stem + "-codes.csv"
                try PayrollExportCSV.supplierCodes(rows: rows, catalogue: rules.absenceCatalogue).write(to: codesPath)
                text += " · " + strings.format("closing.exported.codes", ["path": codesPath])
                // The corrections booked in the month, one line each, in a file beside it.
                let corrections = try database.payrollCorrections(employerCode: employer, month: month)
                if !corrections.isEmpty {
                    let correctionsPath = stem + "-corrections.csv"
                    try PayrollExportCSV.corrections(corrections).write(to: correctionsPath)
                    text += " · " + strings.format("closing.exported.corrections", ["count": "\(corrections.count)",
                                                                                  "path": correctionsPath])
                }
                report(1)
                return Toast(text, kind: .success)
            } catch let violation as RuleViolation {
                return Toast(strings.message(for: violation), kind: .error)
            } catch {
                return Toast(strings.format("error.export", ["path": path]), kind: .error)
            }
        })
    }

    /// 11/2026.
    func monthText(_ month: YearMonth) -> String { String(format: "%02d/%04d", month.month, month.year) }

    /// Each employer: its name, its month and cut-off, the checklist with ✔ or ✖ per line, and the verdict.
    func renderClosing(into buffer: inout CellBuffer, rect: Rect, _ environment: ScreenEnvironment) {
        let strings = environment.strings
        var y = rect.y
        if closings.isEmpty {
            buffer.write(strings["queue.empty"], x: rect.x + 1, y: y, role: .dim, maxWidth: rect.width - 2)
            return
        }
        let selected = selection[.closing] ?? 0
        for (index, closing) in closings.enumerated() {
            guard y < rect.maxY else { break }
            let title = strings.format("closing.employer", ["employer": closing.employer.code,
                                                            "name": closing.employer.name(in: strings.ruleLanguage)])
            let line = Rect(x: rect.x, y: y, width: rect.width, height: 1)
            buffer.fill(line, role: index == selected ? .selected : .columnHeader)
            if index == selected { buffer.placeCursor(x: line.x, y: line.y) }
            buffer.write((index == selected ? "▶ " : "  ") + title, in: line, role: index == selected ? .selected : .columnHeader)
            y += 1
            guard let month = closing.month else {
                buffer.write(strings["closing.month.none"], x: rect.x + 2, y: y, role: .dim, maxWidth: rect.width - 4)
                y += 2
                continue
            }
            let cutOff = PayrollMonth(employerCode: closing.employer.code, month: month)
                .cutOffDate(cutOffDay: closing.employer.payrollCutOffDay)
            buffer.write(strings.format("closing.month", ["month": monthText(month), "cutOff": strings.date(cutOff)]),
                         x: rect.x + 2, y: y, role: .normal, maxWidth: rect.width - 4)
            y += 1
            for entry in closing.lines where y < rect.maxY {
                let clear = entry.count == 0
                let text = clear ? "✔ " + strings[entry.key]
                    : "✖ " + strings.format("closing.checklist.line", ["label": strings[entry.key], "count": "\(entry.count)"])
                buffer.write(text, x: rect.x + 4, y: y, role: clear ? .rowValidated : .error, maxWidth: rect.width - 6)
                y += 1
            }
            if y < rect.maxY {
                let verdict = closing.openPoints == 0
                    ? strings.format("closing.clean", ["key": environment.keyNames("month.close", in: .queue)])
                    : strings.format("closing.notClean", ["count": "\(closing.openPoints)",
                                                           "key": environment.keyNames("list.open", in: .queue)])
                buffer.write(verdict, x: rect.x + 2, y: y, role: closing.openPoints == 0 ? .toast : .error,
                             maxWidth: rect.width - 4)
            }
            y += 2
        }
    }
}
