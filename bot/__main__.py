"""Command line: python -m bot chat | eval | index build | ingest | check | telegram."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path

from bot.config import Settings
from bot.knowledge.index import StaleIndexError
from bot.knowledge.loader import KnowledgeError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description="Collection Guard 催收应对助手")
    parser.add_argument("--model", help="embedder: 'use-m3' (default, offline) or a sentence-transformers "
                        "model id or folder; also COLLECTION_GUARD_MODEL")
    parser.add_argument("--index", help="index folder (default: index/); also COLLECTION_GUARD_INDEX")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    commands = parser.add_subparsers(dest="command", required=True)
    chat = commands.add_parser("chat", help="chat in the console")
    chat.add_argument("--once", metavar="TEXT", help="answer one message and exit")
    evaluate = commands.add_parser("eval", help="score the bot on a JSONL question set")
    evaluate.add_argument("file", type=Path)
    evaluate.add_argument("--details", type=Path, metavar="OUT", help="write one JSON line per question")
    evaluate.add_argument("--json", action="store_true", help="print the summary as JSON")
    index = commands.add_parser("index", help="manage the search index")
    index.add_argument("action", choices=["build"])
    ingest = commands.add_parser("ingest", help="clean a scraped article into knowledge passages (YAML)")
    ingest.add_argument("file", type=Path)
    ingest.add_argument("--out", type=Path, help="write here instead of standard output")
    commands.add_parser("check", help="validate knowledge/ and every law quote against the official texts")
    commands.add_parser("log-key", help="print a new key for COLLECTION_GUARD_LOG_KEY (encrypted /log file)")
    feedback = commands.add_parser("feedback", help="print 👍/👎 per passage and the topics most often refused or "
                                   "asked to clarify, from the state store (COLLECTION_GUARD_STORE)")
    feedback.add_argument("--top", type=int, default=20, help="rows per table (default 20)")
    feedback.add_argument("--json", action="store_true", help="print the counts as JSON")
    telegram = commands.add_parser("telegram", help="run the Telegram bot (TELEGRAM_BOT_TOKEN; long polling "
                                   "unless --webhook-url is given)")
    telegram.add_argument("--webhook-url", help="public HTTPS URL Telegram posts updates to")
    telegram.add_argument("--listen", default="0.0.0.0", help="webhook server address (default 0.0.0.0)")
    telegram.add_argument("--port", type=int, default=8443, help="webhook server port (default 8443)")
    telegram.add_argument("--url-path", default="", help="path part of the webhook URL")
    telegram.add_argument("--secret-token", default=os.environ.get("TELEGRAM_WEBHOOK_SECRET"),
                          help="secret Telegram sends with each update; also TELEGRAM_WEBHOOK_SECRET")
    telegram.add_argument("--log-text", action="store_true",
                          default=os.environ.get("COLLECTION_GUARD_LOG_TEXT", "") not in ("", "0"),
                          help="debug only: log message text with phone, ID-card and bank-card numbers masked; "
                          "also COLLECTION_GUARD_LOG_TEXT=1")
    web = commands.add_parser("web", help="serve the web chat page and its JSON API (default 127.0.0.1:8080)")
    web.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    web.add_argument("--port", type=int, default=8080, help="port (default 8080)")
    web.add_argument("--secure", action="store_true",
                     default=os.environ.get("COLLECTION_GUARD_WEB_SECURE", "") not in ("", "0"),
                     help="the page is served over HTTPS (by a proxy in front): Secure cookie and HSTS; "
                     "also COLLECTION_GUARD_WEB_SECURE=1")
    web.add_argument("--behind-proxy", action="store_true",
                     default=os.environ.get("COLLECTION_GUARD_WEB_BEHIND_PROXY", "") not in ("", "0"),
                     help="trust X-Real-IP / X-Forwarded-For from a reverse proxy for the per-IP limit; "
                     "also COLLECTION_GUARD_WEB_BEHIND_PROXY=1")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    settings = Settings.from_env(model=args.model, index_dir=args.index)
    try:
        return COMMANDS[args.command](args, settings)
    except (KnowledgeError, StaleIndexError, ValueError, FileNotFoundError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def _chat(args: argparse.Namespace, settings: Settings) -> int:
    from bot.core.assistant import Assistant
    from bot.channels.console import chat

    assistant = Assistant(settings)
    if args.once is not None:
        print(assistant.renderer.plain(assistant.reply(args.once)))
    else:
        chat(assistant)
    return 0


def _eval(args: argparse.Namespace, settings: Settings) -> int:
    from bot.core.assistant import Assistant
    from bot.evaluate import evaluate, load_questions

    questions = load_questions(args.file)
    summary, details = evaluate(Assistant(settings), questions)
    if args.details:
        args.details.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in details), encoding="utf-8")
    if args.json:
        print(json.dumps(summary))
    else:
        for key, value in summary.items():
            print(f"{key:>22}: {value}")
    return 0


def _index(args: argparse.Namespace, settings: Settings) -> int:
    from bot.core.embedders import make_embedder
    from bot.knowledge.index import build

    manifest = build(settings.knowledge_dir, settings.index_dir, make_embedder(settings.model), progress=True)
    print(f"built {settings.index_dir}: {manifest['passages']} passages, {manifest['vectors']} vectors, "
          f"{manifest['embedder']}, {manifest['build_seconds']}s")
    return 0


def _ingest(args: argparse.Namespace, settings: Settings) -> int:
    from bot.knowledge.ingest import ingest, to_yaml

    text = to_yaml(ingest(args.file))
    if args.out:
        args.out.write_text(text, encoding="utf-8")
        print(f"wrote {args.out}: choose topics for each entry and repair lost words before committing")
    else:
        print(text, end="")
    return 0


def _check(args: argparse.Namespace, settings: Settings) -> int:
    """Validate knowledge/ (schema, source status, caveats), the tools and the LPR, and every law quote."""
    from bot.core.acts import ActRules
    from bot.core.articles import find_article
    from bot.core.risk import RiskRules
    from bot.core.triage import DialogueRules
    from bot.tools.flows import load_flows
    from bot.knowledge.loader import load_knowledge
    from bot.knowledge.legal_texts import quote_problem
    from bot.tools.rates import load_lpr

    try:
        knowledge = load_knowledge(settings.knowledge_dir)
    except KnowledgeError as exc:
        for line in exc.problems:
            print(line, file=sys.stderr)
        print(f"knowledge not loaded, {len(exc.problems)} problems")
        return 1
    load_flows(settings.knowledge_dir / "tools.yaml")
    load_lpr(settings.knowledge_dir / "data" / "lpr.yaml")
    RiskRules(settings.knowledge_dir / "crisis.yaml")
    ActRules(settings.knowledge_dir)
    dialogue = DialogueRules.load(settings.knowledge_dir / "dialogue.yaml")
    law_dir = settings.knowledge_dir / "sources" / "law"
    problems = [f"{p.id}: {problem}" for p in knowledge.passages if p.citation and p.quote
                and (problem := quote_problem(law_dir, p.source, p.citation.article, p.quote))]
    # a crime asked about by name is answered with its article's quote: that article must be quoted somewhere
    problems += [f"dialogue.yaml, crimes, {words.pattern!r}: no passage quotes {article.label}; add one under "
                 "knowledge/law/ or fix the entry" for words, article in dialogue.crimes
                 if find_article(knowledge.passages, article) is None]
    # a remembered fact's passage (answers) must exist
    ids = {p.id for p in knowledge.passages}
    problems += [f"dialogue.yaml, remembered, {tag}: field 'answers' names {fact.answers!r}, which is no passage's id; "
                 "write an id from knowledge/ or remove the field" for tag, fact in dialogue.remembered.items()
                 if fact.answers and fact.answers not in ids]
    for line in problems:
        print(line, file=sys.stderr)
    print(f"{len(knowledge.passages)} passages checked, {len(problems)} problems")
    return 1 if problems else 0


def _log_key(args: argparse.Namespace, settings: Settings) -> int:
    from cryptography.fernet import Fernet

    print(Fernet.generate_key().decode())
    return 0


def _feedback(args: argparse.Namespace, settings: Settings) -> int:
    from bot.state import feedback, open_store

    if settings.store_url.startswith("sqlite:///") and not Path(settings.store_url[len("sqlite:///"):]).exists():
        report = {"passages": [], "refused": [], "clarify": []}  # nothing kept yet; do not create the file
    else:
        store = open_store(settings.store_url)
        try:
            report = feedback.summary(store, args.top)
        finally:
            store.close()
    print(json.dumps(report, ensure_ascii=False) if args.json else feedback.render(report))
    return 0


def _telegram(args: argparse.Namespace, settings: Settings) -> int:
    from bot.channels.telegram import run

    return run(args, settings)



def _web(args: argparse.Namespace, settings: Settings) -> int:
    from bot.channels.web import run

    return run(args, settings)

COMMANDS = {"chat": _chat, "eval": _eval, "index": _index, "ingest": _ingest, "check": _check,
            "telegram": _telegram, "web": _web, "log-key": _log_key, "feedback": _feedback}

if __name__ == "__main__":
    sys.exit(main())
