// repl/budgets.cpp — see budgets.hpp.
#include "budgets.hpp"

#include <unistd.h>

#include <cctype>
#include <cmath>
#include <cstdio>
#include <string>

namespace kgq::repl {
namespace {

std::string lower_trimmed(std::string_view text) {
    std::string out;
    for (char c : text)
        if (!std::isspace(static_cast<unsigned char>(c)))
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool is_none(const std::string& s) { return s == "0" || s == "off" || s == "none" || s == "unlimited"; }

// A non-negative decimal number and the unit text after it.
std::optional<std::pair<double, std::string>> split_number(const std::string& s) {
    std::size_t i = 0;
    while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.')) ++i;
    if (i == 0) return std::nullopt;
    try {
        std::size_t used = 0;
        double v = std::stod(s.substr(0, i), &used);
        if (used != i || !std::isfinite(v) || v < 0) return std::nullopt;
        return std::make_pair(v, s.substr(i));
    } catch (...) {
        return std::nullopt;
    }
}

}  // namespace

std::optional<std::chrono::milliseconds> parse_timeout(std::string_view text) {
    const std::string s = lower_trimmed(text);
    if (is_none(s)) return std::chrono::milliseconds(0);
    auto parts = split_number(s);
    if (!parts) return std::nullopt;
    auto [v, unit] = *parts;
    double ms;
    if (unit.empty() || unit == "s" || unit == "sec") ms = v * 1000;
    else if (unit == "ms") ms = v;
    else if (unit == "m" || unit == "min") ms = v * 60'000;
    else if (unit == "h") ms = v * 3'600'000;
    else return std::nullopt;
    if (ms > 1e15) return std::nullopt;
    return std::chrono::milliseconds(std::max<long long>(1, std::llround(ms)));
}

std::optional<std::size_t> parse_memory_size(std::string_view text) {
    const std::string s = lower_trimmed(text);
    if (is_none(s)) return std::size_t(0);
    auto parts = split_number(s);
    if (!parts) return std::nullopt;
    auto [v, unit] = *parts;
    if (!unit.empty() && unit.back() == 'b') unit.pop_back();  // "GB" and "G" alike
    if (!unit.empty() && unit.back() == 'i') unit.pop_back();  // "GiB": we count in 1024s anyway
    double bytes;
    if (unit.empty()) bytes = v;
    else if (unit == "k") bytes = v * 1024;
    else if (unit == "m") bytes = v * 1024 * 1024;
    else if (unit == "g") bytes = v * 1024 * 1024 * 1024;
    else if (unit == "t") bytes = v * 1024.0 * 1024 * 1024 * 1024;
    else return std::nullopt;
    if (bytes > 1e18) return std::nullopt;
    return static_cast<std::size_t>(std::max(1.0, bytes));
}

std::string format_timeout(std::chrono::milliseconds timeout) {
    if (timeout.count() == 0) return "none";
    if (timeout.count() % 1000 != 0) return std::to_string(timeout.count()) + " ms";
    return std::to_string(timeout.count() / 1000) + " s";
}

std::string format_memory_size(std::size_t bytes) {
    if (bytes == 0) return "none";
    char buffer[32];
    if (bytes >= (std::size_t(1) << 30)) std::snprintf(buffer, sizeof buffer, "%.1f GB", double(bytes) / (1 << 30));
    else std::snprintf(buffer, sizeof buffer, "%.0f MB", std::ceil(double(bytes) / (1 << 20)));
    return buffer;
}

std::size_t default_memory_budget() {
    const long pages = ::sysconf(_SC_PHYS_PAGES), page = ::sysconf(_SC_PAGESIZE);
    if (pages <= 0 || page <= 0) return 0;
    return static_cast<std::size_t>(pages) * static_cast<std::size_t>(page) / 2;
}

}  // namespace kgq::repl
