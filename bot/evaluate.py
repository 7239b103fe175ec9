"""Score the assistant on a JSONL set of single questions and/or conversations.

A line is a question {"text", "expect"} or a conversation {"id", "turns": [{"text", "expect"}, ...]},
each turn judged with the earlier turns in mind. `expect` is a list of topics, "crisis",
"out_of_scope", "small_talk" or "clarify". The output contract is read by other tools: keep the
field names as they are.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import numpy as np

from bot.core.assistant import Assistant
from bot.core.compose import Reply
from bot.core.dialogue import Session

TOP = 5
KINDS = ("crisis", "out_of_scope", "small_talk", "clarify")


def _valid_expect(expect: object) -> bool:
    return expect in KINDS or (isinstance(expect, list) and bool(expect) and all(isinstance(t, str) for t in expect))


def load_questions(path: Path) -> list[dict]:
    items = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path} line {number}: not valid JSON ({exc.msg})") from exc
        if isinstance(item, dict) and isinstance(item.get("turns"), list):
            if not item["turns"] or not all(isinstance(t, dict) and isinstance(t.get("text"), str)
                                            and _valid_expect(t.get("expect")) for t in item["turns"]):
                raise ValueError(f"{path} line {number}: every turn needs \"text\" and \"expect\" (a list of topics, "
                                 f"or one of {', '.join(KINDS)})")
        elif not (isinstance(item, dict) and isinstance(item.get("text"), str) and _valid_expect(item.get("expect"))):
            raise ValueError(f"{path} line {number}: needs \"text\" and \"expect\" (a list of topics, or one of "
                             f"{', '.join(KINDS)}), or \"turns\" for a conversation")
        items.append(item)
    return items


def evaluate(assistant: Assistant, items: list[dict]) -> tuple[dict, list[dict]]:
    """Return the summary metrics and one detail record per question or turn."""
    details = []
    for item in items:
        if "turns" in item:
            session = Session(user="eval")
            for number, turn in enumerate(item["turns"], 1):
                record = _judge(assistant, turn, session)
                details.append({"conversation": item.get("id", ""), "turn": number, **record})
        else:
            details.append(_judge(assistant, item, None))
    return summarise(details), details


def _judge(assistant: Assistant, item: dict, session: Session | None) -> dict:
    started = time.perf_counter()
    result = assistant.reply(item["text"]) if session is None else assistant.respond(session, item["text"])
    if isinstance(result, Reply):
        mode, plain, hits, language = result.mode, assistant.renderer.plain(result), result.hits, result.language
    else:  # a tool's turn (/rate, /letter …)
        mode, plain, hits, language = "tool", "", (), "zh"
    latency = (time.perf_counter() - started) * 1000
    passages = [{"id": h.passage.id, "topics": list(h.passage.topics), "score": round(h.score, 4)} for h in hits[:TOP]]
    return {"text": item["text"], "expect": item["expect"], "mode": mode, "passages": passages,
            "latency_ms": round(latency, 2), "reply_chars": len(plain), "reply_language": language}


def summarise(details: list[dict]) -> dict:
    ranks, latencies, answer_chars = [], [], []
    counts = {kind: [0, 0] for kind in KINDS}  # right, total
    crisis_full = false_alarms = check_in_alarms = answered = context_refusals = context_turns = 0
    for d in details:
        latencies.append(d["latency_ms"])
        expect, mode = d["expect"], d["mode"]
        if expect != "crisis":
            false_alarms += mode == "crisis"
            check_in_alarms += mode == "check_in"
        if expect in KINDS:
            right = mode in ("crisis", "check_in") if expect == "crisis" else mode == expect
            counts[expect][0] += right
            counts[expect][1] += 1
            crisis_full += expect == "crisis" and mode == "crisis"
            continue
        answered += mode in ("answer", "check_in")
        if mode == "answer" and d["reply_language"] == "zh":  # the length target is for Chinese answers
            answer_chars.append(d["reply_chars"])
        if d.get("turn", 1) > 1:
            context_turns += 1
            context_refusals += mode == "out_of_scope"
        rank = next((i + 1 for i, p in enumerate(d["passages"]) if set(p["topics"]) & set(expect)), None)
        ranks.append(rank if mode in ("answer", "check_in") else None)
    n_topic = len(ranks) or 1

    def rate(kind: str) -> float | None:
        right, total = counts[kind]
        return round(right / total, 4) if total else None

    return {
        "n": len(details),
        "hit_at_1": round(sum(r == 1 for r in ranks) / n_topic, 4),
        "hit_at_3": round(sum(r is not None and r <= 3 for r in ranks) / n_topic, 4),
        "mrr": round(sum(1 / r for r in ranks if r) / n_topic, 4),
        "crisis_recall": rate("crisis"),
        "crisis_full_recall": round(crisis_full / counts["crisis"][1], 4) if counts["crisis"][1] else None,
        "crisis_false_alarms": false_alarms,
        "check_in_false_alarms": check_in_alarms,
        "out_of_scope_accuracy": rate("out_of_scope"),
        "small_talk_accuracy": rate("small_talk"),
        "clarify_accuracy": rate("clarify"),
        "answered_rate": round(answered / n_topic, 4),
        "context_refusals": context_refusals,
        "context_refusal_rate": round(context_refusals / context_turns, 4) if context_turns else None,
        "answer_chars_p50": float(np.percentile(answer_chars, 50)) if answer_chars else None,
        "answer_chars_max": max(answer_chars) if answer_chars else None,
        "p50_ms": round(float(np.percentile(latencies, 50)), 2) if latencies else None,
        "p99_ms": round(float(np.percentile(latencies, 99)), 2) if latencies else None,
    }
