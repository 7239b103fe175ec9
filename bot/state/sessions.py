"""Load and save the core's Session objects through a Store.

A session holds topics, figures, the risk tier, an embedding and a running tool flow's answers.
Answers to a flow's *text* questions (/letter's facts, /log's "what was said") are the only words a
user typed that a session would carry, so they never reach the store as plain text:

- with a key (COLLECTION_GUARD_LOG_KEY, the operator's Fernet key), they are sealed with it and
  travel with the session: a restart or another worker continues the flow with nothing lost;
- without one, they stay in this process's memory only; after a restart, or on another worker,
  the flow keeps its numbers and choices and asks just those text questions again.

A session that is corrupt or was written by an incompatible version is dropped with a warning and
the user starts afresh, rather than getting an error.

The embedding is kept as base64 of its float32 bytes (float64 when a value would not survive
float32 exactly): a fifth of the JSON, and most of the time a message spends on state.
"""

from __future__ import annotations

import base64
import json
import logging
import os
import threading
import time

import numpy as np
from cryptography.fernet import Fernet, InvalidToken

from bot.core.dialogue import Session
from bot.state.store import Store
from bot.tools.flows import Step

log = logging.getLogger(__name__)

FROM_ENV = "env"  # Sessions(secret=FROM_ENV) reads COLLECTION_GUARD_LOG_KEY
LOCAL_LIMIT = 10_000  # text answers held in memory (no key) before the oldest are dropped


class Sessions:
    def __init__(self, store: Store, flows: dict[str, list[Step]], idle_seconds: float = 1800,
                 secret: str | None = FROM_ENV) -> None:
        self.store = store
        self.flows = flows
        self.idle_seconds = float(idle_seconds)
        if secret == FROM_ENV:
            secret = os.environ.get("COLLECTION_GUARD_LOG_KEY") or None
        try:
            self._fernet = Fernet(secret.encode()) if secret else None
        except ValueError:
            raise ValueError("COLLECTION_GUARD_LOG_KEY is not a valid key: make one with "
                             "`python -m bot log-key`") from None
        self._text_keys = {name: {s.key for s in steps if s.type == "text"} for name, steps in flows.items()}
        self._local: dict[str, tuple[float, str, dict]] = {}  # key -> (saved at, flow name, text answers)
        self._lock = threading.Lock()

    @property
    def sealed(self) -> bool:
        """True when flow text answers travel with the session (encrypted); False: kept in memory here."""
        return self._fernet is not None

    def load(self, key: str) -> Session:
        """The saved session, or a fresh Session(user=key) when absent, expired or unreadable."""
        data = self.store.load_session(key)
        if data is None:
            self._forget(key)
            return Session(user=key)
        try:
            dialogue = data.get("dialogue") or {}
            if isinstance(dialogue.get("vector"), dict):
                dialogue["vector"] = unpack_vector(dialogue["vector"])
            flow = data.get("flow")
            if flow:
                answers = dict(flow.get("answers") or {})
                answers.update(self._unseal(flow.pop("sealed", None)))
                with self._lock:
                    local = self._local.get(key)
                if local and local[1] == flow.get("name"):
                    answers.update(local[2])
                flow["answers"] = answers
            return Session.from_dict(data, self.flows)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            log.warning("dropped an unreadable session (%s)", type(exc).__name__)
            self.store.delete_session(key)
            self._forget(key)
            return Session(user=key)

    def save(self, key: str, session: Session) -> None:
        """Keep session.to_dict() (text answers sealed or held here); sets session.updated."""
        session.updated = time.time()
        vector, session.dialogue.vector = session.dialogue.vector, []  # packed below, much faster than asdict
        try:
            data = session.to_dict()
        finally:
            session.dialogue.vector = vector
        data["dialogue"]["vector"] = pack_vector(vector) if vector else []
        flow = data.get("flow")
        private: dict = {}
        if flow:
            text_keys = self._text_keys.get(flow["name"], set())
            private = {k: v for k, v in flow["answers"].items() if k in text_keys}
            flow["answers"] = {k: v for k, v in flow["answers"].items() if k not in text_keys}
            if private and self._fernet:
                flow["sealed"] = self._fernet.encrypt(json.dumps(private, ensure_ascii=False).encode()).decode()
        if private and not self._fernet:
            self._remember(key, flow["name"], private)
        else:
            self._forget(key)
        self.store.save_session(key, data, self.idle_seconds)

    def reset(self, key: str) -> None:
        self._forget(key)
        self.store.delete_session(key)

    def _unseal(self, token: str | None) -> dict:
        if not token:
            return {}
        if not self._fernet:
            log.warning("a session has sealed answers but no COLLECTION_GUARD_LOG_KEY is set; asking again")
            return {}
        try:
            return json.loads(self._fernet.decrypt(token.encode()))
        except InvalidToken:
            log.warning("a session's sealed answers do not open with COLLECTION_GUARD_LOG_KEY; asking again")
            return {}

    def _remember(self, key: str, flow: str, answers: dict) -> None:
        now = time.time()
        with self._lock:
            self._local[key] = (now, flow, answers)
            if len(self._local) > LOCAL_LIMIT:
                for old in [k for k, (at, _, _) in self._local.items() if at < now - self.idle_seconds]:
                    del self._local[old]
                while len(self._local) > LOCAL_LIMIT:
                    del self._local[next(iter(self._local))]

    def _forget(self, key: str) -> None:
        with self._lock:
            self._local.pop(key, None)


def pack_vector(vector: list[float]) -> dict:
    array = np.asarray(vector, dtype=np.float64)
    single = array.astype(np.float32)
    if np.array_equal(single.astype(np.float64), array):
        return {"f32": base64.b64encode(single.tobytes()).decode()}
    return {"f64": base64.b64encode(array.tobytes()).decode()}


def unpack_vector(packed: dict) -> list[float]:
    for name, dtype in (("f32", np.float32), ("f64", np.float64)):
        if name in packed:
            return np.frombuffer(base64.b64decode(packed[name]), dtype=dtype).astype(np.float64).tolist()
    raise ValueError("unknown vector encoding")
