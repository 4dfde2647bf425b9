"""Project configuration: finding the file, checking every key, the command line on top, `nlcleaner config`."""

from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from nlcleaner import Cleaner
from nlcleaner.config import DEFAULTS, glob_match, ignores_for, resolve
from nlcleaner.errors import ConfigError

from conftest import ROOT

REFERENCE_PACK = ROOT / "nlcleaner" / "packs" / "reference" / "reference.toml"


@pytest.fixture
def project(tmp_path, monkeypatch):
    """An empty project folder that is also the working directory; no configuration above it counts."""
    root = tmp_path / "project"
    root.mkdir()
    monkeypatch.chdir(root)
    return root


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# ------------------------------------------------------------------------------------------------ finding the file


def test_isolated_gives_the_defaults_and_says_so(project):
    write(project / "nlcleaner.toml", "guard = 0.3\n")
    r = resolve({}, isolated=True)
    assert r.options == DEFAULTS
    assert set(r.origins.values()) == {"default"}
    assert r.config_path is None


def test_pyproject_table_is_found_from_a_subfolder(project):
    write(project / "pyproject.toml", '[project]\nname = "x"\n\n[tool.nlcleaner]\nselect = ["donation"]\nguard = 0.4\n')
    sub = project / "articles" / "2024"
    sub.mkdir(parents=True)
    r = resolve({}, cwd=sub)
    assert r.config_path == str(project / "pyproject.toml")
    assert r.settings.select == ("donation",)
    assert r.settings.guard == 0.4
    assert r.origins["guard"] == str(project / "pyproject.toml")
    assert r.origins["ignore"] == "default"


def test_a_pyproject_without_the_table_is_passed_over(project):
    write(project / "nlcleaner.toml", "tail-zone = 0.5\n")
    write(project / "pkg" / "pyproject.toml", '[project]\nname = "x"\n[tool.other]\nnlcleaner = 1\n')
    r = resolve({}, cwd=project / "pkg")
    assert r.config_path == str(project / "nlcleaner.toml")
    assert r.settings.tail_zone == 0.5


def test_someone_elses_broken_pyproject_is_not_ours_to_judge(project):
    write(project / "nlcleaner.toml", "guard = 0.5\n")
    write(project / "pkg" / "pyproject.toml", "this is [ not toml\n")
    assert resolve({}, cwd=project / "pkg").settings.guard == 0.5


def test_nlcleaner_toml_wins_over_pyproject_in_one_folder_and_the_nearest_folder_wins(project):
    write(project / "pyproject.toml", "[tool.nlcleaner]\nguard = 0.1\n")
    write(project / "nlcleaner.toml", "guard = 0.2\n")
    assert resolve({}).settings.guard == 0.2
    write(project / "inner" / "pyproject.toml", "[tool.nlcleaner]\nguard = 0.3\n")
    assert resolve({}, cwd=project / "inner").settings.guard == 0.3


def test_an_empty_table_still_counts_as_the_configuration(project):
    write(project / "nlcleaner.toml", "guard = 0.2\n")
    write(project / "inner" / "pyproject.toml", "[tool.nlcleaner]\n")
    r = resolve({}, cwd=project / "inner")
    assert r.config_path == str(project / "inner" / "pyproject.toml")
    assert r.settings.guard == 0.6


def test_explicit_config_file(project):
    write(project / "nlcleaner.toml", "guard = 0.2\n")
    write(project / "ci" / "strict.toml", "guard = 0.9\nstrict = true\n")
    r = resolve({}, config_path="ci/strict.toml")
    assert r.config_path == str(project / "ci" / "strict.toml")
    assert (r.settings.guard, r.settings.strict) == (0.9, True)
    write(project / "other" / "pyproject.toml", "[tool.nlcleaner]\nguard = 0.7\n")
    assert resolve({}, config_path=project / "other" / "pyproject.toml").settings.guard == 0.7


def test_explicit_config_errors(project):
    with pytest.raises(ConfigError, match="missing.toml: configuration file not found"):
        resolve({}, config_path="missing.toml")
    write(project / "pyproject.toml", '[project]\nname = "x"\n')
    with pytest.raises(ConfigError, match=r"^pyproject.toml: no \[tool.nlcleaner\] table$"):
        resolve({}, config_path="pyproject.toml")
    with pytest.raises(ConfigError, match="--config and --isolated"):
        resolve({}, config_path="pyproject.toml", isolated=True)


# --------------------------------------------------------------------------------------------- command line on top


