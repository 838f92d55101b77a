// repl/text_width.cpp — terminal width of UTF-8 text, without depending on the locale
// (wcwidth() needs a UTF-8 LC_CTYPE, which pipes and CI often lack). Callers: text_width.hpp.
#include "text_width.hpp"

#include <cstdint>

namespace kgq::repl {
namespace {

// Decodes one code point at text[i]; advances i. Invalid bytes decode as themselves
// (one column) so that binary garbage still lines up.
std::uint32_t next_code_point(std::string_view text, std::size_t& i) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    unsigned char c = byte(i);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > text.size()) {
        ++i;
        return 0xFFFD;
    }
    std::uint32_t cp = len == 1 ? c : c & (0xFF >> (len + 1));
    for (std::size_t k = 1; k < len; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) {
            ++i;
            return 0xFFFD;
        }
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    i += len;
    return cp;
}

int code_point_width(std::uint32_t cp) {
    // Combining marks and zero-width characters take no column of their own.
    if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x1DC0 && cp <= 0x1DFF) ||
        (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE20 && cp <= 0xFE2F) || (cp >= 0x200B && cp <= 0x200F) ||
        cp == 0xFE0F)
        return 0;
    // East Asian wide and fullwidth ranges, and the emoji planes.
    if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) || (cp >= 0x3041 && cp <= 0x33FF) ||
        (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
        (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
        (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
        (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD))
        return 2;
    return 1;
}

}  // namespace

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < text.size();) width += code_point_width(next_code_point(text, i));
    return width;
}

std::string truncate_to_width(std::string_view text, std::size_t max_width) {
    if (display_width(text) <= max_width) return std::string(text);
    constexpr std::string_view ellipsis = "…";
    std::size_t width = 0, i = 0;
    while (i < text.size()) {
        std::size_t start = i;
        int w = code_point_width(next_code_point(text, i));
        if (width + w + 1 > max_width) {
            i = start;
            break;
        }
        width += w;
    }
    return std::string(text.substr(0, i)) + std::string(ellipsis);
}

}  // namespace kgq::repl
