// engine/common/statement_budget.cpp — see statement_budget.hpp. The memory budget is the
// growth of resident memory since the statement began: it sees every operator's buffers
// (and the threads'), where counting bytes in each operator would miss some.
#include "common/statement_budget.hpp"

#include "kgq/error.hpp"

#include <unistd.h>

#include <cstdio>
#include <string>

namespace kgq {
namespace {

[[noreturn]] void stop(const char* code, std::string message) {
    Error e;
    e.kind = ErrorKind::Interrupted;
    e.code = code;
    e.message = std::move(message);
    e.at_compile_time = false;
    throw Exception(std::move(e));
}

std::string megabytes(std::size_t bytes) { return std::to_string((bytes + (1 << 20) - 1) >> 20) + " MB"; }

constexpr auto memory_check_interval = std::chrono::milliseconds(10);

thread_local StatementBudget* current_budget = nullptr;

}  // namespace

StatementBudget* StatementBudget::current() { return current_budget; }
StatementBudget::Scope::Scope(StatementBudget& budget) : saved_(current_budget) { current_budget = &budget; }
StatementBudget::Scope::~Scope() { current_budget = saved_; }

std::size_t resident_memory_bytes() {
    // /proc/self/statm: size resident shared ... in pages.
    std::FILE* f = std::fopen("/proc/self/statm", "r");
    if (!f) return 0;
    unsigned long size = 0, resident = 0;
    const int n = std::fscanf(f, "%lu %lu", &size, &resident);
    std::fclose(f);
    if (n != 2) return 0;
    return static_cast<std::size_t>(resident) * static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
}

StatementBudget::StatementBudget(const std::atomic<bool>* interrupt, std::chrono::milliseconds timeout,
                                 std::size_t max_memory)
    : interrupt_(interrupt), started_(Clock::now()), max_memory_(max_memory) {
    if (timeout.count() > 0) {
        timed_ = true;
        deadline_ = started_ + timeout;
    }
    if (max_memory_) baseline_rss_ = resident_memory_bytes();
    last_memory_check_ = started_;
}

bool StatementBudget::should_stop() const {
    if (interrupt_ && interrupt_->load(std::memory_order_relaxed)) return true;
    return timed_ && Clock::now() >= deadline_;
}

void StatementBudget::check() {
    if (interrupt_ && interrupt_->load(std::memory_order_relaxed))
        stop("Interrupted", "The statement was interrupted; nothing it did was kept");
    if (!timed_ && !max_memory_) return;
    const auto now = Clock::now();
    if (timed_ && now >= deadline_) {
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - started_).count();
        stop("TimeBudgetExceeded", "The statement ran past its time budget of " + std::to_string(ms) +
                                       " ms (the timeout) and was stopped; nothing it did was kept");
    }
    if (max_memory_ && now - last_memory_check_ >= memory_check_interval) {
        last_memory_check_ = now;
        const std::size_t rss = resident_memory_bytes();
        if (rss > baseline_rss_ && rss - baseline_rss_ > max_memory_)
            stop("MemoryBudgetExceeded", "The statement outgrew its memory budget of " + megabytes(max_memory_) +
                                             " (it held " + megabytes(rss - baseline_rss_) +
                                             " more than when it began) and was stopped; nothing it did was kept");
    }
}

}  // namespace kgq
