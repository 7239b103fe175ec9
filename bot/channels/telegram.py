"""The Telegram adapter: thin async handlers around the shared Assistant.

Privacy: message text is never logged; only update ids, lengths and timings.
Replies are retried with backoff on flood control, 5xx and timeouts.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import datetime as dt
import logging
import os
import re
import sys
import time
import warnings
from dataclasses import dataclass, field
from typing import Awaitable, Callable

from telegram import BotCommand, InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.constants import ChatType, ParseMode
from telegram.error import NetworkError, RetryAfter, TimedOut
from telegram.ext import (Application, ApplicationBuilder, CallbackQueryHandler, CommandHandler, ContextTypes,
                          MessageHandler, filters)
from telegram.warnings import PTBDeprecationWarning

from bot import __version__
from bot.core.assistant import Assistant
from bot.core.compose import Reply, compose_answer
from bot.config import Settings
from bot.channels.redact import redact
from bot.core.render import split_message
from bot.core.retrieve import Hit
from bot.tools.dispatch import COMMANDS as TOOL_COMMANDS
from bot.tools.dispatch import Session, Turn

log = logging.getLogger(__name__)
TOKEN_PATTERN = re.compile(r"^\d{5,}:[A-Za-z0-9_-]{30,}$")
SITUATION_QUESTIONS = {
    "家人被骚扰": "催收一直联系我的家人和同事，怎么办",
    "威胁恐吓": "催收威胁恐吓我，怎么办",
    "上门催收": "催收说要上门，或者已经上门堵门了",
    "利息太高": "网贷利息太高，超出法律上限的部分要还吗",
    "想协商还款": "我还不上了，想和平台协商分期或延期",
    "被起诉了": "平台起诉我了，收到法院文书怎么办",
}
COMMANDS = [("help", "怎么用"), ("rights", "按话题看法律条文"), ("report", "投诉渠道"), ("evidence", "取证清单"),
            ("rate", "算借款的真实年化利率"), ("letter", "写投诉信、协商信"), ("log", "记录骚扰，导出表格"),
            ("cancel", "取消正在填写的内容"), ("reset", "重新开始"), ("privacy", "隐私说明"), ("about", "来源与版本")]
FLOOD_LIMIT, FLOOD_WINDOW = 20, 60.0
SEND_ATTEMPTS = 6


@dataclass
class BotState:
    """What a running bot keeps in memory: flood counters and feedback counts (never message text)."""

    recent: dict[int, collections.deque] = field(default_factory=lambda: collections.defaultdict(collections.deque))
    feedback: collections.Counter = field(default_factory=collections.Counter)

    def allow(self, user_id: int, now: float) -> bool | None:
        """True to answer; False once when the limit is hit (send a notice); None while still over it."""
        times = self.recent[user_id]
        while times and now - times[0] > FLOOD_WINDOW:
            times.popleft()
        times.append(now)
        if len(times) <= FLOOD_LIMIT:
            return True
        return False if len(times) == FLOOD_LIMIT + 1 else None


def retry_seconds(error: RetryAfter) -> float:
    """Seconds Telegram asks us to wait; PTB 22 gives int or timedelta depending on PTB_TIMEDELTA."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = error.retry_after
    return value.total_seconds() if isinstance(value, dt.timedelta) else float(value)


async def deliver(call: Callable[[], Awaitable[object]], chat_id: int) -> None:
    """Make one Bot API call, retrying flood control, server errors and timeouts with backoff."""
    delay = 0.5
    for attempt in range(1, SEND_ATTEMPTS + 1):
        try:
            await call()
            return
        except RetryAfter as exc:
            wait = retry_seconds(exc)
        except (TimedOut, NetworkError) as exc:
            wait = delay
            delay = min(delay * 2, 30)
            log.warning("send failed (%s), attempt %d", type(exc).__name__, attempt)
        if attempt == SEND_ATTEMPTS:
            break
        await asyncio.sleep(float(wait))
    log.error("gave up sending to chat %s after %d attempts", chat_id, SEND_ATTEMPTS)


async def send(message: Message, text: str, markup: InlineKeyboardMarkup | None = None) -> None:
    """Send one HTML part (already within Telegram's limits by construction)."""
    await deliver(lambda: message.reply_text(text, parse_mode=ParseMode.HTML, reply_markup=markup, do_quote=False,
                                             disable_web_page_preview=True), message.chat_id)


async def send_parts(message: Message, parts: list[str], markup: InlineKeyboardMarkup | None = None) -> None:
    for number, part in enumerate(parts):
        await send(message, part, markup if number == len(parts) - 1 else None)


