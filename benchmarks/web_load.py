"""Benchmark the web chat against a bare endpoint on the same tornado server that does no work.

One server process (a subprocess, so that the load generator does not share its interpreter) serves
POST /api/message (the web channel: cookie, limits, session store, the core in a worker thread,
rendering), POST /bare (reads the JSON body and sends it back) and, to show where the time goes,
POST /core (the core's respond + render in a worker thread, with no channel around it).

50 sessions, each on its own keep-alive connection with its own cookie, send their messages one after
another, each waiting for its reply: as fast as they can (throughput at saturation, two rounds,
alternating endpoints) and paced at one message per session per second (latency at an equal load of
50 messages/s). Loopback only; the run takes about a minute.

Run: .venv/bin/python benchmarks/web_load.py   (target: web >= 0.5x bare messages/s at saturation)
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SESSIONS = 50
PER_SESSION = 20  # the web channel's per-session limit is 20 messages a minute: more would get the notice
PACED_PER_SESSION = 10
PACED_INTERVAL = 1.0  # seconds between one session's messages: 50 messages/s in all
ROUNDS = 2
RUN_TIMEOUT = 300.0  # seconds: a run that takes longer is a failure, not a result
# bare: the framework's floor (no work); core: the framework plus the core's work in a worker thread;
# web: the whole web channel (cookie, limits, store, worker thread, rendering, JSON)
ENDPOINTS = {"bare": "/bare", "core": "/core", "web": "/api/message"}


def serve(port: int, store: str) -> None:
    """The server process: the web channel and the bare endpoint on one tornado application."""
    import tornado.web

    from bot.channels.web import WebChat, serve as serve_web
    from bot.config import Settings
    from bot.core.assistant import Assistant
    from bot.state import open_store
    from bot.state.sessions import Sessions
    from bot.core.dialogue import Session
    from bot.tools.dispatch import Turn

    class Bare(tornado.web.RequestHandler):
        def post(self) -> None:
            self.set_header("Content-Type", "application/json; charset=utf-8")
            self.finish(json.dumps({"mode": "bare", "messages": [json.loads(self.request.body)["text"]]},
                                   ensure_ascii=False))

    conversations: dict[int, Session] = {}  # one per keep-alive connection, i.e. per benchmark session

    def core(session: Session, text: str) -> list[str]:
        result = assistant.respond(session, text)
        return chat.turn(result)["messages"] if isinstance(result, Turn) else assistant.renderer.html(result)

    class Core(tornado.web.RequestHandler):
        """The core alone on this server: respond + render in a worker thread, as the web channel runs it,
        with the conversation kept in a dict instead of the cookie, limits, session store and reply envelope."""

        async def post(self) -> None:
            session = conversations.setdefault(id(self.request.connection.stream), Session(user="bench"))
            messages = await asyncio.to_thread(core, session, json.loads(self.request.body)["text"])
            self.set_header("Content-Type", "application/json; charset=utf-8")
            self.finish(json.dumps({"mode": "core", "messages": messages}, ensure_ascii=False))

    settings = Settings.from_env()
    assistant = Assistant(settings)
    state = open_store(store)
    # every session comes from 127.0.0.1 here; in real use they come from many addresses
    chat = WebChat(assistant, state, Sessions(state, assistant.tools.flows, settings.session_idle_seconds),
                   ip_limit=10**9)
    asyncio.run(serve_web(chat, "127.0.0.1", port, extra=[(r"/bare", Bare), (r"/core", Core)],
                          ready=lambda p: print(f"PORT {p}", flush=True)))


class Connection:
    """One browser session: a keep-alive HTTP/1.1 connection and its cookie."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.cookie = ""
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def post(self, path: str, text: str) -> dict:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        body = json.dumps({"text": text}, ensure_ascii=False).encode()
        head = (f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\nContent-Type: application/json\r\n"
                f"Content-Length: {len(body)}\r\n" + (f"Cookie: {self.cookie}\r\n" if self.cookie else "") + "\r\n")
        self.writer.write(head.encode() + body)
        status_line, *lines = (await self.reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
        headers = {}
        for line in lines:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        data = await self.reader.readexactly(int(headers.get("content-length", 0)))
        if "set-cookie" in headers:
            self.cookie = headers["set-cookie"].split(";")[0]
        status = int(status_line.split()[1])
        if status != 200:
            raise RuntimeError(f"{path} answered {status}: {data[:200]!r}")
        return json.loads(data)

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            await self.writer.wait_closed()


async def measure(port: int, path: str, questions: list[str], count: int, interval: float = 0.0) -> dict:
    """50 new sessions (new cookies); latency is from sending a message to having its whole reply."""
    latencies: list[float] = []
    connections = [Connection(port) for _ in range(SESSIONS)]

    async def session(number: int) -> None:
        connection = connections[number]
        for turn in range(count):
            if interval:
                due = begun + (turn + number / SESSIONS) * interval
                await asyncio.sleep(max(0.0, due - time.perf_counter()))
            started = time.perf_counter()
            await connection.post(path, questions[(number * 7 + turn) % len(questions)])
            latencies.append(time.perf_counter() - started)

    begun = time.perf_counter()
    try:
        await asyncio.wait_for(asyncio.gather(*(session(n) for n in range(SESSIONS))), RUN_TIMEOUT)
    finally:
        await asyncio.gather(*(c.close() for c in connections))
    elapsed = time.perf_counter() - begun
    ms = np.array(latencies) * 1000
    return {"messages": len(latencies), "msgs_per_s": round(len(latencies) / elapsed, 1),
            "p50_ms": round(float(np.percentile(ms, 50)), 1), "p99_ms": round(float(np.percentile(ms, 99)), 1)}


async def run(port: int, questions: list[str]) -> dict:
    # warm up both paths (first requests, thread pool, caches), then alternate so neither runs warmer
    for path in ENDPOINTS.values():
        await measure(port, path, questions, 2)
    runs: dict[str, list[dict]] = {f"{e}_{m}": [] for m in ("saturated", "paced") for e in ENDPOINTS}
    for number in range(ROUNDS):
        for mode, count, interval in (("saturated", PER_SESSION, 0.0), ("paced", PACED_PER_SESSION, PACED_INTERVAL)):
            if mode == "paced" and number:
                continue  # one paced round is enough: at 50 messages/s nothing queues
            for name, path in ENDPOINTS.items():
                if mode == "paced" and name == "core":
                    continue
                runs[f"{name}_{mode}"].append(await measure(port, path, questions, count, interval))
                print(f"round {number + 1} {mode} {name}: {runs[f'{name}_{mode}'][-1]}", file=sys.stderr, flush=True)
    runs = {name: rs for name, rs in runs.items() if rs}
    summary: dict = {name: {key: round(float(np.median([r[key] for r in rs])), 1) for key in rs[0]}
                     for name, rs in runs.items()}
    web, bare, core = summary["web_saturated"], summary["bare_saturated"], summary["core_saturated"]
    summary["saturated_throughput_ratio"] = round(web["msgs_per_s"] / bare["msgs_per_s"], 2)
    summary["saturated_web_to_core_ratio"] = round(web["msgs_per_s"] / core["msgs_per_s"], 2)
    summary["ms_per_message"] = {name: round(1000 / summary[f"{name}_saturated"]["msgs_per_s"], 2)
                                 for name in ENDPOINTS}
    summary["paced_p99_ratio"] = round(summary["web_paced"]["p99_ms"] / summary["bare_paced"]["p99_ms"], 2)
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--store", default="memory", help="state store for the web channel: memory (default), "
                        "sqlite:///path or redis://host:port/db")
    args = parser.parse_args()
    if args.serve:
        serve(args.port, args.store)
        return
    questions = [json.loads(line)["text"] for line in (ROOT / "tests" / "data" / "holdout.jsonl").read_text()
                 .splitlines() if line.strip()]
    server = subprocess.Popen([sys.executable, __file__, "--serve", "--store", args.store], cwd=ROOT,
                              stdout=subprocess.PIPE, text=True, env=dict(os.environ, PYTHONUNBUFFERED="1"))
    try:
        line = server.stdout.readline()
        if not line.startswith("PORT "):
            raise SystemExit("the server did not start")
        summary = asyncio.run(run(int(line.split()[1]), questions))
        summary["cpus"] = os.cpu_count()
        summary["store"] = args.store
        print(json.dumps(summary, indent=1))
    finally:
        server.terminate()
        server.wait(20)


if __name__ == "__main__":
    main()
