#!/usr/bin/env python3
"""Convert a hyoka content folder into a Hugo project (bench/site).

Usage: hugo_site.py CONTENT_DIR HUGO_PROJECT_DIR

The Hugo project is multilingual (ja, en; each language under its own
contentDir) and renders the same pages as `hyoka build`:

  <lang>/index.html                        home (plans with grade counts)
  <lang>/accessibility.html
  <lang>/<plan>/index.html                 plan dashboard
  <lang>/<plan>/areas/<area>.html
  <lang>/<plan>/policies/<policy>.html     indicator table, grades, projects, commentary
  <lang>/<plan>/indicators/<policy>/<indicator>.html   SVG chart + year table
  <lang>/<plan>/projects/<project>.html
  <lang>/<plan>/{glossary,how-to-read,search,downloads}.html
  <lang>/404.html, index.html (Hugo's language redirect), sitemap.xml

The plan data is not converted: every plan's JSON files are copied verbatim to
data/<plan>/ (plan.json, divisions.json, glossary.json, policies/<id>.json),
and the templates (bench/site/hugo/layouts) look the figures up there and
compute achievement rates and grades themselves. Each page is one content file
whose front matter names the plan / policy / indicator / project it shows; the
Markdown commentary (<id>.<lang>.md, falling back to Japanese) is the page body,
rendered by Hugo's Goldmark.
"""
import json
import pathlib
import shutil
import sys

HERE = pathlib.Path(__file__).resolve().parent
THEME = HERE / "hugo"

CONFIG = """\
baseURL = "/"
title = "Plan Evaluation Reports"
defaultContentLanguage = "ja"
defaultContentLanguageInSubdir = true
uglyURLs = true
relativeURLs = true
disableKinds = ["taxonomy", "term", "RSS"]
enableRobotsTXT = false
disableHugoGeneratorInject = true

[markup.goldmark.renderer]
unsafe = false

[languages]
[languages.ja]
languageName = "日本語"
weight = 1
contentDir = "content/ja"
[languages.en]
languageName = "English"
weight = 2
contentDir = "content/en"
"""

LANGS = ("ja", "en")

UI = {
    "ja": {"accessibility": "アクセシビリティ", "glossary": "用語集", "how-to-read": "報告書の見方",
           "search": "検索・絞り込み", "downloads": "ダウンロード", "home": "計画評価レポート"},
    "en": {"accessibility": "Accessibility", "glossary": "Glossary", "how-to-read": "How to read this report",
           "search": "Search and filter", "downloads": "Downloads", "home": "Plan Evaluation Reports"},
}


def tr(text, lang):
    if text is None:
        return ""
    return text.get(lang) or text["ja"]


def front(lang_dir: pathlib.Path, rel: str, meta: dict, body: str = "") -> None:
    """One content file with JSON front matter (Hugo accepts a JSON object as front matter)."""
    path = lang_dir / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n\n" + body, encoding="utf-8")


def convert_plan(plan_dir: pathlib.Path, out: pathlib.Path) -> None:
    plan = json.loads((plan_dir / "plan.json").read_text(encoding="utf-8"))
    pid = plan["id"]
    data = out / "data" / pid
    (data / "policies").mkdir(parents=True, exist_ok=True)
    for name in ("plan.json", "divisions.json", "glossary.json"):
        if (plan_dir / name).exists():
            shutil.copyfile(plan_dir / name, data / name)
    policies = []
    for f in sorted((plan_dir / "policies").glob("*.json")):
        shutil.copyfile(f, data / "policies" / f.name)
        policies.append(json.loads(f.read_text(encoding="utf-8")))

    def md(folder: str, ident: str, lang: str) -> str:
        for candidate in (lang, "ja"):
            path = plan_dir / folder / f"{ident}.{candidate}.md"
            if path.exists():
                return path.read_text(encoding="utf-8")
        return ""

    for lang in LANGS:
        c = out / "content" / lang / pid
        ui = UI[lang]
        title = tr(plan["name"], lang)
        city = tr(plan["city"], lang)
        plan_crumb = [city, f"{pid}/index.html"]
        front(c, "_index.md", {"title": title, "type": "hyoka", "layout": "plan", "plan": pid,
                               "url": f"/{lang}/{pid}/index.html", "crumbs": []})
        for key in ("glossary", "how-to-read", "search", "downloads"):
            front(c, f"{key}.md", {"title": f"{ui[key]} | {title}", "name": ui[key], "type": "hyoka", "layout": key, "plan": pid,
                                   "crumbs": [plan_crumb]})
        areas = {}
        for area in plan["areas"]:
            areas[area["id"]] = area
            front(c, f"areas/{area['id']}.md", {"title": f"{tr(area['name'], lang)} | {title}", "name": tr(area["name"], lang), "type": "hyoka",
                                                "layout": "area", "plan": pid, "area": area["id"], "crumbs": [plan_crumb]})
        for p in policies:
            ptitle = f"{p['number']} {tr(p['name'], lang)}"
            crumbs = [plan_crumb]
            if p["area"] in areas:
                crumbs.append([tr(areas[p["area"]]["name"], lang), f"{pid}/areas/{p['area']}.html"])
            desc = tr(p.get("target_state"), lang) or title
            front(c, f"policies/{p['id']}.md", {"title": f"{ptitle} | {title}", "name": ptitle, "description": desc, "type": "hyoka", "layout": "policy",
                                                "plan": pid, "policy": p["id"], "crumbs": crumbs},
                  md("policies", p["id"], lang))
            crumbs = crumbs + [[ptitle, f"{pid}/policies/{p['id']}.html"]]
            for ind in p.get("indicators", []):
                front(c, f"indicators/{p['id']}/{ind['id']}.md",
                      {"title": f"{tr(ind['name'], lang)} | {ptitle}", "name": tr(ind["name"], lang), "description": desc, "type": "hyoka",
                       "layout": "indicator", "plan": pid, "policy": p["id"], "indicator": ind["id"], "crumbs": crumbs})
            for proj in p.get("projects", []):
                front(c, f"projects/{proj['id']}.md",
                      {"title": f"{tr(proj['name'], lang)} | {ptitle}", "name": tr(proj["name"], lang), "description": desc, "type": "hyoka",
                       "layout": "project", "plan": pid, "policy": p["id"], "project": proj["id"], "crumbs": crumbs},
                      md("projects", proj["id"], lang))


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    content, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    if out.exists():
        if not (out / "config.toml").exists():
            print(f"{out}: exists and is not a Hugo project written by this script", file=sys.stderr)
            return 2
        shutil.rmtree(out)
    out.mkdir(parents=True)
    (out / "config.toml").write_text(CONFIG, encoding="utf-8")
    shutil.copytree(THEME / "layouts", out / "layouts")
    shutil.copytree(THEME / "i18n", out / "i18n")
    # The same static assets hyoka copies (CSS, JS, favicon).
    assets = HERE.parent.parent / "assets"
    if assets.is_dir():
        shutil.copytree(assets, out / "static" / "assets")
    for lang in LANGS:
        c = out / "content" / lang
        front(c, "_index.md", {"title": UI[lang]["home"]})
        front(c, "accessibility.md", {"title": UI[lang]["accessibility"], "type": "hyoka", "layout": "accessibility",
                                      "crumbs": []})
    plans = sorted(p.parent for p in content.glob("*/plan.json"))
    for plan_dir in plans:
        convert_plan(plan_dir, out)
    print(f"{out}: {len(plans)} plans")
    return 0


if __name__ == "__main__":
    sys.exit(main())
