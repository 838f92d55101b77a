// tests/unit/value/main.cpp — the doctest runner of test_value (value semantics, functions,
// aggregates). Stage: tests. Run by CTest; the cases live in the other files of this folder.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
