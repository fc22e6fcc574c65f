#!/usr/bin/env python3
"""Seeded, deterministic synthetic content for hyoka (bench/site).

Usage: synth.py OUT_DIR --plans N [--seed S] [--policies P]

Writes OUT_DIR/schema/ (a copy of content/schema, so validate_schema.py can
check the output) and N plan folders OUT_DIR/s0001 … in hyoka's content format
(README.md, "The content format"): plan.json, divisions.json, glossary.json,
policies/<id>.json + <id>.ja.md / <id>.en.md, projects/<id>.ja.md / .en.md.

Shape of one plan: 3–5 areas, about 40 policies, about 8 indicators (two
thirds outcome, one third activity) and about 6 projects per policy, yearly
targets FY2022–FY2024 with actuals and FY2027/FY2030 targets, grades spread
over A–D plus some 集計中 (pending), project costs per year with their total,
a few cross-listed (再掲) projects and priority (重点) projects, glossary
footnotes, and Markdown commentary of a few paragraphs (lists, emphasis,
sometimes a table) in Japanese and English.

Plan k depends only on (seed, k): the same seed gives byte-identical files, and
--plans 10 is a prefix of --plans 100. Standard library only.
"""
import argparse
import json
import pathlib
import random
import shutil
import sys

HERE = pathlib.Path(__file__).resolve().parent
SCHEMA_DIR = HERE.parent.parent / "content" / "schema"

# ---------------------------------------------------------------- vocabulary
# Every entry is a (Japanese, English) pair so both languages say the same.

CITIES = [
    ("みなと", "Minato"), ("さくら", "Sakura"), ("あおば", "Aoba"), ("ひかり", "Hikari"),
    ("やまと", "Yamato"), ("みどり", "Midori"), ("ふじみ", "Fujimi"), ("かわぐち", "Kawaguchi"),
    ("はるみ", "Harumi"), ("いずみ", "Izumi"), ("つばさ", "Tsubasa"), ("こずえ", "Kozue"),
]
CITY_KIND = [("市", "City"), ("区", "City"), ("町", "Town")]

AREAS = [
    ("健康・福祉", "Health and Welfare", "誰もが健やかに安心して暮らせるまち", "A community where everyone lives in good health and security"),
    ("子ども・教育", "Children and Education", "子どもが自分らしく育つまち", "A community where every child grows up true to themselves"),
    ("安全・安心", "Safety and Security", "災害に強く、犯罪のない安全なまち", "A safe community, resilient to disasters and free of crime"),
    ("環境・都市", "Environment and Urban Development", "緑と調和した持続可能なまち", "A sustainable community in harmony with greenery"),
    ("産業・文化", "Industry and Culture", "にぎわいと文化があふれるまち", "A lively community full of culture"),
    ("行政経営", "Public Administration", "区民とともに歩む開かれた行政", "Open government that works together with residents"),
]

