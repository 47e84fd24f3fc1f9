"""Messages of the text check are Dutch only: no English in brackets, Dutch number format."""

from __future__ import annotations

import pytest

from denkraam.analysis import InputError
from denkraam.analysis.text.check import MAX_TEXT_CHARS, check_text


def test_a_text_over_the_limit_is_refused_in_dutch_only() -> None:
    with pytest.raises(InputError) as refused:
        check_text("a" * (MAX_TEXT_CHARS + 1))
    message = str(refused.value)
    assert message.startswith("De tekst is te lang")
    assert f"{MAX_TEXT_CHARS:_}".replace("_", ".") in message
    assert "(" not in message and "too long" not in message
