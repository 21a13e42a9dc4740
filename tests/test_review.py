"""The review file: read with located errors, edited in place keeping comments and order, written atomically."""

from __future__ import annotations

import datetime
import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import event, given, settings
from hypothesis import strategies as st
from strategies import FINGERPRINTS, REVIEW_EDITS, review_files

from claimcheck import ClaimcheckError, ClaimFileError, check, load
from claimcheck.review import (
    LOCK_TIMEOUT,
    ReviewEntry,
    _locked,
    outcome,
    prune,
    read_reviews,
    record,
    record_all,
    write_atomic,
)

CASES = Path(__file__).parent / "data" / "cases"
FP1, FP2, FP3 = "0123456789abcdef", "fedcba9876543210", "00112233445566ff"


def entry(fingerprint: str = FP1, **fields) -> ReviewEntry:
    return ReviewEntry(fingerprint=fingerprint, **({"verdict": "confirmed"} | fields))


def test_a_missing_file_is_an_empty_review(tmp_path):
    assert len(read_reviews(tmp_path / "review.yaml")) == 0


def test_record_creates_then_appends_then_replaces(tmp_path):
    path = tmp_path / "review.yaml"
    record(path, entry(FP1, note="first", date=datetime.date(2026, 11, 26)))
    record(path, entry(FP2, verdict="false-positive", reason="different measures"))
    record(path, entry(FP1, verdict="explained", explanation="different years"))
    reviews = read_reviews(path)
    assert list(reviews.entries) == [FP1, FP2]
    assert reviews.entries[FP1].verdict == "explained" and reviews.entries[FP1].note is None
    assert reviews.entries[FP2].reason == "different measures"


def test_comments_and_order_survive_an_edit(tmp_path):
    path = tmp_path / "review.yaml"
    path.write_text(
        "# Reviews for the trade-share dispute.\n"
        "reviews:\n"
        "  # first, by the desk\n"
        f"  - fingerprint: {FP2}\n"
        "    verdict: confirmed   # checked twice\n"
        "\n"
        "  # second\n"
        f"  - fingerprint: {FP1}\n"
        "    verdict: confirmed\n"
        "# end of file\n", encoding="utf-8")
    record(path, entry(FP2, verdict="explained", explanation="years differ"))
    record(path, entry(FP3, note="new"))
    text = path.read_text(encoding="utf-8")
    for comment in ("# Reviews for the trade-share dispute.", "# first, by the desk", "# second", "# end of file"):
        assert comment in text
    assert text.index(FP2) < text.index(FP1) < text.index(FP3)
    assert "checked twice" not in text  # the replaced entry's own lines go with it
    assert list(read_reviews(path).entries) == [FP2, FP1, FP3]
    assert read_reviews(path).entries[FP2].explanation == "years differ"


def test_an_empty_reviews_key_takes_the_first_entry(tmp_path):
    path = tmp_path / "review.yaml"
    path.write_text("# nothing yet\nreviews: []\n", encoding="utf-8")
    record(path, entry())
    assert "# nothing yet" in path.read_text(encoding="utf-8") and list(read_reviews(path).entries) == [FP1]


