// engine/value/temporal.cpp — calendar arithmetic, the per-statement clock, duration
// normalisation and the text of temporal values exactly as Neo4j (and so the openCypher TCK)
// prints them: java.time's ISO forms (seconds and fractions only when non-zero, fractions in
// groups of 3 digits).
// Used through temporal.hpp by value.cpp, value_ops and the temporal functions.
#include "value/temporal.hpp"
#include "value/value_error.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>

namespace kgq::value {

// ---------------------------------------------------------------- calendar
// Howard Hinnant's days_from_civil / civil_from_days (public domain algorithms).
std::int64_t days_from_civil(std::int64_t y, int m, int d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

CivilDate civil_from_days(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const int d = int(doy - (153 * mp + 2) / 5 + 1);
    const int m = int(mp < 10 ? mp + 3 : mp - 9);
    return {yoe + era * 400 + (m <= 2), m, d};
}

bool is_leap_year(std::int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

namespace {
[[noreturn]] void out_of_range(const char* what) {
    throw_argument_error(std::string(what) + ": the result is outside the supported years (" +
                             std::to_string(min_year) + " to " + std::to_string(max_year) + ")",
                         "InvalidArgumentValue");
}
}  // namespace

void check_year_range(__int128 year, const char* what) {
    if (year < min_year || year > max_year) out_of_range(what);
}

std::int64_t checked_days(__int128 days, const char* what) {
    static const std::int64_t first = days_from_civil(min_year, 1, 1);
    static const std::int64_t last = days_from_civil(max_year, 12, 31);
    if (days < first || days > last) out_of_range(what);
    return static_cast<std::int64_t>(days);
}

std::int64_t checked_seconds(__int128 seconds, const char* what) {
    __int128 days = seconds / seconds_per_day - (seconds % seconds_per_day < 0);
    checked_days(days, what);
    return static_cast<std::int64_t>(seconds);
}

int days_in_month(std::int64_t year, int month) {
    static const int lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap_year(year) ? 29 : lengths[month - 1];
}

int day_of_week(std::int64_t days) {
    // 1970-01-01 was a Thursday (4).
    std::int64_t r = (days + 3) % 7;
    if (r < 0) r += 7;
    return int(r) + 1;
}

std::int64_t week_one_monday(std::int64_t week_year) {
    // Week 1 holds January 4th.
    std::int64_t jan4 = days_from_civil(week_year, 1, 4);
    return jan4 - (day_of_week(jan4) - 1);
}

void iso_week_of(std::int64_t days, std::int64_t& week_year, int& week) {
    std::int64_t year = civil_from_days(days).year;
    week_year = year + 1;
    if (days < week_one_monday(week_year)) {
        week_year = year;
        if (days < week_one_monday(week_year)) week_year = year - 1;
    }
    week = int((days - week_one_monday(week_year)) / 7) + 1;
}

// ---------------------------------------------------------------- statement clock
namespace {
// Per thread: a statement runs on one thread, and concurrent statements on other
// threads keep their own instants.
thread_local std::optional<std::int64_t> pinned_now;
}  // namespace

std::int64_t realtime_now_nanos() {
    using namespace std::chrono;
    return duration_cast<nanoseconds>(system_clock::now().time_since_epoch()).count();
}

std::int64_t statement_now_nanos() { return pinned_now ? *pinned_now : realtime_now_nanos(); }

StatementClock::StatementClock() {
    if (pinned_now) return;
    pinned_now = realtime_now_nanos();
    pinned_here_ = true;
}

StatementClock::~StatementClock() {
    if (pinned_here_) pinned_now.reset();
}

// ---------------------------------------------------------------- durations
namespace {
std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}
}  // namespace

Duration normalized_duration(std::int64_t months, std::int64_t days, std::int64_t seconds, std::int64_t nanos) {
    const std::int64_t carry = floor_div(nanos, nanos_per_second);
    if (__builtin_add_overflow(seconds, carry, &seconds))
        throw_arithmetic_error("duration overflow", "IntegerOverflow");
    nanos -= carry * nanos_per_second;
    return Duration{months, days, seconds, std::int32_t(nanos)};
}

Duration duration_from_parts(long double months, long double days, long double seconds, long double nanos) {
    constexpr long double seconds_per_month = 2629746.0L;  // 365.2425 / 12 days
    long double whole_months = std::trunc(months);
    // A fraction of a month becomes whole days plus seconds (P22DT19H51M49.5S for 0.75
    // months); a fraction of a day only seconds (P1DT12H for 1.5 days), as Neo4j does.
    long double month_seconds = (months - whole_months) * seconds_per_month;
    long double month_days = std::trunc(month_seconds / seconds_per_day);
    month_seconds -= month_days * seconds_per_day;
    long double whole_days = std::trunc(days);
    long double second_total = seconds + month_seconds + (days - whole_days) * seconds_per_day;
    long double whole_seconds = std::trunc(second_total);
    long double nano_total = nanos + (second_total - whole_seconds) * nanos_per_second;
    // Decimal fractions (0.001 s) are not exact in binary: snap to the nanosecond when
    // within rounding noise, otherwise drop the sub-nanosecond part.
    long double rounded = std::round(nano_total);
    // A component past 64 bits (duration * 1e30) is an overflow, not a wrapped-around value.
    auto whole = [](long double x) {
        if (!(x >= -9223372036854775808.0L && x < 9223372036854775808.0L))
            throw_arithmetic_error("duration overflow", "IntegerOverflow");
        return std::int64_t(x);
    };
    std::int64_t n = whole(std::fabs(nano_total - rounded) < 1e-3L ? rounded : std::trunc(nano_total));
    return normalized_duration(whole(whole_months), whole(whole_days + month_days), whole(whole_seconds), n);
}

// ---------------------------------------------------------------- text
namespace {

std::string two(std::int64_t v) {
    char buf[16];  // room for any int: g++ -O2 warns (format-truncation) otherwise
    std::snprintf(buf, sizeof buf, "%02d", int(v));
    return buf;
}

std::string year_text(std::int64_t y) {
    char buf[32];
    if (y > 9999) std::snprintf(buf, sizeof buf, "+%lld", (long long)y);
    else if (y < 0) std::snprintf(buf, sizeof buf, "-%04lld", (long long)-y);
    else std::snprintf(buf, sizeof buf, "%04lld", (long long)y);
    return buf;
}

// ".142", ".645876", ".645876123": java.time prints fractions in groups of three digits.
std::string fraction_text(std::int64_t nanos) {
    if (nanos == 0) return "";
    char buf[32];
    if (nanos % 1'000'000 == 0) std::snprintf(buf, sizeof buf, ".%03lld", (long long)(nanos / 1'000'000));
    else if (nanos % 1000 == 0) std::snprintf(buf, sizeof buf, ".%06lld", (long long)(nanos / 1000));
    else std::snprintf(buf, sizeof buf, ".%09lld", (long long)nanos);
    return buf;
}

std::string clock_text(std::int64_t nanos_of_day) {
    std::int64_t secs = nanos_of_day / nanos_per_second;
    std::int64_t frac = nanos_of_day % nanos_per_second;
    std::string out = two(secs / 3600) + ":" + two(secs / 60 % 60);
    if (secs % 60 != 0 || frac != 0) out += ":" + two(secs % 60) + fraction_text(frac);
    return out;
}

// Duration seconds fraction as Neo4j prints it: digits up to the last non-zero one.
std::string duration_fraction(std::int64_t n) {
    std::string out = ".";
    if (n < 0) n = -n;
    for (std::int64_t mod = nanos_per_second; mod > 1 && n > 0; n %= mod) {
        mod /= 10;
        out += char('0' + n / mod);
    }
    return out;
}

void append_unit(std::string& out, std::int64_t value, char unit) {
    if (value != 0) out += std::to_string(value) + unit;
}

}  // namespace

std::string format_offset(std::int32_t offset) {
    if (offset == 0) return "Z";
    std::int32_t a = offset < 0 ? -offset : offset;
    std::string out = std::string(offset < 0 ? "-" : "+") + two(a / 3600) + ":" + two(a / 60 % 60);
    if (a % 60 != 0) out += ":" + two(a % 60);
    return out;
}

std::string format_date(Date d) {
    CivilDate c = civil_from_days(d.days);
    return year_text(c.year) + "-" + two(c.month) + "-" + two(c.day);
}

std::string format_local_time(LocalTime t) { return clock_text(t.nanos); }

std::string format_time(Time t) { return clock_text(t.nanos) + format_offset(t.offset_seconds); }

std::string format_local_datetime(LocalDateTime t) {
    std::int64_t days = floor_div(t.seconds, seconds_per_day);
    std::int64_t secs = t.seconds - days * seconds_per_day;
    return format_date(Date{days}) + "T" + clock_text(secs * nanos_per_second + t.nanos);
}

std::string format_datetime(const DateTime& t) {
    std::string out =
        format_local_datetime(LocalDateTime{local_seconds_of(t), t.nanos}) + format_offset(t.offset_seconds);
    if (!t.zone.empty()) out += "[" + t.zone + "]";
    return out;
}

std::string format_duration(const Duration& d) {
    std::string out = "P";
    append_unit(out, d.months / 12, 'Y');
    append_unit(out, d.months % 12, 'M');
    append_unit(out, d.days, 'D');
    if (d.seconds != 0 || d.nanos != 0) {
        std::int64_t s = d.seconds;
        std::int64_t n = d.nanos;
        if (s < 0 && n != 0) {  // show -1.5 s as -1.5, not -2 + 0.5
            s += 1;
            n -= nanos_per_second;
        }
        out += "T";
        append_unit(out, s / 3600, 'H');
        s %= 3600;
        append_unit(out, s / 60, 'M');
        s %= 60;
        if (s != 0) {
            out += std::to_string(s);
            if (n != 0) out += duration_fraction(n);
            out += "S";
        } else if (n != 0) {
            out += std::string(n < 0 ? "-" : "") + "0" + duration_fraction(n) + "S";
        }
    }
    if (out == "P") out = "PT0S";
    return out;
}

std::string format_temporal(const Value& v) {
    switch (v.kind()) {
        case ValueKind::Date: return format_date(v.as_date());
        case ValueKind::LocalTime: return format_local_time(v.as_local_time());
        case ValueKind::Time: return format_time(v.as_time());
        case ValueKind::LocalDateTime: return format_local_datetime(v.as_local_datetime());
        case ValueKind::DateTime: return format_datetime(v.as_datetime());
        case ValueKind::Duration: return format_duration(v.as_duration());
        default: return v.to_string();
    }
}

// ---------------------------------------------------------------- instants
DateTime datetime_with_offset(std::int64_t local_seconds, std::int32_t nanos, std::int32_t offset) {
    return DateTime{local_seconds - offset, nanos, offset, {}};
}

DateTime make_datetime(std::int64_t local_seconds, std::int32_t nanos, std::string zone) {
    if (auto offset = parse_offset(zone)) return datetime_with_offset(local_seconds, nanos, *offset);
    if (!is_known_zone(zone)) throw_invalid_value("Invalid time zone '" + zone + "'");
    std::int32_t offset = zone_offset_for_local(zone, local_seconds);
    DateTime t = datetime_with_offset(local_seconds, nanos, offset);
    // In a gap the local time does not exist; java.time moves it forward by the gap.
    std::int32_t actual = zone_offset_at_utc(zone, t.seconds);
    if (actual != offset) t.offset_seconds = actual;
    t.zone = std::move(zone);
    return t;
}

std::optional<std::int32_t> parse_offset(std::string_view s) {
    if (s == "Z" || s == "z") return 0;
    if (s.size() < 3 || (s[0] != '+' && s[0] != '-')) return std::nullopt;
    int sign = s[0] == '-' ? -1 : 1;
    std::string digits;
    for (std::size_t i = 1; i < s.size(); ++i) {
        if (s[i] == ':') continue;
        if (s[i] < '0' || s[i] > '9') return std::nullopt;
        digits += s[i];
    }
    if (digits.size() != 2 && digits.size() != 4 && digits.size() != 6) return std::nullopt;
    int h = std::stoi(digits.substr(0, 2));
    int m = digits.size() >= 4 ? std::stoi(digits.substr(2, 2)) : 0;
    int sec = digits.size() == 6 ? std::stoi(digits.substr(4, 2)) : 0;
    if (h > 18 || m > 59 || sec > 59 || h * 3600 + m * 60 + sec > 18 * 3600) return std::nullopt;
    return sign * (h * 3600 + m * 60 + sec);
}

}  // namespace kgq::value
