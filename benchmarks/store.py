"""Store overhead per message: what a channel adds to each message for state, on each backend.

One message = Sessions.load (read + JSON + Session.from_dict) + Sessions.save (Session.to_dict + JSON +
write with expiry) of a realistic session (3 topics, loan figures, 5 passage ids, the 512-float
embedding of the last turn in float32 as the embedders give it, a /rate flow with three answers)
+ one flood-counter hit. Users rotate over a pool, as concurrent conversations do. The Redis
backend runs against a redis-server this script starts on a free loopback port (Debian package
`redis-server`), or --redis URL.

Run: .venv/bin/python benchmarks/store.py [--messages 5000] [--users 200] [--redis redis://...]
Target: p50 <= 1 ms per message on SQLite and Redis.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.core.dialogue import DialogueState, Session  # noqa: E402
from bot.state import open_store  # noqa: E402
from bot.state.sessions import Sessions  # noqa: E402
from bot.tools.flows import FlowState, load_flows  # noqa: E402

FLOWS = load_flows(ROOT / "knowledge" / "tools.yaml")


def realistic_session(user: str, rng: random.Random) -> Session:
    vector = np.array([rng.gauss(0, 1) for _ in range(512)], dtype=np.float32)
    session = Session(user=user)
    session.dialogue = DialogueState(
        topics=["family_contact", "threats", "visit"], lender="private",
        loan={"contract": 10000.0, "received": 8000.0, "payment": 1000.0, "count": 12.0, "period": "month"},
        risk="none", shown=["disclaimer", "channel:12378", "channel:110"],
        last_hits=["law-civil-1033", "law-pipl-13", "guide-family-1", "guide-visit-2", "law-police-2012-42"],
        vector=(vector / np.linalg.norm(vector)).tolist(), language="zh", script="simplified", turns=6)
    session.flow = FlowState("rate", FLOWS["rate"], {"contract": 10000.0, "received": 8000.0, "plan": "month"})
    return session


def run(name: str, url: str, messages: int, users: int) -> dict:
    store = open_store(url)
    sessions = Sessions(store, FLOWS, 1800, secret=None)
    rng = random.Random(7)
    keys = [f"web:{i:032x}" for i in range(users)]
    for key in keys:  # every conversation already has a session, as in steady state
        sessions.save(key, realistic_session(key, rng))
    size = len(json.dumps(store.load_session(keys[0]), separators=(",", ":")).encode())
    for key in keys[:50]:  # warm up connections and caches
        sessions.save(key, sessions.load(key))
    timings = []
    for i in range(messages):
        key = keys[rng.randrange(users)]
        started = time.perf_counter()
        session = sessions.load(key)
        session.dialogue.turns += 1
        store.hit("flood:" + key, 60)
        sessions.save(key, session)
        timings.append((time.perf_counter() - started) * 1000)
    store.close()
    p50, p99 = np.percentile(timings, [50, 99])
    return {"backend": name, "messages": messages, "session_bytes": size, "p50_ms": round(float(p50), 3),
            "p99_ms": round(float(p99), 3), "mean_ms": round(float(np.mean(timings)), 3)}


def start_redis(workdir: Path) -> tuple[subprocess.Popen, str]:
    binary = shutil.which("redis-server")
    if binary is None:
        sys.exit("redis-server is not installed: apt-get install redis-server (or pass --redis URL)")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                                "--appendonly", "no", "--dir", str(workdir)], stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return process, f"redis://127.0.0.1:{port}/0"
        except OSError:
            time.sleep(0.05)
    process.kill()
    sys.exit("redis-server did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--messages", type=int, default=5000)
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--redis", help="use this Redis instead of starting one (its db is written to)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        redis_process, redis_url = (None, args.redis) if args.redis else start_redis(Path(tmp))
        try:
            results = [run("memory", "memory", args.messages, args.users),
                       run("sqlite", f"sqlite:///{tmp}/state.sqlite3", args.messages, args.users),
                       run("redis", redis_url, args.messages, args.users)]
        finally:
            if redis_process is not None:
                redis_process.terminate()
                redis_process.wait(10)
    if args.json:
        print(json.dumps(results))
        return
    print(f"per message: load + save a {results[0]['session_bytes']:,}-byte session + one flood hit; "
          f"{args.messages} messages over {args.users} users")
    for r in results:
        verdict = "" if r["backend"] == "memory" else ("  (target p50 <= 1 ms: met)" if r["p50_ms"] <= 1
                                                       else "  (target p50 <= 1 ms: MISSED)")
        print(f"  {r['backend']:>6}: p50 {r['p50_ms']:.3f} ms  p99 {r['p99_ms']:.3f} ms  mean {r['mean_ms']:.3f} ms{verdict}")


if __name__ == "__main__":
    main()
