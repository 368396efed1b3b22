#!/usr/bin/env python3
"""Prints compile-generated.sh's closing table: one row per generated module, then the totals.

Reads the rows the script wrote while generating (module, document, operations, types, lines, generate
seconds) and the compiler's per-job statistics (-stats-output-dir), summing each module's frontend jobs.
Usage: summarize.py ROWS.tsv STATS_DIR BUILD_LOG
"""
import collections
import json
import os
import re
import sys

rows_file, stats_dir, build_log = sys.argv[1:4]
compile_seconds = collections.Counter()
for name in os.listdir(stats_dir):
    with open(os.path.join(stats_dir, name)) as handle:
        stats = json.load(handle)
    for key, value in stats.items():
        match = re.match(r"time\.swift-frontend\.(Gen_[A-Za-z0-9_]+?)-.*\.wall$", key)
        if match:
            compile_seconds[match.group(1)] += value

warnings = collections.Counter()
with open(build_log, errors="replace") as handle:
    for line in handle:
        match = re.search(r"/Sources/(Gen_[A-Za-z0-9_]+)/[^:]+:\d+:\d+: warning:", line)
        if match:
            warnings[match.group(1)] += 1

rows = [line.rstrip("\n").split("\t") for line in open(rows_file) if line.strip()]
header = ("document", "operations", "types", "lines", "generate s", "compile s", "warnings")
table = []
for module, document, operations, types, lines, generate in rows:
    table.append((document, int(operations), int(types), int(lines), float(generate),
                  compile_seconds[module], warnings[module]))
width = max(len(header[0]), *(len(row[0]) for row in table))
print(f"{header[0]:<{width}}  " + "  ".join(f"{title:>10}" for title in header[1:]))
for row in table:
    print(f"{row[0]:<{width}}  {row[1]:>10}  {row[2]:>10}  {row[3]:>10}  {row[4]:>10.2f}  {row[5]:>10.1f}  {row[6]:>10}")
totals = [sum(row[index] for row in table) for index in range(1, 7)]
print(f"{'total (' + str(len(table)) + ' documents)':<{width}}  {totals[0]:>10}  {totals[1]:>10}  {totals[2]:>10}  "
      f"{totals[3]:>10.2f}  {totals[4]:>10.1f}  {totals[5]:>10}")
