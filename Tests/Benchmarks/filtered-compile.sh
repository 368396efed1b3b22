#!/usr/bin/env bash
# Times the debug compile of clients filtered to five operations, what `filter` in kiln.json saves an app
# that needs a few calls of a large spec. A benchmark, not a test: it prints numbers and the target
# (under 10 s) beside them. The generated files are compiled by swiftc as one module against the
# KilnRuntime module of this package's debug build, in Swift 6 mode (-Onone, like `swift build`).
#
# Usage: Tests/Benchmarks/filtered-compile.sh [--whole] [runs] [spec ...]   (KILN_CORPUS: the corpus folder)
#   With no spec, every corpus document over 60 KB (the ones a filter is for) is filtered to its first five
#   operations in document order, as `kiln list` prints them: by operationId, or by path where an
#   operation has none (a path brings all its methods, so such a client may hold a sixth).
#   --whole also compiles each spec's unfiltered client, for the side by side.
set -euo pipefail
cd "$(dirname "$0")/../.."
corpus="${KILN_CORPUS:-../shared/corpus}"
whole=false
if [ "${1:-}" = --whole ]; then whole=true; shift; fi
runs="${1:-3}"
[ $# -gt 0 ] && shift
specs=("$@")
if [ ${#specs[@]} -eq 0 ]; then
  if [ ! -d "$corpus" ]; then echo "skipped: $corpus is absent (set KILN_CORPUS)"; exit 0; fi
  while IFS= read -r file; do specs+=("$file"); done < <(
    find "$corpus" -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' \) -size +60k \
      -not -path '*/mermade/*' | sort)
fi
swift build --product kiln >/dev/null 2>&1
swift build --target KilnRuntime >/dev/null 2>&1
kiln=.build/debug/kiln
modules=.build/debug/Modules
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# five_operations SPEC: the filter flags for the first five operations `kiln list` prints, a word a line,
# then the number of operations they name (a path filter brings every method of its path).
five_operations() {
  "$kiln" list "$1" >"$work/list.txt" 2>/dev/null || true
  awk '
    /^operations \(/ { inside = 1; next }
    inside && !/^  / { inside = 0 }
    NR == FNR { if (inside && $1 == "-") methods[$3]++; next }
    inside && count < 5 {
      if ($1 != "-") { print "--filter-operation"; print $1; count++ }
      else if (!($3 in seen)) { seen[$3] = 1; print "--filter-path"; print $3; count += methods[$3] }
    }
    END { print count + 0 }' "$work/list.txt" "$work/list.txt"
}

# time_compile DIR: best wall time of `runs` debug compiles of DIR's Swift files.
time_compile() {
  local best="" start end seconds
  for _ in $(seq "$runs"); do
    rm -rf "$work/obj"; mkdir -p "$work/obj"
    start=$(date +%s%N)
    (cd "$work/obj" && swiftc -swift-version 6 -Onone -g -parse-as-library -module-name Generated \
      -I "$OLDPWD/$modules" -emit-module -c "$1"/*.swift >/dev/null)
    end=$(date +%s%N)
    seconds=$(awk -v ns=$((end - start)) 'BEGIN { printf "%.1f", ns / 1e9 }')
    if [ -z "$best" ] || awk -v a="$seconds" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$seconds; fi
  done
  echo "$best"
}

printf '%-44s %-8s %10s %8s %14s\n' spec client operations lines "debug compile"
slowest=0; slowest_spec=""
for spec in "${specs[@]}"; do
  name=$(basename "$spec"); name="${name%.*}"
  filter=()
  while IFS= read -r word; do filter+=("$word"); done < <(five_operations "$spec")
  operations=${filter[${#filter[@]}-1]}
  unset 'filter[${#filter[@]}-1]'
  variants=(filtered)
  if $whole; then variants+=(whole); fi
  for variant in "${variants[@]}"; do
    out="$work/$variant"; rm -rf "$out"
    if [ "$variant" = filtered ]; then
      "$kiln" generate "$spec" -o "$out" --quiet "${filter[@]}"
      count=$operations
    else
      "$kiln" generate "$spec" -o "$out" --quiet
      count=all
    fi
    lines=$(cat "$out"/*.swift | wc -l)
    seconds=$(time_compile "$out")
    printf '%-44s %-8s %10s %8s %13ss\n' "$name" "$variant" "$count" "$lines" "$seconds"
    if [ "$variant" = filtered ] && awk -v a="$seconds" -v b="$slowest" 'BEGIN { exit !(a > b) }'; then
      slowest=$seconds; slowest_spec=$name
    fi
  done
done
echo "slowest filtered client: $slowest_spec, ${slowest} s (target: under 10 s)"
