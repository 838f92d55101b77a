// engine/value/temporal_parse.cpp — ISO 8601 text to temporal values, in the forms the
// openCypher TCK (Temporal2) uses: calendar, week and ordinal dates, basic and extended
// times, offsets and [Zone/Name] suffixes, and durations (PnYnMnWnDTnHnMnS, P2012-02-02T...).
// Called by date(), time(), ..., duration() with a string argument.
#include "value/temporal.hpp"
#include "value/value_error.hpp"

#include <cctype>
#include <cmath>

namespace kgq::value {
namespace {

[[noreturn]] void malformed(std::string_view what, std::string_view text) {
    throw_invalid_value("Text cannot be parsed to a " + std::string(what) + ": '" + std::string(text) + "'");
}

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    return true;
}

std::int64_t number(std::string_view s, std::string_view what, std::string_view text) {
    if (!all_digits(s) || s.size() > 18) malformed(what, text);
    std::int64_t v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

std::int64_t checked_date(std::int64_t y, std::int64_t m, std::int64_t d, std::string_view text) {
    if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, int(m))) malformed("date", text);
    return days_from_civil(y, int(m), int(d));
}

// Days since the epoch of a date in any of its ISO forms.
std::int64_t date_days(std::string_view s, std::string_view text) {
    int sign = 1;
    std::string_view rest = s;
    if (!rest.empty() && (rest[0] == '+' || rest[0] == '-')) {
        sign = rest[0] == '-' ? -1 : 1;
        rest.remove_prefix(1);
    }
    // Four digits, or with a sign up to nine followed by '-' (java.time's -999999999-01-01).
    std::size_t year_digits = 4;
    if (s.size() != rest.size()) {
        std::size_t dash = rest.find('-');
        if (dash != std::string_view::npos && dash > 4 && dash <= 9) year_digits = dash;
    }
    if (rest.size() < year_digits) malformed("date", text);
    std::int64_t year = sign * number(rest.substr(0, year_digits), "date", text);
    rest.remove_prefix(year_digits);
    if (rest.empty()) return days_from_civil(year, 1, 1);
    bool extended = rest[0] == '-';
    if (extended) rest.remove_prefix(1);
    if (!rest.empty() && rest[0] == 'W') {  // week date
        rest.remove_prefix(1);
        if (rest.size() < 2) malformed("date", text);
        std::int64_t week = number(rest.substr(0, 2), "date", text);
        rest.remove_prefix(2);
        std::int64_t dow = 1;
        if (!rest.empty()) {
            if (extended) {
                if (rest[0] != '-') malformed("date", text);
                rest.remove_prefix(1);
            }
            if (rest.size() != 1) malformed("date", text);
            dow = number(rest, "date", text);
        }
        std::int64_t weeks_in_year = (week_one_monday(year + 1) - week_one_monday(year)) / 7;
        if (week < 1 || week > weeks_in_year || dow < 1 || dow > 7) malformed("date", text);
        return week_one_monday(year) + (week - 1) * 7 + (dow - 1);
    }
    if (extended) {
        auto dash = rest.find('-');
        if (dash == std::string_view::npos) {
            if (rest.size() == 3) {  // ordinal
                std::int64_t ordinal = number(rest, "date", text);
                if (ordinal < 1 || ordinal > (is_leap_year(year) ? 366 : 365)) malformed("date", text);
                return days_from_civil(year, 1, 1) + ordinal - 1;
            }
            return checked_date(year, number(rest, "date", text), 1, text);
        }
        return checked_date(year, number(rest.substr(0, dash), "date", text),
                            number(rest.substr(dash + 1), "date", text), text);
    }
    switch (rest.size()) {
        case 2: return checked_date(year, number(rest, "date", text), 1, text);
        case 3: {
            std::int64_t ordinal = number(rest, "date", text);
            if (ordinal < 1 || ordinal > (is_leap_year(year) ? 366 : 365)) malformed("date", text);
            return days_from_civil(year, 1, 1) + ordinal - 1;
        }
        case 4:
            return checked_date(year, number(rest.substr(0, 2), "date", text), number(rest.substr(2), "date", text),
                                text);
        default: malformed("date", text);
    }
}

// Nanoseconds of the day of "21:40:32.142", "214032.142", "21:40", "2140", "21".
std::int64_t clock_nanos(std::string_view s, std::string_view text) {
    std::int64_t frac = 0;
    auto dot = s.find_first_of(".,");
    if (dot != std::string_view::npos) {
        std::string_view digits = s.substr(dot + 1);
        if (digits.empty() || digits.size() > 9 || !all_digits(digits)) malformed("time", text);
        frac = number(digits, "time", text);
        for (std::size_t i = digits.size(); i < 9; ++i) frac *= 10;
        s = s.substr(0, dot);
    }
    std::int64_t h = 0, m = 0, sec = 0;
    if (s.find(':') != std::string_view::npos) {
        if (s.size() != 5 && s.size() != 8) malformed("time", text);
        h = number(s.substr(0, 2), "time", text);
        if (s[2] != ':') malformed("time", text);
        m = number(s.substr(3, 2), "time", text);
        if (s.size() == 8) {
            if (s[5] != ':') malformed("time", text);
            sec = number(s.substr(6, 2), "time", text);
        }
    } else {
        if (s.size() != 2 && s.size() != 4 && s.size() != 6) malformed("time", text);
        h = number(s.substr(0, 2), "time", text);
        if (s.size() >= 4) m = number(s.substr(2, 2), "time", text);
        if (s.size() == 6) sec = number(s.substr(4, 2), "time", text);
    }
    if ((dot != std::string_view::npos && s.size() != 8 && s.size() != 6) || h > 23 || m > 59 || sec > 59)
        malformed("time", text);
    return ((h * 60 + m) * 60 + sec) * nanos_per_second + frac;
}

