"""The console chat: a thin adapter that reads lines and prints plain-text replies.

Buttons (expansions, clarify choices, tool options) are printed as numbered choices; typing the
number sends the button's text, as tapping it would in Telegram.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from bot.core.assistant import Assistant
from bot.core.compose import PARTS, Button, Reply
from bot.core.dialogue import Session
from bot.tools.dispatch import Attachment, Turn

PROMPT = "你> "


def chat(assistant: Assistant, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> None:
    """Answer each line until /quit or end of input; prompts only when a person is typing."""
    interactive = stdin.isatty()
    say = lambda text: print(text + "\n", file=stdout, flush=True)  # noqa: E731
    session = Session(user="console")
    offered: tuple[Attachment, ...] = ()  # files of the last turn, until the next line
    choices: dict[int, str] = {}  # what each number sends, from the last reply's buttons
    say(assistant.renderer.page("help.j2", console=True))
    while True:
        if interactive:
            print(PROMPT, end="", file=stdout, flush=True)
        line = stdin.readline()
        if not line:
            break
        text = line.strip()
        files, offered = offered, ()
        if not text:
            continue
        if text in ("/quit", "/exit"):
            break
        if text.isdigit() and session.flow is None and int(text) in choices:
            text = choices[int(text)]
        choices = {}
        if text == "/save" and files:
            for file in files:
                Path(file.filename).write_text(file.content, encoding="utf-8")
            say("已保存到当前文件夹：" + "、".join(f.filename for f in files))
            continue
        if text in ("/help", "/start"):
            say(assistant.renderer.page("help.j2", console=True))
        elif text == "/privacy":
            say(assistant.renderer.page("privacy.j2", log_persistent=assistant.tools.log.persistent))
        elif text == "/about":
            say(assistant.renderer.page("about.j2", **assistant.about()))
        elif text == "/reset":
            session.reset()
            say(assistant.renderer.page("reset.j2"))
        else:
            result = assistant.respond(session, text)
            if isinstance(result, Turn):
                say(render_turn(assistant, result, session.dialogue.script))
                offered = result.files
                if offered:
                    say("发 /save 把文件保存到当前文件夹：" + "、".join(f.filename for f in offered)
                        + "；发别的内容则不保存。")
            else:
                say(render_reply(assistant, result))
                choices = {n: button.send for n, button in numbered(result.buttons)}


def numbered(buttons: tuple[Button, ...]) -> list[tuple[int, Button]]:
    """Each button's number. The parts of an answer keep theirs in every reply (1 法律依据 … 4 取证清单): after
    "1", "2" is still 更多做法, as it was when first shown (walk 45)."""
    fixed = {f"/{part}": n for n, part in enumerate(PARTS, 1)}
    if buttons and all(button.send in fixed for button in buttons):
        return [(fixed[button.send], button) for button in buttons]
    return list(enumerate(buttons, 1))


def render_reply(assistant: Assistant, reply: Reply) -> str:
    """The reply and its buttons as numbered choices."""
    text = assistant.renderer.plain(reply)
    if reply.buttons:
        labels = "  ".join(f"{n}. {assistant.renderer.convert(b.label, reply.script)}"
                           for n, b in numbered(reply.buttons))
        prompt = "Reply with a number: " if reply.language == "en" else "回复数字："
        text += "\n\n" + assistant.renderer.convert(prompt, reply.script) + labels
    return text


def render_turn(assistant: Assistant, turn: Turn, script: str = "simplified") -> str:
    return "\n\n".join(assistant.renderer.page(page.name, script=script, **page.values) for page in turn.pages)
