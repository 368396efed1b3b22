// swift-tools-version: 6.0
import PackageDescription

// Kiln: OpenAPI 3.x -> Swift client generator. The pipeline stages are separate targets:
// KilnYAML (libyaml, located nodes) -> KilnOpenAPI (model, $ref, validation) -> KilnGenerator -> text.
// No package dependencies: every plugin user builds the generator, so its build stays small.
let package = Package(
    name: "Kiln",
    platforms: [.macOS(.v13), .iOS(.v16), .tvOS(.v16), .watchOS(.v9)],
    products: [
        .executable(name: "kiln", targets: ["kiln"]),
        .library(name: "KilnRuntime", targets: ["KilnRuntime"]),
        .library(name: "KilnTestServer", targets: ["KilnTestServer"]),
    ],
    targets: [
        // The system libyaml (Debian libyaml-dev, Homebrew libyaml); found through pkg-config.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(name: "KilnDiagnostics"),
        .target(name: "KilnYAML", dependencies: ["CYAML", "KilnDiagnostics"]),
        .target(name: "KilnOpenAPI", dependencies: ["KilnYAML", "KilnDiagnostics"]),
        .target(name: "KilnGenerator", dependencies: ["KilnOpenAPI"]),
        .target(name: "KilnCLI", dependencies: ["KilnOpenAPI", "KilnGenerator", "KilnDiagnostics"]),
        .executableTarget(name: "kiln", dependencies: ["KilnCLI"]),

        // What generated clients import. Foundation only.
        .target(name: "KilnRuntime"),
        // A loopback HTTP/1.1 server for tests (runtime tests and generated contract tests).
        .target(name: "KilnTestServer"),

        .testTarget(name: "KilnYAMLTests", dependencies: ["KilnYAML"]),
        .testTarget(
            name: "KilnOpenAPITests",
            dependencies: ["KilnOpenAPI", "KilnCLI"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "KilnGeneratorTests",
            dependencies: ["KilnGenerator", "KilnOpenAPI"],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "KilnRuntimeTests", dependencies: ["KilnRuntime", "KilnTestServer"]),
    ]
)
