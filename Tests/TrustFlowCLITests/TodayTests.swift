import Foundation
import Testing
@testable import TrustFlow
import TrustFlowModel

/// Today's date is computed without Foundation's `Calendar` (which loads ICU); Foundation's
/// Gregorian calendar in UTC is the oracle here.
@Suite("Today in UTC")
struct TodayTests {
    static let oracle: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    static func expected(_ seconds: Int) -> CalendarDate {
        let parts = oracle.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: TimeInterval(seconds)))
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    @Test(arguments: [
        (0, "1970-01-01"), (86_399, "1970-01-01"), (86_400, "1970-01-02"), (-1, "1969-12-31"),
        (951_782_400, "2000-02-29"), (951_868_800, "2000-03-01"), (4_107_542_400, "2100-03-01"),
        (1_798_761_599, "2026-12-31"), (1_798_761_600, "2027-01-01"), (-2_208_988_800, "1900-01-01"),
    ])
    func knownDays(seconds: Int, day: String) {
        #expect(CalendarDate.day(secondsSinceEpoch: seconds).description == day)
        #expect(CalendarDate.day(secondsSinceEpoch: seconds) == Self.expected(seconds))
    }

    @Test func agreesWithFoundationOverFourCenturies() {
        // 1779-12-17 to 2286-11-20 in steps of a little over nine days (a prime number of
        // seconds, so the time of day varies too): every month, leap day and century.
        for seconds in stride(from: -6_000_000_000, through: 10_000_000_000, by: 800_011) {
            #expect(CalendarDate.day(secondsSinceEpoch: seconds) == Self.expected(seconds), "\(seconds)")
        }
    }

    @Test func todayIsTodayInUTC() {
        let now = Int(Date().timeIntervalSince1970)
        let today = CalendarDate.today
        // Around midnight the two reads may straddle the change of day.
        #expect(today == Self.expected(now) || today == Self.expected(now + 5))
    }
}
