import FicheDomain

/// Names as they appear in Brussels payroll files: French, Dutch and the many other origins
/// of the city, with their accents and particles.
enum DemoNames {
    static let lastNames: [String] = [
        "Van den Bossche", "De Smet", "El Amrani", "Peeters", "Janssens", "Maes", "Jacobs", "Mertens",
        "Willems", "Claes", "Goossens", "Wouters", "De Backer", "Vermeulen", "Dubois", "Lambert",
        "Dupont", "Martin", "Leclercq", "Lejeune", "Renard", "Dumont", "Lemaire", "François",
        "Mathieu", "Denis", "Gérard", "Benali", "Bouzid", "El Idrissi", "Aït Ouali", "Yılmaz",
        "Kaya", "Nowak", "Kowalski", "Da Silva", "Pereira", "Ferreira", "Van der Linden", "Vandevelde",
        "De Vos", "Verhaegen", "Mommaerts", "Dewaele", "Lemmens", "Hermans", "Ndiaye", "Diallo",
        "Mukendi", "Kabongo", "Ilunga", "Brasseur", "Delcourt", "Léonard", "Lefèvre", "Noël",
        "Bogaert", "Cuypers", "Van Damme", "D'Hondt", "Vanderstraeten", "De Coster", "Timmermans",
        "Hendrickx", "Mahieu", "Lecomte", "Thiry", "Ben Saïd", "Chaïbi", "Öztürk", "Şahin",
        "Popescu", "Ionescu", "García", "Fernández", "Rossi", "Esposito", "Van Hoeymissen",
        "Vanhoutte", "Desmedt", "Deprez", "Collignon", "Stévenart", "Rüdiger", "Kabasele",
    ]

    static let firstNamesFemale: [String] = [
        "Éloïse", "Anaïs", "Zoë", "Joëlle", "Inès", "Chloé", "Hélène", "Françoise", "Noémie",
        "Lieselot", "Sien", "Annelies", "Liesbeth", "Femke", "Griet", "Yasmina", "Fatima", "Imane",
        "Nour", "Salma", "Ana", "Agnieszka", "Maëlle", "Céline", "Léa", "Aïcha", "Marie", "Sofie",
        "Ilse", "Aurélie", "Mélanie", "Gaëlle", "Eline", "Fien", "Naïma", "Aylin", "Ioana",
    ]

    static let firstNamesMale: [String] = [
        "Noël", "François", "Maël", "Jérôme", "Loïc", "Thibault", "Sébastien", "Mathéo", "Jens",
        "Wout", "Pieter", "Koen", "Bram", "Mohamed", "Youssef", "Ayoub", "Mehdi", "Karim", "João",
        "Piotr", "Gaëtan", "Raphaël", "Benoît", "Jan", "Stijn", "Thomas", "Arnaud", "Cédric",
        "Amadou", "Mamadou", "Emre", "Andreï", "Ismaël", "Joris", "Dries", "Rachid", "Théo",
    ]

    /// Initials for the clerks' display names ("Dubois, C.").
    static let initials: [String] = ["A.", "B.", "C.", "D.", "E.", "F.", "G.", "H.", "I.", "J.", "K.", "L.", "M.",
                                     "N.", "P.", "R.", "S.", "T.", "V.", "W.", "Y.", "Z."]

    /// Streets of Ixelles and its neighbours, for addresses.
    static let streets: [(street: String, postalCode: String, city: String)] = [
        ("Chaussée d'Ixelles", "1050", "Ixelles"), ("Rue du Bailli", "1050", "Ixelles"),
        ("Avenue Louise", "1050", "Ixelles"), ("Rue de la Brasserie", "1050", "Ixelles"),
        ("Place Flagey", "1050", "Ixelles"), ("Rue Malibran", "1050", "Ixelles"),
        ("Chaussée de Wavre", "1050", "Ixelles"), ("Rue Gray", "1050", "Ixelles"),
        ("Boulevard Général Jacques", "1050", "Ixelles"), ("Rue de Flandre", "1000", "Bruxelles"),
        ("Chaussée de Gand", "1080", "Molenbeek-Saint-Jean"), ("Rue Haute", "1000", "Bruxelles"),
        ("Avenue de la Couronne", "1050", "Ixelles"), ("Rue Royale Sainte-Marie", "1030", "Schaerbeek"),
        ("Steenweg op Waver", "1050", "Elsene"), ("Vlaamsesteenweg", "1000", "Brussel"),
    ]

    /// Partners that host Article 60 workers: kind and name.
    static let partners: [(kind: PartnerKind, name: String)] = [
        (.commune, "Administration communale d'Ixelles"), (.commune, "Commune d'Etterbeek"),
        (.commune, "Gemeente Elsene — Groendienst"), (.cpas, "CPAS de Saint-Gilles"),
        (.publicHospital, "CHU Saint-Pierre"), (.publicHospital, "Hôpital Brugmann"),
        (.publicHospital, "HUB — Hôpital Erasme"), (.socialEconomy, "Les Petits Riens"),
        (.socialEconomy, "Oxfam-Solidarité — Magasin Ixelles"), (.socialEconomy, "Atelier Groot Eiland"),
        (.socialPurposeCompany, "Travie SCRL-FS"), (.socialPurposeCompany, "Bruxelles Compost SC"),
        (.privateCompany, "Delhaize Flagey"), (.privateCompany, "Colruyt Ixelles"),
    ]

    static let partnerFormsFR: [String] = ["ASBL", "Maison de quartier", "Centre culturel", "Crèche", "Restaurant social",
                                           "Maison de repos", "Bibliothèque", "Régie de quartier", "Entreprise de formation"]
    static let partnerFormsNL: [String] = ["vzw", "Buurthuis", "Cultureel centrum", "Kinderdagverblijf", "Sociaal restaurant",
                                           "Woonzorgcentrum", "Bibliotheek", "Wijkregie", "Opleidingsbedrijf"]

    static let clerkNames: [String] = [
        "Dubois, C.", "Peeters, A.", "El Amrani, S.", "Lambert, M.", "Janssens, K.", "Lemaire, V.",
        "De Smet, L.", "Renard, P.", "Mertens, H.", "Benali, N.", "Claes, E.", "Dumont, J.",
        "Wouters, B.", "Lefèvre, D.", "Vermeulen, T.", "Kabongo, R.",
    ]
}
