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
    assert out.stdout.count("情况判断") == 1 and "回复数字：1. 法律依据" in out.stdout
    assert out.stdout.count("命令：/help") == 2  # greeting and /help
    assert "重新开始" in out.stdout and "这个问题我可能帮不上忙" in out.stdout
    assert "Traceback" not in out.stderr


def test_the_parts_of_an_answer_keep_their_numbers():
    # walk 45: after "1" the menu became "1. 更多做法 2. 求助渠道…", and "2" typed for 更多做法 opened 求助渠道
    out = run("chat", stdin="催收天天打电话给我爸妈\n1\n2\n")
    assert out.returncode == 0, out.stderr
    assert "回复数字：2. 更多做法  3. 求助渠道  4. 取证清单" in out.stdout and "\n更多做法\n" in out.stdout


def test_once_answers_one_message():
    out = run("chat", "--once", "对方说明天上门抓人")
    assert out.returncode == 0, out.stderr
    assert "情况判断" in out.stdout and "不是法律意见" in out.stdout


def test_once_crisis_comes_first():
    out = run("chat", "--once", "欠了太多钱，不想活了")
    assert out.stdout.strip().startswith("谢谢你愿意说出来") and "12356" in out.stdout.splitlines()[1]


def test_eval_contract(tmp_path: Path):
    details = tmp_path / "details.jsonl"
    out = run("eval", str(DATA / "dev.jsonl"), "--details", str(details), "--json")
    assert out.returncode == 0, out.stderr
    summary = json.loads(out.stdout)
    assert set(summary) == {"n", "hit_at_1", "hit_at_3", "mrr", "crisis_recall", "crisis_full_recall",
                            "crisis_false_alarms", "check_in_false_alarms", "out_of_scope_accuracy",
                            "small_talk_accuracy", "clarify_accuracy", "answered_rate", "context_refusals",
                            "context_refusal_rate", "answer_chars_p50", "answer_chars_max", "p50_ms", "p99_ms"}
    lines = [json.loads(line) for line in details.read_text().splitlines()]
    assert len(lines) == summary["n"] == 60
    for line in lines:
        assert set(line) == {"text", "expect", "mode", "passages", "latency_ms", "reply_chars", "reply_language"}
        assert line["mode"] in {"answer", "check_in", "crisis", "out_of_scope", "small_talk", "clarify"}
        assert len(line["passages"]) <= 5 and line["reply_chars"] > 0
        for p in line["passages"]:
            assert set(p) == {"id", "topics", "score"}


def test_eval_reads_conversations_turn_by_turn(tmp_path: Path):
    details = tmp_path / "details.jsonl"
    out = run("eval", str(DATA / "conversations_dev.jsonl"), "--details", str(details), "--json")
    assert out.returncode == 0, out.stderr
    summary = json.loads(out.stdout)
    lines = [json.loads(line) for line in details.read_text().splitlines()]
    assert len(lines) == summary["n"] and {"conversation", "turn"} <= set(lines[0])
    assert lines[0]["turn"] == 1 and any(line["turn"] > 1 for line in lines)
    assert summary["small_talk_accuracy"] is not None and summary["context_refusals"] is not None


def test_bad_eval_file_names_the_line(tmp_path: Path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "ok", "expect": ["evidence"]}\n{"text": "no expect"}\n')
    out = run("eval", str(bad))
    assert out.returncode == 2 and "bad.jsonl line 2" in out.stderr and "Traceback" not in out.stderr
    bad.write_text('{"id": "c", "turns": [{"text": "你好", "expect": "small_talk"}, {"text": "x", "expect": "maybe"}]}\n')
    out = run("eval", str(bad))
    assert out.returncode == 2 and "bad.jsonl line 1" in out.stderr and "Traceback" not in out.stderr


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


def test_console_rate_flow_and_free_text_rate():
    out = run("chat", stdin="/rate\n3\n10000\n10000\n按月\n12\n1000\n0\n借5000到手3500，7天还5000\n/rate\n3\n5000\n6000\n1\n7\n6000\n0\n")
    assert out.returncode == 0, out.stderr
    assert "年化利率约 35.07%" in out.stdout and "实际年利率约 41.30%" in out.stdout
    assert "年化利率约 2,234.69%" in out.stdout and "砍头息" in out.stdout  # the rate gives the reading itself
    assert "到手金额比合同金额还多" in out.stdout and "请发 /rate 重新开始" in out.stdout


def test_console_letter_can_be_saved_and_log_exported(tmp_path: Path):
    stdin = ("/letter\n3\n1\n某某消费金融\n李四\n失业三个月\n停息后本金分24期，每月还500元\n/save\n"
             "/log\n昨天晚上八点\n短信\n10690000\n说要去我单位闹\n/log export\n谢谢\n/privacy\n")
    out = subprocess.run([sys.executable, "-m", "bot", "chat"], input=stdin, capture_output=True, text=True,
                         cwd=tmp_path, timeout=120)
    assert out.returncode == 0, out.stderr
    letters = list(tmp_path.glob("letter-negotiate-*.txt"))
    assert len(letters) == 1
    letter = letters[0].read_text(encoding="utf-8")
    assert letter.startswith("致某某消费金融") and "失业三个月" in letter and "每月还500元" in letter
    assert "已记下第 1 条" in out.stdout and "已导出 1 条记录" in out.stdout
    assert not list(tmp_path.glob("incident-log-*"))  # not saved: the next line was not /save
    assert "记录只在内存里" in out.stdout


def test_console_warns_about_scams_first():
    out = run("chat", "--once", "有个债务优化公司说交两千块服务费就能帮我停息挂账")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("⚠️ 防骗提醒：收费“停息挂账”“债务优化”代理") and "情况判断" in out.stdout


def test_check_names_a_crime_whose_article_no_passage_quotes(tmp_path: Path):
    knowledge = tmp_path / "knowledge"
    shutil.copytree(ROOT / "knowledge", knowledge)
    dialogue = knowledge / "dialogue.yaml"
    dialogue.write_text(dialogue.read_text(encoding="utf-8").replace(
        "  敲诈勒索: 刑法 第二百七十四条\n", "  敲诈勒索: 刑法 第二百七十四条\n  赌博罪: 刑法 第三百零三条\n"), encoding="utf-8")
    out = run("check", env={"COLLECTION_GUARD_KNOWLEDGE": str(knowledge)})
    assert out.returncode == 1 and "dialogue.yaml, crimes, '赌博罪'" in out.stderr and "第三百零三条" in out.stderr
