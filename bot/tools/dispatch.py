"""The borrower's tools (/rate, /letter, /log, /cancel) on one core that every channel shares.

A channel passes each message and the user's Session; `handle` returns a Turn (pages to render and
files to deliver) or None when the message is not for a tool and should get a normal answer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from bot.core.dialogue import Session
from bot.tools.flows import AnswerError, FlowState, Step, load_flows
from bot.tools.incidents import Incident, IncidentLog, to_csv
from bot.tools.rates import LENDER_TYPES, Loan, Lpr, RateInputError, annual_rate, parse_loan
from bot.core.render import Renderer

COMMANDS = ("/rate", "/letter", "/log", "/cancel")


@dataclass(frozen=True)
class Page:
    """A template from knowledge/templates and its values; each channel renders it its own way."""

    name: str
    values: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: str


@dataclass(frozen=True)
class Turn:
    pages: tuple[Page, ...]
    files: tuple[Attachment, ...] = ()


class Tools:
    def __init__(self, flows: dict[str, list[Step]], renderer: Renderer, lpr: Lpr, log: IncidentLog,
                 checked: str) -> None:
        self.flows = flows
        self.checked = checked  # the knowledge checked date, for the disclaimer
        self.renderer = renderer
        self.lpr = lpr
        self.log = log

    @classmethod
    def load(cls, knowledge_dir: Path, renderer: Renderer, lpr: Lpr, checked: str) -> "Tools":
        return cls(load_flows(knowledge_dir / "tools.yaml"), renderer, lpr, IncidentLog.from_env(), checked)

    def handle(self, session: Session, text: str) -> Turn | None:
        command, _, argument = text.strip().partition(" ")
        command = command.split("@")[0].lower()
        if command == "/cancel":
            running, session.flow = session.flow, None
            return Turn((Page("cancelled.j2", {"running": running is not None}),))
        if command == "/rate" and (loan := parse_loan(argument)):
            return self.rate_turn(loan, known_lender(session))
        if command in ("/rate", "/letter"):
            return self.start(session, command[1:])
        if command == "/log":
            return self.log_command(session, argument.strip().lower())
        if session.flow is None or text.startswith("/"):
            return None
        return self.give(session, text)

    def start(self, session: Session, name: str) -> Turn:
        session.flow = FlowState(name, self.flows[name])
        if name == "rate" and known_lender(session) != "unknown":
            session.flow.answers["lender"] = known_lender(session)  # the conversation already said who lent
        return Turn((Page("tool_intro.j2", {"tool": name}), self.ask(session.flow.current())))

    def ask(self, step: Step, problem: str = "") -> Page:
        return Page("ask.j2", {"ask": step.ask, "options": step.options(), "problem": problem})

    def give(self, session: Session, text: str) -> Turn:
        flow = session.flow
        try:
            step = flow.give(text)
        except AnswerError as exc:
            return Turn((self.ask(flow.current(), str(exc)),))
        if step is not None:
            return Turn((self.ask(step),))
        session.flow = None  # the answers go with the flow once the result is made
        if flow.stopped:
            return Turn((Page("tool_stopped.j2", {"tool": flow.name, "step": flow.stopped}),))
        return getattr(self, f"finish_{flow.name}")(session, flow.answers)

    def finish_rate(self, session: Session, answers: dict) -> Turn:
        single = answers["plan"] == "single"
        lender = str(answers.get("lender", "unknown"))
        dialogue = getattr(session, "dialogue", None)
        if dialogue is not None and lender in ("licensed", "private"):
            dialogue.lender = lender  # what the user told the tool is a fact of the conversation
        return self.rate_turn(Loan(contract=answers["contract"], received=answers["received"],
                                   payment=answers["payment"], count=1 if single else int(answers["count"]),
                                   days=int(answers.get("days", 0)), period=answers["plan"], fees=answers["fees"]),
                              lender)

    def rate_turn(self, loan: Loan, lender: str = "unknown") -> Turn:
        """The rate page; `lender` (licensed, private or unknown) chooses which rules it explains."""
        try:
            result = annual_rate(loan)
        except RateInputError as exc:
            return Turn((Page("tool_error.j2", {"problem": str(exc), "command": "/rate"}),))
        lender = lender if lender in LENDER_TYPES else "unknown"
        return Turn((Page("rate_result.j2", {"rate": result, "lpr": self.lpr, "checked": self.checked,
                                             "lender": lender}),))

    def finish_letter(self, session: Session, answers: dict) -> Turn:
        today = dt.datetime.now().date().isoformat()
        choices = {step.key: step.choices for step in self.flows["letter"] if step.choices}
        letter = self.renderer.page(f"letters/{answers['kind']}.j2", a=answers, today=today,
                                    choice=dict(self.flow_choices("letter")), choices=choices)
        name = f"letter-{answers['kind'].replace('_', '-')}-{today}.txt"
        return Turn((Page("letter_done.j2", {"letter": letter, "filename": name, "kind": answers["kind"],
                                             "debt_age": answers.get("debt_age", "")}),),
                    (Attachment(name, letter),))

    def finish_log(self, session: Session, answers: dict) -> Turn:
        now = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
        when = now if answers["when"] in ("刚才", "刚刚", "现在") else answers["when"]
        how = dict(self.flow_choices("log"))[answers["how"]]
        count = self.log.add(session.user, Incident(now, when, how, answers["who"], answers["what"]))
        return Turn((Page("log_saved.j2", {"count": count, "persistent": self.log.persistent}),))

    def log_command(self, session: Session, argument: str) -> Turn:
        incidents = self.log.list(session.user)
        if argument in ("", "add", "new"):
            return self.start(session, "log")
        if argument == "list":
            return Turn((Page("log_list.j2", {"incidents": incidents}),))
        if argument == "clear":
            return Turn((Page("log_cleared.j2", {"count": self.log.clear(session.user)}),))
        if argument == "export":
            if not incidents:
                return Turn((Page("log_list.j2", {"incidents": []}),))
            today = dt.datetime.now().date().isoformat()
            table = self.renderer.page("log_export.j2", incidents=incidents, today=today)
            files = (Attachment(f"incident-log-{today}.csv", to_csv(incidents)),
                     Attachment(f"incident-log-{today}.txt", table))
            return Turn((Page("log_exported.j2", {"count": len(incidents), "files": [f.filename for f in files]}),),
                        files)
        return Turn((Page("tool_error.j2", {"problem": "不认识这个用法。",
                                            "command": "/log、/log list、/log export 或 /log clear"}),))

    def flow_choices(self, flow: str) -> list[tuple[str, str]]:
        return [item for step in self.flows[flow] for item in step.choices.items()]


def known_lender(session: Session) -> str:
    """The lender type the conversation has established (licensed, private), or "unknown"."""
    lender = getattr(getattr(session, "dialogue", None), "lender", "unknown")
    return lender if lender in LENDER_TYPES else "unknown"
