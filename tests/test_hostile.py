"""Hostile input (issue 12): every bad file is named on stderr as it is met, the rest is stored.

The inputs are generated here, one kind of damage at a time, and run through the
real readers, the real CLI (spaCy, SQLite) and the real HTTP app.
"""
from __future__ import annotations

import csv
import io
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from dateline.ingest import Incoming, IngestError, read_bytes, read_path, read_paths
from dateline.text import guards, normalise_published, prepare

TOWNS = ("Kano", "Maiduguri", "Kaduna", "Jos", "Bauchi", "Yola", "Gombe", "Sokoto", "Zaria", "Katsina")


def good_article(i: int) -> str:
    """A short news report, different for every ``i``."""
    return (f"Gunmen attacked a police post in {TOWNS[i % len(TOWNS)]} on Monday, killing {i + 2} officers "
            f"and wounding {i + 3} others, police spokesman Musa Bello said in report number {i}.")


def _run(*args: str, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "dateline.cli", *args], capture_output=True, text=True,
                          timeout=timeout, errors="replace")


def _errors(items: list) -> list[IngestError]:
    return [i for i in items if isinstance(i, IngestError) and not i.warning]


def _only_error(name: str, data: bytes) -> IngestError:
    items = list(read_bytes(name, data))
    assert not [i for i in items if isinstance(i, Incoming)], items
    [error] = _errors(items)
    assert error.origin.startswith(name)
    return error


# -- readers ---------------------------------------------------------------------------------

@pytest.mark.parametrize("name, data, message", [
    ("deep.json", b"[" * 5000 + b"]" * 5000, "nested too deeply"),
    ("deep.jsonl", b'{"text": ' + b"[" * 5000 + b"]" * 5000 + b"}\n", "nested too deeply"),
    ("digits.jsonl", b'{"text": "x", "id": 1' + b"0" * 5000 + b"}\n", "not readable JSON"),
    ("surrogate.jsonl", b'{"text": "Gunmen attacked \\ud800 Kano."}\n', "unpaired surrogate"),
    ("surrogate-title.jsonl", b'{"text": "Gunmen attacked Kano.", "title": "\\udfff"}\n', "unpaired surrogate"),
    ("bool.jsonl", b'{"text": true}\n', "must be a string, got a boolean"),
    ("number.json", b'[{"body": 12}]', "must be a string, got a number"),
    ("empty-text.jsonl", b'{"text": "   "}\n', "'text' is empty"),
    ("empty-array.json", b"[]", "empty JSON array"),
    ("null.json", b"null", "got null"),
    ("header.csv", b"title,text\n", "header with no rows"),
    ("unclosed.csv", b'title,text\nT,"Gunmen attacked Kano\n', "malformed CSV"),
    ("empty.rss", b"<?xml version='1.0'?><rss><channel><title>W</title></channel></rss>", "no entries"),
    ("truncated.json", b'[{"text": "Gunmen attacked Kano", "tit', "not valid JSON"),
    ("cut.txt", "Gunmen attacked Kano é".encode()[:-1], "not valid UTF-8"),
])
def test_bad_input_of_every_kind_is_an_error_by_name_not_a_document(name: str, data: bytes, message: str) -> None:
    assert message in _only_error(name, data).message


def test_json_lines_records_end_at_newline_only() -> None:
    lines = [json.dumps({"text": f"Gunmen attacked Kano.{sep}Police said so.", "title": f"T{sep}x"},
                        ensure_ascii=False) for sep in ("\u2028", "\u2029", "\u0085", "\r")]
    items = list(read_bytes("seps.jsonl", "\n".join(lines).encode("utf-8")))
    assert [i.origin for i in items] == [f"seps.jsonl:{n}" for n in (1, 2, 3, 4)]
    assert all(isinstance(i, Incoming) and "Police said so." in i.text for i in items)


def test_metadata_of_the_wrong_type_is_a_warning_and_the_article_is_kept() -> None:
    items = list(read_bytes("t.jsonl", b'{"text": "Gunmen attacked Kano.", "date": 1628000000, "title": ["x"]}\n'))
    [article] = [i for i in items if isinstance(i, Incoming)]
    warnings = [i.message for i in items if isinstance(i, IngestError) and i.warning]
    assert article.published == "" and article.title == ""
    assert any("'date' must be a string, got a number" in w for w in warnings)
    assert any("'title' must be a string, got an array" in w for w in warnings)


