"""Every figure of a `make bench` run against its goal, in one table.

Reads the JSON lines the benchmark scripts appended (common.record) to the file named by
GASCHED_BENCH_RESULTS (or the path given), prints them, and exits 1 when any figure misses
its goal or when there is no figure at all (a script that recorded nothing failed).
"""

import json
import os
import sys

from common import RESULTS_ENV


def main() -> int:
    path = sys.argv[1] if len(sys.argv) > 1 else os.environ.get(RESULTS_ENV, "")
    try:
        with open(path, encoding="utf-8") as lines:
            figures = [json.loads(line) for line in lines if line.strip()]
    except OSError as error:
        print(f"no figures: {error}")
        return 1
    if not figures:
        print(f"no figures in {path}")
        return 1
    width = max(len(figure["name"]) for figure in figures)
    header = f"{'figure':<{width}}  {'result':>12}  {'goal':>12}  verdict"
    print()
    print(header)
    print("-" * len(header))
    for figure in figures:
        result = f"{figure['figure']:.2f} {figure['unit']}"
        goal = f"{figure['goal']} {figure['unit']}"
        verdict = "PASS" if figure["ok"] else "FAIL"
        print(f"{figure['name']:<{width}}  {result:>12}  {goal:>12}  {verdict}")
    missed = [figure["name"] for figure in figures if not figure["ok"]]
    print()
    print(f"{len(figures) - len(missed)} of {len(figures)} figures meet their goal")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
