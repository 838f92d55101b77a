// tests/unit/value/test_temporal.cpp — temporal values: construction from maps and strings,
// text, components, arithmetic, comparison, truncation and duration.between, with expected
// values taken from the openCypher TCK (Temporal1-10).
// Stage: tests of engine/value/temporal*.cpp and engine/function/temporal_functions.cpp.
#include "value/temporal.hpp"
#include "value/value_ops.hpp"
#include "value_test_support.hpp"

using namespace kgq;
using kgq::test::call;
using kgq::test::error_of;

namespace {
// The text of fn(arg) without quotes, as toString() would give it.
std::string make(std::string_view fn, const Value& arg) { return call(fn, {arg}).to_display(); }
Value parse(std::string_view fn, const char* s) { return call(fn, {Value(s)}); }
std::string component(const Value& t, std::string_view name) { return value::temporal_component(t, name).to_string(); }
}  // namespace

TEST_CASE("calendar") {
    CHECK(value::days_from_civil(1970, 1, 1) == 0);
    CHECK(value::days_from_civil(2000, 3, 1) == 11017);
    auto c = value::civil_from_days(-1);
    CHECK((c.year == 1969 && c.month == 12 && c.day == 31));
    CHECK(value::day_of_week(0) == 4);  // Thursday
    CHECK(value::is_leap_year(2000));
    CHECK_FALSE(value::is_leap_year(1900));
}

TEST_CASE("date from maps (Temporal1)") {
    CHECK(make("date", Map{{"year", 1816}, {"week", 1}}) == "1816-01-01");
    CHECK(make("date", Map{{"year", 1816}, {"week", 52}}) == "1816-12-23");
    CHECK(make("date", Map{{"year", 1817}, {"week", 1}}) == "1816-12-30");
    CHECK(make("date", Map{{"year", 1818}, {"week", 53}}) == "1818-12-28");
    CHECK(make("date", Map{{"dayOfWeek", 2}, {"year", 1817}, {"week", 1}}) == "1816-12-31");
    CHECK(make("date", Map{{"date", value::parse_date("1816-12-30")}, {"week", 2}, {"dayOfWeek", 3}}) == "1817-01-08");
    CHECK(make("date", Map{{"date", value::parse_date("1816-12-31")}, {"week", 2}}) == "1817-01-07");
    CHECK(make("date", Map{{"year", 1984}, {"month", 10}, {"day", 11}}) == "1984-10-11");
    CHECK(make("date", Map{{"year", 1984}, {"ordinalDay", 202}}) == "1984-07-20");
    CHECK(make("date", Map{{"year", 1984}, {"quarter", 3}, {"dayOfQuarter", 45}}) == "1984-08-14");
    CHECK(make("date", Map{{"year", 1984}}) == "1984-01-01");
    CHECK(error_of([] { call("date", {Map{{"year", 1984}, {"month", 13}}}); }) == "ArgumentError/InvalidArgumentValue");
    CHECK(error_of([] {
              call("date", {Map{{"year", 1984}, {"month", 2}, {"day", 30}}});
          }) == "ArgumentError/InvalidArgumentValue");
}

TEST_CASE("times and date-times from maps (Temporal1)") {
    CHECK(make("localtime", Map{{"hour", 12}, {"minute", 31}, {"second", 14}, {"nanosecond", 789}}) ==
          "12:31:14.000000789");
    CHECK(make("localtime", Map{{"hour", 12},
                                {"minute", 31},
                                {"second", 14},
                                {"millisecond", 645},
                                {"microsecond", 876},
                                {"nanosecond", 123}}) == "12:31:14.645876123");
    CHECK(make("localtime", Map{{"hour", 12}}) == "12:00");
    CHECK(make("time", Map{{"hour", 12}}) == "12:00Z");
    CHECK(make("time", Map{{"hour", 12}, {"minute", 34}, {"second", 56}, {"timezone", "+02:05:59"}}) ==
          "12:34:56+02:05:59");
    CHECK(make("time", Map{{"hour", 12}, {"minute", 34}, {"second", 56}, {"timezone", "+02:05:00"}}) ==
          "12:34:56+02:05");
    CHECK(make("localdatetime", Map{{"year", 1816}, {"week", 1}}) == "1816-01-01T00:00");
    CHECK(make("localdatetime", Map{{"year", 1984},
                                    {"month", 10},
                                    {"day", 11},
                                    {"hour", 12},
                                    {"minute", 31},
                                    {"second", 14},
                                    {"nanosecond", 645876123}}) == "1984-10-11T12:31:14.645876123");
    CHECK(make("datetime", Map{{"year", 1912}}) == "1912-01-01T00:00Z");
    CHECK(make("datetime", Map{{"year", 2017},
                               {"month", 8},
                               {"day", 8},
                               {"hour", 12},
                               {"minute", 31},
                               {"second", 14},
                               {"nanosecond", 645876123},
                               {"timezone", "Europe/Stockholm"}}) ==
          "2017-08-08T12:31:14.645876123+02:00[Europe/Stockholm]");
    CHECK(make("datetime", Map{{"year", 1984}, {"month", 10}, {"day", 11}, {"hour", 12}, {"timezone", "+01:00"}}) ==
          "1984-10-11T12:00+01:00");
    CHECK(error_of([] {
              call("datetime", {Map{{"year", 1984}, {"timezone", "Mars/Olympus"}}});
          }) == "ArgumentError/InvalidArgumentValue");
}

