"""The web channel's API, over real HTTP on a loopback port: replies, crisis links, limits, errors, headers."""

from __future__ import annotations

import http.client
import json
import logging
import os
import re
import signal
import subprocess
import sys
import time
import urllib.parse

import pytest

from bot.channels import web
from bot.channels.web import MAX_BODY, MAX_TEXT, STATIC_DIR, Background, WebChat
from bot.config import ROOT
from bot.state import FEEDBACK, open_store
from bot.state.sessions import Sessions
from bot.tools.flows import FlowState

ALLOWED_TAGS = re.compile(r"<(?!/?b>|/?i>|a href=\"tel:[0-9+]+\">|/a>)[^>]*>")


def make_chat(assistant, store_url: str = "memory", **limits) -> WebChat:
    store = open_store(store_url)
    limits.setdefault("ip_limit", 10_000)
    return WebChat(assistant, store, Sessions(store, assistant.tools.flows, 1800, secret=None), **limits)


@pytest.fixture(scope="module")
def server(assistant):
    chat = make_chat(assistant)
    with Background(chat) as url:
        yield Client(url), chat


class Client:
    """One browser: keeps the session cookie between calls."""

    def __init__(self, url: str) -> None:
        self.url = url
        parts = urllib.parse.urlsplit(url)
        self.host, self.port = parts.hostname, parts.port
        self.cookie: str | None = None

    def fresh(self) -> "Client":
        return Client(self.url)

    def call(self, method: str, path: str, body: bytes | str | dict | None = None,
             headers: dict | None = None) -> tuple[int, http.client.HTTPMessage, object]:
        headers = dict(headers or {})
        if isinstance(body, dict):
            body = json.dumps(body, ensure_ascii=False)
        if isinstance(body, str):
            body = body.encode("utf-8")
        if body is not None:
            headers.setdefault("Content-Type", "application/json")
        if self.cookie:
            headers.setdefault("Cookie", self.cookie)
        connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            raw = response.read()
        finally:
            connection.close()
        for value in response.headers.get_all("Set-Cookie") or []:
            self.cookie = value.split(";")[0]
        content_type = response.headers.get("Content-Type", "")
        data = json.loads(raw) if content_type.startswith("application/json") else raw.decode("utf-8")
        return response.status, response.headers, data

    def say(self, text: str) -> dict:
        status, _, data = self.call("POST", "/api/message", {"text": text})
        assert status == 200, data
        return data


class Flow:
    """Answers a tool's questions as knowledge/tools.yaml defines them (so the tests follow its edits):
    a choice by its number (what its button sends), a number or text from `answers`."""

    ANSWERS = {"contract": "5000", "received": "3500", "days": "7", "payment": "5000", "fees": "0", "count": "12",
               "lender": "某某借款App", "hardship": "失业了，收入没了", "proposal": "停息后本金分24期，每月还500元",
               "events": "11月20日起每天给我父母打电话", "when": "刚才", "who": "138xxxx0000", "what": "说要上门"}
    PREFER = {"lender": "private", "plan": "single", "kind": "negotiate", "debt_age": "recent", "proceed": "write"}

    def __init__(self, flows: dict, name: str, answers: dict | None = None, prefer: dict | None = None) -> None:
        self.state = FlowState(name, flows[name])
        self.answers = {**self.ANSWERS, **(answers or {})}
        self.prefer = {**self.PREFER, **(prefer or {})}

    def step(self):
        return self.state.current()

    def next(self) -> tuple[str, str | None]:
        """The text to send for the current question, and the button label that sends it (choices)."""
        step = self.state.current()
        if step.choices:
            stops = set(getattr(step, "stop", ()) or ())
            value = self.prefer.get(step.key)
            if value not in step.choices:
                value = next(v for v in step.choices if v not in stops)
            number = list(step.choices).index(value) + 1
            text, label = str(number), step.choices[value]
        else:
            text, label = self.answers.get(step.key) or ("跳过" if step.optional else "一些文字"), None
        self.state.give(text)
        return text, label


