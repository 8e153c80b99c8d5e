"""`mistral_fn.batch`: many requests through Mistral's Batch API, as plain Result values.

    run = batch_submit(session, requests, model="mistral-small-latest").unwrap()
    Path("run.json").write_text(run.to_json())          # a later process (or Lambda) picks it up
    run = batch_wait(session, BatchRun.from_json(Path("run.json").read_text())).unwrap()
    for result in batch_results(session, run, ordered=True):
        match result:
            case Ok((custom_id, response)): ...
            case Err(BatchItemError(custom_id=custom_id) as error): ...

From the command line: `python -m mistral_fn.batch submit|status|results` (see `__main__`).
Each name is loaded when first used.
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .results import BatchItemError, batch_results
    from .run import BatchJob, BatchRun
    from .submit import batch_submit
    from .wait import BatchCounts, batch_status, batch_wait

__all__ = [
    "BatchCounts",
    "BatchItemError",
    "BatchJob",
    "BatchRun",
    "batch_results",
    "batch_status",
    "batch_submit",
    "batch_wait",
]

_WHERE = {
    "BatchCounts": "wait",
    "BatchItemError": "results",
    "BatchJob": "run",
    "BatchRun": "run",
    "batch_results": "results",
    "batch_status": "wait",
    "batch_submit": "submit",
    "batch_wait": "wait",
}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        import importlib

        value = getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
