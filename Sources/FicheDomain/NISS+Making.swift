extension NISS {
    /// The 11 digits of the national number for a birth date and a daily serial number,
    /// with the check number for the century (the "2" prefix for births from 2000).
    ///
    /// The serial is odd for men and even for women (1…997). Used to make demo and test
    /// people whose numbers pass every check a real one passes.
    ///
    /// ```swift
    /// NISS.digits(year: 1985, month: 7, day: 30, serial: 33)   // "85073003328"
    /// ```
    public static func digits(year: Int, month: Int, day: Int, serial: Int) -> String {
        let body = (year % 100) * 10_000_000 + month * 100_000 + day * 1_000 + serial
        let checked = year >= 2000 ? 2_000_000_000 + body : body
        return zeroPadded(body, to: 9) + zeroPadded(97 - checked % 97, to: 2)
    }

    static func zeroPadded(_ value: Int, to width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
