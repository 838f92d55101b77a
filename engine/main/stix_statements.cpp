// engine/main/stix_statements.cpp — IMPORT STIX and EXPORT STIX; see statement_extensions.hpp.
#include "main/statement_extensions.hpp"

#include "parser.hpp"

namespace kgq {
namespace {

[[noreturn]] void not_available(std::string_view text, const ast::Located& at, const std::string& what) {
    Error e;
    e.kind = ErrorKind::Semantic;
    e.code = "SemanticError";
    e.detail = "UnsupportedFeature";
    e.message = what + " is not available in this build yet";
    auto lc = grammar::line_column(text, at.begin);
    e.line = lc.line;
    e.column = lc.column;
    e.offset = at.begin;
    e.length = at.end - at.begin;
    throw Exception(std::move(e));
}

}  // namespace

Result run_extension_statement(storage::GraphStore&, const ast::ImportStix& s, std::string_view text, const Parameters&,
                               const ExecuteOptions&) {
    not_available(text, s, "IMPORT STIX");
}
Result run_extension_statement(storage::GraphStore&, const ast::ExportStix& s, std::string_view text, const Parameters&,
                               const ExecuteOptions&) {
    not_available(text, s, "EXPORT STIX");
}

}  // namespace kgq
