"""The state store: one contract for the memory, SQLite and Redis backends; sessions; the incident
log on the store; the feedback report. Redis is a real redis-server on a free loopback port."""

from __future__ import annotations

import json
import os
import shutil
import socket
import sqlite3
import subprocess
import threading
import time
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from bot.__main__ import main
from bot.config import ROOT, Settings
from bot.core.dialogue import DialogueState, Session
from bot.state import CLARIFY, FEEDBACK, REFUSED, Sessions, open_store
from bot.state.memory import MemoryStore
from bot.state.redis_store import RedisStore
from bot.state.sqlite import SQLiteStore
from bot.tools.flows import FlowState, load_flows
from bot.tools.incidents import Incident, IncidentLog

FLOWS = load_flows(ROOT / "knowledge" / "tools.yaml")
BACKENDS = ("memory", "sqlite", "redis")
ANSWERS = {"number": "5000", "choice": "1", "text": "某某贷款平台"}


def answer(flow: FlowState, steps: int) -> None:
    """Answer the next few questions of a flow (whatever knowledge/tools.yaml asks)."""
    for _ in range(steps):
        flow.give(ANSWERS[flow.current().type])


def until_text(flow: FlowState) -> str:
    """Answer a flow up to and including its first text question; return that question's key."""
    while (step := flow.current()).type != "text":
        flow.give(ANSWERS[step.type])
    flow.give(ANSWERS["text"])
    return step.key


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def need_redis_server() -> str:
    """The redis-server binary; in CI its absence fails the test, elsewhere it skips it."""
    binary = shutil.which("redis-server")
    if binary is None:
        message = "redis-server is not installed (apt-get install redis-server; .ci/run does it)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return binary


class RedisServer:
    """A throwaway redis-server on 127.0.0.1, nothing written to disk."""

    def __init__(self, workdir: Path) -> None:
        binary = need_redis_server()
        for _ in range(3):  # the free port may be taken between the check and the bind
            self.port = free_port()
            self.url = f"redis://127.0.0.1:{self.port}/0"
            self.process = subprocess.Popen(
                [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                 "--dir", str(workdir), "--logfile", ""], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and self.process.poll() is None:
                try:
                    with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as s:
                        s.sendall(b"PING\r\n")
                        if s.recv(16).startswith(b"+PONG"):
                            return
                except OSError:
                    time.sleep(0.05)
            self.stop()
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@pytest.fixture(scope="module")
def redis_server(tmp_path_factory):
    server = RedisServer(tmp_path_factory.mktemp("redis"))
    yield server
    server.stop()


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path):
    if request.param == "memory":
        store = open_store("memory")
    elif request.param == "sqlite":
        store = open_store(f"sqlite:///{tmp_path}/state.sqlite3")
    else:
        server = request.getfixturevalue("redis_server")
        store = open_store(server.url)
        store._redis.flushdb()
    yield store
    store.close()


# the contract every backend keeps

def test_open_store_picks_the_backend(tmp_path):
    assert isinstance(open_store("memory"), MemoryStore)
    sqlite_store = open_store(f"sqlite:///{tmp_path}/a/state.sqlite3")
    assert isinstance(sqlite_store, SQLiteStore) and sqlite_store.path == tmp_path / "a" / "state.sqlite3"
    sqlite_store.close()
    with pytest.raises(ValueError, match="COLLECTION_GUARD_STORE"):
        open_store("postgres://x")
    with pytest.raises(ValueError, match="cannot reach the Redis store"):
        RedisStore(f"redis://127.0.0.1:{free_port()}/0", socket_connect_timeout=1)


def test_sessions_round_trip_and_delete(store):
    data = {"user": "web:1", "dialogue": {"topics": ["家人被骚扰"], "vector": [0.25, -1.0]}, "flow": None}
    assert store.load_session("web:1") is None
    store.save_session("web:1", data, 60)
    assert store.load_session("web:1") == data
    assert store.load_session("web:2") is None
    data["dialogue"]["topics"].append("x")  # the store keeps a copy, not the caller's object
    assert store.load_session("web:1")["dialogue"]["topics"] == ["家人被骚扰"]
    store.save_session("web:1", {"user": "web:1", "n": 2}, 60)
    assert store.load_session("web:1") == {"user": "web:1", "n": 2}
    store.delete_session("web:1")
    store.delete_session("absent")
    assert store.load_session("web:1") is None


def test_sessions_expire_after_idle_time_and_a_save_extends_it(store):
    store.save_session("a", {"n": 1}, 0.3)
    store.save_session("b", {"n": 2}, 60)
    time.sleep(0.2)
    store.save_session("a", {"n": 3}, 0.3)  # saved again: another 0.3 s
    time.sleep(0.2)
    assert store.load_session("a") == {"n": 3}
    time.sleep(0.35)
    assert store.load_session("a") is None
    assert store.load_session("b") == {"n": 2}


