import FicheDomain
import FicheReplica
import FicheTerminal
import FicheWidgets

extension QueuesScreen {
    /// F6 on missing certificates: asks the day the selected absence's certificate arrived,
    /// today's date already typed.
    func askCertificateDate(_ environment: ScreenEnvironment) -> ScreenResult {
        let strings = environment.strings
        guard let item = selectedItem else { return .notice(Toast(strings["queue.nothingSelected"], kind: .error)) }
        let hints = [KeyHint(key: environment.keyNames("dialog.confirm", in: .dialog), label: strings["queue.certificate.hint.confirm"]),
                     KeyHint(key: environment.keyNames("dialog.cancel", in: .dialog), label: strings["queue.reject.hint.cancel"])]
        dialog = .certificate(ReasonDialog(title: strings.format("queue.certificate.title", ["item": item.label]),
                                           prompt: strings["queue.certificate.prompt"], reason: environment.today.belgian,
                                           hints: hints), recordID: item.id)
        return .handled
    }

    /// Enter in the date dialog: a date that cannot be read or that a rule refuses keeps the
    /// dialog open with the reason; a recorded certificate leaves the queue.
    func recordCertificate(_ recordID: String, date dialog: ReasonDialog, _ environment: ScreenEnvironment) -> ScreenResult {
        let strings = environment.strings
        func refuse(_ problem: String) -> ScreenResult {
            var refused = dialog
            refused.problem = problem
            self.dialog = .certificate(refused, recordID: recordID)
            return .notice(Toast(problem, kind: .error))
        }
        let received: LocalDate
        do {
            received = try LocalDate.parse(dialog.reason.trimmingCharacters(in: .whitespaces))
        } catch {
            return refuse(strings.message(for: error))
        }
        do {
            try environment.database.recordCertificate(recordID: recordID, receivedOn: received, by: environment.user)
        } catch let violation as RuleViolation {
            return refuse(strings.message(for: violation))
        } catch {
            return refuse(strings.format("error.replica", ["detail": "\(error)"]))
        }
        self.dialog = nil
        reload(environment)
        return .notice(Toast(strings.format("queue.certificate.done", ["date": received.belgian]), kind: .success))
    }
}
