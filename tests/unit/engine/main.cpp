// tests/unit/engine/main.cpp — the doctest runner of test_engine (import and engine tests).
// Stage: tests. Run by CTest; the test cases live in the other files of this folder.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
