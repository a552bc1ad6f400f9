/// The length of an IBAN in each country of the SEPA scheme, from the ISO 13616 registry.
///
/// Sources: SWIFT, IBAN Registry (ISO 13616), release 99 (2025); EPC, "List of countries
/// and territories included in the SEPA schemes' geographical scope" (EPC409-09). Territories
/// that use another country's IBAN (Åland: FI; French overseas departments, Saint-Barthélemy,
/// Saint-Martin, Saint-Pierre-et-Miquelon: FR; Guernsey, Jersey, Isle of Man: GB) are covered
/// by that country's code. Albania, Moldova, Montenegro and North Macedonia joined the SEPA
/// schemes in 2025. A country that joins is one more line here, with its registry length.
enum IBANLengths {
    static let bySEPACountry: [String: Int] = [
        "AD": 24, "AL": 28, "AT": 20, "BE": 16, "BG": 22, "CH": 21, "CY": 28, "CZ": 24,
        "DE": 22, "DK": 18, "EE": 20, "ES": 24, "FI": 18, "FR": 27, "GB": 22, "GI": 23,
        "GR": 27, "HR": 21, "HU": 28, "IE": 22, "IS": 26, "IT": 27, "LI": 21, "LT": 20,
        "LU": 20, "LV": 21, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MT": 31, "NL": 18,
        "NO": 15, "PL": 28, "PT": 25, "RO": 24, "SE": 24, "SI": 19, "SK": 24, "SM": 27,
        "VA": 22,
    ]
}