def test_hit_counts_events_in_a_sliding_window(store):
    assert [store.hit("tg:1", 0.5) for _ in range(3)] == [1, 2, 3]
    assert store.hit("tg:2", 0.5) == 1  # per key
    time.sleep(0.6)
    assert store.hit("tg:1", 0.5) == 1


def test_hit_and_counts_are_exact_under_concurrent_callers(store):
    def work():
        for _ in range(50):
            store.hit("busy", 60)
            store.add_count(FEEDBACK, "up:p1")

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert store.hit("busy", 60) == 201
    assert store.counts(FEEDBACK) == {"up:p1": 200}


def test_named_counters(store):
    assert store.counts(REFUSED) == {}
    store.add_count(FEEDBACK, "up:law-civil-1033")
    store.add_count(FEEDBACK, "up:law-civil-1033", 2)
    store.add_count(FEEDBACK, "down:guide-1")
    store.add_count(CLARIFY, "家人被骚扰")
    assert store.counts(FEEDBACK) == {"up:law-civil-1033": 3, "down:guide-1": 1}
    assert store.counts(CLARIFY) == {"家人被骚扰": 1}
    assert store.counts(REFUSED) == {}


def test_blobs(store):
    value = bytes(range(256)) * 4
    assert store.get_blob("k") is None
    store.put_blob("k", value)
    assert store.get_blob("k") == value
    store.put_blob("k", b"\x00")
    assert store.get_blob("k") == b"\x00"
    store.delete_blob("k")
    store.delete_blob("k")
    assert store.get_blob("k") is None


# SQLite: the embedded default

def test_sqlite_state_survives_a_restart_with_a_flow_in_progress(tmp_path):
    url = f"sqlite:///{tmp_path}/data/state.sqlite3"
    sessions = Sessions(open_store(url), FLOWS, 600, secret=None)
    session = sessions.load("tg:7")
    session.flow = FlowState("rate", FLOWS["rate"])
    answer(session.flow, 2)
    answers, question = dict(session.flow.answers), session.flow.current()
    session.dialogue.add_topics(["interest"])
    sessions.save("tg:7", session)
    sessions.store.add_count(FEEDBACK, "up:p")
    sessions.store.hit("tg:7", 60)
    sessions.store.close()

    reopened = Sessions(open_store(url), FLOWS, 600, secret=None)
    again = reopened.load("tg:7")
    assert again.flow is not None and again.flow.name == "rate" and again.flow.answers == answers
    assert again.flow.current() == question
    assert again.dialogue.topics == ["interest"]
    assert reopened.store.counts(FEEDBACK) == {"up:p": 1} and reopened.store.hit("tg:7", 60) == 2
    reopened.store.close()
    assert (tmp_path / "data" / "state.sqlite3").stat().st_mode & 0o777 == 0o600


def test_sqlite_is_wal_and_prunes_expired_rows(tmp_path):
    path = tmp_path / "state.sqlite3"
    store = SQLiteStore(path)
    store.save_session("old", {"n": 1}, 0.05)
    store.hit("old", 0.05)
    time.sleep(0.1)
    store.close()
    store = SQLiteStore(path)  # opening prunes, as does every few hundred writes
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert db.execute("SELECT count(*) FROM sessions").fetchone() == (0,)
        assert db.execute("SELECT count(*) FROM hits").fetchone() == (0,)
    store.close()


def test_two_sqlite_stores_on_one_file_share_state(tmp_path):
    first, second = SQLiteStore(tmp_path / "s.db"), SQLiteStore(tmp_path / "s.db")
    first.hit("k", 60)
    assert second.hit("k", 60) == 2
    first.save_session("k", {"a": 1}, 60)
    assert second.load_session("k") == {"a": 1}
    first.close(), second.close()


# Sessions

def running_session(key: str) -> Session:
    session = Session(user=key)
    session.flow = FlowState("rate", FLOWS["rate"])
    answer(session.flow, 3)
    for name, value in dict(topics=["interest", "family"], lender="private", loan={"contract": 5000.0},
                            risk="check_in", shown=["disclaimer"], last_hits=["law-a", "guide-b"],
                            vector=[0.1, -0.2, 0.3], language="zh", script="tw", turns=4).items():
        setattr(session.dialogue, name, value)
    return session


