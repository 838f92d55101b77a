// engine/import/stix_timestamp.hpp — STIX timestamps ("2017-05-31T21:31:43.540Z", always UTC)
// to and from kgq DATETIME values. A dedicated strict parser rather than the value layer's
// general ISO 8601 one: STIX allows exactly one form, and ATT&CK has ~50,000 of them to read.
// Stage: import/export. Callers: StixImporter (values, `modified` comparisons), StixExporter.
#pragma once

#include "kgq/value.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace kgq::import::stix {

// YYYY-MM-DDTHH:MM:SS[.fraction]Z; nullopt for anything else (a bad date, a missing 'Z').
// Fractions beyond nanoseconds are truncated. The result has offset 0 and no zone name.
std::optional<DateTime> parse_timestamp(std::string_view text);

// UTC, with milliseconds at least (STIX 2.1 requires them for created/modified) and more
// digits only when the value has them, so parse_timestamp(format_timestamp(t)) == t in UTC.
std::string format_timestamp(const DateTime& t);

// Instant order: negative, zero, positive.
int compare_instants(const DateTime& a, const DateTime& b);

}  // namespace kgq::import::stix
