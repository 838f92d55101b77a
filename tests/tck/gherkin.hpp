// tests/tck/gherkin.hpp — a reader for the subset of Gherkin the openCypher TCK uses.
// Called by tck_main.cpp (kgq-tck): one Feature per .feature file, with Background steps
// prepended and Scenario Outlines already expanded over their Examples rows.
#pragma once

#include <string>
#include <vector>

namespace kgq::tck {

using Table = std::vector<std::vector<std::string>>;  // cells unescaped and trimmed

struct Step {
    std::string keyword;  // Given, When, Then, And, But
    std::string text;  // "executing query:" (placeholders substituted)
    std::string docstring;  // the """ block, indentation removed; empty if none
    Table table;  // the | rows | after the step; empty if none
    int line = 0;
};

struct Scenario {
    std::string name;  // "[3] Create a node"; outlines add " (example N)"
    int line = 0;
    std::vector<std::string> tags;
    std::vector<Step> steps;  // Background steps first
};

struct Feature {
    std::string path;
    std::string name;
    std::vector<Scenario> scenarios;
};

// Throws std::runtime_error("file:line: ...") on text it cannot read.
Feature parse_feature_file(const std::string& path);
Feature parse_feature(const std::string& text, const std::string& path);

}  // namespace kgq::tck
