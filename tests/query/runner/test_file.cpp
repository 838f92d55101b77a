// tests/query/runner/test_file.cpp — reads the .test format (tests/query/README.md) into a
// TestFile. Line based, like Kùzu's test parser: directives start with '-', expectations
// with '----'; anything else continues the statement or expectation above it.
#include "test_file.hpp"

#include <cctype>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace kgq::querytest {
namespace {

bool starts_with(const std::string& s, std::string_view p) { return s.compare(0, p.size(), p) == 0; }

std::string trim(const std::string& s) {
    auto b = s.find_first_not_of(" \t");
    if (b == std::string::npos) return {};
    auto e = s.find_last_not_of(" \t");
    return s.substr(b, e - b + 1);
}

// A directive is a known word after '-', followed by a space or the end of the line, so a
// continuation line such as "-1 AS x" still belongs to its statement.
bool is_directive(const std::string& line, std::string_view word) {
    if (!starts_with(line, word)) return false;
    return line.size() == word.size() || line[word.size()] == ' ' || line[word.size()] == '\t';
}

bool is_any_directive(const std::string& line) {
    static const std::string_view words[] = {"-CASE",        "-STATEMENT",         "-PARAM", "-DATASET", "-SKIP",
                                             "-CHECK_ORDER", "-CHECK_COLUMN_NAMES"};
    if (starts_with(line, "----")) return true;
    for (auto w : words)
        if (is_directive(line, w)) return true;
    return false;
}

class Parser {
public:
    Parser(const std::string& text, const std::string& path) {
        file_.path = path;
        std::istringstream in(text);
        for (std::string l; std::getline(in, l);) {
            if (!l.empty() && l.back() == '\r') l.pop_back();
            lines_.push_back(l);
        }
    }

    TestFile parse() {
        while (i_ < lines_.size()) {
            const std::string& l = lines_[i_];
            const std::string t = trim(l);
            if (t.empty()) {
                ++i_;
                continue;
            }
            if (t[0] == '#') {
                header_comment(t);
                ++i_;
                continue;
            }
            if (is_directive(l, "-DATASET")) {
                dataset();
                continue;
            }
            if (is_directive(l, "-SKIP")) {
                std::string reason = arg(l, "-SKIP");
                if (reason.empty()) reason = "skipped";
                if (current()) current()->skip = reason;
                else file_skip_ = reason;
                ++i_;
                continue;
            }
            if (is_directive(l, "-CASE")) {
                Case c;
                c.name = arg(l, "-CASE");
                if (c.name.empty()) fail("-CASE needs a name");
                c.line = line();
                c.dataset = dataset_;
                c.dataset_line = dataset_line_;
                c.skip = file_skip_;
                file_.cases.push_back(std::move(c));
                ++i_;
                continue;
            }
            if (is_directive(l, "-PARAM")) {
                param();
                continue;
            }
            if (is_directive(l, "-STATEMENT")) {
                statement();
                continue;
            }
            fail("unexpected line (a directive such as -CASE or -STATEMENT was expected): " + t);
        }
        return std::move(file_);
    }

private:
    TestFile file_;
    std::vector<std::string> lines_;
    std::size_t i_ = 0;
    std::string dataset_;
    int dataset_line_ = 0;
    std::string file_skip_;

    int line() const { return int(i_ + 1); }
    [[noreturn]] void fail(const std::string& msg) const { throw FormatError{line(), msg}; }
    Case* current() { return file_.cases.empty() ? nullptr : &file_.cases.back(); }
    Case& need_case(const char* what) {
        if (!current()) fail(std::string(what) + " before the first -CASE");
        return *current();
    }
    static std::string arg(const std::string& l, std::string_view word) { return trim(l.substr(word.size())); }

    void header_comment(const std::string& t) {
        if (!file_.cases.empty()) return;
        if (starts_with(t, "# name:")) file_.name = trim(t.substr(7));
        else if (starts_with(t, "# description:"))  // several lines make one description
            file_.description += (file_.description.empty() ? "" : " ") + trim(t.substr(14));
    }

    void dataset() {
        std::string d = arg(lines_[i_], "-DATASET");
        if (d.empty()) fail("-DATASET needs a path or 'none'");
        if (d == "none") d.clear();
        // Before any -CASE it is the file's dataset; inside a case, before its first step, the case's.
        if (current() && current()->steps.empty()) {
            current()->dataset = d;
            current()->dataset_line = line();
        } else if (current()) {
            fail("-DATASET inside a case must come before its first -STATEMENT");
        } else {
            dataset_ = d;
            dataset_line_ = line();
        }
        ++i_;
    }

    void param() {
        Case& c = need_case("-PARAM");
        std::string rest = arg(lines_[i_], "-PARAM");
        auto sp = rest.find_first_of(" \t");
        if (sp == std::string::npos) fail("-PARAM needs a name and a Cypher literal");
        Param p;
        p.line = line();
        p.name = rest.substr(0, sp);
        if (!p.name.empty() && p.name[0] == '$') p.name.erase(0, 1);
        p.literal = trim(rest.substr(sp));
        c.steps.emplace_back(std::move(p));
        ++i_;
    }

