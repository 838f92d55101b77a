// tests/unit/value/test_graph_functions.cpp — id, labels, type, properties, keys, length,
// nodes, relationships, startNode, endNode: on values carrying their data (no graph) and
// against a GraphStore. Stage: tests of engine/function/graph_functions.cpp.
#include "catalog/catalog.hpp"
#include "storage/graph_store.hpp"
#include "value_test_support.hpp"

using namespace kgq;
using kgq::test::call;
using kgq::test::error_of;
using kgq::test::text;

TEST_CASE("graph functions on self-describing values") {
    Node a{1, {"A", "B"}, Map{{"name", "x"}, {"age", 3}}};
    Node b{2, {}, {}};
    Relationship r{7, "KNOWS", 1, 2, Map{{"since", 2000}}};
    CHECK(call("id", {a}) == Value(1));
    CHECK(call("elementId", {a}) != call("elementId", {Relationship{1, "T", 1, 1, {}}}));
    CHECK(text(call("labels", {a})) == "['A', 'B']");
    CHECK(call("type", {r}) == Value("KNOWS"));
    CHECK(text(call("properties", {a})) == "{age: 3, name: 'x'}");
    CHECK(text(call("keys", {a})) == "['age', 'name']");
    CHECK(text(call("keys", {Map{{"b", 1}, {"a", 2}}})) == "['a', 'b']");
    CHECK(call("startNode", {r}).as_node().id == 1);
    CHECK(call("endNode", {r}).as_node().id == 2);
    Path p{{a, b}, {r}};
    CHECK(call("length", {p}) == Value(1));
    CHECK(call("nodes", {p}).as_list().size() == 2);
    CHECK(call("relationships", {p}).as_list()[0].as_relationship().id == 7);
    CHECK(call("labels", {Value()}).is_null());
    CHECK(call("type", {Value()}).is_null());
}

TEST_CASE("labels and type of non-elements: TypeError InvalidArgumentValue (Graph3/4)") {
    CHECK(error_of([] { call("labels", {1}); }) == "TypeError/InvalidArgumentValue");
    CHECK(error_of([] { call("type", {Node{1, {}, {}}}); }) == "TypeError/InvalidArgumentValue");
    CHECK(error_of([] { call("length", {"abc"}); }) == "TypeError/InvalidArgumentType");
}

TEST_CASE("graph functions read the store when given one") {
    catalog::Catalog cat;
    storage::GraphStore g(cat);
    auto person = cat.ensure_label("Person");
    auto knows = cat.ensure_relation_type("KNOWS");
    auto name = cat.intern_property_key("name");
    auto n1 = g.create_node({person}, {{name, Value("Ann")}});
    auto n2 = g.create_node({}, {});
    auto r = g.create_relationship(knows, n1, n2, {});
    function::FunctionContext ctx{&g};
    auto run = [&](std::string_view fn, Value v) {
        std::vector<Value> args{std::move(v)};
        return function::find_function(fn)->fn(args, ctx);
    };
    CHECK(text(run("labels", Node{n1, {}, {}})) == "['Person']");
    CHECK(text(run("labels", Node{n2, {}, {}})) == "[]");
    CHECK(text(run("properties", Node{n1, {}, {}})) == "{name: 'Ann'}");
    CHECK(text(run("keys", Node{n1, {}, {}})) == "['name']");
    CHECK(run("type", Relationship{r, {}, 0, 0, {}}) == Value("KNOWS"));
    CHECK(run("startNode", Relationship{r, {}, 0, 0, {}}).as_node().id == n1);
    CHECK(run("endNode", Relationship{r, {}, 0, 0, {}}).as_node().id == n2);
    CHECK(text(run("properties", Relationship{r, {}, 0, 0, {}})) == "{}");
}
