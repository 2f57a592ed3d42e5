// SPDX-License-Identifier: Apache-2.0
/// What a decision comes to, without its explanations: the part a summary over a
/// population counts (`hukou batch`, `hukou summarize`, a policy office's report).
///
/// Taken from a typed ``Decision`` (``Decision/outcome``), or read back from answer bytes
/// written earlier (``init(answer:)``, for `hukou summarize` over a scale-out run's output).
public struct DecisionOutcome: Sendable, Equatable {
    /// The pack that answered ("tianjin", "fujian") and its name in the answer's locale.
    public var jurisdictionID = ""
    public var jurisdictionName = ""
    /// The city the request named, if any ("福州市").
    public var city: String?
    /// The answer's locale ("zh", "en").
    public var locale: String?
    /// The validity block's status ("in_force", "expired", …) and, when not in force, the
    /// sentence the answer opens with.
    public var validityStatus: String?
    public var validityText: String?
    /// Every pathway judged (eligibility), in the pack's order.
    public var pathways: [PathwayOutcome] = []
    /// The score (points).
    public var points: PointsOutcome?

    public init() {}
}

/// One pathway's verdict and, when not eligible, what was unmet.
public struct PathwayOutcome: Sendable, Equatable {
    public var id: String
    /// The pathway's name in the answer's locale.
    public var name: String
    /// The verdict as the answer writes it ("eligible", "not_eligible", "unknown",
    /// "depends_on_local_rules", "not_applicable").
    public var verdict: String
    /// The unmet requirements when not eligible: the unmet children of the top-level "all"
    /// nodes, each by its own label (a leaf, or an either-or group as one requirement).
    public var unmet: [String]
    /// Why a `depends_on_local_rules` verdict is open (`decided_by.kind`): left to a later
    /// local rule, or decided by the documents and not encoded here; nil for other verdicts.
    public var openKind: DecidedBy.Kind?

    public init(id: String, name: String, verdict: String, unmet: [String], openKind: DecidedBy.Kind? = nil) {
        self.id = id
        self.name = name
        self.verdict = verdict
        self.unmet = unmet
        self.openKind = openKind
    }
}

/// A points answer's score.
public struct PointsOutcome: Sendable, Equatable {
    /// How the points were scored ("scored", "table_not_encoded", …).
    public var status: String?
    /// The total in whole points (nil when not scored or not a whole number).
    public var total: Int?
    public var threshold: Int?
    public var reachesThreshold: Bool?
    /// False when facts the table scores are missing.
    public var complete: Bool

    public init(status: String?, total: Int?, threshold: Int?, reachesThreshold: Bool?, complete: Bool) {
        self.status = status
        self.total = total
        self.threshold = threshold
        self.reachesThreshold = reachesThreshold
        self.complete = complete
    }
}

extension Decision {
    /// The decision's outcome.
    ///
    public var outcome: DecisionOutcome {
        switch self {
        case .eligibility(let decision): return decision.outcome
        case .points(let decision): return decision.outcome
        case .entitlements(let decision): return decision.outcome
        }
    }
}

extension DecisionOutcome {
    /// Reads the outcome of an answer written by this library (any of the three calls).
    public init(answer: JSONValue) {
        self.init()
        let jurisdiction = answer["jurisdiction"]
        jurisdictionID = jurisdiction?["id"]?.stringValue ?? ""
        jurisdictionName = jurisdiction?["name"]?.stringValue ?? jurisdictionID
        city = jurisdiction?["city"]?.stringValue
        locale = answer["locale"]?.stringValue
        if let validity = answer["validity"], let status = validity["status"]?.stringValue {
            validityStatus = status
            if status != "in_force" { validityText = validity["text"]?.stringValue }
        }
        for pathway in answer["pathways"]?.elements ?? [] {
            guard let id = pathway["id"]?.stringValue, let verdict = pathway["result"]?.stringValue else { continue }
            var unmet: [String] = []
            if verdict == "not_eligible", let tree = pathway["conditions"] { Self.collectUnmet(tree, into: &unmet) }
            let openKind = verdict == PathwayVerdict.dependsOnLocalRules.rawValue
                ? DecidedBy.Kind(rawValue: pathway["decided_by"]?["kind"]?.stringValue ?? DecidedBy.Kind.leftToLocalRules.rawValue) : nil
            pathways.append(PathwayOutcome(id: id, name: pathway["name"]?.stringValue ?? id, verdict: verdict, unmet: unmet, openKind: openKind))
        }
        if answer["score_status"] != nil || answer["total"] != nil {
            points = PointsOutcome(status: answer["score_status"]?.stringValue, total: answer["total"]?.intValue,
                                   threshold: answer["threshold"]?.intValue, reachesThreshold: answer["reaches_threshold"]?.boolValue,
                                   complete: answer["score_complete"]?.boolValue ?? true)
        }
    }

    private static func collectUnmet(_ node: JSONValue, into labels: inout [String]) {
        guard node["result"]?.stringValue == "unmet" else { return }
        if node["kind"]?.stringValue == "all", let children = node["children"]?.elements {
            for child in children { collectUnmet(child, into: &labels) }
            return
        }
        labels.append(node["label"]?.stringValue ?? node["fact"]?.stringValue ?? "?")
    }
}

extension DecisionOutcome {
    /// The header's facts and validity, as every answer writes them (the three decisions'
    /// outcomes start from it).
    init(header pack: PolicyPack, _ request: DecisionRequest, _ validity: Validity) {
        self.init()
        let locale = request.locale
        jurisdictionID = pack.id
        jurisdictionName = pack.name.text(locale)
        city = request.city
        self.locale = locale.rawValue
        validityStatus = validity.status.rawValue
        if validity.status != .inForce { validityText = validity.text(locale) }
    }
}
