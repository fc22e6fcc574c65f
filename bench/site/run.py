#!/usr/bin/env python3
"""hyoka vs Hugo on the same synthetic content (bench/site, issue 6).

Usage:
  run.py [--sizes 1000,10000,100000] [--seed 1] [--work DIR] [--keep DIR]
         [--hyoka PATH] [--hugo PATH] [--jobs 2] [--repeat 1] [--no-pdf]
         [--baseline PATH --baseline-files DIR]

--baseline adds a second hyoka binary (e.g. the build before a change) to the
same run, built with the templates and assets of its own commit
(--baseline-files: a folder holding its templates/ and assets/, e.g. from
`git archive COMMIT templates assets | tar -x -C DIR`), reported as
"hyoka-baseline" beside the current one.

For each size (target number of HTML pages) it
  1. picks the number of synthetic plans (synth.py, about 1,220 pages a plan)
     whose page count comes closest to the size,
  2. checks the content once with `hyoka check` (must report 0 errors),
  3. builds it with `hyoka build DIR --out X --no-pdf --quiet --jobs 2`,
  4. converts it with hugo_site.py and builds it with `hugo --quiet`
     (Hugo uses every core by default; GOMAXPROCS is not touched),
  5. builds it again with hyoka WITH PDFs (`--jobs 2 --quiet`), unless --no-pdf,
measuring each build's wall time, peak RSS (os.wait4 rusage of the process),
HTML pages written and output bytes, and prints a Markdown table. Content,
outputs and results.json go to --work (default /tmp/hyoka-bench-site); outputs
are deleted after each build unless --keep DIR is given (then they are moved
there). Only the build commands are timed, not synth.py or hugo_site.py.
"""
import argparse
import datetime
import json
import os
import pathlib
import platform
import shutil
import subprocess
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
PY = sys.executable


def log(*args):
    print(*args, file=sys.stderr, flush=True)


def measure(cmd, cwd=None):
    """Runs cmd; returns (wall seconds, CPU seconds, peak RSS bytes, exit status, stderr tail)."""
    err_path = pathlib.Path(os.environ.get("TMPDIR", "/tmp")) / f"bench-site-{os.getpid()}.stderr"
    with open(err_path, "wb") as err:
        start = time.monotonic()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.monotonic() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    tail = err_path.read_text(encoding="utf-8", errors="replace")[-3000:]
    err_path.unlink()
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024, proc.returncode, tail


def tree_stats(root: pathlib.Path):
    html = pdf = files = size = html_bytes = 0
    paths = set()
    for dirpath, _, names in os.walk(root):
        for name in names:
            path = pathlib.Path(dirpath) / name
            files += 1
            size += path.stat().st_size
            if name.endswith(".html"):
                html += 1
                html_bytes += path.stat().st_size
                paths.add(str(path.relative_to(root)))
            elif name.endswith(".pdf"):
                pdf += 1
    return {"html": html, "pdf": pdf, "files": files, "bytes": size, "html_bytes": html_bytes, "paths": paths}


def plan_pages(plan_dir: pathlib.Path) -> int:
    """HTML pages hyoka writes for one plan (both languages): see generator/site/README.md."""
    plan = json.loads((plan_dir / "plan.json").read_text(encoding="utf-8"))
    per_lang = 1 + len(plan["areas"]) + 4  # dashboard, areas, glossary/how-to-read/search/downloads
    for f in (plan_dir / "policies").glob("*.json"):
        p = json.loads(f.read_text(encoding="utf-8"))
        per_lang += 1 + len(p.get("indicators", [])) + len(p.get("projects", []))
    return 2 * per_lang


SITE_PAGES = 6  # index.html, 404.html, {ja,en}/index.html, {ja,en}/accessibility.html


def loadavg():
    try:
        return os.getloadavg()[0]
    except OSError:
        return None


def machine():
    cpu = "?"
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "?"
    try:
        for line in open("/proc/meminfo", encoding="utf-8"):
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.0f} GiB"
    except OSError:
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "memory": mem, "kernel": platform.release()}


def version(cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, check=False).stdout.strip().splitlines()[0]
    except (OSError, IndexError):
        return "?"


