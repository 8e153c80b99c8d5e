"""A small Batch API on a Loopback server: files, jobs that finish on their second GET, outputs.

Each input line's answer is a chat completion whose content is the line's first message content.
A body with `"fail": true` gets an error line (status 400) in the error file, one with `"skip": true`
gets no line at all; output lines come back in reverse order, as a real batch may.
"""

import itertools
import json
import re
import socket
from typing import Any

from tests.loopback import Loopback, Recorded, send_response


class FakeBatchApi:
    def __init__(self, server: Loopback) -> None:
        self.files: dict[str, bytes] = {}
        self.jobs: dict[str, dict[str, Any]] = {}
        self.uploads: list[dict[str, str]] = []
        self._ids = itertools.count()
        server.answer_all(self.handle)

    def handle(self, request: Recorded, conn: socket.socket) -> None:
        status, body = self.route(request)
        if isinstance(body, bytes):
            send_response(conn, status, body, {"Content-Type": "application/octet-stream"})
        else:
            send_response(conn, status, json.dumps(body).encode(), {"Content-Type": "application/json"})

    def route(self, request: Recorded) -> tuple[int, Any]:
        path = request.path
        if request.method == "POST" and path == "/v1/files":
            return 200, self.upload(request)
        if request.method == "POST" and path == "/v1/batch/jobs":
            return 200, self.create(request.json())
        if request.method == "GET" and (m := re.fullmatch(r"/v1/batch/jobs/([^/]+)", path)):
            job = self.jobs.get(m.group(1))
            return (404, {"message": "no such job"}) if job is None else (200, self.advance(job))
        if request.method == "GET" and (m := re.fullmatch(r"/v1/files/([^/]+)/content", path)):
            content = self.files.get(m.group(1))
            return (404, {"message": "no such file"}) if content is None else (200, content)
        return 404, {"message": f"not faked: {request.method} {path}"}

    def upload(self, request: Recorded) -> dict[str, Any]:
        boundary = re.search(r"boundary=(\S+)", request.header("content-type") or "")
        assert boundary is not None
        filename, content = "", b""
        for part in request.body.split(b"--" + boundary.group(1).encode()):
            head, _, rest = part.partition(b"\r\n\r\n")
            if b"filename=" in head:
                filename = re.search(rb'filename="([^"]*)"', head).group(1).decode()  # type: ignore[union-attr]
                content = rest[: -len(b"\r\n")]
        file_id = f"file-{next(self._ids)}"
        self.files[file_id] = content
        self.uploads.append({"id": file_id, "filename": filename, "chunked": request.header("transfer-encoding") or ""})
        return {
            "id": file_id,
            "object": "file",
            "bytes": len(content),
            "created_at": 1,
            "filename": filename,
            "purpose": "batch",
            "sample_type": "batch_request",
            "source": "upload",
        }

    def create(self, body: dict[str, Any]) -> dict[str, Any]:
        lines = [json.loads(line) for f in body["input_files"] for line in self.files[f].splitlines() if line.strip()]
        job = {
            "id": f"job-{next(self._ids)}",
            "object": "batch",
            "input_files": body["input_files"],
            "endpoint": body["endpoint"],
            "model": body.get("model"),
            "metadata": body.get("metadata"),
            "errors": [],
            "status": "QUEUED",
            "created_at": 1,
            "total_requests": len(lines),
            "completed_requests": 0,
            "succeeded_requests": 0,
            "failed_requests": 0,
            "_lines": lines,
        }
        self.jobs[job["id"]] = job
        return self.public(job)

    def advance(self, job: dict[str, Any]) -> dict[str, Any]:
        if job["status"] == "QUEUED":
            job["status"] = "RUNNING"
        elif job["status"] == "RUNNING":
            done, failed = [], []
            for line in job["_lines"]:
                body = line["body"]
                if body.get("skip"):
                    continue
                if body.get("fail"):
                    error = {"message": "bad request", "code": 400}
                    failed.append(
                        {
                            "custom_id": line["custom_id"],
                            "response": {"status_code": 400, "body": {"message": "bad request"}},
                            "error": error,
                        }
                    )
                    continue
                answer = _completion(job["model"], body["messages"][0]["content"])
                done.append(
                    {
                        "id": "x",
                        "custom_id": line["custom_id"],
                        "response": {"status_code": 200, "body": answer},
                        "error": None,
                    }
                )
            job.update(
                status="SUCCESS",
                completed_requests=len(done) + len(failed),
                succeeded_requests=len(done),
                failed_requests=len(failed),
            )
            if done:
                job["output_file"] = self.store("".join(json.dumps(d) + "\n" for d in reversed(done)))
            if failed:
                job["error_file"] = self.store("".join(json.dumps(d) + "\n" for d in failed))
        return self.public(job)

    def store(self, text: str) -> str:
        file_id = f"file-{next(self._ids)}"
        self.files[file_id] = text.encode()
        return file_id

    @staticmethod
    def public(job: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in job.items() if not k.startswith("_")}


def _completion(model: str, content: str) -> dict[str, Any]:
    return {
        "id": "c",
        "object": "chat.completion",
        "model": model,
        "created": 1,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    }
