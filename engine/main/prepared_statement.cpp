// engine/main/prepared_statement.cpp — kgq::PreparedStatement (kgq/prepared_statement.hpp):
// a parsed one-statement script of the plan cache, held directly, run as Database::run runs
// each statement of a script.
#include "kgq/prepared_statement.hpp"

#include "main/database_impl.hpp"

#include <optional>

namespace kgq {

struct PreparedStatement::State {
    Database::Impl* database = nullptr;
    std::weak_ptr<int> alive;  // the Database's: expired once it is gone
    std::shared_ptr<ParsedScript> script;
    std::optional<Error> error;  // why it cannot run
    grammar::LineColumn at;  // where the statement starts in the text
};

PreparedStatement::PreparedStatement() = default;
PreparedStatement::~PreparedStatement() = default;
PreparedStatement::PreparedStatement(const PreparedStatement&) = default;
PreparedStatement& PreparedStatement::operator=(const PreparedStatement&) = default;
PreparedStatement::PreparedStatement(PreparedStatement&&) noexcept = default;
PreparedStatement& PreparedStatement::operator=(PreparedStatement&&) noexcept = default;

namespace {
Error not_prepared_error(std::string code, std::string message) {
    Error e;
    e.kind = ErrorKind::Semantic;
    e.code = std::move(code);
    e.message = std::move(message);
    e.at_compile_time = true;
    return e;
}
const std::string empty_text;
}  // namespace

bool PreparedStatement::ok() const { return state_ && !state_->error; }

const Error& PreparedStatement::error() const {
    static const Error none;
    static const Error nothing =
        not_prepared_error("NotPrepared", "This PreparedStatement holds no statement: use Database::prepare");
    if (!state_) return nothing;
    return state_->error ? *state_->error : none;
}

const std::string& PreparedStatement::text() const { return state_ ? state_->script->text : empty_text; }

Result PreparedStatement::execute(const Parameters& params) const {
    if (!ok()) return Result::failure(error());
    auto alive = state_->alive.lock();
    if (!alive)
        return Result::failure(
            not_prepared_error("DatabaseClosed", "The Database this statement was prepared on no longer exists"));
    Database::Impl& db = *state_->database;
    db.interrupt_requested.store(false);
    Result r = db.run_locked(state_->script->parsed.script.statements[0], state_->script->text, state_->at, params, {},
                             &state_->script->plans[0]);
    return r;
}

PreparedStatement Database::prepare(std::string_view text) {
    auto state = std::make_shared<PreparedStatement::State>();
    state->database = impl_.get();
    state->alive = impl_->alive;
    state->script = impl_->plan_cache.parse(text);
    const ParsedScript& script = *state->script;
    if (!script.parsed.ok) {
        state->error = syntax_error(script.parsed.error, script.text);
    } else if (script.parsed.script.statements.size() != 1) {
        Error e =
            not_prepared_error("InvalidPrepare", "A prepared statement holds exactly one statement; the text has " +
                                                     std::to_string(script.parsed.script.statements.size()));
        state->error = std::move(e);
    } else {
        state->at = grammar::line_column(script.text, script.parsed.script.statements[0].begin);
    }
    PreparedStatement p;
    p.state_ = std::move(state);
    return p;
}

}  // namespace kgq
