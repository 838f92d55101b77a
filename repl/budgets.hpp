// repl/budgets.hpp — the shell's statement budgets as people type them: --timeout 30s,
// :max_memory 2GB. Parsing, printing, and the default memory budget (half of the machine's
// memory, so a runaway query ends with a message instead of the kernel's OOM killer).
// Callers: main.cpp (flags), meta_commands.cpp (:timeout, :max_memory).
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kgq::repl {

// "500ms", "30s", "2m", "1h", a bare number of seconds, or "0"/"off"/"none" (no budget).
std::optional<std::chrono::milliseconds> parse_timeout(std::string_view text);
// "512MB", "2GB", "1.5G", "800K", a bare number of bytes, or "0"/"off"/"none".
std::optional<std::size_t> parse_memory_size(std::string_view text);

std::string format_timeout(std::chrono::milliseconds timeout);  // "30 s", "none"
std::string format_memory_size(std::size_t bytes);  // "12.0 GB", "none"

// Half of the physical memory (0 when unknown: no budget).
std::size_t default_memory_budget();

}  // namespace kgq::repl