    void statement() {
        Case& c = need_case("-STATEMENT");
        Statement s;
        s.line = line();
        s.text = arg(lines_[i_], "-STATEMENT");
        ++i_;
        while (i_ < lines_.size() && !is_any_directive(lines_[i_])) {
            s.text += "\n" + lines_[i_];
            ++i_;
        }
        while (!s.text.empty() && (s.text.back() == '\n' || s.text.back() == ' ')) s.text.pop_back();
        if (s.text.empty()) fail("empty -STATEMENT");
        for (; i_ < lines_.size(); ++i_) {
            if (is_directive(lines_[i_], "-CHECK_ORDER")) s.expect.check_order = true;
            else if (is_directive(lines_[i_], "-CHECK_COLUMN_NAMES")) s.expect.check_column_names = true;
            else break;
        }
        if (i_ >= lines_.size() || !starts_with(lines_[i_], "----"))
            throw FormatError{s.line, "-STATEMENT without a '----' expectation"};
        expectation(s.expect);
        c.steps.emplace_back(std::move(s));
    }

    void expectation(Expectation& e) {
        e.line = line();
        const std::string spec = trim(lines_[i_].substr(4));
        ++i_;
        if (spec == "ok") {
            e.kind = Expectation::Kind::Ok;
            return;
        }
        if (starts_with(spec, "error")) {
            e.kind = Expectation::Kind::Error;
            std::string rest = spec.substr(5);
            if (starts_with(rest, "(")) {
                auto close = rest.find(')');
                if (close == std::string::npos) fail("unclosed '(' after ---- error");
                e.error_class = trim(rest.substr(1, close - 1));
                rest = rest.substr(close + 1);
            }
            rest = trim(rest);
            if (!rest.empty()) {
                auto colon = rest.find(':');
                try {
                    if (colon == std::string::npos) throw std::invalid_argument("");
                    e.error_line = std::stoi(rest.substr(0, colon));
                    e.error_column = std::stoi(rest.substr(colon + 1));
                } catch (const std::exception&) {
                    throw FormatError{e.line, "expected LINE:COLUMN after ---- error, found '" + rest + "'"};
                }
            }
            // The message lines: up to a blank line, a comment or the next directive.
            while (i_ < lines_.size() && !trim(lines_[i_]).empty() && trim(lines_[i_])[0] != '#' &&
                   !is_any_directive(lines_[i_])) {
                e.error_texts.push_back(trim(lines_[i_]));
                ++i_;
            }
            return;
        }
        int n = -1;
        try {
            std::size_t used = 0;
            n = std::stoi(spec, &used);
            if (used != spec.size() || n < 0) n = -1;
        } catch (const std::exception&) {}
        if (n < 0)
            throw FormatError{e.line,
                              "expected '---- ok', '---- error' or '---- N', found '----" + spec.substr(0) + "'"};
        e.kind = Expectation::Kind::Rows;
        if (e.check_column_names) {
            if (i_ >= lines_.size()) fail("missing column-name line");
            e.header = lines_[i_++];
        }
        for (int k = 0; k < n; ++k) {
            if (i_ >= lines_.size())
                throw FormatError{e.line,
                                  "---- " + std::to_string(n) + " but only " + std::to_string(k) + " rows follow"};
            e.rows.push_back(lines_[i_++]);
        }
        // A forgotten row would silently become the next "unexpected line": say what happened.
        if (i_ < lines_.size() && !trim(lines_[i_]).empty() && trim(lines_[i_])[0] != '#' &&
            !is_any_directive(lines_[i_]))
            fail("more rows than the " + std::to_string(n) + " announced by ---- " + std::to_string(n));
    }
};

}  // namespace

TestFile parse_test_file(const std::string& text, const std::string& path) { return Parser(text, path).parse(); }

TestFile read_test_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path + ": cannot open");
    std::ostringstream s;
    s << in.rdbuf();
    return parse_test_file(s.str(), path);
}

std::string expand_macros(const std::string& text) {
    std::string out;
    std::size_t p = 0;
    while (p < text.size()) {
        auto open = text.find("{{", p);
        if (open == std::string::npos) break;
        std::size_t d = open + 2;
        while (d < text.size() && std::isdigit(static_cast<unsigned char>(text[d]))) ++d;
        auto close = text.find("}}", d);
        // Only {{<digits>*...}} is a macro: Cypher's nested maps "{a: {b: 1}}" pass through.
        if (d == open + 2 || d >= text.size() || text[d] != '*' || close == std::string::npos) {
            out += text.substr(p, open + 2 - p);
            p = open + 2;
            continue;
        }
        out += text.substr(p, open - p);
        const long n = std::stol(text.substr(open + 2, d - open - 2));
        const std::string piece = text.substr(d + 1, close - d - 1);
        for (long k = 0; k < n; ++k) out += piece;
        p = close + 2;
    }
    out += text.substr(p);
    return out;
}

}  // namespace kgq::querytest
