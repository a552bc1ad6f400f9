/// A postal address in Belgium or abroad.
public struct Address: Hashable, Sendable, Codable {
    public var street: String
    public var number: String
    public var box: String?
    public var postalCode: String
    public var city: String
    /// ISO 3166 alpha-2 country code, `BE` by default.
    public var country: String

    public init(street: String, number: String, box: String? = nil, postalCode: String, city: String,
                country: String = "BE") {
        self.street = street
        self.number = number
        self.box = box
        self.postalCode = postalCode
        self.city = city
        self.country = country
    }
}