TEST_CASE("datetime from epoch (Temporal1)") {
    CHECK(call("datetime.fromepoch", {416779, 999999999}).to_display() == "1970-01-05T19:46:19.999999999Z");
    CHECK(call("datetime.fromepochmillis", {std::int64_t(237821673987)}).to_display() == "1977-07-15T13:34:33.987Z");
    CHECK(make("datetime", Map{{"epochSeconds", 416779}, {"nanosecond", 999999999}}) ==
          "1970-01-05T19:46:19.999999999Z");
}

TEST_CASE("durations from maps (Temporal1, Temporal6)") {
    CHECK(make("duration", Map{{"days", 14}, {"hours", 16}, {"minutes", 12}}) == "P14DT16H12M");
    CHECK(make("duration", Map{{"months", 5}, {"days", 1.5}}) == "P5M1DT12H");
    CHECK(make("duration", Map{{"months", 0.75}}) == "P22DT19H51M49.5S");
    CHECK(make("duration", Map{{"weeks", 2.5}}) == "P17DT12H");
    CHECK(make("duration",
               Map{{"years", 12}, {"months", 5}, {"days", 14}, {"hours", 16}, {"minutes", 12}, {"seconds", 70}}) ==
          "P12Y5M14DT16H13M10S");
    CHECK(make("duration", Map{{"days", 14}, {"seconds", 70}, {"nanoseconds", 1}}) == "P14DT1M10.000000001S");
    CHECK(make("duration", Map{{"minutes", 1.5}, {"seconds", 1}}) == "PT1M31S");
    CHECK(make("duration", Map{{"years", 12}, {"months", 5}, {"days", -14}, {"hours", 16}}) == "P12Y5M-14DT16H");
    CHECK(make("duration", Map{{"minutes", 12}, {"seconds", -60}}) == "PT11M");
    CHECK(make("duration", Map{{"seconds", 2}, {"milliseconds", -1}}) == "PT1.999S");
    CHECK(make("duration", Map{{"seconds", -2}, {"milliseconds", 1}}) == "PT-1.999S");
    CHECK(make("duration", Map{{"seconds", -2}, {"milliseconds", -1}}) == "PT-2.001S");
    CHECK(make("duration", Map{{"days", 1}, {"milliseconds", -1}}) == "P1DT-0.001S");
    CHECK(make("duration", Map{{"seconds", 60}, {"milliseconds", -1}}) == "PT59.999S");
    CHECK(make("duration", Map{{"seconds", -60}, {"milliseconds", -1}}) == "PT-1M-0.001S");
    CHECK(make("duration", Map{}) == "PT0S");
}

