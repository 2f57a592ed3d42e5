// swift-tools-version:6.0
// SPDX-License-Identifier: Apache-2.0
//
// hukou: settlement eligibility, residence-permit points and public-service
// entitlements for Chinese public-service kiosks, as a Swift library with a C ABI.
//
// Targets, from the inside out:
//   HukouRules  pure Swift core (no C, no I/O): JSON, packs, conditions, answers
//   Hukou       the C ABI (@_cdecl functions), compiled into libhukou.so / libhukou.a
//   hukou-cli   the `hukou` command line for service-center staff and policy offices
//   CHukou      Include/hukou.h as a Clang module, so Swift tests call the C API as C sees it
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
            name: "HukouRules",
            path: "Sources/HukouRules"
        ),
        .target(
            name: "Hukou",
            dependencies: ["HukouRules"],
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
            dependencies: ["HukouRules", "HukouYAML"],
            path: "Tests/HukouRulesTests"
        ),
        .testTarget(
            name: "HukouSigningTests",
            dependencies: ["HukouRules"],
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
