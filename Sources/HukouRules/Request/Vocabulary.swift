/// The closed vocabularies of the request schema. Ordered vocabularies are listed from
/// lowest to highest; conditions may compare them (">=" "bachelor").
public enum Vocabulary {
    public static let relation = ["spouse", "child", "parent", "grandparent", "sibling", "other"]
    public static let hukouType = ["rural", "urban"]
    public static let sex = ["male", "female"]
    public static let status = ["local_hukou", "settled_migrant", "residence_permit", "none"]
    public static let areaType = ["urban_district", "county_city_area", "county_seat_town", "established_town", "rural"]
    public static let housingType = ["owned", "rental", "employer_dormitory", "relative", "none"]
    public static let employmentType = [
        "employee", "individual_business_with_employees", "individual_business_no_employees",
        "freelancer", "flexible", "part_time", "unemployed", "student", "retired",
    ]
    /// Ordered: 学历 from none to doctorate; vocational levels rank with their general peers.
    public static let educationLevel = [
        "none", "primary", "junior_high", "senior_high", "secondary_vocational",
        "junior_college", "higher_vocational", "bachelor", "master", "doctorate",
    ]
    /// Rank of each education level (secondary vocational = senior high; higher vocational = junior college).
    public static let educationRank = [0, 1, 2, 3, 3, 4, 4, 5, 6, 7]
    /// Ordered: 职业资格 from none to 高级技师.
    public static let skillLevel = ["none", "junior_worker", "intermediate_worker", "senior_worker", "technician", "senior_technician"]
    /// Ordered: 专业技术职称.
    public static let titleLevel = ["none", "junior", "intermediate", "senior"]
    public static let schoolStage = [
        "not_in_school", "nursery", "kindergarten", "primary", "junior_high", "senior_high",
        "secondary_vocational", "college", "graduated",
    ]
    public static let enteredBy = ["school_admission", "military_service", "other"]
    public static let occupationShortage = ["none", "general", "short", "very_short"]
    public static let awardLevel = ["none", "provincial", "national"]

    /// Ordered school stages by age on the as-of date (义务教育法: school from age 6, nine
    /// years of compulsory education): under 3 infant care, 3–5 preschool, 6–11 primary,
    /// 12–14 junior high, 15–17 senior high, 18 and over adult.
    public static let ageStage = ["infant", "preschool", "primary", "junior_high", "senior_high", "adult"]

    /// The stage of a child: the school stage the request gives, where it names one,
    /// else the stage for the age (a 6-year-old may still be in kindergarten).
    public static func stage(schoolStage: String?, age: Int?) -> String? {
        switch schoolStage {
        case "nursery": return "infant"
        case "kindergarten": return "preschool"
        case "primary": return "primary"
        case "junior_high": return "junior_high"
        case "senior_high", "secondary_vocational": return "senior_high"
        case "college", "graduated": return "adult"
        default: return age.map(ageStage(age:))
        }
    }

    public static func ageStage(age: Int) -> String {
        switch age {
        case ..<3: return "infant"
        case 3...5: return "preschool"
        case 6...11: return "primary"
        case 12...14: return "junior_high"
        case 15...17: return "senior_high"
        default: return "adult"
        }
    }
}
