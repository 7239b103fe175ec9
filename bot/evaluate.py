"""Score the assistant on a question set (JSONL of {"text", "expect"}).

The output contract is read by other tools: keep the field names as they are.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import numpy as np

from bot.core.assistant import Assistant

TOP = 5


def load_questions(path: Path) -> list[dict]:
    questions = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path} line {number}: not valid JSON ({exc.msg})") from exc
        expect = item.get("expect") if isinstance(item, dict) else None
        if not isinstance(item.get("text"), str) or not (
                expect in ("crisis", "out_of_scope") or (isinstance(expect, list) and expect)):
            raise ValueError(f"{path} line {number}: needs \"text\" and \"expect\" "
                             "(a list of topics, \"crisis\" or \"out_of_scope\")")
        questions.append(item)
    return questions


def evaluate(assistant: Assistant, questions: list[dict]) -> tuple[dict, list[dict]]:
    """Return the summary metrics and one detail record per question."""
    details, ranks, latencies = [], [], []
    crisis_hits = crisis_total = false_alarms = oos_hits = oos_total = answered = 0
    for item in questions:
        started = time.perf_counter()
        reply = assistant.reply(item["text"])
        assistant.renderer.plain(reply)
        latency = (time.perf_counter() - started) * 1000
        latencies.append(latency)
        passages = [{"id": h.passage.id, "topics": list(h.passage.topics), "score": round(h.score, 4)}
                    for h in reply.hits[:TOP]]
        details.append({"text": item["text"], "mode": reply.mode, "passages": passages,
                        "latency_ms": round(latency, 2)})
        expect = item["expect"]
        false_alarms += reply.mode == "crisis" and expect != "crisis"
        if expect == "crisis":
            crisis_total += 1
            crisis_hits += reply.mode == "crisis"
        elif expect == "out_of_scope":
            oos_total += 1
            oos_hits += reply.mode == "out_of_scope"
        else:
            answered += reply.mode == "answer"
            rank = next((i + 1 for i, p in enumerate(passages) if set(p["topics"]) & set(expect)), None)
            ranks.append(rank if reply.mode == "answer" else None)
    n_topic = len(ranks) or 1
    summary = {
        "n": len(questions),
        "hit_at_1": round(sum(r == 1 for r in ranks) / n_topic, 4),
        "hit_at_3": round(sum(r is not None and r <= 3 for r in ranks) / n_topic, 4),
        "mrr": round(sum(1 / r for r in ranks if r) / n_topic, 4),
        "crisis_recall": round(crisis_hits / crisis_total, 4) if crisis_total else None,
        "crisis_false_alarms": false_alarms,
        "out_of_scope_accuracy": round(oos_hits / oos_total, 4) if oos_total else None,
        "answered_rate": round(answered / n_topic, 4),
        "p50_ms": round(float(np.percentile(latencies, 50)), 2) if latencies else None,
        "p99_ms": round(float(np.percentile(latencies, 99)), 2) if latencies else None,
    }
    return summary, details
