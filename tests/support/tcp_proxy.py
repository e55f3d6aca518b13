"""A TCP proxy a test switches off and on, in front of a real server (the search server).

``down()`` closes the listening socket and every open connection: a client's next
request is refused, as by a server that has gone away. ``up()`` listens again on the same
port and forwards each connection to the server behind.
"""

import socket
import threading
from urllib.parse import urlsplit


class TcpProxy:
    def __init__(self, upstream_url):
        parts = urlsplit(upstream_url)
        self.scheme = parts.scheme or "http"
        self.upstream = (parts.hostname, parts.port or 80)
        self.port = None
        self._listener = None
        self._open = set()
        self._lock = threading.Lock()
        self.up()

    @property
    def url(self):
        return f"{self.scheme}://127.0.0.1:{self.port}"

    def up(self):
        """Listen (on the same port as before) and forward every connection."""
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port or 0))
        listener.listen(50)
        self.port = listener.getsockname()[1]
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def down(self):
        """Refuse new connections and cut the open ones."""
        listener, self._listener = self._listener, None
        if listener is not None:
            # shutdown wakes the thread blocked in accept(); close alone would not.
            try:
                listener.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            listener.close()
        with self._lock:
            for sock in self._open:
                _close(sock)
            self._open.clear()

    close = down

    def _accept(self, listener):
        while True:
            try:
                client, _address = listener.accept()
            except OSError:
                return
            if listener is not self._listener:
                _close(client)
                return
            try:
                server = socket.create_connection(self.upstream, timeout=5)
            except OSError:
                _close(client)
                continue
            server.settimeout(None)
            with self._lock:
                self._open.update((client, server))
            for source, target in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(source, target), daemon=True).start()

    def _pump(self, source, target):
        try:
            while data := source.recv(65536):
                target.sendall(data)
        except OSError:
            pass
        finally:
            with self._lock:
                self._open.difference_update((source, target))
            _close(source)
            _close(target)


def _close(sock):
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    sock.close()
