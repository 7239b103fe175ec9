"""Turn retrieved passages into a structured reply, independent of any channel."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from bot.knowledge.loader import Channel, Knowledge
from bot.core.retrieve import Hit
from bot.tools.rates import Lpr, RateResult
from bot.core.safety import Hotline, Scam

MAX_RIGHTS = 2
MAX_STEPS = 5
MAX_CHANNELS = 4
QUOTE_LINES = 3
QUOTE_CHARS = 160


@dataclass(frozen=True)
class Right:
    title: str
    quote: str
    citation: str


@dataclass(frozen=True)
class Reply:
    """What the assistant says, before it is rendered for a channel."""

    mode: str  # "answer", "crisis" or "out_of_scope"
    reading: str = ""
    rights: tuple[Right, ...] = ()
    steps: tuple[str, ...] = ()
    channels: tuple[Channel, ...] = ()
    hotlines: tuple[Hotline, ...] = ()
    scams: tuple[Scam, ...] = ()  # fraud warnings, shown before the answer
    rate: RateResult | None = None  # when the message described a whole loan
    lpr: Lpr | None = None
    examples: tuple[str, ...] = ()
    hits: tuple[Hit, ...] = ()
    checked: str = ""
    truncated: bool = False
    traditional: bool = False


def short_quote(quote: str) -> str:
    """The first lines of a quote, cut at a line end and marked '……' when shortened."""
    lines = quote.splitlines()
    kept: list[str] = []
    for line in lines[:QUOTE_LINES]:
        if kept and sum(map(len, kept)) + len(line) > QUOTE_CHARS:
            break
        kept.append(line)
    return "\n".join(kept) + ("……" if len(kept) < len(lines) else "")


def main_topic(hits: list[Hit]) -> str:
    """The top passage's topic that the other top passages share most."""
    counts = Counter(t for hit in hits[:5] for t in hit.passage.topics)
    return max(hits[0].passage.topics, key=lambda t: counts[t])


def compose_answer(hits: list[Hit], knowledge: Knowledge) -> Reply:
    topic = main_topic(hits)
    rights = tuple(Right(h.passage.title, short_quote(h.passage.quote or ""), h.passage.citation.label())
                   for h in hits if h.passage.citation)[:MAX_RIGHTS]
    steps: list[str] = []
    for hit in hits:
        steps += [s for s in hit.passage.steps if s not in steps]
    keys: list[str] = list(knowledge.topics[topic].channels)
    for hit in hits[:3]:
        for t in hit.passage.topics:
            keys += [k for k in knowledge.topics[t].channels if k not in keys]
    return Reply(mode="answer", reading=knowledge.topics[topic].reading, rights=rights,
                 steps=tuple(steps[:MAX_STEPS]),
                 channels=tuple(knowledge.channels[k] for k in keys[:MAX_CHANNELS]),
                 hits=tuple(hits), checked=knowledge.checked)