TEST_CASE("parsing strings (Temporal2)") {
    for (auto [in, out] : std::vector<std::pair<const char*, const char*>>{{"2015-07-21", "2015-07-21"},
                                                                           {"20150721", "2015-07-21"},
                                                                           {"2015-07", "2015-07-01"},
                                                                           {"201507", "2015-07-01"},
                                                                           {"2015-W30-2", "2015-07-21"},
                                                                           {"2015W302", "2015-07-21"},
                                                                           {"2015-W30", "2015-07-20"},
                                                                           {"2015W30", "2015-07-20"},
                                                                           {"2015-202", "2015-07-21"},
                                                                           {"2015202", "2015-07-21"},
                                                                           {"2015", "2015-01-01"}})
        CHECK(parse("date", in).to_display() == out);
    for (auto [in, out] : std::vector<std::pair<const char*, const char*>>{{"21:40:32.142", "21:40:32.142"},
                                                                           {"214032.142", "21:40:32.142"},
                                                                           {"21:40:32", "21:40:32"},
                                                                           {"214032", "21:40:32"},
                                                                           {"21:40", "21:40"},
                                                                           {"2140", "21:40"},
                                                                           {"21", "21:00"}})
        CHECK(parse("localtime", in).to_display() == out);
    for (auto [in, out] : std::vector<std::pair<const char*, const char*>>{{"21:40:32.142+0100", "21:40:32.142+01:00"},
                                                                           {"214032.142Z", "21:40:32.142Z"},
                                                                           {"214032-0100", "21:40:32-01:00"},
                                                                           {"21:40-01:30", "21:40-01:30"},
                                                                           {"2140-00:00", "21:40Z"},
                                                                           {"2140-02", "21:40-02:00"},
                                                                           {"22+18:00", "22:00+18:00"}})
        CHECK(parse("time", in).to_display() == out);
    for (auto [in, out] :
         std::vector<std::pair<const char*, const char*>>{{"2015-07-21T21:40:32.142", "2015-07-21T21:40:32.142"},
                                                          {"2015-W30-2T214032.142", "2015-07-21T21:40:32.142"},
                                                          {"2015-202T21:40:32", "2015-07-21T21:40:32"},
                                                          {"2015T214032", "2015-01-01T21:40:32"},
                                                          {"20150721T21:40", "2015-07-21T21:40"},
                                                          {"2015-W30T2140", "2015-07-20T21:40"},
                                                          {"2015202T21", "2015-07-21T21:00"}})
        CHECK(parse("localdatetime", in).to_display() == out);
    for (auto [in, out] : std::vector<std::pair<const char*, const char*>>{
             {"2015-07-21T21:40:32.142+0100", "2015-07-21T21:40:32.142+01:00"},
             {"2015-W30-2T214032.142Z", "2015-07-21T21:40:32.142Z"},
             {"2015-W30T2140-02", "2015-07-20T21:40-02:00"},
             {"2015202T21+18:00", "2015-07-21T21:00+18:00"},
             {"2015-07-21T21:40:32.142+02:00[Europe/Stockholm]", "2015-07-21T21:40:32.142+02:00[Europe/Stockholm]"},
             {"2015-07-21T21:40:32.142+0845[Australia/Eucla]", "2015-07-21T21:40:32.142+08:45[Australia/Eucla]"},
             {"2015-07-21T21:40:32.142-04[America/New_York]", "2015-07-21T21:40:32.142-04:00[America/New_York]"},
             {"2015-07-21T21:40:32.142[Europe/London]", "2015-07-21T21:40:32.142+01:00[Europe/London]"},
             // Local mean time before standard time (the TCK's Stockholm example depends on
             // the tzdata build: Stockholm is a link to Berlin in recent releases).
             {"1818-07-21T21:40:32.142[Europe/Berlin]", "1818-07-21T21:40:32.142+00:53:28[Europe/Berlin]"}})
        CHECK(parse("datetime", in).to_display() == out);
    for (auto [in, out] :
         std::vector<std::pair<const char*, const char*>>{{"P14DT16H12M", "P14DT16H12M"},
                                                          {"P5M1.5D", "P5M1DT12H"},
                                                          {"P0.75M", "P22DT19H51M49.5S"},
                                                          {"PT0.75M", "PT45S"},
                                                          {"P2.5W", "P17DT12H"},
                                                          {"P12Y5M14DT16H12M70S", "P12Y5M14DT16H13M10S"},
                                                          {"P2012-02-02T14:37:21.545", "P2012Y2M2DT14H37M21.545S"}})
        CHECK(parse("duration", in).to_display() == out);
    CHECK(error_of([] { parse("date", "2015-13-01"); }) == "ArgumentError/InvalidArgumentValue");
    CHECK(error_of([] { parse("localtime", "25:00"); }) == "ArgumentError/InvalidArgumentValue");
    CHECK(error_of([] { parse("duration", "P1X"); }) == "ArgumentError/InvalidArgumentValue");
    CHECK(call("date", {Value()}).is_null());
}

