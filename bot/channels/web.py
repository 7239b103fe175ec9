"""The web chat: one mobile-first page and a small JSON API on the shared core, served by tornado.

`WebChat` turns a request into the JSON the page renders (no HTTP in it, so tests and the benchmark
call it directly); the tornado handlers around it add the cookie, limits, headers and errors.

API (all JSON, UTF-8):
  GET  /api/welcome   -> a reply (below) with the welcome text and buttons for common situations
  POST /api/message   {"text": "..."} -> {"mode", "messages": [html], "buttons": [{"label", "send"}],
                       "files": [{"filename", "mime", "content"}], "hotlines": [{"name", "number", "tel"}],
                       "feedback": passage id or null, "flow": a tool is asking questions}
  POST /api/feedback  {"vote": "up" | "down", "passage": id} -> {"ok": true, "messages": [html]}
  POST /api/reset     {} -> a reply saying the conversation starts afresh (a running tool is dropped)
  errors              -> {"error": code, "message": "a sentence for the user"} with 400/404/405/413/415/429/500

Privacy: message text is never logged or stored (only lengths, modes and timings), nor are IP
addresses; the session cookie is random, and the store only sees its SHA-256. `messages` hold the core's escaped HTML (only <b>,
<i>) plus <a href="tel:..."> links this module adds around known hotline numbers; the page inserts
nothing else as markup.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import html
import json
import logging
import re
import secrets
import signal
import threading
import time
import weakref
from pathlib import Path
from typing import Any, Callable, Iterable

import tornado.httpserver
import tornado.netutil
import tornado.web

from bot.config import Settings
from bot.core.assistant import Assistant
from bot.core.compose import Reply
from bot.state import FEEDBACK, Store, open_store
from bot.state.feedback import count_outcome
from bot.state.sessions import Sessions
from bot.tools.dispatch import Turn

log = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).parent / "static"
COOKIE = "cg_sid"
SID_PATTERN = re.compile(r"^[A-Za-z0-9_-]{32}$")
MAX_BODY = 32 * 1024  # bytes: a 5,000-character message fits even with every character \u-escaped
MAX_TEXT = 5000  # characters; longer gets a kind request to shorten it (the core reads the first 1,000)
SESSION_LIMIT, IP_LIMIT, LIMIT_WINDOW = 20, 120, 60.0  # messages per minute: as Telegram's; an IP may be shared
SHUTDOWN_GRACE = 10.0  # seconds to let running requests finish on SIGTERM
PHONE = re.compile(r"(?<![\d-])\d{3,5}(?:[- ]\d{3,8}){0,2}(?![\d-])")  # 400-161-9995, 2896 0000, 12356
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
       "base-uri 'none'; form-action 'none'; frame-ancestors 'none'; require-trusted-types-for 'script'")
# Buttons under the welcome text: the situations Telegram's /start offers, then the tools.
TOOL_BUTTONS = (("算利率", "/rate"), ("写信", "/letter"), ("记录骚扰", "/log"))
FEEDBACK_MODES = ("answer", "check_in")  # replies that get 👍/👎 for their top passage, as in Telegram


class ClientError(tornado.web.HTTPError):
    """A request the API refuses, with the status and a sentence for the user."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(status)
        self.code, self.message = code, message


