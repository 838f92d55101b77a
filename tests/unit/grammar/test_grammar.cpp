// tests/unit/grammar/test_grammar.cpp — doctest checks of the grammar layer: AST shapes of
// every construct, node positions, syntax errors (line, column, expected, found), the
// nesting guard and is_complete_input. Built as test_grammar, run by CTest.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "ast_dump.hpp"
#include "parser.hpp"

#include <string>

using namespace kgq;
using namespace kgq::grammar;

namespace {

// The statement(s) as AstDump prints them, or "error L:C: message".
std::string parsed(std::string_view text) {
    auto const result = parse_script(text);
    if (!result.ok) {
        return "error " + std::to_string(result.error.line) + ":" + std::to_string(result.error.column) + ": " +
               result.error.message;
    }
    return testing::AstDump{}(result.script);
}

SyntaxError error_of(std::string_view text) {
    auto const result = parse_script(text);
    REQUIRE_FALSE(result.ok);
    return result.error;
}

ast::Statement only_statement(std::string_view text) {
    auto const result = parse_script(text);
    INFO(result.error.message);
    REQUIRE(result.ok);
    REQUIRE(result.script.statements.size() == 1);
    return result.script.statements.front();
}

ast::SingleQuery only_query(std::string_view text) {
    auto const statement = only_statement(text);
    return boost::get<ast::RegularQuery>(statement.body.get()).first;
}

template <typename Clause>
Clause clause_at(ast::SingleQuery const& query, std::size_t index) {
    REQUIRE(index < query.clauses.size());
    return boost::get<Clause>(query.clauses[index].get());
}

std::string_view slice(std::string_view text, ast::Located const& node) {
    return text.substr(node.begin, node.end - node.begin);
}

}  // namespace

// ------------------------------------------------------------------ statements and clauses
TEST_CASE("match, where and return") {
    CHECK(parsed("MATCH (n:Person {name: 'Ann'})-[:KNOWS]->(m) WHERE n.age > 30 RETURN n.name, m") ==
          "MATCH (n:Person {name: 'Ann'})-[:KNOWS]->(m) WHERE ((n .age) > 30) RETURN (n .name), m");
    CHECK(parsed("OPTIONAL MATCH (a), (b) RETURN *") == "OPTIONAL MATCH (a), (b) RETURN *");
    CHECK(parsed("MATCH (n) RETURN DISTINCT n.x AS x ORDER BY x DESC, n.y SKIP 1 LIMIT 10") ==
          "MATCH (n) RETURN DISTINCT (n .x) AS x ORDER BY x DESC, (n .y) SKIP 1 LIMIT 10");
    CHECK(parsed("RETURN *, 1 AS one") == "RETURN *, 1 AS one");
    CHECK(parsed("MATCH (n) RETURN n ORDER BY n.a ASCENDING, n.b DESCENDING") ==
          "MATCH (n) RETURN n ORDER BY (n .a), (n .b) DESC");
}

TEST_CASE("keywords are case-insensitive, identifiers are not") {
    CHECK(parsed("match (N:person) where n.x IS not NULL return N") ==
          "MATCH (N:person) WHERE ((n .x) IS NOT NULL) RETURN N");
    CHECK(parsed("MaTcH (n) ReTuRn n") == "MATCH (n) RETURN n");
    CHECK(parsed("RETURN `weird name`, `a``b`") == "RETURN weird name, a`b");
    // Reserved words are not variables, but are fine as keys, labels and function names.
    CHECK(parsed("RETURN n.count, {end: 1, match: 2}, count(x), exists(n.p)") ==
          "RETURN (n .count), {end: 1, match: 2}, count(x), exists((n .p))");
    CHECK(parsed("MATCH (n:Match)-[:RETURN]->(m) RETURN n") == "MATCH (n:Match)-[:RETURN]->(m) RETURN n");
    CHECK(parsed("MATCH (from)-->(to) RETURN from, to") == "MATCH (from)-[]->(to) RETURN from, to");
    CHECK_FALSE(parse_script("RETURN return").ok);
}