def follow_up_keyboard(reply: Reply) -> InlineKeyboardMarkup | None:
    if reply.mode == "out_of_scope" or not reply.hits:
        return None
    top = reply.hits[0].passage
    topic = top.topics[0]
    return InlineKeyboardMarkup([
        [InlineKeyboardButton("相关法律", callback_data=f"topic:{topic}"),
         InlineKeyboardButton("怎么投诉", callback_data="topic:complaints"),
         InlineKeyboardButton("取证清单", callback_data="topic:evidence")],
        [InlineKeyboardButton("👍", callback_data=f"fb:up:{top.id}"[:64]),
         InlineKeyboardButton("👎", callback_data=f"fb:down:{top.id}"[:64])],
    ])


class TelegramBot:
    """Handlers for one Application; all answers come from the shared Assistant."""

    def __init__(self, assistant: Assistant, log_text: bool = False) -> None:
        self.assistant = assistant
        self.state = BotState()
        self.log_text = log_text  # debug only: logs message text with phone, ID and card numbers masked

    def page(self, name: str, **values: object) -> str:
        return self.assistant.renderer.page(name, html=True, **values)

    def topic_reply(self, topic: str) -> Reply:
        """The passages of one topic as a reply, laws first."""
        passages = [p for p in self.assistant.index.passages if topic in p.topics]
        passages.sort(key=lambda p: (p.kind != "law", p.topics.index(topic)))
        hits = [Hit(p, 1.0) for p in passages[:6]]
        return compose_answer(hits, self.assistant.knowledge)

    async def send_topic(self, message: Message, topic: str) -> None:
        await send_parts(message, self.assistant.renderer.html(self.topic_reply(topic)))

    async def answer(self, message: Message, text: str, session: Session | None = None) -> None:
        """Reply to free text; with a session (private chats) a running tool gets it first."""
        started = time.perf_counter()
        if self.log_text:
            log.info("text chat=%s: %s", message.chat_id, redact(text))
        if session is not None:
            result = await asyncio.to_thread(self.assistant.respond, session, text)
        else:
            result = await asyncio.to_thread(self.assistant.reply, text)
        if isinstance(result, Turn):
            await self.send_turn(message, result)
            log.info("tool turn chat=%s len=%d in %.0f ms", message.chat_id, len(text),
                     (time.perf_counter() - started) * 1000)
            return
        reply = result
        parts = self.assistant.renderer.html(reply)
        await send_parts(message, parts, follow_up_keyboard(reply))
        log.info("answered chat=%s len=%d mode=%s parts=%d in %.0f ms", message.chat_id, len(text), reply.mode,
                 len(parts), (time.perf_counter() - started) * 1000)

    # --- handlers -------------------------------------------------------------------------------

    async def start(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        situations = list(SITUATION_QUESTIONS)
        rows = [[InlineKeyboardButton(s, callback_data=f"ask:{s}") for s in situations[i:i + 3]]
                for i in range(0, len(situations), 3)]
        await send(update.effective_message, self.page("welcome.j2"), InlineKeyboardMarkup(rows))

    async def help(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await send(update.effective_message, self.page("help.j2", console=False))

    async def privacy(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await send(update.effective_message, self.page("privacy.j2", log_persistent=self.assistant.tools.log.persistent))

    async def about(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await send(update.effective_message, self.page(
            "about.j2", version=__version__, checked=self.assistant.knowledge.checked,
            passages=len(self.assistant.index.passages), embedder=self.assistant.embedder.name))

    async def reset(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        context.user_data.clear()
        await send(update.effective_message, self.page("reset.j2"))

    async def rights(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        topics = list(self.assistant.knowledge.topics.values())
        rows = [[InlineKeyboardButton(t.label, callback_data=f"topic:{t.id}") for t in topics[i:i + 2]]
                for i in range(0, len(topics), 2)]
        await send(update.effective_message, self.page("rights_menu.j2"), InlineKeyboardMarkup(rows))

    async def report(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await self.send_topic(update.effective_message, "complaints")

    async def evidence(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await self.send_topic(update.effective_message, "evidence")

    async def tool(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/rate, /letter, /log, /cancel: the shared tools, only in a private chat."""
        message = update.effective_message
        if message.chat.type != ChatType.PRIVATE:
            await send(message, self.page("group_warning.j2"))
            return
        await self.answer(message, message.text, self.session(update, context))

    def session(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> Session:
        """The user's running flow lives in PTB's in-memory user_data and goes with /reset or a restart."""
        return context.user_data.setdefault("session", Session(user=f"tg:{update.effective_user.id}"))

    async def send_turn(self, message: Message, turn: Turn) -> None:
        """Pages as HTML messages (a question's options also as buttons), then files as documents."""
        for page in turn.pages:
            options = page.values.get("options") or []
            markup = InlineKeyboardMarkup([[InlineKeyboardButton(o, callback_data=f"ans:{n}")]
                                           for n, o in enumerate(options, 1)]) if options else None
            await send_parts(message, split_message(self.page(page.name, **page.values)), markup)
        for file in turn.files:
            await deliver(lambda: message.reply_document(file.content.encode("utf-8"), filename=file.filename,
                                                         do_quote=False), message.chat_id)

    async def text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        if message.chat.type != ChatType.PRIVATE and not self._addressed(message, context):
            return
        allowed = self.state.allow(update.effective_user.id if update.effective_user else message.chat_id,
                                   time.monotonic())
        if allowed is None:
            return
        if allowed is False:
            await send(message, self.page("flood.j2"))
            return
        text = message.text or ""
        if message.chat.type == ChatType.PRIVATE and update.effective_user:
            await self.answer(message, text, self.session(update, context))
            return
        text = text.replace(f"@{context.bot.username}", " ")
        await send(message, self.page("group_warning.j2"))
        await self.answer(message, text)

    def _addressed(self, message: Message, context: ContextTypes.DEFAULT_TYPE) -> bool:
        mentioned = f"@{context.bot.username}".lower() in (message.text or "").lower()
        replied = message.reply_to_message is not None and message.reply_to_message.from_user is not None \
            and message.reply_to_message.from_user.id == context.bot.id
        return mentioned or replied

    async def not_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if update.effective_chat.type != ChatType.PRIVATE:
            return
        await send(update.effective_message, self.page("not_text.j2"))

    async def button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        await query.answer()
        kind, _, value = (query.data or "").partition(":")
        if kind == "ask" and value in SITUATION_QUESTIONS:
            await self.answer(query.message, SITUATION_QUESTIONS[value])
        elif kind == "ans" and update.effective_chat.type == ChatType.PRIVATE:
            await self.answer(query.message, value, self.session(update, context))
        elif kind == "topic" and value in self.assistant.knowledge.topics:
            await self.send_topic(query.message, value)
        elif kind == "fb":
            vote, _, passage_id = value.partition(":")
            self.state.feedback[(vote, passage_id)] += 1
            await send(query.message, self.page("feedback.j2"))

    async def error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        update_id = update.update_id if isinstance(update, Update) else None
        log.error("error handling update %s: %s", update_id, type(context.error).__name__)

    async def post_init(self, application: Application) -> None:
        await application.bot.set_my_commands([BotCommand(c, d) for c, d in COMMANDS])

    def application(self, token: str, base_url: str | None = None, proxy: str | None = None) -> Application:
        builder: ApplicationBuilder = (ApplicationBuilder().token(token).concurrent_updates(True)
                                       .post_init(self.post_init))
        if base_url:
            builder = builder.base_url(base_url.rstrip("/")).base_file_url(base_url.rstrip("/") + "/file")
        if proxy:
            builder = builder.proxy(proxy).get_updates_proxy(proxy)
        app = builder.build()
        app.add_handler(CommandHandler("start", self.start))
        for name, _ in COMMANDS:
            app.add_handler(CommandHandler(name, self.tool if f"/{name}" in TOOL_COMMANDS else getattr(self, name)))
        app.add_handler(CallbackQueryHandler(self.button))
        app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, self.text))
        app.add_handler(MessageHandler(~filters.TEXT & ~filters.COMMAND & ~filters.StatusUpdate.ALL, self.not_text))
        app.add_error_handler(self.error)
        return app


def quiet_libraries() -> None:
    """Keep message text and the token out of logs: python-telegram-bot logs whole updates at DEBUG,
    and httpx logs request URLs (which contain the token) at INFO."""
    logging.getLogger("telegram").setLevel(logging.INFO)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)


def run(args: argparse.Namespace, settings: Settings) -> int:
    """python -m bot telegram: long polling, or a webhook server with --webhook-url."""
    token = os.environ.get("TELEGRAM_BOT_TOKEN", "").strip()
    if not TOKEN_PATTERN.match(token):
        print("error: set TELEGRAM_BOT_TOKEN to the token from @BotFather (digits, a colon, then letters)",
              file=sys.stderr)
        return 2
    quiet_libraries()
    if args.log_text:
        logging.getLogger(__name__).setLevel(logging.INFO)
        log.warning("debug text logging is on (phone, ID and card numbers masked); do not use it in production")
    bot = TelegramBot(Assistant(settings), log_text=args.log_text)
    app = bot.application(token, os.environ.get("TELEGRAM_API_BASE"), os.environ.get("TELEGRAM_PROXY"))
    # Both modes stop on SIGINT/SIGTERM: PTB finishes the handlers already running, then shuts down.
    if args.webhook_url:
        app.run_webhook(listen=args.listen, port=args.port, url_path=args.url_path,
                        webhook_url=args.webhook_url, secret_token=args.secret_token,
                        allowed_updates=Update.ALL_TYPES)
    else:
        app.run_polling(allowed_updates=Update.ALL_TYPES)
    log.info("stopped cleanly")
    return 0
