extension IBAN {
    /// The compact Belgian IBAN of a 10-digit account body: the national check (the body
    /// mod 97, 0 counting as 97) and the ISO 13616 check digits added.
    ///
    /// ```swift
    /// IBAN.belgian(account: 1_234_567_890)   // "BE32123456789002"
    /// ```
    public static func belgian(account: Int) -> String {
        let body = abs(account) % 10_000_000_000
        let national = body % 97 == 0 ? 97 : body % 97
        let bban = NISS.zeroPadded(body, to: 10) + NISS.zeroPadded(national, to: 2)
        // "BE" is 11 14; the check digits are 98 − (BBAN ‖ "111400" mod 97).
        var remainder = 0
        for digit in (bban + "111400").utf8 { remainder = (remainder * 10 + Int(digit) - 48) % 97 }
        return "BE" + NISS.zeroPadded(98 - remainder, to: 2) + bban
    }
}