def test_command_line_overrides_the_file_and_is_recorded(project):
    write(project / "nlcleaner.toml", 'select = ["donation"]\nignore = ["donation.x"]\nguard = 0.4\n')
    r = resolve({"select": ["newsletter,social"], "guard": None, "ignore": [], "quiet": True})
    assert r.settings.select == ("newsletter", "social")
    assert r.origins["select"] == "command line"
    # None and an empty list mean "not given": the file's value stays
    assert r.settings.guard == 0.4 and r.origins["guard"] == str(project / "nlcleaner.toml")
    assert r.settings.ignore == ("donation.x",)
    assert r.options["quiet"] is True and r.origins["quiet"] == "command line"


def test_prefixes_may_be_a_category_its_beginning_or_a_rule_id(project):
    r = resolve({"select": ["donation,news"], "ignore": ["newsletter.signup-prompt"], "extend-select": ["s"]},
                isolated=True)
    assert r.settings.select == ("donation", "news") and r.settings.extend_select == ("s",)
    with pytest.raises(ConfigError, match=r"^command line: key '--select': 'donatoin' is not a rule-id prefix"):
        resolve({"select": ["donatoin"]}, isolated=True)


def test_command_line_values_are_checked_too(project):
    with pytest.raises(ConfigError, match=r"^command line: key '--guard': expected a number from 0 up to 1, got 1.5$"):
        resolve({"guard": 1.5}, isolated=True)
    with pytest.raises(ConfigError, match="command line: unknown setting 'colour'"):
        resolve({"colour": "never"}, isolated=True)
    r = resolve({"per-file-ignores": ["docs/*.md:social,copyright", "*.txt:ad"]}, isolated=True)
    assert r.options["per-file-ignores"] == {"docs/*.md": ["social", "copyright"], "*.txt": ["ad"]}


# ------------------------------------------------------------------------------------------------- every key checked


def test_every_contract_key_is_accepted_in_a_file(project):
    write(project / "packs" / "mine.toml", REFERENCE_PACK.read_text(encoding="utf-8"))
    write(project / "pyproject.toml", """
[tool.nlcleaner]
select = ["donation", "newsletter"]
ignore = ["newsletter.signup-prompt"]
extend-select = ["social"]
rules = ["packs/mine.toml"]
guard = 0.5
tail-zone = 0.4
include = ["articles/**/*.md"]
exclude = ["drafts/"]
text-field = "content"
id-field = "url"
source-field = "host"
input-format = "jsonl"
jobs = 4
annotate = "nlcleaner"
report-format = "jsonl"
color = "never"
quiet = true
languages = ["en", "de"]
strict = true

[tool.nlcleaner.per-file-ignores]
"interviews/*.md" = ["bio"]
""")
    r = resolve({})
    assert all(origin == str(project / "pyproject.toml") for origin in r.origins.values())
    assert r.options["jobs"] == 4 and r.options["color"] == "never" and r.options["annotate"] == "nlcleaner"
    assert r.settings.languages == ("en", "de") and r.settings.extend_select == ("social",)


def test_input_format_auto_means_from_the_file_name(project):
    write(project / "nlcleaner.toml", 'input-format = "auto"\njobs = 0\n')
    r = resolve({})
    assert r.options["input-format"] is None and r.options["jobs"] == 0
    assert resolve({"input-format": "WET"}).options["input-format"] == "wet"


BAD = [
    ("select", '"donation"', "expected a list of strings, got 'donation'"),
    ("ignore", "[1, 2]", "expected a list of strings"),
    ("rules", '["nowhere.toml"]', "rule pack not found: nowhere.toml"),
    ("guard", "1.5", "expected a number from 0 up to 1, got 1.5"),
    ("guard", '"0.5"', "expected a number between 0 and 1, got '0.5'"),
    ("guard", "true", "got true"),
    ("tail-zone", "0", "expected a number above 0 up to 1, got 0"),
    ("text-field", '""', "expected a non-empty string"),
    ("id-field", "3", "expected a non-empty string, got 3"),
    ("input-format", '"csv"', "expected one of auto, text, jsonl, parquet, warc, wet, "),
    ("report-format", '"xml"', "expected one of json, jsonl, text"),
    ("color", '"yes"', "expected one of auto, always, never"),
    ("quiet", '"yes"', "expected true or false, got 'yes'"),
    ("strict", "1", "expected true or false, got 1"),
    ("jobs", "-1", "expected a whole number, 0 for one per CPU, got -1"),
    ("jobs", "2.5", "expected a whole number"),
    ("input-format", "1", "expected one of auto"),
    ("annotate", "[]", "expected true, false or a field name"),
    ("per-file-ignores", '["x"]', "expected a table of glob = [rule prefixes]"),
    ("per-file-ignores", '{"*.md" = "social"}', "'*.md': expected a list of rule-id prefixes"),
    ("ignore", '["copyrite"]', "'copyrite' is not a rule-id prefix: no category 'copyrite' (did you mean 'copyright'?)"),
    ("select", '["donation", "misc.x"]', "'misc.x' is not a rule-id prefix: no category 'misc' (categories: donation"),
    ("per-file-ignores", '{"*.md" = ["socal"]}', "'*.md': 'socal' is not a rule-id prefix"),
]


