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
import sys
from typing import Any

import click

DEFAULT_DB = "dateline.db"
db_option = click.option("--db", "db_url", default=DEFAULT_DB, show_default=True, envvar="DATELINE_DB",
                         help="SQLite path or URL (sqlite:///x.db, postgresql://...).")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="dateline")
def main() -> None:
    """Turn news reports of conflict into sourced, geocoded event records."""


@main.command()
@click.argument("paths", nargs=-1, required=True)  # a missing path is reported, the others read
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "table"]), default="json", show_default=True)
def extract(paths: tuple[str, ...], fmt: str) -> None:
    """Print the extraction of each article in PATHS (files or directories)."""
    from dateline.cli_output import print_extractions

    sys.exit(print_extractions(paths, fmt))


@main.command()
@click.argument("paths", nargs=-1, required=True)  # a missing path is reported, the others read
@db_option
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on a terminal).")
def ingest(paths: tuple[str, ...], db_url: str, progress: bool | None) -> None:
    """Read PATHS, extract every article and store it; re-ingesting is a no-op."""
    from dateline.cli_output import run_ingest

    sys.exit(run_ingest(paths, db_url, progress))


@main.command()
@db_option
@click.option("--country")
@click.option("--since", help="First event date, YYYY-MM-DD.")
@click.option("--until", help="Last event date, YYYY-MM-DD.")
@click.option("--type", "any_type", help="ACLED event or sub-event type.")
@click.option("--actor")
@click.option("--limit", default=50, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl"]), default="table", show_default=True)
def events(db_url: str, fmt: str, limit: int, **filters: Any) -> None:
    """List stored events, newest first."""
    from dateline.cli_output import print_events

    print_events(db_url, filters, limit, fmt)


@main.command()
@db_option
@click.option("--speaker")
@click.option("--about", help="Text the claim or its events mention.")
@click.option("--limit", default=50, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl"]), default="table", show_default=True)
def claims(db_url: str, speaker: str | None, about: str | None, limit: int, fmt: str) -> None:
    """List stored claims and quotes, with who disputes them."""
    from dateline.cli_output import print_claims

    print_claims(db_url, {"speaker": speaker, "about": about}, limit, fmt)


@main.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl", "geojson", "parquet"]), required=True)
@click.option("--what", type=click.Choice(["events", "claims"]), default="events", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="File to write (default: stdout; parquet needs a file).")
def export(db_url: str, fmt: str, what: str, output: str | None) -> None:
    """Export stored events (ACLED-style CSV, GeoJSON, Parquet, JSON Lines) or claims."""
    from dateline import export as exporter
    from dateline.store import connect

    with connect(db_url) as store:
        n = exporter.write(store, fmt, output, what=what)
    click.echo(f"{n} {what} written to {output or 'stdout'}", err=True)


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True)
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME",
              help="Also answer requests whose Host header is NAME (a proxy's public name); '*' for any. "
                   "By default only the bound address and, on loopback, localhost.")
def serve(db_url: str, host: str, port: int, allow_hosts: tuple[str, ...]) -> None:
    """Serve the HTTP API and the web page (map, timeline, evidence)."""
    from dateline.serve import run
    from dateline.serve.guard import UnsafeSetting

    try:
        run(db_url, host=host, port=port, allow_hosts=allow_hosts)
    except UnsafeSetting as exc:  # a short ingest token on a server reachable beyond loopback
        raise click.UsageError(str(exc)) from None


@main.command()
@click.argument("paths", nargs=-1, required=True)  # a missing path is reported, the others read
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder for Parquet files: events/, claims/, documents/, errors/.")
@click.option("--workers", default=2, show_default=True, help="Local worker processes.")
@click.option("--scheduler", help="Address of a running Dask scheduler (instead of local workers).")
@click.option("--partition-size", default=200, show_default=True, help="Articles per partition.")
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
