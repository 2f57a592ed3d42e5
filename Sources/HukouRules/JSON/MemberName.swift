/// How a member name taken from the input appears in an error message.
///
/// Error messages never carry personal data (hukou.h), yet an unknown or duplicate member
/// must be named. Every member name of the request and pack schemas is a short ASCII
/// identifier, so such a name is shown as it is; any other name (a person's name or an ID
/// number put where a field name belongs, or 1 MiB of text) is shown only by its position
/// in its object: "#3" for the third member.
enum MemberName {
    /// Longest member name shown in a message.
    static let maxShownBytes = 64

    /// Whether `key` looks like a schema field name: an ASCII letter, `_` or `$`, then
    /// ASCII letters, digits, `_`, `$` or `-`; at most ``maxShownBytes`` bytes.
    static func isShowable(_ key: String) -> Bool {
        var count = 0
        for byte in key.utf8 {
            count += 1
            guard count <= maxShownBytes else { return false }
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "_"), UInt8(ascii: "$"):
                continue
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"):
                guard count > 1 else { return false }
            default:
                return false
            }
        }
        return count > 0
    }

    /// `key` when showable, else "#position" (1-based position of the member in its object).
    static func shown(_ key: String, position: Int) -> String {
        isShowable(key) ? key : "#\(position)"
    }
}
