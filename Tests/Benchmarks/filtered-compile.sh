#!/usr/bin/env bash
# Times the debug compile of a client filtered to five operations of a large corpus spec, next to the
# whole spec's client: what `filter` in kiln.json saves an app. A benchmark, not a test: it prints
# numbers and judges nothing. The generated files are compiled by swiftc as one module against the
# KilnRuntime module of this package's debug build, in Swift 6 mode (-Onone, like `swift build`).
# Usage: Tests/Benchmarks/filtered-compile.sh [runs]   (KILN_CORPUS: the corpus folder)
set -euo pipefail
cd "$(dirname "$0")/../.."
corpus="${KILN_CORPUS:-../shared/corpus}"
spec="$corpus/twilio/twilio_api_v2010.yaml"
if [ ! -f "$spec" ]; then
  echo "skipped: $spec is absent (set KILN_CORPUS)"; exit 0
fi
runs="${1:-3}"
swift build --product kiln >/dev/null 2>&1
swift build --target KilnRuntime >/dev/null 2>&1
modules=.build/debug/Modules
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
filter=(--filter-operation CreateMessage --filter-operation FetchMessage --filter-operation ListMessage
        --filter-operation CreateCall --filter-operation FetchAccount)

# time_compile DIR: best wall time of `runs` debug compiles of DIR's Swift files.
time_compile() {
  local best="" start end seconds
  for _ in $(seq "$runs"); do
    rm -rf "$work/obj"; mkdir -p "$work/obj"
    start=$(date +%s%N)
    (cd "$work/obj" && swiftc -swift-version 6 -Onone -g -parse-as-library -module-name Generated -I "$OLDPWD/$modules" \
      -emit-module -c "$1"/*.swift >/dev/null)
    end=$(date +%s%N)
    seconds=$(awk -v ns=$((end - start)) 'BEGIN { printf "%.1f", ns / 1e9 }')
    if [ -z "$best" ] || awk -v a="$seconds" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$seconds; fi
  done
  echo "$best"
}

printf '%-28s %8s %14s\n' client lines "debug compile"
for variant in filtered whole; do
  out="$work/$variant"
  if [ "$variant" = filtered ]; then
    .build/debug/kiln generate "$spec" -o "$out" --quiet "${filter[@]}"
  else
    .build/debug/kiln generate "$spec" -o "$out" --quiet
  fi
  lines=$(cat "$out"/*.swift | wc -l)
  printf '%-28s %8s %13ss\n' "api_v2010 $variant" "$lines" "$(time_compile "$out")"
done
