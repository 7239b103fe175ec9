"""What a conversation remembers between turns, and nothing more.

Topics, the lender type, loan figures, the risk raised, tags for who the person said they are (a
student) and which blocks were already shown: enough
to read a follow-up ("那我报警有用吗") in context. No message text is kept; the last turn's embedding
is, because a follow-up is searched with it. A Session serialises to a JSON-ready dict so that any
store (memory, SQLite, Redis) can keep it.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field

from bot.tools.flows import FlowState, Step

RISK_ORDER = ("none", "check_in", "crisis")
MAX_TOPICS = 3


@dataclass
class DialogueState:
    topics: list[str] = field(default_factory=list)  # active topics, most recent first
    lender: str = "unknown"  # licensed | private | unknown
    loan: dict[str, float | str] = field(default_factory=dict)  # figures said so far (contract, received, ...)
    risk: str = "none"  # the highest risk tier raised in this conversation
    helper: bool = False  # the crisis raised is someone else's: the writer is helping
    crisis_turn: int = 0  # the turn that last got the crisis reply: the next message may be answering it
    crisis_note: str = ""  # what that reply asked (plan: how, and the means at hand): a short answer reads against it
    clarify_turn: int = 0  # the turn that last asked what happened: "嗯", "不知道" next are no goodbye (walk 71)
    danger_turn: int = 0  # the turn that last said "you are in danger": "还在拍 我好怕" next is that danger still
    means: str = ""  # the kind of means named in an imminent crisis (taken, air, height …): later replies stay urgent
    shown: list[str] = field(default_factory=list)  # blocks already shown once (disclaimer, channel keys)
    last_hits: list[str] = field(default_factory=list)  # passage ids of the last answer, for /law, /more …
    situation: str = ""  # the passage id of the situation the last answer read ("上门抓人"): "那我该怎么办" goes on with it
    vector: list[float] = field(default_factory=list)  # the last on-topic turn's embedding
    region: str = ""  # '' | mainland | hk | tw | mo | abroad[:country]: where the person said they are (hotlines)
    facts: list[str] = field(default_factory=list)  # who the person said they are (student): a tag, not their words
    language: str = "zh"  # zh | en
    asked_language: str = ""  # zh | en once the person asked for replies in it: kept whatever they write in
    script: str = "simplified"  # simplified | tw | hk
    turns: int = 0

    def raise_risk(self, tier: str) -> None:
        if RISK_ORDER.index(tier) > RISK_ORDER.index(self.risk):
            self.risk = tier

    def add_topics(self, topics: list[str]) -> None:
        self.topics = list(dict.fromkeys([*topics, *self.topics]))[:MAX_TOPICS]

    def show_once(self, block: str) -> bool:
        """True the first time a block is shown in this conversation."""
        if block in self.shown:
            return False
        self.shown.append(block)
        return True


@dataclass
class Session:
    """One user's conversation: its dialogue state and the running tool flow, if any.

    `user` keys the incident log; `updated` (epoch seconds) drives idle expiry.
    """

    user: str
    flow: FlowState | None = None
    dialogue: DialogueState = field(default_factory=DialogueState)
    updated: float = field(default_factory=time.time)

    def to_dict(self) -> dict:
        return {"user": self.user, "updated": self.updated, "dialogue": asdict(self.dialogue),
                "flow": {"name": self.flow.name, "answers": self.flow.answers} if self.flow else None}

    @classmethod
    def from_dict(cls, data: dict, flows: dict[str, list[Step]]) -> "Session":
        flow = data.get("flow")
        return cls(user=data["user"], updated=float(data.get("updated", time.time())),
                   dialogue=DialogueState(**data.get("dialogue", {})),
                   flow=FlowState(flow["name"], flows[flow["name"]], dict(flow["answers"]))
                   if flow and flow.get("name") in flows else None)

    def reset(self) -> None:
        self.flow = None
        self.dialogue = DialogueState()