SUBJECTS = [
    ("地域包括ケア", "community-based integrated care"), ("子育て支援", "child-rearing support"),
    ("介護予防", "long-term care prevention"), ("障害者の地域生活", "community living for persons with disabilities"),
    ("防災訓練", "disaster drills"), ("防犯活動", "crime prevention"), ("緑化", "greening"),
    ("ごみの減量", "waste reduction"), ("再生可能エネルギー", "renewable energy"), ("公共交通", "public transport"),
    ("商店街の活性化", "revitalising shopping streets"), ("創業支援", "start-up support"),
    ("生涯学習", "lifelong learning"), ("スポーツ振興", "promoting sport"), ("文化芸術", "culture and the arts"),
    ("多文化共生", "multicultural coexistence"), ("デジタル化", "digitalisation"), ("健康づくり", "health promotion"),
    ("食育", "food education"), ("住まいの確保", "securing housing"), ("就労支援", "employment support"),
    ("学校教育", "school education"), ("放課後の居場所", "after-school places"), ("見守り活動", "community watch"),
]
POLICY_FORMS = [
    ("{s}の推進", "Promoting {s}"), ("{s}の充実", "Enhancing {s}"), ("{s}の強化", "Strengthening {s}"),
    ("{s}の体制づくり", "Building a system for {s}"), ("{s}に向けた環境整備", "Preparing the ground for {s}"),
]
PROJECT_FORMS = [
    ("{s}に関する相談窓口の運営", "Running consultation desks for {s}"),
    ("{s}の担い手の育成", "Training people to carry {s}"),
    ("{s}の普及啓発", "Raising awareness of {s}"),
    ("{s}拠点の整備", "Developing centres for {s}"),
    ("{s}に関する講座の開催", "Holding courses on {s}"),
    ("{s}の情報発信", "Publicising {s}"),
    ("{s}ネットワークの構築", "Building a network for {s}"),
    ("{s}モデル事業の実施", "Running a pilot project on {s}"),
]
# (name ja, name en, unit, kind of number: "pct" | "count")
METRICS = [
    ("{s}に満足している区民の割合", "Share of residents satisfied with {s}", "%", "pct"),
    ("{s}の認知度", "Awareness of {s}", "%", "pct"),
    ("{s}に参加したことのある区民の割合", "Share of residents who have taken part in {s}", "%", "pct"),
    ("{s}に関する相談件数", "Number of consultations on {s}", "件", "count"),
    ("{s}の利用者数", "Number of users of {s}", "人", "count"),
    ("{s}講座の開催回数", "Number of {s} courses held", "回", "count"),
    ("{s}拠点の設置数", "Number of {s} centres", "か所", "count"),
    ("{s}の協力団体数", "Number of organisations cooperating in {s}", "団体", "count"),
]
GROUPS = [("", ""), ("（若い世代）", " (young people)")]
SOURCES = [("区民意識調査", "Resident attitude survey"), ("事業実績", "Project records"), ("所管課調べ", "Division records")]
DEPARTMENTS = [
    ("保健福祉部", "Health and Welfare Department"), ("子ども家庭部", "Children and Families Department"),
    ("危機管理部", "Crisis Management Department"), ("環境部", "Environment Department"),
    ("都市整備部", "Urban Development Department"), ("産業文化部", "Industry and Culture Department"),
    ("政策経営部", "Policy and Management Department"), ("教育委員会事務局", "Board of Education Secretariat"),
]
DIVISION_FIELDS = [
    ("企画", "Planning", "kikaku"), ("推進", "Promotion", "suishin"), ("支援", "Support", "shien"),
    ("調整", "Coordination", "chosei"), ("管理", "Management", "kanri"), ("相談", "Consultation", "sodan"),
]
STEPS = [("検討", "Study"), ("設計", "Design"), ("工事", "Construction"), ("開設", "Opening"), ("運用", "Operation")]
TERMS = [
    ("アウトリーチ", "あうとりーち", "Outreach", "支援が必要であるにもかかわらず届いていない人に、行政や支援機関が積極的に働きかけること。",
     "Reaching out actively to people who need support but are not receiving it."),
    ("地域包括ケアシステム", "ちいきほうかつけあしすてむ", "Community-based integrated care system",
     "住まい・医療・介護・予防・生活支援が一体的に提供される仕組み。",
     "A system in which housing, medical care, long-term care, prevention and livelihood support are provided together."),
    ("ＫＰＩ", "けーぴーあい", "KPI", "重要業績評価指標。施策の達成度を測る指標。",
     "Key performance indicator: a measure of how far a policy has achieved its aim."),
    ("ＤＸ", "でぃーえっくす", "DX", "デジタル技術を活用して行政サービスや業務を変革すること。",
     "Digital transformation: using digital technology to transform public services and work."),
    ("ワークショップ", "わーくしょっぷ", "Workshop", "参加者が主体的に意見を出し合う会議の手法。",
     "A meeting format in which participants actively contribute their own ideas."),
    ("ＳＤＧｓ", "えすでぃーじーず", "SDGs", "持続可能な開発目標。2030年までの国際目標。",
     "Sustainable Development Goals: international goals to be met by 2030."),
    ("伴走支援", "ばんそうしえん", "Accompanying support", "相談者に寄り添い、解決まで継続して支援すること。",
     "Support that stays with the person seeking advice until the problem is solved."),
    ("協働", "きょうどう", "Collaboration", "区民・団体・事業者と行政が対等な立場で協力すること。",
     "Residents, groups, businesses and the administration working together as equals."),
    ("ハザードマップ", "はざーどまっぷ", "Hazard map", "災害による被害の想定区域を示した地図。",
     "A map showing the areas expected to be affected by a disaster."),
    ("オープンデータ", "おーぷんでーた", "Open data", "誰もが自由に利用できる形で公開されたデータ。",
     "Data published in a form anyone may freely use."),
]
# Sentences for the commentary: "{s}" is the policy subject.
SENTENCES = [
    ("{s}に対する区民の関心は年々高まっており、身近な地域での取組みが求められています。",
     "Residents' interest in {s} grows every year, and action close to home is called for."),
    ("一方で、担い手の高齢化や固定化が進み、活動の継続が課題となっています。",
     "At the same time, the people who carry the work are ageing and few new ones join, so keeping the activities going is a challenge."),
    ("令和６年度は、関係機関との連携を強化し、相談から支援までを切れ目なくつなぐ体制づくりを進めました。",
     "In FY2024 we strengthened cooperation with the agencies concerned and worked on a system that links consultation to support without gaps."),
    ("新型コロナウイルス感染症の影響により一部の事業を縮小しましたが、オンラインでの実施により参加者数は回復しつつあります。",
     "Some projects were scaled down because of COVID-19, but running them online has brought participant numbers back up."),
    ("成果指標の多くは目標を達成しましたが、若い世代への周知には引き続き課題があります。",
     "Most outcome indicators met their targets, but reaching younger people remains a challenge."),
    ("今後は、データに基づく効果検証を行い、事業の見直しと重点化を図ります。",
     "From now on we will check the effect of each project against the data and review and focus the projects accordingly."),
    ("地域の団体や事業者と協働し、区民が主体的に参加できる仕組みを整えていきます。",
     "Working with local groups and businesses, we will build ways for residents to take part on their own initiative."),
    ("デジタル技術の活用により、手続きの負担を軽減し、必要な人に必要な情報を届けます。",
     "Using digital technology, we will lighten the burden of procedures and get the right information to the people who need it."),
]
BULLETS = [
    ("相談窓口の周知", "publicising the consultation desks"), ("担い手の育成", "training the people who carry the work"),
    ("関係機関との情報共有", "sharing information with the agencies concerned"), ("オンライン手続きの拡充", "more procedures online"),
    ("拠点施設の整備", "developing the centres"), ("効果検証の実施", "checking the effect of each project"),
    ("地域団体への補助", "grants to community groups"), ("多言語での情報発信", "information in several languages"),
]