@pytest.mark.parametrize(("text", "where", "message"), [
    ("reviews: [\n", "review.yaml:2", "is not valid YAML"),
    ("- fingerprint: x\n", "review.yaml:1", "a mapping with one key, 'reviews'"),
    ("reviews: {a: 1}\n", "review.yaml:1: reviews", "must be a list"),
    ("reviews:\n  - fingerprint: xyz\n    verdict: confirmed\n", "review.yaml:2: reviews[0].fingerprint",
     "is not a finding fingerprint"),
    (f"reviews:\n  - fingerprint: {FP1}\n    verdict: maybe\n", "review.yaml:3: reviews[0].verdict", "Input should be"),
    (f"reviews:\n  - fingerprint: {FP1}\n    verdict: explained\n", "review.yaml:2: reviews[0]",
     "needs an explanation"),
    (f"reviews:\n  - fingerprint: {FP1}\n    verdict: confirmed\n    colour: red\n", "review.yaml:4: reviews[0].colour",
     "unknown key 'colour'"),
    (f"reviews:\n  - fingerprint: {FP1}\n    verdict: confirmed\n  - fingerprint: {FP1}\n    verdict: confirmed\n",
     "review.yaml:4: reviews[1].fingerprint", "already reviewed on line 2"),
    (f"reviews:\n  - fingerprint: {FP1}\n    verdict: confirmed\n    date: 2026-02-30\n",
     "review.yaml:4: reviews[0].date", "date"),
])
def test_a_broken_review_file_names_file_line_and_field(tmp_path, text, where, message):
    path = tmp_path / "review.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ClaimFileError) as caught:
        read_reviews(path)
    shown = "\n".join(str(p) for p in caught.value.problems)
    assert where in shown and message in shown


def test_prune_removes_only_the_named_entries(tmp_path):
    path = tmp_path / "review.yaml"
    for fp in (FP1, FP2, FP3):
        record(path, entry(fp))
    assert prune(path, [FP2]) == 1
    assert list(read_reviews(path).entries) == [FP1, FP3]
    assert prune(path, (fp for fp in (FP1, FP3))) == 2  # any iterable, read once
    assert len(read_reviews(path)) == 0


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    path = tmp_path / "review.yaml"
    record(path, entry(FP1))
    before = path.read_bytes()

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_atomic(path, "reviews: []\n")
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".review.yaml.lock", "review.yaml"]  # the lock stays


def test_outcome_marks_reviewed_findings_and_stale_entries(tmp_path):
    corpus = load(CASES)
    report = check(corpus)
    path = tmp_path / "review.yaml"
    conflict = report.conflicts[0]
    record(path, entry(conflict.fingerprint))
    record(path, entry(FP3))
    result = outcome(corpus, report, path)
    assert result.review_of(conflict) is not None and not result.fails(conflict)
    assert len(result.failing) == len(report.conflicts) - 1
    assert [e.fingerprint for e in result.stale] == [FP3]
    assert result.exit_code == 1


_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(max_examples=60, deadline=None)
@given(notes=st.lists(st.tuples(st.sampled_from([FP1, FP2, FP3]), _text, _text), min_size=1, max_size=6))
def test_what_is_recorded_reads_back(tmp_path_factory, notes):
    """Any note or reviewer text, recorded in any order, reads back as the last one recorded for it."""
    path = tmp_path_factory.mktemp("review") / "review.yaml"
    expected = {}
    for fingerprint, note, reviewer in notes:
        recorded = entry(fingerprint, note=note or None, reviewer=reviewer or None)
        record(path, recorded)
        expected[fingerprint] = recorded
    reviews = read_reviews(path)
    assert {fp: (e.note, e.reviewer) for fp, e in reviews.entries.items()} == {
        fp: (e.note, e.reviewer) for fp, e in expected.items()}
    yaml.safe_load(path.read_text(encoding="utf-8"))


def _entries_text(count: int, note: str) -> str:
    return "reviews:\n" + "".join(f"  - fingerprint: \"{n:016x}\"\n    verdict: confirmed\n    note: \"{note}\"\n"
                                  for n in range(count))


def test_a_writer_killed_at_any_moment_leaves_the_old_file_or_the_new(tmp_path):
    """SIGKILL a process that rewrites the review file, at random moments, many times over."""
    import random

    path = tmp_path / "review.yaml"
    versions = [_entries_text(20_000, "old " * 8), _entries_text(20_000, "new " * 8)]  # about 2 MB each
    path.write_text(versions[0], encoding="utf-8")
    rnd = random.Random(5)
    seen = set()
    for _ in range(60):
        pid = os.fork()
        if pid == 0:  # the writer: alternate the two versions until killed
            try:
                turn = 1
                while True:
                    write_atomic(path, versions[turn])
                    turn ^= 1
            finally:
                os._exit(0)
        time.sleep(rnd.uniform(0, 0.05))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        text = path.read_text(encoding="utf-8")
        assert text in versions, f"a torn file of {len(text)} characters"
        seen.add(versions.index(text))
    assert seen == {0, 1}, "the kills should land both before and after a rename"
    assert len(read_reviews(path)) == 20_000  # temporary files left by the kills are not read


