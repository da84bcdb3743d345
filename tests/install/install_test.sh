#!/usr/bin/env bash
# A clean install used as an embedder would: `cmake --install` into a temporary prefix, then the
# installed ssd without options, a separate CMake project (C++17 and C, shared and static), a C
# program through pkg-config, a Python script and an HTTP client — each must give what `ssd check`
# gives on the same records. Then the runtime alone is configured and built without ANTLR or
# CLI11, with AddressSanitizer, and the C API test runs on it.
#   install_test.sh SOURCE BUILD CASES.jsonl EDU-ORG.ssdc ALONE.ssdc
set -euo pipefail
src=$1 build=$2 cases=$3 artifact=$4 alone=$5
work=$(mktemp -d)
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
passed=0 failed=0
expect_same() {  # WHAT EXPECTED GOT
  if cmp -s "$2" "$3"; then passed=$((passed + 1)); else echo "FAIL $1"; diff "$2" "$3" | head -5; failed=$((failed + 1)); fi
}
expect() {  # WHAT COMMAND...
  local what=$1; shift
  if "$@"; then passed=$((passed + 1)); else echo "FAIL $what"; failed=$((failed + 1)); fi
}

prefix=$work/prefix
cmake --install "$build" --prefix "$prefix" >/dev/null
for f in bin/ssd include/ssd/ssd.h include/ssd/runtime.h lib/libssd.so lib/libssd.a lib/pkgconfig/ssd.pc \
         lib/cmake/ssd/ssdConfig.cmake share/ssd/standards/edu-org.ssd share/ssd/calendar/kz-calendar.tsv; do
  expect "installed: $f" test -e "$prefix/$f"
done
expect "no private header installed" test ! -e "$prefix/include/ssd/internal"
expect "libssd.so exports only ssd_ and ssd:: names" \
  bash -c "! nm -D --defined-only '$prefix/lib/libssd.so' | c++filt | awk '\$2 ~ /[TDB]/' | grep -v ' ssd_\| ssd::\|typeinfo\|vtable' | grep -q ."

# What ssd check says, from the build tree, with the standards given.
"$build/tools/ssd" check --no-cache --standards "$src/standards" "$cases" >"$work/expected.jsonl" || true
# The installed ssd finds its own standards, wherever it runs from.
(cd "$work" && env -u SSD_STANDARDS SSD_CACHE_DIR="$work/cache" "$prefix/bin/ssd" check "$cases" >"$work/installed.jsonl") || true
expect_same "the installed ssd, without options" "$work/expected.jsonl" "$work/installed.jsonl"
(cd "$work" && env -u SSD_STANDARDS "$prefix/bin/ssd" compile -o "$work/standards.ssdb" 2>/dev/null)
bundle=$work/standards.ssdb

# A separate CMake project: find_package(ssd CONFIG), C++17 and C, shared and static.
cmake -S "$src/docs/examples" -B "$work/example" -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$work/example" -j2 >/dev/null
for program in check_cpp check_c check_cpp_static; do
  "$work/example/$program" "$bundle" <"$cases" >"$work/$program.jsonl" 2>/dev/null
  expect_same "CMake project: $program" "$work/expected.jsonl" "$work/$program.jsonl"
done

# A plain C program through pkg-config.
export PKG_CONFIG_PATH=$prefix/lib/pkgconfig
# shellcheck disable=SC2046
cc -std=c89 -Wall -Wextra -Werror -o "$work/check_pc" "$src/docs/examples/check.c" $(pkg-config --cflags --libs ssd) \
   -Wl,-rpath,"$prefix/lib"
"$work/check_pc" "$bundle" <"$cases" >"$work/check_pc.jsonl"
expect_same "pkg-config: a C program" "$work/expected.jsonl" "$work/check_pc.jsonl"

# The public C++ headers are C++17.
printf '#include <ssd/runtime.h>\n#include <ssd/report.h>\n#include <ssd/ssd.h>\nint main() { return 0; }\n' >"$work/cxx17.cpp"
expect "the public headers compile as C++17" \
  c++ -std=c++17 -Wall -Wextra -Werror -pedantic $(pkg-config --cflags ssd) -fsyntax-only "$work/cxx17.cpp"

# Python, from the prefix's site-packages.
pythondir=$(find "$prefix" -type d -path '*dist-packages' | head -1)
PYTHONPATH=$pythondir /usr/bin/python3 "$src/docs/examples/check.py" "$bundle" <"$cases" >"$work/python.jsonl"
expect_same "Python: the installed module" "$work/expected.jsonl" "$work/python.jsonl"

# HTTP: the installed ssd serve on a free port.
"$prefix/bin/ssd" serve --standards "$bundle" --port 0 2>"$work/serve.log" &
server=$!
for _ in $(seq 100); do grep -q listening "$work/serve.log" && break; sleep 0.1; done
port=$(sed -n 's/.*listening on http:\/\/127.0.0.1:\([0-9]*\).*/\1/p' "$work/serve.log")
/usr/bin/python3 - "$port" "$cases" >"$work/http.jsonl" <<'PY'
import sys, urllib.request
with open(sys.argv[2], "rb") as f:
    req = urllib.request.Request("http://127.0.0.1:%s/v1/check" % sys.argv[1], data=f.read(), method="POST")
sys.stdout.write(urllib.request.urlopen(req, timeout=60).read().decode())
PY
expect_same "HTTP: POST /v1/check" "$work/expected.jsonl" "$work/http.jsonl"
kill -TERM "$server" && wait "$server"
expect "ssd serve stops on SIGTERM with 0" test $? -eq 0
server=""

# The runtime alone: no ANTLR, no CLI11; with AddressSanitizer, the C API test on it.
asan="-fsanitize=address -fno-omit-frame-pointer"
cmake -S "$src" -B "$work/runtime-only" -DSSD_RUNTIME_ONLY=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_DISABLE_FIND_PACKAGE_antlr4-runtime=ON -DCMAKE_DISABLE_FIND_PACKAGE_CLI11=ON \
  -DCMAKE_C_FLAGS="$asan" -DCMAKE_CXX_FLAGS="$asan" -DCMAKE_SHARED_LINKER_FLAGS="$asan" >/dev/null
cmake --build "$work/runtime-only" -j2 >/dev/null
expect "runtime-only: the libraries are built" test -e "$work/runtime-only/runtime/libssd.so" -a -e "$work/runtime-only/runtime/libssd.a"
# shellcheck disable=SC2086
c++ $asan -o "$work/c_api_asan" -x c "$src/tests/c/c_api_test.c" -x none -I"$src/runtime/include" -I"$src/stdlib/include" \
    "$work/runtime-only/runtime/libssd.a" $(pkg-config --libs simdjson fmt zlib)
expect "runtime-only: the C API test under AddressSanitizer" "$work/c_api_asan" "$artifact" "$alone" "$bundle"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
