// engine/value/timezone.cpp — IANA time zones for datetime values, read from the system's
// compiled zoneinfo (TZif files, RFC 8536) once per zone and cached. Gives the UTC offset
// at an instant and for a wall-clock time (java.time's rules for gaps and overlaps).
#include "value/temporal.hpp"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

namespace kgq::value {
namespace {

struct ZoneRules {
    std::vector<std::int64_t> transitions;  // UTC seconds, ascending
    std::vector<std::int32_t> offset_after;  // offset in force from transitions[i]
    std::int32_t initial_offset = 0;  // before the first transition (local mean time)
};

std::int64_t read_be(const unsigned char* p, int bytes) {
    std::uint64_t v = 0;
    for (int i = 0; i < bytes; ++i) v = (v << 8) | p[i];
    if (bytes == 4) return std::int32_t(std::uint32_t(v));
    return std::int64_t(v);
}

std::unique_ptr<ZoneRules> load_zone(std::string_view name) {
    // Names are path components of zoneinfo; refuse anything that could leave it.
    if (name.empty() || name.find("..") != std::string_view::npos || name.front() == '/') return nullptr;
    for (const char* dir : {"/usr/share/zoneinfo/", "/usr/lib/zoneinfo/", "/etc/zoneinfo/"}) {
        std::ifstream in(std::string(dir) + std::string(name), std::ios::binary);
        if (!in) continue;
        std::vector<unsigned char> data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (data.size() < 44 || data[0] != 'T' || data[1] != 'Z' || data[2] != 'i' || data[3] != 'f') return nullptr;
        auto counts = [&](std::size_t at, std::int64_t c[6]) {
            for (int i = 0; i < 6; ++i) c[i] = read_be(&data[at + 20 + 4 * i], 4);
        };
        std::int64_t c[6];  // isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt
        counts(0, c);
        std::size_t at = 44;
        int time_bytes = 4;
        if (data[4] >= '2') {
            // Skip the 32-bit block; the 64-bit one follows with its own header.
            at += c[3] * 4 + c[3] + c[4] * 6 + c[5] + c[2] * 8 + c[1] + c[0];
            if (data.size() < at + 44) return nullptr;
            counts(at, c);
            at += 44;
            time_bytes = 8;
        }
        std::size_t need = at + c[3] * time_bytes + c[3] + c[4] * 6;
        if (data.size() < need || c[4] == 0) return nullptr;
        auto rules = std::make_unique<ZoneRules>();
        const unsigned char* times = &data[at];
        const unsigned char* indices = times + c[3] * time_bytes;
        const unsigned char* types = indices + c[3];
        auto type_offset = [&](std::size_t t) { return std::int32_t(read_be(types + 6 * t, 4)); };
        rules->initial_offset = type_offset(0);
        for (std::int64_t i = 0; i < c[3]; ++i) {
            std::size_t type = indices[i];
            if (type >= std::size_t(c[4])) return nullptr;
            rules->transitions.push_back(read_be(times + i * time_bytes, time_bytes));
            rules->offset_after.push_back(type_offset(type));
        }
        return rules;
    }
    return nullptr;
}

const ZoneRules* rules_for(std::string_view name) {
    static std::mutex mutex;
    static std::map<std::string, std::unique_ptr<ZoneRules>, std::less<>> cache;
    std::lock_guard lock(mutex);
    auto it = cache.find(name);
    if (it == cache.end()) it = cache.emplace(std::string(name), load_zone(name)).first;
    return it->second.get();
}

}  // namespace

bool is_known_zone(std::string_view zone) { return parse_offset(zone) || rules_for(zone) != nullptr; }

std::int32_t zone_offset_at_utc(std::string_view zone, std::int64_t utc) {
    if (auto fixed = parse_offset(zone)) return *fixed;
    const ZoneRules* r = rules_for(zone);
    if (!r) return 0;
    auto it = std::upper_bound(r->transitions.begin(), r->transitions.end(), utc);
    if (it == r->transitions.begin()) return r->initial_offset;
    return r->offset_after[std::size_t(it - r->transitions.begin()) - 1];
}

std::int32_t zone_offset_for_local(std::string_view zone, std::int64_t local) {
    // The offsets in force a day before and after bracket any single transition.
    std::int32_t before = zone_offset_at_utc(zone, local - seconds_per_day);
    std::int32_t after = zone_offset_at_utc(zone, local + seconds_per_day);
    if (zone_offset_at_utc(zone, local - before) == before) return before;  // overlap: earlier offset
    if (zone_offset_at_utc(zone, local - after) == after) return after;
    return before;  // gap: the caller shifts forward
}

}  // namespace kgq::value
