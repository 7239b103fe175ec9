"""Benchmark the Telegram bot against a bare python-telegram-bot echo bot on the same fake Bot API server.

50 chats each send messages one after another (the next as soon as the previous reply has fully
arrived), all 50 at once. Both bots run with concurrent updates, in this process, over real HTTP to
tests/fake_telegram.py on 127.0.0.1. Reports messages per second and p50/p99 reply latency.

Run: .venv/bin/python benchmarks/telegram_load.py   (target: bot >= 0.8x echo throughput, p99 <= 2x echo p99)
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from pathlib import Path

import numpy as np
from telegram import Update
from telegram.ext import Application, ApplicationBuilder, ContextTypes, MessageHandler, filters

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.assistant import Assistant  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.telegram_bot import FLOOD_LIMIT, TelegramBot, quiet_libraries  # noqa: E402
from tests.fake_telegram import FakeTelegram  # noqa: E402

TOKEN = "123456:" + "B" * 35
CHATS = 50
PER_CHAT = FLOOD_LIMIT  # the bot's own per-user flood limit: more would be answered with the notice
ROUNDS = 2


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await update.effective_message.reply_text(update.effective_message.text)


def echo_application(base_url: str) -> Application:
    app = ApplicationBuilder().token(TOKEN).base_url(base_url).concurrent_updates(True).build()
    app.add_handler(MessageHandler(filters.TEXT, echo))
    return app


async def measure(fake: FakeTelegram, app: Application, questions: list[str], parts: dict[str, int]) -> dict:
    """Run 50 closed-loop chats through one application; latency ends when a reply's last part arrives."""
    fake.clear()
    loop = asyncio.get_running_loop()
    arrivals = {chat: asyncio.Queue() for chat in range(1, CHATS + 1)}
    fake.on_send = lambda record: loop.call_soon_threadsafe(arrivals[int(record["chat_id"])].put_nowait,
                                                            time.perf_counter())
    latencies: list[float] = []

    async def chat(chat_id: int) -> None:
        for number in range(PER_CHAT):
            question = questions[(chat_id * 7 + number) % len(questions)]
            started = time.perf_counter()
            fake.user_message(question, chat_id=chat_id)
            for _ in range(parts[question]):
                arrived = await arrivals[chat_id].get()
            latencies.append(arrived - started)

    async with app:
        await app.start()
        await app.updater.start_polling(poll_interval=0, timeout=1)
        started = time.perf_counter()
        await asyncio.gather(*(chat(c) for c in range(1, CHATS + 1)))
        elapsed = time.perf_counter() - started
        await app.updater.stop()
        await app.stop()
    ms = np.array(latencies) * 1000
    return {"messages": len(latencies), "msgs_per_s": round(len(latencies) / elapsed, 1),
            "p50_ms": round(float(np.percentile(ms, 50)), 1), "p99_ms": round(float(np.percentile(ms, 99)), 1)}


async def main() -> None:
    quiet_libraries()
    questions = [json.loads(line)["text"] for line in (ROOT / "tests" / "data" / "holdout.jsonl").read_text()
                 .splitlines() if line.strip()]
    assistant = Assistant(Settings.from_env())
    bot_parts = {q: len(assistant.renderer.html(assistant.reply(q))) for q in questions}
    echo_parts = {q: 1 for q in questions}
    results: dict[str, list[dict]] = {"echo": [], "bot": []}
    with FakeTelegram(TOKEN) as fake:
        for _ in range(ROUNDS):  # alternate, so neither bot always runs on a warmer machine
            results["echo"].append(await measure(fake, echo_application(fake.base_url), questions, echo_parts))
            bot_app = TelegramBot(assistant).application(TOKEN, base_url=fake.base_url)
            results["bot"].append(await measure(fake, bot_app, questions, bot_parts))
    summary = {name: {key: float(np.median([r[key] for r in runs])) for key in runs[0]}
               for name, runs in results.items()}
    summary["throughput_ratio"] = round(summary["bot"]["msgs_per_s"] / summary["echo"]["msgs_per_s"], 2)
    summary["p99_ratio"] = round(summary["bot"]["p99_ms"] / summary["echo"]["p99_ms"], 2)
    summary["rounds"] = results
    print(json.dumps(summary, indent=1))


if __name__ == "__main__":
    asyncio.run(main())
