"""A small fake Bot API server on 127.0.0.1: real HTTP, real long polling, scripted faults.

It queues updates for getUpdates, records every sendMessage and sendDocument, and can answer the next calls of a
method with 429 (retry_after) or 500 to test that no reply is lost.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from email.parser import BytesParser
from email.policy import default
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable
from urllib.parse import parse_qs

BOT_ID = 777000


class FakeTelegram:
    def __init__(self, token: str) -> None:
        self.token = token
        self.updates: list[dict] = []
        self.sent: list[dict] = []
        self.calls: list[str] = []
        self.faults: dict[str, list[tuple[int, dict]]] = {}
        self.commands: list = []
        self.documents: list[dict] = []
        self.callback_answers: list[dict] = []  # answerCallbackQuery calls (the notice a button tap shows)
        self.edits: list[dict | None] = []  # editMessageReplyMarkup: the keyboard left under a message
        self.on_send: Callable[[dict], None] | None = None  # called in a server thread after each sendMessage
        self._next_update = 1
        self._next_message = 1000
        self._lock = threading.Condition()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/bot"

    def __enter__(self) -> "FakeTelegram":
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    # --- what tests call ---------------------------------------------------------------------

    def push(self, kind: str = "message", **payload: object) -> int:
        with self._lock:
            update_id = self._next_update
            self._next_update += 1
            self.updates.append({"update_id": update_id, kind: payload})
            self._lock.notify_all()
        return update_id

    def user_message(self, text: str | None = None, chat_id: int = 1, user_id: int | None = None,
                     chat_type: str = "private", edited: bool = False, **extra: object) -> int:
        user = {"id": user_id or chat_id, "is_bot": False, "first_name": "U"}
        message = {"message_id": self._new_message_id(), "date": int(time.time()),
                   "chat": {"id": chat_id, "type": chat_type, **({"title": "g"} if chat_type != "private" else {})},
                   "from": user, **extra}
        if text is not None:
            message["text"] = text
            if text.startswith("/"):
                message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
        if edited:
            message["edit_date"] = int(time.time())
        return self.push("edited_message" if edited else "message", **message)

    def press(self, data: str, chat_id: int = 1, markup: dict | None = None) -> int:
        """Tap a button with callback `data`, under a message that carries `markup` (its keyboard)."""
        message = {"message_id": self._new_message_id(), "date": int(time.time()),
                   "chat": {"id": chat_id, "type": "private"},
                   "from": {"id": BOT_ID, "is_bot": True, "first_name": "Guard"}, "text": "…"}
        if markup:
            message["reply_markup"] = markup
        return self.push("callback_query", id=str(self._next_update), data=data, chat_instance="c",
                         message=message, **{"from": {"id": chat_id, "is_bot": False, "first_name": "U"}})

    def fail(self, method: str, status: int, times: int = 1, retry_after: int = 1) -> None:
        body = {"ok": False, "error_code": status,
                "description": "Too Many Requests" if status == 429 else "Internal Server Error"}
        if status == 429:
            body["parameters"] = {"retry_after": retry_after}
        self.faults.setdefault(method, []).extend([(status, body)] * times)

    async def wait_for(self, predicate, timeout: float = 20.0) -> list[dict]:
        """Wait without blocking the event loop the bot runs on."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            with self._lock:
                if predicate(self.sent):
                    return list(self.sent)
            await asyncio.sleep(0.02)
        raise AssertionError(f"timed out; sent so far: {[m.get('text', '')[:30] for m in self.sent]}")

    def clear(self) -> None:
        """Forget queued updates and sent messages, so another bot can be measured on the same server."""
        with self._lock:
            self.updates.clear()
            self.sent.clear()
            self.calls.clear()

    def texts(self, chat_id: int | None = None) -> list[str]:
        return [m["text"] for m in self.sent if chat_id is None or int(m["chat_id"]) == chat_id]

    # --- the server side ---------------------------------------------------------------------

    def _new_message_id(self) -> int:
        self._next_message += 1
        return self._next_message

    def _call(self, method: str, params: dict) -> tuple[int, dict]:
        self.calls.append(method)
        if self.faults.get(method):
            return self.faults[method].pop(0)
        if method == "getMe":
            return 200, {"ok": True, "result": {"id": BOT_ID, "is_bot": True, "first_name": "Guard",
                                                "username": "guard_bot"}}
        if method == "answerCallbackQuery":
            with self._lock:
                self.callback_answers.append(dict(params))
            return 200, {"ok": True, "result": True}
        if method == "editMessageReplyMarkup":
            with self._lock:
                self.edits.append(json.loads(params["reply_markup"]) if params.get("reply_markup") else None)
            return 200, {"ok": True, "result": True}
        if method in ("deleteWebhook", "close"):
            return 200, {"ok": True, "result": True}
        if method == "setMyCommands":
            self.commands = json.loads(params["commands"])
            return 200, {"ok": True, "result": True}
        if method == "getUpdates":
            offset = int(params.get("offset") or 0)
            deadline = time.time() + min(float(params.get("timeout") or 0), 1.0)
            with self._lock:
                while True:
                    ready = [u for u in self.updates if u["update_id"] >= offset]
                    if ready or time.time() >= deadline:
                        break
                    self._lock.wait(0.05)
            return 200, {"ok": True, "result": ready}
        if method == "sendMessage":
            record = dict(params)
            if "reply_markup" in record:
                record["reply_markup"] = json.loads(record["reply_markup"])
            with self._lock:
                self.sent.append(record)
            if self.on_send:
                self.on_send(record)
            return 200, {"ok": True, "result": {
                "message_id": self._new_message_id(), "date": int(time.time()), "text": params.get("text", ""),
                "chat": {"id": int(params["chat_id"]), "type": "private"},
                "from": {"id": BOT_ID, "is_bot": True, "first_name": "Guard"}}}
        if method == "sendDocument":
            with self._lock:
                self.documents.append({"chat_id": int(params["chat_id"]), **params["document"]})
            return 200, {"ok": True, "result": {
                "message_id": self._new_message_id(), "date": int(time.time()),
                "chat": {"id": int(params["chat_id"]), "type": "private"},
                "document": {"file_id": "f", "file_unique_id": "u", "file_name": params["document"]["filename"]}}}
        return 404, {"ok": False, "error_code": 404, "description": f"Not Found: method {method}"}

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, as the real Bot API; HTTP/1.0 drops pooled connections

            def log_message(self, *args: object) -> None:
                pass

            def do_POST(self) -> None:
                prefix = f"/bot{fake.token}/"
                if not self.path.startswith(prefix):
                    self._reply(401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
                    return
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                self._reply(*fake._call(self.path[len(prefix):], self._params(body)))

            def _params(self, body: bytes) -> dict:
                kind = self.headers.get("Content-Type", "")
                if kind.startswith("application/json"):
                    return {k: v if isinstance(v, str) else json.dumps(v) for k, v in json.loads(body or b"{}").items()}
                if kind.startswith("multipart/form-data"):
                    message = BytesParser(policy=default).parsebytes(
                        b"Content-Type: " + kind.encode() + b"\r\n\r\n" + body)
                    return {part.get_param("name", header="content-disposition"):
                            {"filename": part.get_filename(), "content": part.get_payload(decode=True).decode()}
                            if part.get_filename() else part.get_content()
                            for part in message.iter_parts()}
                return {k: v[0] for k, v in parse_qs(body.decode()).items()}

            def _reply(self, status: int, payload: dict) -> None:
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                try:
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the bot shut down while a long poll was open

        return Handler
