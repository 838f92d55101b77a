// engine/import/csv_progress.hpp — the progress bar of a long CSV load: drawn on stderr
// only when stderr is a terminal (never into pipes or logs) and only once the load has
// taken more than a second, so quick loads print nothing. Stage: import; used by csv_importer.cpp.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace kgq::import {

class CsvProgress {
public:
    // enabled: the caller allows a bar at all; the terminal check is made here.
    CsvProgress(std::string name, std::size_t total_bytes, bool enabled);
    ~CsvProgress();  // erases the bar
    CsvProgress(const CsvProgress&) = delete;
    CsvProgress& operator=(const CsvProgress&) = delete;

    // Called once per record: cheap (a counter) except every few thousand records.
    void update(std::size_t bytes_done) {
        if (!enabled_ || ++calls_ % 4096 != 0) return;
        draw(bytes_done);
    }

private:
    void draw(std::size_t bytes_done);

    std::string name_;
    std::size_t total_;
    bool enabled_;
    bool shown_ = false;
    std::size_t calls_ = 0;
    std::chrono::steady_clock::time_point started_;
    std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace kgq::import
