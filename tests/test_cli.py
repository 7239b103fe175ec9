"""The console chat and commands, driven through a real subprocess as a user or another tool would."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from bot.config import ROOT
from tests.conftest import DATA


def run(*args: str, stdin: str | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bot", *args], input=stdin, capture_output=True, text=True,
                          cwd=ROOT, env={**os.environ, **(env or {})}, timeout=120)


def test_chat_reads_piped_lines_and_handles_commands():
    out = run("chat", stdin="催收天天打电话给我爸妈\n\n/help\n/reset\n今天天气怎么样\n/quit\n这行不会被回答\n")
    assert out.returncode == 0, out.stderr
    assert out.stdout.count("情况判断") == 1
    assert out.stdout.count("命令：/help") == 2  # greeting and /help
    assert "重新开始" in out.stdout and "这个问题我可能帮不上忙" in out.stdout
    assert "Traceback" not in out.stderr


def test_once_answers_one_message():
    out = run("chat", "--once", "对方说明天上门抓人")
    assert out.returncode == 0, out.stderr
    assert "情况判断" in out.stdout and "不是法律意见" in out.stdout


def test_once_crisis_comes_first():
    out = run("chat", "--once", "欠了太多钱，活着没意思")
    assert out.stdout.strip().startswith("你现在的感受很重要")


def test_eval_contract(tmp_path: Path):
    details = tmp_path / "details.jsonl"
    out = run("eval", str(DATA / "dev.jsonl"), "--details", str(details), "--json")
    assert out.returncode == 0, out.stderr
    summary = json.loads(out.stdout)
    assert set(summary) == {"n", "hit_at_1", "hit_at_3", "mrr", "crisis_recall", "crisis_false_alarms",
                            "out_of_scope_accuracy", "answered_rate", "p50_ms", "p99_ms"}
    lines = [json.loads(line) for line in details.read_text().splitlines()]
    assert len(lines) == summary["n"] == 60
    for line in lines:
        assert set(line) == {"text", "mode", "passages", "latency_ms"}
        assert line["mode"] in {"answer", "crisis", "out_of_scope"}
        assert len(line["passages"]) <= 5
        for p in line["passages"]:
            assert set(p) == {"id", "topics", "score"}


def test_bad_eval_file_names_the_line(tmp_path: Path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "ok", "expect": ["evidence"]}\n{"text": "no expect"}\n')
    out = run("eval", str(bad))
    assert out.returncode == 2 and "bad.jsonl line 2" in out.stderr and "Traceback" not in out.stderr


def test_stale_index_stops_with_the_exact_command(tmp_path: Path):
    knowledge = tmp_path / "knowledge"
    shutil.copytree(ROOT / "knowledge", knowledge)
    with open(knowledge / "guide" / "help.yaml", "a", encoding="utf-8") as f:
        f.write("\n# edited\n")
    out = run("chat", "--once", "你好", env={"COLLECTION_GUARD_KNOWLEDGE": str(knowledge)})
    assert out.returncode == 2
    assert "Rebuild it with: python -m bot index build" in out.stderr and "Traceback" not in out.stderr


def test_rebuilt_index_is_used(tmp_path: Path):
    index = tmp_path / "index"
    out = run("--index", str(index), "index", "build")
    assert out.returncode == 0, out.stderr
    assert json.loads((index / "manifest.json").read_text())["passages"] > 100
    out = run("--index", str(index), "chat", "--once", "征信多久能恢复")
    assert out.returncode == 0 and "情况判断" in out.stdout


def test_check_command_passes():
    out = run("check")
    assert out.returncode == 0 and "0 problems" in out.stdout