def run_flow(user: "Client", flows: dict, name: str, **options) -> dict:
    """/name, then every question answered through the API; the last reply."""
    flow = Flow(flows, name, **options)
    data = user.say(f"/{name}")
    while flow.step() is not None:
        text, label = flow.next()
        if label is not None:  # a choice is offered as a button that sends its number
            assert {"label": f"{text}. {label}", "send": text} in data["buttons"], data["buttons"]
        data = user.say(text)
    return data


def first_link(html: str) -> str | None:
    match = re.search(r"<a [^>]*>", html)
    return match.group(0) if match else None


def test_a_message_gets_the_structured_reply(server):
    client, _ = server
    data = client.fresh().say("催收天天打电话给我爸妈，这合法吗")
    assert data["mode"] == "answer"
    assert "情况判断" in data["messages"][0]
    assert isinstance(data["buttons"], list) and data["files"] == [] and data["hotlines"] == []
    assert data["feedback"]  # the top passage's id, for 👍/👎
    for button in data["buttons"]:
        assert set(button) == {"label", "send"} and button["label"] and button["send"]
    assert all(not ALLOWED_TAGS.search(part) for part in data["messages"])


def test_an_expansion_button_sends_its_text_back(server):
    client, _ = server
    user = client.fresh()
    buttons = user.say("催收天天打电话给我爸妈，这合法吗")["buttons"]
    if not buttons:
        pytest.skip("the core offers no expansion buttons yet")
    more = user.say(buttons[0]["send"])
    assert more["messages"] and more["mode"] != "out_of_scope"


def test_welcome_offers_situations_and_tools(server):
    client, _ = server
    status, headers, data = client.fresh().call("GET", "/api/welcome")
    assert status == 200 and data["mode"] == "welcome"
    sends = [b["send"] for b in data["buttons"]]
    assert "/rate" in sends and "/letter" in sends and any("催收" in s for s in sends)


def test_crisis_reply_puts_a_tel_link_first(server):
    client, _ = server
    data = client.fresh().say("欠了太多网贷，我不想活了")
    assert data["mode"] == "crisis"
    assert data["hotlines"] and data["hotlines"][0]["tel"].startswith("tel:")
    assert re.fullmatch(r"tel:\+?\d{3,15}", data["hotlines"][0]["tel"])
    assert data["buttons"] == [] and data["feedback"] is None  # phone numbers only
    html = data["messages"][0]
    assert first_link(html).startswith('<a href="tel:')
    assert html[:html.index('href="tel:')].count("\n") <= 3  # a number within the first lines of text


def test_hotline_numbers_become_tel_links_but_amounts_do_not():
    known = web.numbers(["12348", "400-161-9995", "110 / 120", "2896 0000", "或拨打12345转办", "39"])
    assert known == {"12348", "400-161-9995", "110", "120", "2896 0000", "12345"}
    assert web.link_phones("拨打 12348 咨询", known) == '拨打 <a href="tel:12348">12348</a> 咨询'
    assert web.link_phones("借了 123480 元，2026-11-28，&#39;x&#39;", known | {"39"}) == \
        "借了 123480 元，2026-11-28，&#39;x&#39;"
    assert web.link_phones("400-161-9995", known) == '<a href="tel:4001619995">400-161-9995</a>'
    assert web.link_phones("撒瑪利亞會 2896 0000", known) == '撒瑪利亞會 <a href="tel:28960000">2896 0000</a>'


def test_traditional_in_traditional_out(server):
    client, _ = server
    data = client.fresh().say("催收天天打電話給我爸媽，這合法嗎？怎麼辦")
    assert "情況判斷" in data["messages"][0]