class WebChat:
    """The web channel on one Assistant and one store: everything except HTTP. Methods block (they run the
    core and touch the store), so the server calls them in a worker thread."""

    def __init__(self, assistant: Assistant, store: Store, sessions: Sessions, session_limit: int = SESSION_LIMIT,
                 ip_limit: int = IP_LIMIT) -> None:
        self.assistant = assistant
        self.session_limit, self.ip_limit = session_limit, ip_limit
        self.store = store
        self.sessions = sessions
        self._numbers = frozenset(numbers(c.contact for c in assistant.knowledge.channels.values()))
        self._passages = {p.id for p in assistant.index.passages}

    # --- the API's operations ---------------------------------------------------------------------

    def message(self, key: str, ip: str, text: str) -> dict:
        self.check_rate(key, ip)
        if len(text) > MAX_TEXT:
            return self._local("too_long", html.escape(
                f"这条消息有 {len(text):,} 个字，有点长了。请先写最要紧的部分（{MAX_TEXT:,} 字以内），"
                "其余的可以分几条再发。你写的内容还在输入框里。"))
        command = text.strip().split(" ")[0].split("@")[0].lower()
        if command == "/start":
            return self.welcome()
        if command in ("/help", "/privacy", "/about"):
            return self._local("page", self.page(command[1:]))
        if command == "/reset":
            return self.reset(key)
        session = self.sessions.load(key)
        result = self.assistant.respond(session, text)
        self.sessions.save(key, session)
        count_outcome(self.store, result, session)
        data = self.turn(result, session.dialogue.script) if isinstance(result, Turn) else self.reply(result)
        if session.flow is not None:
            data["flow"] = True
            data["buttons"].append({"label": "取消填写", "send": "/cancel"})
        return data

    def welcome(self) -> dict:
        data = self._local("welcome", self.page("welcome"))
        data["buttons"] = [{"label": o.label, "send": o.send} for o in self.assistant.triage.dialogue.options]
        data["buttons"] += [{"label": label, "send": send} for label, send in TOOL_BUTTONS]
        return data

    def feedback(self, key: str, ip: str, vote: object, passage: object) -> dict:
        if vote not in ("up", "down") or not isinstance(passage, str) or passage not in self._passages:
            raise ClientError(400, "bad_feedback", "反馈的格式不对：需要 vote（up 或 down）和 passage（知识条目编号）。")
        self.check_rate(key, ip)
        self.store.add_count(FEEDBACK, f"{vote}:{passage}")
        return {"ok": True, "messages": [self.assistant.renderer.page("feedback.j2", html=True)]}

    def reset(self, key: str) -> dict:
        self.sessions.reset(key)
        return self._local("reset", self.assistant.renderer.page("reset.j2", html=True))

    def check_rate(self, key: str, ip: str) -> None:
        if self.store.hit(f"flood:ip:{ip}", LIMIT_WINDOW) > self.ip_limit or \
                self.store.hit(f"flood:{key}", LIMIT_WINDOW) > self.session_limit:
            raise ClientError(429, "rate_limited", self.assistant.renderer.page("flood.j2"))

    # --- rendering --------------------------------------------------------------------------------

    def page(self, name: str) -> str:
        values: dict[str, Any] = {}
        if name == "help":
            values = {"console": False}
        elif name == "privacy":
            values = {"log_persistent": self.assistant.tools.log.persistent}
        elif name == "about":
            values = self.assistant.about()
        return self.assistant.renderer.page(f"{name}.j2", html=True, **values)

    def reply(self, reply: Reply) -> dict:
        parts = self.assistant.renderer.html(reply)
        known = self._numbers | numbers(h.contact for h in reply.hotlines)
        data = {"mode": reply.mode, "messages": [link_phones(part, known) for part in parts],
                "buttons": [] if reply.mode == "crisis" else  # a crisis reply offers the phone numbers only
                [{"label": self.in_script(b.label, reply), "send": b.send} for b in reply.buttons],
                "files": [], "hotlines": self.hotlines(reply), "feedback": None, "flow": False}
        if reply.mode in FEEDBACK_MODES and reply.hits:
            data["feedback"] = reply.hits[0].passage.id
        return data

    def turn(self, turn: Turn, script: str) -> dict:
        messages, buttons = [], []
        convert = self.assistant.renderer.convert
        for page in turn.pages:
            messages.append(self.assistant.renderer.page(page.name, html=True, script=script, **page.values))
            options = page.values.get("options") or []
            buttons += [{"label": convert(option, script), "send": str(number)}
                        for number, option in enumerate(options, 1)]
        files = [{"filename": f.filename, "mime": "text/csv" if f.filename.endswith(".csv") else "text/plain",
                  "content": f.content} for f in turn.files]
        return {"mode": "tool", "messages": messages, "buttons": buttons, "files": files, "hotlines": [],
                "feedback": None, "flow": False}

    def hotlines(self, reply: Reply) -> list[dict]:
        """Crisis lines as tap-to-call entries, shown before anything else in the reply."""
        lines = []
        for hotline in reply.hotlines:
            for number in PHONE.findall(hotline.contact):
                lines.append({"name": self.in_script(hotline.name, reply), "number": number, "tel": tel(number)})
        return lines


    def in_script(self, text: str, reply: Reply) -> str:
        """A short text in the script the user writes (traditional in, traditional out)."""
        return self.assistant.renderer.convert(text, reply.script)

    @staticmethod
    def _local(mode: str, message: str) -> dict:
        return {"mode": mode, "messages": [message], "buttons": [], "files": [], "hotlines": [], "feedback": None,
                "flow": False}


