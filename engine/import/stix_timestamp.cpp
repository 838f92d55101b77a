// engine/import/stix_timestamp.cpp — parsing and printing STIX timestamps; see stix_timestamp.hpp.
// Stage: import/export. Callers: StixImporter, StixExporter. Calendar arithmetic comes from
// the value layer (engine/value/temporal.hpp) so that imported instants equal datetime('...').
#include "import/stix_timestamp.hpp"

#include "value/temporal.hpp"

#include <cstdio>

namespace kgq::import::stix {

namespace {

// Reads `count` digits at text[pos]; false if any is not a digit.
bool digits(std::string_view text, std::size_t pos, std::size_t count, int& out) {
    if (pos + count > text.size()) return false;
    int v = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const char c = text[pos + i];
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
    }
    out = v;
    return true;
}

}  // namespace

std::optional<DateTime> parse_timestamp(std::string_view text) {
    // 0123456789012345678
    // YYYY-MM-DDTHH:MM:SS
    int year, month, day, hour, minute, second;
    if (text.size() < 20 || !digits(text, 0, 4, year) || text[4] != '-' || !digits(text, 5, 2, month) ||
        text[7] != '-' || !digits(text, 8, 2, day) || text[10] != 'T' || !digits(text, 11, 2, hour) ||
        text[13] != ':' || !digits(text, 14, 2, minute) || text[16] != ':' || !digits(text, 17, 2, second))
        return std::nullopt;
    if (month < 1 || month > 12 || day < 1 || day > value::days_in_month(year, month) || hour > 23 || minute > 59 ||
        second > 59)
        return std::nullopt;
    std::size_t pos = 19;
    std::int32_t nanos = 0;
    if (text[pos] == '.') {
        ++pos;
        const std::size_t first = pos;
        std::int32_t scale = 100'000'000;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
            nanos += (text[pos] - '0') * scale;
            scale /= 10;
            ++pos;
        }
        if (pos == first) return std::nullopt;
    }
    if (pos + 1 != text.size() || text[pos] != 'Z') return std::nullopt;
    DateTime t;
    t.seconds = value::days_from_civil(year, month, day) * value::seconds_per_day + hour * 3600 + minute * 60 + second;
    t.nanos = nanos;
    return t;
}

std::string format_timestamp(const DateTime& t) {
    const std::int64_t days =
        (t.seconds >= 0 ? t.seconds : t.seconds - (value::seconds_per_day - 1)) / value::seconds_per_day;
    const std::int64_t in_day = t.seconds - days * value::seconds_per_day;
    const auto date = value::civil_from_days(days);
    char buffer[64];
    int n =
        std::snprintf(buffer, sizeof buffer, "%04lld-%02d-%02dT%02lld:%02lld:%02lld", static_cast<long long>(date.year),
                      date.month, date.day, static_cast<long long>(in_day / 3600),
                      static_cast<long long>(in_day / 60 % 60), static_cast<long long>(in_day % 60));
    if (t.nanos % 1'000'000 == 0) n += std::snprintf(buffer + n, sizeof buffer - n, ".%03dZ", t.nanos / 1'000'000);
    else if (t.nanos % 1'000 == 0) n += std::snprintf(buffer + n, sizeof buffer - n, ".%06dZ", t.nanos / 1'000);
    else n += std::snprintf(buffer + n, sizeof buffer - n, ".%09dZ", t.nanos);
    return std::string(buffer, static_cast<std::size_t>(n));
}

int compare_instants(const DateTime& a, const DateTime& b) {
    if (a.seconds != b.seconds) return a.seconds < b.seconds ? -1 : 1;
    if (a.nanos != b.nanos) return a.nanos < b.nanos ? -1 : 1;
    return 0;
}

}  // namespace kgq::import::stix
