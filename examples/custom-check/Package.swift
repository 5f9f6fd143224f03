// swift-tools-version:6.0
import PackageDescription

// A package of one's own that adds a check to reportlint in Swift, as docs/library.md
// describes: it depends on the reportlint library by path (a bureau would use its Git URL),
// defines a check, and runs it with the built-in ones through the same Linter and Pipeline.
let package = Package(
    name: "custom-check",
    dependencies: [
        .package(name: "reportlint", path: "../..")
    ],
    targets: [
        .executableTarget(
            name: "custom-check",
            dependencies: [
                .product(name: "Lint", package: "reportlint"),
                .product(name: "Checks", package: "reportlint"),
                .product(name: "Reporters", package: "reportlint")
            ],
            path: "Sources/custom-check"
        )
    ],
    swiftLanguageModes: [.v6]
)
