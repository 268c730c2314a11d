"""Records every signed AWS request that reaches the emulator, one JSON line each, for check_grants.py.

A line holds the access key that signed the request (header or presigned query), the request line, the S3 tagging
header when sent, the JSON protocol's operation (X-Amz-Target) with the table(s), index and queue it names, and the
answer's status. Bodies are read only for JSON protocol requests (DynamoDB, SQS), which always carry a length.
"""
import io
import json
import re
import threading
from urllib.parse import parse_qs

_CREDENTIAL = re.compile(r"Credential=([^/,\s]+)/")


def _access_key(environ):
    found = _CREDENTIAL.search(environ.get("HTTP_AUTHORIZATION", ""))
    if found:
        return found.group(1)
    credential = parse_qs(environ.get("QUERY_STRING", "")).get("X-Amz-Credential", [""])[0]
    return credential.split("/")[0] or None


def _json_fields(body):
    try:
        request = json.loads(body or b"{}")
    except ValueError:
        return {}
    fields = {k: request[k] for k in ("TableName", "IndexName", "QueueUrl") if k in request}
    if "RequestItems" in request:  # BatchGetItem, BatchWriteItem: the tables are the keys
        fields["RequestTables"] = sorted(request["RequestItems"])
    if "TransactItems" in request:
        fields["TransactItems"] = [
            {"Kind": kind, "TableName": detail.get("TableName")}
            for item in request["TransactItems"] for kind, detail in item.items()
        ]
    return fields


def recording(app, path):
    lock = threading.Lock()

    def serve(environ, start_response):
        key = _access_key(environ)
        if key is None:
            return app(environ, start_response)
        entry = {
            "key": key,
            "method": environ["REQUEST_METHOD"],
            "path": environ.get("PATH_INFO", ""),
            "query": environ.get("QUERY_STRING", ""),
            "tagging": "HTTP_X_AMZ_TAGGING" in environ,
        }
        target = environ.get("HTTP_X_AMZ_TARGET")
        if target:
            body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
            environ["wsgi.input"] = io.BytesIO(body)
            entry["target"] = target
            entry.update(_json_fields(body))

        def start(status, headers, exc_info=None):
            entry["status"] = int(status.split()[0])
            with lock, open(path, "a", encoding="utf-8") as log:
                log.write(json.dumps(entry) + "\n")
            return start_response(status, headers, exc_info)

        return app(environ, start)

    return serve
