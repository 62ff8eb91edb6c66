import Glibc

extension CalendarDate {
    /// Today in UTC, the day accepted risks are judged against unless a command is given `--today`.
    public static var today: CalendarDate {
        day(secondsSinceEpoch: time(nil))
    }

    /// The UTC day of a moment. Computed by hand (the proleptic Gregorian calendar, as in
    /// Howard Hinnant's `civil_from_days`), because Foundation's `Calendar` and `TimeZone`
    /// load ICU: megabytes of code and data mapped into every run just to learn the date.
    static func day(secondsSinceEpoch seconds: Int) -> CalendarDate {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let shifted = days + 719_468  // days since 0000-03-01
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153  // March = 0
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return CalendarDate(year: year, month: month, day: day)!
    }
}
