// engine/binder/name_suggestion.cpp — edit distance and the closest-name suggestion.
#include "binder/name_suggestion.hpp"

#include <algorithm>
#include <cctype>

namespace kgq::binder {

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t above = row[j];
            bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                        std::tolower(static_cast<unsigned char>(b[j - 1]));
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (same ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates) {
    std::size_t best = SIZE_MAX;
    const std::string* best_name = nullptr;
    for (const auto& c : candidates) {
        if (c.empty() || c[0] == ' ') continue;  // hidden names
        std::size_t d = edit_distance(name, c);
        if (d < best) {
            best = d;
            best_name = &c;
        }
    }
    std::size_t allowed = std::max<std::size_t>(1, std::min<std::size_t>(3, name.size() / 3));
    if (!best_name || best > allowed) return "";
    return "; did you mean '" + *best_name + "'?";
}

}  // namespace kgq::binder
