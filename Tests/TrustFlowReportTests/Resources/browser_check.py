#!/usr/bin/env python3
"""Open an HTML file in headless Chromium the way a reader would, and report what happened.

    browser_check.py PAGE.html SCREENSHOT.png

Serves PAGE's directory on loopback and sends every browser request through a logging proxy,
so a request for any resource other than the page itself is seen. Prints one JSON object:
{"consoleMessages": [...], "pageRequests": [...], "screenshot": {"width", "height", "colors": {"#rrggbb": count}}}.
Chromium's own background traffic (update checks, sign-in) is switched off by flags and
ignored if it still happens; everything else counts.
"""
import http.server
import json
import os
import re
import socketserver
import struct
import subprocess
import sys
import threading
import zlib

BROWSER_HOSTS = re.compile(r"(^|\.)(google\.com|googleapis\.com|gvt1\.com|gstatic\.com)(:\d+)?$")


def serve(directory, requests):
    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=directory, **kwargs)

        def log_message(self, format, *args):
            pass

        def record(self):
            requests.append(self.command + " " + self.path)

        def do_GET(self):
            self.record()
            if self.path.startswith("http://127.0.0.1:"):
                self.path = "/" + self.path.split("/", 3)[3]
                return super().do_GET()
            self.send_error(404)

        def do_CONNECT(self):
            self.record()
            self.send_error(404)

        do_POST = do_CONNECT

    socketserver.TCPServer.allow_reuse_address = True
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def png_colors(path):
    """Count the pixels of each colour in an 8-bit RGB or RGBA PNG (what Chromium writes)."""
    data = open(path, "rb").read()
    position, chunks = 8, []
    width = height = 0
    channels = 4
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        body = data[position + 8:position + 8 + length]
        if kind == b"IHDR":
            width, height, depth, color_type = struct.unpack(">IIBB", body[:10])
            channels = {2: 3, 6: 4}[color_type]
        elif kind == b"IDAT":
            chunks.append(body)
        position += 12 + length
    raw = zlib.decompress(b"".join(chunks))
    stride = width * channels
    previous = bytearray(stride)
    counts = {}
    offset = 0
    for _ in range(height):
        kind = raw[offset]
        line = bytearray(raw[offset + 1:offset + 1 + stride])
        offset += 1 + stride
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                predictor = left if pa <= pb and pa <= pc else (up if pb <= pc else corner)
                line[i] = (line[i] + predictor) & 255
        for i in range(0, stride, channels):
            key = "#%02x%02x%02x" % (line[i], line[i + 1], line[i + 2])
            counts[key] = counts.get(key, 0) + 1
        previous = line
    return width, height, counts


def main():
    page, screenshot = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    requests = []
    server = serve(os.path.dirname(page), requests)
    port = server.server_address[1]
    url = "http://127.0.0.1:%d/%s" % (port, os.path.basename(page))
    command = [
        "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-default-apps",
        "--disable-client-side-phishing-detection", "--disable-features=OptimizationHints,MediaRouter,Translate",
        "--enable-logging=stderr", "--v=0", "--window-size=1280,1800",
        "--proxy-server=http://127.0.0.1:%d" % port, "--proxy-bypass-list=<-loopback>",
        "--screenshot=" + screenshot, url,
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    server.shutdown()
    console = [line for line in result.stderr.splitlines() if ":CONSOLE" in line]
    page_requests = []
    for request in requests:
        method, target = request.split(" ", 1)
        host = target.split("/")[2] if target.startswith("http") else target
        if target == url or BROWSER_HOSTS.search(host):
            continue
        page_requests.append(request)
    width, height, colors = png_colors(screenshot) if os.path.exists(screenshot) else (0, 0, {})
    print(json.dumps({
        "status": result.returncode, "consoleMessages": console, "pageRequests": page_requests,
        "loadedPage": any(r == "GET " + url for r in requests),
        "screenshot": {"width": width, "height": height, "colors": {k: v for k, v in colors.items() if v >= 20}},
    }))


if __name__ == "__main__":
    main()
