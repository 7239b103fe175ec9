"""Scale-out on Redis: two real web workers share one real redis-server, and one conversation goes
to them alternately, as a load balancer without sticky sessions would send it.

Shows that the tool flow, the conversation context, the flood limit and the feedback counts carry
across workers, and that killing a worker mid-conversation loses nothing. Loopback only; every
wait is bounded.
"""

from __future__ import annotations

import http.cookies
import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from bot.config import ROOT
from bot.state import FEEDBACK, open_store
from bot.tools.flows import FlowState, load_flows
from tests.test_state import RedisServer, free_port

WEB = ROOT / "bot" / "channels" / "web.py"
START_SECONDS = 90  # a worker loads the encoder and the index before it listens
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never a proxy for loopback


def web_command_missing() -> str | None:
    if not WEB.exists():
        return "the web channel (bot/channels/web.py, `python -m bot web`) has not landed yet"
    from bot.__main__ import COMMANDS

    if "web" not in COMMANDS:
        return "bot/channels/web.py exists but `python -m bot web` is not registered in bot/__main__.py yet"
    return None


pytestmark = pytest.mark.skipif(web_command_missing() is not None, reason=str(web_command_missing()))


class Worker:
    """`python -m bot web` on a free loopback port, its state in Redis."""

    def __init__(self, name: str, redis_url: str, logs: Path) -> None:
        self.name, self.port = name, free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith("COLLECTION_GUARD_LOG_")}
        env.update(COLLECTION_GUARD_STORE=redis_url, PYTHONUNBUFFERED="1")
        self.log = (logs / f"worker-{name}.log").open("wb")
        self.process = subprocess.Popen([sys.executable, "-m", "bot", "-v", "web", "--host", "127.0.0.1",
                                         "--port", str(self.port)], cwd=ROOT, env=env,
                                        stdout=self.log, stderr=subprocess.STDOUT)

    def wait_ready(self, deadline: float) -> None:
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.log.flush()
                tail = Path(self.log.name).read_text(errors="replace")[-2000:]
                raise AssertionError(f"worker {self.name} exited with {self.process.returncode}:\n{tail}")
            try:
                with OPENER.open(f"http://127.0.0.1:{self.port}/healthz", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.1)
        raise AssertionError(f"worker {self.name} did not answer /healthz in {START_SECONDS} s; see {self.log.name}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


class Browser:
    """One user's browser: carries the session cookie to whichever worker it is sent to."""

    def __init__(self) -> None:
        self.cookie: str | None = None

    def post(self, worker: Worker, path: str, body: dict | None = None) -> tuple[int, dict]:
        headers = {"Content-Type": "application/json"}
        if self.cookie:
            headers["Cookie"] = f"cg_sid={self.cookie}"
        request = urllib.request.Request(f"http://127.0.0.1:{worker.port}{path}", method="POST", headers=headers,
                                         data=json.dumps(body or {}, ensure_ascii=False).encode())
        try:
            response = OPENER.open(request, timeout=30)
        except urllib.error.HTTPError as error:
            response = error
        with response:
            for header in response.headers.get_all("Set-Cookie") or []:
                morsel = http.cookies.SimpleCookie(header).get("cg_sid")
                if morsel is not None:
                    self.cookie = morsel.value
            return response.status, json.loads(response.read())

    def say(self, worker: Worker, text: str) -> dict:
        status, data = self.post(worker, "/api/message", {"text": text})
        assert status == 200, (worker.name, text, status, data)
        assert "mode" in data and data["messages"], data
        return data


FOLLOW_UP = "那我该怎么做"  # vague alone; in a conversation, about what was said before


def stored_sessions(store) -> list[dict]:
    """The web sessions in Redis, read the way an operator would (SCAN, never KEYS)."""
    return [json.loads(v) for v in store._redis.mget(list(store._redis.scan_iter("cg:session:web:*")))]


def plain(reply: dict) -> str:
    return " ".join(reply["messages"]).replace(",", "")


RATE = load_flows(ROOT / "knowledge" / "tools.yaml")["rate"]
MAX_STEPS = 20


def drive_rate(browser: "Browser", route, loan: dict[str, str]) -> tuple[dict, list[str]]:
    """Run /rate to its result, answering whichever question the bot asks (knowledge/tools.yaml, and the
    core may skip what the conversation already told it) as a user tapping buttons would. route(i, last)
    picks the worker for message i; `last` is True for the answer that should produce the result.
    Returns the last reply and the names of the workers that took each message."""
    local = FlowState("rate", RATE)  # what the bot should be asking, step by step
    worker = route(0, False)
    reply, names = browser.say(worker, "/rate"), [worker.name]
    for i in range(1, MAX_STEPS):
        if not reply["flow"]:
            return reply, names
        text = plain(reply)
        pending = [s for s in RATE if s.key not in local.answers and s.applies(local.answers)]
        step = next((s for s in pending if s.ask[:8] in text), None)
        assert step is not None, f"/rate asked something unexpected: {text}"
        while local.current() is not step:  # skipped: the bot already knew it from the conversation
            skipped = local.current()
            local.answers[skipped.key] = skipped.parse(answer_for(skipped, loan))
        answer = answer_for(step, loan)
        local.give(answer)
        worker = route(i, local.current() is None)
        reply = browser.say(worker, answer)
        names.append(worker.name)
    raise AssertionError(f"/rate did not finish in {MAX_STEPS} messages")


def answer_for(step, loan: dict[str, str]) -> str:
    value = loan.get(step.key, next(iter(step.choices), None) if step.type == "choice" else None)
    assert value is not None, f"/rate asks '{step.key}', which this test has no answer for"
    return str(list(step.choices).index(value) + 1) if step.type == "choice" else value


def asks(reply: dict, question: str) -> bool:
    return reply["flow"] is True and question[:8] in plain(reply)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    logs = tmp_path_factory.mktemp("scaleout")
    redis = RedisServer(logs)
    workers = [Worker(name, redis.url, logs) for name in ("A", "B")]
    try:
        deadline = time.monotonic() + START_SECONDS
        for worker in workers:
            worker.wait_ready(deadline)
        yield redis, workers
    finally:
        for worker in workers:
            worker.stop()
        redis.stop()


def test_one_conversation_across_two_workers_then_one_dies(cluster):
    redis, (a, b) = cluster
    store = open_store(redis.url)
    user = Browser()

    # The /rate flow starts on A, is answered on B and A in turn, and finishes on A.
    reply, names = drive_rate(user, lambda i, last: a if last or i % 2 == 0 else b,
                              {"lender": "private", "contract": "10000", "received": "8000", "plan": "month",
                               "count": "12", "payment": "1000", "fees": "0"})
    assert names[0] == names[-1] == "A" and names.count("B") >= 2, names
    assert reply["flow"] is False and "年化利率约" in plain(reply), plain(reply)
    assert "合同金额 10000 元" in plain(reply) and "实际到手 8000 元" in plain(reply)  # answered on B and on A

    # A question on B, then a follow-up on A that only makes sense with what B kept.
    answer = user.say(b, "催收天天打电话给我爸妈，还威胁要上门")
    assert answer["mode"] == "answer" and answer["feedback"]
    before = stored_sessions(store)
    follow_up = user.say(a, FOLLOW_UP)
    after = stored_sessions(store)
    assert len(before) == len(after) == 1 and before[0]["dialogue"]["topics"]
    assert after[0]["dialogue"]["turns"] == before[0]["dialogue"]["turns"] + 1  # A continued B's state
    alone = Browser().say(a, FOLLOW_UP)  # the same words with no conversation behind them
    assert follow_up["mode"] == "answer" and alone["mode"] != "answer", (follow_up["mode"], alone["mode"])

    # Feedback given on both workers lands in one counter; `python -m bot feedback` reads it.
    passage = answer["feedback"]
    assert user.post(a, "/api/feedback", {"vote": "up", "passage": passage})[0] == 200
    assert user.post(b, "/api/feedback", {"vote": "up", "passage": passage})[0] == 200
    assert user.post(b, "/api/feedback", {"vote": "down", "passage": passage})[0] == 200
    assert {k: v for k, v in store.counts(FEEDBACK).items() if k.endswith(":" + passage)} == \
        {f"up:{passage}": 2, f"down:{passage}": 1}
    report = subprocess.run([sys.executable, "-m", "bot", "feedback", "--json"], cwd=ROOT, capture_output=True,
                            text=True, timeout=60, env={**os.environ, "COLLECTION_GUARD_STORE": redis.url})
    assert {"passage": passage, "up": 2, "down": 1} in json.loads(report.stdout)["passages"], report.stderr

    # The flood limit counts one session's messages on both workers together.
    flooder = Browser()
    statuses = [flooder.post((a, b)[i % 2], "/api/message", {"text": "/help"})[0] for i in range(25)]
    assert statuses.index(429) == 20 and statuses[:20] == [200] * 20 and set(statuses[20:]) == {429}

    # The conversation is in the middle of another /rate on A when A is killed (SIGKILL); B carries on.
    def kill_a_at_the_third_answer(i: int, last: bool):
        if i == 3:
            a.process.kill()
            a.process.wait(10)
        return a if i < 3 else b

    reply, names = drive_rate(user, kill_a_at_the_third_answer, {"lender": "private", "contract": "5000",
                              "received": "3500", "plan": "single", "days": "7", "payment": "5000", "fees": "0"})
    assert names[:3] == ["A"] * 3 and set(names[3:]) == {"B"} and a.process.poll() is not None, names
    assert reply["flow"] is False and "年化利率约" in plain(reply), plain(reply)
    assert "合同金额 5000 元" in plain(reply) and "实际到手 3500 元" in plain(reply)
    from bot.channels.web import session_key

    kept = store.load_session(session_key(user.cookie))
    assert kept["dialogue"]["topics"] == after[0]["dialogue"]["topics"]  # the context survived too
    store.close()