@pytest.mark.parametrize(("key", "value", "message"), BAD, ids=[f"{k}={v}" for k, v, _ in BAD])
def test_a_wrong_type_fails_with_one_line_naming_file_and_key(project, key, value, message):
    write(project / "pyproject.toml", f"[tool.nlcleaner]\n{key} = {value}\n")
    with pytest.raises(ConfigError) as info:
        resolve({})
    text = str(info.value)
    assert "\n" not in text
    assert text.startswith(f"pyproject.toml: [tool.nlcleaner]: key '{key}': ")
    assert message in text


def test_unknown_keys_name_file_and_key_and_suggest(project):
    write(project / "nlcleaner.toml", "tail_zone = 0.3\n")
    with pytest.raises(ConfigError, match=r"^nlcleaner.toml: key 'tail_zone': unknown key \(did you mean 'tail-zone'\?\)$"):
        resolve({})
    write(project / "nlcleaner.toml", "[wholly]\nunrelated = 1\n")
    with pytest.raises(ConfigError, match=r"^nlcleaner.toml: key 'wholly': unknown key \(known keys: select, "):
        resolve({})


def test_broken_toml_names_the_file(project):
    write(project / "nlcleaner.toml", "guard = \n")
    with pytest.raises(ConfigError, match=r"^nlcleaner.toml: not valid TOML: "):
        resolve({})
    (project / "nlcleaner.toml").write_bytes(b"guard = 0.5 # \xff\n")
    with pytest.raises(ConfigError, match=r"^nlcleaner.toml: not UTF-8 text$"):
        resolve({})


# ------------------------------------------------------------------------------------------ paths relative to file


def test_pack_paths_are_relative_to_the_config_file_and_load(project):
    shutil.copy(REFERENCE_PACK, project / "house.toml")
    write(project / "pyproject.toml", '[tool.nlcleaner]\nrules = ["house.toml"]\n')
    deep = project / "a" / "b"
    deep.mkdir(parents=True)
    r = resolve({}, cwd=deep)
    assert r.settings.rules == (str(project / "house.toml"),)
    cleaner = Cleaner(r.settings)
    assert cleaner.rule("social.reference-share-line") is not None
    # a pack given on the command line is relative to the working directory
    r = resolve({"rules": ["../../house.toml"]}, cwd=deep)
    assert r.settings.rules == (str(deep / "../../house.toml"),)


def test_per_file_ignores_are_relative_to_the_config_file(project):
    write(project / "nlcleaner.toml", """
ignore = ["ad"]
[per-file-ignores]
"docs/**" = ["social"]
"*.md" = ["copyright", "social"]
"interviews/q-*.txt" = ["bio"]
""")
    sub = project / "docs" / "deep"
    sub.mkdir(parents=True)
    r = resolve({}, cwd=sub)
    assert r.ignores_for("x.txt") == ("social",)  # docs/deep/x.txt
    assert r.ignores_for("x.md") == ("social", "copyright")
    assert r.ignores_for(project / "interviews" / "q-1.txt") == ("bio",)
    assert r.ignores_for(project / "interviews" / "sub" / "q-1.txt") == ()
    assert r.ignores_for(project / "notes.txt") == ()
    assert r.settings_for(project / "notes.md").ignore == ("ad", "copyright", "social")
    assert r.settings_for(project / "notes.txt") is r.settings


