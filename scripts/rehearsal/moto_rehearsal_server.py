#!/usr/bin/env python3
"""moto_server for the deploy rehearsal: moto as shipped, plus

- CloudFormation models for the template's Cognito resources (cognito_stack_models.py),
- DynamoDB requests taken one at a time, as scripts/moto-server.py does for the tests,
- every signed request recorded to CALL_LOG (call_log.py), so the calls the Api and the Worker made can be held
  against their roles afterwards: moto does not enforce IAM.

Usage: moto_rehearsal_server.py CALL_LOG -H 127.0.0.1 -p PORT
"""
import importlib.util
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import call_log  # noqa: E402
import cognito_stack_models  # noqa: E402,F401  (registers the Cognito models)


def _load_serializing_server():
    """scripts/moto-server.py patches werkzeug before it imports moto.server; loading it applies that patch."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "moto-server.py")
    spec = importlib.util.spec_from_file_location("moto_serializing_server", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)


def main():
    call_log_path, arguments = sys.argv[1], sys.argv[2:]
    _load_serializing_server()
    import moto.server  # noqa: PLC0415  (already imported, with the serializing run_simple bound)

    serializing = moto.server.run_simple

    def run_recording(hostname, port, application, *args, **kwargs):
        return serializing(hostname, port, call_log.recording(application, call_log_path), *args, **kwargs)

    moto.server.run_simple = run_recording
    return moto.server.main(arguments)


if __name__ == "__main__":
    sys.exit(main())
