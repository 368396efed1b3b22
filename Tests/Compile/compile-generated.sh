#!/usr/bin/env bash
# Compile proof: generates Swift for real-world specs and builds it in Swift 6 language mode with
# warnings as errors, against this repo's KilnRuntime. Run by .ci/run; prints the compile time.
# Usage: Tests/Compile/compile-generated.sh [spec ...]   (default: every document in the corpus and the
# generator's fixtures; Specs/ are compiled by `swift build` through the plugin)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
corpus="${KILN_CORPUS:-$root/../shared/corpus}"
work="$root/.build-compile"

specs=("$@")
if [ ${#specs[@]} -eq 0 ]; then
  # The generator's reference fixtures are in the repo; the corpus may not be.
  specs=("$root"/Tests/KilnGeneratorTests/Fixtures/*/spec.yaml)
  if [ -d "$corpus" ]; then
    # Every corpus document (66, including Twilio's 1.5 MB api_v2010): about two minutes here.
    while IFS= read -r document; do specs+=("$document"); done < <(find "$corpus" -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' \) | sort)
  else
    echo "note: $corpus is absent (set KILN_CORPUS); compiling the generator's fixtures only"
  fi
fi

swift build --package-path "$root" --product kiln >/dev/null
kiln="$root/.build/debug/kiln"

rm -rf "$work/Sources"
mkdir -p "$work/Sources"
targets=""
for spec in "${specs[@]}"; do
  name="Gen_$(basename "$(dirname "$spec")")_$(basename "$spec" | tr -c 'A-Za-z0-9\n' '_')"
  "$kiln" generate "$spec" --output "$work/Sources/$name" --quiet
  rm -f "$work/Sources/$name/.kiln-generated"
  targets+="        .target(name: \"$name\", dependencies: [.product(name: \"KilnRuntime\", package: \"kiln\")]),"$'\n'
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
# Dependencies first, so the timing below is the generated code's alone.
swift build --package-path "$work" --target KilnRuntime -Xswiftc -warnings-as-errors >/dev/null
start=$(date +%s.%N)
if ! swift build --package-path "$work" -Xswiftc -warnings-as-errors >"$work/build.log" 2>&1; then
  grep -E "error:|warning:" "$work/build.log" | sort -u | head -60
  echo "error: generated code did not compile cleanly (full log: $work/build.log)"
  exit 1
fi
end=$(date +%s.%N)
awk -v n="${#specs[@]}" -v s="$start" -v e="$end" 'BEGIN { printf "compiled %d generated modules without warnings in %.1f s\n", n, e - s }'