@pytest.mark.parametrize("body, code", [
    (b"{not json", "bad_json"),
    (b"[1, 2]", "bad_json"),
    (b"\xff\xfe", "bad_json"),
    (b"", "bad_json"),
    (b'{"text": 5}', "empty"),
    (b'{"text": "   "}', "empty"),
    (b'{"message": "hi"}', "empty"),
])
def test_malformed_requests_get_a_400_json_error(server, body, code):
    client, _ = server
    status, headers, data = client.fresh().call("POST", "/api/message", body)
    assert status == 400
    assert headers["Content-Type"].startswith("application/json")
    assert data["error"] == code and data["message"]
    assert "Traceback" not in json.dumps(data)


def test_other_errors_are_json_too(server):
    client, _ = server
    status, _, data = client.call("POST", "/api/message", b'{"text": "hi"}', {"Content-Type": "text/plain"})
    assert status == 415 and data["error"] == "unsupported_media_type"
    status, _, data = client.call("GET", "/api/nothing")
    assert status == 404 and data["error"] == "not_found"
    status, _, data = client.call("GET", "/no/such/page")
    assert status == 404 and data["error"] == "not_found"
    status, _, data = client.call("GET", "/api/message")
    assert status == 405 and data["error"] == "method_not_allowed"
    for headers in ({"Origin": "https://evil.example"}, {"Sec-Fetch-Site": "cross-site"}):
        status, _, data = client.call("POST", "/api/message", {"text": "催收"}, headers)
        assert status == 403 and data["error"] == "forbidden"
    same = {"Origin": client.url, "Sec-Fetch-Site": "same-origin"}
    assert client.call("POST", "/api/message", {"text": "催收"}, same)[0] == 200


def test_logs_hold_no_text_and_no_address(server, caplog):
    client, _ = server
    with caplog.at_level(logging.INFO):
        client.fresh().say("催收天天打电话给我爸妈 13800138000")
        client.call("POST", "/api/message", b"{bad")
        deadline = time.monotonic() + 5  # the server thread logs a request just after answering it
        while "400 POST" not in caplog.text and time.monotonic() < deadline:
            time.sleep(0.01)
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "POST /api/message" in logged and "400" in logged
    assert "127.0.0.1" not in logged and "催收" not in logged and "13800138000" not in logged


def test_an_unexpected_failure_is_a_500_without_a_stack_trace(server, monkeypatch):
    client, chat = server

    def broken(*args):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(chat, "message", broken)
    status, _, data = client.fresh().call("POST", "/api/message", {"text": "催收"})
    assert status == 500 and data["error"] == "error"
    assert "secret" not in json.dumps(data, ensure_ascii=False) and "Traceback" not in json.dumps(data)


def test_an_oversized_body_is_refused_with_413(server):
    client, _ = server
    big = json.dumps({"text": "催" * 20_000}, ensure_ascii=False).encode()
    assert len(big) > MAX_BODY
    status, _, data = client.fresh().call("POST", "/api/message", big)
    assert status == 413 and data["error"] == "too_large" and "KB" in data["message"]
    # a chunked body (no Content-Length) is counted as it arrives
    connection = http.client.HTTPConnection(client.host, client.port, timeout=30)
    connection.request("POST", "/api/message", body=iter([b'{"text": "', b"a" * MAX_BODY, b'"}']),
                       headers={"Content-Type": "application/json"}, encode_chunked=True)
    response = connection.getresponse()
    assert response.status == 413 and json.loads(response.read())["error"] == "too_large"
    connection.close()


def test_5000_characters_are_answered_kindly_and_more_is_refused_kindly(server):
    client, _ = server
    story = ("催收每天给我爸妈和同事打电话，还说要上门，我很害怕。" * 200)[:MAX_TEXT]
    # even with every character \\u-escaped, 5,000 characters fit in the body limit
    status, _, data = client.fresh().call("POST", "/api/message", json.dumps({"text": story}).encode())
    assert status == 200 and data["mode"] == "answer"
    assert "你的消息很长" in data["messages"][0]
    data = client.fresh().say(story + "。")
    assert data["mode"] == "too_long"
    assert "5,001" in data["messages"][0] and "输入框" in data["messages"][0]