YEARS_PAST = [2022, 2023, 2024]
YEARS_FUTURE = [2027, 2030]
EVALUATION_YEAR = 2024
PROJECT_YEARS = [2024, 2025, 2026]


def text(ja, en):
    return {"ja": ja, "en": en}


def dump(path: pathlib.Path, document) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def write_text(path: pathlib.Path, body: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body, encoding="utf-8")


def round1(x: float) -> float:
    return round(x + 1e-9, 1)


# ---------------------------------------------------------------- figures

def grade_factor(rng: random.Random):
    """Actual ÷ target for the wanted grade mix; None means 集計中 (pending)."""
    r = rng.random()
    if r < 0.40:
        return rng.uniform(1.0, 1.25)   # A
    if r < 0.70:
        return rng.uniform(0.80, 0.99)  # B
    if r < 0.88:
        return rng.uniform(0.15, 0.78)  # C
    if r < 0.95:
        return 0.0                      # D (0% or less)
    return None                         # pending


def figure(kind: str, x: float):
    if kind == "pct":
        return round1(min(x, 100.0))
    return int(round(x))


def indicator(rng: random.Random, number: int, kind: str, subject, project_id: str, glossary_mark: bool, metric, group):
    name_ja, name_en, unit, numkind = metric
    name = text(name_ja.format(s=subject[0]) + group[0], name_en.format(s=subject[1]) + group[1])
    if numkind == "pct":
        base = round1(rng.uniform(10, 70))
        final = round1(min(base + rng.uniform(5, 25), 98.0))
    else:
        base = rng.randint(10, 2000)
        final = int(base * rng.uniform(1.2, 2.0))
    prefix = "o" if kind == "outcome" else "a"
    ind = {"id": f"{prefix}{number}", "kind": kind, "number": str(number), "project": project_id, "name": name}
    if rng.random() < 0.5:
        ind["description"] = text(
            f"{subject[0]}に関する{'調査結果' if numkind == 'pct' else '年間の実績値'}を集計したもの" + ("※" if glossary_mark else ""),
            f"The {'survey result' if numkind == 'pct' else 'yearly total'} for {subject[1]}" + ("*" if glossary_mark else ""))
    if rng.random() < 0.6:
        ind["source"] = text(*rng.choice(SOURCES))
    ind["unit"] = unit
    ind["baseline"] = {"value": base, "year": 2021}
    years = {}
    span = len(YEARS_PAST) + len(YEARS_FUTURE)
    for i, year in enumerate(YEARS_PAST + YEARS_FUTURE):
        step = (i + 1) / span
        target = figure(numkind, base + (final - base) * step)
        entry = {}
        if year == EVALUATION_YEAR and kind == "outcome" and rng.random() < 0.05:
            entry["target"] = {"value": target, "bound": "at_least"}
        else:
            entry["target"] = target
        if year <= EVALUATION_YEAR:
            f = grade_factor(rng)
            if f is None:
                entry["actual"] = {"pending": True} if year == EVALUATION_YEAR else figure(numkind, target * 0.95)
            else:
                entry["actual"] = figure(numkind, target * f)
                if f < 0.8 and year == EVALUATION_YEAR and kind == "outcome":
                    entry["reason"] = text(
                        f"{subject[0]}の事業の一部が延期となり、実績が目標を下回った。",
                        f"Part of the work on {subject[1]} was postponed, so the actual fell short of the target.")
            if rng.random() < 0.05:
                entry["note"] = text("※速報値", "*Preliminary figure")
        years[str(year)] = entry
    ind["years"] = years
    return ind


