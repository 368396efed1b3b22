#!/usr/bin/env bash
# Load on the Hummingbird-hosted fake IServ (KilnHummingbird): 10,000 requests from 50 concurrent
# connections with wrk, half `GET /IServ/Core/Entity/Group` (two groups as JSON), half
# `GET /IServ/Core/Entity/Group/lehrer`. Prints requests per second, p50/p99 latency and errors (none
# expected: connect, read, write and timeout errors and statuses of 400 and above all count).
#
# Usage: Tests/Benchmarks/server-load.sh [requests] [connections]
#   KILN_LOAD_SCRATCH  build folder of Tests/Benchmarks/ServerLoad (default: its .build)
#
# A benchmark, not a test: run it alone, the machine has 2 cores and wrk's two threads share them with
# the server. The first run builds Hummingbird in release (several minutes). Traffic goes to 127.0.0.1
# only; wrk sends no more once the requests are answered and exits after 30 s, the server after 300 s at the latest.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
requests="${1:-10000}"
connections="${2:-50}"
threads=2
scratch="${KILN_LOAD_SCRATCH:-$here/ServerLoad/.build}"

if ! command -v wrk >/dev/null; then
  echo "== installing wrk (Debian)"
  apt-get install -y -qq wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
fi

echo "== building ServerLoad (release)"
build_log=$(mktemp)
swift build -c release --package-path "$here/ServerLoad" --scratch-path "$scratch" --product ServerLoad >"$build_log" 2>&1 ||
  { grep -v "distributed-tracing\|CMakeLists" "$build_log"; echo "error: ServerLoad did not build"; exit 1; }
rm -f "$build_log"
binary="$scratch/release/ServerLoad"

work=$(mktemp -d)
"$binary" 300 >"$work/server.out" 2>"$work/server.err" &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 100); do
  url=$(grep -m1 '^http://127.0.0.1:' "$work/server.out" || true)
  [ -n "$url" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.err"; echo "error: ServerLoad exited"; exit 1; }
  sleep 0.1
done
[ -n "$url" ] || { echo "error: ServerLoad printed no URL"; exit 1; }

# Each thread stops after its share of responses. wrk itself waits out -d and has no finer clock than
# seconds, so the threads stamp their first request and last response with /proc/uptime (10 ms), and
# done() divides by that span.
cat >"$work/load.lua" <<LUA
local paths = { "/IServ/Core/Entity/Group", "/IServ/Core/Entity/Group/lehrer" }
local share = math.ceil($requests / $threads)
local threads = {}
local sent, answered = 0, 0
local function uptime()
  local file = io.open("/proc/uptime")
  local seconds = file:read("*n")
  file:close()
  return seconds
end
setup = function(thread) table.insert(threads, thread) end
request = function()
  if sent == 0 then first = uptime() end
  sent = sent + 1
  return wrk.format("GET", paths[(sent % 2) + 1])
end
response = function(status, headers, body)
  answered = answered + 1
  if answered == share then
    last = uptime()
    wrk.thread:stop()
  end
end
done = function(summary, latency, requests)
  local from, to = math.huge, 0
  for _, thread in ipairs(threads) do
    from = math.min(from, thread:get("first") or math.huge)
    to = math.max(to, thread:get("last") or 0)
  end
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.timeout + e.status
  local seconds = to - from
  io.write(string.format("requests: %d in %.2f s\n", summary.requests, seconds))
  io.write(string.format("requests/s: %.0f\n", summary.requests / seconds))
  io.write(string.format("latency p50: %.2f ms, p99: %.2f ms, max: %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("errors: %d (connect %d, read %d, write %d, timeout %d, status>=400 %d)\n",
    errors, e.connect, e.read, e.write, e.timeout, e.status))
end
LUA

echo "== wrk: $requests requests, $connections connections, $threads threads against $url"
wrk -t"$threads" -c"$connections" -d30s --timeout 5s -s "$work/load.lua" "$url" | grep -E '^(requests|latency|errors)'