TEST_CASE("with, unwind and union") {
    CHECK(parsed("MATCH (n) WITH n, count(*) AS c ORDER BY c LIMIT 5 WHERE c > 1 RETURN n") ==
          "MATCH (n) WITH n, count(*) AS c ORDER BY c LIMIT 5 WHERE (c > 1) RETURN n");
    CHECK(parsed("WITH DISTINCT * RETURN 1") == "WITH DISTINCT * RETURN 1");
    CHECK(parsed("UNWIND [1, 2, 3] AS x RETURN x") == "UNWIND [1, 2, 3] AS x RETURN x");
    CHECK(parsed("RETURN 1 AS x UNION RETURN 2 AS x UNION ALL RETURN 3 AS x") ==
          "RETURN 1 AS x UNION RETURN 2 AS x UNION ALL RETURN 3 AS x");
}

TEST_CASE("updating clauses") {
    CHECK(parsed("CREATE (a:A {x: 1})-[:R {w: 2.5}]->(b:B:C)") == "CREATE (a:A {x: 1})-[:R {w: 2.5f}]->(b:B:C)");
    CHECK(parsed("MERGE (n:P {id: $id}) ON CREATE SET n.created = 1 ON MATCH SET n.seen = true") ==
          "MERGE (n:P {id: $id}) ON CREATE SET (n .created) = 1 ON MATCH SET (n .seen) = true");
    CHECK(parsed("MATCH (n) SET n.a = 1, n = {b: 2}, n += $props, n:L1:L2") ==
          "MATCH (n) SET (n .a) = 1, n = {b: 2}, n += $props, n:L1:L2");
    CHECK(parsed("MATCH (n) REMOVE n:L, n.p") == "MATCH (n) REMOVE n:L, (n .p)");
    CHECK(parsed("MATCH (n) DETACH DELETE n, m") == "MATCH (n) DETACH DELETE n, m");
    CHECK(parsed("MATCH (n) DELETE n") == "MATCH (n) DELETE n");

    auto const query = only_query("MATCH (n) SET n.a.b = 1");
    auto const set = clause_at<ast::SetClause>(query, 1);
    auto const& property = boost::get<ast::SetProperty>(set.items.at(0).get());
    CHECK(property.target.accessors.size() == 2);

    // A parenthesised expression may own the property (openCypher's Atom before lookups).
    auto const paren = only_query("MATCH (n) SET (n).name = 'x' REMOVE (n).name");
    auto const paren_set = clause_at<ast::SetClause>(paren, 1);  // by value: keep it alive
    auto const& owned = boost::get<ast::SetProperty>(paren_set.items.at(0).get());
    CHECK(owned.target.accessors.size() == 1);
    CHECK(boost::get<ast::RemoveProperty>(clause_at<ast::Remove>(paren, 2).items.at(0).get()).target.accessors.size() ==
          1);
}

TEST_CASE("call") {
    CHECK(parsed("CALL db.labels() YIELD label AS l WHERE l <> 'x' RETURN l") ==
          "CALL db.labels() YIELD label AS l WHERE (l <> 'x') RETURN l");
    CHECK(parsed("CALL db.labels") == "CALL db.labels");
    CHECK(parsed("CALL my.proc(1, 'a') YIELD *") == "CALL my.proc(1, 'a') YIELD *");
    auto const call = clause_at<ast::Call>(only_query("CALL p()"), 0);
    CHECK(call.has_arguments);
    CHECK(call.arguments.empty());
    CHECK_FALSE(clause_at<ast::Call>(only_query("CALL p"), 0).has_arguments);
}

TEST_CASE("scripts: separators, empty statements, explain") {
    auto const result = parse_script(";; MATCH (n) RETURN n ;; RETURN 1; ");
    REQUIRE(result.ok);
    CHECK(result.script.statements.size() == 2);
    CHECK(parse_script("").ok);
    CHECK(parse_script("  // just a comment\n /* and another */ ").ok);
    CHECK(parse_script("").script.statements.empty());
    CHECK(parsed("EXPLAIN MATCH (n) RETURN n") == "EXPLAIN MATCH (n) RETURN n");
    CHECK(parsed("profile RETURN 1") == "PROFILE RETURN 1");
    CHECK(parsed("RETURN 1 // trailing\n + /* inside */ 2") == "RETURN (1 + 2)");
}

