// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "maillage",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "maillage", targets: ["maillage"]),
        .library(name: "Maillage", targets: ["Maillage"]),
        .library(name: "GraphvizRender", targets: ["GraphvizRender"]),
        .library(name: "MaillageWeb", targets: ["MaillageWeb"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .target(
            name: "Maillage",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "HeapModule", package: "swift-collections"),
            ]
        ),
        // The web application: pages and a JSON API over one live snapshot (`maillage serve`).
        .target(
            name: "MaillageWeb",
            dependencies: [
                "Maillage",
                "GraphvizRender",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .target(
            name: "MaillageCLI",
            dependencies: [
                "Maillage",
                "GraphvizRender",
                "MaillageWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "maillage", dependencies: ["MaillageCLI"]),
        .systemLibrary(
            name: "CGraphviz",
            path: "Sources/CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        .target(name: "GraphvizRender", dependencies: ["CGraphviz"]),
        .executableTarget(name: "render-check", dependencies: ["GraphvizRender"]),
        .testTarget(name: "MaillageTests", dependencies: ["Maillage"], exclude: ["Resources"]),
        .testTarget(name: "MaillageCLITests", dependencies: ["MaillageCLI", "GraphvizRender", "maillage"]),
        .testTarget(name: "GraphvizRenderTests", dependencies: ["GraphvizRender"]),
        .testTarget(name: "MaillageWebTests", dependencies: [
            "MaillageWeb",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
