"""Keyword arguments for each of the 74 operations, valid by construction, with the resources they name made first.

The mock keeps state, so `files_retrieve(file_id=...)` needs a file that exists: `arguments` creates
what an operation's path names (file, job, agent, conversation, library, document, share) through the
mock itself, and fills the rest from the operation's own models.
"""

import importlib
import inspect
from typing import Any

import attrs

import mistral_fn
from mistral_fn import Ok, Session
from mistral_fn._runtime import convert
from mistral_fn._runtime.invoke import Operation
from mistral_fn.testing.fakes import build

CHAT = {"model": "mistral-small-latest", "messages": [{"role": "user", "content": "Hello"}]}


def operation(name: str) -> Operation:
    op: Operation = importlib.import_module(f"mistral_fn.funcs.{name}").OPERATION
    return op


def required_arguments(name: str) -> dict[str, Any]:
    """Keyword arguments for `name` built from its own models: every required one, valid by construction."""
    module = importlib.import_module(f"mistral_fn.funcs.{name}")
    op: Operation = module.OPERATION
    function = getattr(module, name)
    body_fields = attrs.fields_dict(op.body) if op.body is not None else {}
    arguments: dict[str, Any] = {}
    for parameter in inspect.signature(function).parameters.values():
        if parameter.kind is not parameter.KEYWORD_ONLY or parameter.default is not parameter.empty:
            continue
        if parameter.name in body_fields:
            value = convert.to_json(build(body_fields[parameter.name].type, parameter.name))
            arguments[parameter.name] = ("data.jsonl", b"{}") if parameter.name in op.files else value
        else:
            arguments[parameter.name] = build(op.params.get(parameter.name, str), parameter.name)
    return arguments


def _ok(result: Any) -> Any:
    assert isinstance(result, Ok), result
    return result.value


def arguments(session: Session, name: str) -> dict[str, Any]:
    """Arguments for `name` whose ids name resources that exist on the mock behind `session`."""
    args = required_arguments(name)
    if name.startswith(("chat_", "agents_")):
        args["messages"] = CHAT["messages"]
    if name == "embeddings_create":
        args.update(model="mistral-embed", input=["a", "b"])
    if "file_id" in args:
        args["file_id"] = _ok(mistral_fn.files_upload(session, file=("data.jsonl", b'{"a": 1}\n'))).id
    if "job_id" in args and name.startswith("batch_"):
        args["job_id"] = _ok(mistral_fn.batch_jobs_create(session, endpoint="/v1/embeddings", requests=[])).id
    if name.startswith("fine_tuning_jobs"):
        training = _ok(mistral_fn.files_upload(session, file=("train.jsonl", b'{"a": 1}\n'))).id
        if name == "fine_tuning_jobs_create":  # values within the spec's bounds (seq_len >= 100...)
            args.update(training_files=[{"file_id": training}], hyperparameters={"training_steps": 10})
        if "job_id" in args:
            made = mistral_fn.fine_tuning_jobs_create(
                session,
                model="open-mistral-7b",
                training_files=[{"file_id": training}],
                hyperparameters={"training_steps": 1},
                auto_start=name != "fine_tuning_jobs_start",
            )
            args["job_id"] = _ok(made).id
            if name == "fine_tuning_jobs_start":
                _ok(mistral_fn.fine_tuning_jobs_get(session, job_id=args["job_id"]))  # now VALIDATED
    if "agent_id" in args and name.startswith("beta_agents"):
        args["agent_id"] = _ok(mistral_fn.beta_agents_create(session, model="mistral-medium-latest", name="a")).id
        if "version" in args:
            args["version"] = 0 if name != "beta_agents_get_version" else "0"
    if "conversation_id" in args:
        started = _ok(mistral_fn.beta_conversations_start(session, inputs="Hello", model="mistral-medium-latest"))
        args["conversation_id"] = started.conversation_id
        if "from_entry_id" in args:
            args["from_entry_id"] = started.outputs[0].id
    if "library_id" in args:
        args["library_id"] = _ok(mistral_fn.beta_libraries_create(session, name="lib")).id
        if "document_id" in args:
            document = mistral_fn.beta_libraries_documents_upload(
                session, library_id=args["library_id"], file=("notes.txt", b"Some notes.\n")
            )
            args["document_id"] = _ok(document).id
        if name == "beta_libraries_accesses_delete":
            share = {k: args[k] for k in ("share_with_uuid", "share_with_type")}
            _ok(
                mistral_fn.beta_libraries_accesses_update_or_create(
                    session, library_id=args["library_id"], level="Viewer", **share
                )
            )
    if "model_id" in args:
        args["model_id"] = _fine_tuned_model(session) if name == "models_delete" else "open-mistral-7b"
    return args


def _fine_tuned_model(session: Session) -> str:
    """A model made by a fine-tuning job run to its end (so deleting it leaves the base models be)."""
    training = _ok(mistral_fn.files_upload(session, file=("train.jsonl", b'{"a": 1}\n'))).id
    job = _ok(
        mistral_fn.fine_tuning_jobs_create(
            session, model="open-mistral-7b", training_files=[{"file_id": training}], hyperparameters={}
        )
    )
    _ok(mistral_fn.fine_tuning_jobs_get(session, job_id=job.id))
    name: str = _ok(mistral_fn.fine_tuning_jobs_get(session, job_id=job.id)).fine_tuned_model
    return name