# --- editing files written by hand, in any style ----------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(review_files(), REVIEW_EDITS)
def test_edits_keep_every_other_entry_byte_for_byte(tmp_path_factory, written, edits):
    """Record and prune, in any order, on a file in any style: the other entries keep their values and bytes."""
    text, notes, chunks = written
    path = tmp_path_factory.mktemp("review") / "review.yaml"
    path.write_bytes(text.encode("utf-8"))
    assert {fp: (e.note or "").strip() for fp, e in read_reviews(path).entries.items()} == {
        fp: note or "" for fp, note in notes.items()}, "the file is read as written"
    model = {fp: e.as_yaml_fields() for fp, e in read_reviews(path).entries.items()}
    crlf = "\r\n" in text
    for action, fingerprint, note in edits:
        before = path.read_bytes()
        if action == "record":
            recorded = entry(fingerprint, note=note)
            record(path, recorded)
            model[fingerprint] = recorded.as_yaml_fields()
            chunks.pop(fingerprint, None)
        elif action == "record two":
            pair = [fingerprint, FINGERPRINTS[(FINGERPRINTS.index(fingerprint) + 1) % len(FINGERPRINTS)]]
            record_all(path, [entry(fp, note=note) for fp in pair])
            for fp in pair:
                model[fp] = entry(fp, note=note).as_yaml_fields()
                chunks.pop(fp, None)
        else:
            try:
                prune(path, [fingerprint])
            except ClaimcheckError:  # refused: only where a '|+' scalar would take the blank lines after it
                assert path.read_bytes() == before and "note: |+" in before.decode("utf-8")
                event("prune refused")
                continue
            model.pop(fingerprint, None)
            chunks.pop(fingerprint, None)
        after = path.read_bytes().decode("utf-8")
        assert {fp: e.as_yaml_fields() for fp, e in read_reviews(path).entries.items()} == model
        for fingerprint_kept, chunk in chunks.items():
            assert chunk.rstrip("\r\n") in after, f"the entry of {fingerprint_kept} changed"
        if crlf and model:
            assert "\n" not in after.replace("\r\n", ""), "a CRLF file keeps CRLF"