def project(rng: random.Random, policy_id: str, number: int, subject, divisions, cross_from, form):
    pid = f"{policy_id}-{number}"
    if cross_from is not None:
        # 再掲: repeats a project owned by an earlier policy; the page links to it.
        return {"id": pid, "number": str(number), "name": cross_from["name"], "cross_listed": cross_from["id"]}
    form_ja, form_en = form
    name_en = form_en.format(s=subject[1])
    p = {"id": pid, "number": str(number), "name": text(form_ja.format(s=subject[0]), name_en)}
    p["description"] = text(
        f"{subject[0]}を進めるため、{rng.choice(BULLETS)[0]}と{rng.choice(BULLETS)[0]}に取り組みます。",
        f"To advance {subject[1]}, we will work on {rng.choice(BULLETS)[1]} and {rng.choice(BULLETS)[1]}.")
    if rng.random() < 0.2:
        p["priority"] = True
    p["divisions"] = sorted(set(rng.sample(divisions, rng.randint(1, 2))))
    qualitative = rng.random() < 0.25
    years = {}
    costs = []
    if qualitative:
        start = rng.randint(0, 1)
        p["status"] = {"year": 2023, "value": {"text": text(*STEPS[start])}}
        p["goal"] = {"year": 2026, "value": {"text": text(*STEPS[min(start + 3, len(STEPS) - 1)])}}
        for i, year in enumerate(PROJECT_YEARS):
            entry = {"plan": {"text": text(*STEPS[min(start + 1 + i, len(STEPS) - 1)])}}
            if year == EVALUATION_YEAR:
                reached = start + 1 if rng.random() < 0.8 else start
                entry["actual"] = {"text": text(*STEPS[reached])}
            cost = rng.randint(5, 400) * 100
            entry["cost"] = cost
            costs.append(cost)
            years[str(year)] = entry
    else:
        p["unit"] = rng.choice(["回", "件", "人", "か所"])
        base = rng.randint(5, 300)
        p["status"] = {"year": 2023, "value": base}
        for i, year in enumerate(PROJECT_YEARS):
            planned = int(base * (1 + 0.1 * (i + 1)))
            entry = {"plan": planned}
            if year == EVALUATION_YEAR:
                entry["actual"] = int(planned * rng.uniform(0.6, 1.2))
            cost = rng.randint(1, 900) * 100
            entry["cost"] = cost
            costs.append(cost)
            years[str(year)] = entry
        p["goal"] = {"year": 2026, "value": int(base * 1.3)}
    p["years"] = years
    p["cost_total"] = sum(costs)
    if rng.random() < 0.1:
        p["note"] = text("※経費は見込額を含む。", "*Costs include estimates.")
    return p