// ------------------------------------------------------------------ patterns
TEST_CASE("patterns") {
    CHECK(parsed("MATCH (a)-->(b)<--(c)--(d) RETURN a") == "MATCH (a)-[]->(b)<-[]-(c)-[]-(d) RETURN a");
    CHECK(parsed("MATCH (a)<-[r:T1|T2|:T3]-(b) RETURN r") == "MATCH (a)<-[r:T1|T2|T3]-(b) RETURN r");
    CHECK(
        parsed("MATCH (a)-[*]->(b), (c)-[*2]-(d), (e)-[*1..3]-(f), (g)-[*..5]-(h), (i)-[r*2.. {x: 1}]-(j) RETURN a") ==
        "MATCH (a)-[*]->(b), (c)-[*2]-(d), (e)-[*1..3]-(f), (g)-[*..5]-(h), (i)-[r*2.. {x: 1}]-(j) RETURN a");
    CHECK(parsed("MATCH (n:A:B|C) RETURN n") == "MATCH (n:A:B|C) RETURN n");
    CHECK(parsed("MATCH (n $props) RETURN n") == "MATCH (n $props) RETURN n");
    CHECK(parsed("MATCH p = shortestPath((a)-[*]-(b)) RETURN p") == "MATCH p = shortestPath((a)-[*]-(b)) RETURN p");
    CHECK(parsed("MATCH p = allShortestPaths((a)-[:R*]->(b)), q = (c) RETURN p") ==
          "MATCH p = allShortestPaths((a)-[:R*]->(b)), q = (c) RETURN p");
    CHECK(parsed("MATCH ()-[]-() RETURN 1") == "MATCH ()-[]-() RETURN 1");

    auto const match = clause_at<ast::Match>(only_query("MATCH (a)-[r:T*1..3]->(b) RETURN a"), 0);
    auto const& relationship = match.pattern.at(0).element.chain.at(0).relationship;
    CHECK(relationship.direction == ast::Direction::Outgoing);
    REQUIRE(relationship.length.has_value());
    CHECK(relationship.length->has_range);
    CHECK(relationship.length->low->text == "1");
    CHECK(relationship.length->high->text == "3");
    auto const exact = clause_at<ast::Match>(only_query("MATCH (a)-[*2]-(b) RETURN a"), 0);
    CHECK_FALSE(exact.pattern.at(0).element.chain.at(0).relationship.length->has_range);
    auto const labels = clause_at<ast::Match>(only_query("MATCH (n:A:B|C) RETURN n"), 0);
    bool const conjunction_of_alternatives =
        labels.pattern.at(0).element.start.labels == ast::LabelExpression{{"A"}, {"B", "C"}};
    CHECK(conjunction_of_alternatives);
}

// ------------------------------------------------------------------ expressions
TEST_CASE("operator precedence") {
    CHECK(parsed("RETURN 1 + 2 * 3 - 4") == "RETURN (1 + (2 * 3) - 4)");
    CHECK(parsed("RETURN a OR b XOR c AND NOT d = e") == "RETURN (a OR (b XOR (c AND (NOT (d = e)))))");
    CHECK(parsed("RETURN NOT NOT x") == "RETURN (NOT (NOT x))");
    CHECK(parsed("RETURN 1 < x <= 3") == "RETURN (1 < x <= 3)");
    CHECK(parsed("RETURN a <> b, a != b, a >= b") == "RETURN (a <> b), (a <> b), (a >= b)");
    CHECK(parsed("RETURN 2 ^ 3 ^ 2, -2 ^ 2, - -x") == "RETURN (2 ^ 3 ^ 2), ((-2) ^ 2), (-(-x))");
    CHECK(parsed("RETURN a + b IN c") == "RETURN ((a + b) IN c)");
    CHECK(parsed("RETURN s STARTS WITH 'a' AND s ENDS WITH 'b' OR s CONTAINS 'c'") ==
          "RETURN (((s STARTS WITH 'a') AND (s ENDS WITH 'b')) OR (s CONTAINS 'c'))");
    CHECK(parsed("RETURN s =~ 'a.*' = true") == "RETURN ((s =~ 'a.*') = true)");
    CHECK(parsed("RETURN x IS NULL, x IS NOT NULL = false") == "RETURN (x IS NULL), ((x IS NOT NULL) = false)");
    CHECK(parsed("RETURN 10 % 3 / 2") == "RETURN (10 % 3 / 2)");
    CHECK(parsed("RETURN (1 + 2) * 3") == "RETURN ((1 + 2) * 3)");
    CHECK(parsed("RETURN +1") == "RETURN (+1)");
}

