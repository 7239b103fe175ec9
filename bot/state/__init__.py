"""State that outlives one message: sessions, flood counters, feedback counts, encrypted incident logs.

One small interface (`Store`) with three backends: memory, SQLite (the embedded default) and Redis
(several workers). `Sessions` loads and saves the core's Session objects through a store.
"""

from bot.state.store import CLARIFY, FEEDBACK, REFUSED, Store, open_store

__all__ = ["CLARIFY", "FEEDBACK", "REFUSED", "Store", "open_store", "Sessions"]


def __getattr__(name: str):
    if name == "Sessions":  # lazy: sessions imports the core's dialogue module
        from bot.state.sessions import Sessions

        return Sessions
    raise AttributeError(name)
