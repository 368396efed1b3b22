// swift-tools-version: 6.0
import PackageDescription

// The client side of Tests/Benchmarks/stream-1gib.sh: one download or upload through KilnRuntime's
// APIClientCore over URLSessionTransport or AsyncHTTPClientTransport. Built in release by that script.
let package = Package(
    name: "StreamBench",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "Kiln", path: "../../..")],
    targets: [
        .executableTarget(
            name: "stream-bench",
            dependencies: [.product(name: "KilnRuntime", package: "Kiln"), .product(name: "KilnAsyncHTTPClient", package: "Kiln")]
        )
    ]
)
