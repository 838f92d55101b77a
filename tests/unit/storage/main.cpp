// tests/unit/storage/main.cpp — the doctest runner of test_storage (catalog and storage unit tests).
// Stage: tests. Run by CTest; the test cases live in the other files of this folder.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
