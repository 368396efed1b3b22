#!/usr/bin/env bash
# Builds Tests/Downstream, a package that depends on this repository, does `import IServ` and applies
# KilnBuildPlugin to a target of its own, so CI notices when the products stop working for consumers.
# Everything is compiled; DownstreamAppTests (a fake IServ on the generated server, hosted on KilnTestServer
# and on Hummingbird through KilnHummingbird) also runs. `swift test --skip-build` runs what the one build made.
# KILN_DOWNSTREAM_SCRATCH overrides the build folder (default: Tests/Downstream/.build).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
scratch="${KILN_DOWNSTREAM_SCRATCH:-$here/.build}"
swift build --package-path "$here" --scratch-path "$scratch" -Xswiftc -warnings-as-errors --build-tests "$@"
swift test --package-path "$here" --scratch-path "$scratch" --skip-build "$@"
echo "downstream: import IServ, the exported build plugin and a fake IServ on the generated server (loopback and Hummingbird) work"
