// tests/unit/engine/test_csv_reader.cpp — the import stage's pieces on their own: the RFC 4180
// reader (quotes, escapes, delimiters, line/column tracking, malformed quoting), the header
// parser (roles, types, arrays, errors at the header field) and field values.
#include "import/csv_header.hpp"
#include "import/csv_reader.hpp"
#include "import/csv_value.hpp"
#include "kgq/error.hpp"

#include <doctest/doctest.h>

using namespace kgq;
using namespace kgq::import;

namespace {

std::vector<std::vector<std::string>> read_all(const std::string& text, CsvDialect d = {}) {
    CsvReader r("t.csv", text, d);
    std::vector<CsvField> fields;
    std::vector<std::vector<std::string>> rows;
    while (r.next(fields)) {
        rows.emplace_back();
        for (const auto& f : fields) rows.back().emplace_back(f.text);
    }
    return rows;
}

std::string error_of(const std::string& text, CsvDialect d = {}) {
    try {
        read_all(text, d);
    } catch (const Exception& ex) {
        CHECK(ex.error().kind == ErrorKind::Io);
        return ex.error().message;
    }
    return "";
}

}  // namespace

TEST_CASE("csv reader: plain, quoted and escaped fields") {
    auto rows = read_all("a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,,\"\"\n");
    REQUIRE(rows.size() == 3);
    CHECK(rows[1] == std::vector<std::string>{"1", "x, y", "say \"hi\""});
    CHECK(rows[2] == std::vector<std::string>{"2", "", ""});
}

TEST_CASE("csv reader: other delimiters, CRLF, blank lines, a missing final newline") {
    CsvDialect pipe{'|', '"'};
    auto rows = read_all("a|b\r\n1|x,y\r\n\r\n2|\"q|q\"", pipe);
    REQUIRE(rows.size() == 3);
    CHECK(rows[1] == std::vector<std::string>{"1", "x,y"});
    CHECK(rows[2] == std::vector<std::string>{"2", "q|q"});
    auto tabs = read_all("a\tb\n1\t2\n", CsvDialect{'\t', '"'});
    CHECK(tabs[1] == std::vector<std::string>{"1", "2"});
    auto trailing = read_all("a,b\n1,\n");
    CHECK(trailing[1] == std::vector<std::string>{"1", ""});
}

TEST_CASE("csv reader: quoted fields spanning lines keep line and column right") {
    CsvReader r("t.csv", "id,text\n1,\"two\nlines\"\n2,\"x\"\"\ny\"\n3,z\n", {});
    std::vector<CsvField> f;
    REQUIRE(r.next(f));
    REQUIRE(r.next(f));
    CHECK(f[1].text == "two\nlines");
    CHECK(f[1].quoted);
    CHECK(f[1].line == 2);
    CHECK(f[1].column == 3);
    REQUIRE(r.next(f));
    CHECK(f[0].line == 4);
    CHECK(f[1].text == "x\"\ny");
    REQUIRE(r.next(f));
    CHECK(f[0].text == "3");
    CHECK(f[1].line == 6);
    CHECK(f[1].column == 3);
    CHECK_FALSE(r.next(f));
}

TEST_CASE("csv reader: malformed quoting is an Io error at line:column") {
    CHECK(error_of("a,b\n1,\"open\n2,3\n") == "t.csv:2:3: unterminated quoted field");
    CHECK(error_of("a,b\n1,\"x\"y\n").starts_with("t.csv:2:6: unexpected text after the closing quote"));
}

TEST_CASE("csv header: roles, ID spaces, types and arrays") {
    CsvReader r("h.csv", "id:ID(Person)|name|age:int|born:date|tags:string[]|:LABEL|skip:IGNORE\n", {'|', '"'});
    std::vector<CsvField> f;
    REQUIRE(r.next(f));
    CsvHeader h = parse_csv_header(f, "h.csv");
    CHECK_FALSE(h.relationships());
    CHECK(h.id == 0);
    CHECK(h.columns[0].role == ColumnRole::Id);
    CHECK(h.columns[0].name == "id");
    CHECK(h.columns[0].id_space == "Person");
    CHECK(h.columns[1].role == ColumnRole::Property);
    CHECK_FALSE(h.columns[1].type.has_value());
    CHECK(h.columns[2].type == catalog::LogicalType::of(catalog::TypeKind::Int));
    CHECK(h.columns[3].type == catalog::LogicalType::of(catalog::TypeKind::Date));
    CHECK(h.columns[4].type == catalog::LogicalType::list_of(catalog::TypeKind::String));
    CHECK(h.label == 5);
    CHECK(h.columns[6].role == ColumnRole::Ignore);

    CsvReader rel("r.csv", ":START_ID(Person),:END_ID(Person),since:long,:TYPE\n", {});
    REQUIRE(rel.next(f));
    CsvHeader rh = parse_csv_header(f, "r.csv");
    CHECK(rh.relationships());
    CHECK(rh.start_id == 0);
    CHECK(rh.end_id == 1);
    CHECK(rh.type == 3);
}

TEST_CASE("csv header: errors point at the header field") {
    auto header_error = [](const std::string& line) {
        CsvReader r("h.csv", line, {});
        std::vector<CsvField> f;
        r.next(f);
        try {
            parse_csv_header(f, "h.csv");
        } catch (const Exception& ex) {
            return ex.error().message;
        }
        return std::string();
    };
    CHECK(header_error("id:ID,age:integr\n") == "h.csv:1:7: unknown column type 'integr' in 'age:integr'");
    CHECK(header_error(":START_ID(A),x\n").starts_with("h.csv:1:1: a relationship file needs both"));
    CHECK(header_error("a:ID,b:ID\n").starts_with("h.csv:1:6: a second :ID column"));
}

TEST_CASE("csv values: types, null and arrays") {
    using catalog::LogicalType;
    using catalog::TypeKind;
    Value v;
    std::string err;
    CHECK(parse_csv_value("42", false, LogicalType::of(TypeKind::Int), ';', v, err));
    CHECK(v == Value(42));
    CHECK(parse_csv_value("-1.5", false, LogicalType::of(TypeKind::Float), ';', v, err));
    CHECK(v == Value(-1.5));
    CHECK(parse_csv_value("TRUE", false, LogicalType::of(TypeKind::Bool), ';', v, err));
    CHECK(v == Value(true));
    CHECK(parse_csv_value("2024-02-29", false, LogicalType::of(TypeKind::Date), ';', v, err));
    CHECK(v.kind() == ValueKind::Date);
    CHECK(parse_csv_value("", false, LogicalType::of(TypeKind::Int), ';', v, err));
    CHECK(v.is_null());
    CHECK(parse_csv_value("", true, LogicalType::of(TypeKind::String), ';', v, err));
    CHECK(v == Value(""));
    CHECK(parse_csv_value("1;2;3", false, LogicalType::list_of(TypeKind::Int), ';', v, err));
    CHECK(v == Value(List{Value(1), Value(2), Value(3)}));
    CHECK_FALSE(parse_csv_value("12x", false, LogicalType::of(TypeKind::Int), ';', v, err));
    CHECK(err == "'12x' is not an INTEGER");
    CHECK_FALSE(parse_csv_value("99999999999999999999", false, LogicalType::of(TypeKind::Int), ';', v, err));
    CHECK_FALSE(parse_csv_value("1;b", false, LogicalType::list_of(TypeKind::Int), ';', v, err));
    CHECK(err == "array element 2: 'b' is not an INTEGER");
    CHECK_FALSE(parse_csv_value("2024-13-01", false, LogicalType::of(TypeKind::Date), ';', v, err));
}
