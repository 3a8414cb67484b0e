"""Finding the Ctrl-C or SIGTERM an error was made from, however the code it landed in handed it on."""

from __future__ import annotations

import pytest

from keyaudit.run.interrupts import interrupt_behind, raise_interrupt_behind


class Terminated(KeyboardInterrupt):
    """A SIGTERM, as the command line raises it."""


def made_from(interrupt: BaseException, *, explicit: bool) -> Exception:
    """A library's error made while ``interrupt`` was handled: ``raise … from`` it, or in its ``except``."""
    try:
        raise interrupt
    except BaseException as caught:  # noqa: BLE001 - what such a library does
        try:
            if explicit:
                raise RuntimeError("Error calling __set_name__") from caught
            raise ValueError("the callback failed")
        except Exception as error:  # noqa: BLE001
            return error


@pytest.mark.parametrize("explicit", [True, False], ids=["its cause", "its context"])
def test_the_interrupt_is_found_behind_the_error(explicit: bool) -> None:
    interrupt = Terminated()
    assert interrupt_behind(made_from(interrupt, explicit=explicit)) is interrupt


def test_wrapped_twice_it_is_still_found() -> None:
    interrupt = KeyboardInterrupt()
    inner = made_from(interrupt, explicit=False)
    outer = made_from(inner, explicit=True)  # type: ignore[arg-type]
    assert interrupt_behind(outer) is interrupt


def test_a_context_beside_a_cause_is_looked_at_too() -> None:
    """``raise X from Y`` inside ``except interrupt``: the cause is Y, the interrupt the context."""
    interrupt = Terminated()
    try:
        try:
            raise interrupt
        except Terminated:
            raise OSError("refused") from LookupError("not the interrupt")
    except OSError as error:
        assert interrupt_behind(error) is interrupt


def test_an_error_with_no_interrupt_behind_it_is_left_alone() -> None:
    error = made_from(ZeroDivisionError(), explicit=True)
    assert interrupt_behind(error) is None
    raise_interrupt_behind(error)  # raises nothing


def test_a_chain_that_loops_ends() -> None:
    first, second = ValueError("a"), ValueError("b")
    first.__context__, second.__context__ = second, first
    assert interrupt_behind(first) is None


def test_the_interrupt_is_raised_in_the_error_s_place() -> None:
    interrupt = Terminated()
    with pytest.raises(Terminated) as raised:
        raise_interrupt_behind(made_from(interrupt, explicit=True))
    assert raised.value is interrupt
