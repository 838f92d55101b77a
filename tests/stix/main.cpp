// tests/stix/main.cpp — the doctest runner of test_stix (IMPORT/EXPORT STIX, ATT&CK).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
