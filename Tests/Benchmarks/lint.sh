#!/usr/bin/env bash
# Times `kiln lint` (release build) on the largest corpus documents: wall time and peak memory.
# A benchmark, not a test: it prints numbers and judges nothing. Usage: Tests/Benchmarks/lint.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/../.."
corpus="${KILN_CORPUS:-../shared/corpus}"
if [ ! -d "$corpus" ]; then
  echo "skipped: $corpus is absent (set KILN_CORPUS)"; exit 0
fi
runs="${1:-5}"
swift build -c release --product kiln >/dev/null 2>&1
kiln=.build/release/kiln
stats=$(mktemp)
trap 'rm -f "$stats"' EXIT

printf '%-36s %8s %12s %12s\n' document size "best time" "peak memory"
for doc in twilio/twilio_api_v2010.yaml twilio/twilio_conversations_v1.yaml twilio/twilio_taskrouter_v1.yaml \
           twilio/twilio_flex_v1.yaml oai/v3.0/uspto.json; do
  path="$corpus/$doc"
  best=""; peak=0
  for _ in $(seq "$runs"); do
    # GNU time: %e wall seconds, %M max resident KiB.
    /usr/bin/time -o "$stats" -f '%e %M' "$kiln" lint --quiet "$path" >/dev/null 2>&1 || true
    read -r seconds kib < "$stats"
    if [ -z "$best" ] || awk "BEGIN{exit !($seconds < $best)}"; then best=$seconds; fi
    [ "$kib" -gt "$peak" ] && peak=$kib
  done
  printf '%-36s %7sK %11ss %10sMB\n' "$(basename "$doc")" "$(( $(stat -c %s "$path") / 1024 ))" "$best" "$(( peak / 1024 ))"
done
