// repl/diagnostics.cpp — renders kgq::Error and kgq::Warning with location and a caret line,
// colored when stderr is a terminal (and NO_COLOR is unset). Callers: shell.cpp.
#include "diagnostics.hpp"

#include "text_width.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace kgq::repl {
namespace {

struct Diagnostic {
    const char* severity;  // "error" or "warning"
    const char* color;  // ANSI color of the severity word
    std::string message;
    std::uint32_t line, column, offset, length;
};

bool use_color() {
    static const bool color = isatty(STDERR_FILENO) && std::getenv("NO_COLOR") == nullptr;
    return color;
}

std::string paint(std::string_view text, const char* code) {
    if (!use_color() || text.empty()) return std::string(text);
    return std::string("\033[") + code + "m" + std::string(text) + "\033[0m";
}

// Byte offset where 1-based line `line` starts in text, or npos.
std::size_t line_start(std::string_view text, std::uint32_t line) {
    std::size_t pos = 0;
    for (std::uint32_t l = 1; l < line; ++l) {
        pos = text.find('\n', pos);
        if (pos == std::string_view::npos) return pos;
        ++pos;
    }
    return pos;
}

void print_diagnostic(std::ostream& out, const Diagnostic& d, const SourceText& source) {
    std::string location;
    if (!source.name.empty()) {
        location = source.name;
        if (d.line != 0) {
            location += ":" + std::to_string(source.first_line + d.line - 1);
            if (d.column != 0) location += ":" + std::to_string(d.column);
        }
        location += ": ";
    }
    out << paint(location, "1") << paint(std::string(d.severity) + ":", d.color) << ' ' << paint(d.message, "1")
        << '\n';
    if (d.line == 0) return;

    std::size_t start = line_start(source.text, d.line);
    if (start == std::string_view::npos || start > source.text.size()) return;
    std::size_t end = std::min(source.text.find('\n', start), source.text.size());
    std::string_view line = source.text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    // Trust the byte offset when it falls on the reported line; the column otherwise.
    std::size_t at = d.offset >= start && d.offset <= start + line.size()
                         ? d.offset - start
                         : std::min<std::size_t>(d.column ? d.column - 1 : 0, line.size());
    std::size_t span =
        std::min<std::size_t>(std::max<std::uint32_t>(d.length, 1), line.size() > at ? line.size() - at : 1);
    // A very long line (a generated query) is shown as a window around the column.
    constexpr std::size_t window = 100, before = 40;
    std::string clipped;
    if (line.size() > window + 20) {
        auto boundary = [&](std::size_t i) {  // back to the start of a UTF-8 character
            while (i > 0 && i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) --i;
            return i;
        };
        std::size_t from = boundary(at > before ? at - before : 0);
        std::size_t to = boundary(std::min(line.size(), from + window));
        clipped = (from > 0 ? "…" : "") + std::string(line.substr(from, to - from)) + (to < line.size() ? "…" : "");
        at = at - from + (from > 0 ? std::string("…").size() : 0);
        span = std::min(span, to > at ? to - at : std::size_t{1});
        line = clipped;
    }
    // Keep tabs in the padding so the caret lines up under tabbed source.
    std::string_view lead = line.substr(0, at);
    std::string padding;
    for (char c : lead)
        if (c == '\t') padding += '\t';
    padding += std::string(display_width(lead) - std::count(lead.begin(), lead.end(), '\t'), ' ');
    std::size_t underline = std::max<std::size_t>(display_width(line.substr(at, span)), 1);
    out << "  " << line << '\n' << "  " << padding << paint("^" + std::string(underline - 1, '~'), d.color) << '\n';
}

// Import errors name another file (a STIX bundle, a CSV): show that file's line.
std::string load_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return {};
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

void print_error(std::ostream& out, const Error& error, const SourceText& source, std::uint32_t statement_line) {
    Diagnostic d{"error", "1;31", error.message, error.line, error.column, error.offset, error.length};
    if (d.message.empty()) d.message = error_kind_name(error.kind);
    if (!error.source.empty() && error.source != source.name) {
        std::string text = load_file(error.source);
        print_diagnostic(out, d, SourceText{error.source, text, 1});
        return;
    }
    if (d.line == 0 && statement_line != 0) {
        // Not tied to a position (a runtime failure): point at the statement's line, no caret.
        SourceText where = source;
        if (!where.name.empty()) where.name += ":" + std::to_string(source.first_line + statement_line - 1);
        print_diagnostic(out, d, where);
        return;
    }
    print_diagnostic(out, d, source);
}

void print_warning(std::ostream& out, const Warning& warning, const SourceText& source) {
    Diagnostic d{"warning", "1;35", warning.message, warning.line, warning.column, warning.offset, warning.length};
    print_diagnostic(out, d, source);
}

}  // namespace kgq::repl
