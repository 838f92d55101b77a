// engine/persist/snapshot_file.hpp — the snapshot of a database: the whole graph (catalog,
// nodes, relationships, properties) as one file, written at each checkpoint.
// Stage: persist. Caller: database_file.cpp.
#pragma once

#include <cstdint>
#include <string>

namespace kgq::catalog {
class Catalog;
}
namespace kgq::storage {
class GraphStore;
}

namespace kgq::persist {

// Writes the graph to `path` as a snapshot numbered `checkpoint`: to a temporary file in the
// same folder, fsynced and renamed over `path` (common/atomic_file.hpp), so a crash at any
// instant leaves the old snapshot or the new one. Throws kgq::Exception (Io).
void write_snapshot(const std::string& path, std::uint64_t checkpoint, const catalog::Catalog& catalog,
                    const storage::GraphStore& store);

// Loads the snapshot at `path` into an empty catalog and store and returns its checkpoint
// number. A file that is not a snapshot, of a newer format, truncated or damaged anywhere
// is a kgq::Exception naming the file and the problem (codes in file_error.hpp).
std::uint64_t read_snapshot(const std::string& path, catalog::Catalog& catalog, storage::GraphStore& store);

}  // namespace kgq::persist
