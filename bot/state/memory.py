"""The in-memory store: one process, gone on restart. For tests and the console."""

from __future__ import annotations

import collections
import copy
import threading
import time


class MemoryStore:
    def __init__(self, clock=time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._sessions: dict[str, tuple[float, dict]] = {}  # key -> (expires, data)
        self._hits: dict[str, collections.deque[float]] = {}
        self._windows: dict[str, float] = {}
        self._counts: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
        self._blobs: dict[str, bytes] = {}
        self._saves = 0

    def load_session(self, key: str) -> dict | None:
        with self._lock:
            entry = self._sessions.get(key)
            if entry is None:
                return None
            if entry[0] <= self._clock():
                del self._sessions[key]
                return None
            return copy.deepcopy(entry[1])

    def save_session(self, key: str, data: dict, idle_seconds: float) -> None:
        with self._lock:
            now = self._clock()
            self._sessions[key] = (now + idle_seconds, copy.deepcopy(data))
            self._saves += 1
            if self._saves % 1000 == 0:
                self._prune(now)

    def delete_session(self, key: str) -> None:
        with self._lock:
            self._sessions.pop(key, None)

    def hit(self, key: str, window_seconds: float) -> int:
        with self._lock:
            now = self._clock()
            events = self._hits.setdefault(key, collections.deque())
            self._windows[key] = window_seconds
            while events and events[0] <= now - window_seconds:
                events.popleft()
            events.append(now)
            return len(events)

    def add_count(self, name: str, field: str, n: int = 1) -> None:
        with self._lock:
            self._counts[name][field] += n

    def counts(self, name: str) -> dict[str, int]:
        with self._lock:
            return dict(self._counts.get(name, {}))

    def get_blob(self, key: str) -> bytes | None:
        with self._lock:
            return self._blobs.get(key)

    def put_blob(self, key: str, value: bytes) -> None:
        with self._lock:
            self._blobs[key] = bytes(value)

    def delete_blob(self, key: str) -> None:
        with self._lock:
            self._blobs.pop(key, None)

    def close(self) -> None:
        pass

    def _prune(self, now: float) -> None:
        for key in [k for k, (expires, _) in self._sessions.items() if expires <= now]:
            del self._sessions[key]
        for key in [k for k, events in self._hits.items() if not events or events[-1] <= now - self._windows[k]]:
            del self._hits[key], self._windows[key]