@pytest.mark.parametrize("backend", BACKENDS)
def test_sessions_round_trip_a_running_flow_and_dialogue_state(backend, request, tmp_path):
    url = {"memory": "memory", "sqlite": f"sqlite:///{tmp_path}/s.db"}.get(backend) \
        or request.getfixturevalue("redis_server").url
    store = open_store(url)
    sessions = Sessions(store, FLOWS, 60, secret=None)
    session = running_session("web:abc")
    before = time.time()
    sessions.save("web:abc", session)
    assert session.updated >= before
    other = open_store(url) if backend != "memory" else store  # another connection, as another worker has
    loaded = Sessions(other, FLOWS, 60, secret=None).load("web:abc")
    assert loaded.to_dict() == session.to_dict()
    assert loaded.flow.current() == session.flow.current()
    sessions.reset("web:abc")
    fresh = sessions.load("web:abc")
    assert fresh.user == "web:abc" and fresh.flow is None and fresh.dialogue == DialogueState()
    store.close()


def test_the_embedding_is_stored_compactly_and_exactly():
    import numpy as np

    store = open_store("memory")
    sessions = Sessions(store, FLOWS, 60, secret=None)
    session = Session(user="k")
    session.dialogue.vector = np.random.default_rng(1).standard_normal(512).astype(np.float32).tolist()
    sessions.save("k", session)
    stored = store.load_session("k")["dialogue"]["vector"]
    assert set(stored) == {"f32"} and len(json.dumps(stored)) < 3000
    assert sessions.load("k").dialogue.vector == session.dialogue.vector
    session.dialogue.vector = [0.1, 1 / 3]  # not exact in float32: kept as float64
    sessions.save("k", session)
    assert set(store.load_session("k")["dialogue"]["vector"]) == {"f64"}
    assert sessions.load("k").dialogue.vector == [0.1, 1 / 3]


def test_sessions_expire_into_a_fresh_session():
    sessions = Sessions(open_store("memory"), FLOWS, 0.1, secret=None)
    sessions.save("k", running_session("k"))
    time.sleep(0.15)
    assert sessions.load("k").flow is None


def letter_in_progress(sessions: Sessions, key: str) -> str:
    """Save a /letter that has its first free-text answer; return that answer's key."""
    session = sessions.load(key)
    session.flow = FlowState("letter", FLOWS["letter"])
    text_key = until_text(session.flow)
    sessions.save(key, session)
    return text_key


def test_flow_text_answers_are_sealed_with_the_key_and_carry_to_another_worker():
    key = Fernet.generate_key().decode()
    store = open_store("memory")
    text_key = letter_in_progress(Sessions(store, FLOWS, 60, secret=key), "w")
    stored = json.dumps(store.load_session("w"), ensure_ascii=False)
    assert "某某贷款平台" not in stored and "sealed" in stored
    other_worker = Sessions(store, FLOWS, 60, secret=key)
    assert other_worker.load("w").flow.answers[text_key] == "某某贷款平台"
    wrong_key = Sessions(store, FLOWS, 60, secret=Fernet.generate_key().decode())
    assert text_key not in wrong_key.load("w").flow.answers  # asks that question again


def test_without_a_key_flow_text_stays_in_process_memory():
    store = open_store("memory")
    sessions = Sessions(store, FLOWS, 60, secret=None)
    text_key = letter_in_progress(sessions, "w")
    assert "某某贷款平台" not in json.dumps(store.load_session("w"), ensure_ascii=False)
    assert sessions.load("w").flow.answers[text_key] == "某某贷款平台"  # same process: nothing lost
    elsewhere = Sessions(store, FLOWS, 60, secret=None).load("w")  # restart or another worker
    assert elsewhere.flow.name == "letter" and text_key not in elsewhere.flow.answers
    assert elsewhere.flow.current().key == text_key


def test_an_unreadable_session_starts_afresh():
    store = open_store("memory")
    store.save_session("k", {"user": "k", "dialogue": {"no_such_field": 1}}, 60)
    assert Sessions(store, FLOWS, 60, secret=None).load("k").dialogue == DialogueState()
    assert store.load_session("k") is None


def test_settings_for_state(monkeypatch, tmp_path):
    for name in ("COLLECTION_GUARD_DATA", "COLLECTION_GUARD_STORE", "COLLECTION_GUARD_SESSION_IDLE"):
        monkeypatch.delenv(name, raising=False)
    default = Settings.from_env()
    assert default.data_dir == ROOT / "data" and default.session_idle_seconds == 1800
    assert default.store_url == f"sqlite:///{ROOT / 'data'}/state.sqlite3"
    monkeypatch.setenv("COLLECTION_GUARD_DATA", str(tmp_path))
    monkeypatch.setenv("COLLECTION_GUARD_SESSION_IDLE", "60")
    assert Settings.from_env().store_url == f"sqlite:///{tmp_path}/state.sqlite3"
    monkeypatch.setenv("COLLECTION_GUARD_STORE", "redis://127.0.0.1:6379/2")
    assert Settings.from_env().store_url == "redis://127.0.0.1:6379/2" and Settings.from_env().session_idle_seconds == 60
    monkeypatch.setenv("COLLECTION_GUARD_SESSION_IDLE", "soon")
    with pytest.raises(ValueError, match="COLLECTION_GUARD_SESSION_IDLE"):
        Settings.from_env()


