"""A local SMTP server for the recruiting tests (Debian's python3-aiosmtpd).

Writes each message it accepts to FOLDER/NNNN.eml (an "X-Envelope-To:" line, then the message as
received) and prints "ready" once it listens. Recipients whose local part is "refused" are
refused for good (550), "busy" for now (451). With --user and --password it requires AUTH LOGIN
or PLAIN with them (over plain text: the tests talk to it on the loopback). Runs until SIGTERM or SIGINT.
"""
import argparse
import logging
import os
import signal
import sys
import threading
import warnings

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult


class FolderHandler:
    def __init__(self, folder):
        self.folder = folder
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@")[0]
        if local == "refused":
            return "550 5.1.1 no such mailbox here"
        if local == "busy":
            return "451 4.3.0 mailbox busy, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        path = os.path.join(self.folder, "%04d.eml" % self.count)
        with open(path + ".part", "wb") as out:
            out.write(("X-Envelope-To: " + ",".join(envelope.rcpt_tos) + "\r\n").encode())
            out.write(envelope.original_content or envelope.content)
        os.rename(path + ".part", path)
        return "250 2.0.0 accepted"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--folder", required=True)
    parser.add_argument("--user")
    parser.add_argument("--password")
    args = parser.parse_args()
    # Quiet: the test's output is for the test.
    logging.getLogger("mail.log").setLevel(logging.CRITICAL)
    warnings.simplefilter("ignore")

    options = {}
    if args.user:
        def authenticate(server, session, envelope, mechanism, auth_data):
            ok = (auth_data.login.decode() == args.user and
                  auth_data.password.decode() == args.password)
            return AuthResult(success=ok, handled=False)
        options = dict(authenticator=authenticate, auth_required=True,
                       auth_require_tls=False)
    controller = Controller(FolderHandler(args.folder), hostname="127.0.0.1", port=args.port,
                            **options)
    controller.start()
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    print("ready", flush=True)
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    sys.exit(main())