TEST_CASE("selecting from other temporals (Temporal3)") {
    Value date = call("date", {Map{{"year", 1984}, {"month", 11}, {"day", 11}}});
    Value ldt = call("localdatetime", {Map{{"year", 1984},
                                           {"week", 10},
                                           {"dayOfWeek", 3},
                                           {"hour", 12},
                                           {"minute", 31},
                                           {"second", 14},
                                           {"millisecond", 645}}});
    Value dt =
        call("datetime", {Map{{"year", 1984}, {"month", 10}, {"day", 11}, {"hour", 12}, {"timezone", "+01:00"}}});
    Value sthlm = call(
        "datetime", {Map{{"year", 1984}, {"month", 10}, {"day", 11}, {"hour", 12}, {"timezone", "Europe/Stockholm"}}});
    Value time = call(
        "time", {Map{{"hour", 12}, {"minute", 31}, {"second", 14}, {"microsecond", 645876}, {"timezone", "+01:00"}}});
    Value lt = call("localtime", {Map{{"hour", 12}, {"minute", 31}, {"second", 14}, {"nanosecond", 645876123}}});

    CHECK(make("date", date) == "1984-11-11");
    CHECK(make("date", Map{{"date", date}, {"year", 28}}) == "0028-11-11");
    CHECK(make("date", Map{{"date", date}, {"week", 1}}) == "1984-01-08");
    CHECK(make("date", Map{{"date", date}, {"ordinalDay", 28}}) == "1984-01-28");
    CHECK(make("date", Map{{"date", date}, {"quarter", 3}}) == "1984-08-11");
    CHECK(make("date", dt) == "1984-10-11");

    CHECK(make("localtime", Map{{"time", lt}, {"second", 42}}) == "12:31:42.645876123");
    CHECK(make("localtime", time) == "12:31:14.645876");
    CHECK(make("localtime", Map{{"time", dt}, {"second", 42}}) == "12:00:42");

    CHECK(make("time", lt) == "12:31:14.645876123Z");
    CHECK(make("time", Map{{"time", lt}, {"timezone", "+05:00"}}) == "12:31:14.645876123+05:00");
    CHECK(make("time", Map{{"time", time}, {"timezone", "+05:00"}}) == "16:31:14.645876+05:00");
    CHECK(make("time", Map{{"time", time}, {"second", 42}, {"timezone", "+05:00"}}) == "16:31:42.645876+05:00");
    CHECK(make("time", ldt) == "12:31:14.645Z");
    CHECK(make("time", sthlm) == "12:00+01:00");
    CHECK(make("time", Map{{"time", sthlm}, {"timezone", "+05:00"}}) == "16:00+05:00");

    CHECK(make("localdatetime", Map{{"date", date}, {"hour", 10}, {"minute", 10}, {"second", 10}}) ==
          "1984-11-11T10:10:10");
    CHECK(make("localdatetime", Map{{"date", ldt}, {"day", 28}, {"hour", 10}, {"minute", 10}, {"second", 10}}) ==
          "1984-03-28T10:10:10");
    CHECK(make("localdatetime", Map{{"year", 1984}, {"month", 10}, {"day", 11}, {"time", time}}) ==
          "1984-10-11T12:31:14.645876");
    CHECK(make("localdatetime", Map{{"date", dt}, {"time", lt}, {"day", 28}, {"second", 42}}) ==
          "1984-10-28T12:31:42.645876123");
    CHECK(make("localdatetime", Map{{"datetime", dt}, {"day", 28}, {"second", 42}}) == "1984-10-28T12:00:42");

    CHECK(make("datetime", Map{{"date", date}, {"hour", 10}, {"minute", 10}, {"second", 10}}) ==
          "1984-11-11T10:10:10Z");
    CHECK(make("datetime", Map{{"date", ldt},
                               {"day", 28},
                               {"hour", 10},
                               {"minute", 10},
                               {"second", 10},
                               {"timezone", "Pacific/Honolulu"}}) == "1984-03-28T10:10:10-10:00[Pacific/Honolulu]");
    CHECK(make("datetime", Map{{"year", 1984}, {"month", 10}, {"day", 11}, {"time", time}}) ==
          "1984-10-11T12:31:14.645876+01:00");
    CHECK(make("datetime", Map{{"year", 1984}, {"month", 10}, {"day", 11}, {"time", time}, {"timezone", "+05:00"}}) ==
          "1984-10-11T16:31:14.645876+05:00");
    CHECK(make("datetime", Map{{"year", 1984},
                               {"month", 10},
                               {"day", 11},
                               {"time", time},
                               {"second", 42},
                               {"timezone", "Pacific/Honolulu"}}) ==
          "1984-10-11T01:31:42.645876-10:00[Pacific/Honolulu]");
    CHECK(make("datetime", Map{{"year", 1984}, {"month", 10}, {"day", 11}, {"time", sthlm}}) ==
          "1984-10-11T12:00+01:00[Europe/Stockholm]");
    CHECK(make("datetime", Map{{"year", 1984}, {"month", 10}, {"day", 11}, {"time", sthlm}, {"timezone", "+05:00"}}) ==
          "1984-10-11T16:00+05:00");
    // The fields apply in the base's zone before converting: March 28th is summer time in
    // Stockholm (+02:00), so 12:00:42 there is 00:00:42 in Honolulu.
    CHECK(make("datetime", Map{{"date", ldt}, {"time", sthlm}, {"day", 28}, {"second", 42}}) ==
          "1984-03-28T12:00:42+02:00[Europe/Stockholm]");
    CHECK(make("datetime",
               Map{{"date", ldt}, {"time", sthlm}, {"day", 28}, {"second", 42}, {"timezone", "Pacific/Honolulu"}}) ==
          "1984-03-28T00:00:42-10:00[Pacific/Honolulu]");
    CHECK(make("datetime", Map{{"datetime", sthlm}, {"day", 28}, {"second", 42}, {"timezone", "Pacific/Honolulu"}}) ==
          "1984-10-28T01:00:42-10:00[Pacific/Honolulu]");
}

