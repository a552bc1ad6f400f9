import FicheDomain

extension DemoWorld {
    /// About 50 time records over the two years, never overlapping: absences of the catalogue,
    /// clockings, lateness and overtime, validated in closed months and pending after. After
    /// today only absences planned ahead, submitted: nothing is clocked or drafted in the future.
    mutating func writeTimeRecords<Sink: DemoSink>(dossier: WrittenDossier, into sink: inout Sink) throws {
        let isArt60 = dossier.category == .art60
        let contractStaff = dossier.category != .statutory && dossier.category != .trainee
        var day = dossier.firstOffset + Int.random(in: 0...10, using: &random)
        let holidays = calendar.holidays[dossier.employerCode] ?? []
        let weekdays = calendar.weekdays
        while day < dossier.lastOffset {
            while day <= dossier.lastOffset, weekdays[day] >= 5 || holidays.contains(day) { day += 1 }
            guard day <= dossier.lastOffset else { break }
            let roll = Int.random(in: 0..<1000, using: &random)
            var kind = TimeRecordKind.absence
            var type: String? = nil
            var length = 1
            var dayPart = DayPart.full
            var startMinute: Int? = nil
            var endMinute: Int? = nil
            var minutes: Int? = nil
            var certificate = false
            switch roll {
            case ..<440:
                kind = .clocking
                startMinute = 450 + Int.random(in: 0...90, using: &random)
                endMinute = (startMinute ?? 480) + 420 + Int.random(in: 0...100, using: &random)
            case ..<680:
                type = "annual_leave"
                length = Int.random(in: 0..<10, using: &random) == 0 ? Int.random(in: 5...14, using: &random)
                    : Int.random(in: 1...3, using: &random)
            case ..<770:
                type = "sick"
                length = Int.random(in: 1...5, using: &random)
                certificate = length > 1 || !contractStaff || Bool.random(using: &random)
            case ..<840:
                type = "compensatory_rest"
            case ..<890:
                type = "training"
            case ..<910:
                type = "circumstance"
                length = Int.random(in: 1...2, using: &random)
            case ..<930:
                type = "time_credit"
                dayPart = Bool.random(using: &random) ? .morning : .afternoon
            case ..<945:
                type = "strike"
            case ..<960:
                type = isArt60 ? "unjustified" : "annual_leave"
            case ..<980:
                kind = .lateness
                type = "lateness"
                minutes = Int.random(in: 5...45, using: &random)
            default:
                kind = .overtime
                type = "overtime"
                minutes = Int.random(in: 30...120, using: &random)
            }
            // A range may span a weekend or holiday (the rules do not count them) but, as a
            // clerk enters it, starts and ends on working days.
            var end = min(day + length - 1, dossier.lastOffset)
            while end > day, weekdays[end] >= 5 || holidays.contains(end) { end -= 1 }
            let closed = end < openMonthOffset
            var status: TimeRecordStatus = closed ? .validated : (Bool.random(using: &random) ? .submitted : .draft)
            recordCount += 1
            // What has not happened yet (today is not over) is no clocking, lateness or overtime
            // (its number is left out too, so every other id stays the same); leave planned
            // ahead is submitted.
            if kind != .absence && day >= todayOffset {
                day = end + 1 + Int.random(in: 1...23, using: &random)
                continue
            }
            if day > todayOffset { status = .submitted }
            // The reform example's sickness is written with the contract; records it would overlap
            // are left out (their number too, so every other id stays the same).
            if let example = reformExample, example.dossierID == dossier.id,
               calendar.day(day) <= example.sickness.upperBound, calendar.day(end) >= example.sickness.lowerBound {
                day = end + 1 + Int.random(in: 1...23, using: &random)
                continue
            }
            try sink.timeRecord(TimeRecord(
                id: "tr-" + Self.padded(recordCount, 9), employerCode: dossier.employerCode, dossierID: dossier.id,
                kind: kind, typeCode: type, start: calendar.day(day), end: calendar.day(end), dayPart: dayPart,
                startMinute: startMinute, endMinute: endMinute, minutes: minutes, certificateReceived: certificate,
                status: status, enteredBy: dossier.timeManager, reviewedBy: closed ? dossier.supervisor : nil))
            day = end + 1 + Int.random(in: 1...23, using: &random)
        }
    }
}
