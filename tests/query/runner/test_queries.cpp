// tests/query/runner/test_queries.cpp — test_queries: runs every tests/query/**/*.test file
// through the public kgq::Database API, one doctest subcase per file, failures reported at
// the .test file's line. Run one file with: test_queries -sc='*match/basic*'.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include "test_file.hpp"

#include "kgq/database.hpp"

#include <algorithm>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#ifndef KGQ_QUERY_TEST_DIR
#error "KGQ_QUERY_TEST_DIR (the tests/query folder) must be defined by the build"
#endif
#ifndef KGQ_SOURCE_DIR
#error "KGQ_SOURCE_DIR (the repository root, base of -DATASET paths) must be defined by the build"
#endif

namespace fs = std::filesystem;
using namespace kgq;
using namespace kgq::querytest;

namespace {

struct Counts {
    int files = 0, cases = 0, skipped = 0, statements = 0;
} counts;

// doctest keeps the file pointer of a failure: keep the strings alive for the whole run.
const char* keep(const std::string& s) {
    static std::deque<std::string> strings;
    strings.push_back(s);
    return strings.back().c_str();
}

#define FAIL_AT(file, line, msg) ADD_FAIL_CHECK_AT(keep(file), line, std::string(msg))

// Cells: strings as their raw text, every other value as Value::to_string() (null is "null").
std::string cell(const Value& v) { return v.is_string() ? v.as_string() : v.to_string(); }

std::string join_row(const std::vector<Value>& row) {
    std::string out;
    for (std::size_t i = 0; i < row.size(); ++i) out += (i ? "|" : "") + cell(row[i]);
    return out;
}

std::string show_lines(const std::vector<std::string>& lines) {
    std::string out;
    std::size_t n = 0;
    for (const auto& l : lines) {
        if (++n > 40) {
            out += "  ... (" + std::to_string(lines.size() - 40) + " more)\n";
            break;
        }
        out += "  " + l + "\n";
    }
    return out;
}

std::string short_kind(ErrorKind k) {
    switch (k) {
        case ErrorKind::Syntax: return "Syntax";
        case ErrorKind::Semantic: return "Semantic";
        case ErrorKind::Type: return "Type";
        case ErrorKind::Schema: return "Schema";
        case ErrorKind::Runtime: return "Runtime";
        case ErrorKind::Io: return "Io";
        case ErrorKind::Interrupted: return "Interrupted";
    }
    return "?";
}

std::string describe(const Error& e) {
    return e.to_string() + "  [kind " + short_kind(e.kind) + ", code '" + e.code + "', detail '" + e.detail + "', at " +
           std::to_string(e.line) + ":" + std::to_string(e.column) + "]";
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return {};
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// -PARAM literals are evaluated by the engine itself, so any Cypher literal works.
bool eval_literal(const std::string& literal, Value& out, std::string& error) {
    static Database scratch;
    Result r = scratch.execute("RETURN " + literal + " AS v");
    if (!r.ok()) {
        error = describe(r.error());
        return false;
    }
    if (r.row_count() != 1 || r.rows()[0].size() != 1) {
        error = "RETURN <literal> gave no single value";
        return false;
    }
    out = r.at(0, 0);
    return true;
}

// Empty when e matches; otherwise why not.
std::string check_error(const Expectation& x, const Error& e) {
    std::string why;
    if (!x.error_class.empty()) {
        std::stringstream items(x.error_class);
        for (std::string item; std::getline(items, item, ',');) {
            item.erase(0, item.find_first_not_of(' '));
            item.erase(item.find_last_not_of(' ') + 1);
            if (item != short_kind(e.kind) && item != error_kind_name(e.kind) && item != e.code && item != e.detail)
                why += "expected an error of kind/code/detail '" + item + "'; ";
        }
    }
    if (x.error_line && (int(e.line) != x.error_line || int(e.column) != x.error_column))
        why += "expected position " + std::to_string(x.error_line) + ":" + std::to_string(x.error_column) + "; ";
    const std::string text = e.to_string();
    for (const auto& t : x.error_texts)
        if (text.find(t) == std::string::npos && e.message.find(t) == std::string::npos)
            why += "expected the message to contain '" + t + "'; ";
    if (!why.empty()) why += "got " + describe(e);
    return why;
}

void run_statement(const TestFile& f, const Statement& s, Database& db, const Parameters& params) {
    ++counts.statements;
    const Expectation& x = s.expect;
    Result r;
    try {
        r = db.execute(expand_macros(s.text), params);
    } catch (const std::exception& e) {
        FAIL_AT(f.path, s.line, std::string("the engine threw instead of returning an error: ") + e.what());
        return;
    }
    switch (x.kind) {
        case Expectation::Kind::Ok:
            if (!r.ok()) FAIL_AT(f.path, s.line, "statement failed: " + describe(r.error()));
            return;
        case Expectation::Kind::Error: {
            if (r.ok()) {
                FAIL_AT(
                    f.path, s.line,
                    "expected an error, but the statement succeeded with " + std::to_string(r.row_count()) + " rows");
                return;
            }
            std::string why = check_error(x, r.error());
            if (!why.empty()) FAIL_AT(f.path, x.line, why);
            return;
        }
        case Expectation::Kind::Rows: break;
    }
    if (!r.ok()) {
        FAIL_AT(f.path, s.line, "statement failed: " + describe(r.error()));
        return;
    }
    if (x.check_column_names) {
        std::string header;
        for (std::size_t i = 0; i < r.columns().size(); ++i) header += (i ? "|" : "") + r.columns()[i];
        if (header != x.header)
            FAIL_AT(f.path, x.line + 1, "column names: expected '" + x.header + "', got '" + header + "'");
    }
    std::vector<std::string> actual;
    for (const auto& row : r.rows()) actual.push_back(join_row(row));
    std::vector<std::string> expected = x.rows;
    if (!x.check_order) {
        std::sort(actual.begin(), actual.end());
        std::sort(expected.begin(), expected.end());
    }
    if (actual != expected)
        FAIL_AT(f.path, x.line,
                std::string("rows differ") + (x.check_order ? " (in order)" : " (as a bag, shown sorted)") +
                    "\nexpected " + std::to_string(expected.size()) + ":\n" + show_lines(expected) + "actual " +
                    std::to_string(actual.size()) + ":\n" + show_lines(actual));
}

// A dataset that fails to load is reported once per file; later cases on it are skipped.
void run_case(const TestFile& f, const Case& c, std::set<std::string>& broken_datasets) {
    ++counts.cases;
    if (broken_datasets.count(c.dataset)) {
        ++counts.skipped;
        return;
    }
    if (!c.skip.empty()) {
        ++counts.skipped;
        MESSAGE(f.path << ":" << c.line << ": skipped: " << c.name << " (" << c.skip << ")");
        return;
    }
    INFO("case '" << c.name << "' at " << f.path << ":" << c.line);
    Database db;
    if (!c.dataset.empty()) {
        const fs::path p = fs::path(KGQ_SOURCE_DIR) / c.dataset;
        if (!fs::exists(p)) {
            FAIL_AT(f.path, c.dataset_line, "-DATASET " + c.dataset + ": no such file under the repository root");
            return;
        }
        ExecuteOptions options;
        options.source_name = p.string();
        std::string failure;
        try {
            db.run(slurp(p), {}, options, [&](const Result& r) {
                if (!r.ok()) failure = describe(r.error());
                return r.ok();
            });
        } catch (const std::exception& e) {
            failure = std::string("the engine threw: ") + e.what();
        }
        if (!failure.empty()) {
            broken_datasets.insert(c.dataset);
            FAIL_AT(f.path, c.dataset_line,
                    "loading -DATASET " + c.dataset + " failed: " + failure +
                        "\n(the remaining cases of this file on it are skipped)");
            return;
        }
    }
    Parameters params;
    for (const auto& step : c.steps) {
        if (const auto* p = std::get_if<Param>(&step)) {
            Value v;
            std::string error;
            if (!eval_literal(p->literal, v, error)) {
                FAIL_AT(f.path, p->line, "-PARAM " + p->name + ": cannot evaluate '" + p->literal + "': " + error);
                return;
            }
            params[p->name] = v;
        } else {
            run_statement(f, std::get<Statement>(step), db, params);
        }
    }
}

void run_file(const fs::path& path) {
    ++counts.files;
    TestFile f;
    try {
        f = read_test_file(path.string());
    } catch (const FormatError& e) {
        FAIL_AT(path.string(), e.line, "malformed .test file: " + e.message);
        return;
    } catch (const std::exception& e) {
        FAIL_AT(path.string(), 1, e.what());
        return;
    }
    if (f.cases.empty()) FAIL_AT(f.path, 1, "no -CASE in this file");
    std::set<std::string> broken_datasets;
    for (const Case& c : f.cases) run_case(f, c, broken_datasets);
}

std::vector<fs::path> test_files() {
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(KGQ_QUERY_TEST_DIR))
        if (e.is_regular_file() && e.path().extension() == ".test") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

TEST_CASE("query tests (tests/query/**/*.test)") {
    const auto files = test_files();
    REQUIRE_MESSAGE(!files.empty(), "no .test files under " KGQ_QUERY_TEST_DIR);
    for (const auto& path : files) {
        const std::string label = fs::relative(path, KGQ_QUERY_TEST_DIR).string();
        SUBCASE(label.c_str()) { run_file(path); }
    }
}

TEST_CASE("1000-deep nesting is a syntax error, not a crash") {
    // Also covered by nesting.test through {{N*x}}; kept here so a stack overflow names itself.
    Database db;
    for (const auto& [open, close] : {std::pair{"(", ")"}, {"[", "]"}}) {
        std::string q = "RETURN ";
        for (int i = 0; i < 1000; ++i) q += open;
        q += "1";
        for (int i = 0; i < 1000; ++i) q += close;
        Result r = db.execute(q);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().kind == ErrorKind::Syntax);
    }
}

int main(int argc, char** argv) {
    doctest::Context context;
    context.applyCommandLine(argc, argv);
    const int rc = context.run();
    if (!context.shouldExit())
        std::cout << "query tests: " << counts.files << " files, " << counts.cases << " cases (" << counts.skipped
                  << " skipped), " << counts.statements << " statements\n";
    return rc;
}
