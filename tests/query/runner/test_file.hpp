// tests/query/runner/test_file.hpp — the parsed form of one tests/query/**/*.test file.
// test_file.cpp reads the format documented in tests/query/README.md; test_queries.cpp
// runs it. Every item keeps its line so failures point at the .test file, not the runner.
#pragma once

#include <string>
#include <variant>
#include <vector>

namespace kgq::querytest {

struct Expectation {
    enum class Kind { Ok, Rows, Error } kind = Kind::Ok;
    int line = 0;  // of the ---- line
    // Rows
    bool check_order = false;
    bool check_column_names = false;
    std::string header;  // "a|b" when check_column_names
    std::vector<std::string> rows;  // cells joined by '|'
    // Error
    std::string error_class;  // "(Syntax)", "(UndefinedVariable)": kind, code or detail
    int error_line = 0, error_column = 0;  // 0: not checked
    std::vector<std::string> error_texts;  // each a substring of Error::to_string()
};

struct Statement {
    int line = 0;
    std::string text;  // {{N*x}} macros not yet expanded
    Expectation expect;
};

struct Param {
    int line = 0;
    std::string name;
    std::string literal;  // Cypher literal text
};

struct Case {
    std::string name;
    int line = 0;
    std::string dataset;  // relative to the repository root; empty: an empty database
    int dataset_line = 0;
    std::string skip;  // reason when -SKIP was given
    std::vector<std::variant<Param, Statement>> steps;
};

struct TestFile {
    std::string path;
    std::string name;
    std::string description;
    std::vector<Case> cases;
};

struct FormatError {
    int line = 0;
    std::string message;
};

// Throws FormatError for text that does not follow the format, std::runtime_error if unreadable.
TestFile read_test_file(const std::string& path);
TestFile parse_test_file(const std::string& text, const std::string& path);

// Expands {{N*text}} into N copies of text: deep nesting without a 1000-character line.
std::string expand_macros(const std::string& text);

}  // namespace kgq::querytest