TEST_CASE("operator chains keep operands and operators in order") {
    auto const query = clause_at<ast::Return>(only_query("RETURN a < b < c"), 0);
    auto const& items = query.body.items;
    auto const& chain = boost::get<ast::x3::forward_ast<ast::OperatorChain>>(items.at(0).expression.get()).get();
    REQUIRE(chain.rest.size() == 2);
    CHECK(chain.rest[0].op == ast::BinaryOperator::Less);
    CHECK(chain.rest[1].op == ast::BinaryOperator::Less);
    auto const null_test = clause_at<ast::Return>(only_query("RETURN a IS NULL"), 0);
    auto const& test =
        boost::get<ast::x3::forward_ast<ast::OperatorChain>>(null_test.body.items.at(0).expression.get()).get();
    CHECK(test.rest.at(0).op == ast::BinaryOperator::IsNull);
    CHECK(test.rest.at(0).operand.get().which() == 0);  // NullLiteral, unused
}

TEST_CASE("literals") {
    CHECK(parsed("RETURN null, true, FALSE, 42, 0x2A, 0o52, 1.5, .5, 1e3, 1.5E-3, 2.") ==
          "error 1:67: Expected a property name but found end of input");
    CHECK(parsed("RETURN null, true, FALSE, 42, 0x2A, 0o52, 1.5, .5, 1e3, 1.5E-3") ==
          "RETURN null, true, false, 42, 0x2A, 0o52, 1.5f, .5f, 1e3f, 1.5E-3f");
    CHECK(parsed("RETURN -1") == "RETURN (-1)");
    CHECK(parsed(R"(RETURN 'a\'b', "c\"d", '\\', 'tab\there', "\u00e9", '\U0001F600')") ==
          "RETURN 'a'b', 'c\"d', '\\', 'tab\there', '\xC3\xA9', '\xF0\x9F\x98\x80'");
    CHECK(parsed("RETURN $name, $0") == "RETURN $name, $0");
    CHECK(parsed("RETURN [], [1, 'a', [2]], {}, {a: 1, `b c`: [x]}") ==
          "RETURN [], [1, 'a', [2]], {}, {a: 1, b c: [x]}");
}

TEST_CASE("accessors") {
    CHECK(parsed("RETURN n.a.b, l[0], l[1..3], l[..2], l[1..], n:A:B, f(x)[0].y") ==
          "RETURN (n .a .b), (l [0]), (l [1..3]), (l [..2]), (l [1..]), (n :A:B), (f(x) [0] .y)");
    CHECK(parsed("RETURN l[l[l[0]]]") == "RETURN (l [(l [(l [0])])])");
    CHECK(parsed("MATCH (n) WHERE n:Person RETURN n") == "MATCH (n) WHERE (n :Person) RETURN n");
}

TEST_CASE("functions, CASE, comprehensions, quantifiers") {
    CHECK(parsed("RETURN count(*), count(DISTINCT x), date.truncate('day', d), f()") ==
          "RETURN count(*), count(DISTINCT x), date.truncate('day', d), f()");
    CHECK(parsed("RETURN CASE x WHEN 1 THEN 'a' WHEN 2 THEN 'b' ELSE 'c' END") ==
          "RETURN (CASE x WHEN 1 THEN 'a' WHEN 2 THEN 'b' ELSE 'c' END)");
    CHECK(parsed("RETURN CASE WHEN x > 1 THEN 1 END") == "RETURN (CASE WHEN (x > 1) THEN 1 END)");
    CHECK(parsed("RETURN [x IN l WHERE x > 1 | x * 2], [x IN l], [x IN l | x]") ==
          "RETURN [x IN l WHERE (x > 1) | (x * 2)], [x IN l], [x IN l | x]");
    CHECK(parsed("RETURN [p = (a)-->(b:B) WHERE b.x | b.y], [(a)-[:R]-(c) | c]") ==
          "RETURN [p = (a)-[]->(b:B) WHERE (b .x) | (b .y)], [(a)-[:R]-(c) | c]");
    CHECK(parsed("RETURN all(x IN l WHERE x > 0), any(x IN l WHERE x), none(x IN l), single(x IN l WHERE x)") ==
          "RETURN (all x IN l WHERE (x > 0)), (any x IN l WHERE x), (none x IN l), (single x IN l WHERE x)");
    CHECK(parsed("RETURN n{.name, .*, age: n.born + 1, other}") == "RETURN n{.name, .*, age: ((n .born) + 1), other}");
    auto const call = clause_at<ast::Return>(only_query("RETURN count(*)"), 0);
    auto const& count =
        boost::get<ast::x3::forward_ast<ast::FunctionCall>>(call.body.items.at(0).expression.get()).get();
    CHECK(count.star);
    CHECK(count.name == "count");
}

