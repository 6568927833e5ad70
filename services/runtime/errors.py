"""Errors the `claimstream` command turns into exit code 2 with a one-line reason."""


class InputError(ValueError):
    """A bad input file or argument value; the message is one line."""