def test_errors_beyond_the_cap_are_counted_in_one_line() -> None:
    items = list(read_bytes("braces.jsonl", b"{}\n" * 5000))
    assert len(items) == 101
    assert items[-1].message == "4,900 more errors in this file not shown" and items[-1].count == 4900
    assert sum(i.count for i in items) == 5000


def test_special_files_links_and_odd_names_are_reported_and_the_rest_read(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(good_article(0))
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / "gone.jsonl").symlink_to(tmp_path / "nowhere.jsonl")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "link").symlink_to(tmp_path)  # a link to a directory is not followed
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(tmp_path / "sock.txt"))
        odd = os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt")
        with open(odd, "w") as handle:
            handle.write(good_article(1))
        items = list(read_paths([tmp_path, tmp_path / "missing.txt", "/dev/zero"]))
    errors = {i.origin: i.message for i in _errors(items)}
    assert "FIFO" in errors[f"{tmp_path}/pipe.txt"] and "socket" in errors[f"{tmp_path}/sock.txt"]
    assert "loop" in errors[f"{tmp_path}/loop.txt"] and "dangling" in errors[f"{tmp_path}/gone.jsonl"]
    assert "no such file" in errors[f"{tmp_path}/missing.txt"] and "character device" in errors["/dev/zero"]
    origins = sorted(i.origin for i in items if isinstance(i, Incoming))
    assert origins == [f"{tmp_path}/caf\\xe9.txt", f"{tmp_path}/good.txt"]


