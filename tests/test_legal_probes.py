"""Legal regression suite: every probe in tests/data/legal_probes.yaml must say what it must, and nothing it
must not (issue 10). Operators extend the YAML; this file only runs it.

A conversation probe sends its messages through Assistant.respond in one Session and checks the plain text
of the last answer together with what "/law" and "/more" return afterwards in the same session, when they
return something: the first answer is short and laws and further steps open on request. A tool probe
(`tool: true`) sends its messages straight to the tools and checks their pages and the files they deliver.
Probes marked `needs_core: true` wait for work in the conversation core and run as non-strict xfail.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from bot.core.dialogue import Session
from tests.conftest import DATA

PROBES_FILE = DATA / "legal_probes.yaml"
EXPANSIONS = ("/law", "/more")
NOT_AN_EXPANSION = {"out_of_scope", "clarify", "small_talk"}  # what a command that opens nothing gets back
FIELDS = {"id", "ask", "must_say", "must_not_say", "issue_point", "tool", "needs_core", "note"}
POINTS = set(range(1, 11)) | {"situation"}
ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
NEEDS_CORE = ("needs the conversation core's compose work (lender branches, caveats, /law and /more, "
              "safety first in long stories); flip needs_core off in legal_probes.yaml once it passes")


def load_probes(path: Path = PROBES_FILE) -> list[dict]:
    """Read and validate the probe file; every problem names the probe and the fix."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise ValueError(f"{path}: must be a list of probes, each starting with '- id:'")
    problems: list[str] = []
    seen: set[str] = set()
    for number, probe in enumerate(data, 1):
        where = f"{path}, probe {number}" + (f" ({probe.get('id')})" if isinstance(probe, dict) else "")
        if not isinstance(probe, dict):
            problems.append(f"{where}: each probe is a mapping with id, ask, must_say, must_not_say")
            continue
        if unknown := set(probe) - FIELDS:
            problems.append(f"{where}: unknown field(s) {sorted(unknown)}; use {sorted(FIELDS)}")
        if not isinstance(probe.get("id"), str) or not ID.match(probe["id"]) or probe["id"] in seen:
            problems.append(f"{where}: 'id' must be new and use lowercase letters, digits and '-'")
        seen.add(str(probe.get("id")))
        ask = probe.get("ask")
        if not (isinstance(ask, str) and ask.strip()) and not (
                isinstance(ask, list) and ask and all(isinstance(a, str) and a.strip() for a in ask)):
            problems.append(f"{where}: 'ask' must be a message or a list of messages")
        patterns = [*probe.get("must_say", []), *probe.get("must_not_say", [])]
        if not patterns:
            problems.append(f"{where}: give at least one of must_say, must_not_say")
        for pattern in patterns:
            if not isinstance(pattern, str):
                problems.append(f"{where}: {pattern!r} is not text; quote it in the YAML ('8,000')")
                continue
            try:
                re.compile(pattern)
            except re.error as exc:
                problems.append(f"{where}: {pattern!r} is not a valid regular expression ({exc})")
        if probe.get("issue_point") not in POINTS:
            problems.append(f"{where}: 'issue_point' must be 1 to 10 or situation")
        if probe.get("tool") and probe.get("needs_core"):
            problems.append(f"{where}: a tool probe calls the tools directly and cannot need the core")
    if problems:
        raise ValueError("\n".join(problems))
    return data


def render(assistant, result) -> str:
    """The plain text of whatever the assistant returned: a Reply, or a tool Turn (pages, then files)."""
    if result is None:
        return ""
    pages = getattr(result, "pages", None)
    if pages is None:
        return assistant.renderer.plain(result)
    texts = [assistant.renderer.page(page.name, **page.values) for page in pages]
    return "\n\n".join(texts + [file.content for file in getattr(result, "files", ())])


def _opens_something(result) -> bool:
    return result is not None and (getattr(result, "pages", None) is not None
                                   or getattr(result, "mode", "") not in NOT_AN_EXPANSION)


def probe_text(assistant, turns: str | list[str]) -> str:
    """Send the turns in one conversation; return the plain answer to the last one, followed by what
    "/law" and "/more" return next in the same session when they return something."""
    session = Session(user="probe")
    result = None
    for turn in [turns] if isinstance(turns, str) else turns:
        result = assistant.respond(session, turn)
    parts = [render(assistant, result)]
    if getattr(result, "pages", None) is None:  # an answer (not a tool page) may open its laws and steps
        for command in EXPANSIONS:
            more = assistant.respond(session, command)
            if _opens_something(more):
                parts.append(render(assistant, more))
    return "\n\n".join(part for part in parts if part.strip())


def tool_text(assistant, turns: str | list[str]) -> str:
    """Send the turns straight to the tools (/rate, /letter) and return the last pages and files."""
    session = Session(user="probe-tool")
    result = None
    for turn in [turns] if isinstance(turns, str) else turns:
        result = assistant.tools.handle(session, turn)
    return render(assistant, result)


PROBES = load_probes()


@pytest.mark.parametrize("probe", [
    pytest.param(p, id=p["id"], marks=[pytest.mark.xfail(reason=NEEDS_CORE, strict=False)] if p.get("needs_core") else [])
    for p in PROBES])
def test_probe(assistant, probe):
    text = (tool_text if probe.get("tool") else probe_text)(assistant, probe["ask"])
    missing = [p for p in probe.get("must_say", []) if not re.search(p, text)]
    forbidden = [p for p in probe.get("must_not_say", []) if re.search(p, text)]
    assert not missing and not forbidden, (
        f"probe {probe['id']}: missing {missing}, must not say {forbidden}\n--- the text was:\n{text}")


def test_probe_file_covers_every_point_of_issue_10():
    assert len(PROBES) >= 30
    points = {p["issue_point"] for p in PROBES}
    assert POINTS <= points, sorted(map(str, POINTS - points))
    assert any(p.get("tool") for p in PROBES if p["issue_point"] == 9)  # letters are checked on the tools


def test_a_broken_probe_file_names_the_probe_and_the_fix(tmp_path: Path):
    path = tmp_path / "probes.yaml"
    path.write_text("- {id: Bad Id, ask: 问题, must_say: ['(unclosed', 8,000], issue_point: 11, colour: red}\n",
                    encoding="utf-8")
    with pytest.raises(ValueError) as caught:
        load_probes(path)
    message = str(caught.value)
    for words in ("unknown field(s) ['colour']", "'id' must be new", "not a valid regular expression",
                  "is not text", "'issue_point' must be 1 to 10"):
        assert words in message


def test_probe_text_adds_expansions_only_when_they_open_something():
    class Said:
        def __init__(self, mode: str, text: str):
            self.mode, self.text = mode, text

    class Stub:
        """An assistant whose /law opens nothing (a refusal) and whose /more opens a part."""

        class renderer:  # noqa: N801 - stands in for the Renderer
            @staticmethod
            def plain(result):
                return result.text

        def __init__(self):
            self.sent: list[str] = []

        def respond(self, session, text):
            self.sent.append(text)
            return Said({"/law": "out_of_scope", "/more": "part"}.get(text, "answer"), f"读到：{text}")

    stub = Stub()
    text = probe_text(stub, ["一", "二"])
    assert stub.sent == ["一", "二", "/law", "/more"]
    assert "读到：二" in text and "读到：/more" in text and "读到：一" not in text and "读到：/law" not in text
