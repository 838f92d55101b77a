# The two commands of README: `make run` (REPL on the bundled graph) and `make test`.
# Both install missing Debian packages first, then configure and build in build/.
BUILD ?= build
JOBS ?= $(shell nproc)
GRAPH ?= graphs/unc4841/unc4841.kgq

.PHONY: run test build deps clean bench check-metamorphic

deps:
	@bash scripts/install-deps.sh

$(BUILD)/CMakeCache.txt: | deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release $(CMAKE_ARGS)

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

run: build
	./$(BUILD)/kgq $(GRAPH)

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

bench: build
	bash bench/lsqb/run.sh

clean:
	rm -rf $(BUILD)

# `make fuzz [SECONDS=60]`: builds the libFuzzer targets of tests/fuzz with clang, ASan and
# UBSan in build-asan (or in BUILD when given on the command line) and runs each for SECONDS
# (tests/fuzz/README.md). `make test CMAKE_ARGS=-DKGQ_WERROR=ON` passes options to cmake.
SECONDS ?= 60
FUZZ_BUILD ?= $(if $(filter command line,$(origin BUILD)),$(BUILD),build-asan)
.PHONY: fuzz
fuzz:
	@bash scripts/install-deps.sh --dev
	bash scripts/fuzz.sh $(FUZZ_BUILD) $(SECONDS)

# `make check-metamorphic [SECONDS=600]`: the metamorphic query tester for SECONDS seconds
# (tests/metamorphic/README.md); CTest runs it for a fixed number of checks instead.
check-metamorphic: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) --target kgq_metamorphic -j $(JOBS)
	./$(BUILD)/tests/metamorphic/kgq_metamorphic --seconds $(SECONDS)