# the incident log on the store

INCIDENT = Incident("2026-11-28 15:00", "昨天", "打电话", "138xxxx", "说要上门")


def test_incident_log_is_one_encrypted_blob_per_user_in_the_store(tmp_path):
    key = Fernet.generate_key().decode()
    url = f"sqlite:///{tmp_path}/state.sqlite3"
    log = IncidentLog(key=key, store=open_store(url))
    assert log.persistent
    assert log.add("tg:1", INCIDENT) == 1 and log.add("tg:1", INCIDENT) == 2 and log.add("web:x", INCIDENT) == 1
    raw = sqlite3.connect(tmp_path / "state.sqlite3").execute("SELECT key, value FROM blobs").fetchall()
    assert len(raw) == 3  # two users and the key check
    assert all(b"tg:1" not in k.encode() and "说要上门".encode() not in v for k, v in raw)
    reopened = IncidentLog(key=key, store=open_store(url))  # a restart
    assert reopened.list("tg:1") == [INCIDENT, INCIDENT]
    assert reopened.clear("tg:1") == 2 and reopened.list("tg:1") == [] and reopened.list("web:x") == [INCIDENT]
    with pytest.raises(ValueError, match="cannot be decrypted with COLLECTION_GUARD_LOG_KEY"):
        IncidentLog(key=Fernet.generate_key().decode(), store=open_store(url))


def test_incident_log_without_a_key_stays_in_memory(tmp_path):
    store = open_store(f"sqlite:///{tmp_path}/state.sqlite3")
    log = IncidentLog(store=store)
    assert not log.persistent
    log.add("tg:1", INCIDENT)
    assert log.list("tg:1") == [INCIDENT] and store.get_blob("incidents:key-check") is None


def test_incident_log_from_env_uses_the_configured_store(monkeypatch, tmp_path):
    key = Fernet.generate_key().decode()
    monkeypatch.delenv("COLLECTION_GUARD_LOG_FILE", raising=False)
    monkeypatch.setenv("COLLECTION_GUARD_LOG_KEY", key)
    monkeypatch.setenv("COLLECTION_GUARD_STORE", f"sqlite:///{tmp_path}/state.sqlite3")
    IncidentLog.from_env().add("tg:1", INCIDENT)
    assert IncidentLog.from_env().list("tg:1") == [INCIDENT]
    monkeypatch.setenv("COLLECTION_GUARD_LOG_FILE", str(tmp_path / "incidents.bin"))  # the older one-file mode
    file_log = IncidentLog.from_env()
    assert file_log.list("tg:1") == [] and file_log.add("tg:1", INCIDENT) == 1
    assert (tmp_path / "incidents.bin").exists()


# python -m bot feedback

def test_feedback_command_prints_counts_from_the_store(monkeypatch, tmp_path, capsys):
    url = f"sqlite:///{tmp_path}/state.sqlite3"
    monkeypatch.setenv("COLLECTION_GUARD_STORE", url)
    store = open_store(url)
    store.add_count(FEEDBACK, "up:law-civil-1033", 3)
    store.add_count(FEEDBACK, "down:law-civil-1033")
    store.add_count(FEEDBACK, "down:guide-visit", 2)
    store.add_count(REFUSED, "none", 5)
    store.add_count(REFUSED, "criminal", 2)
    store.add_count(CLARIFY, "family")
    store.close()
    assert main(["feedback"]) == 0
    text = capsys.readouterr().out
    assert text.index("law-civil-1033") < text.index("guide-visit") < text.index("none") < text.index("criminal")
    assert main(["feedback", "--json", "--top", "1"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report == {"passages": [{"passage": "law-civil-1033", "up": 3, "down": 1}],
                      "refused": [{"topic": "none", "count": 5}],
                      "clarify": [{"topic": "family", "count": 1}]}


def test_feedback_command_on_an_empty_default_store_creates_nothing(monkeypatch, tmp_path, capsys):
    monkeypatch.delenv("COLLECTION_GUARD_STORE", raising=False)
    monkeypatch.setenv("COLLECTION_GUARD_DATA", str(tmp_path / "data"))
    assert main(["feedback"]) == 0
    assert "no votes yet" in capsys.readouterr().out and not (tmp_path / "data").exists()
