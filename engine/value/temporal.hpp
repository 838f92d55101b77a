// engine/value/temporal.hpp — the calendar, clock and time-zone arithmetic behind Cypher's
// temporal values: formatting as Neo4j prints them, parsing ISO 8601, component access
// (x.year), duration normalisation and temporal +/- duration. Used by value.cpp, value_ops,
// the temporal functions (engine/function) and the executor's property access on temporals.
#pragma once

#include "kgq/value.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kgq::value {

inline constexpr std::int64_t nanos_per_second = 1'000'000'000;
inline constexpr std::int64_t seconds_per_day = 86'400;
inline constexpr std::int64_t nanos_per_day = seconds_per_day * nanos_per_second;

// ---- proleptic Gregorian calendar (days since 1970-01-01)
struct CivilDate {
    std::int64_t year = 1970;
    int month = 1;
    int day = 1;
};
std::int64_t days_from_civil(std::int64_t year, int month, int day);
CivilDate civil_from_days(std::int64_t days);
bool is_leap_year(std::int64_t year);
// The years a temporal value may have, as Neo4j (java.time) allows: arithmetic or a
// constructor that leaves them is an error, never a wrapped-around value.
inline constexpr std::int64_t min_year = -999'999'999;
inline constexpr std::int64_t max_year = 999'999'999;
// Throws ArgumentError unless year is in [min_year, max_year]; `what` names the operation.
void check_year_range(__int128 year, const char* what);
// Days since the epoch, checked to fall in a supported year.
std::int64_t checked_days(__int128 days, const char* what);
// Seconds since the epoch (local or UTC), checked likewise.
std::int64_t checked_seconds(__int128 seconds, const char* what);
int days_in_month(std::int64_t year, int month);
int day_of_week(std::int64_t days);  // 1 = Monday .. 7 = Sunday (ISO)
// ISO week-based year: the Monday of week 1 of `week_year`.
std::int64_t week_one_monday(std::int64_t week_year);
void iso_week_of(std::int64_t days, std::int64_t& week_year, int& week);

// ---- durations: months, days, seconds, nanos with nanos in [0, 1e9)
Duration normalized_duration(std::int64_t months, std::int64_t days, std::int64_t seconds, std::int64_t nanos);
// From fractional components (duration({months: 0.5})): fractions cascade months ->
// days (average month, 2629746 s) and days -> seconds, as Neo4j does.
Duration duration_from_parts(long double months, long double days, long double seconds, long double nanos);

// ---- the statement clock. openCypher's date(), datetime.statement(), ... read "now" once
// per statement, so localtime() = localtime() holds and duration.between(date(), date()) is
// PT0S. Database::run_statement opens a StatementClock around each statement; it pins the
// instant for this thread (an inner scope keeps the outer pin). Without one, every read
// takes the system clock, as .realtime() always does.
class StatementClock {
public:
    StatementClock();
    ~StatementClock();
    StatementClock(const StatementClock&) = delete;
    StatementClock& operator=(const StatementClock&) = delete;

private:
    bool pinned_here_ = false;
};
// Nanoseconds since the epoch (UTC): the pinned statement instant, or the system clock.
std::int64_t statement_now_nanos();
std::int64_t realtime_now_nanos();

// ---- time zones (IANA names via the system's zoneinfo, or fixed offsets)
bool is_known_zone(std::string_view zone);
// Offset in seconds of `zone` at the given UTC instant.
std::int32_t zone_offset_at_utc(std::string_view zone, std::int64_t utc_seconds);
// Offset in seconds for a local date-time in `zone` (earlier offset on overlaps, shifted
// forward on gaps, as java.time does).
std::int32_t zone_offset_for_local(std::string_view zone, std::int64_t local_seconds);
// "+01:00", "-05:30", "Z" for 0; seconds appended when not whole minutes.
std::string format_offset(std::int32_t offset_seconds);
// Parses "Z", "+01", "+0100", "+01:00", "-01:00:30"; nullopt if not an offset.
std::optional<std::int32_t> parse_offset(std::string_view text);

// ---- constructors of instants
DateTime make_datetime(std::int64_t local_seconds, std::int32_t nanos, std::string zone_or_offset_text);
DateTime datetime_with_offset(std::int64_t local_seconds, std::int32_t nanos, std::int32_t offset);
// A DateTime's wall-clock seconds since the epoch (UTC + offset).
inline std::int64_t local_seconds_of(const DateTime& t) { return t.seconds + t.offset_seconds; }

// ---- text, without quotes: 2015-07-21, 21:40:32.142, 21:40:32.142+01:00,
// 2015-07-21T21:40:32.142+01:00[Europe/London], P1Y2M3DT4H5M6.5S
std::string format_date(Date d);
std::string format_local_time(LocalTime t);
std::string format_time(Time t);
std::string format_local_datetime(LocalDateTime t);
std::string format_datetime(const DateTime& t);
std::string format_duration(const Duration& d);
// Any temporal kind; precondition: v.is_temporal().
std::string format_temporal(const Value& v);

// ---- parsing ISO 8601 as the TCK uses it; throws ArgumentError on malformed text
Date parse_date(std::string_view text);
LocalTime parse_local_time(std::string_view text);
Time parse_time(std::string_view text);
LocalDateTime parse_local_datetime(std::string_view text);
DateTime parse_datetime(std::string_view text);
Duration parse_duration(std::string_view text);

// ---- component access: d.year, t.hour, dt.timezone, dur.months, ... (Temporal5).
// Null for null or for a name the kind does not have, like a missing property.
// Non-temporal, non-null input is a TypeError.
Value temporal_component(const Value& temporal, std::string_view name);

// ---- arithmetic
// temporal + sign*duration (dates ignore the time part of the duration).
Value add_duration(const Value& temporal, const Duration& d, int sign);
Duration add_durations(const Duration& a, const Duration& b, int sign);
Duration scale_duration(const Duration& d, long double factor);
// Structural order for durations is not defined by Cypher; this is orderability only.
int compare_durations_for_order(const Duration& a, const Duration& b);

// ---- duration.between and friends (Temporal2 / Temporal8)
Value duration_between(const Value& from, const Value& to);
Value duration_in_months(const Value& from, const Value& to);
Value duration_in_days(const Value& from, const Value& to);
Value duration_in_seconds(const Value& from, const Value& to);

}  // namespace kgq::value
