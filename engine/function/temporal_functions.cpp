// engine/function/temporal_functions.cpp — the temporal constructors date(), localtime(),
// time(), localdatetime(), datetime(), duration() from strings, maps and other temporals
// (selecting and overriding components, converting time zones, as Temporal1/3 of the TCK
// expect), X.truncate(), datetime.fromepoch[millis], duration.between/in*, timestamp().
#include "function/function_support.hpp"
#include "value/temporal.hpp"

#include <cmath>

namespace kgq::function {
namespace {

using catalog::TypeKind;
using namespace kgq::value;

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

// ---------------------------------------------------------------- the parts of a temporal
// What a constructor can take from another temporal (a "base") and what it builds.
struct Parts {
    std::optional<std::int64_t> days;  // date
    std::optional<std::int64_t> nanos;  // time of day
    std::optional<std::int32_t> offset;  // zoned values
    std::string zone;  // named zone of a DateTime
};

Parts parts_of(const Value& v) {
    Parts p;
    switch (v.kind()) {
        case ValueKind::Date: p.days = v.as_date().days; break;
        case ValueKind::LocalTime: p.nanos = v.as_local_time().nanos; break;
        case ValueKind::Time:
            p.nanos = v.as_time().nanos;
            p.offset = v.as_time().offset_seconds;
            break;
        case ValueKind::LocalDateTime: {
            const auto& t = v.as_local_datetime();
            p.days = floor_div(t.seconds, seconds_per_day);
            p.nanos = (t.seconds - *p.days * seconds_per_day) * nanos_per_second + t.nanos;
            break;
        }
        case ValueKind::DateTime: {
            const auto& t = v.as_datetime();
            std::int64_t local = local_seconds_of(t);
            p.days = floor_div(local, seconds_per_day);
            p.nanos = (local - *p.days * seconds_per_day) * nanos_per_second + t.nanos;
            p.offset = t.offset_seconds;
            p.zone = t.zone;
            break;
        }
        default: break;
    }
    return p;
}

// ---------------------------------------------------------------- reading a map
struct Fields {
    const Map& map;
    const char* fn;

