// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Fiche",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "fiche", targets: ["fiche"]),
        .executable(name: "fiche-server", targets: ["fiche-server"]),
        .executable(name: "fiche-bench", targets: ["fiche-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // The only C we need: ncursesw through pkg-config, with small wrappers for macros.
        .systemLibrary(
            name: "CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // The TOML reader of rule, theme and keymap files: errors name file and line. Foundation only.
        .target(name: "FicheTOML"),
        // Pure rules and value types. Foundation and FicheTOML only, no I/O.
        .target(
            name: "FicheDomain",
            dependencies: ["FicheTOML"],
            resources: [.copy("Rules")]
        ),
        // CSV reading and writing, formulas kept as text. Foundation only.
        .target(name: "FicheCSV"),
        // The demo commune and CPAS, generated from a seed as domain values: written into a
        // replica by `fiche demo` and into a server by `fiche-server seed-demo`.
        .target(name: "FicheDemo", dependencies: ["FicheDomain"]),
        // The local SQLite replica.
        .target(
            name: "FicheReplica",
            dependencies: [
                // The outbox holds each change as the mutation the server receives.
                "FicheDomain", "FicheDemo", "FicheSyncProtocol",
                // Time records are imported from CSV.
                "FicheCSV",
                .product(name: "GRDB", package: "GRDB.swift"),
                // The demo generator binds millions of rows through the SQLite C API.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        // Wire types shared by the replica and the server: mutations, pull pages, tokens.
        .target(name: "FicheSyncProtocol", dependencies: ["FicheDomain"]),
        // The sync client: push the outbox, pull changes, initial snapshot, faults for tests.
        .target(name: "FicheSync", dependencies: ["FicheReplica", "FicheSyncProtocol", "FicheDomain"]),
        // The central server.
        .target(
            name: "FicheServer",
            dependencies: [
                "FicheDomain", "FicheDemo", "FicheSyncProtocol",
                // Dossiers are imported and exported as CSV.
                "FicheCSV",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Resources")]
        ),
        // Terminal model without curses: cells, styles, keys, themes, keymaps.
        // The shipped themes and keymaps live in Sources/FicheTerminal/{Themes,Keymaps} and are
        // bundled from there (Bundle.module), so both `swift run` and the built binary find them.
        // The top-level Themes/ and Keymaps/ are symlinks to those folders: SwiftPM only bundles
        // resources inside the target folder, and a `.copy` of a symlinked folder copies the
        // dangling link itself, so the real files must be the ones inside the target.
        .target(
            name: "FicheTerminal",
            dependencies: ["FicheTOML"],
            resources: [.copy("Themes"), .copy("Keymaps")]
        ),
        // The only module that sees ncurses.
        .target(name: "FicheCurses", dependencies: ["FicheTerminal", "CNcursesw"]),
        // Widgets drawn into a cell buffer.
        .target(name: "FicheWidgets", dependencies: ["FicheTerminal"]),
        // Screens, state, actions, strings.
        .target(
            name: "FicheApp",
            dependencies: ["FicheDomain", "FicheReplica", "FicheTerminal", "FicheWidgets", "FicheCSV"],
            resources: [.copy("Strings")]
        ),
        .executableTarget(
            name: "fiche",
            dependencies: [
                "FicheApp", "FicheCurses", "FicheDemo", "FicheReplica", "FicheSync",
                // `fiche demo` runs the demo server in its own process.
                "FicheServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Measures the replica at the scale of a federal shared service (docs/BENCHMARKS.md).
        .executableTarget(name: "fiche-bench", dependencies: ["FicheDemo", "FicheReplica", "FicheDomain", "FicheWidgets"]),
        .executableTarget(
            name: "fiche-server",
            dependencies: [
                "FicheServer", "FicheDemo", "FicheDomain",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Test helpers shared by the test targets: text snapshots of screens.
        .target(name: "FicheTestSupport", dependencies: ["FicheTerminal", "FicheDomain"], path: "Tests/FicheTestSupport"),
        .testTarget(name: "FicheDomainTests", dependencies: ["FicheDomain"]),
        .testTarget(name: "FicheCSVTests", dependencies: ["FicheCSV"]),
        // The wire types alone: JSON spellings, bounds, bulk pages.
        .testTarget(name: "FicheSyncProtocolTests", dependencies: ["FicheSyncProtocol", "FicheDomain"]),
        .testTarget(name: "FicheReplicaTests", dependencies: ["FicheDemo", "FicheReplica", "FicheDomain", "FicheSyncProtocol"]),
        .testTarget(name: "FicheTerminalTests", dependencies: ["FicheTerminal"]),
        .testTarget(name: "FicheTOMLTests", dependencies: ["FicheTOML"]),
        .testTarget(
            name: "FicheWidgetsTests",
            dependencies: ["FicheWidgets", "FicheTerminal", "FicheTestSupport"],
            exclude: ["__Snapshots__"]
        ),
        .testTarget(
            name: "FicheAppTests",
            dependencies: ["FicheApp", "FicheDemo", "FicheReplica", "FicheTerminal", "FicheTestSupport", "FicheCSV"],
            exclude: ["__Snapshots__"]
        ),
        .testTarget(
            name: "FicheServerTests",
            dependencies: [
                "FicheServer", "FicheSyncProtocol", "FicheDomain", "FicheTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "FicheEndToEndTests",
            // GRDB reads the demo server's SQLite store, to see what reached the server.
            dependencies: ["FicheReplica", "FicheDomain", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "FicheSyncTests",
            dependencies: [
                "FicheSync", "FicheServer", "FicheDemo", "FicheReplica", "FicheSyncProtocol", "FicheDomain",
                // The two-clerk scenario ends on the second clerk's conflicts screen.
                "FicheApp", "FicheTerminal", "FicheTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