TEST_CASE("patterns in expressions and EXISTS") {
    CHECK(parsed("MATCH (a) WHERE (a)-[:R]->(:B) AND NOT (a)<--() RETURN a") ==
          "MATCH (a) WHERE ((a)-[:R]->(:B) AND (NOT (a)<-[]-())) RETURN a");
    CHECK(parsed("RETURN (a), (a:L), (a) - 1") == "RETURN a, (a :L), (a - 1)");
    CHECK(parsed("MATCH (a) WHERE EXISTS { MATCH (a)-->(b) RETURN b } RETURN a") ==
          "MATCH (a) WHERE EXISTS {MATCH (a)-[]->(b) RETURN b} RETURN a");
    CHECK(parsed("MATCH (a) WHERE exists { (a)-->(b) WHERE b.x = 1 } RETURN a") ==
          "MATCH (a) WHERE EXISTS {(a)-[]->(b) WHERE ((b .x) = 1)} RETURN a");
    CHECK(parsed("MATCH (a) WHERE exists(a.name) RETURN a") == "MATCH (a) WHERE exists((a .name)) RETURN a");
}

// ------------------------------------------------------------------ kgq statements
TEST_CASE("schema, copy, import and export") {
    CHECK(parsed("CREATE NODE TYPE Person (name STRING KEY, age INT, tags LIST<STRING>)") ==
          "CREATE NODE TYPE Person (name STRING KEY, age INT, tags LIST<STRING>)");
    CHECK(parsed("create abstract node type Software under Thing (first_seen date)") ==
          "CREATE ABSTRACT NODE TYPE Software UNDER Thing (first_seen DATE)");
    CHECK(parsed("CREATE NODE TYPE Empty") == "CREATE NODE TYPE Empty");
    CHECK(parsed(
              "CREATE RELATION TYPE USES (FROM IntrusionSet TO Software, FROM Campaign TO Software, since DATETIME)") ==
          "CREATE RELATION TYPE USES (FROM IntrusionSet TO Software, FROM Campaign TO Software, since DATETIME)");
    CHECK(parsed("COPY Person FROM 'person.csv' (DELIM '|', HEADER true)") ==
          "COPY Person FROM 'person.csv' (DELIM '|', HEADER true)");
    CHECK(parsed("COPY Person FROM \"p.csv\"") == "COPY Person FROM 'p.csv'");
    CHECK(parsed("IMPORT STIX 'bundle.json'; export stix 'out.json'") ==
          "IMPORT STIX 'bundle.json'; EXPORT STIX 'out.json'");
    for (char const* type : {"BOOL", "BOOLEAN", "INT", "INTEGER", "INT64", "FLOAT", "DOUBLE", "STRING", "DATE",
                             "DATETIME", "TIMESTAMP", "LOCALDATETIME", "TIME", "LOCALTIME", "DURATION", "MAP", "ANY"}) {
        CHECK(parse_script(std::string("CREATE NODE TYPE T (p ") + type + ")").ok);
    }
    CHECK(error_of("CREATE NODE TYPE T (p WIDGET)").expected == "a type name");
}