def numbers(contacts: Iterable[str]) -> set[str]:
    """The phone numbers in contact texts ("110 / 120", "或拨打12345转办", "2896 0000")."""
    return {number for contact in contacts for number in PHONE.findall(contact)}


def link_phones(part: str, known: Iterable[str]) -> str:
    """Known hotline and regulator numbers (the reply's and channels.yaml's) in the core's escaped HTML become
    tel: links; any other digits (amounts, dates, entity codes such as &#39;) stay text."""
    known = sorted(known, key=len, reverse=True)
    if not known:
        return part
    pattern = re.compile(r"(?<![\d#&-])(" + "|".join(map(re.escape, known)) + r")(?![\d-])")
    return pattern.sub(lambda m: f'<a href="{tel(m.group(1))}">{m.group(1)}</a>', part)


def tel(number: str) -> str:
    return "tel:" + re.sub(r"[^\d+]", "", number)


def session_key(sid: str) -> str:
    """The store key for a cookie value: its hash, so a store dump reveals no live cookie."""
    return "web:" + hashlib.sha256(sid.encode()).hexdigest()[:32]


# --- HTTP ----------------------------------------------------------------------------------------


class Secured:
    """Security headers for every response and JSON for every error, never a stack trace (a mixin)."""

    MESSAGES = {400: "请求格式不对。", 404: "没有这个地址。", 405: "不支持这种请求方式。",
                413: "内容太大了。", 500: "抱歉，出了点问题，请稍后再试。"}

    def set_default_headers(self) -> None:
        self.set_header("Content-Security-Policy", CSP)
        self.set_header("X-Content-Type-Options", "nosniff")
        self.set_header("Referrer-Policy", "no-referrer")
        self.set_header("X-Frame-Options", "DENY")
        self.set_header("Cross-Origin-Opener-Policy", "same-origin")
        self.set_header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()")
        if self.settings.get("secure_cookie_flag"):
            self.set_header("Strict-Transport-Security", "max-age=31536000")

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        error = kwargs.get("exc_info", (None, None))[1]
        if isinstance(error, ClientError):
            body = {"error": error.code, "message": error.message}
        else:
            body = {"error": {404: "not_found", 405: "method_not_allowed"}.get(status_code, "error"),
                    "message": self.MESSAGES.get(status_code, self.MESSAGES[500] if status_code >= 500 else "请求有误。")}
        self.set_header("Content-Type", "application/json; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        self.finish(json.dumps(body, ensure_ascii=False))


class JsonError(Secured, tornado.web.RequestHandler):
    """The handler for unknown paths: a JSON 404."""

    def prepare(self) -> None:
        raise tornado.web.HTTPError(404)


@tornado.web.stream_request_body
class Api(JsonError):
    """POST /api/<action>: reads at most MAX_BODY bytes of JSON, then runs the action in a worker thread."""

    chat: WebChat
    locks: weakref.WeakValueDictionary

    def initialize(self, chat: WebChat, locks: weakref.WeakValueDictionary) -> None:
        self.chat = chat
        self.locks = locks
        self.body = bytearray()
        self.refusal: ClientError | None = None  # answered once the body is read, so the client sees it

    def prepare(self) -> None:
        self.application.settings["inflight"][0] += 1
        if self.request.method != "POST":
            return
        length = self.request.headers.get("Content-Length")
        content_type = self.request.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY):
            self.refuse_size()
        elif content_type != "application/json":
            self.refusal = ClientError(415, "unsupported_media_type", "请用 JSON 发送（Content-Type: application/json）。")
        elif self.cross_site():
            self.refusal = ClientError(403, "forbidden", "不接受来自其他网站的请求。")

    def cross_site(self) -> bool:
        """A request another site's page made (beside SameSite=Lax and the JSON content type)."""
        fetch_site = self.request.headers.get("Sec-Fetch-Site")
        if fetch_site is not None:
            return fetch_site == "cross-site"
        origin = self.request.headers.get("Origin")
        if not origin:
            return False
        hosts = {self.request.host}
        if self.settings.get("behind_proxy"):
            hosts.add(self.request.headers.get("X-Forwarded-Host", "").split(",")[0].strip())
        return origin.split("://", 1)[-1] not in hosts

    def on_finish(self) -> None:
        self.application.settings["inflight"][0] -= 1

    def data_received(self, chunk: bytes) -> None:
        """Keep at most MAX_BODY bytes; the rest is read and dropped (the server stops at 1 MB)."""
        if self.refusal is not None:
            return
        self.body += chunk
        if len(self.body) > MAX_BODY:
            self.refuse_size()

    def refuse_size(self) -> None:
        self.body = bytearray()
        self.refusal = ClientError(413, "too_large",
                                   f"内容太大了（最多 {MAX_BODY // 1024} KB）。请把消息缩短一些，分几条发送。")

    def json_body(self) -> dict:
        try:
            data = json.loads(bytes(self.body).decode("utf-8")) if self.body else None
        except (UnicodeDecodeError, ValueError):
            data = None
        if not isinstance(data, dict):
            raise ClientError(400, "bad_json", '请求格式不对：需要一个 JSON 对象，例如 {"text": "你好"}。')
        return data

    def session_id(self) -> str:
        sid = self.get_cookie(COOKIE, "")
        if not SID_PATTERN.match(sid):
            sid = secrets.token_urlsafe(24)  # 32 characters
        self.set_cookie(COOKIE, sid, httponly=True, samesite="Lax", path="/",
                        secure=bool(self.settings.get("secure_cookie_flag")),
                        max_age=int(self.chat.sessions.idle_seconds))
        return sid

    def client_ip(self) -> str:
        return self.request.remote_ip or "unknown"

    async def get(self, action: str) -> None:
        if action != "welcome":
            raise tornado.web.HTTPError(405 if action in ("message", "feedback", "reset") else 404)
        self.send_json(self.chat.welcome())

    async def post(self, action: str) -> None:
        if self.refusal is not None:
            raise self.refusal
        if action not in ("message", "feedback", "reset"):
            raise tornado.web.HTTPError(404 if action != "welcome" else 405)
        data = self.json_body() if action != "reset" else {}
        key = session_key(self.session_id())
        started = time.perf_counter()
        if action == "message":
            text = data.get("text")
            if not isinstance(text, str) or not text.strip():
                raise ClientError(400, "empty", '请写几个字告诉我发生了什么（需要 "text" 字段）。')
            lock = self.locks.setdefault(key, asyncio.Lock())  # one message at a time per conversation
            async with lock:
                result = await asyncio.to_thread(self.chat.message, key, self.client_ip(), text)
            log.info("web message len=%d mode=%s in %.0f ms", len(text), result["mode"],
                     (time.perf_counter() - started) * 1000)
        elif action == "feedback":
            result = await asyncio.to_thread(self.chat.feedback, key, self.client_ip(), data.get("vote"),
                                             data.get("passage"))
        else:
            result = await asyncio.to_thread(self.chat.reset, key)
        self.send_json(result)

    def send_json(self, data: dict) -> None:
        self.set_header("Content-Type", "application/json; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        self.finish(json.dumps(data, ensure_ascii=False))


class Static(Secured, tornado.web.StaticFileHandler):
    """The page and its assets, from bot/channels/static/, revalidated by ETag."""

    def set_extra_headers(self, path: str) -> None:
        self.set_header("Cache-Control", "no-cache")


class Health(Secured, tornado.web.RequestHandler):
    def get(self) -> None:
        self.set_header("Cache-Control", "no-store")
        self.finish({"ok": True})


def access_log(handler: tornado.web.RequestHandler) -> None:
    """One line per request: status, method, path and time; no IP address, no query string, no text."""
    status = handler.get_status()
    level = logging.INFO if status < 400 else logging.WARNING if status < 500 else logging.ERROR
    logging.getLogger("tornado.access").log(level, "%d %s %s %.1f ms", status, handler.request.method,
                                            handler.request.path, 1000 * handler.request.request_time())


def make_app(chat: WebChat, secure: bool = False, extra: list | None = None,
             behind_proxy: bool = False) -> tornado.web.Application:
    """The tornado application; `extra` routes go first (the benchmark adds its bare endpoint)."""
    locks: weakref.WeakValueDictionary = weakref.WeakValueDictionary()
    return tornado.web.Application(
        [*(extra or []),
         (r"/api/([a-z]+)", Api, {"chat": chat, "locks": locks}),
         (r"/healthz", Health),
         (r"/()", Static, {"path": str(STATIC_DIR), "default_filename": "index.html"}),
         (r"/static/(.+)", Static, {"path": str(STATIC_DIR)})],
        default_handler_class=JsonError, secure_cookie_flag=secure, behind_proxy=behind_proxy, inflight=[0],
        compress_response=True, xsrf_cookies=False, serve_traceback=False, debug=False, log_function=access_log)


def open_chat(settings: Settings, assistant: Assistant | None = None, store_url: str | None = None) -> WebChat:
    assistant = assistant or Assistant(settings)
    store = open_store(store_url or settings.store_url)
    return WebChat(assistant, store, Sessions(store, assistant.tools.flows, settings.session_idle_seconds))


async def serve(chat: WebChat, host: str, port: int, secure: bool = False, behind_proxy: bool = False,
                ready: Callable[[int], None] | None = None, stop: asyncio.Event | None = None,
                extra: list | None = None) -> None:
    """Serve until `stop` is set (or SIGINT/SIGTERM): stop accepting, let running requests finish, close.

    Port 0 picks a free port; `ready(port)` is called once the server listens."""
    app = make_app(chat, secure, extra, behind_proxy)
    server = tornado.httpserver.HTTPServer(app, xheaders=behind_proxy, max_body_size=1024 * 1024,
                                           idle_connection_timeout=60, body_timeout=30)
    sockets = tornado.netutil.bind_sockets(port, host)
    server.add_sockets(sockets)
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, stop.set)
        except (NotImplementedError, RuntimeError, ValueError):  # not the main thread, or no signals here
            pass
    if ready is not None:
        ready(sockets[0].getsockname()[1])
    await stop.wait()
    server.stop()
    deadline = time.monotonic() + SHUTDOWN_GRACE
    while app.settings["inflight"][0] > 0 and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    await server.close_all_connections()


