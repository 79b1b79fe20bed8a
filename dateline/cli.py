"""dateline's command line: commands that read like sentences.

    dateline extract FILE... --format json
    dateline ingest PATH... --db dateline.db
    dateline events --country Afghanistan --since 2021-08-01
    dateline export --format csv -o events.csv
    dateline eval geo ../shared/eval/geoparsing/GeoVirus.xml --json
    dateline eval e2e ../shared/eval/e2e/dev.jsonl --part test
"""
from __future__ import annotations

import importlib
import json
import os
import sys
from typing import Any

import click

from dateline.store.filters import BadFilter, check_limit, parse_day

DEFAULT_DB = "dateline.db"
def _use_rules(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> tuple[str, ...]:
    if value:
        from dateline import rules

        rules.use(value)  # read with the shipped rules; workers inherit it (DATELINE_RULES)
    return value


rules_option = click.option("--rules", "rule_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
                            callback=_use_rules, expose_value=False, is_eager=True, metavar="FILE",
                            help="A rules file (JSON Lines) that adds, replaces or disables rules by id; "
                                 "repeatable; added to $DATELINE_RULES.")
db_option = click.option("--db", "db_url", default=DEFAULT_DB, show_default=True, envvar="DATELINE_DB",
                         help="SQLite path or URL (sqlite:///x.db, postgresql://...).")
#: The optional extra that brings each optional module, for the message when it is missing.
EXTRAS = {"psycopg": "postgres", "dask": "batch", "distributed": "batch", "torch": "embeddings"}


class CliError(click.ClickException):
    """A one-line error for a user's mistake (a missing file, a bad value, a missing extra): status 2."""

    exit_code = 2


class _Main(click.Group):
    """The command group; it turns errors into one line on stderr instead of a traceback.

    Set ``DATELINE_DEBUG=1`` to see the traceback of an unexpected error.
    """

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except BadFilter as exc:
            raise CliError(str(exc)) from exc
        except ModuleNotFoundError as exc:
            top = (exc.name or "").split(".")[0]
            if top not in EXTRAS:
                raise
            raise CliError(f"this needs the {top} package: pip install 'dateline[{EXTRAS[top]}]'") from exc
        except BrokenPipeError:  # `dateline export ... | head`: the reader has all it wanted
            sys.stderr.close()
            ctx.exit(0)
        except Exception as exc:
            if os.environ.get("DATELINE_DEBUG"):
                raise
            first = (str(exc).strip().splitlines() or [""])[0]
            click.echo(f"Error: {type(exc).__name__}: {first} (DATELINE_DEBUG=1 shows the traceback)", err=True)
            ctx.exit(1)


def _day(_: click.Context, param: click.Parameter, value: str | None) -> str | None:
    try:
        return parse_day(value, param.name or "date") if value else value
    except BadFilter as exc:
        raise click.BadParameter(str(exc)) from exc


def _limit(_: click.Context, __: click.Parameter, value: int) -> int:
    try:
        return check_limit(value)
    except BadFilter as exc:
        raise click.BadParameter(str(exc)) from exc


HISTORICAL_HELP = "Also show background events (modality historical), left out by default."


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="dateline")
def main() -> None:
    """Turn news reports of conflict into sourced, geocoded event records."""


@main.command()
@click.argument("paths", nargs=-1, required=True)  # a missing path is reported, the others read
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "table"]), default="json", show_default=True)
@rules_option
def extract(paths: tuple[str, ...], fmt: str) -> None:
    """Print the extraction of each article in PATHS (files or directories)."""
    from dateline.cli_output import print_extractions

    sys.exit(print_extractions(paths, fmt))


@main.command()
@click.argument("paths", nargs=-1, required=True)  # a missing path is reported, the others read
@db_option
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on a terminal).")
@rules_option
def ingest(paths: tuple[str, ...], db_url: str, progress: bool | None) -> None:
    """Read PATHS, extract every article and store it; re-ingesting is a no-op."""
    from dateline.cli_output import run_ingest

    sys.exit(run_ingest(paths, db_url, progress))


@main.command()
@db_option
@click.option("--country", help="Country name (any case) or ISO 3166 alpha-3 code, e.g. Somalia or SOM.")
@click.option("--since", callback=_day, help="First event date: YYYY-MM-DD, YYYY-MM, YYYY, today or yesterday.")
@click.option("--until", callback=_day, help="Last event date, inclusive (same forms as --since).")
@click.option("--type", "any_type", help="ACLED event or sub-event type, e.g. Battles or 'Armed clash'.")
@click.option("--actor", help="Text in actor1, actor2 or an associated actor, e.g. Shabaab.")
@click.option("--include-historical", is_flag=True, help=HISTORICAL_HELP)
@click.option("--limit", default=50, show_default=True, callback=_limit, help="Most events to list (1 or more).")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl"]), default="table", show_default=True)
@click.option("--wide", is_flag=True, help="Table: every column in full, however wide the terminal.")
def events(db_url: str, fmt: str, limit: int, wide: bool, **filters: Any) -> None:
    """List stored events, newest first."""
    from dateline.cli_output import print_events

    print_events(db_url, filters, limit, fmt, wide=wide)


