#!/usr/bin/env bash
# Installs what is missing, then builds and runs every test: formatting, the unit and
# integration tests (warnings as errors), the same tests under ASan+UBSan, and the browser suite.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

step() { printf '\n=== %s (%ss)\n' "$1" "$SECONDS"; }

step "setup and build (warnings as errors)"
# -g1 (line tables only) instead of RelWithDebInfo's -g: the same -O2 code and warnings, ~30%
# less compile time; the ASan build below keeps full debug information for its reports.
scripts/setup.sh build -DCADRE_WERROR=ON "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g1 -DNDEBUG"

step "formatting"
git ls-files -- '*.cpp' '*.hpp' | xargs clang-format --dry-run --Werror

step "tests"
ctest --test-dir build -j "$jobs" --output-on-failure --timeout 600

step "sanitizer build (ASan + UBSan)"
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCADRE_WERROR=ON -DCADRE_SANITIZE=ON >/dev/null
cmake --build build-asan -j "$jobs"

step "tests under ASan + UBSan"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan -j "$jobs" --output-on-failure --timeout 900

if [ -x tests/browser/run.sh ]; then
  step "browser tests"
  tests/browser/run.sh build
fi
step "done"
