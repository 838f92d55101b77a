// tests/unit/grammar/test_diagnostics.cpp — runs the diagnostic pairs in tests/grammar/:
// each NAME.input must fail to parse with exactly the message, line:column and caret in
// NAME.expect (as Spirit's rexpr_full/test does). Part of test_grammar.
#include <doctest/doctest.h>

#include "parser.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::string read_file(std::filesystem::path const& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

// "L:C: message", the offending line, and a caret under the column.
std::string render(std::string_view text, kgq::grammar::SyntaxError const& error) {
    std::size_t line_start = text.rfind('\n', error.offset == 0 ? 0 : error.offset - 1);
    line_start = (line_start == std::string_view::npos || error.offset == 0) ? 0 : line_start + 1;
    std::size_t line_end = text.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = text.size();
    std::string out = std::to_string(error.line) + ":" + std::to_string(error.column) + ": " + error.message + "\n";
    out += std::string(text.substr(line_start, line_end - line_start)) + "\n";
    out += std::string(error.column - 1, ' ') + "^\n";
    return out;
}

}  // namespace

TEST_CASE("diagnostics in tests/grammar") {
    std::filesystem::path const directory = KGQ_GRAMMAR_DIAGNOSTICS_DIR;
    std::vector<std::filesystem::path> inputs;
    for (auto const& entry : std::filesystem::directory_iterator(directory)) {
        if (entry.path().extension() == ".input") inputs.push_back(entry.path());
    }
    std::sort(inputs.begin(), inputs.end());
    REQUIRE_FALSE(inputs.empty());
    for (auto const& input : inputs) {
        auto expect_path = input;
        expect_path.replace_extension(".expect");
        INFO(input.filename().string());
        REQUIRE(std::filesystem::exists(expect_path));
        std::string const text = read_file(input);
        auto const result = kgq::grammar::parse_script(text);
        REQUIRE_FALSE(result.ok);
        CHECK(render(text, result.error) == read_file(expect_path));
    }
}
