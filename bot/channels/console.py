"""The console chat: a thin adapter that reads lines and prints plain-text replies."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from bot.core.assistant import Assistant
from bot.tools.dispatch import Attachment, Session, Turn

PROMPT = "你> "


def chat(assistant: Assistant, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> None:
    """Answer each line until /quit or end of input; prompts only when a person is typing."""
    interactive = stdin.isatty()
    say = lambda text: print(text + "\n", file=stdout, flush=True)  # noqa: E731
    session = Session(user="console")
    offered: tuple[Attachment, ...] = ()  # files of the last turn, until the next line
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
        if text == "/save" and files:
            for file in files:
                Path(file.filename).write_text(file.content, encoding="utf-8")
            say("已保存到当前文件夹：" + "、".join(f.filename for f in files))
            continue
        if text in ("/help", "/start"):
            say(assistant.renderer.page("help.j2", console=True))
        elif text == "/privacy":
            say(assistant.renderer.page("privacy.j2", log_persistent=assistant.tools.log.persistent))
        elif text == "/reset":
            session.flow = None
            say(assistant.renderer.page("reset.j2"))
        else:
            result = assistant.respond(session, text)
            if isinstance(result, Turn):
                say(render_turn(assistant, result))
                offered = result.files
                if offered:
                    say("发 /save 把文件保存到当前文件夹：" + "、".join(f.filename for f in offered)
                        + "；发别的内容则不保存。")
            else:
                say(assistant.renderer.plain(result))


def render_turn(assistant: Assistant, turn: Turn) -> str:
    return "\n\n".join(assistant.renderer.page(page.name, **page.values) for page in turn.pages)