@pytest.mark.parametrize(("path", "pattern", "expected"), [
    ("a.md", "*.md", True),
    ("deep/er/a.md", "*.md", True),
    ("deep/a.md", "deep/*.md", True),
    ("deep/er/a.md", "deep/*.md", False),
    ("deep/er/a.md", "deep/**/*.md", True),
    ("deep/a.md", "deep/**/*.md", True),
    ("deep/er/a.md", "**/er/*.md", True),
    ("drafts/x/y.txt", "drafts/", True),
    ("drafts/x/y.txt", "drafts", True),
    ("a/drafts/y.txt", "drafts", True),
    ("a/drafts/y.txt", "/drafts", False),
    ("a/drafts/y.txt", "./a/drafts", True),
    ("notes-1.txt", "notes-?.txt", True),
    ("notes-10.txt", "notes-?.txt", False),
    ("notes-b.txt", "notes-[ab].txt", True),
    ("notes-c.txt", "notes-[!ab].txt", True),
    ("a+b.txt", "a+b.txt", True),
    ("axb.txt", "a.b.txt", False),
])
def test_glob_matching(tmp_path, path, pattern, expected):
    assert glob_match(tmp_path / path, pattern, tmp_path) is expected
    assert ignores_for(tmp_path / path, {pattern: ["x"]}, tmp_path) == (("x",) if expected else ())


def test_include_and_exclude_matching(project):
    write(project / "nlcleaner.toml", 'exclude = ["drafts/", "*.tmp.md"]\ninclude = ["articles/**"]\n')
    r = resolve({})
    assert r.matches("drafts/a.md", "exclude") and r.matches("x/y.tmp.md", "exclude")
    assert not r.matches("articles/a.md", "exclude")
    assert r.matches("articles/2024/a.md", "include") and not r.matches("other/a.md", "include")


# ------------------------------------------------------------------------------------------------ nlcleaner config


def run_cli(*args):
    from nlcleaner.cli import commands  # noqa: F401  (registers the commands)
    from nlcleaner.cli.app import app

    return CliRunner().invoke(app, list(args))


def test_config_command_text_shows_values_and_origins(project):
    write(project / "pyproject.toml", '[tool.nlcleaner]\nselect = ["donation"]\nguard = 0.45\n')
    result = run_cli("config")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "# configuration file: pyproject.toml [tool.nlcleaner]"
    guard = next(line for line in lines if line.startswith("guard "))
    assert "= 0.45" in guard and guard.endswith("# pyproject.toml [tool.nlcleaner]")
    tail = next(line for line in lines if line.startswith("tail-zone "))
    assert "= 0.35" in tail and tail.endswith("# default")
    assert any(line.startswith("source-field") and "(not set)" in line for line in lines)
    assert len(lines) == 1 + len(DEFAULTS)


def test_config_command_one_key_json_and_isolated(project):
    write(project / "nlcleaner.toml", 'select = ["donation"]\n')
    assert run_cli("config", "select").stdout == '["donation"]\n'
    data = json.loads(run_cli("config", "--output-format", "json").stdout)
    assert data["config_file"] == str(project / "nlcleaner.toml")
    assert data["settings"]["select"] == ["donation"] and data["origins"]["select"] == str(project / "nlcleaner.toml")
    assert set(data["settings"]) == set(DEFAULTS)
    data = json.loads(run_cli("config", "--isolated", "--output-format", "json").stdout)
    assert data["config_file"] is None and data["settings"]["select"] is None
    write(project / "other.toml", "guard = 0.25\n")
    assert run_cli("config", "guard", "--config", "other.toml").stdout == "0.25\n"


def test_config_command_errors_are_one_line_and_exit_2(project):
    write(project / "nlcleaner.toml", "guard = 7\n")
    result = run_cli("config")
    assert result.exit_code == 2
    assert result.stderr == "nlcleaner: error: nlcleaner.toml: key 'guard': expected a number from 0 up to 1, got 7\n"
    assert run_cli("config", "nonsense", "--isolated").exit_code == 2
    assert run_cli("config", "--output-format", "yaml", "--isolated").exit_code == 2


# ------------------------------------------------------------------------------------------------ the docs hold true

DOC = ROOT / "docs" / "configuration.md"


def _blocks(text: str, lang: str) -> list[str]:
    import re

    return re.findall(rf"```{lang}\n(.*?)```", text, re.S)


