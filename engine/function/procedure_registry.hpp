// engine/function/procedure_registry.hpp — procedures for CALL: built-in ones that read the
// graph (db.labels(), db.relationshipTypes(), db.propertyKeys()) and ones an embedding program
// registers with a fixed table of answers (Database::register_procedure; the TCK uses these).
// The binder checks calls against the signatures; the executor's Call operator runs them.
#pragma once

#include "catalog/logical_type.hpp"
#include "kgq/value.hpp"

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace kgq::storage {
class GraphStore;
}

namespace kgq::function {

struct ProcedureField {
    std::string name;
    catalog::LogicalType type;  // ANY accepts everything; NUMBER is FLOAT here (INT accepted)
    bool number = false;  // declared NUMBER: INT or FLOAT
};

struct Procedure {
    std::string name;  // dotted: "db.labels"
    std::vector<ProcedureField> inputs;
    std::vector<ProcedureField> outputs;
    // The output rows for these arguments.
    std::function<std::vector<std::vector<Value>>(const std::vector<Value>& args, const storage::GraphStore& store)>
        run;
};

class ProcedureRegistry {
public:
    ProcedureRegistry();  // with the built-in db.* procedures
    const Procedure* find(std::string_view name) const;
    std::vector<std::string> names() const;
    // A procedure answering from a table: each row holds the input values then the outputs;
    // a call returns the outputs of the rows whose inputs equal its arguments.
    void register_table(std::string name, std::vector<ProcedureField> inputs, std::vector<ProcedureField> outputs,
                        std::vector<std::vector<Value>> rows);

private:
    std::map<std::string, Procedure, std::less<>> procedures_;
};

// Whether an argument value fits a declared input type (null always does).
bool procedure_accepts(const ProcedureField& field, const Value& v);

}  // namespace kgq::function
