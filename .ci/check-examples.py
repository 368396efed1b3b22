#!/usr/bin/env python3
"""Every example in the given specs must validate against its schema (JSON Schema 2020-12, formats on).

Generated contract tests replay these examples through Kiln's own decoders; this checks them with an
independent validator, so a spec cannot drift into examples that only Kiln accepts. Examples of media
types and parameters are checked against their schema, and a schema's own `example`/`examples` against
that schema. Formats (date, date-time, uuid, email, uri) are asserted, not annotations: a format a spec
uses whose checker is missing (rfc3339-validator for date-time, rfc3986-validator for uri) is an error.
Usage: .ci/check-examples.py Specs/*.yaml   (exit 1 and one line per failing example)
"""
import re
import sys

import yaml
from jsonschema import Draft202012Validator

FORMAT_CHECKER = Draft202012Validator.FORMAT_CHECKER
# JSON Schema formats the specs may use; the OpenAPI-only ones (int32, int64, binary, password) are not.
JSON_SCHEMA_FORMATS = {"date", "date-time", "time", "duration", "email", "idn-email", "hostname", "idn-hostname",
                       "ipv4", "ipv6", "uri", "uri-reference", "iri", "iri-reference", "uuid", "uri-template",
                       "json-pointer", "relative-json-pointer", "regex"}
# Keywords whose value is one subschema, or a list or map of them.
SUBSCHEMA = ("items", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames",
             "unevaluatedItems", "unevaluatedProperties", "contentSchema")
SUBSCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
SUBSCHEMA_MAPS = ("properties", "patternProperties", "$defs", "dependentSchemas")


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
        validator = Draft202012Validator(root, format_checker=FORMAT_CHECKER)
        errors = sorted(validator.iter_errors(value), key=lambda error: list(error.absolute_path))
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

    def check_schema(schema, pointer, seen):
        """A schema's own example(s) against it, then every subschema's."""
        if not isinstance(schema, dict) or pointer in seen:
            return
        seen.add(pointer)
        fmt = schema.get("format")
        if fmt in JSON_SCHEMA_FORMATS and fmt not in FORMAT_CHECKER.checkers:
            failures.append(f"{path}: {pointer}: no checker for format '{fmt}' is installed (see .ci/run)")
        if "example" in schema:
            validate(pointer, schema["example"], f"schema {pointer} example")
        if isinstance(schema.get("examples"), list):
            for index, value in enumerate(schema["examples"]):
                validate(pointer, value, f"schema {pointer} examples[{index}]")
        for key in SUBSCHEMA:
            check_schema(schema.get(key), f"{pointer}/{key}", seen)
        for key in SUBSCHEMA_LISTS:
            for index, sub in enumerate(schema.get(key) or []):
                check_schema(sub, f"{pointer}/{key}/{index}", seen)
        for key in SUBSCHEMA_MAPS:
            for name, sub in (schema.get(key) or {}).items():
                check_schema(sub, f"{pointer}/{key}/{escape(name)}", seen)

    def schemas_everywhere(node, pointer):
        """Every `schema` value (parameters, media types, headers), wherever it sits in the document."""
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "schema" and isinstance(value, dict):
                    yield value, f"{pointer}/schema"
                else:
                    yield from schemas_everywhere(value, f"{pointer}/{escape(key)}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                yield from schemas_everywhere(value, f"{pointer}/{index}")

    seen = set()
    for name, schema in ((spec.get("components") or {}).get("schemas") or {}).items():
        check_schema(schema, f"/components/schemas/{escape(name)}", seen)
    for schema, pointer in schemas_everywhere(spec.get("paths") or {}, "/paths"):
        check_schema(schema, pointer, seen)
    for schema, pointer in schemas_everywhere({k: v for k, v in (spec.get("components") or {}).items() if k != "schemas"}, "/components"):
        check_schema(schema, pointer, seen)

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
