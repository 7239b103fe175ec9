"""The one core every channel shares: message -> normalise -> safety -> retrieve -> compose.

Channels (console, Telegram) only render the Reply this returns.
"""

from __future__ import annotations

import logging
import time
from dataclasses import replace

from bot.core.compose import Reply, compose_answer
from bot.config import Settings
from bot.core.embedders import Embedder, make_embedder
from bot.knowledge.index import load
from bot.knowledge.loader import load_knowledge
from bot.tools.rates import RateInputError, RateResult, annual_rate, load_lpr, parse_loan
from bot.core.render import Renderer
from bot.core.retrieve import DenseRetriever, Hit, HybridRetriever, LexicalRetriever
from bot.core.safety import SafetyRules
from bot.core.textnorm import normalise
from bot.tools.dispatch import Session, Tools, Turn

log = logging.getLogger(__name__)
COMPOSE_DEPTH = 8


class Assistant:
    def __init__(self, settings: Settings, embedder: Embedder | None = None) -> None:
        started = time.perf_counter()
        self.settings = settings
        self.knowledge = load_knowledge(settings.knowledge_dir)
        self.safety = SafetyRules.load(settings.knowledge_dir / "safety.yaml")
        self.embedder = embedder or make_embedder(settings.model)
        self.index = load(settings.knowledge_dir, settings.index_dir, self.embedder.name, settings.build_command())
        self.retriever = HybridRetriever(DenseRetriever(self.index, self.embedder),
                                         LexicalRetriever(self.index.passages))
        self.embedder.encode(["预热"])  # load model weights now, not on the first user's message
        self.renderer = Renderer(settings.templates_dir)
        self.min_score = self.safety.threshold(self.embedder.name)
        self.lpr = load_lpr(settings.knowledge_dir / "data" / "lpr.yaml")
        self.tools = Tools.load(settings.knowledge_dir, self.renderer, self.lpr, self.knowledge.checked)
        log.info("assistant ready: %d passages, embedder %s, %.2fs", len(self.index.passages),
                 self.embedder.name, time.perf_counter() - started)

    def reply(self, raw: str) -> Reply:
        message = normalise(raw)
        flags = dict(truncated=message.truncated, traditional=message.traditional, checked=self.knowledge.checked)
        if not self.safety.has_words(message.text):
            return self._out_of_scope((), **flags)
        hits = self.retriever.search(message.text, k=COMPOSE_DEPTH)
        flags.update(scams=self.safety.scams_in(message.text), rate=self.rate_in(message.text), lpr=self.lpr)
        if self.safety.is_crisis(message.text):
            return replace(compose_answer(hits, self.knowledge), mode="crisis",
                           hotlines=self.safety.hotlines, **flags)
        if not (flags["scams"] or flags["rate"] or self.in_scope(message.text, hits)):
            return self._out_of_scope(tuple(hits), **flags)
        return replace(compose_answer(hits, self.knowledge), **flags)

    def respond(self, session: Session, raw: str) -> Turn | Reply:
        """A message in a conversation: a running tool gets it first, except that someone who speaks of
        ending their life gets crisis support, and the tool is dropped."""
        if session.flow is not None and self.safety.is_crisis(normalise(raw).text):
            session.flow = None
            return self.reply(raw)
        return self.tools.handle(session, raw) or self.reply(raw)

    def rate_in(self, text: str) -> RateResult | None:
        """The annual rate of a loan the message fully describes ("借5000到手3500，7天还5000")."""
        loan = parse_loan(text)
        if loan is None:
            return None
        try:
            return annual_rate(loan)
        except RateInputError:
            return None  # a sentence that only looks like a loan; /rate asks step by step

    def in_scope(self, text: str, hits: list[Hit]) -> bool:
        return self.safety.mentions_domain(text) or (bool(hits) and hits[0].score >= self.min_score)

    def _out_of_scope(self, hits: tuple[Hit, ...], **flags: object) -> Reply:
        return Reply(mode="out_of_scope", examples=self.safety.examples, hits=hits, **flags)