TEST_CASE("components (Temporal5)") {
    Value d = call("date", {Map{{"year", 1984}, {"month", 10}, {"day", 11}}});
    CHECK(component(d, "year") == "1984");
    CHECK(component(d, "quarter") == "4");
    CHECK(component(d, "week") == "41");
    CHECK(component(d, "weekYear") == "1984");
    CHECK(component(d, "ordinalDay") == "285");
    CHECK(component(d, "weekDay") == "4");
    CHECK(component(d, "dayOfQuarter") == "11");
    Value jan1 = parse("date", "1984-01-01");
    CHECK(component(jan1, "weekYear") == "1983");
    CHECK(component(jan1, "week") == "52");
    CHECK(component(jan1, "weekDay") == "7");
    Value t = call(
        "time", {Map{{"hour", 12}, {"minute", 31}, {"second", 14}, {"nanosecond", 645876123}, {"timezone", "+01:00"}}});
    CHECK(component(t, "millisecond") == "645");
    CHECK(component(t, "microsecond") == "645876");
    CHECK(component(t, "timezone") == "'+01:00'");
    CHECK(component(t, "offsetMinutes") == "60");
    Value dt = call("datetime", {Map{{"year", 1984},
                                     {"month", 11},
                                     {"day", 11},
                                     {"hour", 12},
                                     {"minute", 31},
                                     {"second", 14},
                                     {"nanosecond", 645876123},
                                     {"timezone", "Europe/Stockholm"}}});
    CHECK(component(dt, "dayOfQuarter") == "42");
    CHECK(component(dt, "week") == "45");
    CHECK(component(dt, "timezone") == "'Europe/Stockholm'");
    CHECK(component(dt, "offset") == "'+01:00'");
    CHECK(component(dt, "offsetSeconds") == "3600");
    CHECK(component(dt, "epochSeconds") == "469020674");
    CHECK(component(dt, "epochMillis") == "469020674645");
    Value dur = call("duration", {Map{{"years", 1},
                                      {"months", 4},
                                      {"days", 10},
                                      {"hours", 1},
                                      {"minutes", 1},
                                      {"seconds", 1},
                                      {"nanoseconds", 111111111}}});
    std::vector<std::pair<const char*, const char*>> expected = {{"years", "1"},
                                                                 {"quarters", "5"},
                                                                 {"months", "16"},
                                                                 {"weeks", "1"},
                                                                 {"days", "10"},
                                                                 {"hours", "1"},
                                                                 {"minutes", "61"},
                                                                 {"seconds", "3661"},
                                                                 {"milliseconds", "3661111"},
                                                                 {"microseconds", "3661111111"},
                                                                 {"nanoseconds", "3661111111111"},
                                                                 {"quartersOfYear", "1"},
                                                                 {"monthsOfQuarter", "1"},
                                                                 {"monthsOfYear", "4"},
                                                                 {"daysOfWeek", "3"},
                                                                 {"minutesOfHour", "1"},
                                                                 {"secondsOfMinute", "1"},
                                                                 {"millisecondsOfSecond", "111"},
                                                                 {"microsecondsOfSecond", "111111"},
                                                                 {"nanosecondsOfSecond", "111111111"}};
    for (const auto& [name_, value_] : expected) {
        const char* name = name_;  // clang 14 cannot capture a structured binding (INFO does)
        const char* value = value_;
        INFO(name);
        CHECK(component(dur, name) == value);
    }
    CHECK(component(d, "hour") == "null");
    CHECK(value::temporal_component(Value(), "year").is_null());
}

TEST_CASE("text round-trips (Temporal6)") {
    Value t = call("localtime", {Map{{"hour", 12}, {"minute", 31}, {"second", 14}, {"nanosecond", 645876123}}});
    CHECK(call("toString", {t}) == Value("12:31:14.645876123"));
    CHECK(value::equals(parse("localtime", "12:31:14.645876123"), t) == Value(true));
    Value d = call("duration", {Map{{"years", 12},
                                    {"months", 5},
                                    {"days", 14},
                                    {"hours", 16},
                                    {"minutes", 12},
                                    {"seconds", 70},
                                    {"nanoseconds", 1}}});
    CHECK(call("toString", {d}) == Value("P12Y5M14DT16H13M10.000000001S"));
    CHECK(value::equals(call("duration", {call("toString", {d})}), d) == Value(true));
    CHECK(value::format_offset(-(2 * 3600 + 5 * 60 + 7)) == "-02:05:07");
    CHECK(Value(Date{value::days_from_civil(-1, 1, 1)}).to_display() == "-0001-01-01");
    CHECK(Value(Date{value::days_from_civil(10000, 1, 1)}).to_display() == "+10000-01-01");
}

