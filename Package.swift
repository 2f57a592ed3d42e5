// swift-tools-version:6.0
//
// hukou: settlement eligibility, residence-permit points and public-service
// entitlements for Chinese public-service kiosks, as a Swift library with a C ABI.
//
// Targets, from the inside out:
//   HukouRules  pure Swift core (no C, no I/O): JSON, packs, conditions, answers
//   Hukou       the C ABI (@_cdecl functions), compiled into libhukou.so / libhukou.a
//   CHukou      Include/hukou.h as a Clang module, so Swift tests call the C API as C sees it
import PackageDescription

let package = Package(
    name: "hukou",
    products: [
        .library(name: "hukou", type: .dynamic, targets: ["Hukou"]),
        .library(name: "hukou_static", type: .static, targets: ["Hukou"]),
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
        .systemLibrary(
            name: "CHukou",
            path: "Include"
        ),
        .testTarget(
            name: "HukouRulesTests",
            dependencies: ["HukouRules"],
            path: "Tests/HukouRulesTests"
        ),
        .testTarget(
            name: "HukouCABITests",
            dependencies: ["Hukou", "CHukou"],
            path: "Tests/HukouCABITests"
        ),
    ]
)
