#!/usr/bin/python3
"""Render the benchmark policy page with python3-jinja2 and compare with hyoka.

    /usr/bin/python3 bench/template/bench_jinja2.py [--hyoka PATH/TO/hyoka_template_bench] [-n 10000]

Prints Jinja2's pages/s; with --hyoka also runs the C++ benchmark on the same
template and data, checks both produce identical pages and prints the ratio.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "scripts"))
from gen_template_cases import PROJECT_FILTERS  # noqa: E402

import jinja2  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--hyoka", help="path of the hyoka_template_bench binary")
    ap.add_argument("-n", type=int, default=10000)
    args = ap.parse_args()
    templates = os.path.join(HERE, "templates")
    context_path = os.path.join(HERE, "context.json")
    context = json.load(open(context_path, encoding="utf-8"))
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates), undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(["html", "htm", "xml", "svg"], default_for_string=False, default=False))
    env.filters.update(PROJECT_FILTERS)
    tmpl = env.get_template("policy.html")
    page = tmpl.render(context)
    start = time.perf_counter()
    for _ in range(args.n):
        tmpl.render(context)
    secs = time.perf_counter() - start
    jinja_rate = args.n / secs
    print("jinja2 %s: %d pages in %.3f s = %d pages/s (%.3f ms/page)" % (jinja2.__version__, args.n, secs, jinja_rate, secs / args.n * 1e3))
    if not args.hyoka:
        return
    hy_page = subprocess.run([args.hyoka, templates, context_path, "1", "--print"], check=True, capture_output=True).stdout.decode()
    print("pages identical:", hy_page == page)
    out = subprocess.run([args.hyoka, templates, context_path, str(args.n)], check=True, capture_output=True, text=True).stdout
    print(out.strip())
    hy_rate = float(re.search(r"= (\d+) pages/s", out).group(1))
    print("ratio hyoka/jinja2: %.1fx" % (hy_rate / jinja_rate))


if __name__ == "__main__":
    main()