TEST_CASE("temporal + duration (Temporal8)") {
    Value dur1 = call("duration", {Map{{"years", 12},
                                       {"months", 5},
                                       {"days", 14},
                                       {"hours", 16},
                                       {"minutes", 12},
                                       {"seconds", 70},
                                       {"nanoseconds", 2}}});
    Value dur2 =
        call("duration", {Map{{"months", 1}, {"days", -14}, {"hours", 16}, {"minutes", -12}, {"seconds", 70}}});
    Value dur3 = call("duration", {Map{{"years", 12.5},
                                       {"months", 5.5},
                                       {"days", 14.5},
                                       {"hours", 16.5},
                                       {"minutes", 12.5},
                                       {"seconds", 70.5},
                                       {"nanoseconds", 3}}});
    Value date = parse("date", "1984-10-11");
    CHECK(value::add(date, dur1).to_display() == "1997-03-25");
    CHECK(value::subtract(date, dur1).to_display() == "1972-04-27");
    CHECK(value::add(date, dur2).to_display() == "1984-10-28");
    CHECK(value::subtract(date, dur2).to_display() == "1984-09-25");
    CHECK(value::add(date, dur3).to_display() == "1997-10-11");
    CHECK(value::subtract(date, dur3).to_display() == "1971-10-12");
    Value lt = call("localtime", {Map{{"hour", 12}, {"minute", 31}, {"second", 14}, {"nanosecond", 1}}});
    CHECK(value::add(lt, dur1).to_display() == "04:44:24.000000003");
    CHECK(value::subtract(lt, dur1).to_display() == "20:18:03.999999999");
    CHECK(value::add(lt, dur3).to_display() == "22:29:27.500000004");
    CHECK(value::subtract(lt, dur3).to_display() == "02:33:00.499999998");
    Value ldt = call("localdatetime", {Map{{"year", 1984},
                                           {"month", 10},
                                           {"day", 11},
                                           {"hour", 12},
                                           {"minute", 31},
                                           {"second", 14},
                                           {"nanosecond", 1}}});
    CHECK(value::add(ldt, dur1).to_display() == "1997-03-26T04:44:24.000000003");
    CHECK(value::subtract(ldt, dur1).to_display() == "1972-04-26T20:18:03.999999999");
    CHECK(value::add(dur1, dur2).to_display() == "P12Y6MT32H2M20.000000002S");
    CHECK(value::subtract(dur1, dur1).to_display() == "PT0S");
    Value d1 = call("duration", {Map{{"years", 12},
                                     {"months", 5},
                                     {"days", 14},
                                     {"hours", 16},
                                     {"minutes", 12},
                                     {"seconds", 70},
                                     {"nanoseconds", 1}}});
    CHECK(value::add(d1, dur3).to_display() == "P25Y4M43DT50H11M23.500000004S");
    CHECK(value::subtract(d1, dur3).to_display() == "P-6M-15DT-17H-45M-3.500000002S");
    CHECK(value::multiply(d1, 2).to_display() == "P24Y10M28DT32H26M20.000000002S");
    CHECK(value::multiply(d1, 0.5).to_display() == "P6Y2M22DT13H21M8S");
    CHECK(value::divide(d1, 2).to_display() == "P6Y2M22DT13H21M8S");
    CHECK(value::divide(d1, 0.5).to_display() == "P24Y10M28DT32H26M20.000000002S");
    CHECK(error_of([&] { value::add(date, date); }) == "TypeError/InvalidArgumentType");
}

TEST_CASE("datetime arithmetic across a DST change keeps the wall clock for days") {
    Value dt = parse("datetime", "2017-10-28T12:00[Europe/Stockholm]");
    CHECK(value::add(dt, value::parse_duration("P1D")).to_display() == "2017-10-29T12:00+01:00[Europe/Stockholm]");
    CHECK(value::add(dt, value::parse_duration("PT24H")).to_display() == "2017-10-29T11:00+01:00[Europe/Stockholm]");
}