# ---------------------------------------------------------------- markdown

def paragraphs(rng, subject, count):
    ja, en = [], []
    for _ in range(count):
        picks = rng.sample(SENTENCES, 3)
        ja.append("".join(s[0].format(s=subject[0]) for s in picks))
        en.append(" ".join(s[1].format(s=subject[1]) for s in picks))
    return ja, en


def emphasise(rng, ja, en, subject):
    """Bold the subject in one paragraph (both languages)."""
    i = rng.randrange(len(ja))
    ja[i] = ja[i].replace(subject[0], f"**{subject[0]}**", 1)
    en[i] = en[i].replace(subject[1], f"**{subject[1]}**", 1)


def policy_commentary(rng, subject, projects, indicators):
    pj, pe = paragraphs(rng, subject, rng.randint(2, 3))
    emphasise(rng, pj, pe, subject)
    ja = ["## 施策の現状と課題", ""] + sum(([p, ""] for p in pj), [])
    en = ["## Current state and issues", ""] + sum(([p, ""] for p in pe), [])
    bullets = rng.sample(BULLETS, rng.randint(3, 5))
    ja += ["課題への対応として、次の点に重点を置きます。", ""] + [f"- {b[0]}" for b in bullets] + [""]
    en += ["To meet these challenges we will focus on:", ""] + [f"- {b[1]}" for b in bullets] + [""]
    if rng.random() < 0.35:
        ja += ["| 指標 | 目標 | 実績 |", "|---|---:|---:|"]
        en += ["| Indicator | Target | Actual |", "|---|---:|---:|"]
        for ind in indicators[:3]:
            y = ind["years"][str(EVALUATION_YEAR)]
            t = y["target"]["value"] if isinstance(y["target"], dict) else y["target"]
            a = y.get("actual")
            a_ja = "集計中" if isinstance(a, dict) else str(a)
            a_en = "Being tallied" if isinstance(a, dict) else str(a)
            ja.append(f"| {ind['name']['ja']} | {t}{ind['unit']} | {a_ja} |")
            en.append(f"| {ind['name']['en']} | {t} {ind['unit']} | {a_en} |")
        ja.append("")
        en.append("")
    ja += ["## 主な取組み", ""]
    en += ["## Main initiatives", ""]
    for i, p in enumerate(projects[:4], 1):
        if "description" not in p:
            continue
        ja += [f"{i}. **{p['name']['ja']}**  ", f"   {p['description']['ja']}", ""]
        en += [f"{i}. **{p['name']['en']}**  ", f"   {p['description']['en']}", ""]
    pj, pe = paragraphs(rng, subject, 1)
    ja += [f"*{pj[0]}*", ""]
    en += [f"*{pe[0]}*", ""]
    return "\n".join(ja).rstrip() + "\n", "\n".join(en).rstrip() + "\n"


