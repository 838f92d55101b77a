// tests/fuzz/fuzz_support.hpp — what the libFuzzer targets of tests/fuzz share: running a
// text through kgq::Database under per-statement time and memory budgets, the input filter
// that keeps unsafe or unboundedly big inputs out (depth limits are another change's), and a
// scratch folder for the files that IMPORT STIX and COPY read.
#pragma once

#include "kgq/database.hpp"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
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

// The per-statement budgets the fuzzers run with (ExecuteOptions): a legitimately slow or
// big query stops with ErrorKind::Interrupted instead of tripping -timeout or -rss_limit_mb.
inline constexpr std::chrono::milliseconds statement_timeout{300};
inline constexpr std::size_t statement_memory = std::size_t(512) << 20;
inline constexpr std::ptrdiff_t max_statements = 16;

// Big generated lists: range() with a bound of five digits or more, or several range()s.
// One expression may build a huge list between two budget checks, which libFuzzer's
// -malloc_limit_mb would report as a crash although the query is legitimate.
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
    if (has_big_range(low)) return "big range()";
    // Each statement has its own time budget (statement_timeout): bound their number so that
    // an input stays within libFuzzer's -timeout.
    if (std::count(text.begin(), text.end(), ';') > max_statements) return "many statements";
    return nullptr;
}

// Runs every statement of text; results are materialised (values with their properties),
// so the whole pipeline runs. Returns whether any statement wrote.
inline bool run_all(Database& db, std::string_view text, const std::string& source = {}) {
    ExecuteOptions options;
    options.source_name = source;
    options.continue_on_error = true;
    options.timeout = statement_timeout;
    options.max_memory = statement_memory;
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

// Runs one statement under the budgets; its result.
inline Result run_one(Database& db, std::string_view text) {
    ExecuteOptions options;
    options.timeout = statement_timeout;
    options.max_memory = statement_memory;
    Result last;
    db.run(text, {}, options, [&](const Result& r) {
        last = r;
        return true;
    });
    return last;
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
