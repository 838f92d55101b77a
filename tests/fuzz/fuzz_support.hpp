// tests/fuzz/fuzz_support.hpp — what the libFuzzer targets of tests/fuzz share: the input
// filter that keeps legitimately slow or unsafe inputs out (the engine has no query time or
// memory budget yet, and the lead's depth limits are still coming), a scratch folder for the
// files that IMPORT STIX and COPY read, and running a text through kgq::Database.
#pragma once

#include "kgq/database.hpp"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace kgq::fuzz {

inline std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// Deepest nesting of ( [ { in the text (strings and comments not excluded: cheap, and
// rejecting too much is harmless). Deep nesting is bounded by the depth limits of another
// change (issue 10, parts 1-2); until they land, deep inputs would only find stack overflows.
inline int nesting_depth(std::string_view s) {
    int depth = 0, deepest = 0;
    for (char c : s) {
        if (c == '(' || c == '[' || c == '{') deepest = std::max(deepest, ++depth);
        else if ((c == ')' || c == ']' || c == '}') && depth > 0) --depth;
    }
    return deepest;
}

inline constexpr int max_nesting = 48;
inline constexpr std::int64_t max_path_length = 4;

// A relationship pattern `-[...*...]-` with no upper bound, or one above max_path_length,
// may enumerate more paths than the fuzzer's per-input timeout allows on a legitimate query.
inline bool has_long_var_length(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '[') continue;
        std::size_t p = i;
        while (p > 0 && std::isspace(static_cast<unsigned char>(s[p - 1]))) --p;
        if (p == 0 || (s[p - 1] != '-' && s[p - 1] != '<')) continue;  // not a relationship
        int depth = 0;
        for (std::size_t j = i; j < s.size(); ++j) {
            if (s[j] == '[') ++depth;
            else if (s[j] == ']' && --depth == 0) break;
            if (s[j] != '*') continue;
            std::size_t k = j + 1;
            auto spaces = [&] { while (k < s.size() && std::isspace(static_cast<unsigned char>(s[k]))) ++k; };
            auto number = [&]() -> std::int64_t {
                std::int64_t n = -1;
                while (k < s.size() && std::isdigit(static_cast<unsigned char>(s[k]))) {
                    n = std::max<std::int64_t>(n, 0);
                    if (n < 1000000) n = n * 10 + (s[k] - '0');
                    ++k;
                }
                return n;
            };
            spaces();
            const std::int64_t low = number();
            spaces();
            if (k + 1 < s.size() && s[k] == '.' && s[k + 1] == '.') {
                k += 2;
                spaces();
                const std::int64_t high = number();
                if (high < 0 || high > max_path_length) return true;
            } else if (low < 0 || low > max_path_length) {
                return true;
            }
        }
    }
    return false;
}

// Big generated lists: range() with a bound of five digits or more, or several range()s
// (UNWIND range(1, 5000) AS a UNWIND range(1, 5000) AS b ... is a legitimate OOM).
inline bool has_big_range(const std::string& low) {
    std::size_t ranges = 0;
    for (std::size_t at = low.find("range"); at != std::string::npos; at = low.find("range", at + 1)) ++ranges;
    if (ranges == 0) return false;
    if (ranges > 2) return true;
    std::size_t digits = 0;
    for (char c : low) {
        digits = std::isdigit(static_cast<unsigned char>(c)) ? digits + 1 : 0;
        if (digits >= 5) return true;
    }
    return false;
}

// Why a query text is not run, or nullptr. The query fuzzers never touch files: no EXPORT
// (it would write where the fuzzer runs), IMPORT, COPY or LOAD (their own fuzzers cover them).
inline const char* skip_reason(std::string_view text) {
    if (nesting_depth(text) > max_nesting) return "deep nesting";
    const std::string low = lower(text);
    for (const char* word : {"export", "import", "copy", "load"})
        if (low.find(word) != std::string::npos) return "file statement";
    if (has_long_var_length(text)) return "unbounded variable-length pattern";
    if (has_big_range(low)) return "big range()";
    // Cartesian products over many patterns: (a), (b), (c), (d), ... on the bundled graph.
    std::size_t matches = 0;
    for (std::size_t at = low.find("match"); at != std::string::npos; at = low.find("match", at + 1)) ++matches;
    std::size_t commas = 0;
    for (std::size_t i = 0; i + 1 < text.size(); ++i)
        if (text[i] == ')' && (text[i + 1] == ',' || (text[i + 1] == ' ' && i + 2 < text.size() && text[i + 2] == ','))) ++commas;
    if (matches + commas > 6) return "many patterns";
    return nullptr;
}

// Runs every statement of text; results are materialised (values with their properties),
// so the whole pipeline runs. Returns whether any statement wrote.
inline bool run_all(Database& db, std::string_view text, const std::string& source = {}) {
    ExecuteOptions options;
    options.source_name = source;
    options.continue_on_error = true;
    bool wrote = false;
    db.run(text, {}, options, [&](const Result& r) {
        if (r.ok()) {
            wrote = wrote || r.stats().any();
            for (const auto& row : r.rows())
                for (const auto& v : row) (void)v.to_string();
        } else {
            (void)r.error().to_string();
        }
        return true;
    });
    return wrote;
}

// A private scratch folder (removed at exit) for the files the STIX and CSV fuzzers write.
class ScratchDir {
public:
    ScratchDir() {
        const char* tmp = std::getenv("TMPDIR");
        std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/kgq-fuzz-XXXXXX";
        if (!mkdtemp(pattern.data())) std::abort();
        path_ = pattern;
    }
    ~ScratchDir() {
        for (const auto& f : files_) std::remove(f.c_str());
        rmdir(path_.c_str());
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;

    std::string write(const std::string& name, std::string_view content) {
        const std::string file = path_ + "/" + name;
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out.write(content.data(), std::streamsize(content.size()));
        if (!out) std::abort();
        remember(file);
        return file;
    }
    std::string file(const std::string& name) {
        const std::string f = path_ + "/" + name;
        remember(f);
        return f;
    }

private:
    void remember(const std::string& f) {
        for (const auto& known : files_)
            if (known == f) return;
        files_.push_back(f);
    }
    std::string path_;
    std::vector<std::string> files_;
};

}  // namespace kgq::fuzz