// ------------------------------------------------------------------ positions
TEST_CASE("positions and projection text") {
    std::string_view const text = "MATCH (n:Person)\nRETURN n.name, count(*), n.age + 1 AS next";
    auto const statement = only_statement(text);
    CHECK(slice(text, statement) == text);
    auto const& query = boost::get<ast::RegularQuery>(statement.body.get()).first;
    auto const match = clause_at<ast::Match>(query, 0);
    CHECK(slice(text, match) == "MATCH (n:Person)");
    CHECK(slice(text, match.pattern.at(0).element.start) == "(n:Person)");
    auto const ret = clause_at<ast::Return>(query, 1);
    CHECK(slice(text, ret) == "RETURN n.name, count(*), n.age + 1 AS next");
    REQUIRE(ret.body.items.size() == 3);
    CHECK(ret.body.items[0].text == "n.name");
    CHECK(ret.body.items[1].text == "count(*)");
    CHECK(ret.body.items[2].text == "n.age + 1");
    CHECK(slice(text, ret.body.items[2]) == "n.age + 1 AS next");
    CHECK(slice(text, *ret.body.items[2].alias) == "next");
    auto const& sum = boost::get<ast::x3::forward_ast<ast::OperatorChain>>(ret.body.items[2].expression.get()).get();
    CHECK(slice(text, sum) == "n.age + 1");
    CHECK(slice(text, sum.rest.at(0)) == "+ 1");

    std::string_view const spaced = "RETURN  x . y  ,  [ 1 , 2 ]  AS l";
    auto const items = clause_at<ast::Return>(only_query(spaced), 0).body.items;
    CHECK(items.at(0).text == "x . y");
    CHECK(items.at(1).text == "[ 1 , 2 ]");

    std::string_view const script_text = "RETURN 1;\n  RETURN 2";
    auto const script = parse_script(script_text);
    REQUIRE(script.ok);
    CHECK(slice(script_text, script.script.statements.at(1)) == "RETURN 2");
}

// ------------------------------------------------------------------ errors
TEST_CASE("syntax errors point at the token") {
    auto error = error_of("MATCH (n RETURN n");
    CHECK(error.line == 1);
    CHECK(error.column == 10);
    CHECK(error.offset == 9);
    CHECK(error.expected == "')'");
    CHECK(error.found == "RETURN");
    CHECK(error.message == "Expected ')' but found 'RETURN'");

    error = error_of("MATCH (n)\nRETURN n.name,");
    CHECK(error.line == 2);
    CHECK(error.column == 15);
    CHECK(error.expected == "an expression");
    CHECK(error.found == "end of input");
    CHECK(error.message == "Expected an expression but found end of input");

    error = error_of("MATCH (n) RETRN n");
    CHECK(error.column == 11);
    CHECK(error.expected == "';' or end of input");
    CHECK(error.found == "RETRN");

    error = error_of("SELECT * FROM t");
    CHECK(error.column == 1);
    CHECK(error.expected == "a statement");

    error = error_of("RETURN 'unterminated");
    CHECK(error.column == 8);
    CHECK(error.expected == "a closing quote for this string");

    error = error_of("RETURN 'bad \\q escape'");
    CHECK(error.column == 13);

    error = error_of("UNWIND [1] AS");
    CHECK(error.expected == "a variable");

    error = error_of("MATCH (a)-[:R->(b) RETURN a");
    CHECK(error.expected == "']'");
    CHECK(error.found == "-");

    error = error_of("MERGE (n) ON DELETE SET n.x = 1");
    CHECK(error.expected == "'CREATE' or 'MATCH'");
    CHECK(error.found == "DELETE");

    error = error_of("RETURN CASE WHEN x THEN 1");
    CHECK(error.expected == "'END'");

    // Malformed variable lengths carry openCypher's detail; plain mistakes carry none.
    for (auto const* text : {"MATCH (a)-[:T*1..-2]-(b) RETURN a", "MATCH (a)-[:T 1..2]-(b) RETURN a",
                             "MATCH (a)-[:T..]->(b) RETURN a", "MATCH (a)-[:T*-2]->(b) RETURN a"}) {
        INFO(text);
        CHECK(error_of(text).detail == "InvalidRelationshipPattern");
    }
    error = error_of("MATCH (a)-[:T 1..2]-(b) RETURN a");
    CHECK(error.column == 15);
    CHECK(error.found == "1");
    CHECK(error_of("MATCH (a)-[:R->(b) RETURN a").detail.empty());

    // Columns count characters, not bytes.
    error = error_of("RETURN 'é', é +");
    CHECK(error.column == 16);
    CHECK(error.offset == 17);
}