def test_html_injection_comes_back_escaped(server):
    client, _ = server
    attack = '<script>alert(1)</script><img src=x onerror="alert(2)">'
    data = client.fresh().say(attack + "催收威胁我")
    assert all(not ALLOWED_TAGS.search(part) for part in data["messages"])
    user = client.fresh()
    flows = user_flows(server)
    texts = {step.key: attack for step in flows["letter"] if step.type == "text"}
    data = run_flow(user, flows, "letter", answers=texts, prefer={"kind": "contact_only"})
    text = "".join(data["messages"])
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "<script" not in text and "<img" not in text
    assert all(not ALLOWED_TAGS.search(part) for part in data["messages"])
    assert attack in data["files"][0]["content"]  # the downloaded .txt holds the words as typed


def user_flows(server) -> dict:
    return server[1].assistant.tools.flows


def test_rate_by_numbered_buttons(server):
    client, _ = server
    user = client.fresh()
    data = user.say("/rate")
    assert data["mode"] == "tool" and data["flow"] is True
    assert {"label": "取消填写", "send": "/cancel"} in data["buttons"]
    data = run_flow(user, user_flows(server), "rate")
    assert data["flow"] is False and {"label": "取消填写", "send": "/cancel"} not in data["buttons"]
    assert "年化" in "".join(data["messages"])


def test_a_letter_comes_as_a_file(server):
    client, _ = server
    data = run_flow(client.fresh(), user_flows(server), "letter")
    [file] = data["files"]
    assert file["filename"].startswith("letter-negotiate-") and file["filename"].endswith(".txt")
    assert file["mime"] == "text/plain" and "某某借款App" in file["content"]


def test_feedback_is_counted_and_checked(server):
    client, chat = server
    user = client.fresh()
    passage = user.say("催收天天打电话给我爸妈")["feedback"]
    status, _, data = user.call("POST", "/api/feedback", {"vote": "up", "passage": passage})
    assert status == 200 and data["ok"] and data["messages"]
    assert chat.store.counts(FEEDBACK)[f"up:{passage}"] >= 1
    for bad in ({"vote": "up", "passage": "no-such-passage"}, {"vote": "maybe", "passage": passage},
                {"vote": "up", "passage": ["a"]}, {}):
        status, _, data = user.call("POST", "/api/feedback", bad)
        assert status == 400 and data["error"] == "bad_feedback"


def test_reset_drops_a_running_tool(server):
    client, _ = server
    user = client.fresh()
    user.say("/rate")
    status, _, data = user.call("POST", "/api/reset", {})
    assert status == 200 and data["mode"] == "reset"
    assert user.say("5000")["mode"] != "tool"  # no longer an answer to the /rate question


def test_session_cookie_flags(server, assistant):
    client, _ = server
    user = client.fresh()
    _, headers, _ = user.call("POST", "/api/message", {"text": "催收"})
    cookie = headers["Set-Cookie"]
    name, _, value = cookie.split(";")[0].partition("=")
    assert name == web.COOKIE and re.fullmatch(r"[A-Za-z0-9_-]{32}", value)
    flags = [f.strip().lower() for f in cookie.split(";")[1:]]
    assert "httponly" in flags and "samesite=lax" in flags and "path=/" in flags and "secure" not in flags
    assert len(headers.get_all("Set-Cookie")) == 1
    _, headers, _ = user.call("POST", "/api/message", {"text": "催收"})
    assert headers["Set-Cookie"].split(";")[0] == f"{name}={value}"  # the same session
    forged = client.fresh()
    forged.cookie = f"{web.COOKIE}=../../etc/passwd"
    _, headers, _ = forged.call("POST", "/api/message", {"text": "催收"})
    assert re.fullmatch(rf"{web.COOKIE}=[A-Za-z0-9_-]{{32}}", headers["Set-Cookie"].split(";")[0])
    with Background(make_chat(assistant), secure=True) as url:
        _, headers, _ = Client(url).call("POST", "/api/message", {"text": "催收"})
    assert "secure" in [f.strip().lower() for f in headers["Set-Cookie"].split(";")]
    assert headers["Strict-Transport-Security"].startswith("max-age=")


