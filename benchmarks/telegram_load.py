"""Benchmark the Telegram bot against a bare python-telegram-bot echo bot on the same fake Bot API server.

50 chats send at once, each waiting for its reply before the next message: once as fast as they
can (throughput at saturation) and once paced at one message per chat per second (latency at equal
load). Both bots run with concurrent updates, in this process, over real HTTP to
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

from bot.core.assistant import Assistant  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.channels.telegram import FLOOD_LIMIT, TelegramBot, quiet_libraries  # noqa: E402
from tests.fake_telegram import FakeTelegram  # noqa: E402

TOKEN = "123456:" + "B" * 35
CHATS = 50
PER_CHAT = FLOOD_LIMIT  # the bot's own per-user flood limit: more would be answered with the notice
ROUNDS = 2
PACED_INTERVAL = 1.0  # seconds between one chat's messages: 50 messages/s in all, below both capacities


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await update.effective_message.reply_text(update.effective_message.text)


def echo_application(base_url: str) -> Application:
    app = ApplicationBuilder().token(TOKEN).base_url(base_url).concurrent_updates(True).build()
    app.add_handler(MessageHandler(filters.TEXT, echo))
    return app


async def measure(fake: FakeTelegram, app: Application, questions: list[str], parts: dict[str, int],
                  interval: float = 0.0) -> dict:
    """Run 50 chats through one application; latency ends when a reply's last part arrives.

    interval 0: each chat sends its next message as soon as the reply arrives (saturation, for
    throughput). interval > 0: each chat sends one message every `interval` seconds, staggered, so both
    bots get the same load below their capacity (for latency).
    """
    fake.clear()
    loop = asyncio.get_running_loop()
    arrivals = {chat: asyncio.Queue() for chat in range(1, CHATS + 1)}
    fake.on_send = lambda record: loop.call_soon_threadsafe(arrivals[int(record["chat_id"])].put_nowait,
                                                            time.perf_counter())
    latencies: list[float] = []

    async def chat(chat_id: int) -> None:
        for number in range(PER_CHAT):
            if interval:
                due = begun + (number + chat_id / CHATS) * interval
                await asyncio.sleep(max(0.0, due - time.perf_counter()))
            question = questions[(chat_id * 7 + number) % len(questions)]
            started = time.perf_counter()
            fake.user_message(question, chat_id=chat_id)
            for _ in range(parts[question]):
                arrived = await arrivals[chat_id].get()
            latencies.append(arrived - started)

    async with app:
        await app.start()
        await app.updater.start_polling(poll_interval=0, timeout=1)
        begun = time.perf_counter()
        await asyncio.gather(*(chat(c) for c in range(1, CHATS + 1)))
        elapsed = time.perf_counter() - begun
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
    runs: dict[str, list[dict]] = {f"{bot}_{mode}": [] for mode in ("saturated", "paced") for bot in ("echo", "bot")}
    with FakeTelegram(TOKEN) as fake:
        for _ in range(ROUNDS):  # alternate, so neither bot always runs on a warmer machine
            for mode, interval in (("saturated", 0.0), ("paced", PACED_INTERVAL)):
                runs[f"echo_{mode}"].append(await measure(fake, echo_application(fake.base_url), questions,
                                                          echo_parts, interval))
                bot_app = TelegramBot(assistant).application(TOKEN, base_url=fake.base_url)
                runs[f"bot_{mode}"].append(await measure(fake, bot_app, questions, bot_parts, interval))
    summary: dict = {name: {key: round(float(np.median([r[key] for r in rs])), 1) for key in rs[0]}
                     for name, rs in runs.items()}
    for mode in ("saturated", "paced"):
        bot, echo = summary[f"bot_{mode}"], summary[f"echo_{mode}"]
        summary[f"{mode}_throughput_ratio"] = round(bot["msgs_per_s"] / echo["msgs_per_s"], 2)
        summary[f"{mode}_p99_ratio"] = round(bot["p99_ms"] / echo["p99_ms"], 2)
    print(json.dumps(summary, indent=1))


if __name__ == "__main__":
    asyncio.run(main())
