// swift-tools-version: 6.0
import PackageDescription

// The fake IServ of KilnHummingbirdTests on Hummingbird, as a release executable for server-load.sh.
// A package of its own, so the main package's build and CI never pay for it.
let package = Package(
    name: "ServerLoad",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Kiln", path: "../../.."),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        // FakeIServ.swift and HummingbirdHost.swift are links to the test target's files: one fake for both.
        .executableTarget(
            name: "ServerLoad",
            dependencies: ["KilnHummingbird", "IServServer", "IServ", "KilnRuntime", "KilnServer"].map {
                .product(name: $0, package: "Kiln")
            } + [.product(name: "Hummingbird", package: "hummingbird")]
        )
    ]
)