def test_security_headers_and_a_strict_csp_everywhere(server):
    client, _ = server
    for method, path, body in (("GET", "/", None), ("GET", "/static/app.js", None), ("GET", "/api/welcome", None),
                               ("POST", "/api/message", b"{bad"), ("GET", "/nowhere", None)):
        _, headers, _ = client.call(method, path, body)
        csp = headers["Content-Security-Policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp and "style-src 'self'" in csp
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp and "frame-ancestors 'none'" in csp
        assert headers["X-Content-Type-Options"] == "nosniff" and headers["Referrer-Policy"] == "no-referrer"
    status, headers, page = client.call("GET", "/")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert not re.search(r"<script(?![^>]*\bsrc=)", page) and "<style" not in page and " style=" not in page
    assert not re.search(r"\son[a-z]+=", page)  # no inline event handlers
    assert not re.search(r"(src|href)=\"(https?:)?//", page)  # every asset from this server


def test_page_weight_and_no_outside_requests():
    files = [p for p in STATIC_DIR.rglob("*") if p.is_file()]
    assert {"index.html", "app.js", "app.css"} <= {p.name for p in files}
    assert sum(p.stat().st_size for p in files) <= 100 * 1024
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"https?://(?!www\.w3\.org/2000/svg)", text), path.name  # no CDN, fonts, analytics
        assert not re.search(r"\.(inner|outer)HTML\s*=|insertAdjacentHTML|\beval\(|document\.write|new Function",
                             text), path.name


def test_rate_limit_per_session_and_per_ip(assistant):
    with Background(make_chat(assistant, session_limit=3, ip_limit=5)) as url:
        user = Client(url)
        for _ in range(3):
            assert user.call("POST", "/api/message", {"text": "催收"})[0] == 200
        status, _, data = user.call("POST", "/api/message", {"text": "催收"})
        assert status == 429 and data["error"] == "rate_limited" and "稍等" in data["message"]
        other = Client(url)  # a new session from the same address
        assert other.call("POST", "/api/message", {"text": "催收"})[0] == 200
        status, _, data = other.call("POST", "/api/message", {"text": "催收"})
        assert status == 429  # the address has now sent 6 in a minute


def test_a_tool_flow_survives_a_restart_on_sqlite(assistant, tmp_path):
    url = f"sqlite:///{tmp_path / 'state.sqlite3'}"
    flow = Flow(assistant.tools.flows, "rate")
    with Background(make_chat(assistant, url)) as address:
        user = Client(address)
        user.say("/rate")
        for _ in range(2):
            user.say(flow.next()[0])
    with Background(make_chat(assistant, url)) as address:
        user.url = address
        user.port = urllib.parse.urlsplit(address).port
        asked = flow.step().ask  # the third question, asked before the restart
        data = user.say(flow.next()[0])
        assert data["mode"] == "tool" and asked not in "".join(data["messages"])
        assert flow.step().ask in "".join(data["messages"])  # the fourth: nothing was lost


def test_python_m_bot_web_serves_and_stops_cleanly(tmp_path):
    env = dict(os.environ, COLLECTION_GUARD_DATA=str(tmp_path))
    env.pop("COLLECTION_GUARD_STORE", None)
    process = subprocess.Popen([sys.executable, "-m", "bot", "web", "--port", "0"], cwd=ROOT, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = process.stdout.readline()
        port = int(re.search(r":(\d+)/", line).group(1))
        client = Client(f"http://127.0.0.1:{port}")
        status, _, page = client.call("GET", "/")
        assert status == 200 and "催收应对助手" in page
        assert client.say("催收天天打电话给我爸妈")["mode"] == "answer"
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=20) == 0
    finally:
        if process.poll() is None:
            process.kill()
    assert (tmp_path / "state.sqlite3").exists()  # the embedded default store
