#!/usr/bin/env python3
"""Every example in the given specs must validate against its schema (JSON Schema 2020-12).

Generated contract tests replay these examples through Kiln's own decoders; this checks them with an
independent validator, so a spec cannot drift into examples that only Kiln accepts.
Usage: .ci/check-examples.py Specs/*.yaml   (exit 1 and one line per failing example)
"""
import re
import sys

import yaml
from jsonschema import Draft202012Validator


class Yaml12Loader(yaml.SafeLoader):
    """YAML 1.2 scalars, as Kiln reads them: only true/false are booleans, dates stay strings."""


Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Yaml12Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def escape(key):
    return str(key).replace("~", "~0").replace("/", "~1")


def check_spec(path):
    with open(path, encoding="utf-8") as handle:
        spec = yaml.load(handle, Loader=Yaml12Loader)
    failures = []
    checked = 0

    def resolve(node, pointer):
        """Follows a non-schema $ref (responses, parameters, examples); returns the node and its pointer."""
        while isinstance(node, dict) and isinstance(node.get("$ref"), str) and node["$ref"].startswith("#/"):
            pointer = node["$ref"][1:]
            node = spec
            for part in pointer[1:].split("/"):
                node = node[part.replace("~1", "/").replace("~0", "~")]
        return node, pointer

    def validate(schema_pointer, value, label):
        nonlocal checked
        checked += 1
        root = dict(spec)
        root["$ref"] = "#" + schema_pointer
        errors = sorted(Draft202012Validator(root).iter_errors(value), key=lambda error: list(error.absolute_path))
        if errors:
            where = "/".join(str(part) for part in errors[0].absolute_path) or "(root)"
            failures.append(f"{path}: {label}: at {where}: {errors[0].message[:300]}")

    def check_examples(owner, pointer, label):
        if "schema" not in owner:
            return
        if "example" in owner:
            validate(pointer + "/schema", owner["example"], label + " example")
        for name, entry in (owner.get("examples") or {}).items():
            entry, _ = resolve(entry, pointer + "/examples/" + escape(name))
            if isinstance(entry, dict) and "value" in entry:
                validate(pointer + "/schema", entry["value"], f"{label} example '{name}'")

    def check_content(owner, pointer, label):
        for media_type, media in (owner.get("content") or {}).items():
            check_examples(media, f"{pointer}/content/{escape(media_type)}", f"{label} {media_type}")

    for route, item in (spec.get("paths") or {}).items():
        for method, operation in item.items():
            if method not in METHODS:
                continue
            base = f"/paths/{escape(route)}/{method}"
            label = f"{method.upper()} {route}"
            for owner, owner_pointer in ((item, f"/paths/{escape(route)}"), (operation, base)):
                for index, parameter in enumerate(owner.get("parameters", [])):
                    parameter, pointer = resolve(parameter, f"{owner_pointer}/parameters/{index}")
                    check_examples(parameter, pointer, f"{label} parameter {parameter.get('name')}")
            if "requestBody" in operation:
                body, pointer = resolve(operation["requestBody"], base + "/requestBody")
                check_content(body, pointer, label + " request")
            for code, response in (operation.get("responses") or {}).items():
                response, pointer = resolve(response, f"{base}/responses/{escape(code)}")
                check_content(response, pointer, f"{label} {code}")
    return checked, failures


def main(paths):
    if not paths:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    all_failures = []
    for path in paths:
        checked, failures = check_spec(path)
        all_failures += failures
        print(f"{path}: {checked} examples, {len(failures)} invalid")
    for failure in all_failures:
        print("error: " + failure, file=sys.stderr)
    return 1 if all_failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