TEST_CASE("temporal comparison (Temporal7)") {
    Value a = call("time", {Map{{"hour", 10}, {"minute", 0}, {"timezone", "+01:00"}}});
    Value b = call(
        "time", {Map{{"hour", 9}, {"minute", 35}, {"second", 14}, {"nanosecond", 645876123}, {"timezone", "+00:00"}}});
    CHECK(value::less(a, b) == Value(true));
    Value x = call("datetime", {Map{{"year", 1980},
                                    {"month", 12},
                                    {"day", 11},
                                    {"hour", 12},
                                    {"minute", 31},
                                    {"second", 14},
                                    {"timezone", "+00:00"}}});
    Value y = call("datetime", {Map{{"year", 1984},
                                    {"month", 10},
                                    {"day", 11},
                                    {"hour", 12},
                                    {"minute", 31},
                                    {"second", 14},
                                    {"timezone", "+05:00"}}});
    CHECK(value::less(x, y) == Value(true));
    Value d1 = call("duration",
                    {Map{{"years", 12}, {"months", 5}, {"days", 14}, {"hours", 16}, {"minutes", 12}, {"seconds", 70}}});
    Value d2 = call("duration",
                    {Map{{"years", 12}, {"months", 5}, {"days", 14}, {"hours", 16}, {"minutes", 13}, {"seconds", 10}}});
    Value d3 = call("duration",
                    {Map{{"years", 12}, {"months", 5}, {"days", 13}, {"hours", 40}, {"minutes", 13}, {"seconds", 10}}});
    CHECK(value::equals(d1, d2) == Value(true));
    CHECK(value::equals(d1, d3) == Value(false));
    CHECK(value::equals(x, parse("date", "1980-12-11")) == Value(false));
}

TEST_CASE("truncate (Temporal9)") {
    Value d = parse("date", "2017-10-11");
    CHECK(call("date.truncate", {"millennium", d, Map{{"day", 2}}}).to_display() == "2000-01-02");
    CHECK(call("date.truncate", {"century", parse("date", "1984-10-11"), Map{}}).to_display() == "1900-01-01");
    CHECK(call("date.truncate", {"weekYear", parse("date", "1984-02-01"), Map{}}).to_display() == "1984-01-02");
    CHECK(call("date.truncate", {"weekYear", parse("date", "1984-02-01"), Map{{"day", 5}}}).to_display() ==
          "1984-01-05");
    CHECK(call("date.truncate", {"quarter", parse("date", "1984-11-11")}).to_display() == "1984-10-01");
    CHECK(call("date.truncate", {"week", parse("date", "1984-10-11")}).to_display() == "1984-10-08");
    Value dt = parse("datetime", "2017-10-11T12:31:14.645876123+01:00");
    CHECK(call("datetime.truncate", {"hour", dt}).to_display() == "2017-10-11T12:00+01:00");
    CHECK(call("datetime.truncate", {"day", dt, Map{{"timezone", "Europe/Stockholm"}}}).to_display() ==
          "2017-10-11T00:00+02:00[Europe/Stockholm]");
    CHECK(call("localtime.truncate", {"second", dt}).to_display() == "12:31:14");
    CHECK(call("time.truncate", {"millisecond", dt}).to_display() == "12:31:14.645+01:00");
    Value minus_one = parse("datetime", "2017-10-11T12:31:14.645876123-01:00");
    CHECK(call("datetime.truncate", {"millennium", minus_one, Map{{"timezone", "Europe/Stockholm"}}}).to_display() ==
          "2000-01-01T00:00+01:00[Europe/Stockholm]");
    CHECK(call("datetime.truncate", {"millennium", d, Map{{"timezone", "Europe/Stockholm"}}}).to_display() ==
          "2000-01-01T00:00+01:00[Europe/Stockholm]");
    CHECK(call("localdatetime.truncate", {"minute", dt}).to_display() == "2017-10-11T12:31");
    // A finer sub-second field keeps the truncated coarser digits.
    Value fine = call("localtime", {Map{{"hour", 12}, {"minute", 31}, {"second", 14}, {"nanosecond", 645876123}}});
    CHECK(call("localtime.truncate", {"millisecond", fine, Map{{"nanosecond", 2}}}).to_display() ==
          "12:31:14.645000002");
    CHECK(call("localtime.truncate", {"millisecond", fine, Map{{"microsecond", 2}}}).to_display() == "12:31:14.645002");
    CHECK(call("localtime.truncate", {"microsecond", fine, Map{{"nanosecond", 2}}}).to_display() ==
          "12:31:14.645876002");
    CHECK(call("localtime.truncate", {"second", fine, Map{{"nanosecond", 2}}}).to_display() == "12:31:14.000000002");
}

