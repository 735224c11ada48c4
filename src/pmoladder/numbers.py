"""The one kind of number files give beyond levels: years and weights, which keep the type
they were written with, so that `3` is shown and dumped as `3`, not `3.0`."""

from typing import Union

Number = Union[int, float]
