"""`python -m mistral_fn.layer build --function NAME ... --output layer.zip`."""

import argparse
import sys
from pathlib import Path

from .build import Layer, build_layer, host_platform, host_python
from .bytecode import BytecodeError
from .closure import ClosureError
from .deps import PLATFORMS, DependencyError, default_cache
from .operations import IndexFormatError


def parser() -> argparse.ArgumentParser:
    cli = argparse.ArgumentParser(
        prog="python -m mistral_fn.layer",
        description="AWS Lambda layers holding mistral_fn cut down to the operations a function calls.",
    )
    commands = cli.add_subparsers(dest="command", required=True)
    build = commands.add_parser(
        "build",
        help="build a Lambda layer zip",
        description="Build a Lambda layer zip holding the runtime dependencies and mistral_fn pruned to the"
        " modules the named operations import.",
    )
    build.add_argument(
        "--function",
        action="append",
        default=[],
        metavar="NAME",
        help="an operation to keep (repeatable); none keeps all of them",
    )
    build.add_argument("--output", type=Path, required=True, help="the zip to write")
    build.add_argument("--python", default=host_python(), help="target Python, major.minor (default: %(default)s)")
    build.add_argument(
        "--platform", choices=PLATFORMS, default=host_platform(), help="target wheel platform (default: %(default)s)"
    )
    build.add_argument(
        "--no-bytecode",
        dest="bytecode",
        action="store_false",
        help="leave out the compiled modules (by default they are in, when this Python is the target's)",
    )
    build.add_argument("--cache", type=Path, default=default_cache(), help="pip download cache (default: %(default)s)")
    return cli


def report(layer: Layer) -> str:
    """What the build prints: sizes, target and the operations the layer holds."""
    return "\n".join(
        [
            f"{layer.path}: {layer.zipped_bytes:,} bytes zipped, {layer.unzipped_bytes:,} bytes unzipped,"
            f" {layer.files} files",
            f"target: Python {layer.python}, {layer.platform}, "
            + ("with bytecode" if layer.bytecode else "no bytecode"),
            f"operations ({len(layer.operations)}):",
            *(f"  {name}" for name in layer.operations),
        ]
    )


def fail(error: Exception, status: int) -> int:
    for line in str(error).splitlines():
        print(f"error: {line}", file=sys.stderr)
    return status


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        layer = build_layer(
            args.output,
            args.function,
            python=args.python,
            platform=args.platform,
            cache=args.cache,
            bytecode=args.bytecode,
        )
    except ValueError as e:  # an unknown operation (UnknownOperationError), a bad --python
        return fail(e, 2)
    except (DependencyError, ClosureError, IndexFormatError, BytecodeError) as e:
        return fail(e, 1)
    print(report(layer))
    if args.bytecode and not layer.bytecode:
        print(
            f"note: no bytecode in the layer: this is Python {host_python()}, the target is {layer.python};"
            f" build with Python {layer.python} for a layer that starts faster",
            file=sys.stderr,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
