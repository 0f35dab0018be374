import BenchmarkSupport
import Foundation

// Writes the seeded synthetic lieux file of the scale benchmark, for measuring the command line on it
// (Scripts/scale): `synthetic-lieux OUTPUT [--count N] [--seed S] [--communes communes-france.csv]`.
let usage = "usage: synthetic-lieux OUTPUT.csv [--count N (300000)] [--seed S] [--communes PATH (../shared/data/communes-france.csv)]"
var arguments = Array(CommandLine.arguments.dropFirst())
var count = 300_000, seed = SyntheticLieux.defaultSeed, communes = "../shared/data/communes-france.csv", output: String?
while !arguments.isEmpty {
    let argument = arguments.removeFirst()
    switch argument {
    case "--count", "--seed", "--communes":
        guard let value = arguments.first else { FileHandle.standardError.write(Data("\(argument) needs a value\n\(usage)\n".utf8)); exit(2) }
        arguments.removeFirst()
        switch argument {
        case "--count": count = Int(value) ?? -1
        case "--seed": seed = UInt64(value) ?? seed
        default: communes = value
        }
    case "-h", "--help": print(usage); exit(0)
    default: output = argument
    }
}
guard let output, count >= 0 else { FileHandle.standardError.write(Data("\(usage)\n".utf8)); exit(2) }
do {
    try SyntheticLieux.write(count: count, communesCSV: try Data(contentsOf: URL(fileURLWithPath: communes)), seed: seed, to: output)
} catch {
    FileHandle.standardError.write(Data("synthetic-lieux: \(error.localizedDescription)\n".utf8))
    exit(1)
}
