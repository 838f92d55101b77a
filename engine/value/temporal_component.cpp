// engine/value/temporal_component.cpp — the components of temporal values that Cypher
// reads as properties (d.year, t.offsetMinutes, dur.monthsOfYear, ...), named as in the
// openCypher TCK (Temporal5). Called by the executor for property access on a temporal.
#include "value/temporal.hpp"
#include "value/value_error.hpp"

namespace kgq::value {
namespace {

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

std::optional<Value> date_component(std::int64_t days, std::string_view name) {
    CivilDate c = civil_from_days(days);
    if (name == "year") return Value(c.year);
    if (name == "month") return Value(c.month);
    if (name == "day") return Value(c.day);
    if (name == "quarter") return Value((c.month - 1) / 3 + 1);
    if (name == "ordinalDay") return Value(days - days_from_civil(c.year, 1, 1) + 1);
    if (name == "dayOfQuarter") return Value(days - days_from_civil(c.year, (c.month - 1) / 3 * 3 + 1, 1) + 1);
    if (name == "weekDay" || name == "dayOfWeek") return Value(day_of_week(days));
    if (name == "week" || name == "weekYear") {
        std::int64_t week_year;
        int week;
        iso_week_of(days, week_year, week);
        return name == "week" ? Value(week) : Value(week_year);
    }
    return std::nullopt;
}

std::optional<Value> clock_component(std::int64_t nanos_of_day, std::string_view name) {
    std::int64_t secs = nanos_of_day / nanos_per_second;
    std::int64_t frac = nanos_of_day % nanos_per_second;
    if (name == "hour") return Value(secs / 3600);
    if (name == "minute") return Value(secs / 60 % 60);
    if (name == "second") return Value(secs % 60);
    if (name == "millisecond") return Value(frac / 1'000'000);
    if (name == "microsecond") return Value(frac / 1000);
    if (name == "nanosecond") return Value(frac);
    return std::nullopt;
}

std::optional<Value> offset_component(std::int32_t offset, std::string_view name) {
    if (name == "offset") return Value(format_offset(offset));
    if (name == "offsetMinutes") return Value(offset / 60);
    if (name == "offsetSeconds") return Value(offset);
    return std::nullopt;
}

std::optional<Value> duration_component(const Duration& d, std::string_view name) {
    if (name == "years") return Value(d.months / 12);
    if (name == "quarters") return Value(d.months / 3);
    if (name == "months") return Value(d.months);
    if (name == "weeks") return Value(d.days / 7);
    if (name == "days") return Value(d.days);
    if (name == "hours") return Value(d.seconds / 3600);
    if (name == "minutes") return Value(d.seconds / 60);
    if (name == "seconds") return Value(d.seconds);
    if (name == "milliseconds") return Value(d.seconds * 1000 + d.nanos / 1'000'000);
    if (name == "microseconds") return Value(d.seconds * 1'000'000 + d.nanos / 1000);
    if (name == "nanoseconds") return Value(d.seconds * nanos_per_second + d.nanos);
    if (name == "quartersOfYear") return Value(d.months % 12 / 3);
    if (name == "monthsOfQuarter") return Value(d.months % 3);
    if (name == "monthsOfYear") return Value(d.months % 12);
    if (name == "daysOfWeek") return Value(d.days % 7);
    if (name == "minutesOfHour") return Value(d.seconds / 60 % 60);
    if (name == "secondsOfMinute") return Value(d.seconds % 60);
    if (name == "millisecondsOfSecond") return Value(d.nanos / 1'000'000);
    if (name == "microsecondsOfSecond") return Value(d.nanos / 1000);
    if (name == "nanosecondsOfSecond") return Value(d.nanos);
    return std::nullopt;
}

}  // namespace

Value temporal_component(const Value& t, std::string_view name) {
    std::optional<Value> r;
    switch (t.kind()) {
        case ValueKind::Null: return Value();
        case ValueKind::Date: r = date_component(t.as_date().days, name); break;
        case ValueKind::LocalTime: r = clock_component(t.as_local_time().nanos, name); break;
        case ValueKind::Time: {
            const Time& x = t.as_time();
            if (name == "timezone") return format_offset(x.offset_seconds);
            r = clock_component(x.nanos, name);
            if (!r) r = offset_component(x.offset_seconds, name);
            break;
        }
        case ValueKind::LocalDateTime: {
            const LocalDateTime& x = t.as_local_datetime();
            std::int64_t days = floor_div(x.seconds, seconds_per_day);
            r = date_component(days, name);
            if (!r) r = clock_component((x.seconds - days * seconds_per_day) * nanos_per_second + x.nanos, name);
            break;
        }
        case ValueKind::DateTime: {
            const DateTime& x = t.as_datetime();
            if (name == "timezone") return x.zone.empty() ? format_offset(x.offset_seconds) : x.zone;
            if (name == "epochSeconds") return x.seconds;
            if (name == "epochMillis") {
                std::int64_t millis;
                if (__builtin_mul_overflow(x.seconds, std::int64_t(1000), &millis) ||
                    __builtin_add_overflow(millis, std::int64_t(x.nanos / 1'000'000), &millis))
                    throw_arithmetic_error("epochMillis of this datetime does not fit in an INTEGER",
                                           "IntegerOverflow");
                return millis;
            }
            std::int64_t local = local_seconds_of(x);
            std::int64_t days = floor_div(local, seconds_per_day);
            r = date_component(days, name);
            if (!r) r = clock_component((local - days * seconds_per_day) * nanos_per_second + x.nanos, name);
            if (!r) r = offset_component(x.offset_seconds, name);
            break;
        }
        case ValueKind::Duration: r = duration_component(t.as_duration(), name); break;
        default: throw_type_error("Type mismatch: expected a temporal value but was " + type_name(t));
    }
    return r ? *r : Value();
}

}  // namespace kgq::value
