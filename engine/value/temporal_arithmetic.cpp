// engine/value/temporal_arithmetic.cpp — temporal +/- duration, duration +/-/* and
// duration.between/inMonths/inDays/inSeconds, with java.time's rules as the openCypher TCK
// (Temporal8, Temporal10) expects: months first (day clamped to the month's end), then
// days, then the exact time. Used by value_ops' arithmetic and the duration functions.
#include "value/temporal.hpp"
#include "value/value_error.hpp"

#include <cmath>

namespace kgq::value {
namespace {

using i128 = __int128;

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}
i128 floor_div128(i128 a, i128 b) {
    i128 q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

// Months and days are 64-bit each, so sums are taken in 128 bits and checked against the
// supported years before they become a date again (never a wrapped-around value).
std::int64_t plus_months(std::int64_t days, i128 months) {
    if (months == 0) return days;
    CivilDate c = civil_from_days(days);
    i128 total = i128(c.year) * 12 + (c.month - 1) + months;
    i128 year = floor_div128(total, 12);
    check_year_range(year, "date arithmetic");
    int month = int(total - year * 12) + 1;
    return days_from_civil(std::int64_t(year), month, std::min(c.day, days_in_month(std::int64_t(year), month)));
}

i128 duration_time_nanos(const Duration& d) { return i128(d.seconds) * nanos_per_second + d.nanos; }

// A local date-time as nanoseconds since the epoch (128 bits: no overflow for any date).
i128 local_nanos(std::int64_t seconds, std::int32_t nanos) { return i128(seconds) * nanos_per_second + nanos; }

void split_nanos(i128 total, std::int64_t& seconds, std::int32_t& nanos) {
    i128 s = floor_div128(total, nanos_per_second);
    seconds = std::int64_t(s);
    nanos = std::int32_t(total - s * nanos_per_second);
}

// Local date-time after months and days, then the exact time part.
i128 shift_local(i128 local, const Duration& d, int sign) {
    std::int64_t seconds;
    std::int32_t nanos;
    split_nanos(local, seconds, nanos);
    std::int64_t days = floor_div(seconds, seconds_per_day);
    std::int64_t second_of_day = seconds - days * seconds_per_day;
    days = checked_days(i128(plus_months(days, i128(sign) * d.months)) + i128(sign) * d.days, "date arithmetic");
    i128 result =
        i128(days) * nanos_per_day + i128(second_of_day) * nanos_per_second + nanos + sign * duration_time_nanos(d);
    checked_seconds(floor_div128(result, nanos_per_second), "date arithmetic");
    return result;
}

}  // namespace

Value add_duration(const Value& t, const Duration& d, int sign) {
    switch (t.kind()) {
        case ValueKind::Date: {
            // Only whole days of the time part count for a date.
            i128 whole_days = duration_time_nanos(d) / nanos_per_day;
            return Date{checked_days(
                i128(plus_months(t.as_date().days, i128(sign) * d.months)) + i128(sign) * d.days + sign * whole_days,
                "date arithmetic")};
        }
        case ValueKind::LocalTime: {
            i128 n = (i128(t.as_local_time().nanos) + sign * duration_time_nanos(d)) % nanos_per_day;
            if (n < 0) n += nanos_per_day;
            return LocalTime{std::int64_t(n)};
        }
        case ValueKind::Time: {
            i128 n = (i128(t.as_time().nanos) + sign * duration_time_nanos(d)) % nanos_per_day;
            if (n < 0) n += nanos_per_day;
            return Time{std::int64_t(n), t.as_time().offset_seconds};
        }
        case ValueKind::LocalDateTime: {
            LocalDateTime r;
            split_nanos(shift_local(local_nanos(t.as_local_datetime().seconds, t.as_local_datetime().nanos), d, sign),
                        r.seconds, r.nanos);
            return r;
        }
        case ValueKind::DateTime: {
            const DateTime& x = t.as_datetime();
            // Months and days move the wall clock (keeping 12:00 across a DST change);
            // the time part moves the instant, as ZonedDateTime.plus does.
            Duration calendar{d.months, d.days, 0, 0};
            std::int64_t seconds;
            std::int32_t nanos;
            split_nanos(shift_local(local_nanos(local_seconds_of(x), x.nanos), calendar, sign), seconds, nanos);
            DateTime moved = x.zone.empty() ? datetime_with_offset(seconds, nanos, x.offset_seconds)
                                            : make_datetime(seconds, nanos, x.zone);
            i128 instant = local_nanos(moved.seconds, moved.nanos) + sign * duration_time_nanos(d);
            checked_seconds(floor_div128(instant, nanos_per_second), "date arithmetic");
            split_nanos(instant, moved.seconds, moved.nanos);
            if (!moved.zone.empty()) moved.offset_seconds = zone_offset_at_utc(moved.zone, moved.seconds);
            return moved;
        }
        default: throw_type_error("Type mismatch: cannot add a duration to " + type_name(t));
    }
}

Duration add_durations(const Duration& a, const Duration& b, int sign) {
    std::int64_t months, days, seconds;
    // sign * INT64_MIN itself overflows: negate in 128 bits, then narrow with a check.
    auto combine = [sign](std::int64_t x, std::int64_t y, std::int64_t& out) {
        i128 r = i128(x) + i128(sign) * y;
        out = std::int64_t(r);
        return r != i128(out);
    };
    if (combine(a.months, b.months, months) || combine(a.days, b.days, days) || combine(a.seconds, b.seconds, seconds))
        throw_arithmetic_error("duration overflow", "IntegerOverflow");
    return normalized_duration(months, days, seconds, std::int64_t(a.nanos) + sign * std::int64_t(b.nanos));
}

Duration scale_duration(const Duration& d, long double f) {
    return duration_from_parts(d.months * f, d.days * f, d.seconds * f, d.nanos * f);
}

int compare_durations_for_order(const Duration& a, const Duration& b) {
    // By approximate length first (a month as 30.436875 days), then component-wise.
    auto length = [](const Duration& d) {
        return (long double)d.months * 2629746.0L + (long double)d.days * seconds_per_day + d.seconds + d.nanos * 1e-9L;
    };
    long double x = length(a), y = length(b);
    if (x != y) return x < y ? -1 : 1;
    if (a.months != b.months) return a.months < b.months ? -1 : 1;
    if (a.days != b.days) return a.days < b.days ? -1 : 1;
    if (a.seconds != b.seconds) return a.seconds < b.seconds ? -1 : 1;
    return a.nanos < b.nanos ? -1 : (a.nanos > b.nanos);
}

// ---------------------------------------------------------------- between
namespace {

// A temporal as the parts `between` looks at.
struct Moment {
    bool has_date = false;
    bool has_time = false;
    std::int64_t days = 0;
    std::int64_t nanos_of_day = 0;
    std::optional<std::int32_t> offset;
    std::string zone;  // a DateTime's named zone
};

Moment moment_of(const Value& v) {
    Moment m;
    auto set_local = [&](std::int64_t seconds, std::int32_t nanos) {
        m.has_date = m.has_time = true;
        m.days = floor_div(seconds, seconds_per_day);
        m.nanos_of_day = (seconds - m.days * seconds_per_day) * nanos_per_second + nanos;
    };
    switch (v.kind()) {
        case ValueKind::Date:
            m.has_date = true;
            m.days = v.as_date().days;
            break;
        case ValueKind::LocalTime:
            m.has_time = true;
            m.nanos_of_day = v.as_local_time().nanos;
            break;
        case ValueKind::Time:
            m.has_time = true;
            m.nanos_of_day = v.as_time().nanos;
            m.offset = v.as_time().offset_seconds;
            break;
        case ValueKind::LocalDateTime: set_local(v.as_local_datetime().seconds, v.as_local_datetime().nanos); break;
        case ValueKind::DateTime:
            set_local(local_seconds_of(v.as_datetime()), v.as_datetime().nanos);
            m.offset = v.as_datetime().offset_seconds;
            m.zone = v.as_datetime().zone;
            break;
        default: throw_type_error("Type mismatch: duration.between expected temporal values but got " + type_name(v));
    }
    return m;
}

enum class Unit { All, Months, Days, Seconds };

Value between(const Value& from, const Value& to, Unit unit) {
    if (from.is_null() || to.is_null()) return Value();
    Moment a = moment_of(from), b = moment_of(to);
    // A local value against a datetime in a named zone is read in that zone, on its date
    // when it has none, at midnight when it has no time: across a DST change 00:00 to 04:00
    // local is PT5H, not PT4H (Temporal10 [8]).
    auto place_in_zone = [](Moment& local, const Moment& zoned) {
        if (local.offset || zoned.zone.empty() || !zoned.has_date) return;
        if (!local.has_date) local.days = zoned.days;
        local.has_date = local.has_time = true;
        local.offset =
            zone_offset_for_local(zoned.zone, local.days * seconds_per_day + local.nanos_of_day / nanos_per_second);
    };
    place_in_zone(a, b);
    place_in_zone(b, a);
    // Compare in the first value's offset when both have one.
    i128 shift = (a.offset && b.offset) ? i128(*a.offset - *b.offset) * nanos_per_second : 0;
    if (!a.has_date || !b.has_date) {
        if (unit == Unit::Months || unit == Unit::Days) return Duration{};
        i128 diff = i128(b.nanos_of_day) + shift - a.nanos_of_day;
        std::int64_t s;
        std::int32_t n;
        split_nanos(diff, s, n);
        return Duration{0, 0, s, n};
    }
    i128 la = i128(a.days) * nanos_per_day + a.nanos_of_day;
    i128 lb = i128(b.days) * nanos_per_day + b.nanos_of_day + shift;
    if (unit == Unit::Seconds) {
        std::int64_t s;
        std::int32_t n;
        split_nanos(lb - la, s, n);
        return Duration{0, 0, s, n};
    }
    if (unit == Unit::Days) return Duration{0, std::int64_t((lb - la) / nanos_per_day), 0, 0};
    CivilDate ca = civil_from_days(a.days);
    std::int64_t bdays = std::int64_t(floor_div128(lb, nanos_per_day));
    CivilDate cb = civil_from_days(bdays);
    std::int64_t months = (cb.year * 12 + cb.month) - (ca.year * 12 + ca.month);
    auto after_months = [&](std::int64_t m) { return i128(plus_months(a.days, m)) * nanos_per_day + a.nanos_of_day; };
    if (months > 0 && after_months(months) > lb) --months;
    if (months < 0 && after_months(months) < lb) ++months;
    if (unit == Unit::Months) return Duration{months, 0, 0, 0};
    i128 rest = lb - after_months(months);
    std::int64_t days = std::int64_t(rest / nanos_per_day);  // toward zero: the sign of the whole
    rest -= i128(days) * nanos_per_day;
    std::int64_t s;
    std::int32_t n;
    split_nanos(rest, s, n);
    return Duration{months, days, s, n};
}

}  // namespace

Value duration_between(const Value& from, const Value& to) { return between(from, to, Unit::All); }
Value duration_in_months(const Value& from, const Value& to) { return between(from, to, Unit::Months); }
Value duration_in_days(const Value& from, const Value& to) { return between(from, to, Unit::Days); }
Value duration_in_seconds(const Value& from, const Value& to) { return between(from, to, Unit::Seconds); }

}  // namespace kgq::value
