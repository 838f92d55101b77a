// engine/value/result.cpp — the small out-of-line parts of kgq::Result (kgq/result.hpp).
// Built with the value layer so that tests and the API can use Result without the engine.
#include "kgq/result.hpp"

namespace kgq {

bool WriteStats::any() const {
    return nodes_created || nodes_deleted || relationships_created || relationships_deleted || properties_set ||
           properties_removed || labels_added || labels_removed;
}

const Error& Result::no_error() {
    static const Error none;
    return none;
}

Result Result::failure(Error error) {
    Result r;
    r.set_error(std::move(error));
    return r;
}

int Result::column_index(const std::string& name) const {
    for (std::size_t i = 0; i < columns_.size(); ++i)
        if (columns_[i] == name) return static_cast<int>(i);
    return -1;
}

}  // namespace kgq
