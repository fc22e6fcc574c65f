#!/usr/bin/env python3
"""hyoka serve in a real browser (Debian's headless Chromium, driven over the
DevTools protocol with python3-websocket): an open page reloads itself after a
save and shows the change; a broken save puts the error overlay (file:line,
what, fix) over the last good page; its close button hides it; the fix removes it.

Usage: serve_browser_test.py HYOKA SOURCE_DIR [--screenshots DIR]
"""
import json
import os
import pathlib
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import websocket

CHROMIUM = os.environ.get("HYOKA_CHROMIUM", "/usr/bin/chromium")


def wait_for_line(stream, pattern, timeout=60):
    """The first match of pattern in the lines of a process's output."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        line = stream.readline()
        if not line:
            time.sleep(0.05)
            continue
        match = re.search(pattern, line)
        if match:
            return match
    raise AssertionError(f"no line matching {pattern!r} within {timeout} s")


class Page:
    """One browser tab over the DevTools protocol."""

    def __init__(self, browser_ws, url):
        # No Origin header: Chromium refuses DevTools connections from an origin it was not told to allow.
        self.ws = websocket.create_connection(browser_ws, timeout=30, suppress_origin=True)
        self.next_id = 0
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        self.call("Page.enable", session=True)
        self.call("Page.navigate", session=True, url=url)

    def call(self, method, session=False, **params):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = self.session
        self.ws.send(json.dumps(message))
        while True:
            reply = json.loads(self.ws.recv())
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise AssertionError(f"{method}: {reply['error']}")
                return reply.get("result", {})

    def eval(self, expression):
        result = self.call("Runtime.evaluate", session=True, expression=expression, returnByValue=True)
        return result.get("result", {}).get("value")

    def wait_until(self, expression, what, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                if self.eval(expression):
                    return
            except AssertionError:
                pass  # the page is between two loads
            time.sleep(0.1)
        raise AssertionError(f"the page did not {what} within {timeout} s")

    def screenshot(self, file):
        data = self.call("Page.captureScreenshot", session=True, format="png")["data"]
        import base64
        pathlib.Path(file).write_bytes(base64.b64decode(data))


def main():
    hyoka, source = sys.argv[1], pathlib.Path(sys.argv[2])
    shots = pathlib.Path(sys.argv[sys.argv.index("--screenshots") + 1]) if "--screenshots" in sys.argv else None
    work = pathlib.Path(tempfile.mkdtemp(prefix="hyoka-serve-browser-"))
    serve = browser = None
    try:
        site = work / "site"
        shutil.copytree(source / "content/setagaya", site / "content/setagaya")
        shutil.copytree(source / "content/schema", site / "content/schema")
        (site / "hyoka.json").write_text('{"title": {"ja": "テスト市 行政評価", "en": "Test City"}}', encoding="utf-8")
        policy = site / "content/setagaya/policies/1-1-2.json"
        good = policy.read_text(encoding="utf-8")

        serve = subprocess.Popen([hyoka, "serve", "--port", "0", "--no-pdf"], cwd=site, stdout=subprocess.PIPE,
                                 stderr=subprocess.STDOUT, text=True)
        url = wait_for_line(serve.stdout, r"(http://127\.0\.0\.1:\d+/)").group(1)
        browser = subprocess.Popen([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                                    "--disable-background-networking", "--remote-debugging-port=0",
                                    f"--user-data-dir={work / 'profile'}", "--window-size=1280,900"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        browser_ws = wait_for_line(browser.stderr, r"DevTools listening on (ws://\S+)").group(1)

        page = Page(browser_ws, url + "ja/setagaya/policies/1-1-2.html")
        page.wait_until("document.readyState === 'complete' && document.body.innerHTML.includes("
                        "'<span class=\"num\">226</span>')", "load")
        page.eval("window.stillTheSamePage = true")

        # A save: the page reloads itself (the marker is gone) and shows the new figure.
        policy.write_text(good.replace('"actual": 226', '"actual": 227', 1), encoding="utf-8")
        page.wait_until("document.readyState === 'complete' && !window.stillTheSamePage && "
                        "document.body.innerHTML.includes('<span class=\"num\">227</span>')", "reload after the save")
        assert page.eval("document.getElementById('hyoka-overlay') === null"), "an overlay without an error"
        page.eval("window.stillTheSamePage = true")

        # A broken save: reload to the last good page with the errors over it.
        policy.write_text('{\n  "id": "1-1-2",\n  "area" "1"\n}\n', encoding="utf-8")
        page.wait_until("document.readyState === 'complete' && !window.stillTheSamePage && "
                        "document.getElementById('hyoka-overlay') !== null", "show the overlay")
        overlay = page.eval("(() => { const o = document.getElementById('hyoka-overlay'); const s = getComputedStyle(o);"
                            " return {text: o.innerText, position: s.position, visible: o.offsetHeight > 0,"
                            " page: document.body.innerHTML.includes('<span class=\"num\">227</span>')}; })()")
        assert overlay["position"] == "fixed" and overlay["visible"], overlay
        assert "content/setagaya/policies/1-1-2.json:3:12" in overlay["text"], overlay["text"]
        assert "invalid JSON" in overlay["text"] and "fix: " in overlay["text"], overlay["text"]
        assert overlay["page"], "the last good page is not under the overlay"
        if shots:
            page.screenshot(shots / "serve-overlay.png")
        page.eval("document.getElementById('hyoka-overlay-close').click()")
        assert page.eval("document.getElementById('hyoka-overlay').offsetHeight === 0"), "the close button"
        page.eval("window.stillTheSamePage = true")

        # Fixed: one more reload, and the overlay is gone.
        policy.write_text(good, encoding="utf-8")
        page.wait_until("document.readyState === 'complete' && !window.stillTheSamePage && "
                        "document.getElementById('hyoka-overlay') === null && "
                        "document.body.innerHTML.includes('<span class=\"num\">226</span>')", "reload after the fix")
        if shots:
            page.screenshot(shots / "serve-fixed.png")
        print("serve in the browser: reload on save, overlay on error, close button, overlay gone after the fix: ok")
        return 0
    finally:
        if browser:
            browser.kill()
            browser.wait()
        if serve:
            serve.send_signal(signal.SIGINT)
            serve.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
