// swift-tools-version:6.0
import PackageDescription

// reportlint uses nothing beyond the Swift toolchain and the C libraries every
// Swift-on-Linux install already has (glibc's iconv; zlib for .docx).
let package = Package(
    name: "reportlint",
    products: [
        .executable(name: "reportlint", targets: ["reportlint"]),
        .library(name: "Lint", targets: ["Lint"]),
        .library(name: "Checks", targets: ["Checks"]),
        .library(name: "Reporters", targets: ["Reporters"]),
    ],
    targets: [
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "Lint", dependencies: ["CZlib"]),
        .target(name: "Checks", dependencies: ["Lint"]),
        .target(name: "Reporters", dependencies: ["Lint", "Checks"]),
        .executableTarget(name: "reportlint", dependencies: ["Lint", "Checks", "Reporters"]),
        .target(name: "DocxFixtures", dependencies: ["CZlib"], path: "Tests/DocxFixtures"),
        .testTarget(name: "LintTests", dependencies: ["Lint", "DocxFixtures"]),
        .testTarget(name: "ChecksTests", dependencies: ["Lint", "Checks"]),
        .testTarget(name: "ReportersTests", dependencies: ["Lint", "Checks", "Reporters", "DocxFixtures"]),
        .testTarget(name: "CLITests", dependencies: ["reportlint", "DocxFixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
