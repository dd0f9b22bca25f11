"""The TOML config file: defaults, valid settings, paths, and bad files."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from reader.config import Config, default_config_text, load_config, tomllib
from reader.paths import locations


def write(tmp_path: Path, text: str | bytes, name: str = "config.toml") -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_defaults():
    config = Config()
    assert (config.corpus, config.theme, config.layout) == ((), None, None)
    with pytest.raises(AttributeError):
        config.theme = "x"  # frozen


def test_missing_file_gives_defaults_silently(tmp_path):
    assert load_config(tmp_path / "nope.toml") == (Config(), [])


def test_missing_file_named_explicitly_is_mentioned(tmp_path):
    config, messages = load_config(tmp_path / "nope.toml", explicit=True)
    assert config == Config()
    assert len(messages) == 1 and "nope.toml" in messages[0] and "not found" in messages[0]


def test_default_location_honours_the_environment(tmp_path, monkeypatch):
    path = write(tmp_path, 'theme = "nord"\n', "custom.toml")
    monkeypatch.setenv("NEWSREADER_CONFIG", str(path))
    assert load_config(locations().config_file) == (Config(theme="nord"), [])


def test_valid_file(tmp_path):
    path = write(
        tmp_path,
        '# mine\ncorpus = ["/srv/news", "/srv/more"]\ntheme = "textual-light"\nlayout = "stacked"\n',
    )
    config, messages = load_config(path)
    assert messages == []
    assert config == Config(corpus=("/srv/news", "/srv/more"), theme="textual-light", layout="stacked")


@pytest.mark.parametrize("value, expected", [("wide", "wide"), ("stacked", "stacked"), ("auto", None), ("Wide", "wide")])
def test_layouts(tmp_path, value, expected):
    config, messages = load_config(write(tmp_path, f'layout = "{value}"\n'))
    assert messages == [] and config.layout == expected


def test_relative_and_home_paths(tmp_path):
    home = Path(os.path.expanduser("~"))
    assert str(home).startswith(str(Path(os.environ["HOME"])))  # conftest's temporary home
    path = write(tmp_path, 'corpus = ["articles", "../shared/news", "~/news", "/abs/olute"]\n', "conf/config.toml")
    config, messages = load_config(path)
    assert messages == []
    assert config.corpus == (
        str(tmp_path / "conf" / "articles"),
        str(tmp_path / "conf" / ".." / "shared" / "news"),
        str(home / "news"),
        "/abs/olute",
    )


def test_relative_config_path_still_gives_absolute_corpus_paths(tmp_path, monkeypatch):
    write(tmp_path, 'corpus = "articles"\n', "conf/config.toml")
    monkeypatch.chdir(tmp_path)
    config, messages = load_config(Path("conf") / "config.toml")
    assert messages == []
    assert config.corpus == (str(tmp_path / "conf" / "articles"),)  # a single string is one path


def test_invalid_toml_gives_defaults_and_a_message(tmp_path):
    path = write(tmp_path, 'theme = "nord"\ncorpus = [\n')
    config, messages = load_config(path)
    assert config == Config()
    assert len(messages) == 1
    assert str(path) in messages[0] and "not valid TOML" in messages[0] and "\n" not in messages[0]


def test_not_utf8_gives_defaults_and_a_message(tmp_path):
    path = write(tmp_path, b'theme = "\xff"\n')
    config, messages = load_config(path)
    assert config == Config() and len(messages) == 1 and str(path) in messages[0] and "UTF-8" in messages[0]


def test_config_path_that_is_a_folder(tmp_path):
    config, messages = load_config(tmp_path)
    assert config == Config() and len(messages) == 1 and str(tmp_path) in messages[0]


@pytest.mark.parametrize(
    "text, key",
    [
        ("corpus = 3\n", "corpus"),
        ('corpus = ["ok", 4]\n', "corpus"),
        ('corpus = [""]\n', "corpus"),
        ("theme = 3\n", "theme"),
        ('theme = ""\n', "theme"),
        ("theme = [\"a\"]\n", "theme"),
        ('layout = "diagonal"\n', "layout"),
        ("layout = true\n", "layout"),
        ("max_file_mb = 0\n", "max_file_mb"),
        ("max_file_mb = -5\n", "max_file_mb"),
        ('max_file_mb = "64"\n', "max_file_mb"),
        ("max_file_mb = true\n", "max_file_mb"),
        ("max_file_mb = inf\n", "max_file_mb"),
        ("feed_days = -1\n", "feed_days"),
        ('feed_days = "90"\n', "feed_days"),
        ("feed_days = true\n", "feed_days"),
        ("feed_days = nan\n", "feed_days"),
    ],
)
def test_wrong_types_give_default_and_a_message(tmp_path, text, key):
    path = write(tmp_path, text)
    config, messages = load_config(path)
    assert getattr(config, key) == getattr(Config(), key)
    assert len(messages) == 1
    assert str(path) in messages[0] and repr(key) in messages[0] and "\n" not in messages[0]


def test_one_bad_setting_does_not_spoil_the_others(tmp_path):
    path = write(tmp_path, 'corpus = ["/news"]\ntheme = 7\nlayout = "wide"\n')
    config, messages = load_config(path)
    assert config == Config(corpus=("/news",), layout="wide")
    assert len(messages) == 1 and "'theme'" in messages[0]


def test_unknown_settings_are_mentioned(tmp_path):
    path = write(tmp_path, 'theme = "nord"\ncolour = "red"\n[extra]\nx = 1\n')
    config, messages = load_config(path)
    assert config == Config(theme="nord")
    assert len(messages) == 1 and "'colour'" in messages[0] and "'extra'" in messages[0]


def test_default_config_text_is_all_comments_and_documents_every_setting():
    text = default_config_text()
    assert tomllib.loads(text) == {}
    for key in ("corpus", "theme", "layout"):
        assert re.search(rf"^# {key} = ", text, re.M), key


def test_default_config_text_uncommented_is_a_valid_config(tmp_path):
    text = re.sub(r"^# (\w+ = |\[\w+\]$)", r"\1", default_config_text(), flags=re.M)
    config, messages = load_config(write(tmp_path, text))
    assert messages == []
    assert config.corpus == (str(Path(os.path.expanduser("~/news"))), str(tmp_path / "articles"))
    assert config.theme == "textual-dark" and config.layout is None
    assert dict(config.keys) == {"search": "ctrl+f", "stories": "T,f6"}


def test_size_limit_setting(tmp_path):
    assert load_config(write(tmp_path, "max_file_mb = 200\n")) == (Config(max_file_mb=200.0), [])
    assert load_config(write(tmp_path, "max_file_mb = 0.5\n")) == (Config(max_file_mb=0.5), [])


@pytest.mark.parametrize("depth", [1_000, 100_000])
def test_toml_nested_too_deeply_gives_defaults_and_one_line(tmp_path, depth):
    path = write(tmp_path, "theme = 'nord'\nx = " + "[" * depth + "]" * depth + "\n")
    config, messages = load_config(path)
    assert config == Config()
    assert messages == [f"config file {path} is nested too deeply to read; using defaults"]


def test_any_failure_of_the_toml_parser_gives_defaults_and_one_line(tmp_path, monkeypatch):
    def broken(text):
        raise MemoryError("the parser gave up")

    monkeypatch.setattr(tomllib, "loads", broken)
    path = write(tmp_path, 'theme = "nord"\n')
    assert load_config(path) == (Config(), [f"config file {path} could not be parsed (MemoryError); using defaults"])


def test_config_over_a_megabyte_is_not_read(tmp_path):
    path = write(tmp_path, "# padding\n" * 200_000)
    config, messages = load_config(path)
    assert config == Config() and messages == [f"could not read config file {path}: larger than 1 MB; using defaults"]
