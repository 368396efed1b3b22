#!/usr/bin/env bash
# Downloads and uploads 1 GiB through KilnRuntime over URLSessionTransport and AsyncHTTPClientTransport, through
# URLSession and AsyncHTTPClient alone (the "-raw" rows: what each can reach with no Kiln code in between), and
# with curl, against one loopback server (loopback-file-server.py: sendfile for GET, a reused buffer for PUT),
# and prints each run's peak RSS and throughput with the ratio to curl's and, for Kiln's rows, to the raw
# transport's. A benchmark, not a test: it judges nothing. Targets (issue 12): peak RSS under 64 MB, throughput at least 80% of curl's.
# Each row is the best of KILN_BENCH_RUNS runs (default 3; on 2 cores the server competes with the client and
# single runs vary by 2x) with the highest peak RSS of them. KILN_BENCH_MIB sets the size (default 1024),
# KILN_BENCH_SCRATCH the release build folder.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
mib="${KILN_BENCH_MIB:-1024}"
runs="${KILN_BENCH_RUNS:-3}"
scratch="${KILN_BENCH_SCRATCH:-$here/StreamBench/.build}"

echo "== building stream-bench (release)"
swift build -c release --package-path "$here/StreamBench" --scratch-path "$scratch" >/dev/null
bench="$scratch/release/stream-bench"

work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "== writing $mib MiB of random bytes"
head -c "$((mib * 1024 * 1024))" /dev/urandom >"$work/file.bin"
python3 "$here/loopback-file-server.py" "$work/file.bin" "$work/port" 1800 &
server_pid=$!
for _ in $(seq 50); do [ -s "$work/port" ] && break; sleep 0.1; done
url="http://127.0.0.1:$(cat "$work/port")"

# run NAME COMMAND...: the shortest wall clock (process start included) as MiB/s and the highest peak RSS (MB)
# of $runs runs, from /usr/bin/time. A run that fails prints FAILED with its error's first line, and the others
# still run; the script then exits 1.
declare -A rate
failures=0
run() {
  local name="$1"; shift
  local best="" peak=0 kb seconds
  for _ in $(seq "$runs"); do
    if ! /usr/bin/time -f "%M %e" -o "$work/time" "$@" >"$work/out" 2>"$work/err"; then
      printf "%-26s FAILED: %s\n" "$name" "$(grep -m1 -E 'error|Error' "$work/err" || head -n1 "$work/err")"
      failures=$((failures + 1))
      return 1
    fi
    read -r kb seconds <"$work/time"
    [ "$kb" -gt "$peak" ] && peak="$kb"
    if [ -z "$best" ] || python3 -c "import sys; sys.exit(0 if $seconds < $best else 1)"; then best="$seconds"; fi
  done
  rate[$name]=$(python3 -c "print(f'{$mib / max($best, 0.001):.0f}')")
  local base="${name#* }"
  local ratio=""
  local tool="${name%% *}"
  if [ "$tool" != "curl" ] && [ -n "${rate[curl $base]:-}" ]; then
    ratio=$(python3 -c "print(f'{100 * ${rate[$name]} / ${rate[curl $base]}:.0f}% of curl')")
  fi
  if [ -n "${rate[$tool-raw $base]:-}" ]; then
    ratio="$ratio, $(python3 -c "print(f'{100 * ${rate[$name]} / ${rate[$tool-raw $base]}:.0f}% of raw')")"
  fi
  printf "%-26s peak RSS %6.1f MB   %6s MiB/s   %s\n" "$name" "$(python3 -c "print($peak / 1000)")" "${rate[$name]}" "$ratio"
}

# Warm the page cache so every run reads the file from memory alike.
cat "$work/file.bin" >/dev/null
echo "== $mib MiB over $url, best of $runs runs each"
for direction in download upload; do
  if [ "$direction" = download ]; then
    run "curl $direction" curl -sS -o /dev/null "$url/file"
  else
    run "curl $direction" curl -sS -o /dev/null -T "$work/file.bin" "$url/upload"
  fi
  for transport in urlsession-raw urlsession ahc-raw ahc; do
    run "$transport $direction" "$bench" "$transport" "$direction" "$url" "$work/file.bin" || continue
    grep -q "bytes=$((mib * 1024 * 1024)) " "$work/out" || { echo "error: $transport $direction moved $(cat "$work/out")"; exit 1; }
  done
done
[ "$failures" -eq 0 ]
