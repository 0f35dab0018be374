// swift-tools-version: 6.1
import PackageDescription

// Benchmarks for maillage, in release mode, each beside the reference it is measured against.
// Run with `swift package benchmark` from this directory (see README.md).
let package = Package(
    name: "maillage-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "maillage", path: "../"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
    ],
    targets: [
        .target(name: "BenchmarkSupport", dependencies: [.product(name: "Maillage", package: "maillage")], path: "Benchmarks/BenchmarkSupport"),
        // Writes the scale benchmark's synthetic lieux file, for Scripts/scale to measure the command line on.
        .executableTarget(name: "synthetic-lieux", dependencies: ["BenchmarkSupport"], path: "Benchmarks/SyntheticLieuxTool"),
        .executableTarget(
            name: "ImportBenchmark",
            dependencies: [
                .product(name: "Maillage", package: "maillage"),
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "SwiftCSV", package: "SwiftCSV"),
            ],
            path: "Benchmarks/ImportBenchmark",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "RelayBenchmark",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "Maillage", package: "maillage"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/RelayBenchmark",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "WeekBenchmark",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "Maillage", package: "maillage"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/WeekBenchmark",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "NetworkBenchmark",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "Maillage", package: "maillage"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/NetworkBenchmark",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "AccessBenchmark",
            dependencies: [
                .product(name: "Maillage", package: "maillage"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/AccessBenchmark",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "CheckBenchmark",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "Maillage", package: "maillage"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/CheckBenchmark",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "SnapshotBenchmark",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "Maillage", package: "maillage"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/SnapshotBenchmark",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "ScaleBenchmark",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "Maillage", package: "maillage"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/ScaleBenchmark",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "DedupeBenchmark",
            dependencies: [
                .product(name: "Maillage", package: "maillage"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/DedupeBenchmark",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "RenderBenchmark",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "GraphvizRender", package: "maillage"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/RenderBenchmark",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
