// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "maillage",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "maillage", targets: ["maillage"]),
        .library(name: "Maillage", targets: ["Maillage"]),
        .library(name: "GraphvizRender", targets: ["GraphvizRender"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
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
        .target(
            name: "MaillageCLI",
            dependencies: [
                "Maillage",
                "GraphvizRender",
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
    ],
    swiftLanguageModes: [.v6]
)
