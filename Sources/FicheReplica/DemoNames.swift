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

    static let clerkNames: [String] = [
        "Dubois, C.", "Peeters, A.", "El Amrani, S.", "Lambert, M.", "Janssens, K.", "Lemaire, V.",
        "De Smet, L.", "Renard, P.", "Mertens, H.", "Benali, N.", "Claes, E.", "Dumont, J.",
        "Wouters, B.", "Lefèvre, D.", "Vermeulen, T.", "Kabongo, R.",
    ]
}
