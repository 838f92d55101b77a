// canonical.hpp — answers as comparable data for kgq_metamorphic: each row as canonical
// text (nodes and relationships by id with their labels and properties, floats exact, NaN
// and -0.0 normalised), multisets compared with a small float tolerance, and graph dumps.
#pragma once

#include "kgq/database.hpp"

#include <string>
#include <vector>

namespace kgqm {

// How a column is compared: as is, or as a list whose element order carries no meaning
// (collect(), or a variable-length relationship list read backwards by a reversed pattern).
enum class ColumnMode { Exact, UnorderedList };

std::string canonical_value(const kgq::Value& v, bool unordered_list = false);
std::vector<std::string> canonical_rows(const kgq::Result& r, const std::vector<ColumnMode>& modes = {});

// Multisets of rows: equal text, or equal after pairing rows whose floats differ by a
// relative 1e-9 (sums added up in another order).
bool same_multiset(const kgq::Result& a, const kgq::Result& b, const std::vector<ColumnMode>& modes = {});
bool same_multiset(std::vector<std::string> a, std::vector<std::string> b);
// Two values equal for the tester: same kind and content, numbers within tolerance,
// NaN equal to NaN, 1 equal to 1.0 when numeric_equal.
bool values_close(const kgq::Value& a, const kgq::Value& b, bool numeric_equal = false);

// A short printable form of an answer: its rows (sorted unless ordered), or the error.
std::string describe(const kgq::Result& r, bool ordered = false, std::size_t max_rows = 30);

// The whole graph as sorted text: every node (id, labels, properties) and relationship
// (id, type, endpoints, properties). Equal dumps mean an unchanged graph.
std::string dump_graph(kgq::Database& db);

}  // namespace kgqm
