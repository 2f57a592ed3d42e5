// swift-tools-version:6.0
// SPDX-License-Identifier: Apache-2.0
//
// hukou: settlement eligibility, residence-permit points and public-service
// entitlements for Chinese public-service kiosks, as a Swift library with a C ABI.
//
// Targets, from the inside out:
//   HukouErrors the error kinds of the engine (a leaf: no dependencies, no numeric codes)
//   HukouRules  pure Swift core (no C, no I/O): JSON, packs, conditions, answers; it
//               enforces the limits it is given (EngineLimits) and knows no status code
//   Hukou       the C ABI (@_cdecl functions), compiled into libhukou.so / libhukou.a; the
//               one place that maps error kinds to HUKOU_E_* and reads the limits and the
//               version from Include/hukou.h (through CHukou)
//   hukou-cli   the `hukou` command line for service-center staff and policy offices
//               (status names, limits and version through Hukou and CHukou, as the C ABI)
//   CHukou      Include/hukou.h as a Clang module: the C facts (status codes, version,
//               limits) for Hukou and the CLI, and the C API as C sees it for the tests
//   HukouYAML   case files (Policies/*.cases.yaml) from YAML to JSONValue, through Yams: for the
//               command line and the tests only; the kiosk library stays dependency-free
import PackageDescription

let package = Package(
    name: "hukou",
    products: [
        .library(name: "hukou", type: .dynamic, targets: ["Hukou"]),
        .library(name: "hukou_static", type: .static, targets: ["Hukou"]),
        .executable(name: "hukou-cli", targets: ["hukou-cli"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .target(
            name: "HukouErrors",
            path: "Sources/HukouErrors"
        ),
        .target(
            name: "HukouRules",
            dependencies: ["HukouErrors"],
            path: "Sources/HukouRules",
            exclude: ["README.md"]
        ),
        .target(
            name: "Hukou",
            dependencies: ["HukouRules", "CHukou"],
            path: "Sources/Hukou"
        ),
        .target(
            name: "HukouYAML",
            dependencies: ["HukouRules", .product(name: "Yams", package: "Yams")],
            path: "Sources/HukouYAML"
        ),
        .executableTarget(
            name: "hukou-cli",
            dependencies: [
                "HukouRules",
                "Hukou",
                "CHukou",
                "HukouYAML",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/hukou-cli"
        ),
        .systemLibrary(
            name: "CHukou",
            path: "Include"
        ),
        .testTarget(
            name: "HukouRulesTests",
            dependencies: ["HukouRules", "HukouYAML", "Hukou", "CHukou"],
            path: "Tests/HukouRulesTests"
        ),
        .testTarget(
            name: "HukouSigningTests",
            dependencies: ["HukouRules", "Hukou"],
            path: "Tests/HukouSigningTests",
            exclude: ["Vectors"]
        ),
        .testTarget(
            name: "HukouCLITests",
            dependencies: ["hukou-cli", "HukouRules"],
            path: "Tests/HukouCLITests"
        ),
        .testTarget(
            name: "HukouCABITests",
            dependencies: ["Hukou", "CHukou"],
            path: "Tests/HukouCABITests"
        ),
    ]
)
