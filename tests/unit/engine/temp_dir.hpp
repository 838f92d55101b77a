// tests/unit/engine/temp_dir.hpp — a scratch folder for tests that write CSV files, removed
// with everything in it when the test ends. Used by the COPY and LSQB tests of test_engine.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

namespace kgq::engine_test {

class TempDir {
public:
    TempDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "kgq-test-XXXXXX").string();
        if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    // Writes `contents` to name inside the folder; returns the full path as a string.
    std::string write(const std::string& name, const std::string& contents) const {
        std::ofstream out(path_ / name, std::ios::binary);
        out << contents;
        return (path_ / name).string();
    }

private:
    std::filesystem::path path_;
};

}  // namespace kgq::engine_test
