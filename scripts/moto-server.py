#!/usr/bin/env python3
"""Runs moto_server (same arguments) with its DynamoDB requests taken one at a time.

moto_server serves requests on threads, and moto's DynamoDB is not thread-safe: TransactWriteItems snapshots
whole tables and restores them when a condition fails, so concurrent transactions undo each other and
conditional writes can oversell. Real DynamoDB applies each request atomically; serializing the DynamoDB
requests gives the emulator that property. Other services keep serving concurrently (SQS long polls block).
"""
import sys
import threading

import werkzeug.serving

_dynamodb = threading.Lock()
_run_simple = werkzeug.serving.run_simple


def _one_dynamodb_request_at_a_time(app):
    def serve(environ, start_response):
        if environ.get("HTTP_X_AMZ_TARGET", "").startswith("DynamoDB_"):
            with _dynamodb:
                return list(app(environ, start_response))
        return app(environ, start_response)

    return serve


def _run_simple_serialized(hostname, port, application, *args, **kwargs):
    return _run_simple(hostname, port, _one_dynamodb_request_at_a_time(application), *args, **kwargs)


werkzeug.serving.run_simple = _run_simple_serialized

from moto.server import main  # noqa: E402  (imported after the patch so it picks it up)

if __name__ == "__main__":
    main(sys.argv[1:])
