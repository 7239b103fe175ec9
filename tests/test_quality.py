"""Retrieval quality on the development set and on our own held-out questions (written independently)."""

from __future__ import annotations

import pytest

from bot.evaluate import evaluate, load_questions
from tests.conftest import DATA


@pytest.mark.parametrize("name, min_hit1, min_hit3", [("dev.jsonl", 0.80, 0.95), ("holdout.jsonl", 0.75, 0.95)])
def test_question_sets_meet_targets(assistant, name, min_hit1, min_hit3):
    summary, details = evaluate(assistant, load_questions(DATA / name))
    assert summary["hit_at_1"] >= min_hit1
    assert summary["hit_at_3"] >= min_hit3
    assert summary["crisis_recall"] == 1.0
    assert summary["crisis_false_alarms"] == 0
    assert summary["out_of_scope_accuracy"] == 1.0
    assert summary["answered_rate"] >= 0.97
    assert len(details) == summary["n"]
