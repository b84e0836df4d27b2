"""Run the benchmarks and print each figure with its target.

    python bench/run.py [FILTER]
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

from common import Result
from generate import ten_year_group


def main(argv: list[str]) -> int:
    selector = argv[0] if argv else ""
    modules = sorted(p.stem for p in Path(__file__).parent.glob("bench_*.py") if selector in p.stem)
    group = ten_year_group()
    results: list[Result] = []
    for name in modules:
        print(f"== {name}")
        for result in importlib.import_module(name).run(group):
            print(result.line())
            results.append(result)
    failed = [r for r in results if r.ok is False]
    print(f"\n{len(results)} mesures, {len(failed)} hors cible")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
