#!/usr/bin/env bash
# Kiln against apple/swift-openapi-generator (SOG) 1.14.3, side by side on corpus documents:
# generation wall time and peak memory, debug compile time of the generated code, its size and its
# warnings. Prints both columns, the ratio SOG/Kiln, and PASS/FAIL against Kiln's targets for each
# spec, then one table with every spec side by side.
#
# Usage: Tests/Benchmarks/compare-sog.sh [spec ...]
#   spec                   paths relative to the corpus (default twilio/twilio_conversations_v1.yaml
#                          and twilio/twilio_api_v2010.yaml)
#   KILN_CORPUS            corpus folder, relative to the repo root (default ../shared/corpus)
#   KILN_BENCH_DIR         work folder: SOG's clone and build, outputs, throwaway packages (default /tmp/kiln-bench)
#   KILN_BENCH_RUNS        generation runs; the best wall time counts (default 3)
#   KILN_BENCH_COMPILE_RUNS  timed debug compiles of each output; the best counts (default 3)
#
# A benchmark, not a test: run it alone, the machine has 2 cores. The first run builds SOG in release
# (several minutes) and the throwaway packages' dependencies; later runs reuse both from KILN_BENCH_DIR.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo_root=$(pwd)

corpus="${KILN_CORPUS:-../shared/corpus}"
if [ ! -d "$corpus" ]; then
  echo "skipped: $corpus is absent (set KILN_CORPUS)"; exit 0
