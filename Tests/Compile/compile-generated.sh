#!/usr/bin/env bash
# Compile proof: generates Swift for real-world specs and builds it in Swift 6 language mode with
# warnings as errors, against this repo's KilnRuntime. Run by .ci/run.
# Usage: Tests/Compile/compile-generated.sh [spec ...]
#   Without arguments: the generator's fixtures and every corpus document that ../shared/corpus/README.md
#   says must compile (oai, sog, twilio, readme, and the OpenAPI 3.x documents of mermade/*/pass), plus
#   mermade's attacks that load, each with its `--mode server` and `--mode mocks` modules (see companions_proof). Documents listed in Tests/Corpus/known-gaps.tsv with rule `compiles` are
#   left out and printed. In CI (CI=true) the corpus is mandatory.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
corpus="${KILN_CORPUS:-$root/../shared/corpus}"
gaps="$root/Tests/Corpus/known-gaps.tsv"
work="$root/.build-compile"

swift build --package-path "$root" --product kiln >/dev/null
kiln="$root/.build/debug/kiln"

# A corpus document's rule for this proof: must (generate and compile), may (compile if it generates), skip.
# The same folders as CorpusRule.of in Tests/KilnOpenAPITests/CorpusRules.swift: CorpusRuleAgreementTests
# runs this function on every document and fails when the two disagree.
corpus_rule() {
  case "$1" in
    mermade/*/fail/*|mermade/3.0/partial/*|mermade/3.0/resources/*) echo skip ;;
    mermade/*/malicious/*|mermade/*/yamlbomb.yaml) echo may ;;
    mermade/3.0/pass/fiendish/ref-encoding3.yaml) echo may ;;
    mermade/*)
      if head -c 4096 "$corpus/$1" | grep -Eq '(^|[{[:space:]])"?openapi"?[[:space:]]*:[[:space:]]*["'"'"']?3\.'; then echo must; else echo skip; fi ;;
    *) echo must ;;
  esac
}

# Which documents also get their `--mode server` and `--mode mocks` modules compiled: all but the twilio folder,
# where one document stands for the other 54 (their 2,000 operations would add minutes to CI for the same code
# shapes), and mermade's passing documents, the validator's small synthetic cases (their clients compile; two more
# modules each for the same shapes as readme's and oai's real documents would add about two minutes to CI).
companions_proof() {
  case "$1" in
    twilio/twilio_conversations_v1.yaml) return 0 ;;
    twilio/*|mermade/*/pass/*) return 1 ;;
    *) return 0 ;;
  esac
}

# add_companion MODE SUFFIX EXTRA_DEPENDENCIES: generates the current document's `--mode MODE` module, which
# imports its client module, and adds it to the package (uses spec, name, relative and targets).
add_companion() {
  local mode=$1 module="${name}_$2" extra=$3
  if ! "$kiln" generate "$spec" --mode "$mode" --client-module "$name" --output "$work/Sources/$module" --quiet \
    >"$work/generate.log" 2>&1; then
    cat "$work/generate.log"; echo "error: kiln generate --mode $mode failed for $relative"; exit 1
  fi
  rm -f "$work/Sources/$module/.kiln-generated"
  targets+="        .target(name: \"$module\", dependencies: [\"$name\", .product(name: \"KilnRuntime\", package: \"kiln\")$extra]),"$'\n'
}

specs=("$@")
rules=()
for spec in "${specs[@]}"; do rules+=(must); done
if [ ${#specs[@]} -eq 0 ]; then
  # The generator's reference fixtures, the loader's multi-file and 3.2 fixtures, and one spec per class of
  # generated code that once failed to compile (Tests/Compile/Fixtures).
  for fixture in "$root"/Tests/KilnGeneratorTests/Fixtures/*/spec.yaml "$root"/Tests/Compile/Fixtures/*.yaml \
    "$root"/Tests/KilnOpenAPITests/Fixtures/multifile/spec.yaml \
    "$root"/Tests/KilnOpenAPITests/Fixtures/multifile/maps/spec.yaml "$root"/Tests/KilnOpenAPITests/Fixtures/valid/openapi-3.2.yaml; do
    specs+=("$fixture"); rules+=(must)
  done
  if [ -d "$corpus" ]; then
    while IFS= read -r relative; do
      rule=$(corpus_rule "$relative")
      [ "$rule" = skip ] && continue
      if reason=$(awk -F'\t' -v p="$relative" '$1 == "compiles" && $2 == p { print $3; found = 1 } END { exit !found }' "$gaps"); then
        echo "known gap [compiles] $relative: $reason"
        continue
      fi
      specs+=("$corpus/$relative"); rules+=("$rule")
    done < <(cd "$corpus" && find . -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' \) | sed 's|^\./||' | sort)
  elif [ "${CI:-}" = true ]; then
    echo "error: $corpus is absent; CI must compile the corpus"; exit 1
  else
    echo "note: $corpus is absent (set KILN_CORPUS); compiling the generator's fixtures only"
  fi
fi

rm -rf "$work/Sources" "$work/stats" "$work/rows.tsv"
mkdir -p "$work/Sources" "$work/stats"
targets=""
modules=0
corpus_modules=0
server_modules=0
mock_modules=0
for i in "${!specs[@]}"; do
  spec="${specs[$i]}"
  relative="${spec#"$corpus/"}"
  name="Gen_$(printf '%s' "$relative" | sed "s|^$root/||" | tr -c 'A-Za-z0-9' '_')"
  generate_start=$(date +%s.%N)
  if ! "$kiln" generate "$spec" --output "$work/Sources/$name" --quiet >"$work/generate.log" 2>&1; then
    if [ "${rules[$i]}" = must ]; then
      cat "$work/generate.log"; echo "error: kiln generate failed for $relative"; exit 1
    fi
    rm -rf "$work/Sources/$name"
    continue
  fi
  generate_end=$(date +%s.%N)
  rm -f "$work/Sources/$name/.kiln-generated"
  operations=$(cat "$work/Sources/$name"/*.swift | grep -c 'HTTPRequest(method:' || true)
  types=$(cat "$work/Sources/$name"/Part*.swift | grep -cE '^(public |package |internal )?(indirect )?(struct|enum|typealias) ' || true)
  lines=$(cat "$work/Sources/$name"/*.swift | wc -l)
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$relative" "$operations" "$types" "$lines" \
    "$(awk -v s="$generate_start" -v e="$generate_end" 'BEGIN { printf "%.3f", e - s }')" >>"$work/rows.tsv"
  targets+="        .target(name: \"$name\", dependencies: [.product(name: \"KilnRuntime\", package: \"kiln\")]),"$'\n'
  modules=$((modules + 1))
  if companions_proof "$relative"; then
    add_companion server Server ', .product(name: "KilnServer", package: "kiln")'
    add_companion mocks Mocks ''
    server_modules=$((server_modules + 1))
    mock_modules=$((mock_modules + 1))
  fi
  [ "$spec" != "$relative" ] && corpus_modules=$((corpus_modules + 1))
done
cat > "$work/Package.swift" <<EOP
// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "GeneratedCompileCheck",
    platforms: [.macOS(.v13), .iOS(.v16)],
    dependencies: [.package(name: "kiln", path: "$root")],
    targets: [
$targets    ]
)
EOP
# KILN_GENERATE_ONLY=1 stops here, for a developer who typechecks the modules one by one.
if [ "${KILN_GENERATE_ONLY:-}" = 1 ]; then echo "generated $modules modules in $work/Sources"; exit 0; fi
# Dependencies first, so the timing below is the generated code's alone.
swift build --package-path "$work" --target KilnServer -Xswiftc -warnings-as-errors >/dev/null
start=$(date +%s.%N)
if ! swift build --package-path "$work" -Xswiftc -warnings-as-errors -Xswiftc -stats-output-dir -Xswiftc "$work/stats" \
  >"$work/build.log" 2>&1; then
  grep -E "error:|warning:" "$work/build.log" | sort -u | head -60
  echo "error: generated code did not compile cleanly (full log: $work/build.log)"
  exit 1
fi
end=$(date +%s.%N)
# The corpus has more than 160 documents that must compile; fewer means the selection above lost some.
if [ $# -eq 0 ] && [ -d "$corpus" ] && [ "$corpus_modules" -lt 160 ]; then
  echo "error: only $corpus_modules corpus documents were compiled; expected at least 160"; exit 1
fi
python3 "$root/Tests/Compile/summarize.py" "$work/rows.tsv" "$work/stats" "$work/build.log"
awk -v n="$modules" -v c="$corpus_modules" -v v="$server_modules" -v m="$mock_modules" -v s="$start" -v e="$end" \
  'BEGIN { printf "compiled %d generated client modules (%d from the corpus), %d server and %d mock modules without warnings in %.1f s\n", n, c, v, m, e - s }'
