"""What operators read with `python -m bot feedback`: counts only, never text.

Counters (see bot.state.store): "feedback" has fields "up:<passage id>" / "down:<passage id>";
"refused" and "clarify" have one field per topic id ("none" when a message had no topic).
"""

from __future__ import annotations

from bot.core.compose import Reply
from bot.core.dialogue import Session
from bot.state.store import CLARIFY, FEEDBACK, REFUSED, Store


def count_outcome(store: Store, result: object, session: Session) -> None:
    """Count a refusal or a clarifying question under the conversation's topic (every channel calls this)."""
    if isinstance(result, Reply) and result.mode in ("out_of_scope", "clarify"):
        store.add_count(REFUSED if result.mode == "out_of_scope" else CLARIFY, (session.dialogue.topics or ["none"])[0])


def summary(store: Store, top: int = 20) -> dict:
    votes: dict[str, dict[str, int]] = {}
    for field, n in store.counts(FEEDBACK).items():
        vote, _, passage = field.partition(":")
        if vote in ("up", "down") and passage:
            votes.setdefault(passage, {"up": 0, "down": 0})[vote] += n
    passages = sorted(({"passage": p, **v} for p, v in votes.items()),
                      key=lambda row: (-(row["up"] + row["down"]), -row["down"], row["passage"]))
    ranked = {name: [{"topic": t, "count": n} for t, n in
                     sorted(store.counts(name).items(), key=lambda item: (-item[1], item[0]))[:top]]
              for name in (REFUSED, CLARIFY)}
    return {"passages": passages[:top], "refused": ranked[REFUSED], "clarify": ranked[CLARIFY]}


def render(report: dict) -> str:
    lines = ["👍/👎 per passage (most votes first)"]
    if report["passages"]:
        width = max(len(row["passage"]) for row in report["passages"])
        lines.append(f"  {'passage':<{width}}  {'👍':>5} {'👎':>5}")
        lines += [f"  {row['passage']:<{width}}  {row['up']:>6} {row['down']:>6}" for row in report["passages"]]
    else:
        lines.append("  (no votes yet)")
    for name, title in ((REFUSED, "Topics most often refused (out of scope)"),
                        (CLARIFY, "Topics most often asked to clarify")):
        lines += ["", title]
        rows = report[name]
        if rows:
            width = max(len(row["topic"]) for row in rows)
            lines += [f"  {row['topic']:<{width}}  {row['count']:>6}" for row in rows]
        else:
            lines.append("  (none yet)")
    return "\n".join(lines)
