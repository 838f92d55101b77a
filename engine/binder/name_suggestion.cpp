// engine/binder/name_suggestion.cpp — edit distance and the closest-name suggestion.
#include "binder/name_suggestion.hpp"

#include <algorithm>
#include <cctype>

namespace kgq::binder {

// Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
// neighbouring characters (the commonest typo, "nmae") each cost 1.
std::size_t edit_distance(std::string_view a, std::string_view b) {
    auto lower = [](char c) { return std::tolower(static_cast<unsigned char>(c)); };
    const std::size_t n = a.size(), m = b.size();
    std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1));
    for (std::size_t i = 0; i <= n; ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= m; ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
        for (std::size_t j = 1; j <= m; ++j) {
            std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) && lower(a[i - 2]) == lower(b[j - 1])) {
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
    }
    return d[n][m];
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
    std::size_t allowed = name.size() <= 3 ? 1 : std::min<std::size_t>(3, std::max<std::size_t>(2, name.size() / 3));
    if (!best_name || best > allowed) return "";
    return "; did you mean '" + *best_name + "'?";
}

}  // namespace kgq::binder