def _read_as_unprivileged(path: Path) -> dict[str, str]:
    """The errors of reading ``path``, in a forked child that dropped root (root reads every file)."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: no exec needed, the readers are already imported
        try:
            os.close(read)
            if os.geteuid() == 0:
                os.setgid(65534)
                os.setuid(65534)
            errors = {i.origin: i.message for i in _errors(list(read_path(path)))}
            os.write(write, json.dumps(errors).encode())
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        data = pipe.read()
    os.waitpid(pid, 0)
    return json.loads(data)


def test_unreadable_files_and_directories_are_reported_and_the_rest_read() -> None:
    root = Path(tempfile.mkdtemp(prefix="dateline-perm-"))  # not under pytest's root-only tmp
    try:
        root.chmod(0o755)
        (root / "good.txt").write_text(good_article(0))
        (root / "good.txt").chmod(0o644)
        (root / "secret.txt").write_text(good_article(1))
        (root / "secret.txt").chmod(0)
        (root / "locked").mkdir(mode=0)
        (root / "locked").chmod(0)
        errors = _read_as_unprivileged(root)
    finally:
        (root / "locked").chmod(0o755)
        shutil.rmtree(root, ignore_errors=True)
    assert errors == {f"{root}/secret.txt": "permission denied: not read",
                      f"{root}/locked": "permission denied: not read"}


# -- text guards and dates -------------------------------------------------------------------

def test_punctuation_runs_are_collapsed_and_the_repair_recorded() -> None:
    doc = prepare("&" * 10000 + "\nGunmen attacked Kano on Monday.")
    assert doc.text == "&&&\nGunmen attacked Kano on Monday."
    [repair] = doc.repairs
    assert (repair.kind, repair.start, repair.end, repair.after) == ("punctuation-run", 0, 10000, "&&&")
    assert len(repair.before) < 60  # the repair does not carry 10,000 characters


def test_html_full_of_entities_becomes_a_short_text() -> None:
    page = ("<html><body><article><p>Gunmen attacked Kano on Monday, police said.</p><p>"
            + "&amp;" * 40000 + "</p></article></body></html>").encode()
    [article] = list(read_bytes("amp.html", page))
    doc = prepare(article.text)
    assert len(doc.text) < 100 and any(r.kind == "punctuation-run" for r in doc.repairs)


def test_words_thousands_of_characters_long_are_dropped_and_recorded() -> None:
    blob = "data:image/png;base64," + "iVBORw0KGgo" * 300
    doc = prepare(f"Gunmen attacked Kano. {blob} Police said.")
    assert doc.text == "Gunmen attacked Kano.  Police said."
    assert [r.kind for r in doc.repairs] == ["long-token"]


def test_nul_characters_are_removed_as_a_recorded_repair() -> None:
    doc = prepare("Gunmen attacked\x00 Kano.")
    assert doc.text == "Gunmen attacked Kano." and doc.repairs[0].kind == "nul"


@pytest.mark.parametrize("value", ["2021-13-45", "-1", "1e308", "0001-01-01", "3 days ago", "2021-02-30", "9999-01-01"])
def test_invalid_publication_dates_give_no_date(value: str) -> None:
    assert normalise_published(value) == ("", None)
    doc = prepare("Gunmen attacked Kano.", published=value)
    assert doc.published == "" and doc.repairs[-1].kind == "date-dropped" and doc.repairs[-1].before == value


@pytest.mark.parametrize("value, expected", [("2021-08-03T10:00:00Z", ("2021-08-03", 1)), ("2021-08", ("2021-08", 3)),
                                             ("Tue, 03 Aug 2021 10:00:00 GMT", ("2021-08-03", 1))])
def test_valid_publication_dates_still_parse(value: str, expected: tuple[str, int]) -> None:
    assert normalise_published(value) == expected


def test_claim_ids_are_unique_for_different_speakers_or_content() -> None:
    from dateline.claims import claim_id

    base = claim_id("d", [(10, 20)], (0, 5), (6, 9))
    assert base == claim_id("d", [(10, 20)], (0, 5), (6, 9))
    assert len({base, claim_id("d", [(10, 20)], (30, 35), (6, 9)), claim_id("d", [(10, 25)], (0, 5), (6, 9)),
                claim_id("d", [(10, 20), (40, 50)], (0, 5), (6, 9)), claim_id("e", [(10, 20)], (0, 5), (6, 9))}) == 5


# -- the CLI, end to end ---------------------------------------------------------------------

def _bad_files(root: Path) -> list[Path]:
    """150 malformed inputs: 25 kinds of damage, six of each."""
    kinds: dict[str, tuple[str, Callable[[int], bytes]]] = {
        "empty": (".txt", lambda i: b""),
        "blank": (".txt", lambda i: b" \n\t\n" * i),
        "binary": (".txt", lambda i: b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(i * 10))),
        "latin1": (".txt", lambda i: f"Gunmen attacked Kano {i}. Caf\xe9.".encode("latin-1")),
        "cut-utf8": (".txt", lambda i: f"Police said {i} —".encode()[:-1]),
        "header-only": (".txt", lambda i: f"date 2021-08-0{i + 1}\ntitle Report {i}\n".encode()),
        "deep": (".json", lambda i: b"[" * (5000 + i) + b"]" * (5000 + i)),
        "digits": (".jsonl", lambda i: b'{"text": ' + b"7" * (5000 + i) + b"}\n"),
        "surrogate": (".jsonl", lambda i: b'{"text": "attack \\ud8%02x"}\n' % (i,)),
        "text-true": (".jsonl", lambda i: b'{"text": true, "n": %d}\n' % i),
        "text-number": (".json", lambda i: b'{"text": %d}' % i),
        "braces": (".jsonl", lambda i: b"{}\n" * (10 + i)),
        "empty-array": (".json", lambda i: b"[" + b" " * i + b"]"),
        "scalar": (".json", lambda i: b'"just a string %d"' % i),
        "numbers": (".json", lambda i: b"[1, 2, %d]" % i),
        "truncated-json": (".json", lambda i: b'[{"text": "Gunmen attacked Kano", "title": "T%d' % i),
        "header-csv": (".csv", lambda i: b"title,date,text" + b",x" * i + b"\n"),
        "unclosed-csv": (".csv", lambda i: b'title,text\nT%d,"Gunmen attacked Kano\n' % i),
        "no-text-csv": (".csv", lambda i: b"title,date\nT%d,2021-08-03\n" % i),
        "empty-feed": (".rss", lambda i: b"<?xml version='1.0'?><rss><channel><title>W%d</title></channel></rss>" % i),
        "broken-feed": (".rss", lambda i: b"<rss><channel><item>" * (i + 1)),
        "no-article-html": (".html", lambda i: b"<html><head><script>var x = %d;</script></head><body></body></html>" % i),
        "empty-text": (".jsonl", lambda i: b'{"text": "%s"}\n' % (b" " * i)),
        "dangling": (".txt", lambda i: b""),
        "fifo": (".txt", lambda i: b""),
    }
    files = []
    for kind, (ext, make) in kinds.items():
        for i in range(6):
            path = root / f"{kind}-{i}{ext}"
            if kind == "dangling":
                path.symlink_to(root / f"missing-{i}.txt")
            elif kind == "fifo":
                os.mkfifo(path)
            else:
                path.write_bytes(make(i))
            files.append(path)
    return files


def _good_files(root: Path) -> int:
    """49 good articles in five formats, one with a file name that is not UTF-8, one with a bad date."""
    n = 0
    for i in range(49):
        text = good_article(i)
        if i % 5 == 0:
            (root / f"good-{i}.txt").write_text(f"date 2021-08-0{i % 9 + 1}\ntitle Report {i}\n\n{text}\n")
        elif i % 5 == 1:
            (root / f"good-{i}.jsonl").write_text(json.dumps({"title": f"Report {i}", "text": text,
                                                              "date": "2021-13-45" if i == 1 else "2021-08-03"}))
        elif i % 5 == 2:
            buffer = io.StringIO()
            csv.writer(buffer).writerows([["title", "published", "body"], [f"Report {i}", "2021-08-03", text]])
            (root / f"good-{i}.csv").write_text(buffer.getvalue())
        elif i % 5 == 3:
            (root / f"good-{i}.html").write_text(f"<html><head><title>Report {i}</title></head><body><article>"
                                                 f"<p>{text}</p></article></body></html>")
        elif i == 4:
            with open(os.path.join(os.fsencode(root), b"good-\xff4.txt"), "w") as handle:
                handle.write(text)
        else:
            (root / f"good-{i}.json").write_text(json.dumps([{"headline": f"Report {i}", "content": text}]))
        n += 1
    return n


@pytest.mark.slow
def test_mixed_run_stores_every_good_article_and_names_every_bad_file(tmp_path: Path) -> None:
    data = tmp_path / "in"
    data.mkdir()
    bad = _bad_files(data)
    good = _good_files(data)
    assert (len(bad), good) == (150, 49)
    db = tmp_path / "d.db"
    result = _run("ingest", str(data), str(tmp_path / "not-there.txt"), "--db", str(db), "--no-progress")
    assert result.returncode == 1
    assert "49 articles stored" in result.stdout
    for path in bad:
        assert f"{path}:" in result.stderr or f"{path} " in result.stderr, path
    assert "publication date '2021-13-45' is not a valid date" in result.stderr
    assert f"{tmp_path / 'not-there.txt'}: no such file" in result.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 49
        assert conn.execute("SELECT COUNT(*) FROM documents WHERE origin LIKE '%good-\\xff4.txt'").fetchone()[0] == 1
        assert conn.execute("SELECT COUNT(*) FROM documents WHERE text = '' OR text IS NULL").fetchone()[0] == 0
    again = _run("ingest", str(data), "--db", str(db), "--no-progress")
    assert again.returncode == 1 and "0 articles stored, 49 already stored" in again.stdout


@pytest.mark.slow
def test_fifo_and_device_named_on_the_command_line_do_not_hang(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "a.txt").write_text("&" * 10000 + "\n" + good_article(3))
    result = _run("extract", str(tmp_path / "pipe"), "/dev/zero", str(tmp_path / "a.txt"), "--format", "jsonl",
                  timeout=300)
    assert result.returncode == 1
    assert f"{tmp_path / 'pipe'}: a FIFO" in result.stderr and "/dev/zero: a character device" in result.stderr
    [line] = result.stdout.splitlines()
    document = json.loads(line)["document"]
    assert document["text"].startswith("&&&\n") and document["repairs"][0]["kind"] == "punctuation-run"


@pytest.mark.slow
def test_two_ingests_of_one_corpus_at_once_both_succeed(tmp_path: Path) -> None:
    corpus, db = tmp_path / "c.jsonl", tmp_path / "d.db"
    corpus.write_text("".join(json.dumps({"title": f"R{i}", "text": good_article(i)}) + "\n" for i in range(8)))
    cmd = [sys.executable, "-m", "dateline.cli", "ingest", str(corpus), "--db", str(db), "--no-progress"]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [(p.wait(timeout=600), p.stdout.read(), p.stderr.read()) for p in procs]
    for code, out, err in results:
        assert code == 0, err
        assert "0 failed" in out
    stored = sum(int(out.split(" articles stored")[0].split()[-1]) for _, out, _ in results)
    assert stored == 8
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 8


def test_a_concurrent_duplicate_insert_counts_as_already_stored(tmp_path: Path) -> None:
    from dateline.store import connect
    from tests.conftest import make_article

    article = make_article("Al-Shabaab fighters attacked an army base near Afgooye on Tuesday.")
    with connect(str(tmp_path / "d.db")) as first, connect(str(tmp_path / "d.db")) as second:
        second.has_document = lambda doc_id: False  # as if it looked before the first one stored it
        assert first.add(article) is True
        assert second.add(article) is False
        assert second.count("documents") == 1


def test_the_api_refuses_what_the_readers_refuse(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from dateline.serve import create_app

    client = TestClient(create_app(str(tmp_path / "d.db"), ingest_token="a-long-enough-test-token-0123"),
                        base_url="http://127.0.0.1:8000")
    auth = {"Authorization": "Bearer a-long-enough-test-token-0123"}
    for name, body in [("deep.json", b"[" * 5000 + b"]" * 5000), ("t.jsonl", b'{"text": true}\n'),
                       ("s.jsonl", b'{"text": "\\ud800"}\n'), ("h.txt", b"date 2021-08-03\ntitle Only\n"),
                       ("e.json", b"[]"), ("h.csv", b"title,text\n")]:
        answer = client.post(f"/api/articles?name={name}", content=body, headers=auth)
        assert answer.status_code == 422, (name, answer.text)
        assert answer.json()["errors"][0]["origin"].startswith(name)


@pytest.mark.slow
def test_an_article_spacy_fails_on_is_reported_and_the_batch_goes_on() -> None:
    from dateline import nlp
    from dateline.pipeline import extract_documents

    texts = [good_article(i) for i in range(5)]
    texts[2] = texts[2] + " " + texts[3]  # longer than the limit set below: spaCy refuses it (E088)
    documents = [prepare(t, origin=f"t{i}") for i, t in enumerate(texts)]
    failed: list[tuple[str, str]] = []
    model = nlp.load()
    limit = model.max_length
    model.max_length = max(len(t) for i, t in enumerate(texts) if i != 2) + 1
    try:
        articles = list(extract_documents(documents, batch_size=4,
                                          on_error=lambda a, e: failed.append((a.document.origin, repr(e)))))
    finally:
        model.max_length = limit
    assert [a.document.origin for a in articles] == ["t0", "t1", "t3", "t4"]
    assert len(failed) == 1 and failed[0][0] == "t2" and "E088" in failed[0][1]


def test_listing_files_leaves_out_what_would_block_an_open(tmp_path: Path) -> None:
    from dateline.ingest import list_files

    (tmp_path / "a.jsonl").write_text('{"text": "x"}\n')
    os.mkfifo(tmp_path / "b.jsonl")
    assert list_files(tmp_path) == [tmp_path / "a.jsonl"]
    assert list_files(tmp_path / "b.jsonl") == [] and list_files("/dev/zero") == []


@pytest.mark.slow
@pytest.mark.parametrize("sentence", ["Gunmen attacked Kano 99999999 days ago.",
                                      "Troops clashed with rebels 5000 years ago on Monday."])
def test_dates_outside_the_calendar_do_not_drop_the_article(sentence: str) -> None:
    from dateline.pipeline import extract

    article = extract(sentence, published="1900-01-01")
    assert article.document.published == "1900-01-01"
    assert all(d.date >= "0001" for d in article.dates)
