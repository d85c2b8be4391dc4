"""The default language (issue 12 §2): Chinese unless the locale variables name another
language — a server's bare shell (``C``, ``C.UTF-8``, ``POSIX``, nothing) gets Chinese."""

import pytest

from orglife_tui.locale import detect_language


@pytest.mark.parametrize(
    "env",
    [
        {},
        {"LANG": ""},
        {"LANG": "C"},
        {"LANG": "C.UTF-8"},
        {"LANG": "C.utf8"},
        {"LANG": "POSIX"},
        {"LC_ALL": "C", "LANG": "C.UTF-8"},
        {"LANG": "zh_CN.UTF-8"},
        {"LC_ALL": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"},
        {"LANG": "C.UTF-8", "LANGUAGE": "zh_CN:en"},
    ],
)
def test_chinese_unless_another_language_is_named(env):
    assert detect_language(env) == "zh"


@pytest.mark.parametrize(
    "env",
    [
        {"LANG": "en_US.UTF-8"},
        {"LANG": "de_DE.UTF-8"},
        {"LC_ALL": "C", "LANG": "en_GB.UTF-8"},
        {"LC_MESSAGES": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"},
        {"LANG": "C.UTF-8", "LANGUAGE": "en"},
    ],
)
def test_english_when_the_locale_names_another_language(env):
    assert detect_language(env) == "en"
