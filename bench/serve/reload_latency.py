#!/usr/bin/env python3
"""hyoka serve: from saving one policy file to the reload message an open page
receives (the Server-Sent Event on /__hyoka/events), on the sample content.

A site is made from the repository's content/ (all four sample plans) in a
scratch folder; `hyoka serve --port 0` runs there, this script listens to the
event stream as a page does, saves 1-1-2.json of the Setagaya plan with one
actual changed (226 <-> 227, a real correction's size), and takes the time
from the end of the write to the event. With PDFs (the default: the pages
are rebuilt and the page reloads, then the plan's 48 sheets and booklets are
rendered again) and with --no-pdf. Each save waits for the previous build's
PDFs, as an editor's pace would.

Usage: bench/serve/reload_latency.py --hyoka build/generator/cli/hyoka [--saves 10]
"""
import argparse
import http.client
import os
import pathlib
import re
import shutil
import signal
import statistics
import subprocess
import tempfile
import threading
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]


class Events:
    """The reload messages of /__hyoka/events, with their arrival times."""

    def __init__(self, port):
        self.condition = threading.Condition()
        self.messages = []  # (monotonic time, generation)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        connection.request("GET", "/__hyoka/events")
        self.response = connection.getresponse()
        threading.Thread(target=self.read, daemon=True).start()

    def read(self):
        for raw in self.response:
            line = raw.decode().strip()
            if line.startswith("data: "):
                with self.condition:
                    self.messages.append((time.monotonic(), int(line[6:])))
                    self.condition.notify_all()

    def after(self, count, timeout=60):
        with self.condition:
            self.condition.wait_for(lambda: len(self.messages) > count, timeout)
            if len(self.messages) <= count:
                raise SystemExit("no reload message within %d s" % timeout)
            return self.messages[count]


def measure(hyoka, site, saves, extra):
    serve = subprocess.Popen([hyoka, "serve", "--port", "0", *extra], cwd=site, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True)
    log = []
    port = None
    for line in serve.stdout:
        log.append(line)
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if match:
            port = int(match.group(1))
            break
    threading.Thread(target=lambda: log.extend(serve.stdout), daemon=True).start()
    pdfs = "--no-pdf" not in extra

    def wait_for_pdfs(count):
        """Until the serve has written `count` PDF steps (the next save comes after)."""
        deadline = time.time() + 120
        while sum("PDFs in" in line for line in list(log)) < count and time.time() < deadline:
            time.sleep(0.02)
    events = Events(port)
    events.after(0)  # the generation at connection
    if pdfs:
        wait_for_pdfs(1)  # the first build's
    policy = site / "content/setagaya/policies/1-1-2.json"
    original = policy.read_text(encoding="utf-8")
    changed = original.replace('"actual": 226', '"actual": 227', 1)
    latencies = []
    for i in range(saves):
        time.sleep(0.3)  # an editor's pace, after the previous build (and its PDFs) is done
        text = changed if i % 2 == 0 else original
        with open(policy, "w", encoding="utf-8") as f:
            f.write(text)
        saved = time.monotonic()
        arrived, _ = events.after(i + 1)
        latencies.append((arrived - saved) * 1000)
        if pdfs:
            wait_for_pdfs(i + 2)
    serve.send_signal(signal.SIGINT)
    serve.wait(timeout=60)
    policy.write_text(original, encoding="utf-8")
    built = [int(m.group(1)) for m in (re.search(r"built in (\d+) ms", l) for l in log[2:]) if m]
    pdf_steps = [int(m.group(1)) for m in (re.search(r"PDFs in (\d+) ms", l) for l in log[2:]) if m]
    return latencies, built, pdf_steps


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hyoka", default=str(ROOT / "build/generator/cli/hyoka"))
    parser.add_argument("--saves", type=int, default=10)
    args = parser.parse_args()
    hyoka = str(pathlib.Path(args.hyoka).resolve())
    work = pathlib.Path(tempfile.mkdtemp(prefix="hyoka-serve-bench-"))
    try:
        site = work / "site"
        shutil.copytree(ROOT / "content", site / "content")
        (site / "hyoka.json").write_text('{"title": {"ja": "行政評価レポート"}}', encoding="utf-8")
        print(f"sample content: {len(list((site / 'content').glob('*/plan.json')))} plans; "
              f"load average {os.getloadavg()[0]:.2f}, {os.cpu_count()} cores")
        for label, extra in (("with PDFs", []), ("--no-pdf", ["--no-pdf"])):
            latencies, built, pdf_steps = measure(hyoka, site, args.saves, extra)
            print(f"{label:10} save -> reload message: median {statistics.median(latencies):.0f} ms, "
                  f"min {min(latencies):.0f}, max {max(latencies):.0f} ms over {len(latencies)} saves "
                  f"(the pages step alone: median {statistics.median(built):.0f} ms"
                  + (f"; then the plan's PDFs: median {statistics.median(pdf_steps):.0f} ms)" if pdf_steps else ")"))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