TEST_CASE("nesting limit") {
    auto const nested = [](int depth, char open, char close) {
        return "RETURN " + std::string(depth, open) + "1" + std::string(depth, close);
    };
    CHECK(parse_script(nested(max_nesting_depth, '(', ')')).ok);
    CHECK(parse_script(nested(max_nesting_depth, '[', ']')).ok);
    auto const error = error_of(nested(max_nesting_depth + 1, '(', ')'));
    CHECK(error.column == 8 + max_nesting_depth);
    CHECK(error.found == "(");
    CHECK(error_of(nested(100000, '[', ']')).found == "[");
    CHECK(error_of(nested(100000, '{', '}')).found == "{");

    auto const prefix = [](int count, std::string const& op) {
        std::string text = "RETURN ";
        for (int i = 0; i < count; ++i) text += op;
        return text + "x";
    };
    CHECK(parse_script(prefix(max_nesting_depth, "NOT ")).ok);
    CHECK(parse_script(prefix(max_nesting_depth, "- ")).ok);
    CHECK_FALSE(parse_script(prefix(max_nesting_depth + 1, "NOT ")).ok);
    CHECK_FALSE(parse_script(prefix(100000, "-")).ok);
    CHECK_FALSE(parse_script(prefix(100000, "+ ")).ok);
    // Brackets and prefix operators add up.
    CHECK_FALSE(
        parse_script(prefix(max_nesting_depth / 2 + 1, "NOT (") + std::string(max_nesting_depth / 2 + 1, ')')).ok);
    // Strings and comments do not count.
    CHECK(parse_script("RETURN '" + std::string(10000, '(') + "' /* " + std::string(10000, '[') + " */").ok);
    // Nested CASE counts.
    std::string cases = "RETURN ";
    for (int i = 0; i <= max_nesting_depth; ++i) cases += "CASE WHEN true THEN ";
    cases += "1";
    for (int i = 0; i <= max_nesting_depth; ++i) cases += " END";
    CHECK_FALSE(parse_script(cases).ok);
}

TEST_CASE("huge flat input") {
    std::string list = "RETURN [";
    for (int i = 0; i < 100000; ++i) list += (i ? ", " : "") + std::to_string(i);
    list += "] AS l";
    auto const result = parse_script(list);
    REQUIRE(result.ok);
    auto const projection =
        clause_at<ast::Return>(boost::get<ast::RegularQuery>(result.script.statements.at(0).body.get()).first, 0);
    auto const& items = projection.body.items;
    auto const& literal = boost::get<ast::x3::forward_ast<ast::ListLiteral>>(items.at(0).expression.get()).get();
    CHECK(literal.items.size() == 100000);

    // Long operator chains and scripts are loops, not recursion (kept smaller: Debug X3 is slow).
    std::string sum = "RETURN 0";
    for (int i = 0; i < 20000; ++i) sum += " + 1";
    CHECK(parse_script(sum).ok);

    std::string many;
    for (int i = 0; i < 2000; ++i) many += "RETURN " + std::to_string(i) + ";\n";
    auto const script = parse_script(many);
    REQUIRE(script.ok);
    CHECK(script.script.statements.size() == 2000);

    // Patterns nested in node properties are looked ahead over, not parsed twice per level.
    std::string nested = "RETURN ";
    for (int i = 0; i < 60; ++i) nested += "(a {k: ";
    nested += "1";
    for (int i = 0; i < 60; ++i) nested += "})";
    CHECK(parse_script(nested).ok);
}

// ------------------------------------------------------------------ helpers
TEST_CASE("line_column") {
    std::string_view const text = "ab\ncé\nx";
    CHECK(line_column(text, 0).line == 1);
    CHECK(line_column(text, 0).column == 1);
    CHECK(line_column(text, 3).line == 2);
    CHECK(line_column(text, 3).column == 1);
    CHECK(line_column(text, 6).column == 3);  // after 'c' and the two bytes of 'é'
    CHECK(line_column(text, 7).line == 3);
    CHECK(line_column(text, 100).line == 3);
}

TEST_CASE("is_complete_input") {
    CHECK(is_complete_input(""));
    CHECK(is_complete_input("   \n"));
    CHECK(is_complete_input("// only a comment"));
    CHECK(is_complete_input("MATCH (n) RETURN n;"));
    CHECK(is_complete_input("MATCH (n) RETURN n; // done"));
    CHECK(is_complete_input("RETURN 1; /* c */  "));
    CHECK_FALSE(is_complete_input("MATCH (n)"));
    CHECK_FALSE(is_complete_input("RETURN ';'"));
    CHECK_FALSE(is_complete_input("RETURN 'abc;"));
    CHECK_FALSE(is_complete_input("RETURN 1 /* ; "));
    CHECK_FALSE(is_complete_input("RETURN 1; RETURN 2"));
    CHECK(is_complete_input("RETURN `a;`;"));
}
