// engine/import/csv_progress.cpp — see csv_progress.hpp. Redraws at most ten times a second
// with '\r', and erases itself at the end so the next output starts on a clean line.
#include "import/csv_progress.hpp"

#include <unistd.h>
#include <cstdio>

namespace kgq::import {

CsvProgress::CsvProgress(std::string name, std::size_t total_bytes, bool enabled)
    : name_(std::move(name)),
      total_(total_bytes),
      enabled_(enabled && ::isatty(STDERR_FILENO) == 1),
      started_(std::chrono::steady_clock::now()),
      last_draw_(started_) {}

CsvProgress::~CsvProgress() {
    if (shown_) {
        std::fprintf(stderr, "\r\033[K");
        std::fflush(stderr);
    }
}

void CsvProgress::draw(std::size_t bytes_done) {
    using namespace std::chrono;
    auto now = steady_clock::now();
    if (now - started_ < seconds(1) || (shown_ && now - last_draw_ < milliseconds(100))) return;
    last_draw_ = now;
    shown_ = true;
    constexpr int width = 30;
    double fraction = total_ ? static_cast<double>(bytes_done) / static_cast<double>(total_) : 1.0;
    if (fraction > 1) fraction = 1;
    int filled = static_cast<int>(fraction * width);
    char bar[width + 1];
    for (int i = 0; i < width; ++i) bar[i] = i < filled ? '#' : '.';
    bar[width] = '\0';
    double secs = duration<double>(now - started_).count();
    double mb_per_s = secs > 0 ? static_cast<double>(bytes_done) / secs / 1e6 : 0;
    std::fprintf(stderr, "\r\033[KCOPY %s [%s] %3d%%  %.1f MB/s", name_.c_str(), bar, static_cast<int>(fraction * 100),
                 mb_per_s);
    std::fflush(stderr);
}

}  // namespace kgq::import