struct ClockParts {
    std::int64_t nanos = 0;
    std::optional<std::int32_t> offset;
    std::string zone;
};

// A time of day with optional offset and [Zone].
ClockParts clock_with_zone(std::string_view s, std::string_view text) {
    ClockParts parts;
    auto bracket = s.find('[');
    if (bracket != std::string_view::npos) {
        if (s.back() != ']') malformed("time", text);
        parts.zone = std::string(s.substr(bracket + 1, s.size() - bracket - 2));
        if (!is_known_zone(parts.zone)) throw_invalid_value("Invalid time zone '" + parts.zone + "'");
        s = s.substr(0, bracket);
    }
    auto sign = s.find_first_of("+-Zz");
    if (sign != std::string_view::npos) {
        parts.offset = parse_offset(s.substr(sign));
        if (!parts.offset) malformed("time", text);
        s = s.substr(0, sign);
    }
    parts.nanos = clock_nanos(s, text);
    return parts;
}

}  // namespace

Date parse_date(std::string_view text) { return Date{date_days(text, text)}; }

LocalTime parse_local_time(std::string_view text) { return LocalTime{clock_with_zone(text, text).nanos}; }

Time parse_time(std::string_view text) {
    ClockParts p = clock_with_zone(text, text);
    std::int32_t offset = p.offset ? *p.offset : (p.zone.empty() ? 0 : zone_offset_at_utc(p.zone, 0));
    return Time{p.nanos, offset};
}

LocalDateTime parse_local_datetime(std::string_view text) {
    auto t = text.find('T');
    if (t == std::string_view::npos) return LocalDateTime{date_days(text, text) * seconds_per_day, 0};
    std::int64_t days = date_days(text.substr(0, t), text);
    std::int64_t nanos = clock_with_zone(text.substr(t + 1), text).nanos;
    return LocalDateTime{days * seconds_per_day + nanos / nanos_per_second, std::int32_t(nanos % nanos_per_second)};
}

DateTime parse_datetime(std::string_view text) {
    auto t = text.find('T');
    std::int64_t days = date_days(text.substr(0, t), text);
    ClockParts p;
    if (t != std::string_view::npos) p = clock_with_zone(text.substr(t + 1), text);
    std::int64_t local = days * seconds_per_day + p.nanos / nanos_per_second;
    auto nanos = std::int32_t(p.nanos % nanos_per_second);
    if (!p.zone.empty()) return make_datetime(local, nanos, p.zone);
    return datetime_with_offset(local, nanos, p.offset.value_or(0));
}

Duration parse_duration(std::string_view text) {
    std::string_view s = text;
    int sign = 1;
    if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
        sign = s[0] == '-' ? -1 : 1;
        s.remove_prefix(1);
    }
    if (s.empty() || (s[0] != 'P' && s[0] != 'p')) malformed("duration", text);
    s.remove_prefix(1);
    if (s.empty()) malformed("duration", text);
    // Alternative form P<date>T<time>: P2012-02-02T14:37:21.545.
    if (s.size() >= 10 && std::isdigit(static_cast<unsigned char>(s[0])) && s[4] == '-') {
        auto t = s.find('T');
        std::string_view date = s.substr(0, t);
        if (date.size() != 10 || date[7] != '-') malformed("duration", text);
        std::int64_t y = number(date.substr(0, 4), "duration", text);
        std::int64_t mo = number(date.substr(5, 2), "duration", text);
        std::int64_t d = number(date.substr(8, 2), "duration", text);
        std::int64_t nanos = t == std::string_view::npos ? 0 : clock_nanos(s.substr(t + 1), text);
        return normalized_duration(sign * (y * 12 + mo), sign * d, 0, sign * nanos);
    }
    long double months = 0, days = 0, seconds = 0;
    bool in_time = false, any = false;
    while (!s.empty()) {
        if (s[0] == 'T' || s[0] == 't') {
            if (in_time) malformed("duration", text);
            in_time = true;
            s.remove_prefix(1);
            continue;
        }
        std::size_t i = 0;
        if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
        while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.' || s[i] == ',')) ++i;
        if (i == 0 || i >= s.size()) malformed("duration", text);
        std::string num(s.substr(0, i));
        for (char& c : num)
            if (c == ',') c = '.';
        long double v;
        try {
            v = std::stold(num);
        } catch (...) {
            malformed("duration", text);
        }
        char unit = char(std::toupper(static_cast<unsigned char>(s[i])));
        s.remove_prefix(i + 1);
        any = true;
        if (!in_time) {
            if (unit == 'Y') months += v * 12;
            else if (unit == 'M') months += v;
            else if (unit == 'W') days += v * 7;
            else if (unit == 'D') days += v;
            else malformed("duration", text);
        } else {
            if (unit == 'H') seconds += v * 3600;
            else if (unit == 'M') seconds += v * 60;
            else if (unit == 'S') seconds += v;
            else malformed("duration", text);
        }
    }
    if (!any) malformed("duration", text);
    return duration_from_parts(sign * months, sign * days, sign * seconds, 0);
}

}  // namespace kgq::value