@main.command()
@db_option
@click.option("--speaker", help="Whole words of the speaker's name or role, e.g. Aman or 'foreign ministry'.")
@click.option("--about", help="Text the claim or its events mention.")
@click.option("--limit", default=50, show_default=True, callback=_limit, help="Most claims to list (1 or more).")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl"]), default="table", show_default=True)
@click.option("--wide", is_flag=True, help="Table: every column in full, however wide the terminal.")
def claims(db_url: str, speaker: str | None, about: str | None, limit: int, fmt: str, wide: bool) -> None:
    """List stored claims and quotes, with who disputes them."""
    from dateline.cli_output import print_claims

    print_claims(db_url, {"speaker": speaker, "about": about}, limit, fmt, wide=wide)


@main.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl", "geojson", "parquet"]), required=True)
@click.option("--what", type=click.Choice(["events", "claims"]), default="events", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="File to write (default: stdout; parquet needs a file).")
@click.option("--inter-codes", type=click.Choice(["labels", "numeric"]), default="labels", show_default=True,
              help="inter1/inter2/interaction as ACLED's current labels or its older numeric codes (1-8; 12).")
@click.option("--include-historical", is_flag=True, help=HISTORICAL_HELP)
def export(db_url: str, fmt: str, what: str, output: str | None, inter_codes: str, include_historical: bool) -> None:
    """Export stored events (ACLED-style CSV, GeoJSON, Parquet, JSON Lines) or claims."""
    from dateline import export as exporter
    from dateline.cli_output import open_store

    if fmt == "parquet" and output in (None, "-"):
        raise CliError("parquet is a binary file format: give a file with -o FILE.parquet")
    notes: list[str] = []
    with open_store(db_url) as store:
        n = exporter.write(store, fmt, output, what=what, inter_codes=inter_codes,
                           include_historical=include_historical, notes=notes)
    click.echo(f"{n} {what} written to {output or 'stdout'}", err=True)
    for note in notes:
        click.echo(f"Note: {note}", err=True)


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True)
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME",
              help="Also answer requests whose Host header is NAME (a proxy's public name); '*' for any. "
                   "By default only the bound address and, on loopback, localhost.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Server processes sharing the port (more answer more requests at once on more cores).")
def serve(db_url: str, host: str, port: int, allow_hosts: tuple[str, ...], workers: int) -> None:
    """Serve the HTTP API and the web page (map, timeline, evidence)."""
    from dateline.cli_output import open_store
    from dateline.serve import TOKEN_ENV, run
    from dateline.serve.guard import UnsafeSetting

    open_store(db_url, create=bool(os.environ.get(TOKEN_ENV))).close()  # a typo is an error, not a new file
    try:
        run(db_url, host=host, port=port, allow_hosts=allow_hosts, workers=workers)
    except UnsafeSetting as exc:  # a short ingest token on a server reachable beyond loopback
        raise click.UsageError(str(exc)) from None


@main.command()
@click.argument("paths", nargs=-1, required=True)  # a missing path is reported, the others read
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder for Parquet files: events/, claims/, documents/, errors/.")
@click.option("--workers", default=2, show_default=True, help="Local worker processes.")
@click.option("--scheduler", help="Address of a running Dask scheduler (instead of local workers).")
@click.option("--partition-size", default=200, show_default=True, help="Articles per partition.")
@rules_option
def batch(paths: tuple[str, ...], out_dir: str, workers: int, scheduler: str | None, partition_size: int) -> None:
    """Extract a large corpus on Dask into partitioned Parquet; re-running resumes."""
    from dateline.batch import OutputInUse, run as run_batch

    try:
        totals = run_batch(paths, out_dir, workers=workers, scheduler=scheduler, partition_size=partition_size,
                           on_problem=lambda line: click.echo(line, err=True))
    except OutputInUse as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(json.dumps(totals))
    sys.exit(1 if totals["errors"] else 0)


@main.group(name="eval")
def evaluate() -> None:
    """Score dateline on public gold data (../shared/eval/)."""


def _eval_command(name: str, help_text: str, extra: list[click.Option] | None = None) -> None:
    """Register ``dateline eval NAME FILE [--json] [--part]``, delegating to ``dateline.evaluate.NAME``.

    Each module exposes ``score(path, part=..., **options) -> dict`` and ``render(result) -> str``;
    ``part`` picks the train or test items of the fixed split (dateline.evaluate.split).
    """

    @click.argument("path", type=click.Path(exists=True))
    @click.option("--json", "as_json", is_flag=True, help="One JSON object on stdout.")
    @click.option("--part", type=click.Choice(["train", "test", "all"]), default="all", show_default=True,
                  help="Score only the train or test items of the fixed split (dateline.evaluate.split).")
    def command(path: str, as_json: bool, **options: Any) -> None:
        module = importlib.import_module(f"dateline.evaluate.{name}")
        result = module.score(path, **options)
        click.echo(json.dumps(result) if as_json else module.render(result))

    for option in extra or []:
        command = option(command)
    evaluate.command(name=name, help=help_text)(command)


_eval_command("geo", "Toponym resolution on GeoVirus / LGL XML.",
              [click.option("--gold-spans", is_flag=True, help="Resolve the gold toponym spans.")])
_eval_command("e2e", "Whole articles in, event records out, against ../shared/eval/e2e gold.",
              [click.option("--save-predictions", type=click.Path(dir_okay=False),
                            help="Also write the predicted records as JSON Lines (doc_id, events) for score.py.")])
_eval_command("events", "ACLED sub-event typing on CASE 2021 (subtask 1 rows).")
_eval_command("plover", "PLOVER typing and actors on the PLOVER gold standard.")
_eval_command("quotes", "Attribution (source, cue, content) on PolNeAR brat files.")


if __name__ == "__main__":
    main()
