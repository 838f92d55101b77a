// engine/main/plan_cache.cpp — see plan_cache.hpp.
#include "main/plan_cache.hpp"

#include "storage/graph_store.hpp"

#include <set>

namespace kgq {

PlanContext PlanContext::of(const storage::GraphStore& store, std::uint64_t procedure_changes) {
    PlanContext c;
    c.catalog_changes = store.catalog().changes();
    c.procedure_changes = procedure_changes;
    c.nodes = store.node_count();
    c.relationships = store.rel_count();
    return c;
}

namespace {
// Within a factor of two (plus some slack, so a small graph that grows by a few nodes does
// not re-plan every statement): the estimates that ordered the joins still hold roughly.
bool similar_size(std::size_t planned, std::size_t now) {
    constexpr std::size_t slack = 1000;
    return now <= 2 * planned + slack && planned <= 2 * now + slack;
}
}  // namespace

bool PlanContext::still_valid(const CompiledQuery& q) const {
    return q.catalog_changes == catalog_changes && q.procedure_changes == procedure_changes &&
           similar_size(q.nodes, nodes) && similar_size(q.relationships, relationships);
}

namespace {
void append_type(std::string& out, const Value& v) {
    out += static_cast<char>('A' + static_cast<int>(catalog::type_kind_of(v)));
    if (v.kind() != ValueKind::List) return;
    // A list's element types matter too (a procedure argument of LIST<STRING>).
    std::set<char> kinds;
    for (const auto& e : v.as_list()) kinds.insert(static_cast<char>('A' + static_cast<int>(catalog::type_kind_of(e))));
    out += '[';
    out.append(kinds.begin(), kinds.end());
    out += ']';
}
}  // namespace

std::string parameter_signature(const std::map<std::string, Value, std::less<>>& params) {
    std::string s;
    for (const auto& [name, value] : params) {
        s += name;
        s += '=';
        if (value.is_null()) {
            s += '0';
        } else {
            append_type(s, value);
        }
        s += ';';
    }
    return s;
}

std::shared_ptr<const CompiledQuery> StatementPlans::find(const std::string& signature, const PlanContext& now) const {
    std::lock_guard guard(mutex_);
    for (const auto& [s, q] : entries_)
        if (s == signature && now.still_valid(*q)) return q;
    return nullptr;
}

void StatementPlans::keep(const std::string& signature, std::shared_ptr<const CompiledQuery> compiled) {
    std::lock_guard guard(mutex_);
    for (auto& [s, q] : entries_) {
        if (s == signature) {
            q = std::move(compiled);  // replaces a plan that went stale
            return;
        }
    }
    if (entries_.size() == max_signatures) entries_.erase(entries_.begin());
    entries_.emplace_back(signature, std::move(compiled));
}

ParsedScript::ParsedScript(std::string_view t) : text(t), parsed(grammar::parse_script(text)) {
    plans = std::vector<StatementPlans>(parsed.ok ? parsed.script.statements.size() : 0);
}

std::shared_ptr<ParsedScript> PlanCache::parse(std::string_view text) {
    if (text.size() > max_text_bytes) return std::make_shared<ParsedScript>(text);
    {
        std::lock_guard guard(mutex_);
        auto it = by_text_.find(text);
        if (it != by_text_.end()) {
            recent_.splice(recent_.begin(), recent_, it->second);
            return it->second->second;
        }
    }
    // Parsed outside the lock: two threads may parse one text at once; the second keeps its own.
    auto script = std::make_shared<ParsedScript>(text);
    if (!script->parsed.ok) return script;
    std::lock_guard guard(mutex_);
    if (by_text_.count(script->text)) return script;
    recent_.emplace_front(std::string_view(script->text), script);
    by_text_.emplace(recent_.front().first, recent_.begin());
    if (recent_.size() > max_scripts) {
        by_text_.erase(recent_.back().first);
        recent_.pop_back();
    }
    return script;
}

void PlanCache::clear() {
    std::lock_guard guard(mutex_);
    by_text_.clear();
    recent_.clear();
}

}  // namespace kgq
