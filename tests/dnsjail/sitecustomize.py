"""Test DNS for the processes a test starts with ``PYTHONPATH=tests/dnsjail``
(Python imports ``sitecustomize`` at start-up).

Names in ``TEST_DNS_ANSWERS`` (JSON: name -> list of addresses) resolve, on
their n-th lookup counted across every process, to the n-th address of their
list (the last one from then on): a name can answer a public address first
and loopback later, as a DNS-rebinding attacker's server does, without a
packet leaving the machine. Lookups are counted in files under
``TEST_DNS_STATE`` (one dot per lookup), which tests read. Other names
resolve as before."""

import fcntl
import json
import os
import socket

_ANSWERS = json.loads(os.environ.get("TEST_DNS_ANSWERS") or "{}")


def _install(answers: dict, state: str) -> None:
    real_gethostbyname = socket.gethostbyname
    real_getaddrinfo = socket.getaddrinfo

    def answer(name):
        if not isinstance(name, str):
            return None
        sequence = answers.get(name.lower().rstrip("."))
        if not sequence:
            return None
        with open(os.path.join(state, name.lower().rstrip(".")), "a+") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            fh.seek(0)
            n = len(fh.read())
            fh.write(".")
        return sequence[min(n, len(sequence) - 1)]

    def gethostbyname(name):
        return answer(name) or real_gethostbyname(name)

    def getaddrinfo(host, *args, **kwargs):
        return real_getaddrinfo(answer(host) or host, *args, **kwargs)

    socket.gethostbyname = gethostbyname
    socket.getaddrinfo = getaddrinfo


if _ANSWERS:
    _install(_ANSWERS, os.environ["TEST_DNS_STATE"])