def fmt_int(n):
    return f"{n:,}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1000,10000,100000", help="target HTML page counts, comma-separated")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--work", type=pathlib.Path, default=pathlib.Path("/tmp/hyoka-bench-site"))
    ap.add_argument("--keep", type=pathlib.Path, help="move every output here instead of deleting it")
    ap.add_argument("--outputs", type=pathlib.Path, help="where the builds write (default: --work); e.g. /dev/shm "
                    "to take the disk out of the measurement")
    ap.add_argument("--hyoka", type=pathlib.Path, default=ROOT / "build-bench" / "generator" / "cli" / "hyoka")
    ap.add_argument("--hugo", default=shutil.which("hugo") or "/usr/bin/hugo")
    ap.add_argument("--jobs", type=int, default=2, help="hyoka --jobs (default 2, this machine's cores)")
    ap.add_argument("--repeat", type=int, default=1, help="builds per tool and size; the fastest is reported")
    ap.add_argument("--no-pdf", action="store_true", help="skip the hyoka-with-PDFs builds")
    ap.add_argument("--baseline", type=pathlib.Path, help="a second hyoka binary to build the same sizes (before/after)")
    ap.add_argument("--baseline-files", type=pathlib.Path, help="templates/ and assets/ of the --baseline binary's commit")
    ap.add_argument("--exclude", default="", help="plan ids to leave out, comma-separated (e.g. s0080, which trips "
                    "a PDF bug in hyoka as of 2026-11-20); later plans take their place")
    args = ap.parse_args()
    if args.baseline and not (args.baseline_files and (args.baseline_files / "templates").is_dir()):
        log("--baseline needs --baseline-files DIR holding that commit's templates/ and assets/")
        return 2
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    exclude = {s.strip() for s in args.exclude.split(",") if s.strip()}
    if not args.hyoka.exists():
        log(f"{args.hyoka}: not found; build it: cmake -S {ROOT} -B {ROOT}/build-bench -DCMAKE_BUILD_TYPE=Release "
            f"&& cmake --build {ROOT}/build-bench -j2")
        return 2
    args.work.mkdir(parents=True, exist_ok=True)
    if args.outputs:
        args.outputs.mkdir(parents=True, exist_ok=True)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)

    # One synthetic corpus large enough for the biggest size; plans are prefix-stable
    # (plan k depends only on seed and k), so each size takes the first N plans.
    corpus = args.work / f"corpus-seed{args.seed}"
    want = max(sizes)
    pages = []
    n = 0
    while True:
        n = max(n + 1, int(want / 1150) + 2 + len(exclude)) if not pages else n + 4
        if not (corpus / f"s{n:04d}" / "plan.json").exists():
            log(f"synth: {n} plans into {corpus}")
            subprocess.run([PY, str(HERE / "synth.py"), str(corpus), "--plans", str(n), "--seed", str(args.seed)], check=True)
        plan_ids = [f"s{k:04d}" for k in range(1, n + 1) if f"s{k:04d}" not in exclude]
        pages = [plan_pages(corpus / pid) for pid in plan_ids]
        if sum(pages) + SITE_PAGES >= want:
            break

    # A snapshot of templates/ and assets/, so edits made while the benchmark runs cannot mix versions.
    snapshot = args.work / "hyoka-files"
    if snapshot.exists():
        shutil.rmtree(snapshot)
    shutil.copytree(ROOT / "templates", snapshot / "templates")
    shutil.copytree(ROOT / "assets", snapshot / "assets")

    results = {"date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"), "machine": machine(),
               "hugo": version([args.hugo, "version"]), "seed": args.seed,
               "exclude": sorted(exclude), "outputs": str(args.outputs or args.work), "jobs": args.jobs, "runs": []}

    for size in sizes:
        best_n, best_diff, total = 1, None, SITE_PAGES
        for k, count in enumerate(pages, 1):
            total += count
            if best_diff is None or abs(total - size) < best_diff:
                best_n, best_diff = k, abs(total - size)
        expected = SITE_PAGES + sum(pages[:best_n])
        content = args.work / f"content-{size}"
        if content.exists():
            shutil.rmtree(content)
        content.mkdir()
        shutil.copytree(corpus / "schema", content / "schema")
        chosen = plan_ids[:best_n]
        for pid in chosen:
            os.symlink(corpus / pid, content / pid)
        log(f"== size {size}: {best_n} plans, {expected} pages expected")

        check = subprocess.run([str(args.hyoka), "check"] + [str(content / pid) for pid in chosen],
                               capture_output=True, text=True)
        check_errors = check.stdout.count(": error:") + check.stderr.count(": error:")
        log(f"hyoka check: exit {check.returncode}, {check_errors} errors")

        hugo_project = args.work / f"hugo-{size}"
        t0 = time.monotonic()
        subprocess.run([PY, str(HERE / "hugo_site.py"), str(content), str(hugo_project)], check=True,
                       stdout=subprocess.DEVNULL)
        convert_s = time.monotonic() - t0

        builds = [("hyoka", False)] + ([("hyoka-baseline", False)] if args.baseline else []) + [("hugo", False)] + (
            [] if args.no_pdf else [("hyoka", True)])
        paths = {}
        for tool, pdf in builds:
            label = "hyoka+pdf" if pdf else tool
            best = None
            for r in range(args.repeat):
                out = (args.outputs or args.work) / f"out-{label}-{size}"
                if out.exists():
                    shutil.rmtree(out)
                if tool.startswith("hyoka"):
                    binary, files = (args.baseline, args.baseline_files) if tool == "hyoka-baseline" else (args.hyoka, snapshot)
                    cmd = [str(binary), "build", str(content), "--out", str(out)] + ([] if pdf else ["--no-pdf"]) + [
                        "--quiet", "--jobs", str(args.jobs),
                        "--templates", str(files / "templates"), "--assets", str(files / "assets")]
                    cwd = files
                else:
                    cmd = [args.hugo, "--quiet", "-s", str(hugo_project), "-d", str(out)]
                    cwd = hugo_project
                load = loadavg()
                log(f"{label} run {r + 1}: {' '.join(cmd)} (load {load})")
                wall, cpu, rss, code, err = measure(cmd, cwd)
                stats = tree_stats(out) if out.exists() else {"html": 0, "pdf": 0, "files": 0, "bytes": 0, "html_bytes": 0,
                                                              "paths": set()}
                log(f"  {wall:.2f} s wall, {cpu:.2f} s CPU, {rss / 2**20:.0f} MiB, exit {code}, {stats['html']} html, {stats['pdf']} pdf")
                if code != 0:
                    log(err)
                run = {"size": size, "plans": best_n, "tool": label, "wall_s": round(wall, 3), "cpu_s": round(cpu, 3), "peak_rss": rss,
                       "exit": code, "html": stats["html"], "pdf": stats["pdf"], "files": stats["files"],
                       "bytes": stats["bytes"], "html_bytes": stats["html_bytes"], "load_before": load, "stderr_tail": err[-500:] if code else ""}
                if best is None or (code == 0 and wall < best["wall_s"]):
                    best = run
                    paths[label] = stats["paths"]
                if args.keep and r == args.repeat - 1:
                    dest = args.keep / out.name
                    if dest.exists():
                        shutil.rmtree(dest)
                    shutil.move(str(out), dest)
                elif out.exists():
                    shutil.rmtree(out)
            best["check_errors"] = check_errors
            best["expected_pages"] = expected
            best["convert_s"] = round(convert_s, 2) if label == "hugo" else None
            results["runs"].append(best)
        if "hyoka" in paths and "hugo" in paths:
            only_hyoka = sorted(paths["hyoka"] - paths["hugo"])
            only_hugo = sorted(paths["hugo"] - paths["hyoka"])
            results.setdefault("page_set_diff", {})[str(size)] = {"only_hyoka": only_hyoka[:20], "only_hyoka_count": len(only_hyoka),
                                                                  "only_hugo": only_hugo[:20], "only_hugo_count": len(only_hugo)}
            log(f"pages only in hyoka: {len(only_hyoka)} {only_hyoka[:5]}; only in Hugo: {len(only_hugo)} {only_hugo[:5]}")
        if not args.keep:
            shutil.rmtree(hugo_project, ignore_errors=True)

    (args.work / "results.json").write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    (args.work / "results.md").write_text(table(results) + "\n", encoding="utf-8")
    print(table(results))
    return 0 if all(r["exit"] == 0 for r in results["runs"]) else 1


