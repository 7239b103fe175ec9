"""The console chat: a thin adapter that reads lines and prints plain-text replies."""

from __future__ import annotations

import sys
from typing import TextIO

from .assistant import Assistant

PROMPT = "你> "


def chat(assistant: Assistant, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> None:
    """Answer each line until /quit or end of input; prompts only when a person is typing."""
    interactive = stdin.isatty()
    say = lambda text: print(text + "\n", file=stdout, flush=True)  # noqa: E731
    say(assistant.renderer.page("help.j2", console=True))
    while True:
        if interactive:
            print(PROMPT, end="", file=stdout, flush=True)
        line = stdin.readline()
        if not line:
            break
        text = line.strip()
        if not text:
            continue
        if text in ("/quit", "/exit"):
            break
        if text in ("/help", "/start"):
            say(assistant.renderer.page("help.j2", console=True))
        elif text == "/reset":
            say(assistant.renderer.page("reset.j2"))
        else:
            say(assistant.renderer.plain(assistant.reply(text)))