def project_commentary(rng, subject, p):
    pj, pe = paragraphs(rng, subject, rng.randint(1, 2))
    ja = ["## 事業の概要", ""] + sum(([x, ""] for x in pj), [])
    en = ["## Outline", ""] + sum(([x, ""] for x in pe), [])
    bullets = rng.sample(BULLETS, 3)
    ja += ["## 今年度の取組み", ""] + [f"- **{b[0]}**" for b in bullets] + [""]
    en += ["## This year's work", ""] + [f"- **{b[1]}**" for b in bullets] + [""]
    if rng.random() < 0.3:
        ja += ["| 年度 | 経費（千円） |", "|---|---:|"] + [f"| {y} | {v['cost']:,} |" for y, v in p["years"].items()] + [""]
        en += ["| Year | Cost (thousand yen) |", "|---|---:|"] + [f"| FY{y} | {v['cost']:,} |" for y, v in p["years"].items()] + [""]
    return "\n".join(ja).rstrip() + "\n", "\n".join(en).rstrip() + "\n"


# ---------------------------------------------------------------- plan

def make_plan(out: pathlib.Path, seed: int, k: int, policy_count: int) -> None:
    rng = random.Random(f"hyoka-synth/{seed}/{k}")
    pid = f"s{k:04d}"
    root = out / pid
    city = CITIES[(k - 1) % len(CITIES)]
    kind = CITY_KIND[((k - 1) // len(CITIES)) % len(CITY_KIND)]
    serial = (k - 1) // (len(CITIES) * len(CITY_KIND)) + 1
    city_ja = f"{city[0]}{kind[0]}" + (f"第{serial}" if serial > 1 else "")
    city_en = f"{city[1]} {kind[1]}" + (f" {serial}" if serial > 1 else "")

    # divisions: department × field
    divisions = []
    for d_ja, d_en in rng.sample(DEPARTMENTS, 4):
        for f_ja, f_en, f_id in rng.sample(DIVISION_FIELDS, 3):
            dept_id = d_en.split()[0].lower()
            divisions.append({
                "id": f"{dept_id}-{f_id}",
                "name": text(f"{d_ja[:2]}{f_ja}課", f"{d_en.split()[0]} {f_en} Division"),
                "department": text(d_ja, d_en),
                "phone": f"03-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}",
            })
    division_ids = [d["id"] for d in divisions]
    dump(root / "divisions.json", {"$schema": "../schema/divisions.schema.json", "divisions": divisions})

    terms = []
    for i, (t_ja, reading, t_en, d_ja, d_en) in enumerate(rng.sample(TERMS, 8), 1):
        terms.append({"id": f"term-{i}", "term": text(t_ja, t_en), "reading": reading, "definition": text(d_ja, d_en)})
    dump(root / "glossary.json", {"$schema": "../schema/glossary.schema.json", "terms": terms})

    area_count = rng.randint(3, 5)
    areas = []
    for i, (a_ja, a_en, v_ja, v_en) in enumerate(rng.sample(AREAS, area_count), 1):
        areas.append({"id": str(i), "number": str(i), "name": text(a_ja, a_en), "vision": text(v_ja, v_en)})

    plan = {
        "$schema": "../schema/plan.schema.json",
        "id": pid,
        "city": text(city_ja, city_en),
        "name": text(f"{city_ja}総合計画", f"{city_en} Comprehensive Plan"),
        "description": text(
            f"{city_ja}総合計画（令和４年度～令和12年度）の令和６年度評価。施策ごとに成果指標と行動量、計画事業の実績と経費を示す（合成データ）。",
            f"The FY2024 evaluation of the {city_en} Comprehensive Plan (FY2022–FY2030): outcome and activity indicators, project results and costs for each policy (synthetic data)."),
        "source": text("ベンチマーク用の合成データ（bench/site/synth.py）。", "Synthetic benchmark data (bench/site/synth.py)."),
        "period": {"start": 2022, "end": 2030},
        "evaluation_year": EVALUATION_YEAR,
        "report_date": "2025-06-30",
        "currency_unit": text("千円", "thousand yen"),
        "layout": "suginami",
        "units": {"%": "%", "件": "cases", "人": "people", "回": "times", "か所": "locations", "団体": "groups"},
        "evaluation": {
            "default_rule": "ratio",
            "rounding": {"decimals": 1, "mode": "half_up", "grade_on": "rounded"},
            "scale": [{"label": "A", "min": 100}, {"label": "B", "min": 80}, {"label": "C", "above": 0}, {"label": "D"}],
            "graded_kinds": ["outcome"],
            "on_track": ["A", "B"],
        },
        "areas": areas,
    }
    dump(root / "plan.json", plan)

    owned = []  # projects that later policies may cross-list
    per_area = [policy_count // area_count + (1 if i < policy_count % area_count else 0) for i in range(area_count)]
    order = 0
    for a, count in enumerate(per_area, 1):
        for n in range(1, count + 1):
            order += 1
            policy_id = f"{a}-{n}"
            subject = rng.choice(SUBJECTS)
            form_ja, form_en = rng.choice(POLICY_FORMS)
            footnotes = []
            if rng.random() < 0.4:
                footnotes = [{"mark": "※", "term": rng.choice(terms)["id"]}]
            projects = []
            forms = rng.sample(PROJECT_FORMS, rng.randint(4, 8))
            for j, form in enumerate(forms, 1):
                cross = rng.choice(owned) if owned and rng.random() < 0.08 else None
                projects.append(project(rng, policy_id, j, subject, division_ids, cross, form))
            owned.extend(p for p in projects if "cross_listed" not in p)
            indicators = []
            outcome_n = activity_n = 0
            count = rng.randint(6, 10)
            metrics = rng.sample(METRICS, len(METRICS))
            for j in range(count):
                kind_ = "outcome" if rng.random() < 0.65 else "activity"
                if kind_ == "outcome":
                    outcome_n += 1
                    number = outcome_n
                else:
                    activity_n += 1
                    number = activity_n
                proj = projects[j % len(projects)]["id"]
                group = GROUPS[j // len(METRICS)]
                indicators.append(indicator(rng, number, kind_, subject, proj, bool(footnotes) and j == 0,
                                            metrics[j % len(METRICS)], group))
            policy = {
                "$schema": "../../schema/policy.schema.json",
                "id": policy_id,
                "area": str(a),
                "order": order,
                "number": policy_id,
                "group": text(f"基本方針{a}", f"Basic direction {a}"),
                "name": text(form_ja.format(s=subject[0]), form_en.format(s=subject[1])),
                "target_state": text(
                    f"{subject[0]}が地域に根づき、誰もがその成果を実感しています。" + ("※" if footnotes else ""),
                    f"{subject[1][0].upper() + subject[1][1:]} has taken root in the community and everyone feels its benefits."
                    + ("*" if footnotes else "")),
                "page_ref": f"P{10 + 2 * order}～{11 + 2 * order}",
                "divisions": sorted(set(rng.sample(division_ids, rng.randint(1, 3)))),
                "indicators": indicators,
                "projects": projects,
            }
            if footnotes:
                policy["footnotes"] = footnotes
            dump(root / "policies" / f"{policy_id}.json", policy)
            ja, en = policy_commentary(rng, subject, projects, indicators)
            write_text(root / "policies" / f"{policy_id}.ja.md", ja)
            write_text(root / "policies" / f"{policy_id}.en.md", en)
            for p in projects:
                if "cross_listed" not in p and rng.random() < 0.3:
                    ja, en = project_commentary(rng, subject, p)
                    write_text(root / "projects" / f"{p['id']}.ja.md", ja)
                    write_text(root / "projects" / f"{p['id']}.en.md", en)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=pathlib.Path)
    parser.add_argument("--plans", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--policies", type=int, default=40, help="policies per plan (default 40)")
    args = parser.parse_args()
    if args.out.exists() and any(args.out.iterdir()) and not (args.out / "schema").is_dir():
        print(f"{args.out}: not empty and not a synth output; refusing to write into it", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    if (args.out / "schema").exists():
        shutil.rmtree(args.out / "schema")
    shutil.copytree(SCHEMA_DIR, args.out / "schema")
    for k in range(1, args.plans + 1):
        if (args.out / f"s{k:04d}").exists():
            shutil.rmtree(args.out / f"s{k:04d}")
        make_plan(args.out, args.seed, k, args.policies)
    return 0


if __name__ == "__main__":
    sys.exit(main())
