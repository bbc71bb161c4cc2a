"""A minimal Bolt 4.4 server for error tests: the real driver connects to it, and it answers the
way Neo4j answers a wrong password, a missing database or a violated constraint.

It accepts every message; `fail` decides which one gets a FAILURE (code, message) instead of
SUCCESS. After a FAILURE it ignores everything until RESET, as Neo4j does. No records are ever
returned.
"""
from __future__ import annotations

import socket
import struct
import threading

from neo4j._codec.packstream.v1 import PackableBuffer, Packer

HELLO, GOODBYE, RESET, RUN = 0x01, 0x02, 0x0F, 0x10
SUCCESS, IGNORED, FAILURE = 0x70, 0x7E, 0x7F
UNAUTHORIZED = ("Neo.ClientError.Security.Unauthorized", "The client is unauthorized due to authentication failure.")
NO_DATABASE = ("Neo.ClientError.Database.DatabaseNotFound", "Database does not exist. Database name: 'policy'.")
CONSTRAINT = ("Neo.ClientError.Schema.ConstraintValidationFailed",
              "Node(12) already exists with label `Agency` and property `agency_id` = 'a1'")


def packed(signature: int, fields: list) -> bytes:
    buffer = PackableBuffer()
    Packer(buffer).pack_struct(bytes([signature]), fields)
    data = bytes(buffer.data)
    return struct.pack(">H", len(data)) + data + b"\x00\x00"


def read_message(conn: socket.socket) -> bytes | None:
    data = b""
    while True:
        head = recv_exact(conn, 2)
        if head is None:
            return None
        size = struct.unpack(">H", head)[0]
        if size == 0:
            return data
        data += recv_exact(conn, size) or b""


def recv_exact(conn: socket.socket, n: int) -> bytes | None:
    data = b""
    while len(data) < n:
        chunk = conn.recv(n - len(data))
        if not chunk:
            return None
        data += chunk
    return data


class BoltServer:
    """`fail(signature, message bytes) -> (code, text) | None`; `address` is bolt://127.0.0.1:PORT."""

    def __init__(self, fail):
        self.fail = fail
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen()
        self.address = f"bolt://127.0.0.1:{self.listener.getsockname()[1]}"
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self) -> None:
        while True:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self.serve, args=(conn,), daemon=True).start()

    def serve(self, conn: socket.socket) -> None:
        with conn:
            if recv_exact(conn, 20) is None:
                return
            conn.sendall(b"\x00\x00\x04\x04")
            failed = False
            while (message := read_message(conn)) is not None:
                signature = message[1]
                if signature == GOODBYE:
                    return
                if signature == RESET:
                    failed = False
                    conn.sendall(packed(SUCCESS, [{}]))
                elif failed:
                    conn.sendall(packed(IGNORED, []))
                elif failure := self.fail(signature, message):
                    failed = True
                    conn.sendall(packed(FAILURE, [{"code": failure[0], "message": failure[1]}]))
                else:
                    meta = {"server": "Neo4j/4.4.0", "connection_id": "bolt-1"} if signature == HELLO else {}
                    conn.sendall(packed(SUCCESS, [{**meta, "fields": []} if signature == RUN else meta]))

    def close(self) -> None:
        self.listener.close()
