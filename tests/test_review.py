"""The review file: read with located errors, edited in place keeping comments and order, written atomically."""

from __future__ import annotations

import datetime
import os
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck import ClaimFileError, check, load
from claimcheck.review import ReviewEntry, outcome, prune, read_reviews, record, write_atomic

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
    assert [p.name for p in tmp_path.iterdir()] == ["review.yaml"]


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
    import signal
    import time

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
