"""moto's server mode (what `moto_server` runs), with DynamoDB requests answered one at a time.

Why: moto's DynamoDB evaluates a ConditionExpression and applies the write without a lock, and `moto_server`
serves requests on many threads. Two concurrent conditional writes on one item can then both succeed: 8 parallel
`UpdateItem ... ConditionExpression: rev = :rev` calls let more than one through in about 3 rounds in 20 against
moto 5.2.1, never against DynamoDB Local or DynamoDB. The hub relies on exactly that guarantee (a transition is
conditional on the item's version, docs/architecture.md decision 4), and its integration tests race a person against a
department simulator on purpose, so on plain moto they fail now and then (a task acknowledged twice, a completion
lost). Serialising DynamoDB requests restores the guarantee; SQS stays concurrent, so long polls do not block.

    python3 scripts/ci/moto_server.py [-H 127.0.0.1] [-p 5000]

Same options and same endpoints as `moto_server -H … -p …` (moto 5.x, with its server extra).
"""

import argparse
import os
import signal
import sys
import threading

from werkzeug.serving import run_simple

from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app

_dynamodb = threading.Lock()


class SerialDynamoDB:
    """WSGI middleware: DynamoDB (and DynamoDB Streams) requests under one lock, everything else as it comes."""

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        if environ.get("HTTP_X_AMZ_TARGET", "").startswith("DynamoDB"):
            with _dynamodb:
                # The request is handled, and the write applied, before the body is read; read it under the lock too.
                return list(self.app(environ, start_response))
        return self.app(environ, start_response)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-H", "--host", default="127.0.0.1")
    parser.add_argument("-p", "--port", type=int, default=int(os.environ.get("MOTO_PORT", 5000)))
    args = parser.parse_args()
    os.environ.setdefault("MOTO_PORT", str(args.port))
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    app = DomainDispatcherApplication(create_backend_app)
    run_simple(args.host, args.port, SerialDynamoDB(app), threaded=True)


if __name__ == "__main__":
    main()
