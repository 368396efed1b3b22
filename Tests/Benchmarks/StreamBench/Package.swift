// swift-tools-version: 6.0
import PackageDescription

// The client side of Tests/Benchmarks/stream-1gib.sh: one download or upload through KilnRuntime's
// APIClientCore over URLSessionTransport or AsyncHTTPClientTransport, or through URLSession or AsyncHTTPClient
// alone (the ceiling). Built in release by that script.
let package = Package(
    name: "StreamBench",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Kiln", path: "../../.."),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.0.0"),
    ],
    targets: [
        .executableTarget(
            name: "stream-bench",
            dependencies: [.product(name: "KilnRuntime", package: "Kiln"), .product(name: "KilnAsyncHTTPClient", package: "Kiln"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"), .product(name: "_NIOFileSystem", package: "swift-nio"),
            ]
        )
    ]
)
