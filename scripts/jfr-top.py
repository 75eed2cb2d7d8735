#!/usr/bin/env python3
"""Where a JFR recording's CPU time or allocation goes, by WeakLink method (docs/BENCHMARKS.md).

    scripts/jfr-top.py cpu|alloc RECORDING.jfr [ROWS]

cpu counts jdk.ExecutionSample events, alloc sums the weights (bytes) of jdk.ObjectAllocationSample
events; only stacks with a weaklink frame count (so JMH's and the JVM's own threads are left out).
Prints the share of the total whose stack contains each method (inclusive), the share by the first
frame and the first weaklink frame (where the time or bytes are spent), and for alloc the share by
allocated class. Needs the JDK's `jfr` tool on the PATH.
"""
import collections
import json
import subprocess
import sys


def main():
    if len(sys.argv) < 3 or sys.argv[1] not in ("cpu", "alloc"):
        sys.exit(__doc__)
    kind, recording = sys.argv[1], sys.argv[2]
    rows = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    event = "jdk.ExecutionSample" if kind == "cpu" else "jdk.ObjectAllocationSample"
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "64", "--events", event, recording],
                         check=True, capture_output=True, text=True).stdout
    events = json.loads(out)["recording"]["events"]
    inclusive, spent, classes = collections.Counter(), collections.Counter(), collections.Counter()
    total = 0
    for e in events:
        stack = e["values"].get("stackTrace")
        frames = [(f["method"]["type"]["name"].replace("/", "."), f["method"]["name"]) for f in stack["frames"]] if stack else []
        ours = [f"{t.split('.')[-1]}.{m}" for t, m in frames if t.startswith("weaklink.") and ".jmh_generated." not in t]
        if not ours:
            continue
        w = e["values"].get("weight", 1) if kind == "alloc" else 1
        total += w
        for name in set(ours):
            inclusive[name] += w
        top = frames[0][0].split(".")[-1] + "." + frames[0][1]
        spent[top if top == ours[0] else f"{top} (in {ours[0]})"] += w
        if kind == "alloc":
            classes[e["values"]["objectClass"]["name"]] += w
    unit = "samples" if kind == "cpu" else "bytes (sampled weight)"
    print(f"{total:,} {unit}")
    for title, counter in (("inclusive", inclusive), ("spent in", spent), ("class", classes)):
        if not counter:
            continue
        print(f"--- {title}")
        for name, w in counter.most_common(rows):
            print(f"{100 * w / total:5.1f} %  {name}")


if __name__ == "__main__":
    main()
