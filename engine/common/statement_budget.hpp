// engine/common/statement_budget.hpp — what may stop a running statement: Database::interrupt()
// (from another thread or a signal handler), a time budget and a memory budget. Operators,
// COPY and IMPORT STIX call tick() in their loops; every 1024th tick looks at the flag and
// the clock, and every ~10 ms at the process's resident memory. Stage: common to the executor
// and the importers; created per statement by Database (engine/main/database.cpp).
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>

namespace kgq {

class StatementBudget {
public:
    using Clock = std::chrono::steady_clock;

    // `interrupt` may be null (nothing can interrupt); a zero timeout or max_memory means none.
    StatementBudget(const std::atomic<bool>* interrupt, std::chrono::milliseconds timeout, std::size_t max_memory);

    // Cheap enough for every row: a countdown, then check().
    void tick() {
        if (--countdown_ == 0) {
            countdown_ = ticks_per_check;
            check();
        }
    }
    // Throws kgq::Exception (ErrorKind::Interrupted) when the statement must stop. One thread
    // at a time: the one that runs the statement.
    void check();
    // For worker threads: true when the statement should stop (they return, and the thread
    // that runs the statement then calls check(), which throws). Never throws.
    bool should_stop() const;

    std::size_t max_memory() const { return max_memory_; }

    // The budget of the statement this thread runs, for code that has no ExecutionContext
    // (COPY, IMPORT STIX); null outside a statement. Scope sets it for its lifetime.
    static StatementBudget* current();
    class Scope {
    public:
        explicit Scope(StatementBudget& budget);
        ~Scope();
        Scope(const Scope&) = delete;
        Scope& operator=(const Scope&) = delete;

    private:
        StatementBudget* saved_;
    };
    // tick() on current(), if any.
    static void tick_current() {
        if (StatementBudget* b = current()) b->tick();
    }
    // check() on current(), if any: for loops whose steps are large (a megabyte of a file).
    static void check_current() {
        if (StatementBudget* b = current()) b->check();
    }

    static constexpr std::uint32_t ticks_per_check = 1024;

private:
    const std::atomic<bool>* interrupt_;
    Clock::time_point started_;
    Clock::time_point deadline_;
    bool timed_ = false;
    std::size_t max_memory_ = 0;
    std::size_t baseline_rss_ = 0;
    Clock::time_point last_memory_check_;
    std::uint32_t countdown_ = ticks_per_check;
};

// Resident memory of this process in bytes (0 when it cannot be read).
std::size_t resident_memory_bytes();

}  // namespace kgq
