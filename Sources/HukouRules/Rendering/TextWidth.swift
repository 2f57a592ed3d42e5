// SPDX-License-Identifier: Apache-2.0
/// Columns on a fixed-width device. A Chinese thermal printer (GB18030 mode, ESC/POS)
/// prints every non-ASCII character at double width and ASCII at single width; terminals
/// do the same for CJK. Counting every non-ASCII scalar as two columns is therefore exact
/// for the printer and never too narrow for a terminal.
public enum TextWidth {
    /// Columns of one scalar (0 for combining marks and zero-width characters).
    public static func columns(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 { return 0 }
        if value < 0x7f { return 1 }
        if (0x0300...0x036f).contains(value) || (0x200b...0x200f).contains(value) || value == 0xfe0f { return 0 }
        return 2
    }

    /// Columns of a string.
    public static func columns(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + columns($1) }
    }

    /// Characters that may not begin a line (Chinese typesetting: closing punctuation).
    static let noLineStart: Set<Character> = ["，", "。", "、", "；", "：", "）", "」", "』", "】", "〕", "》", "！", "？", ",", ".", ";", ":", ")", "%"]

    /// `text` broken into lines of at most `width` columns: at spaces where a line has
    /// them (English), anywhere between wide characters (Chinese), never before closing
    /// punctuation; a word longer than a line is cut.
    public static func wrap(_ text: String, width: Int) -> [String] {
        wrap(text, first: width, rest: width)
    }

    /// The same with a first line of `first` columns and the others of `rest` (a hanging
    /// indent).
    public static func wrap(_ text: String, first: Int, rest: Int) -> [String] {
        guard first > 1, rest > 1 else { return [text] }
        var width = first
        var lines: [String] = []
        var line: [Character] = []
        var lineWidth = 0
        let characters = Array(text)
        var index = 0
        func flush() {
            while line.last == " " { line.removeLast() }
            lines.append(String(line))
            line = []
            lineWidth = 0
            width = rest
        }
        while index < characters.count {
            // The next unbreakable unit: an ASCII word (with its trailing punctuation), or one wide character.
            var unit: [Character] = [characters[index]]
            if characters[index].isASCII && characters[index] != " " {
                var next = index + 1
                while next < characters.count, characters[next].isASCII, characters[next] != " " {
                    unit.append(characters[next])
                    next += 1
                }
            }
            // Closing punctuation sticks to what is before it.
            var after = index + unit.count
            while after < characters.count, noLineStart.contains(characters[after]), !characters[after].isASCII {
                unit.append(characters[after])
                after += 1
            }
            let unitWidth = unit.reduce(0) { $0 + columns(String($1)) }
            if unit == [" "] {
                if lineWidth > 0, lineWidth + 1 <= width { line.append(" "); lineWidth += 1 }
                index += 1
                continue
            }
            if lineWidth + unitWidth > width, lineWidth > 0 { flush() }
            if unitWidth > width {
                // A unit wider than the line: cut it.
                for character in unit {
                    let w = columns(String(character))
                    if lineWidth + w > width { flush() }
                    line.append(character)
                    lineWidth += w
                }
            } else {
                line += unit
                lineWidth += unitWidth
            }
            index += unit.count
        }
        if !line.isEmpty || lines.isEmpty { flush() }
        return lines
    }
}