class Background:
    """The web server on a thread of its own, for tests and benchmarks: `with Background(chat) as url: ...`."""

    def __init__(self, chat: WebChat, host: str = "127.0.0.1", port: int = 0, **options: Any) -> None:
        self.chat, self.host, self.port, self.options = chat, host, port, options
        self._started = threading.Event()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="web-server", daemon=True)

    def _run(self) -> None:
        async def main() -> None:
            self._loop, self._stop = asyncio.get_running_loop(), asyncio.Event()
            await serve(self.chat, self.host, self.port, ready=self._ready, stop=self._stop, **self.options)

        try:
            asyncio.run(main())
        except BaseException as exc:  # e.g. the port is taken: report it to __enter__, not as a hang
            self._error = exc
            self._started.set()

    def _ready(self, port: int) -> None:
        self.port = port
        self._started.set()

    def __enter__(self) -> str:
        self._thread.start()
        if not self._started.wait(30) or self._error is not None:
            raise RuntimeError(f"the web server did not start: {self._error!r}")
        return f"http://{self.host}:{self.port}"

    def __exit__(self, *exc: object) -> None:
        self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(SHUTDOWN_GRACE + 5)


def run(args: argparse.Namespace, settings: Settings) -> int:
    """python -m bot web"""
    chat = open_chat(settings)
    scheme = "behind HTTPS: Secure cookie" if args.secure else "plain HTTP"

    def ready(port: int) -> None:
        print(f"web chat on http://{args.host}:{port}/ ({scheme}); Ctrl+C stops", flush=True)

    try:
        asyncio.run(serve(chat, args.host, args.port, secure=args.secure, behind_proxy=args.behind_proxy,
                          ready=ready))
    finally:
        chat.store.close()
    log.info("stopped cleanly")
    return 0