TEST_CASE("duration.between (Temporal10)") {
    auto between = [](const char* f1, const char* a, const char* f2, const char* b) {
        return call("duration.between", {parse(f1, a), parse(f2, b)}).to_display();
    };
    CHECK(between("date", "1984-10-11", "date", "2015-06-24") == "P30Y8M13D");
    CHECK(between("date", "1984-10-11", "localdatetime", "2016-07-21T21:45:22.142") == "P31Y9M10DT21H45M22.142S");
    CHECK(between("date", "1984-10-11", "localtime", "16:30") == "PT16H30M");
    CHECK(between("localtime", "14:30", "date", "2015-06-24") == "PT-14H-30M");
    CHECK(between("time", "14:30", "time", "16:30+0100") == "PT1H");
    CHECK(between("localtime", "14:30", "time", "16:30+0100") == "PT2H");
    CHECK(between("localdatetime", "2015-07-21T21:40:32.142", "date", "2015-06-24") == "P-27DT-21H-40M-32.142S");
    CHECK(between("localdatetime", "2015-07-21T21:40:32.142", "localdatetime", "2016-07-21T21:45:22.142") ==
          "P1YT4M50S");
    CHECK(between("datetime", "2014-07-21T21:40:36.143+0200", "date", "2015-06-24") == "P11M2DT2H19M23.857S");
    CHECK(between("datetime", "2014-07-21T21:40:36.143+0200", "datetime", "2015-07-21T21:40:32.142+0100") ==
          "P1YT59M55.999S");
    CHECK(between("datetime", "2014-07-21T21:40:36.143+0200", "time", "16:30+0100") == "PT-4H-10M-36.143S");
    CHECK(call("duration.inMonths", {parse("date", "1984-10-11"), parse("date", "2015-06-24")}).to_display() ==
          "P30Y8M");
    CHECK(call("duration.inMonths", {parse("localtime", "14:30"), parse("date", "2015-06-24")}).to_display() == "PT0S");
    CHECK(call("duration.inDays", {parse("date", "1984-10-11"), parse("date", "1984-10-21")}).to_display() == "P10D");
    CHECK(call("duration.inSeconds",
               {parse("localdatetime", "2018-01-01T10:00:00.2"), parse("localdatetime", "2018-01-02T10:00:00.1")})
              .to_display() == "PT23H59M59.9S");
    CHECK(call("duration.inSeconds", {parse("datetime", "2017-10-28T23:00+02:00[Europe/Stockholm]"),
                                      parse("datetime", "2017-10-29T04:00+01:00[Europe/Stockholm]")})
              .to_display() == "PT6H");
    CHECK(call("duration.between", {Value(), parse("date", "2015-06-24")}).is_null());
    // A local value against a zoned one is read in that zone (on its date): PT5H across
    // the end of summer time, not the wall-clock PT4H.
    Value midnight =
        call("datetime", {Map{{"year", 2017}, {"month", 10}, {"day", 29}, {"timezone", "Europe/Stockholm"}}});
    CHECK(call("duration.inSeconds", {midnight, parse("localdatetime", "2017-10-29T04:00")}).to_display() == "PT5H");
    CHECK(call("duration.inSeconds", {midnight, parse("localtime", "04:00")}).to_display() == "PT5H");
    CHECK(call("duration.inSeconds",
               {parse("localtime", "00:00"),
                call("datetime",
                     {Map{{"year", 2017}, {"month", 10}, {"day", 29}, {"hour", 4}, {"timezone", "Europe/Stockholm"}}})})
              .to_display() == "PT5H");
    CHECK(call("duration.inSeconds", {midnight, parse("date", "2017-10-30")}).to_display() == "PT25H");
    // Years beyond four digits carry a sign.
    CHECK(
        call("duration.between", {parse("date", "-999999999-01-01"), parse("date", "+999999999-12-31")}).to_display() ==
        "P1999999998Y11M30D");
    CHECK(call("duration.inSeconds",
               {parse("localdatetime", "-999999999-01-01"), parse("localdatetime", "+999999999-12-31T23:59:59")})
              .to_display() == "PT17531639991215H59M59S");
}

TEST_CASE("current time functions") {
    CHECK(call("date").kind() == ValueKind::Date);
    CHECK(call("datetime", {Map{{"timezone", "Europe/Berlin"}}}).as_datetime().zone == "Europe/Berlin");
    CHECK(call("timestamp").as_int() > 1'600'000'000'000);
    CHECK(call("localtime.statement").kind() == ValueKind::LocalTime);
    CHECK(call("date.statement", {Value()}).is_null());
    CHECK(call("datetime.realtime", {Value()}).is_null());
}

TEST_CASE("the statement clock pins now") {
    {
        value::StatementClock clock;
        Value a = call("localtime");
        Value b = call("localtime.statement");
        CHECK(a.as_local_time().nanos == b.as_local_time().nanos);
        CHECK(call("duration.inSeconds", {call("datetime"), call("datetime.transaction")}).to_display() == "PT0S");
        value::StatementClock inner;  // a nested scope keeps the outer instant
        CHECK(call("localtime").as_local_time().nanos == a.as_local_time().nanos);
    }
    // Unpinned again: the statement clock reads the system clock.
    std::int64_t before = value::realtime_now_nanos();
    std::int64_t now = value::statement_now_nanos();
    CHECK(now >= before);
}
