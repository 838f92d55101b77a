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

# `make tsan`: the threaded tests (one Database shared by readers and writers, interrupts
# from another thread, PatternCount's workers) under ThreadSanitizer, in build-tsan with
# clang. Not in CI: a third full build would take CI past its 45 minutes.
.PHONY: tsan
tsan:
	@bash scripts/install-deps.sh --dev
	cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=$$(command -v clang++-14 || command -v clang++) -DKGQ_SANITIZE=thread
	cmake --build build-tsan --target test_engine -j $(JOBS)
	TSAN_OPTIONS=halt_on_error=1 ./build-tsan/tests/unit/engine/test_engine -tc='*concurren*,*writer*,*interrupt*,*budget*'

# `make format` applies .clang-format to the C++ sources and `make format-check` (CI) fails on
# any difference; grammar/ keeps its hand layout (grammar/.clang-format). `make tidy` runs
# clang-tidy (.clang-tidy) over the engine's and the shell's sources with BUILD's
# compile_commands.json: about 10 minutes on 2 cores, so not in CI.
FORMAT_FILES = $(shell git ls-files '*.cpp' '*.hpp' | grep -v '^grammar/')
.PHONY: format format-check tidy
format:
	@bash scripts/install-deps.sh --dev
	@$$(command -v clang-format-14 || command -v clang-format) -i $(FORMAT_FILES) && echo "format: $(words $(FORMAT_FILES)) files"
format-check:
	@bash scripts/install-deps.sh --dev
	@$$(command -v clang-format-14 || command -v clang-format) --dry-run -Werror $(FORMAT_FILES) && echo "format-check: $(words $(FORMAT_FILES)) files as .clang-format has them"
tidy: build
	@bash scripts/install-deps.sh --dev
	git ls-files 'engine/*.cpp' 'repl/*.cpp' | xargs -P $(JOBS) -n 4 $$(command -v clang-tidy-14 || command -v clang-tidy) -p $(BUILD) --quiet
