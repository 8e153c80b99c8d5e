"""Progress of a batch on stderr: a bar that redraws itself on a terminal, plain lines otherwise."""

import sys
from typing import TextIO

from .wait import BatchCounts

_WIDTH = 30


class Progress:
    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.tty = self.stream.isatty()
        self._last: BatchCounts | None = None

    def __call__(self, counts: BatchCounts) -> None:
        if counts == self._last:
            return
        self._last = counts
        total = max(counts.total, 1)
        text = (
            f"{counts.completed}/{counts.total} requests done, {counts.failed} failed, "
            f"{counts.jobs_finished}/{counts.jobs} jobs finished"
        )
        if self.tty:
            filled = _WIDTH * min(counts.completed, total) // total
            self.stream.write(f"\r[{'#' * filled}{'.' * (_WIDTH - filled)}] {text}")
            if counts.jobs_finished == counts.jobs:
                self.stream.write("\n")
        else:
            self.stream.write(text + "\n")
        self.stream.flush()

    def say(self, text: str) -> None:
        if self.tty and self._last is not None and self._last.jobs_finished != self._last.jobs:
            self.stream.write("\n")
        self.stream.write(text + "\n")
        self.stream.flush()
