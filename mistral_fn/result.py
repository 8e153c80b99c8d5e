"""`Ok` and `Err`: what every operation returns instead of raising."""

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Generic, NoReturn, TypeAlias, TypeVar, final

if TYPE_CHECKING:
    from .rate_limit_info import RateLimitInfo

T = TypeVar("T", covariant=True)
E = TypeVar("E", covariant=True)
U = TypeVar("U")
F = TypeVar("F")


@final
class Meta:
    """How an `Ok` came back: status, headers, the server's request id and attempts made."""

    __slots__ = ("attempts", "headers", "request_id", "status_code")

    def __init__(self, status_code: int, headers: Mapping[str, str], attempts: int) -> None:
        self.status_code = status_code
        self.headers = headers
        self.request_id: str | None = headers.get("x-request-id")
        self.attempts = attempts

    def __repr__(self) -> str:
        return f"Meta(status_code={self.status_code}, request_id={self.request_id!r}, attempts={self.attempts})"

    @property
    def rate_limit(self) -> "RateLimitInfo | None":
        """The rate-limit headers of the response, read (None when it had none)."""
        from .rate_limit_info import read_rate_limit_headers

        return read_rate_limit_headers(self.headers)


NO_META = Meta(0, {}, 0)
"""The `meta` of an `Ok` no response produced: one made by hand, or `EventStream.collect()`/`text()`.

`Ok.map` keeps the meta it starts from; `and_then` gives whatever its function returns.
"""


@final
class Ok(Generic[T]):
    """A success holding `value`; `meta` (not compared) tells how the response came back.

    `meta.attempts` is 0 for an `Ok` that no call produced.
    """

    __slots__ = ("meta", "value")
    __match_args__ = ("value",)
    ok = True

    def __init__(self, value: T, meta: Meta | None = None) -> None:
        self.value = value
        self.meta: Meta = meta if meta is not None else NO_META

    def __repr__(self) -> str:
        return f"Ok({self.value!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Ok) and self.value == other.value

    def __hash__(self) -> int:
        return hash(("Ok", self.value))

    def __reduce__(self) -> tuple[Any, ...]:
        return (Ok, (self.value, self.meta))

    def __setattr__(self, name: str, value: object) -> None:
        if hasattr(self, "meta"):
            raise AttributeError("Ok is immutable")
        object.__setattr__(self, name, value)

    def is_ok(self) -> bool:
        return True

    def is_err(self) -> bool:
        return False

    def unwrap(self) -> T:
        return self.value

    def unwrap_or(self, default: object) -> T:
        return self.value

    def map(self, fn: Callable[[T], U]) -> "Ok[U]":
        return Ok(fn(self.value), self.meta)

    def map_err(self, fn: Callable[[Any], object]) -> "Ok[T]":
        return self

    def and_then(self, fn: Callable[[T], "Result[U, F]"]) -> "Result[U, F]":
        return fn(self.value)


@final
class Err(Generic[E]):
    """A failure holding `error` (an exception instance, returned rather than raised)."""

    __slots__ = ("error",)
    __match_args__ = ("error",)
    ok = False
    error: E

    def __init__(self, error: E) -> None:
        object.__setattr__(self, "error", error)

    def __repr__(self) -> str:
        return f"Err({self.error!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Err) and self.error == other.error

    def __hash__(self) -> int:
        return hash(("Err", id(self.error)))

    def __reduce__(self) -> tuple[Any, ...]:
        return (Err, (self.error,))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Err is immutable")

    def is_ok(self) -> bool:
        return False

    def is_err(self) -> bool:
        return True

    def unwrap(self) -> NoReturn:
        if isinstance(self.error, BaseException):
            raise self.error
        raise RuntimeError(f"unwrap() on {self!r}")

    def unwrap_or(self, default: U) -> U:
        return default

    def map(self, fn: Callable[[Any], object]) -> "Err[E]":
        return self

    def map_err(self, fn: Callable[[E], F]) -> "Err[F]":
        return Err(fn(self.error))

    def and_then(self, fn: Callable[[Any], object]) -> "Err[E]":
        return self


Result: TypeAlias = Ok[T] | Err[E]
"""`Ok[T] | Err[E]`."""