def table(results) -> str:
    m = results["machine"]
    lines = [f"{results['date']} · {m['cpu']} · {m['cores']} cores · {m['memory']} · {results['hugo']} · "
             f"hyoka --jobs {results['jobs']} · seed {results['seed']}"
             + (f" · excluded {', '.join(results['exclude'])}" if results.get("exclude") else "")
             + f" · outputs in {results.get('outputs')}", "",
             "| size | plans | tool | HTML pages | PDFs | wall s | CPU s | pages/s | sheets/s | peak RSS MiB | output MiB | "
             "avg page KiB | time hyoka ÷ Hugo | load |",
             "|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    by = {(r["size"], r["tool"]): r for r in results["runs"]}
    for r in results["runs"]:
        hugo = by.get((r["size"], "hugo"))
        ratio = ""
        if r["tool"] != "hugo" and hugo and hugo["wall_s"] > 0:
            ratio = f"{r['wall_s'] / hugo['wall_s']:.2f}"
        sheets = f"{r['pdf'] / r['wall_s']:,.0f}" if r["pdf"] else ""
        status = "" if r["exit"] == 0 else f" (exit {r['exit']})"
        avg = r["html_bytes"] / r["html"] / 1024 if r["html"] else 0
        load = "" if r["load_before"] is None else f"{r['load_before']:.1f}"
        lines.append(f"| {fmt_int(r['size'])} | {r['plans']} | {r['tool']}{status} | {fmt_int(r['html'])} | "
                     f"{fmt_int(r['pdf']) if r['pdf'] else ''} | {r['wall_s']:.2f} | {r['cpu_s']:.2f} | "
                     f"{r['html'] / r['wall_s']:,.0f} | {sheets} | {r['peak_rss'] / 2**20:,.0f} | "
                     f"{r['bytes'] / 2**20:,.1f} | {avg:.1f} | {ratio} | {load} |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
