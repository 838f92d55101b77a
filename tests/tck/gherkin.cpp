// tests/tck/gherkin.cpp — reads TCK .feature files into kgq::tck::Feature (see gherkin.hpp).
// Line oriented, like Gherkin itself: keywords at line starts, """ docstrings, | tables |.
// Used only by kgq-tck; the TCK files stay in ../shared and are never copied.
#include "gherkin.hpp"

#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

namespace kgq::tck {
namespace {

std::string trim(const std::string& s) {
    auto b = s.find_first_not_of(" \t\r");
    if (b == std::string::npos) return {};
    auto e = s.find_last_not_of(" \t\r");
    return s.substr(b, e - b + 1);
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

// Gherkin table cells escape '|' as "\|", '\' as "\\" and a newline as "\n"; any other
// backslash stays, so Cypher escapes inside cells ('\'') reach the value parser intact.
std::vector<std::string> split_row(const std::string& row) {
    std::vector<std::string> cells;
    std::string cell;
    bool first = true;
    for (std::size_t i = 0; i < row.size(); ++i) {
        char c = row[i];
        if (c == '\\' && i + 1 < row.size()) {
            char n = row[i + 1];
            if (n == '|' || n == '\\') {
                cell += n;
                ++i;
                continue;
            }
            if (n == 'n') {
                cell += '\n';
                ++i;
                continue;
            }
            cell += c;
        } else if (c == '|') {
            if (!first) cells.push_back(trim(cell));
            first = false;
            cell.clear();
        } else {
            cell += c;
        }
    }
    return cells;
}

std::string substitute(std::string text, const std::map<std::string, std::string>& values) {
    for (const auto& [name, value] : values) {
        const std::string key = "<" + name + ">";
        for (std::size_t pos = 0; (pos = text.find(key, pos)) != std::string::npos;) {
            text.replace(pos, key.size(), value);
            pos += value.size();
        }
    }
    return text;
}

struct RawScenario {
    Scenario scenario;
    bool outline = false;
    std::vector<Table> examples;
};

}  // namespace

Feature parse_feature(const std::string& text, const std::string& path) {
    Feature feature;
    feature.path = path;
    std::vector<std::string> lines;
    {
        std::istringstream in(text);
        for (std::string l; std::getline(in, l);) lines.push_back(l);
    }
    auto fail = [&](std::size_t i, const std::string& what) {
        throw std::runtime_error(path + ":" + std::to_string(i + 1) + ": " + what);
    };

    std::vector<Step> background;
    std::vector<RawScenario> raw;
    std::vector<std::string> pending_tags;
    enum class In { None, Background, Scenario, Examples } in = In::None;

    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string t = trim(lines[i]);
        if (t.empty() || t[0] == '#') continue;
        if (t[0] == '@') {
            std::istringstream tags(t);
            for (std::string tag; tags >> tag;) pending_tags.push_back(tag);
            continue;
        }
        if (starts_with(t, "Feature:")) {
            feature.name = trim(t.substr(8));
            continue;
        }
        if (starts_with(t, "Background:")) {
            in = In::Background;
            continue;
        }
        if (starts_with(t, "Scenario Outline:") || starts_with(t, "Scenario Template:") ||
            starts_with(t, "Scenario:")) {
            RawScenario r;
            r.outline = !starts_with(t, "Scenario:");
            r.scenario.name = trim(t.substr(t.find(':') + 1));
            r.scenario.line = int(i + 1);
            r.scenario.tags = std::move(pending_tags);
            pending_tags.clear();
            raw.push_back(std::move(r));
            in = In::Scenario;
            continue;
        }
        if (starts_with(t, "Examples:") || starts_with(t, "Scenarios:")) {
            if (raw.empty()) fail(i, "Examples outside a scenario");
            raw.back().examples.emplace_back();
            pending_tags.clear();
            in = In::Examples;
            continue;
        }
        if (t[0] == '|') {
            if (in == In::Examples) {
                raw.back().examples.back().push_back(split_row(t));
                continue;
            }
            std::vector<Step>* steps = in == In::Background ? &background
                                       : in == In::Scenario ? &raw.back().scenario.steps
                                                            : nullptr;
            if (!steps || steps->empty()) fail(i, "table without a step");
            steps->back().table.push_back(split_row(t));
            continue;
        }
        if (starts_with(t, "\"\"\"") || starts_with(t, "```")) {
            const std::string fence = t.substr(0, 3);
            std::vector<Step>* steps = in == In::Background ? &background
                                       : in == In::Scenario ? &raw.back().scenario.steps
                                                            : nullptr;
            if (!steps || steps->empty()) fail(i, "docstring without a step");
            const std::size_t indent = lines[i].find(fence);
            std::string doc;
            std::size_t j = i + 1;
            for (; j < lines.size() && !starts_with(trim(lines[j]), fence); ++j) {
                std::string l = lines[j];
                if (!l.empty() && l.back() == '\r') l.pop_back();
                // Remove the fence's indentation, but never cut into text.
                std::size_t cut = 0;
                while (cut < indent && cut < l.size() && (l[cut] == ' ' || l[cut] == '\t')) ++cut;
                doc += (doc.empty() && j == i + 1 ? "" : "\n") + l.substr(cut);
            }
            if (j == lines.size()) fail(i, "unterminated docstring");
            steps->back().docstring = doc;
            i = j;
            continue;
        }
        static const char* keywords[] = {"Given ", "When ", "Then ", "And ", "But ", "* "};
        bool matched = false;
        for (const char* k : keywords) {
            if (starts_with(t, k)) {
                Step step;
                step.keyword = trim(k);
                step.text = trim(t.substr(std::string(k).size()));
                step.line = int(i + 1);
                if (in == In::Background) background.push_back(std::move(step));
                else if (in == In::Scenario) raw.back().scenario.steps.push_back(std::move(step));
                else fail(i, "step outside a scenario");
                matched = true;
                break;
            }
        }
        if (!matched) {
            // Free text under Feature:/Scenario: is a description; Gherkin allows it.
            if (in == In::None || in == In::Background) continue;
            if (in == In::Scenario && raw.back().scenario.steps.empty()) continue;
            fail(i, "unexpected line: " + t);
        }
    }

    for (auto& r : raw) {
        auto with_background = [&](Scenario s) {
            s.steps.insert(s.steps.begin(), background.begin(), background.end());
            return s;
        };
        if (!r.outline) {
            feature.scenarios.push_back(with_background(r.scenario));
            continue;
        }
        int n = 0;
        for (const Table& table : r.examples) {
            if (table.empty()) continue;
            const auto& header = table[0];
            for (std::size_t row = 1; row < table.size(); ++row) {
                std::map<std::string, std::string> values;
                for (std::size_t c = 0; c < header.size() && c < table[row].size(); ++c)
                    values[header[c]] = table[row][c];
                Scenario s = r.scenario;
                s.name = substitute(s.name, values) + " (example " + std::to_string(++n) + ")";
                for (Step& step : s.steps) {
                    step.text = substitute(step.text, values);
                    step.docstring = substitute(step.docstring, values);
                    for (auto& cells : step.table)
                        for (auto& cell : cells) cell = substitute(cell, values);
                }
                feature.scenarios.push_back(with_background(std::move(s)));
            }
        }
    }
    return feature;
}

Feature parse_feature_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path + ": cannot open");
    std::ostringstream text;
    text << in.rdbuf();
    return parse_feature(text.str(), path);
}

}  // namespace kgq::tck
