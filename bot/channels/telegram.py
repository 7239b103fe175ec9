"""The Telegram adapter: thin async handlers around the shared Assistant.

Privacy: message text is never logged; only update ids, lengths and timings.
Replies are retried with backoff on flood control, 5xx and timeouts.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import logging
import os
import re
import sys
import time
import warnings
import weakref
from typing import Awaitable, Callable, TypeVar

from telegram import BotCommand, InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.constants import ChatType, ParseMode
from telegram.error import NetworkError, RetryAfter, TimedOut
from telegram.ext import (Application, ApplicationBuilder, CallbackQueryHandler, CommandHandler, ContextTypes,
                          MessageHandler, filters)
from telegram.warnings import PTBDeprecationWarning

from bot.channels.redact import redact
from bot.config import Settings
from bot.core.assistant import Assistant
from bot.core.compose import Reply
from bot.core.dialogue import DialogueState
from bot.core.render import split_message
from bot.state import FEEDBACK, Store, open_store
from bot.state.feedback import count_outcome
from bot.state.sessions import Sessions
from bot.tools.dispatch import COMMANDS as TOOL_COMMANDS
from bot.tools.dispatch import Turn

log = logging.getLogger(__name__)
T = TypeVar("T")
TOKEN_PATTERN = re.compile(r"^\d{5,}:[A-Za-z0-9_-]{30,}$")
COMMANDS = [("help", "怎么用"), ("rights", "按话题看法律条文"), ("report", "投诉渠道"), ("evidence", "取证清单"),
            ("rate", "算借款的真实年化利率"), ("letter", "写投诉信、协商信"), ("log", "记录骚扰，导出表格"),
            ("cancel", "取消正在填写的内容"), ("reset", "重新开始"), ("privacy", "隐私说明"), ("about", "来源与版本")]
FLOOD_LIMIT, FLOOD_WINDOW = 20, 60.0
SEND_ATTEMPTS = 6


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


FEEDBACK_MODES = ("answer", "check_in")


def reply_keyboard(reply: Reply, convert: Callable[[str, str], str]) -> InlineKeyboardMarkup | None:
    """The reply's buttons (expansions send a command, clarify choices their text) and, under an answer,
    👍/👎 for its top passage. A crisis reply gets no buttons at all."""
    rows = []
    buttons = [InlineKeyboardButton(convert(b.label, reply.script), callback_data=_callback(b.send, n))
               for n, b in enumerate(reply.buttons)]
    rows += [buttons[i:i + 2] for i in range(0, len(buttons), 2)]
    if reply.mode in FEEDBACK_MODES and reply.hits:
        top = reply.hits[0].passage.id
        rows.append([InlineKeyboardButton("👍", callback_data=f"fb:up:{top}"[:64]),
                     InlineKeyboardButton("👎", callback_data=f"fb:down:{top}"[:64])])
    return InlineKeyboardMarkup(rows) if rows and reply.mode != "crisis" else None


def _callback(send: str, number: int) -> str:
    """Commands travel as themselves; longer texts (clarify choices) by their number."""
    return f"cmd:{send}" if send.startswith("/") else f"opt:{number}"


class TelegramBot:
    """Handlers for one Application; all answers come from the shared Assistant."""

    def __init__(self, assistant: Assistant, log_text: bool = False, store: Store | None = None,
                 idle_seconds: float = 1800) -> None:
        self.assistant = assistant
        self.store = store or open_store("memory")  # sessions, flood counters, feedback: shared by workers
        self.sessions = Sessions(self.store, assistant.tools.flows, idle_seconds)
        self.locks: weakref.WeakValueDictionary[str, asyncio.Lock] = weakref.WeakValueDictionary()
        # The core is ~5 ms of GIL-bound Python a message: a worker thread gains no parallelism and adds
        # hand-offs and contention with the event loop (measured: 2-4 ms CPU a message at 50 chats). So it
        # runs on the event loop, unless the store talks to a server (Redis) whose round trips must not block it.
        self.offload = getattr(self.store, "remote", False)
        self.log_text = log_text  # debug only: logs message text with phone, ID and card numbers masked

    def page(self, name: str, **values: object) -> str:
        return self.assistant.renderer.page(name, html=True, **values)

    def topic_part(self, part: str, topic: str) -> Reply:
        """One part (law, channels, evidence) of a topic, for /rights, /report and /evidence."""
        return self.assistant.composer.part(part, DialogueState(topics=[topic]), "zh")

    async def send_reply(self, message: Message, reply: Reply) -> None:
        await send_parts(message, self.assistant.renderer.html(reply),
                         reply_keyboard(reply, self.assistant.renderer.convert))

    async def answer(self, message: Message, text: str, key: str | None = None, note: str = "") -> None:
        """Reply to free text; with a session key (private chats) the conversation and a running tool come
        into it. `note` is a template sent first (a photo's caption: images are not read)."""
        started = time.perf_counter()
        if self.log_text:
            log.info("text chat=%s: %s", message.chat_id, redact(text))
        script = "simplified"
        if key is not None:
            async with self.locks.setdefault(key, asyncio.Lock()):  # one message at a time per user
                result, script = await self.call(self.respond, key, text)
        else:
            result = await self.call(self.assistant.reply, text)
        if note:
            await send(message, self.page(note))
        if isinstance(result, Turn):
            await self.send_turn(message, result, script)
            log.info("tool turn chat=%s len=%d in %.0f ms", message.chat_id, len(text),
                     (time.perf_counter() - started) * 1000)
            return
        await self.send_reply(message, result)
        log.info("answered chat=%s len=%d mode=%s in %.0f ms", message.chat_id, len(text), result.mode,
                 (time.perf_counter() - started) * 1000)

    # --- handlers -------------------------------------------------------------------------------

    async def start(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        situations = [InlineKeyboardButton(o.label, callback_data=f"opt:{n}")
                      for n, o in enumerate(self.assistant.triage.dialogue.options)]
        rows = [situations[i:i + 2] for i in range(0, len(situations), 2)]
        await send(update.effective_message, self.page("welcome.j2"), InlineKeyboardMarkup(rows))

    async def help(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await send(update.effective_message, self.page("help.j2", console=False))

    async def privacy(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await send(update.effective_message, self.page("privacy.j2", log_persistent=self.assistant.tools.log.persistent))

    async def about(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await send(update.effective_message, self.page("about.j2", **self.assistant.about()))

    async def reset(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        self.sessions.reset(self.session_key(update))  # the conversation state and any running tool go
        await send(update.effective_message, self.page("reset.j2"))

    async def rights(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        topics = list(self.assistant.knowledge.topics.values())
        rows = [[InlineKeyboardButton(t.label, callback_data=f"topic:{t.id}") for t in topics[i:i + 2]]
                for i in range(0, len(topics), 2)]
        await send(update.effective_message, self.page("rights_menu.j2"), InlineKeyboardMarkup(rows))

    async def report(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await self.send_reply(update.effective_message, self.topic_part("channels", "complaints"))

    async def evidence(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await self.send_reply(update.effective_message, self.topic_part("evidence", "evidence"))

    async def unknown_command(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await send(update.effective_message, self.page("unknown_command.j2"))

    async def tool(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/rate, /letter, /log, /cancel and the parts of the last answer: through the core, in a private chat."""
        message = update.effective_message
        if message.chat.type != ChatType.PRIVATE:
            await send(message, self.page("group_warning.j2"))
            return
        await self.answer(message, message.text, self.session_key(update))

    async def call(self, func: Callable[..., T], *args: object) -> T:
        """Core or store work: here on the event loop, or in a worker thread when the store is remote."""
        if self.offload:
            return await asyncio.to_thread(func, *args)
        return func(*args)

    @staticmethod
    def session_key(update: Update) -> str:
        return f"tg:{update.effective_user.id}"

    def respond(self, key: str, text: str) -> tuple[Turn | Reply, str]:
        """In the worker thread: load the conversation from the store, answer, save it, count refusals."""
        session = self.sessions.load(key)
        result = self.assistant.respond(session, text)
        self.sessions.save(key, session)
        count_outcome(self.store, result, session)
        return result, session.dialogue.script

    async def send_turn(self, message: Message, turn: Turn, script: str = "simplified") -> None:
        """Pages as HTML messages (a question's options also as buttons), then files as documents."""
        convert = self.assistant.renderer.convert
        for page in turn.pages:
            options = page.values.get("options") or []
            markup = InlineKeyboardMarkup([[InlineKeyboardButton(convert(o, script), callback_data=f"ans:{n}")]
                                           for n, o in enumerate(options, 1)]) if options else None
            text = self.assistant.renderer.page(page.name, html=True, script=script, **page.values)
            await send_parts(message, split_message(text), markup)
        for file in turn.files:
            await deliver(lambda: message.reply_document(file.content.encode("utf-8"), filename=file.filename,
                                                         do_quote=False), message.chat_id)

    async def text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        if message.chat.type != ChatType.PRIVATE and not self._addressed(message, context):
            return
        user = update.effective_user.id if update.effective_user else message.chat_id
        count = await self.call(self.store.hit, f"flood:tg:{user}", FLOOD_WINDOW)
        if count > FLOOD_LIMIT + 1:
            return
        if count == FLOOD_LIMIT + 1:
            await send(message, self.page("flood.j2"))
            return
        text = message.text or ""
        if message.chat.type == ChatType.PRIVATE and update.effective_user:
            await self.answer(message, text, self.session_key(update))
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
        """Stickers, photos, voice: a request to write in words; a caption is read as the message."""
        message = update.effective_message
        if update.effective_chat.type != ChatType.PRIVATE:
            return
        if message.caption and update.effective_user:
            await self.answer(message, message.caption, self.session_key(update), note="caption_note.j2")
            return
        await send(message, self.page("not_text.j2"))

    async def button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        kind, _, value = (query.data or "").partition(":")
        private = update.effective_chat.type == ChatType.PRIVATE and update.effective_user is not None
        if kind == "fb":
            vote, _, passage_id = value.partition(":")
            if vote in ("up", "down") and passage_id in self.assistant.composer.by_id:  # callback data can be forged
                self.store.add_count(FEEDBACK, f"{vote}:{passage_id}")
            await query.answer(self.page("feedback.j2"))
            await self._drop_rows(query, "fb:")
            return
        await query.answer()
        if kind == "ans" and private:
            await self._drop_rows(query, "ans:")  # an answered question's options stay no longer live
            await self.answer(query.message, value, self.session_key(update))
        elif kind == "cmd" and private:
            await self.answer(query.message, value, self.session_key(update))
        elif kind == "opt" and value.isdigit() and int(value) < len(self.assistant.triage.dialogue.options):
            await self.answer(query.message, self.assistant.triage.dialogue.options[int(value)].send,
                              self.session_key(update) if private else None)
        elif kind == "topic" and value in self.assistant.knowledge.topics:
            await self.send_reply(query.message, self.topic_part("law", value))

    @staticmethod
    async def _drop_rows(query, prefix: str) -> None:
        """Remove the buttons whose callback starts with `prefix` from the message they sit under."""
        markup = query.message.reply_markup if query.message else None
        if markup is None:
            return
        rows = [[b for b in row if not (b.callback_data or "").startswith(prefix)] for row in markup.inline_keyboard]
        rows = [row for row in rows if row]
        await deliver(lambda: query.edit_message_reply_markup(InlineKeyboardMarkup(rows) if rows else None),
                      query.message.chat_id)

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
        for name in ("law", "more", "channels"):  # the parts of the last answer, as its buttons send them
            app.add_handler(CommandHandler(name, self.tool))
        app.add_handler(CallbackQueryHandler(self.button))
        app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, self.text))
        app.add_handler(MessageHandler(~filters.TEXT & ~filters.COMMAND & ~filters.StatusUpdate.ALL, self.not_text))
        app.add_handler(MessageHandler(filters.COMMAND, self.unknown_command))
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
    store = open_store(settings.store_url)
    bot = TelegramBot(Assistant(settings), log_text=args.log_text, store=store,
                      idle_seconds=settings.session_idle_seconds)
    app = bot.application(token, os.environ.get("TELEGRAM_API_BASE"), os.environ.get("TELEGRAM_PROXY"))
    # Both modes stop on SIGINT/SIGTERM: PTB finishes the handlers already running, then shuts down.
    try:
        if args.webhook_url:
            app.run_webhook(listen=args.listen, port=args.port, url_path=args.url_path,
                            webhook_url=args.webhook_url, secret_token=args.secret_token,
                            allowed_updates=Update.ALL_TYPES)
        else:
            app.run_polling(allowed_updates=Update.ALL_TYPES)
    finally:
        store.close()
    log.info("stopped cleanly")
    return 0