def test_the_documented_configuration_files_resolve(project):
    write(project / "tools" / "house-furniture.toml", REFERENCE_PACK.read_text(encoding="utf-8"))
    blocks = _blocks(DOC.read_text(encoding="utf-8"), "toml")
    assert len(blocks) >= 3
    for block in blocks:
        first = block.splitlines()[0]
        name = "nlcleaner.toml" if "nlcleaner.toml" in first else "pyproject.toml"
        for old in ("pyproject.toml", "nlcleaner.toml"):
            (project / old).unlink(missing_ok=True)
        body = block if name == "nlcleaner.toml" or "[tool.nlcleaner" in block else "[tool.nlcleaner]\n" + block
        write(project / name, body)
        r = resolve({})
        assert r.config_path == str(project / name)
    # the per-file-ignores example, as the text says it behaves
    write(project / "pyproject.toml", '[tool.nlcleaner.per-file-ignores]\n"interviews/*.md" = ["bio"]\n'
          '"*.md" = ["social.share-button"]\n')
    r = resolve({})
    assert r.ignores_for("interviews/q-and-a.md") == ("bio", "social.share-button")
    assert r.ignores_for("notes/other.md") == ("social.share-button",)


DOCUMENTED_ERRORS = {
    "pyproject.toml: [tool.nlcleaner]: key 'tail_zone'": ("pyproject.toml", "[tool.nlcleaner]\ntail_zone = 0.3\n"),
    "nlcleaner.toml: key 'guard'": ("nlcleaner.toml", "guard = 1.5\n"),
    "nlcleaner.toml: key 'select'": ("nlcleaner.toml", 'select = "donation"\n'),
    "nlcleaner.toml: key 'ignore'": ("nlcleaner.toml", 'ignore = ["copyrite"]\n'),
    "pyproject.toml: [tool.nlcleaner]: key 'rules'": ("pyproject.toml", '[tool.nlcleaner]\nrules = ["house.toml"]\n'),
    "nlcleaner.toml: not valid TOML": ("nlcleaner.toml", 'select = ["donation"]\nquiet = true\nguard = \n'),
}


def test_the_documented_error_lines_are_the_real_ones(project):
    lines = [line.removeprefix("nlcleaner: error: ") for line in DOC.read_text(encoding="utf-8").splitlines()
             if line.startswith("nlcleaner: error: ")]
    assert len(lines) == len(DOCUMENTED_ERRORS)
    for line in lines:
        key = next(k for k in DOCUMENTED_ERRORS if line.startswith(k))
        name, text = DOCUMENTED_ERRORS[key]
        for old in ("pyproject.toml", "nlcleaner.toml"):
            (project / old).unlink(missing_ok=True)
        write(project / name, text)
        with pytest.raises(ConfigError) as info:
            resolve({})
        assert str(info.value) == line


def test_config_command_shows_flags_as_the_command_line(project):
    write(project / "nlcleaner.toml", 'select = ["donation"]\nguard = 0.3\n')
    data = json.loads(run_cli("config", "--output-format", "json", "--guard", "0.7", "--ignore", "donation.x").stdout)
    assert data["settings"]["guard"] == 0.7 and data["origins"]["guard"] == "command line"
    assert data["settings"]["ignore"] == ["donation.x"] and data["settings"]["select"] == ["donation"]
    assert data["origins"]["select"] == str(project / "nlcleaner.toml")
    result = run_cli("config", "--select", "copyrite")
    assert result.exit_code == 2 and "'copyrite' is not a rule-id prefix" in result.stderr


def test_commands_use_the_project_configuration(project):
    from conftest import FIXTURES

    dirty = (FIXTURES / "golden" / "moscow-times-alaska" / "input.txt").read_bytes()
    write(project / "pyproject.toml", '[tool.nlcleaner]\nignore = ["donation"]\n')
    (project / "articles").mkdir()
    (project / "articles" / "a.md").write_bytes(dirty)
    assert run_cli("check", "articles/a.md").exit_code == 0  # the file's ignore applies
    assert run_cli("check", "--isolated", "articles/a.md").exit_code == 1
    assert run_cli("check", "--ignore", "social", "articles/a.md").exit_code == 1  # the flag replaces the file's list
    write(project / "pyproject.toml", '[tool.nlcleaner]\n[tool.nlcleaner.per-file-ignores]\n"articles/" = ["donation"]\n')
    assert run_cli("fix", "articles/a.md").exit_code == 0
    assert (project / "articles" / "a.md").read_bytes() == dirty
    write(project / "pyproject.toml", '[tool.nlcleaner]\nguard = "high"\n')
    result = run_cli("fix", "articles/a.md")
    assert result.exit_code == 2
    assert result.stderr.strip() == ("nlcleaner: error: pyproject.toml: [tool.nlcleaner]: key 'guard': "
                                     "expected a number between 0 and 1, got 'high'")