fi
if [ $# -eq 0 ]; then set -- twilio/twilio_conversations_v1.yaml twilio/twilio_api_v2010.yaml; fi
for spec_rel in "$@"; do
  if [ ! -f "$corpus/$spec_rel" ]; then
    echo "error: no such spec: $corpus/$spec_rel" >&2; exit 1
  fi
done
corpus_abs=$(cd "$corpus" && pwd)
runs="${KILN_BENCH_RUNS:-3}"
compile_runs="${KILN_BENCH_COMPILE_RUNS:-3}"
work="${KILN_BENCH_DIR:-/tmp/kiln-bench}"
mkdir -p "$work/logs"
work=$(cd "$work" && pwd)
logs="$work/logs"

sog_version=1.14.3
runtime_version=1.13.4    # apple/swift-openapi-runtime, what SOG's generated code imports
urlsession_version=1.4.0  # apple/swift-openapi-urlsession, only if the generated code imports it

note() { echo "== $*" >&2; }

# Runs "$@" quietly into log $1; on failure prints the log's tail and returns the exit status.
run_logged() {
  local log=$1; shift
  local status=0
  "$@" >"$log" 2>&1 || status=$?
  if [ "$status" -ne 0 ]; then
    echo "error: '$*' failed ($status); tail of $log:" >&2
    tail -n 30 "$log" >&2
    return "$status"
  fi
}

# ---------------------------------------------------------------------------------------------------
# 1. The two generators, release builds.

sog_src="$work/swift-openapi-generator"
sog="$sog_src/.build/release/swift-openapi-generator"
if [ -x "$sog" ]; then
  note "reusing SOG $sog_version at $sog"
else
  if [ ! -d "$sog_src" ]; then
    note "cloning SOG $sog_version"
    run_logged "$logs/sog-clone.log" \
      git clone --quiet --branch "$sog_version" /opt/swift-packages/apple/swift-openapi-generator.git "$sog_src"
  fi
  note "building SOG $sog_version in release (takes minutes; log: $logs/sog-build.log)"
  run_logged "$logs/sog-build.log" \
    swift build -c release --package-path "$sog_src" --product swift-openapi-generator
fi

note "building kiln in release"
run_logged "$logs/kiln-build.log" swift build -c release --product kiln
kiln="$repo_root/.build/release/kiln"

kiln_available=yes
if ! "$kiln" generate --help >/dev/null 2>&1; then
  kiln_available=no
fi

# ---------------------------------------------------------------------------------------------------
# 2. Generation: best wall time of $runs runs and the peak resident memory (the largest of the runs).

stats="$work/time.out"

# time_generation NAME OUTDIR COMMAND...: sets gen_seconds and gen_kib. The command's own output goes
# to a log, GNU time's to its own file (-o), so they can't mix. Wall time is taken with date, in ms.
time_generation() {
  local name=$1 out=$2; shift 2
  local best="" peak=0 start end seconds kib
  for i in $(seq "$runs"); do
    rm -rf "$out"; mkdir -p "$out"
    start=$(date +%s%N)
    if ! /usr/bin/time -o "$stats" -f '%M' "$@" >"$logs/$name-generate.log" 2>&1; then
      echo "error: $name generate failed; tail of $logs/$name-generate.log:" >&2
      tail -n 20 "$logs/$name-generate.log" >&2
      return 1
    fi
    end=$(date +%s%N)
    seconds=$(awk -v ns=$((end - start)) 'BEGIN { printf "%.3f", ns / 1e9 }')
    kib=$(tail -n 1 "$stats")
    note "$name generate run $i: ${seconds} s, $((kib / 1024)) MB"
    if [ -z "$best" ] || awk -v a="$seconds" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$seconds; fi
    [ "$kib" -gt "$peak" ] && peak=$kib
  done
  gen_seconds=$best
  gen_kib=$peak
}

# Lines of all generated Swift files under a folder.
count_lines() { find "$1" -name '*.swift' -type f -exec cat {} + | wc -l; }

# ---------------------------------------------------------------------------------------------------
# 3. Compile: the generated sources as the one library target "Generated" of a throwaway package,
#    debug build, swift-tools-version 6.0 (Swift 6 language mode).
#
# Method, so that only the generated code's compile is timed: a first `swift build` builds everything
# (the dependencies and the generated target); then the "Generated" module's build products (objects,
# dependency records, swiftmodule; not the output file map SwiftPM wrote when it planned the build) are
# deleted and the next `swift build` is timed (best of KILN_BENCH_COMPILE_RUNS). It recompiles that module
# alone from scratch, without planning anew (which would also compile Kiln's plugins), so its time is the
# generated code's full debug compile and SwiftPM's check that the rest is up to date (under a second, the
# same for both generators). Touching the sources is not enough: the driver then skips work it can reuse
# (SOG's api_v2010 took 63 s touched and 95 s from scratch). The warnings are counted from the timed
# build's output: unique lines with "warning:" that name a generated file.

# write_package DIR DEPENDENCIES PRODUCTS: a Package.swift with a library target at Sources/Generated.
write_package() {
  local dir=$1 deps=$2 products=$3
  mkdir -p "$dir"
  cat >"$dir/Package.swift" <<EOF
// swift-tools-version: 6.0
// Written by Tests/Benchmarks/compare-sog.sh: builds generated code, nothing else.
import PackageDescription

let package = Package(
    name: "Bench",
    platforms: [.macOS(.v13), .iOS(.v16), .tvOS(.v16), .watchOS(.v9)],
    dependencies: [
$deps
    ],
    targets: [
        .target(
            name: "Generated",
            dependencies: [
$products
            ]
        )
    ]
)
EOF
}

# time_compile NAME DIR GENERATED_OUT: copies the sources in, sets compile_seconds and compile_warnings
# (or returns 1 when the build fails).
time_compile() {
  local name=$1 dir=$2 generated=$3 start end
  # Unchanged sources stay as they are, so a rerun's first build has nothing to do.
  if ! diff -rq "$generated" "$dir/Sources/Generated" >/dev/null 2>&1; then
    rm -rf "$dir/Sources/Generated"; mkdir -p "$dir/Sources/Generated"
    cp -R "$generated"/. "$dir/Sources/Generated/"
  fi
  note "$name compile: first build (dependencies; log: $logs/$name-compile-first.log)"
  if ! swift build --package-path "$dir" >"$logs/$name-compile-first.log" 2>&1; then
    echo "error: $name's package (generated code and its runtime) does not build; first errors:" >&2
    grep -m 10 -E '^/[^ ]+:[0-9]+:[0-9]+: error:' "$logs/$name-compile-first.log" >&2 ||
      tail -n 20 "$logs/$name-compile-first.log" >&2
    return 1
  fi
  # Debug compiles on this 2-core machine vary by a few seconds run to run: the best of several counts,
  # for both generators alike.
  local run seconds best=""
  for run in $(seq 1 "$compile_runs"); do
    find "$dir/.build/debug/Generated.build" -mindepth 1 -maxdepth 1 ! -name output-file-map.json ! -name sources \
      -exec rm -rf {} +
    rm -rf "$dir"/.build/debug/Modules/Generated.*
    start=$(date +%s%N)
    swift build --package-path "$dir" >"$logs/$name-compile.log" 2>&1 || return 1
    end=$(date +%s%N)
    seconds=$(awk -v ns=$((end - start)) 'BEGIN { printf "%.1f", ns / 1e9 }')
    note "$name compile run $run: $seconds s"
    if [ -z "$best" ] || awk -v a="$seconds" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$seconds; fi
  done
  compile_seconds=$best
  compile_warnings=$(grep -E "^$dir/Sources/Generated/[^:]*:[0-9]+:[0-9]+: warning:" "$logs/$name-compile.log" \
    | sort -u | wc -l)
  note "$name compile: ${compile_seconds} s, $compile_warnings warnings"
}

# SOG's output: openapi-runtime always; http-types and openapi-urlsession only if the code imports them.
imports() {
  grep -hoE '^(@[^ ]+ )*((public|package|internal) )?import [A-Za-z_]+' "$1"/*.swift | awk '{ print $NF }' | sort -u
}
# ---------------------------------------------------------------------------------------------------
# 4. The table. Targets (the developers' guide): generation >= 30x faster, peak memory <= a third,
#    debug compile of the generated code >= 5x faster.

# compare SOG KILN TARGET: prints "RATIO<TAB>PASS|FAIL" for SOG/KILN against a minimum ratio.
compare() {
  awk -v a="$1" -v b="$2" -v t="$3" \
    'BEGIN { if (b > 0) printf "%.1fx\t%s\n", a / b, (a / b >= t ? "PASS" : "FAIL"); else print "-\tFAIL" }'
}
# row LABEL SOG KILN [RATIO [VERDICT]]
row() { printf '%-18s %12s %12s %10s   %s\n' "$1" "$2" "$3" "${4:-}" "${5:-}"; }
# judged_row LABEL SOG_TEXT KILN_TEXT SOG_NUMBER KILN_NUMBER MIN_RATIO
judged_row() {
  local ratio verdict
  IFS=$'\t' read -r ratio verdict < <(compare "$4" "$5" "$6")
  row "$1" "$2" "$3" "$ratio" "$verdict (target >= ${6}x)"
}

# ---------------------------------------------------------------------------------------------------
# Per spec: generation, compile and the spec's own table.

summary_specs=() summary_gen=() summary_mb=() summary_compile=() summary_lines=() summary_warn=()

bench_spec() {
  local spec_rel=$1
  spec="$corpus_abs/$spec_rel"
  spec_name=$(basename "$spec_rel" | sed 's/\.[^.]*$//')
  summary_specs+=("$spec_name")
  kiln_gen_seconds="" kiln_gen_kib=0 kiln_compile_seconds="" sog_compile_seconds=""
  sog_out="$work/out-sog-$spec_name"
  note "generating with SOG ($runs runs)"
  # No config file: the command line carries everything (modes, access modifier); the rest is SOG's defaults.
  time_generation sog "$sog_out" \
    "$sog" generate "$spec" --mode types --mode client --access-modifier public --output-directory "$sog_out"
  sog_gen_seconds=$gen_seconds sog_gen_kib=$gen_kib

  kiln_out="$work/out-kiln-$spec_name"
  kiln_generated=no
  if [ "$kiln_available" = yes ]; then
    note "generating with kiln ($runs runs)"
    if time_generation kiln "$kiln_out" "$kiln" generate "$spec" --output "$kiln_out"; then
      kiln_gen_seconds=$gen_seconds kiln_gen_kib=$gen_kib
      kiln_generated=yes
    fi
  fi

  sog_deps="        .package(url: \"https://github.com/apple/swift-openapi-runtime\", exact: \"$runtime_version\"),"
  sog_products="                .product(name: \"OpenAPIRuntime\", package: \"swift-openapi-runtime\"),"
  sog_imports=$(imports "$sog_out")
  if grep -qx HTTPTypes <<<"$sog_imports"; then
    # swift-http-types comes with the runtime anyway; naming it makes the import legitimate.
    sog_deps+=$'\n'"        .package(url: \"https://github.com/apple/swift-http-types\", from: \"1.0.0\"),"
    sog_products+=$'\n'"                .product(name: \"HTTPTypes\", package: \"swift-http-types\"),"
  fi
  if grep -qx OpenAPIURLSession <<<"$sog_imports"; then
    sog_deps+=$'\n'"        .package(url: \"https://github.com/apple/swift-openapi-urlsession\", exact: \"$urlsession_version\"),"
    sog_products+=$'\n'"                .product(name: \"OpenAPIURLSession\", package: \"swift-openapi-urlsession\"),"
  fi
  write_package "$work/compile-sog" "$sog_deps" "$sog_products"
  sog_compiled=no
  if time_compile sog "$work/compile-sog" "$sog_out"; then
    sog_compile_seconds=$compile_seconds sog_compile_warnings=$compile_warnings sog_compiled=yes
  fi

  kiln_compiled=no
  if [ "$kiln_generated" = yes ]; then
    # A path dependency's package identity is its folder's name.
    write_package "$work/compile-kiln" \
      "        .package(path: \"$repo_root\")," \
      "                .product(name: \"KilnRuntime\", package: \"$(basename "$repo_root")\"),"
    if time_compile kiln "$work/compile-kiln" "$kiln_out"; then
      kiln_compile_seconds=$compile_seconds kiln_compile_warnings=$compile_warnings kiln_compiled=yes
    fi
  fi

  echo
  echo "spec: $(basename "$spec") ($(( $(stat -c %s "$spec") / 1024 )) KB)"
  if [ "$kiln_available" = no ]; then echo "kiln generate not available yet: Kiln's column is empty"; fi
  if [ "$kiln_available" = yes ] && [ "$kiln_generated" = no ]; then
    echo "kiln generate failed: see $logs/kiln-generate.log"
  fi
  printf '%-18s %12s %12s   %s\n' "" "SOG $sog_version" "Kiln" "ratio (SOG/Kiln)"

  sog_time=$(printf '%.2f s' "$sog_gen_seconds") sog_mb=$((sog_gen_kib / 1024))
  if [ "$kiln_generated" = yes ]; then
    judged_row "generate time" "$sog_time" "$(printf '%.2f s' "$kiln_gen_seconds")" \
      "$sog_gen_seconds" "$kiln_gen_seconds" 30
    judged_row "generate peak MB" "$sog_mb" "$((kiln_gen_kib / 1024))" "$sog_gen_kib" "$kiln_gen_kib" 3
  else
    row "generate time" "$sog_time" "-"
    row "generate peak MB" "$sog_mb" "-"
  fi

  sog_compile="FAILED" sog_warn="-"
  if [ "$sog_compiled" = yes ]; then sog_compile="$sog_compile_seconds s" sog_warn=$sog_compile_warnings; fi
  if [ "$sog_compiled" = yes ] && [ "$kiln_compiled" = yes ]; then
    judged_row "compile (debug)" "$sog_compile" "$kiln_compile_seconds s" \
      "$sog_compile_seconds" "$kiln_compile_seconds" 5
  elif [ "$kiln_generated" = yes ] && [ "$kiln_compiled" = no ]; then
    row "compile (debug)" "$sog_compile" "FAILED" "" "FAIL (see $logs/kiln-compile-first.log)"
  else
    row "compile (debug)" "$sog_compile" "-"
  fi

  kiln_lines="-" kiln_warn="-"
  if [ "$kiln_generated" = yes ]; then kiln_lines=$(count_lines "$kiln_out"); fi
  if [ "$kiln_compiled" = yes ]; then kiln_warn=$kiln_compile_warnings; fi
  row "generated lines" "$(count_lines "$sog_out")" "$kiln_lines"
  row "compile warnings" "$sog_warn" "$kiln_warn"

  # For the side-by-side table at the end.
  summary_gen+=("$(printf '%.2f s' "$sog_gen_seconds")|${kiln_gen_seconds:+$(printf '%.2f s' "$kiln_gen_seconds")}|$sog_gen_seconds|${kiln_gen_seconds:-0}")
  summary_mb+=("$((sog_gen_kib / 1024))|$((kiln_gen_kib / 1024))|$sog_gen_kib|$kiln_gen_kib")
  summary_compile+=("${sog_compile_seconds:+$sog_compile_seconds s}|${kiln_compile_seconds:+$kiln_compile_seconds s}|${sog_compile_seconds:-0}|${kiln_compile_seconds:-0}")
  summary_lines+=("$(count_lines "$sog_out")|$kiln_lines||")
  summary_warn+=("$sog_warn|$kiln_warn||")
}

for spec_rel in "$@"; do bench_spec "$spec_rel"; done

# ---------------------------------------------------------------------------------------------------
# 5. Every spec side by side: SOG, Kiln and the ratio SOG/Kiln per spec.

# summary_row LABEL ENTRIES...: each entry "SOG_TEXT|KILN_TEXT|SOG_NUMBER|KILN_NUMBER" (numbers empty: no ratio).
summary_row() {
  local label=$1 entry sog_text kiln_text sog_number kiln_number ratio
  shift
  printf '%-18s' "$label"
  for entry in "$@"; do
    IFS='|' read -r sog_text kiln_text sog_number kiln_number <<<"$entry"
    ratio=""
    if [ -n "$sog_number" ] && awk -v a="$sog_number" -v b="$kiln_number" 'BEGIN { exit !(a > 0 && b > 0) }'; then
      ratio=$(awk -v a="$sog_number" -v b="$kiln_number" 'BEGIN { printf "%.1fx", a / b }')
    fi
    printf ' | %11s %11s %7s' "${sog_text:--}" "${kiln_text:--}" "$ratio"
  done
  echo
}
if [ ${#summary_specs[@]} -gt 1 ]; then
  echo
  echo "side by side (SOG $sog_version, Kiln, ratio SOG/Kiln)"
  printf '%-18s' ""
  for name in "${summary_specs[@]}"; do printf ' | %-31s' "$name"; done
  echo
  summary_row "generate time" "${summary_gen[@]}"
  summary_row "generate peak MB" "${summary_mb[@]}"
  summary_row "compile (debug)" "${summary_compile[@]}"
  summary_row "generated lines" "${summary_lines[@]}"
  summary_row "compile warnings" "${summary_warn[@]}"
fi
