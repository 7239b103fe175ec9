"""The Redis store: state shared by several workers (COLLECTION_GUARD_STORE=redis://host:6379/0).

Sessions are JSON strings with an expiry (SET … PX); a flood counter is a sorted set of events
trimmed to its window inside one Lua script that reads the server's clock, so workers with
different clocks agree; counters are hashes (HINCRBY); blobs are plain strings. Every key starts
with "cg:" so that one Redis can serve other things too. No command lists keys.
"""

from __future__ import annotations

import json
import uuid

import redis

PREFIX = "cg:"
HIT = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local window = tonumber(ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
redis.call('ZADD', KEYS[1], now, ARGV[2])
redis.call('PEXPIRE', KEYS[1], math.ceil(window / 1000))
return redis.call('ZCARD', KEYS[1])
"""


class RedisStore:
    remote = True  # network round trips: the Telegram adapter runs store calls off its event loop

    def __init__(self, url: str, **options) -> None:
        self.url = url
        options.setdefault("socket_timeout", 5)
        options.setdefault("socket_connect_timeout", 5)
        options.setdefault("health_check_interval", 30)
        self._redis = redis.Redis.from_url(url, **options)
        self._hit = self._redis.register_script(HIT)
        try:
            self._redis.ping()
        except redis.RedisError as exc:
            raise ValueError(f"cannot reach the Redis store {redact_url(url)}: {exc}") from None

    def load_session(self, key: str) -> dict | None:
        raw = self._redis.get(PREFIX + "session:" + key)
        return json.loads(raw) if raw is not None else None

    def save_session(self, key: str, data: dict, idle_seconds: float) -> None:
        self._redis.set(PREFIX + "session:" + key, json.dumps(data, ensure_ascii=False, separators=(",", ":")),
                        px=max(1, round(idle_seconds * 1000)))

    def delete_session(self, key: str) -> None:
        self._redis.delete(PREFIX + "session:" + key)

    def hit(self, key: str, window_seconds: float) -> int:
        return int(self._hit(keys=[PREFIX + "hits:" + key],
                             args=[max(1, round(window_seconds * 1_000_000)), uuid.uuid4().hex]))

    def add_count(self, name: str, field: str, n: int = 1) -> None:
        self._redis.hincrby(PREFIX + "count:" + name, field, int(n))

    def counts(self, name: str) -> dict[str, int]:
        return {f.decode(): int(n) for f, n in self._redis.hgetall(PREFIX + "count:" + name).items()}

    def get_blob(self, key: str) -> bytes | None:
        return self._redis.get(PREFIX + "blob:" + key)

    def put_blob(self, key: str, value: bytes) -> None:
        self._redis.set(PREFIX + "blob:" + key, bytes(value))

    def delete_blob(self, key: str) -> None:
        self._redis.delete(PREFIX + "blob:" + key)

    def close(self) -> None:
        self._redis.close()


def redact_url(url: str) -> str:
    """The URL without a password, for messages."""
    scheme, sep, rest = url.partition("://")
    if "@" in rest:
        rest = "***@" + rest.split("@", 1)[1]
    return scheme + sep + rest
