"""`nlcleaner explain FILE`: removed spans marked, the rule behind each, document text printed literally."""

from __future__ import annotations

import json
import subprocess
import sys

from typer.testing import CliRunner

import nlcleaner.cli.commands  # noqa: F401
from nlcleaner.cli import app

from conftest import FIXTURES

GOLDEN = FIXTURES / "golden" / "moscow-times-alaska"
DIRTY = (GOLDEN / "input.txt").read_bytes()
TRICKY = b"[bold]Headline[/bold] with [/x] and [red]markup-looking[/] text\n" + DIRTY


def invoke(*args, input=None):
    return CliRunner().invoke(app, ["explain", "--isolated", *args], input=input)


def test_explain_marks_removed_lines_and_names_the_rule(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(DIRTY)
    result = invoke(str(f))
    assert result.exit_code == 0
    out = result.stdout.splitlines()
    assert out[0] == f"{f}: 1 removal"
    assert "┌ lines 10-18 removed by donation.moscow-times" in result.stdout
    assert "-   10 | A Message from The Moscow Times:" in out
    assert "     1 | " + DIRTY.decode().splitlines()[0] in out
    assert any(line.startswith("  donation.moscow-times: ") for line in out)  # why the rule exists


def test_document_text_is_printed_literally_even_with_rich(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(TRICKY)
    for color in ("never", "always"):
        result = invoke("--color", color, str(f))
        assert result.exit_code == 0, result.stderr
        plain = _strip_ansi(result.stdout)
        assert "[bold]Headline[/bold] with [/x] and [red]markup-looking[/] text" in plain, color


def test_explain_json(tmp_path):
    result = invoke("--output-format", "json", "-", input=DIRTY)
    data = json.loads(result.stdout)
    assert data["path"] == "-" and data["applied"] is True  # (stdin is "-", as in the report)
    assert data["removals"][0]["rule"] == "donation.moscow-times"
    assert data["rules"][0]["id"] == "donation.moscow-times" and data["rules"][0]["why"]


def test_explain_of_a_binary_file_is_exit_2(tmp_path):
    f = tmp_path / "a.bin"
    f.write_bytes(b"\x00\x01\x02")
    result = invoke(str(f))
    assert result.exit_code == 2 and "binary" in result.stderr


def test_explain_in_a_real_process(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(TRICKY)
    proc = subprocess.run([sys.executable, "-m", "nlcleaner", "explain", str(f)], capture_output=True)
    assert proc.returncode == 0
    assert b"[bold]Headline[/bold] with [/x]" in proc.stdout
    assert b"removed by donation.moscow-times" in proc.stdout


def _strip_ansi(text: str) -> str:
    import re

    return re.sub(r"\x1b\[[0-9;]*m", "", text)


def test_a_span_inside_a_line_is_marked_in_place(tmp_path):
    pack = tmp_path / "span.toml"
    pack.write_text(
        '[pack]\nname = "spanpack"\ndescription = "t"\n\n[[rule]]\nid = "ad.inline-tag"\nkind = "pattern"\n'
        'why = "An inline ad tag."\n' + r"pattern = '\s*\[AD\]'" + '\non = "raw"\nscope = "span"\n'
        'anchors = ["[ad]"]\n\n[rule.examples]\nremove = ["Text.\\n"]\nkeep = ["Text.\\n"]\n',
        encoding="utf-8",
    )
    result = invoke("--rules", str(pack), "-", input=b"The council met. [AD] It approved the budget.\nSecond line.\n")
    assert result.exit_code == 0, result.stderr
    assert "~    1 | The council met.[- [AD]-] It approved the budget." in result.stdout.splitlines()
    assert "     2 | Second line." in result.stdout.splitlines()


def test_control_characters_of_a_document_are_shown_escaped_not_sent_to_the_terminal(tmp_path):
    """A scraped line may hold colour codes, a bell or a screen clear: explain shows them as \\xNN."""
    f = tmp_path / "a.txt"
    f.write_bytes(b"\x1b[2JStory \x1b[31mred\x1b[0m text.\x07\r\nTabs\tstay.\r\n" + DIRTY)
    result = invoke("--color", "never", str(f))
    assert result.exit_code == 0
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "\\x1b[2JStory \\x1b[31mred\\x1b[0m text.\\x07" in result.stdout
    assert "Tabs\tstay." in result.stdout


def test_a_finding_quotes_the_document_without_its_control_characters():
    from nlcleaner.cli.findings import findings_of
    from nlcleaner.engine import CleanResult
    from nlcleaner.records import Removal

    removal = Removal("social.x", "social", 3, 3, 10, 30, "\x1b[31mShare this\x1b[0m\n")
    (finding,) = findings_of("a.txt", CleanResult("", [removal]))
    assert "\x1b" not in finding.message and finding.message.endswith("\\x1b[31mShare this\\x1b[0m")


def test_an_empty_document_shows_no_line(tmp_path):
    """(review, helper-37) An empty file showed a line 1 it does not have."""
    f = tmp_path / "empty.txt"
    f.write_bytes(b"")
    result = invoke(str(f))
    assert result.exit_code == 0 and result.stdout == f"{f}: 0 removals\n"
    f.write_bytes(b"x")
    assert invoke(str(f)).stdout == f"{f}: 0 removals\n     1 | x\n"