@pytest.mark.parametrize(("text", "kept"), [
    (f'reviews: [{{fingerprint: "{FP1}", verdict: confirmed, note: "keep me"}}]\n',
     f'{{fingerprint: "{FP1}", verdict: confirmed, note: "keep me"}}'),
    (f'reviews: [\n  {{fingerprint: "{FP1}", verdict: confirmed, note: "keep me"}},  # first\n]\n',
     f'  {{fingerprint: "{FP1}", verdict: confirmed, note: "keep me"}},  # first\n'),
    (f'{{\n  "reviews": [\n    {{"fingerprint": "{FP1}", "verdict": "confirmed", "note": "keep me"}}\n  ]\n}}\n',
     f'    {{"fingerprint": "{FP1}", "verdict": "confirmed", "note": "keep me"}}'),
    (f'reviews:\r\n  - fingerprint: "{FP1}"\r\n    verdict: confirmed\r\n    note: "keep me"\r\n',
     f'  - fingerprint: "{FP1}"\r\n    verdict: confirmed\r\n    note: "keep me"\r\n'),
    (f'reviews:\n  - fingerprint: "{FP1}"\n    verdict: confirmed\n    note: |\n      keep me',  # no final break
     f'  - fingerprint: "{FP1}"\n    verdict: confirmed\n    note: |\n      keep me'),
    (f'reviews:\n  - fingerprint: "{FP1}"\n    verdict: confirmed\n    note: |+\n      keep me\n\n\n',
     '    note: |+\n      keep me\n\n\n'),
    (f'\ufeffreviews:\n  - fingerprint: "{FP1}"\n    verdict: confirmed\n    note: keep me\n', '\ufeffreviews:\n'),
])
@pytest.mark.parametrize("together", [False, True], ids=["one at a time", "in one write (a baseline)"])
def test_a_verdict_recorded_beside_a_hand_written_entry_leaves_its_bytes(tmp_path, text, kept, together):
    """Issue 19, item 2: flow and JSON lists lost their entries; CRLF and block scalars were rewritten."""
    path = tmp_path / "review.yaml"
    path.write_bytes(text.encode("utf-8"))
    note = read_reviews(path).entries[FP1].note
    if together:
        record_all(path, [entry(FP2, note="new"), entry(FP3, note="newer")])
    else:
        record(path, entry(FP2, note="new"))
        record(path, entry(FP3, note="newer"))
    after = path.read_bytes().decode("utf-8")
    assert kept in after
    reviews = read_reviews(path)
    order = list(reviews.entries)
    assert sorted(order) == sorted([FP1, FP2, FP3]) and order.index(FP2) < order.index(FP3)
    assert reviews.entries[FP1].note == note and reviews.entries[FP3].note == "newer"


def test_an_edit_that_would_change_another_entry_is_refused_and_the_file_left(tmp_path):
    """Pruning the entry after a '|+' scalar would hand it the blank line below: refused, not done."""
    path = tmp_path / "review.yaml"
    text = (f'reviews:\n  - fingerprint: "{FP1}"\n    verdict: confirmed\n    note: |+\n      keep me\n\n'
            f'  - fingerprint: "{FP2}"\n    verdict: confirmed\n\n# end\n')
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ClaimcheckError, match="left unchanged"):
        prune(path, [FP2])
    assert path.read_text(encoding="utf-8") == text


# --- concurrent writers, and writers that die ------------------------------------------------------

