import Foundation

/// HTTP dates (RFC 9110 §5.6.7), as used by `Retry-After`.
public enum HTTPDate {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]

    /// IMF-fixdate in GMT, e.g. `Sun, 06 Nov 1994 08:49:37 GMT`.
    public static func string(from date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let civil = CivilCalendar.date(daysSinceEpoch: days)
        let weekday = weekdays[((days % 7) + 7) % 7]
        let month = months[civil.month - 1].capitalized
        let pad = CivilCalendar.pad
        return "\(weekday), \(pad(civil.day, 2)) \(month) \(pad(civil.year, 4)) "
            + "\(pad(secondOfDay / 3600, 2)):\(pad(secondOfDay % 3600 / 60, 2)):\(pad(secondOfDay % 60, 2)) GMT"
    }

    /// Parses all three formats recipients must accept: IMF-fixdate, RFC 850 and asctime.
    public static func date(from text: String) -> Date? {
        var tokens = text.split { $0 == " " || $0 == "," || $0 == "-" }.map(String.init)
        if let first = tokens.first, monthNumber(first) == nil, Int(first) == nil { tokens.removeFirst() }
        let day: Int?, month: Int?, year: Int?, time: String
        if tokens.count == 5, tokens[4].uppercased() == "GMT" {
            // IMF-fixdate `06 Nov 1994 08:49:37 GMT` or RFC 850 `06-Nov-94 08:49:37 GMT`.
            day = Int(tokens[0])
            month = monthNumber(tokens[1])
            year = Int(tokens[2]).map { tokens[2].count == 2 ? ($0 < 70 ? 2000 + $0 : 1900 + $0) : $0 }
            time = tokens[3]
        } else if tokens.count == 4 {
            // asctime `Nov  6 08:49:37 1994`.
            month = monthNumber(tokens[0])
            day = Int(tokens[1])
            time = tokens[2]
            year = Int(tokens[3])
        } else {
            return nil
        }
        let clock = time.split(separator: ":").compactMap { Int($0) }
        guard let day, let month, let year, clock.count == 3,
              CivilCalendar.isValid(year: year, month: month, day: day),
              clock[0] < 24, clock[1] < 60, clock[2] <= 60
        else { return nil }
        let days = CivilCalendar.daysSinceEpoch(year: year, month: month, day: day)
        return Date(timeIntervalSince1970: Double(days * 86_400 + clock[0] * 3600 + clock[1] * 60 + clock[2]))
    }

    private static func monthNumber(_ name: String) -> Int? {
        months.firstIndex(of: name.lowercased()).map { $0 + 1 }
    }
}