    bool has(std::string_view k) const {
        const Value* v = map.find(k);
        return v && !v->is_null();
    }
    std::optional<std::int64_t> integer(std::string_view k) const {
        const Value* v = map.find(k);
        if (!v || v->is_null()) return std::nullopt;
        if (v->is_int()) return v->as_int();
        if (v->is_float()) return std::int64_t(v->as_float());
        wrong_type(fn, *v, "INTEGER for " + std::string(k));
    }
    long double number(std::string_view k) const {
        const Value* v = map.find(k);
        if (!v || v->is_null()) return 0;
        if (!v->is_number()) wrong_type(fn, *v, "a number for " + std::string(k));
        // Integers exactly (a double would round 2^63-1 up past the 64-bit range).
        return v->is_int() ? static_cast<long double>(v->as_int()) : static_cast<long double>(v->as_number());
    }
    const Value* value(std::string_view k) const {
        const Value* v = map.find(k);
        return v && !v->is_null() ? v : nullptr;
    }
};

void check_range(std::int64_t v, std::int64_t lo, std::int64_t hi, const char* what) {
    if (v < lo || v > hi) throw_invalid_value(std::string("Invalid value for ") + what + ": " + std::to_string(v));
}

// The date of a map, over an optional base date (Temporal1: calendar, week, ordinal and
// quarter forms; Temporal3: fields override the base's).
std::int64_t date_from(const Fields& f, std::optional<std::int64_t> base) {
    std::optional<CivilDate> bc;
    if (base) bc = civil_from_days(*base);
    auto year_or = [&](std::optional<std::int64_t> fallback) -> std::int64_t {
        if (auto y = f.integer("year")) {
            check_range(*y, value::min_year, value::max_year, "year");
            return *y;
        }
        if (fallback) return *fallback;
        throw_invalid_value(std::string(f.fn) + "(): year must be specified");
    };
    if (f.has("week") || (f.has("dayOfWeek") && !f.has("month") && !f.has("day"))) {
        std::optional<std::int64_t> base_week_year;
        int base_week = 1;
        if (base) {
            std::int64_t wy;
            iso_week_of(*base, wy, base_week);
            base_week_year = wy;
        }
        std::int64_t week_year = year_or(base_week_year);
        std::int64_t week = f.integer("week").value_or(base ? base_week : 1);
        std::int64_t dow = f.integer("dayOfWeek").value_or(base ? day_of_week(*base) : 1);
        check_range(week, 1, (week_one_monday(week_year + 1) - week_one_monday(week_year)) / 7, "week");
        check_range(dow, 1, 7, "dayOfWeek");
        return week_one_monday(week_year) + (week - 1) * 7 + (dow - 1);
    }
    std::int64_t year = year_or(bc ? std::optional<std::int64_t>(bc->year) : std::nullopt);
    if (f.has("ordinalDay")) {
        std::int64_t od = *f.integer("ordinalDay");
        check_range(od, 1, is_leap_year(year) ? 366 : 365, "ordinalDay");
        return days_from_civil(year, 1, 1) + od - 1;
    }
    if (f.has("quarter") || f.has("dayOfQuarter")) {
        std::int64_t base_quarter = bc ? (bc->month - 1) / 3 + 1 : 1;
        std::int64_t base_doq = base ? *base - days_from_civil(bc->year, int(base_quarter - 1) * 3 + 1, 1) + 1 : 1;
        std::int64_t q = f.integer("quarter").value_or(base_quarter);
        std::int64_t doq = f.integer("dayOfQuarter").value_or(base_doq);
        check_range(q, 1, 4, "quarter");
        std::int64_t first = days_from_civil(year, int(q - 1) * 3 + 1, 1);
        std::int64_t next = q == 4 ? days_from_civil(year + 1, 1, 1) : days_from_civil(year, int(q) * 3 + 1, 1);
        check_range(doq, 1, next - first, "dayOfQuarter");
        return first + doq - 1;
    }
    std::int64_t month = f.integer("month").value_or(bc ? bc->month : 1);
    std::int64_t day = f.integer("day").value_or(bc ? bc->day : 1);
    check_range(month, 1, 12, "month");
    check_range(day, 1, days_in_month(year, int(month)), "day");
    return days_from_civil(year, int(month), int(day));
}

// The time of day of a map over an optional base time.
std::int64_t time_from(const Fields& f, std::optional<std::int64_t> base) {
    std::int64_t b = base.value_or(0);
    std::int64_t bsec = b / nanos_per_second;
    std::int64_t hour = f.integer("hour").value_or(bsec / 3600);
    std::int64_t minute = f.integer("minute").value_or(bsec / 60 % 60);
    std::int64_t second = f.integer("second").value_or(bsec % 60);
    std::int64_t frac = b % nanos_per_second;
    if (f.has("millisecond") || f.has("microsecond") || f.has("nanosecond")) {
        std::int64_t ms = f.integer("millisecond").value_or(0);
        std::int64_t us = f.integer("microsecond").value_or(0);
        std::int64_t ns = f.integer("nanosecond").value_or(0);
        check_range(ms, 0, 999, "millisecond");
        check_range(us, 0, f.has("millisecond") ? 999 : 999'999, "microsecond");
        check_range(ns, 0, (f.has("millisecond") || f.has("microsecond")) ? 999 : 999'999'999, "nanosecond");
        frac = ms * 1'000'000 + us * 1000 + ns;
    }
    check_range(hour, 0, 23, "hour");
    check_range(minute, 0, 59, "minute");
    check_range(second, 0, 59, "second");
    return ((hour * 60 + minute) * 60 + second) * nanos_per_second + frac;
}

std::optional<std::string> timezone_of(const Fields& f) {
    const Value* tz = f.value("timezone");
    if (!tz) return std::nullopt;
    const std::string& s = string_arg(f.fn, *tz);
    if (!is_known_zone(s)) throw_invalid_value("Invalid time zone '" + s + "'");
    return s;
}

// "Now" is the statement's instant (value::StatementClock), so every date() of one
// statement agrees; .realtime() asks the system clock each time.
std::int64_t now_utc_seconds() { return floor_div(statement_now_nanos(), nanos_per_second); }

// The current instant as a DateTime in `zone` (UTC when empty).
DateTime now_in(const std::string& zone, bool realtime) {
    std::int64_t n = realtime ? realtime_now_nanos() : statement_now_nanos();
    std::int64_t s = floor_div(n, nanos_per_second);
    auto nanos = std::int32_t(n - s * nanos_per_second);
    std::int32_t offset = zone.empty() ? 0 : zone_offset_at_utc(zone, s);
    DateTime t = datetime_with_offset(s + offset, nanos, offset);
    if (!zone.empty() && !parse_offset(zone)) t.zone = zone;
    return t;
}

// The base a map selects from: {date: x}, {time: x}, {datetime: x}.
Parts base_of(const Fields& f, bool want_date, bool want_time) {
    Parts p;
    if (const Value* dt = f.value("datetime")) p = parts_of(*dt);
    if (want_date)
        if (const Value* d = f.value("date")) {
            Parts q = parts_of(*d);
            if (!q.days) wrong_type(f.fn, *d, "a temporal with a date");
            p.days = q.days;
        }
    if (want_time)
        if (const Value* t = f.value("time")) {
            Parts q = parts_of(*t);
            if (!q.nanos) wrong_type(f.fn, *t, "a temporal with a time");
            p.nanos = q.nanos;
            p.offset = q.offset;
            p.zone = q.zone;
        }
    return p;
}

// ---------------------------------------------------------------- constructors
enum class Kind { Date, LocalTime, Time, LocalDateTime, DateTime };

Value build(Kind kind, const Value& arg, const char* fn) {
    if (arg.is_null()) return Value();
    if (arg.is_string()) {
        const std::string& s = arg.as_string();
        switch (kind) {
            case Kind::Date: return parse_date(s);
            case Kind::LocalTime: return parse_local_time(s);
            case Kind::Time: return parse_time(s);
            case Kind::LocalDateTime: return parse_local_datetime(s);
            case Kind::DateTime: return parse_datetime(s);
        }
    }
    Map wrapped;
    const Map* map = nullptr;
    if (arg.is_map()) {
        map = &arg.as_map();
    } else if (arg.is_temporal() && arg.kind() != ValueKind::Duration) {
        // date(x) of another temporal selects its parts, like date({date: x}).
        wrapped["datetime"] = arg;
        map = &wrapped;
    } else {
        wrong_type(fn, arg, "STRING, MAP or a temporal");
    }
    Fields f{*map, fn};
    bool want_date = kind == Kind::Date || kind == Kind::LocalDateTime || kind == Kind::DateTime;
    bool want_time = kind != Kind::Date;
    Parts base = base_of(f, want_date, want_time);

    if (kind == Kind::DateTime && (f.has("epochSeconds") || f.has("epochMillis"))) {
        // 128 bits: epochSeconds * 1e9 overflows 64 bits long before the supported years end.
        using i128 = __int128;
        i128 n = f.has("epochMillis") ? i128(*f.integer("epochMillis")) * 1'000'000
                                      : i128(*f.integer("epochSeconds")) * nanos_per_second;
        n += i128(f.integer("millisecond").value_or(0)) * 1'000'000 +
             i128(f.integer("microsecond").value_or(0)) * 1000 + f.integer("nanosecond").value_or(0);
        i128 seconds = n / nanos_per_second - (n % nanos_per_second < 0);
        std::int64_t s = value::checked_seconds(seconds, "datetime({epochSeconds})");
        DateTime t{s, std::int32_t(n - i128(s) * nanos_per_second), 0, {}};
        if (auto tz = timezone_of(f)) {
            t.offset_seconds = zone_offset_at_utc(*tz, s);
            if (!parse_offset(*tz)) t.zone = *tz;
        }
        return t;
    }

    std::optional<std::string> tz = want_time ? timezone_of(f) : std::nullopt;
    // A zoned time base moved to another zone keeps its instant (12:00+01:00 -> 16:00+05:00).
    // The map's fields apply first, in the base's zone: {date: d, time: t, day: 28} is the
    // 28th at t's wall clock there (with that day's DST offset), then converted.
    bool convert = tz && base.offset && base.nanos && (kind == Kind::Time || kind == Kind::DateTime);

    switch (kind) {
        case Kind::Date: return Date{date_from(f, base.days)};
        case Kind::LocalTime: return LocalTime{time_from(f, base.nanos)};
        case Kind::Time: {
            std::int64_t nanos = time_from(f, base.nanos);
            std::int32_t offset = base.offset.value_or(0);
            if (tz) {
                std::int32_t target =
                    parse_offset(*tz) ? *parse_offset(*tz) : zone_offset_at_utc(*tz, now_utc_seconds());
                if (convert) {
                    // A time of day has no date to carry into: it wraps around midnight.
                    nanos += std::int64_t(target - offset) * nanos_per_second;
                    nanos -= floor_div(nanos, nanos_per_day) * nanos_per_day;
                }
                offset = target;
            }
            return Time{nanos, offset};
        }
        case Kind::LocalDateTime:
        case Kind::DateTime: {
            std::int64_t days = date_from(f, base.days);
            std::int64_t nanos = time_from(f, base.nanos);
            std::int64_t local = days * seconds_per_day + nanos / nanos_per_second;
            auto sub = std::int32_t(nanos % nanos_per_second);
            if (kind == Kind::LocalDateTime) return LocalDateTime{local, sub};
            if (convert) {
                DateTime there = base.zone.empty() ? datetime_with_offset(local, sub, *base.offset)
                                                   : make_datetime(local, sub, base.zone);
                std::int32_t target = zone_offset_at_utc(*tz, there.seconds);
                DateTime here = datetime_with_offset(there.seconds + target, sub, target);
                if (!parse_offset(*tz)) here.zone = *tz;
                return here;
            }
            if (tz) return make_datetime(local, sub, *tz);
            if (!base.zone.empty()) return make_datetime(local, sub, base.zone);
            return datetime_with_offset(local, sub, base.offset.value_or(0));
        }
    }
    return Value();
}

// The current value of a kind, in the default zone (UTC) or the one given.
Value current(Kind kind, Args a, const char* fn, bool realtime = false) {
    std::string zone;
    if (!a.empty() && !a[0].is_null()) {
        if (a[0].is_map()) {
            Fields f{a[0].as_map(), fn};
            if (auto tz = timezone_of(f)) zone = *tz;
        } else {
            zone = string_arg(fn, a[0]);
            if (!is_known_zone(zone)) throw_invalid_value("Invalid time zone '" + zone + "'");
        }
    }
    DateTime now = now_in(zone, realtime);
    Parts p = parts_of(now);
    switch (kind) {
        case Kind::Date: return Date{*p.days};
        case Kind::LocalTime: return LocalTime{*p.nanos};
        case Kind::Time: return Time{*p.nanos, now.offset_seconds};
        case Kind::LocalDateTime: return LocalDateTime{local_seconds_of(now), now.nanos};
        case Kind::DateTime: return now;
    }
    return Value();
}

template <Kind K>
constexpr const char* kind_fn_name() {
    switch (K) {
        case Kind::Date: return "date";
        case Kind::LocalTime: return "localtime";
        case Kind::Time: return "time";
        case Kind::LocalDateTime: return "localdatetime";
        case Kind::DateTime: return "datetime";
    }
    return "";
}

template <Kind K>
Value construct(Args a, const FunctionContext&) {
    // date() and date({timezone: 'Europe/Berlin'}) mean "now".
    if (a.empty()) return current(K, a, kind_fn_name<K>());
    if (a[0].is_map()) {
        const Map& m = a[0].as_map();
        if (m.empty() || (m.size() == 1 && m.find("timezone"))) return current(K, a, kind_fn_name<K>());
    }
    return build(K, a[0], kind_fn_name<K>());
}

template <Kind K, bool Realtime>
Value construct_now(Args a, const FunctionContext&) {
    // date.statement(null) is null like date(null), not "now" in the default zone.
    if (!a.empty() && a[0].is_null()) return Value();
    return current(K, a, kind_fn_name<K>(), Realtime);
}

// ---------------------------------------------------------------- truncate
// date.truncate('month', x, {day: 2}): x cut down to the unit, then fields overridden.
template <Kind K>
Value truncate(Args a, const FunctionContext&) {
    const char* fn = kind_fn_name<K>();
    if (a[1].is_null()) return Value();
    const std::string& unit = string_arg(fn, a[0]);
    Parts p = parts_of(a[1]);
    if (!a[1].is_temporal() || a[1].kind() == ValueKind::Duration) wrong_type(fn, a[1], "a temporal");
    std::int64_t days = p.days.value_or(0);
    std::int64_t nanos = p.nanos.value_or(0);
    CivilDate c = civil_from_days(days);
    auto year_start = [&](std::int64_t y) { return days_from_civil(y, 1, 1); };
    auto floor_to = [](std::int64_t v, std::int64_t m) { return v - ((v % m) + m) % m; };
    if (unit == "millennium") days = year_start(floor_to(c.year, 1000)), nanos = 0;
    else if (unit == "century") days = year_start(floor_to(c.year, 100)), nanos = 0;
    else if (unit == "decade") days = year_start(floor_to(c.year, 10)), nanos = 0;
    else if (unit == "year") days = year_start(c.year), nanos = 0;
    else if (unit == "weekYear") {
        std::int64_t wy;
        int w;
        iso_week_of(days, wy, w);
        days = week_one_monday(wy), nanos = 0;
    } else if (unit == "quarter") days = days_from_civil(c.year, (c.month - 1) / 3 * 3 + 1, 1), nanos = 0;
    else if (unit == "month") days = days_from_civil(c.year, c.month, 1), nanos = 0;
    else if (unit == "week") days -= day_of_week(days) - 1, nanos = 0;
    else if (unit == "day") nanos = 0;
    else if (unit == "hour") nanos = floor_to(nanos, 3600 * nanos_per_second);
    else if (unit == "minute") nanos = floor_to(nanos, 60 * nanos_per_second);
    else if (unit == "second") nanos = floor_to(nanos, nanos_per_second);
    else if (unit == "millisecond") nanos = floor_to(nanos, 1'000'000);
    else if (unit == "microsecond") nanos = floor_to(nanos, 1000);
    else throw_invalid_value(std::string(fn) + ".truncate(): unknown unit '" + unit + "'");
    Map m;
    if (a.size() > 2 && !a[2].is_null()) {
        if (!a[2].is_map()) wrong_type(fn, a[2], "MAP");
        m = a[2].as_map();
    }
    // Sub-second fields finer than the unit keep the truncated coarser part, as Neo4j does:
    // truncating ...14.645876123 to the millisecond with {nanosecond: 2} gives ...14.645000002,
    // where a plain {nanosecond: 2} override would replace the whole fraction.
    auto given = [&](const char* k) {
        const Value* v = m.find(k);
        return v && !v->is_null();
    };
    std::int64_t frac = nanos % nanos_per_second;
    if (unit == "millisecond" && !given("millisecond") && (given("microsecond") || given("nanosecond")))
        m["millisecond"] = Value(frac / 1'000'000);
    else if (unit == "microsecond" && !given("millisecond") && !given("microsecond") && given("nanosecond"))
        m["microsecond"] = Value(frac / 1000);
    // Rebuild through the constructor: the truncated wall clock is the base, the map
    // overrides fields; a timezone in the map replaces the zone without converting
    // (truncating 12:31-01:00 to the day in Stockholm gives 00:00 Stockholm time).
    if (p.offset && !m.find("timezone")) m["timezone"] = p.zone.empty() ? format_offset(*p.offset) : p.zone;
    if (K == Kind::Time || K == Kind::LocalTime) {
        m["time"] = LocalTime{nanos};
    } else {
        m["datetime"] =
            LocalDateTime{days * seconds_per_day + nanos / nanos_per_second, std::int32_t(nanos % nanos_per_second)};
    }
    return build(K, Value(m), fn);
}

// ---------------------------------------------------------------- durations
Value duration_fn(Args a, const FunctionContext&) {
    const Value& v = a[0];
    if (v.is_null()) return Value();
    if (v.is_string()) return parse_duration(v.as_string());
    if (v.kind() == ValueKind::Duration) return v;
    if (!v.is_map()) wrong_type("duration", v, "STRING or MAP");
    Fields f{v.as_map(), "duration"};
    long double months = f.number("years") * 12 + f.number("quarters") * 3 + f.number("months");
    long double days = f.number("weeks") * 7 + f.number("days");
    long double seconds = f.number("hours") * 3600 + f.number("minutes") * 60 + f.number("seconds");
    long double nanos = f.number("milliseconds") * 1e6L + f.number("microseconds") * 1e3L + f.number("nanoseconds");
    return duration_from_parts(months, days, seconds, nanos);
}

template <Value (*F)(const Value&, const Value&)>
Value duration_pair(Args a, const FunctionContext&) {
    return F(a[0], a[1]);
}

Value from_epoch(Args a, const FunctionContext&) {
    if (any_null(a)) return Value();
    std::int64_t s = int_arg("datetime.fromepoch", a[0]);
    std::int64_t n = int_arg("datetime.fromepoch", a[1]);
    std::int64_t carry = floor_div(n, nanos_per_second);
    return DateTime{s + carry, std::int32_t(n - carry * nanos_per_second), 0, {}};
}

Value from_epoch_millis(Args a, const FunctionContext&) {
    if (a[0].is_null()) return Value();
    std::int64_t ms = int_arg("datetime.fromepochmillis", a[0]);
    std::int64_t s = floor_div(ms, 1000);
    return DateTime{s, std::int32_t((ms - s * 1000) * 1'000'000), 0, {}};
}

// Like Neo4j, one value for the whole statement (still volatile: never folded at plan time).
Value timestamp(Args, const FunctionContext&) { return floor_div(statement_now_nanos(), 1'000'000); }

// date, date.transaction, date.statement, date.realtime, date.truncate (and so on).
template <Kind K>
void add_family(std::vector<FunctionDef>& out, TypeKind t) {
    const std::string name = kind_fn_name<K>();
    // "Now" is fixed per statement (Neo4j's statement clock), so only .realtime is volatile.
    out.push_back(def(name, 0, 1, construct<K>, t));
    for (const char* clock : {".transaction", ".statement"})
        out.push_back(def(name + clock, 0, 1, construct_now<K, false>, t));
    out.push_back(def(name + ".realtime", 0, 1, construct_now<K, true>, t, true));
    out.push_back(def(name + ".truncate", 2, 3, truncate<K>, t));
}

}  // namespace

void add_temporal_functions(std::vector<FunctionDef>& out) {
    add_family<Kind::Date>(out, TypeKind::Date);
    add_family<Kind::LocalTime>(out, TypeKind::LocalTime);
    add_family<Kind::Time>(out, TypeKind::Time);
    add_family<Kind::LocalDateTime>(out, TypeKind::LocalDateTime);
    add_family<Kind::DateTime>(out, TypeKind::DateTime);
    out.push_back(def("datetime.fromepoch", 2, 2, from_epoch, TypeKind::DateTime));
    out.push_back(def("datetime.fromepochmillis", 1, 1, from_epoch_millis, TypeKind::DateTime));
    out.push_back(def("duration", 1, 1, duration_fn, TypeKind::Duration));
    out.push_back(def("duration.between", 2, 2, duration_pair<duration_between>, TypeKind::Duration));
    out.push_back(def("duration.inMonths", 2, 2, duration_pair<duration_in_months>, TypeKind::Duration));
    out.push_back(def("duration.inDays", 2, 2, duration_pair<duration_in_days>, TypeKind::Duration));
    out.push_back(def("duration.inSeconds", 2, 2, duration_pair<duration_in_seconds>, TypeKind::Duration));
    out.push_back(def("timestamp", 0, 0, timestamp, TypeKind::Int, true));
}

}  // namespace kgq::function
