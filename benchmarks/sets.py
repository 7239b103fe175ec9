"""Measure every evaluation set at once and compare two runs line by line.

Why: a change to the lexicon, the classifier or a passage moves single lines on sets it was not aimed
at; totals hide that. One run keeps, per line, the mode and the top passages; a comparison lists what
moved. Sealed sets (measured but never looked at) are compared as counts only: their text is not shown.

Run: .venv/bin/python benchmarks/sets.py run OUT.json [--jobs 2]
     .venv/bin/python benchmarks/sets.py compare OLD.json NEW.json [--sealed crisis_holdout99.jsonl ...]
"""

from __future__ import annotations

import argparse
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.config import Settings  # noqa: E402
from bot.core.assistant import Assistant  # noqa: E402
from bot.evaluate import evaluate, load_questions  # noqa: E402

DATA = ROOT / "tests" / "data"
SETS = ("crisis_*.jsonl", "conversations_*.jsonl", "dev.jsonl", "holdout.jsonl", "legal_*.jsonl")
_assistant: Assistant | None = None


def _measure(name: str) -> tuple[str, dict]:
    global _assistant
    if _assistant is None:
        _assistant = Assistant(Settings(knowledge_dir=ROOT / "knowledge", index_dir=ROOT / "index"))
    questions = load_questions(DATA / name)
    summary, details = evaluate(_assistant, questions)
    lines = [{"mode": d["mode"], "passages": [p["id"] for p in d["passages"][:3]], "expect": item["expect"],
              "category": item.get("category", ""), "latency_ms": d["latency_ms"]}
             for d, item in zip(details, _turns(questions))]
    return name, {"summary": summary, "lines": lines}


def _turns(questions: list[dict]) -> list[dict]:
    """The questions, or the turns of the conversations, in the order evaluate() judges them."""
    return [turn for item in questions for turn in item.get("turns", [item])]


def crisis_figures(lines: list[dict]) -> dict:
    """Recall (crisis or check-in), full crisis on plan/means/farewell, full crisis and check-ins on negatives."""
    risk = [x for x in lines if x["expect"] == "crisis"]
    acute = [x for x in lines if x["category"] in ("plan", "means", "farewell")]
    negatives = [x for x in lines if x["expect"] != "crisis"]
    return {"recall": sum(x["mode"] in ("crisis", "check_in") for x in risk), "risk": len(risk),
            "acute": sum(x["mode"] == "crisis" for x in acute), "acute_n": len(acute),
            "false_alarms": sum(x["mode"] == "crisis" for x in negatives), "check_ins": sum(
                x["mode"] == "check_in" for x in negatives), "negatives": len(negatives)}


def run(out: Path, jobs: int) -> None:
    names = sorted(p.name for pattern in SETS for p in DATA.glob(pattern))
    with ProcessPoolExecutor(jobs) as pool:
        results = dict(pool.map(_measure, names))
    out.write_text(json.dumps(results, ensure_ascii=False), encoding="utf-8")
    total = {"recall": 0, "risk": 0, "acute": 0, "acute_n": 0, "false_alarms": 0, "check_ins": 0, "negatives": 0}
    for name, result in results.items():
        if name.startswith("crisis_"):
            figures = crisis_figures(result["lines"])
            total = {k: total[k] + figures[k] for k in total}
        else:
            s = result["summary"]
            print(name, {k: s.get(k) for k in ("hit_at_3", "small_talk_accuracy", "clarify_accuracy",
                                               "crisis_false_alarms", "check_in_false_alarms")})
    print("crisis sets:", total)


def compare(old: Path, new: Path, sealed: set[str]) -> None:
    a, b = (json.loads(p.read_text(encoding="utf-8")) for p in (old, new))
    for name in sorted(set(a) & set(b)):
        moved = [(i, x, y) for i, (x, y) in enumerate(zip(a[name]["lines"], b[name]["lines"]))
                 if x["mode"] != y["mode"] or x["passages"][:1] != y["passages"][:1]]
        if name.startswith("crisis_"):
            fa, fb = crisis_figures(a[name]["lines"]), crisis_figures(b[name]["lines"])
            if fa != fb:
                print(name, {k: f"{fa[k]}->{fb[k]}" for k in fa if fa[k] != fb[k]})
            moved = [m for m in moved if m[1]["mode"] != m[2]["mode"]]
        if not moved:
            continue
        print(f"{name}: {len(moved)} lines moved")
        if name in sealed:
            continue
        items = _turns(load_questions(DATA / name))
        for i, x, y in moved:
            print(f"  {i} [{x['expect']}] {x['mode']} {x['passages'][:1]} -> {y['mode']} {y['passages'][:1]}"
                  f"  {items[i]['text'][:60]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run")
    r.add_argument("out", type=Path)
    r.add_argument("--jobs", type=int, default=2)
    c = sub.add_parser("compare")
    c.add_argument("old", type=Path)
    c.add_argument("new", type=Path)
    c.add_argument("--sealed", nargs="*", default=[])
    args = parser.parse_args()
    if args.command == "run":
        run(args.out, args.jobs)
    else:
        compare(args.old, args.new, set(args.sealed))


if __name__ == "__main__":
    main()