CLAIMCHECK = shutil.which("claimcheck") or str(Path(sys.executable).parent / "claimcheck")
MEMORY_LIMIT = 1024 * 1024 * 1024


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def test_concurrent_reviews_keep_every_verdict(tmp_path):
    """Issue 19, item 1: eleven 'claimcheck review' at once kept 6 to 8 of 11 verdicts."""
    folder = tmp_path / "cases"
    shutil.copytree(CASES, folder)
    fingerprints = [f.fingerprint for f in check(load(folder)).findings][:11]
    assert len(fingerprints) == 11
    writers = [subprocess.Popen([CLAIMCHECK, "review", str(folder), fp, "--verdict", "confirmed", "--note", f"n{n}"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=_limited)
               for n, fp in enumerate(fingerprints)]
    for writer in writers:
        out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0 and "recorded" in out, err
    reviews = read_reviews(folder / "review.yaml")
    assert sorted(reviews.entries) == sorted(fingerprints)
    assert {e.fingerprint: e.note for e in reviews.entries.values()} == {
        fp: f"n{n}" for n, fp in enumerate(fingerprints)}


def test_concurrent_writers_each_keep_every_entry(tmp_path):
    """Six processes record twenty verdicts each, as fast as they can, into one file: all 120 are kept."""
    path = tmp_path / "review.yaml"
    children = []
    for writer in range(6):
        pid = os.fork()
        if pid == 0:
            code = 1
            signal.alarm(120)  # a writer that hangs dies, and fails the test, rather than hang it
            try:
                for n in range(20):
                    record(path, entry(f"{writer:08x}{n:08x}", note=f"writer {writer}"))
                code = 0
            finally:
                os._exit(code)
        children.append(pid)
    assert all(os.waitpid(pid, 0)[1] == 0 for pid in children)
    assert sorted(read_reviews(path).entries) == sorted(f"{w:08x}{n:08x}" for w in range(6) for n in range(20))


def test_a_writer_killed_while_holding_the_lock_releases_it(tmp_path):
    path = tmp_path / "review.yaml"
    ready_read, ready_write = os.pipe()
    pid = os.fork()
    if pid == 0:  # takes the lock, says so, and hangs until killed
        signal.alarm(120)
        try:
            os.close(ready_read)
            with _locked(path):
                os.write(ready_write, b"x")
                time.sleep(600)
        finally:
            os._exit(0)
    os.close(ready_write)  # so that a child that dies early ends the read below, not hangs it
    assert os.read(ready_read, 1) == b"x"
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    started = time.monotonic()
    record(path, entry(FP1))
    assert list(read_reviews(path).entries) == [FP1] and time.monotonic() - started < LOCK_TIMEOUT


def test_temporary_files_of_killed_writers_are_removed_by_the_next_write(tmp_path):
    """Issue 19, item 4: a write killed between the temporary file and the rename left it there forever."""
    path = tmp_path / "review.yaml"
    record(path, entry(FP1))
    leftovers = [tmp_path / f".review.yaml.{name}.tmp" for name in ("abcd1234", "x_y_z_12")]
    for leftover in leftovers:
        leftover.write_text("reviews: []\n", encoding="utf-8")
    others = [tmp_path / ".report.html.abcd1234.tmp", tmp_path / ".review.yaml.my-notes.tmp"]
    for other in others:
        other.write_text("not ours\n", encoding="utf-8")
    record(path, entry(FP2))
    assert not any(leftover.exists() for leftover in leftovers)
    assert all(other.exists() for other in others)
    assert list(read_reviews(path).entries) == [FP1, FP2]


@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
@pytest.mark.parametrize("command", ["check", "review"])
def test_a_review_file_that_is_not_a_regular_file_is_refused(tmp_path, kind, command):
    """Issue 19, item 10: a FIFO hung the run, /dev/zero grew it until the OOM killer came."""
    folder = tmp_path / "cases"
    shutil.copytree(CASES, folder)
    fingerprint = check(load(folder)).findings[0].fingerprint
    if kind == "fifo":
        os.mkfifo(folder / "review.yaml")
    else:
        os.symlink("/dev/zero", folder / "review.yaml")
    args = ["check", str(folder)] if command == "check" else ["review", str(folder), fingerprint, "--verdict",
                                                               "confirmed"]
    result = subprocess.run([CLAIMCHECK, *args], capture_output=True, text=True, timeout=60, preexec_fn=_limited,
                            check=False)
    assert result.returncode == 2
    assert "review.yaml: is a " in result.stderr and "not a regular file" in result.stderr
    assert "Traceback" not in result.stderr
    assert os.path.islink(folder / "review.yaml") if kind == "dev-zero" else (folder / "review.yaml").is_fifo()


def test_review_through_the_command_line_keeps_a_json_style_file(tmp_path):
    """The reproducer of item 2: the first entry of a flow list was deleted by the next 'claimcheck review'."""
    folder = tmp_path / "cases"
    shutil.copytree(CASES, folder)
    first, second = [f.fingerprint for f in check(load(folder)).findings][:2]
    kept = f'{{"fingerprint": "{first}", "verdict": "confirmed", "note": "keep me"}}'
    (folder / "review.yaml").write_text(f'{{"reviews": [{kept}]}}\n', encoding="utf-8")
    result = subprocess.run([CLAIMCHECK, "review", str(folder), second, "--verdict", "confirmed"], capture_output=True,
                            text=True, timeout=60, preexec_fn=_limited, check=False)
    assert result.returncode == 0, result.stderr
    assert kept in (folder / "review.yaml").read_text(encoding="utf-8")
    assert list(read_reviews(folder / "review.yaml").entries) == [first, second]
