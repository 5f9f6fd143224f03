// swift-tools-version:6.0
import PackageDescription

// reportlint uses nothing beyond the Swift toolchain and the C libraries every
// Swift-on-Linux install already has (glibc's iconv; zlib for .docx and PDF).
//
// The pipeline is one target per stage, and each depends only on earlier ones:
//   Model → Readers → Extraction → Engine → Checks → Reporters → reportlint (CLI)
// (Extraction does not need Readers; Engine joins them.) `Lint` re-exports the four
// stages for library users. docs/architecture.md draws it.
let package = Package(
    name: "reportlint",
    products: [
        .executable(name: "reportlint", targets: ["reportlint"]),
        .library(name: "Lint", targets: ["Lint"]),
        .library(name: "PDF", targets: ["PDF"]),
        .library(name: "Checks", targets: ["Checks"]),
        .library(name: "Reporters", targets: ["Reporters"])
    ],
    targets: [
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "Model"),
        .target(name: "PDF", dependencies: ["CZlib"]),
        .target(name: "Readers", dependencies: ["Model", "CZlib", "PDF"]),
        .target(name: "Extraction", dependencies: ["Model"]),
        .target(name: "Engine", dependencies: ["Model", "Readers", "Extraction"]),
        .target(name: "Lint", dependencies: ["Model", "Readers", "Extraction", "Engine"]),
        .target(name: "Checks", dependencies: ["Model", "Extraction", "Engine"]),
        .target(name: "Reporters", dependencies: ["Model", "Readers", "Extraction", "Engine", "Checks"]),
        .executableTarget(name: "reportlint", dependencies: ["Lint", "Checks", "Reporters"]),
        .target(name: "DocxFixtures", dependencies: ["CZlib"], path: "Tests/DocxFixtures"),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .target(name: "PDFFixtures", dependencies: ["CZlib"], path: "Tests/PDFFixtures"),
        // Writes the fixtures built in code as files, for scripts (bench, fuzz seeds).
        .executableTarget(name: "fixtures", dependencies: ["DocxFixtures", "PDFFixtures"], path: "Tests/FixtureTool"),
        .testTarget(name: "PDFTests", dependencies: ["PDF", "PDFFixtures"]),
        .testTarget(name: "LintTests", dependencies: ["Lint", "Reporters", "DocxFixtures", "PDFFixtures"]),
        .testTarget(name: "ChecksTests", dependencies: ["Lint", "Checks", "DocxFixtures"], exclude: ["Snapshots"]),
        .testTarget(
            name: "ReportersTests", dependencies: ["Lint", "Checks", "Reporters", "DocxFixtures", "TestSupport"],
            exclude: ["Fixtures", "ExtractionSnapshots"]),
        .testTarget(name: "CLITests", dependencies: ["reportlint", "DocxFixtures", "PDFFixtures"]),
        .testTarget(name: "ProjectTests", dependencies: ["Checks", "Reporters", "TestSupport"])
    ],
    swiftLanguageModes: [.v6]
)
