/// A day in the proleptic Gregorian calendar, written `YYYY-MM-DD`, with no time zone.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Parses exactly `YYYY-MM-DD` and rejects days that do not exist (`2025-02-30`).
    public init?(_ text: String) {
        guard let (year, month, day) = CalendarDate.parts(of: text) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Why `text` is not a day, in words ("expected a date written YYYY-MM-DD", "February 2027
    /// has no day 30", "there is no month 13"); `nil` when it is one.
    public static func problem(with text: String) -> String? {
        guard let (year, month, day) = parts(of: text) else { return "expected a date written YYYY-MM-DD" }
        guard (1...12).contains(month) else { return "there is no month \(month) (months are 01 to 12)" }
        guard CalendarDate(year: year, month: month, day: day) == nil else { return nil }
        return "\(monthNames[month - 1]) \(year) has no day \(day)"
    }

    private static func parts(of text: String) -> (Int, Int, Int)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        return (year, month, day)
    }

    private static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December"]

    /// Creates a date from its parts, or `nil` when the day does not exist.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CalendarDate.days(inMonth: month, year: year) else {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    private static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
