#!/usr/bin/env bash
# The build plugin as a maintainer meets it, in a throwaway package that applies KilnBuildPlugin to a
# target with its own spec: the first build generates; builds with nothing changed do not run the generator
# (from the third build: see below); an edited spec (a new operation) regenerates on the next build and the
# new method is callable; an edited file the spec `$ref`s regenerates too; a broken spec fails the build with
# `spec.yaml:LINE:COL: error:`; a missing config is a clear error; a hand-written file named like an output is
# named, not overwritten.
# Usage: Tests/Plugin/edit-cycle.sh   (KILN_PLUGIN_CHECK_DIR: work folder, default .build-plugin-check)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="${KILN_PLUGIN_CHECK_DIR:-$root/.build-plugin-check}"
pkg="$work/Pets"
rm -rf "$pkg" && mkdir -p "$pkg/Sources/PetsClient" "$pkg/Sources/PetsApp"

cat > "$pkg/Package.swift" <<EOP
// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Pets",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "Kiln", path: "$root")],
    targets: [
        .target(
            name: "PetsClient", dependencies: [.product(name: "KilnRuntime", package: "Kiln")],
            exclude: ["kiln.json", "spec.yaml", "common.yaml"], plugins: [.plugin(name: "KilnBuildPlugin", package: "Kiln")]),
        .target(name: "PetsApp", dependencies: ["PetsClient"]),
    ]
)
EOP
echo '{"spec": "spec.yaml", "clientName": "PetsClient"}' > "$pkg/Sources/PetsClient/kiln.json"
echo '// The build plugin generates this target from spec.yaml.' > "$pkg/Sources/PetsClient/Placeholder.swift"

write_spec() {  # $1: extra path items (YAML), $2: extra schema text
  cat > "$pkg/Sources/PetsClient/spec.yaml" <<EOS
openapi: 3.1.0
info: {title: Pets, version: "1"}
servers: [{url: "https://pets.example.com"}]
paths:
  /pets:
    get:
      operationId: listPets
      tags: [pets]
      responses:
        "200":
          description: The pets.
          content: {application/json: {schema: {type: array, items: {\$ref: '#/components/schemas/Pet'}}}}
$1
components:
  schemas:
    Pet:
      type: object
      required: [name]
      properties:
        name: {type: string}
        tag: {\$ref: 'common.yaml#/Tag'}
$2
EOS
}

write_common() {  # $1: extra properties of Tag (YAML, indented 4)
  cat > "$pkg/Sources/PetsClient/common.yaml" <<EOS
Tag:
  type: object
  properties:
    label: {type: string}
$1
EOS
}

write_app() {  # $1: Swift statements using `client`
  cat > "$pkg/Sources/PetsApp/App.swift" <<EOA
import Foundation
import PetsClient

public func run(_ client: PetsClient) async throws {
    $1
}
EOA
}

build() { swift build --package-path "$pkg" --target PetsApp -Xswiftc -warnings-as-errors >"$work/build.log" 2>&1; }
# The whole log: the compiler's lines are what explains a failure.
fail() { echo "error: $*"; cat "$work/build.log"; exit 1; }

write_spec "" ""
write_common ""
write_app 'let pets = try await client.pets.list(); _ = pets.map(\.name)'
build || fail "first build of the plugin-generated client failed"
grep -q "Generating PetsClient from spec.yaml" "$work/build.log" || fail "the first build did not run the generator"
echo "plugin: first build generated PetsClient"

# SwiftPM (6.3, Linux) relinks the plugin's tool once more on the second build of a fresh package, which
# reruns the command; from then on an unchanged spec must leave the generator alone.
build || fail "second build failed"
build || fail "third build failed"
if grep -q "Generating PetsClient" "$work/build.log"; then fail "a build with nothing changed ran the generator again"; fi
echo "plugin: unchanged spec, generator not run"

write_spec '  /pets/{name}:
    get:
      operationId: getPet
      tags: [pets]
      parameters: [{name: name, in: path, required: true, schema: {type: string}}]
      responses:
        "200":
          description: One pet.
          content: {application/json: {schema: {$ref: '"'"'#/components/schemas/Pet'"'"'}}}' ""
write_app 'let pet = try await client.pets.get(name: "Rex"); _ = pet.name'
build || fail "the build after adding an operation failed"
grep -q "Generating PetsClient from spec.yaml" "$work/build.log" || fail "the edited spec did not regenerate"
echo "plugin: edited spec regenerated; the new operation is callable"
build || fail "the build after the regenerating one failed"
if grep -q "Generating PetsClient" "$work/build.log"; then fail "the generator ran again without a change"; fi

write_common '    color: {type: string}'
write_app 'let pet = try await client.pets.get(name: "Rex"); _ = pet.tag?.color'
build || fail "the build after editing the referenced common.yaml failed"
grep -q "Generating PetsClient from spec.yaml" "$work/build.log" || fail "editing a \$ref'd file did not regenerate"
echo "plugin: edited \$ref'd file (common.yaml) regenerated"

write_spec "" '    Owner:
      type: object
      properties:
        pet: {$ref: '"'"'#/components/schemas/Missing'"'"'}'
if build; then fail "a spec with a dangling \$ref built"; fi
grep -Eq "spec\.yaml:[0-9]+:[0-9]+: error: .*Missing" "$work/build.log" || fail "the build log does not locate the spec error"
echo "plugin: broken spec stops the build with $(grep -Eo "spec\.yaml:[0-9]+:[0-9]+: error" "$work/build.log" | head -1)"

echo '{"clientName": "PetsClient"}' > "$pkg/Sources/PetsClient/kiln.json"
if build; then fail "a kiln.json without a spec built"; fi
grep -Eq "kiln.json:1:1: error: names no spec|kiln.json.*names no spec" "$work/build.log" || fail "the config without a spec is not reported"
echo "plugin: kiln.json without a spec: $(grep -m1 "names no spec" "$work/build.log" | sed 's/^ *//')"

rm "$pkg/Sources/PetsClient/kiln.json"
if build; then fail "a target without kiln.json built"; fi
grep -q "error: .*has no kiln.json" "$work/build.log" || fail "the missing config is not reported"
echo "plugin: missing kiln.json: $(grep -m1 "error: .*has no kiln.json" "$work/build.log" | sed 's/^ *//')"

# A hand-written file named like an output would clash in the module: the plugin names it instead.
echo '{"spec": "spec.yaml", "clientName": "PetsClient"}' > "$pkg/Sources/PetsClient/kiln.json"
write_spec "" ""
echo 'struct Mine {}' > "$pkg/Sources/PetsClient/Client.swift"
if build; then fail "a target with its own Client.swift built"; fi
grep -q "Client.swift: kiln generates a file of this name for 'PetsClient'; rename yours" "$work/build.log" \
  || fail "the clash with the hand-written Client.swift is not reported"
echo "plugin: a hand-written Client.swift in the target is reported, not overwritten"
