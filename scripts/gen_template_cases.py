#!/usr/bin/python3
"""Generate the differential test corpus for hyoka's template engine.

Each case becomes tests/template/cases/<name>/ with template.(txt|html),
context.json, any extra templates it includes, and either expected.txt
(Jinja2's output) or expected_error.txt (Jinja2 raised). Run with Debian's
python3-jinja2 (/usr/bin/python3, jinja2 3.1.x):

    /usr/bin/python3 scripts/gen_template_cases.py

The expected files are committed, so the C++ tests need no Python.
"""
import json
import os
import re
import shutil
import sys
from decimal import ROUND_HALF_UP, Decimal

import jinja2
from jinja2 import (Environment, FileSystemLoader, StrictUndefined, Undefined,
                    pass_context, select_autoescape)

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "template", "cases")

# ---------------------------------------------------------------- project filters
# Python twins of generator/site/filters.cpp (the report filters the site
# registers through the engine's host API; see generator/template/README.md).
# Figures are exact decimals rounded half up, as generator/present writes them.


def _exact(v, name):
    if isinstance(v, (bool, int)):
        d = Decimal(int(v))
    elif isinstance(v, float):
        d = Decimal(repr(v))  # the digits the float prints as, not its binary value
    else:
        d = Decimal(str(v))
    if not d.is_finite() or len(d.as_tuple().digits) > 15:
        raise ValueError(name + ": expected a number of at most 15 significant digits")
    return d


def _rounded(d, places):
    return d.quantize(Decimal(1).scaleb(-max(0, min(6, int(places)))), rounding=ROUND_HALF_UP)


def _group(d):
    text = "{:f}".format(d)
    sign = "-" if text.startswith("-") else ""
    head, dot, tail = text.lstrip("-").partition(".")
    return sign + "{:,}".format(int(head)) + dot + tail


def f_number(v, decimals=None):
    if v is None or isinstance(v, Undefined):
        return ""
    d = _exact(v, "number")
    if decimals is not None:
        d = _rounded(d, decimals)
    elif d.as_tuple().exponent == -1 and d == d.to_integral_value():
        d = d.quantize(Decimal(1))  # 1000.0 prints as 1,000
    return _group(d)


def f_percent(v, n=1):
    return _group(_rounded(_exact(v, "percent"), n)) + "%"


def _year(v, name):
    d = _exact(v, name)
    if d != d.to_integral_value() or not 1 <= d <= 9999:
        raise ValueError(name + ": expected a year")
    return int(d)


def _era(year):
    if year >= 2019:
        return "令和元年度" if year == 2019 else "令和%d年度" % (year - 2018)
    if year >= 1989:
        return "平成元年度" if year == 1989 else "平成%d年度" % (year - 1988)
    return "%d年度" % year


def f_era_year(v):
    return _era(_year(v, "era_year"))


def f_fy(v):
    return "FY%d" % _year(v, "fy")


def f_fiscal_year(v, lang="ja"):
    if lang not in ("ja", "en"):
        raise ValueError("unknown language")
    year = _year(v, "fiscal_year")
    if lang == "en":
        return "FY%d" % year
    return "%s（%d年度）" % (_era(year), year)


def f_grade_class(v):
    s = str(v)
    if not s:
        return "grade-none"
    out = "grade-"
    for ch in s:
        if ("a" <= ch <= "z") or ("0" <= ch <= "9") or ch in "-_":
            out += ch
        elif "A" <= ch <= "Z":
            out += ch.lower()
        elif ch == "+":
            out += "plus"
        else:
            out += "x%x" % ord(ch)
    return out


@pass_context
def f_t(ctx, key, **kwargs):
    node = ctx.get("i18n")
    for part in str(key).split("."):
        if not isinstance(node, dict):
            node = None
            break
        node = node.get(part)
    if not isinstance(node, str):
        if isinstance(ctx.environment.undefined, type) and issubclass(ctx.environment.undefined, StrictUndefined):
            raise KeyError("missing translation " + key)
        return key
    # One pass, as present::fill: a value holding "{name}" is not filled again.
    return re.sub(r"\{([^{}]*)\}", lambda m: str(kwargs[m.group(1)]) if m.group(1) in kwargs else m.group(0), node)


PROJECT_FILTERS = {
    "number": f_number, "percent": f_percent, "era_year": f_era_year, "fy": f_fy,
    "fiscal_year": f_fiscal_year, "grade_class": f_grade_class, "t": f_t,
}

# ---------------------------------------------------------------- cases
CASES = []


def case(name, template, context=None, ext="txt", files=None, strict=False):
    CASES.append(dict(name=name, template=template, context=context or {}, ext=ext,
                      files=files or {}, strict=strict))


def html(name, template, context=None, files=None, strict=False):
    case(name, template, context, "html", files, strict)


def render(c, directory):
    env = Environment(
        loader=FileSystemLoader(directory),
        autoescape=select_autoescape(["html", "htm", "xml", "svg"], default_for_string=False, default=False),
        undefined=StrictUndefined if c["strict"] else Undefined,
    )
    env.filters.update(PROJECT_FILTERS)
    return env.get_template("template." + c["ext"]).render(c["context"])


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)


def main():
    define_cases()
    names = set()
    if os.path.isdir(ROOT):
        shutil.rmtree(ROOT)
    os.makedirs(ROOT)
    errors = 0
    for c in CASES:
        if c["name"] in names:
            sys.exit("duplicate case name " + c["name"])
        names.add(c["name"])
        d = os.path.join(ROOT, c["name"])
        os.makedirs(d)
        write(os.path.join(d, "template." + c["ext"]), c["template"])
        write(os.path.join(d, "context.json"), json.dumps(c["context"], ensure_ascii=False, indent=1) + "\n")
        for fname, text in c["files"].items():
            os.makedirs(os.path.dirname(os.path.join(d, fname)), exist_ok=True)
            write(os.path.join(d, fname), text)
        if c["strict"]:
            write(os.path.join(d, "options.json"), '{"strict": true}\n')
        try:
            write(os.path.join(d, "expected.txt"), render(c, d))
        except Exception as e:  # Jinja2 refused: hyoka must refuse too
            errors += 1
            write(os.path.join(d, "expected_error.txt"), "%s: %s\n" % (type(e).__name__, e))
    print("jinja2 %s: wrote %d cases (%d expected errors) to %s" % (jinja2.__version__, len(CASES), errors, ROOT))


# ---------------------------------------------------------------- case list
# Contexts are JSON (so ints stay ints and floats stay floats); much of the
# text is Japanese because the site is.

POLICY = {
    "title": "子育て支援の充実",
    "year": 2024,
    "score": 96.666,
    "budget": 123456789,
    "grade": "A",
    "tags": ["子育て", "教育", "福祉"],
    "kpis": [
        {"name": "待機児童数", "target": 0, "actual": 3, "unit": "人", "rate": 85.5},
        {"name": "保育所定員", "target": 1200, "actual": 1180, "unit": "人", "rate": 98.3},
        {"name": "満足度", "target": 80.0, "actual": 76.4, "unit": "%", "rate": 95.5},
    ],
    "dept": {"name": "こども未来部", "code": "K01"},
}


def define_cases():
    P = POLICY
    # ---- literals and printing
    case("lit_int", "{{ 42 }} {{ -7 }} {{ 1_000 }} {{ 0x1f }} {{ 0o17 }} {{ 0b101 }}")
    case("lit_float", "{{ 1.0 }} {{ 96.7 }} {{ 1/3 }} {{ 1e16 }} {{ 1e-05 }} {{ 0.0001 }} {{ 123456789.0 }} {{ 1.5e300 }} {{ -0.0 }}")
    case("lit_float_repr", "{{ 0.1 + 0.2 }} {{ 2.5 * 4 }} {{ 1e15 }} {{ 1e22 }} {{ 12345678901234567.0 }} {{ 3.14159 }}")
    case("lit_string_escapes", "{{ 'a\\\\tb' }}|{{ \"it's\" }}|{{ 'say \\\"hi\\\"' }}|{{ '\\\\u65e5\\\\u672c' }}|{{ 'x\\\\ny' }}")
    case("lit_string_concat_adjacent", "{{ '日本' '語' }}")
    case("lit_bool_none", "{{ true }} {{ false }} {{ none }} {{ True }} {{ False }} {{ None }}")
    case("lit_list_repr", "{{ [1, 'a', 2.5, none, true, [2, 3]] }}")
    case("lit_tuple_repr", "{{ (1, 2) }} {{ (1,) }} {{ () }}")
    case("lit_dict_repr", "{{ {'a': 1, 'b': [1, 2], 'c': {'d': none}} }}")
    case("lit_dict_empty", "{{ {} }} {{ [] }}")
    case("repr_japanese", "{{ ['令和', '子育て'] }} {{ {'部': '企画'} }}")
    case("repr_quotes", "{{ [\"it's\", 'say \"x\"', 'both \\' \"'] }}")
    case("repr_control", "{{ ['a\\nb', 'tab\\there', 'back\\\\slash'] }}")
    case("repr_fullwidth_space", "{{ ['全角\u3000空白'] }}")
    case("print_json_types", "{{ i }} {{ f }} {{ s }} {{ b }} {{ n }} {{ l }} {{ d }}",
         {"i": 3, "f": 3.0, "s": "文字", "b": True, "n": None, "l": [1, 2.0, "x"], "d": {"k": "v", "n": 1}})
    case("print_float_from_json", "{{ a }} {{ b }} {{ c }} {{ d }}", {"a": 96.7, "b": 0.1, "c": 100.0, "d": 1e20})
    case("print_dict_order", "{{ d }}", {"d": {"z": 1, "a": 2, "m": 3}})
    case("print_nested", "{{ policy.kpis[0] }}", {"policy": P})
    case("print_tuple_expr", "{{ 1, 2 }}")
    # ---- arithmetic (Python semantics)
    case("arith_div", "{{ 7 / 2 }} {{ 6 / 3 }} {{ -7 / 2 }} {{ 1 / 3 }}")
    case("arith_floordiv", "{{ 7 // 2 }} {{ -7 // 2 }} {{ 7 // -2 }} {{ 7.5 // 2 }} {{ -7.5 // 2 }}")
    case("arith_mod", "{{ 7 % 3 }} {{ -7 % 3 }} {{ 7 % -3 }} {{ 7.5 % 2 }} {{ -7.5 % 2 }} {{ 5 % 5 }}")
    case("arith_pow", "{{ 2 ** 10 }} {{ 2 ** -1 }} {{ 2.0 ** 3 }} {{ 4 ** 0.5 }} {{ 0 ** 0 }}")
    case("arith_pow_unary", "{{ -2 ** 2 }} {{ 2 ** 3 ** 2 }}")
    case("arith_mixed", "{{ 1 + 2.0 }} {{ 3 - 1.5 }} {{ 2 * 3 }} {{ 2 * 3.0 }} {{ 10 - 3 - 2 }}")
    case("arith_precedence", "{{ 1 + 2 * 3 }} {{ (1 + 2) * 3 }} {{ 2 * 3 % 4 }} {{ -3 + 4 }} {{ +3 }}")
    case("arith_bool", "{{ true + 1 }} {{ false * 5 }} {{ true / 2 }}")
    case("arith_string_repeat", "{{ 'ab' * 3 }}|{{ 3 * '日' }}|{{ '-' * 0 }}")
    case("arith_list_concat", "{{ [1, 2] + [3] }} {{ [0] * 3 }}")
    case("arith_string_plus", "{{ '令和' + '6年' }}")
    case("arith_div_zero", "{{ 1 / 0 }}")
    case("arith_mod_zero", "{{ 1 % 0 }}")
    case("arith_str_plus_int", "{{ 'a' + 1 }}")
    case("arith_context_values", "{{ a / b }} {{ a // b }} {{ a % b }} {{ c * 2 }}", {"a": 10, "b": 4, "c": 2.5})
    case("arith_float_ops", "{{ 0.1 * 3 }} {{ 1.1 + 2.2 }} {{ 100 * 1.1 }}")
    case("arith_large_int", "{{ 123456789 * 1000 }} {{ 2 ** 40 }}")
    case("arith_string_percent", "{{ '%s年%d月' % ('令和6', 4) }} {{ '%.1f%%' % 96.666 }} {{ '%(a)s' % {'a': 'x'} }} {{ '%5.2f|' % 3.14159 }} {{ '%s' % [1, 2] }}")
    html("arith_string_percent_html", "{{ '<b>%s</b>' % '<i>' }}|{{ ('<b>%s</b>'|safe) % '<i>' }}")
    case("arith_string_percent_error", "{{ '%d' % 'x' }}")
    # ---- comparisons, logic
    case("cmp_basic", "{{ 1 < 2 }} {{ 2 <= 2 }} {{ 3 > 4 }} {{ 1 == 1.0 }} {{ 'a' != 'b' }} {{ 'b' > 'a' }}")
    case("cmp_chained", "{{ 1 < 2 < 3 }} {{ 1 < 3 < 2 }} {{ 1 == 1 == 1 }}")
    case("cmp_lists", "{{ [1, 2] == [1, 2] }} {{ [1, 2] < [1, 3] }} {{ {'a': 1} == {'a': 1} }}")
    case("cmp_japanese", "{{ 'あ' < 'い' }} {{ '令和' == '令和' }}")
    case("cmp_mixed_error", "{{ 1 < 'a' }}")
    case("cmp_in", "{{ 1 in [1, 2] }} {{ 'b' in 'abc' }} {{ 'k' in {'k': 1} }} {{ 3 not in [1, 2] }} {{ '子育' in '子育て支援' }}")
    case("logic_and_or", "{{ 1 and 2 }} {{ 0 and 2 }} {{ 0 or 'x' }} {{ '' or [] }} {{ none or 0 }}")
    case("logic_not", "{{ not 1 }} {{ not '' }} {{ not [] }} {{ not none }} {{ not not 3 }}")
    case("logic_precedence", "{{ not 1 == 2 }} {{ true or false and false }} {{ (true or false) and false }}")
    case("truthiness", "{% for v in vals %}{{ 'T' if v else 'F' }}{% endfor %}",
         {"vals": [0, 1, 0.0, 0.5, "", "a", [], [0], {}, {"a": 1}, None, True, False]})
    case("cond_expr", "{{ 'yes' if x else 'no' }} {{ 'a' if false }}| {{ 1 if 0 else 2 if 1 else 3 }}", {"x": 1})
    case("concat_tilde", "{{ 1 ~ 2 }} {{ 'a' ~ none ~ true }} {{ '令和' ~ 6 ~ '年' }} {{ 1.0 ~ '' }}")
    case("concat_undefined", "[{{ 'a' ~ missing ~ 'b' }}]")
    # ---- attribute / item access
    case("access_attr_item", "{{ policy.title }} {{ policy['title'] }} {{ policy.dept.name }} {{ policy['dept']['code'] }}", {"policy": P})
    case("access_index", "{{ l[0] }} {{ l[-1] }} {{ l.1 }} {{ s[0] }} {{ s[-1] }}", {"l": [10, 20, 30], "s": "日本語"})
    case("access_missing", "[{{ d.nope }}][{{ d['nope'] }}][{{ l[10] }}]", {"d": {"a": 1}, "l": [1]})
    case("access_undefined_attr_error", "{{ missing.attr }}")
    case("access_dict_method_vs_key", "{{ d['items'] }}", {"d": {"items": [1, 2]}})
    case("access_int_key", "{{ d[1] }}|{{ d['1'] }}", {"d": {"1": "one"}})
    case("access_tuple_subscript", "{{ l[0][1] }}", {"l": [[1, 2]]})
    case("slice_list", "{{ l[1:3] }} {{ l[:2] }} {{ l[2:] }} {{ l[::2] }} {{ l[::-1] }} {{ l[-2:] }} {{ l[1:-1] }}", {"l": [1, 2, 3, 4, 5]})
    case("slice_string", "{{ s[1:3] }}|{{ s[::-1] }}|{{ s[:-1] }}|{{ s[5:] }}|{{ s[::2] }}", {"s": "子育て支援の充実"})
    case("slice_steps", "{{ l[5:1:-2] }} {{ l[-1:-4:-1] }} {{ l[10:] }} {{ l[:100] }}", {"l": list(range(8))})
    # ---- filters: strings
    case("f_upper_lower", "{{ 'Hello 世界'|upper }} {{ 'ÀBC'|lower }} {{ 'straße'|upper }}")
    case("f_capitalize", "{{ 'hello WORLD'|capitalize }} {{ '日本 abc'|capitalize }}")
    case("f_title", "{{ 'hello world-wide (test) [x]'|title }} {{ \"it's a dog's life\"|title }} {{ 'ÉCOLE primaire'|title }}")
    case("f_center", "[{{ 'abc'|center(9) }}][{{ 'ab'|center(7) }}][{{ '日本'|center(6) }}][{{ 'abcd'|center(2) }}][{{ 'a'|center(4) }}]")
    case("f_trim", "[{{ '  x y  '|trim }}][{{ '--x--'|trim('-') }}][{{ '\u3000全角\u3000'|trim }}]")
    case("f_replace", "{{ 'aaa'|replace('a', 'b') }} {{ 'aaa'|replace('a', 'b', 2) }} {{ '令和元年'|replace('元', '1') }} {{ 'abc'|replace('', '-') }}")
    case("f_replace_html", "{{ '<b>'|replace('b', 'i') }} {{ text|replace('&', 'and') }}", {"text": "A & B"}, "html")
    case("f_truncate", "{{ s|truncate(10) }}|{{ s|truncate(10, true) }}|{{ s|truncate(10, end='…') }}|{{ s|truncate(255) }}|{{ s|truncate(12, leeway=0) }}",
         {"s": "The quick brown fox jumps over"})
    case("f_truncate_japanese", "{{ s|truncate(10) }}|{{ s|truncate(10, true) }}|{{ s|truncate(5, false, '', 0) }}",
         {"s": "市民の皆様の生活を支える子育て支援事業の評価結果について"})
    case("f_truncate_short", "{{ 'short'|truncate(3, leeway=5) }}|{{ 'abcdefghij'|truncate(5, leeway=0) }}")
    case("f_wordcount", "{{ 'one two  three'|wordcount }} {{ '子育て支援、教育。福祉'|wordcount }} {{ 'a_b c-d'|wordcount }} {{ ''|wordcount }}")
    case("f_length_unicode", "{{ '日本語'|length }} {{ 'abc'|count }} {{ [1,2]|length }} {{ {'a':1}|length }} {{ '🎌x'|length }}")
    case("f_reverse", "{{ '日本語'|reverse }} {{ [1, 2, 3]|reverse|list }} {{ 'abc'|reverse }}")
    case("f_first_last", "{{ '日本語'|first }} {{ '日本語'|last }} {{ [1, 2, 3]|first }} {{ [1, 2, 3]|last }} [{{ []|first }}]")
    case("f_indent", "{{ 'a\\nb\\n\\nc'|indent }}|{{ 'a\\nb'|indent(2, true) }}|{{ 'a\\n\\nb'|indent(2, blank=true) }}|{{ 'x\\ny'|indent('> ') }}")
    case("f_indent_trailing", "[{{ 'a\\nb\\n'|indent(3) }}]")
    case("f_striptags", "{{ '<p>Hello <b>世界</b></p>  <!-- c -->&amp; more'|striptags }}|{{ '<a href=\"x\">link</a>\\n\\ntext'|striptags }}")
    case("f_format", "{{ '%s-%d'|format('a', 3) }} {{ '%.2f'|format(3.14159) }} {{ '%5s|%-5s|'|format('ab', 'cd') }} {{ '%05d'|format(42) }} {{ '%x %o'|format(255, 8) }}")
    case("f_format_kwargs", "{{ '%(a)s und %(b)s'|format(a='x', b=2) }} {{ '%%'|format() }} {{ '%r'|format('q') }} {{ '%+d'|format(5) }}")
    case("f_format_float", "{{ '%e'|format(12345.678) }} {{ '%g'|format(0.00001234) }} {{ '%.3g'|format(1234.5) }} {{ '%10.2f|'|format(-3.14159) }}")
    case("f_string", "{{ 1|string }} {{ none|string }} {{ [1]|string }} {{ 1.5|string ~ 'x' }}")
    case("f_int", "{{ '42'|int }} {{ '3.9'|int }} {{ 'abc'|int }} {{ 'abc'|int(7) }} {{ 3.99|int }} {{ '0x1A'|int(0, 16) }} {{ ' 12 '|int }} {{ '1_000'|int }} {{ true|int }}")
    case("f_int_base", "{{ 'ff'|int(base=16) }} {{ '0b101'|int(base=2) }} {{ '-12'|int }} {{ '1e3'|int }}")
    case("f_float", "{{ '3.5'|float }} {{ 3|float }} {{ 'x'|float }} {{ 'x'|float(1.5) }} {{ ' 2.5 '|float }} {{ '1e3'|float }} {{ none|float }}")
    case("f_abs", "{{ -3|abs }} {{ (-3)|abs }} {{ -2.5|abs }} {{ 4|abs }}")
    case("f_round", "{{ 2.5|round }} {{ 3.5|round }} {{ 2.675|round(2) }} {{ 3.14159|round(3) }} {{ 42.55|round(1, 'floor') }} {{ 42.51|round(1, 'ceil') }} {{ 3|round }} {{ 1234.5|round(-2) }}")
    case("f_round_methods", "{{ -2.5|round }} {{ -2.5|round(0, 'floor') }} {{ -2.5|round(0, 'ceil') }} {{ 0.125|round(2) }} {{ 1.005|round(2) }}")
    case("f_filesizeformat", "{{ 1|filesizeformat }} {{ 999|filesizeformat }} {{ 1000|filesizeformat }} {{ 123456789|filesizeformat }} {{ 1024|filesizeformat(true) }} {{ 3000000000000|filesizeformat }} {{ 0|filesizeformat }}")
    case("f_urlencode", "{{ 'a b&c/d'|urlencode }} {{ '日本'|urlencode }} {{ {'q': '子育て', 'page': 2}|urlencode }} {{ [('a', 1), ('b', 'x y')]|urlencode }}")
    case("f_default", "{{ missing|default('x') }} {{ missing|d('y') }} {{ ''|default('z') }} {{ ''|default('z', true) }} {{ none|default('n') }} {{ 0|d(5, true) }}")
    case("f_default_chain", "{{ a.b|default('no') }}", {"a": {}})
    case("f_attr", "{{ d|attr('a') }}|{% set ns = namespace(x=5) %}{{ ns|attr('x') }}|{{ d|attr('items') is callable }}", {"d": {"a": 1}})
    case("f_pprint", "{{ {'b': 1, 'a': [1, 2]}|pprint }} {{ 'x'|pprint }} {{ none|pprint }}")
    case("f_tojson", "{{ d|tojson }}", {"d": {"b": "<tag> & 'q'", "a": [1, 2.5, None, True], "日本": "語"}}, "html")
    case("f_tojson_indent", "{{ d|tojson(2) }}", {"d": {"z": [1, {"y": 2}], "a": "x"}})
    case("f_tojson_scalars", "{{ 1|tojson }} {{ 'a\"b'|tojson }} {{ none|tojson }} {{ [1.0, 1e20]|tojson }} {{ '\u2028'|tojson }}")
    case("f_xmlattr", "<div{{ {'class': 'x y', 'id': none, 'data-v': '<&>', 'title': '子育て'}|xmlattr }}></div>", None, "html")
    case("f_xmlattr_noautospace", "<p {{ {'a': 1}|xmlattr(false) }}>", None, "html")
    case("f_escape", "{{ '<a href=\"x\">\\'&'|e }}|{{ '<b>'|escape|escape }}|{{ '<i>'|forceescape }}", None, "txt")
    case("f_escape_html", "{{ '<b>'|e }}|{{ '<b>'|safe }}|{{ '<b>'|safe|e }}|{{ '<b>'|forceescape }}|{{ '<b>'|safe|forceescape }}", None, "html")
    case("f_safe_txt", "{{ '<b>'|safe }}|{{ '<b>' }}")
    case("f_wordwrap", "{{ s|wordwrap(20) }}", {"s": "The quick brown fox jumps over the lazy dog and keeps running far away"})
    case("f_wordwrap_japanese", "{{ s|wordwrap(10) }}|{{ s|wordwrap(10, false) }}", {"s": "市民の皆様の生活を支える子育て支援事業の評価結果"})
    case("f_wordwrap_options", "{{ s|wordwrap(12, wrapstring='<br>') }}|{{ s|wordwrap(8, break_on_hyphens=false) }}", {"s": "well-known state-of-the-art solution"})
    case("f_wordwrap_paragraphs", "{{ s|wordwrap(10) }}", {"s": "first line here\nsecond  line with  spaces\n\nthird"})
    case("f_wordwrap_long_words", "{{ s|wordwrap(5) }}", {"s": "abcdefghijklmnop qr stuvwxyz"})
    case("f_urlize", "{{ s|urlize }}", {"s": "See https://example.com/a?b=1&c=2 and www.city.example.jp, or mail info@example.org."})
    html("f_urlize_html", "{{ s|urlize(20, true, target='_blank') }}", {"s": "(http://example.com/very/long/path/here) <b>x</b> example.com"})
    case("f_urlize_plain", "{{ 'no links here'|urlize }}|{{ 'mailto:a@b.co'|urlize }}|{{ 'http://1.2.3.4:8080/x'|urlize }}")
    # ---- filters: sequences
    case("f_join", "{{ [1, 2, 3]|join(', ') }}|{{ ['令和', '平成']|join('・') }}|{{ items|join(',', attribute='n') }}|{{ 'abc'|join('-') }}",
         {"items": [{"n": "x"}, {"n": "y"}]})
    case("f_join_html", "{{ ['<a>', '<b>']|join('<br>') }}|{{ ['<a>'|safe, '<b>']|join('<br>') }}|{{ ['a', 'b']|join('<br>'|safe) }}", None, "html")
    case("f_sort", "{{ [3, 1, 2]|sort }} {{ ['b', 'A', 'c']|sort }} {{ ['b', 'A', 'c']|sort(case_sensitive=true) }} {{ [3, 1, 2]|sort(reverse=true) }}")
    case("f_sort_attr", "{% for k in kpis|sort(attribute='rate') %}{{ k.name }} {% endfor %}|{% for k in kpis|sort(attribute='name', reverse=true) %}{{ k.rate }} {% endfor %}", {"kpis": P["kpis"]})
    case("f_sort_multi_attr", "{% for u in users|sort(attribute='age,name') %}{{ u.name }}{% endfor %}",
         {"users": [{"name": "c", "age": 2}, {"name": "a", "age": 2}, {"name": "b", "age": 1}]})
    case("f_sort_japanese", "{{ ['さくら', 'あおい', 'かえで']|sort }}")
    case("f_dictsort", "{{ d|dictsort }} {{ d|dictsort(by='value') }} {{ d|dictsort(reverse=true) }}", {"d": {"b": 2, "a": 3, "C": 1}})
    case("f_dictsort_loop", "{% for k, v in d|dictsort %}{{ k }}={{ v }};{% endfor %}", {"d": {"z": 1, "y": 2}})
    case("f_items", "{% for k, v in d|items %}{{ k }}:{{ v }} {% endfor %}|{{ missing|items|list }}", {"d": {"b": 1, "a": 2}})
    case("f_unique", "{{ [1, 2, 1, 3, 2]|unique|list }} {{ ['a', 'A', 'b']|unique|list }} {{ ['a', 'A']|unique(true)|list }} {{ users|unique(attribute='g')|map(attribute='n')|list }}",
         {"users": [{"n": 1, "g": "x"}, {"n": 2, "g": "y"}, {"n": 3, "g": "x"}]})
    case("f_min_max", "{{ [3, 1, 2]|min }} {{ [3, 1, 2]|max }} {{ ['b', 'A']|min }} {{ ['b', 'A']|max(case_sensitive=true) }} {{ kpis|max(attribute='rate') }} [{{ []|max }}]", {"kpis": P["kpis"]})
    case("f_sum", "{{ [1, 2, 3]|sum }} {{ [1.5, 2]|sum }} {{ kpis|sum(attribute='target') }} {{ [1]|sum(start=10) }} {{ []|sum }}", {"kpis": P["kpis"]})
    case("f_batch", "{% for row in range(7)|batch(3) %}{{ row }}{% endfor %}|{% for row in range(5)|batch(3, '-') %}{{ row }}{% endfor %}")
    case("f_slice", "{% for col in range(7)|slice(3) %}{{ col }}{% endfor %}|{% for col in range(5)|slice(3, 'x') %}{{ col }}{% endfor %}")
    case("f_list", "{{ 'abc'|list }} {{ {'a': 1, 'b': 2}|list }} {{ (1, 2)|list }}")
    case("f_map", "{{ kpis|map(attribute='name')|join(', ') }}|{{ ['a', 'b']|map('upper')|list }}|{{ [1.55, 2.45]|map('round', 1)|list }}|{{ users|map(attribute='x', default='?')|list }}",
         {"kpis": P["kpis"], "users": [{"x": 1}, {}]})
    case("f_select_reject", "{{ range(10)|select('odd')|list }} {{ range(10)|reject('odd')|list }} {{ [0, 1, '', 'a', none]|select|list }} {{ range(10)|select('divisibleby', 3)|list }} {{ [1, 5, 9]|select('gt', 4)|list }}")
    case("f_selectattr", "{{ kpis|selectattr('actual')|map(attribute='name')|list }}|{{ kpis|selectattr('rate', 'gt', 90)|map(attribute='name')|join }}|{{ kpis|rejectattr('unit', 'eq', '人')|map(attribute='name')|first }}", {"kpis": P["kpis"]})
    case("f_selectattr_in", "{{ users|selectattr('role', 'in', ['admin', 'staff'])|map(attribute='n')|list }}",
         {"users": [{"n": "a", "role": "admin"}, {"n": "b", "role": "guest"}, {"n": "c", "role": "staff"}]})
    case("f_groupby", "{% for g in items|groupby('dept') %}{{ g.grouper }}:{% for i in g.list %}{{ i.n }}{% endfor %};{% endfor %}",
         {"items": [{"n": 1, "dept": "企画"}, {"n": 2, "dept": "総務"}, {"n": 3, "dept": "企画"}]})
    case("f_groupby_unpack", "{% for key, members in items|groupby('a.b') %}{{ key }}={{ members|length }} {% endfor %}",
         {"items": [{"a": {"b": 2}}, {"a": {"b": 1}}, {"a": {"b": 2}}]})
    case("f_groupby_case", "{% for g in items|groupby('c') %}{{ g.grouper }}{{ g.list|length }} {% endfor %}|{% for g in items|groupby('c', case_sensitive=true) %}{{ g.grouper }}{{ g.list|length }} {% endfor %}",
         {"items": [{"c": "a"}, {"c": "A"}, {"c": "b"}]})
    case("f_groupby_default", "{% for g in items|groupby('k', default='なし') %}{{ g.grouper }}{{ g.list|length }} {% endfor %}", {"items": [{"k": "x"}, {}, {"k": "x"}]})
    case("f_length_undefined", "{{ missing|length }} {{ missing|upper }}[{{ missing|join(',') }}]{{ missing|list }}")
    # ---- tests
    case("t_defined", "{{ a is defined }} {{ b is defined }} {{ b is undefined }} {{ a is not defined }}", {"a": 1})
    case("t_types", "{{ 1 is number }} {{ 1.0 is float }} {{ 1 is integer }} {{ true is integer }} {{ true is boolean }} {{ 'a' is string }} {{ {} is mapping }} {{ [] is sequence }} {{ 'x' is iterable }} {{ 3 is iterable }} {{ none is none }}")
    case("t_true_false", "{{ true is true }} {{ 1 is true }} {{ false is false }} {{ 0 is false }}")
    case("t_numbers", "{{ 3 is odd }} {{ 4 is even }} {{ 9 is divisibleby 3 }} {{ 9 is divisibleby(4) }} {{ 2.0 is even }}")
    case("t_compare", "{{ 3 is eq 3 }} {{ 3 is ne 3 }} {{ 2 is lt 3 }} {{ 3 is le 3 }} {{ 4 is gt 3 }} {{ 3 is ge 4 }} {{ 3 is equalto 3 }} {{ 3 is greaterthan 2 }} {{ 1 is lessthan 2 }}")
    case("t_in", "{{ 2 is in [1, 2] }} {{ 'x' is in 'abc' }}")
    case("t_case", "{{ 'abc' is lower }} {{ 'ABC' is upper }} {{ 'aBc' is lower }} {{ '日本' is lower }} {{ 'A1' is upper }}")
    case("t_callable", "{% macro m() %}{% endmacro %}{{ m is callable }} {{ 1 is callable }} {{ range is callable }}")
    case("t_sameas", "{{ none is sameas none }} {{ true is sameas true }} {{ 1 is sameas 1 }}")
    case("t_escaped", "{{ 'a' is escaped }} {{ ('a'|safe) is escaped }} {{ ('a'|e) is escaped }}")
    case("t_filter_test", "{{ 'upper' is filter }} {{ 'nope' is filter }} {{ 'odd' is test }}")
    case("t_in_if", "{% if x is string and x is not none %}str{% endif %}{% if y is mapping %}map{% endif %}", {"x": "a", "y": {}})
    # ---- if / for
    case("if_elif_else", "{% for n in [1, 5, 10] %}{% if n < 3 %}小{% elif n < 7 %}中{% else %}大{% endif %}{% endfor %}")
    case("if_nested", "{% if a %}{% if b %}ab{% else %}a{% endif %}{% endif %}", {"a": 1, "b": 0})
    case("for_basic", "{% for t in tags %}[{{ t }}]{% endfor %}", {"tags": P["tags"]})
    case("for_else", "{% for x in [] %}{{ x }}{% else %}なし{% endfor %}")
    case("for_loop_vars", "{% for x in 'abcd' %}{{ loop.index }}{{ loop.index0 }}{{ loop.revindex }}{{ loop.revindex0 }}{{ loop.first }}{{ loop.last }}{{ loop.length }}|{% endfor %}")
    case("for_loop_cycle", "{% for x in range(5) %}{{ loop.cycle('odd', 'even') }} {% endfor %}")
    case("for_loop_prev_next", "{% for x in [1, 2, 3] %}({{ loop.previtem|default('-') }},{{ loop.nextitem|default('-') }}){% endfor %}")
    case("for_loop_changed", "{% for x in [1, 1, 2, 2, 1] %}{% if loop.changed(x) %}{{ x }}{% endif %}{% endfor %}")
    case("for_loop_depth", "{% for a in [1] %}{{ loop.depth }}{{ loop.depth0 }}{% for b in [1] %}{{ loop.depth }}{% endfor %}{% endfor %}")
    case("for_filter", "{% for x in range(10) if x is odd %}{{ x }}{{ ',' if not loop.last }}{% endfor %}|{% for x in range(10) if x > 7 %}{{ loop.length }}{% endfor %}")
    case("for_unpack", "{% for a, b in [[1, 2], [3, 4]] %}{{ a }}+{{ b }} {% endfor %}{% for k, v in d.items() %}{{ k }}={{ v }} {% endfor %}", {"d": {"x": 1, "y": 2}})
    case("for_unpack_error", "{% for a, b in [[1, 2, 3]] %}{{ a }}{% endfor %}")
    case("for_dict", "{% for k in d %}{{ k }},{% endfor %}", {"d": {"b": 1, "a": 2}})
    case("for_string", "{% for ch in '令和' %}[{{ ch }}]{% endfor %}")
    case("for_nested_loop", "{% for row in [[1, 2], [3]] %}{% for c in row %}{{ loop.index }}/{{ loop.length }} {% endfor %}{{ loop.index }};{% endfor %}")
    case("for_scope", "{% set x = 1 %}{% for i in [1, 2] %}{% set x = x + i %}{{ x }}{% endfor %}|{{ x }}")
    case("for_recursive", "{% for item in tree recursive %}<{{ item.name }}{% if item.children %}:{{ loop(item.children) }}{% endif %}>{% endfor %}",
         {"tree": [{"name": "市", "children": [{"name": "部", "children": [{"name": "課"}]}, {"name": "室"}]}, {"name": "議会"}]})
    case("for_recursive_depth", "{% for item in tree recursive %}{{ loop.depth }}{{ item.n }}{% if item.c %}({{ loop(item.c) }}){% endif %}{% endfor %}",
         {"tree": [{"n": "a", "c": [{"n": "b", "c": [{"n": "c"}]}]}]})
    case("for_loop_undefined_outside", "{% for x in [1] %}{% endfor %}[{{ loop is defined }}]")
    case("for_over_undefined", "{% for x in missing %}{{ x }}{% else %}empty{% endfor %}")
    case("for_over_int_error", "{% for x in 3 %}{% endfor %}")
    case("for_range", "{{ range(3)|list }} {{ range(1, 10, 3)|list }} {{ range(5, 0, -2)|list }}")
    case("for_loop_in_macro", "{% macro m(items) %}{% for i in items %}{{ loop.index }}{% endfor %}{% endmacro %}{{ m([1, 2]) }}")
    # ---- set / namespace / with
    case("set_basic", "{% set x = 5 %}{% set y, z = 1, 2 %}{{ x + y + z }}")
    case("set_block", "{% set html %}<b>{{ name }}</b>{% endset %}{{ html }}|{{ html|length }}", {"name": "名前"}, "html")
    case("set_block_txt", "{% set t %}  a {{ 1 }}  {% endset %}[{{ t }}]")
    case("set_block_filter", "{% set t | upper | trim %}  abc  {% endset %}[{{ t }}]")
    case("set_namespace", "{% set ns = namespace(total=0, names=[]) %}{% for k in kpis %}{% set ns.total = ns.total + k.target %}{% endfor %}{{ ns.total }}",
         {"kpis": P["kpis"]})
    case("set_namespace_found", "{% set ns = namespace(found=false) %}{% for x in [1, 2, 3] %}{% if x == 2 %}{% set ns.found = true %}{% endif %}{% endfor %}{{ ns.found }}")
    case("set_if_scope", "{% if true %}{% set x = 'inside' %}{% endif %}{{ x }}")
    case("set_list_append", "{% set l = [] %}{% for i in range(3) %}{% set _ = l.append(i * 2) %}{% endfor %}{{ l }}")
    case("with_block", "{% with a = 1, b = 'x' %}{{ a }}{{ b }}{% endwith %}[{{ a }}]")
    case("with_outer_ref", "{% set a = 2 %}{% with a = a * 10, b = a %}{{ a }} {{ b }}{% endwith %}")
    case("with_set_inside", "{% with %}{% set v = 3 %}{{ v }}{% endwith %}[{{ v }}]")
    # ---- macros / call
    case("macro_defaults", "{% macro badge(text, cls='info', size=1) %}<{{ cls }}:{{ size }}>{{ text }}{% endmacro %}{{ badge('A') }} {{ badge('B', 'warn') }} {{ badge('C', size=3) }}")
    case("macro_varargs_kwargs", "{% macro m(a) %}{{ a }}|{{ varargs }}|{{ kwargs }}{% endmacro %}{{ m(1, 2, 3, x=4, y='z') }}")
    case("macro_too_many_args", "{% macro m(a) %}{{ a }}{% endmacro %}{{ m(1, 2) }}")
    case("macro_bad_kwarg", "{% macro m(a) %}{{ a }}{% endmacro %}{{ m(b=2) }}")
    case("macro_missing_arg", "{% macro m(a, b) %}[{{ a }}][{{ b }}]{% endmacro %}{{ m(1) }}")
    case("macro_default_refers_param", "{% macro m(a, b=a * 2) %}{{ a }},{{ b }}{% endmacro %}{{ m(3) }}")
    case("macro_html_safe", "{% macro link(u, t) %}<a href=\"{{ u }}\">{{ t }}</a>{% endmacro %}{{ link('/x?a=1&b=2', '<政策>') }}", None, "html")
    case("macro_recursive", "{% macro fact(n) %}{% if n <= 1 %}1{% else %}{{ n }}*{{ fact(n - 1) }}{% endif %}{% endmacro %}{{ fact(5) }}")
    case("macro_closure_late", "{% macro m() %}{{ x }}{% endmacro %}{% set x = 'late' %}{{ m() }}")
    case("macro_sees_context", "{% macro m() %}{{ policy.title }}{% endmacro %}{{ m() }}", {"policy": P})
    case("macro_attrs", "{% macro m(a, b) %}{% endmacro %}{{ m.name }} {{ m.arguments }}")
    case("macro_caller", "{% macro box(title) %}<div class=\"box\"><h2>{{ title }}</h2>{{ caller() }}</div>{% endmacro %}{% call box('評価') %}本文 & <em>詳細</em>{% endcall %}", None, "html")
    case("macro_caller_args", "{% macro list_items(items) %}{% for i in items %}{{ caller(i, loop.index) }}{% endfor %}{% endmacro %}{% call(item, n) list_items(['a', 'b']) %}{{ n }}:{{ item }};{% endcall %}")
    case("macro_caller_txt", "{% macro wrap() %}[{{ caller() }}]{% endmacro %}{% call wrap() %}<x>{% endcall %}")
    case("macro_in_loop_scope", "{% for i in [1, 2] %}{% macro show() %}{{ i }}{% endmacro %}{{ show() }}{% endfor %}")
    case("macro_returns_markup", "{% macro m() %}<b>{% endmacro %}{{ m() ~ '<i>' }}|{{ m()|length }}", None, "html")
    case("macro_call_undefined", "{{ nope() }}")
    case("macro_string_method_call", "{{ 'a,b,,c'.split(',') }} {{ ' x '.strip() }} {{ 'AbC'.lower() }} {{ 'abc'.upper() }} {{ 'a b'.split() }} {{ 'a-b-c'.split('-', 1) }}")
    # ---- filter blocks
    case("filter_block", "{% filter upper %}hello {{ name }}{% endfilter %}", {"name": "world"})
    case("filter_block_chain", "{% filter trim|replace('a', 'o')|center(9) %}  banana  {% endfilter %}|")
    case("filter_block_html", "{% filter upper %}<b>{{ x }}</b>{% endfilter %}", {"x": "<i>"}, "html")
    # ---- string / dict methods
    case("m_dict", "{{ d.items()|list }} {{ d.keys()|list }} {{ d.values()|list }} {{ d.get('a') }} {{ d.get('z') }} {{ d.get('z', 0) }}", {"d": {"a": 1, "b": 2}})
    case("m_str", "{{ s.startswith('子育') }} {{ s.endswith('充実') }} {{ s.replace('の', 'ノ') }} {{ s.startswith(('x', '子')) }} {{ 'abc'.find('c') }} {{ 'aaa'.count('a') }}", {"s": "子育て支援の充実"})
    case("m_format", "{{ '{}年{}月'.format(2024, 4) }} {{ '{0}/{1}/{0}'.format('a', 'b') }} {{ '{name}さん'.format(name='山田') }} {{ '{:,}'.format(1234567) }} {{ '{:.1f}%'.format(96.666) }} {{ '{:>5}|{:<5}|{:^5}'.format('a', 'b', 'c') }} {{ '{:05.1f}'.format(3.14159) }}")
    case("m_format_more", "{{ '{:x} {:o} {:b} {:X}'.format(255, 8, 5, 255) }} {{ '{:+d} {: d}'.format(5, 5) }} {{ '{:.2%}'.format(0.1234) }} {{ '{:e}'.format(1234.5) }} {{ '{!r}'.format('q') }} {{ '{{}}'.format() }}")
    case("m_format_dict_attr", "{{ '{0[a]} {p[name]}'.format({'a': 1}, p={'name': 'n'}) }}")
    case("m_str_misc", "{{ 'hello world'.title() }} {{ 'abc'.capitalize() }} {{ '42'.isdigit() }} {{ 'ab'.isalpha() }} {{ '7'.zfill(3) }} {{ '-'.join(['a', 'b']) }} {{ 'a\\nb'.splitlines() }} {{ 'abc'.center(7, '*') }}")
    case("m_str_strip_chars", "{{ 'xxhixx'.strip('x') }} {{ '  a  '.lstrip() }}|{{ '  a  '.rstrip() }}|")
    case("m_list", "{{ [1, 2, 3].index(2) }} {{ [1, 1, 2].count(1) }}")
    case("m_dict_items_attr_key", "{% for k, v in d.items() %}{{ k }}{{ v }}{% endfor %}", {"d": {"items": 1, "keys": 2}})
    # ---- whitespace control, comments, raw
    case("ws_minus", "a  {%- if true -%}  b  {%- endif -%}  c")
    case("ws_var_minus", "[ {{- 'x' -}} ]  [  {{ 'y' -}}\n  ]")
    case("ws_newlines", "<ul>\n{% for i in [1, 2] %}\n  <li>{{ i }}</li>\n{% endfor %}\n</ul>\n")
    case("ws_newlines_stripped", "<ul>\n{%- for i in [1, 2] %}\n  <li>{{ i }}</li>\n{%- endfor %}\n</ul>\n")
    case("ws_trailing_newline", "line\n")
    case("ws_trailing_two_newlines", "line\n\n")
    case("ws_crlf", "a\r\nb\r\n{{ 1 }}\r\n")
    case("ws_comment", "a{# comment {{ x }} #}b {#- trimmed -#}  c")
    case("ws_comment_multiline", "x\n{# line1\nline2 #}\ny")
    case("raw_block", "{% raw %}{{ not rendered }} {% if %}{% endraw %}|{{ 1 }}")
    case("raw_block_ws", "a {%- raw -%}  {{ x }}  {%- endraw -%} b")
    case("plus_modifier", "a\n  {%+ if true %}x{% endif %}")
    # ---- includes / imports / inheritance
    inc = {"header.txt": "[header {{ title }}]", "item.txt": "<{{ item }}>", "other.txt": "other"}
    case("include_basic", "{% include 'header.txt' %}|body", {"title": "題"}, files=inc)
    case("include_loop_var", "{% for item in [1, 2] %}{% include 'item.txt' %}{% endfor %}", files=inc)
    case("include_without_context", "{% include 'header.txt' without context %}", {"title": "題"}, files=inc)
    case("include_missing_ignored", "a{% include 'nope.txt' ignore missing %}b", files=inc)
    case("include_missing_error", "{% include 'nope.txt' %}", files=inc)
    case("include_list", "{% include ['nope.txt', 'other.txt'] %}", files=inc)
    case("include_dynamic", "{% include name ~ '.txt' %}", {"name": "other"}, files=inc)
    case("include_set_local", "{% set title = 'ローカル' %}{% include 'header.txt' %}", files=inc)
    case("include_subdir", "{% include 'parts/foot.txt' %}", files={"parts/foot.txt": "foot {{ 1 + 1 }}"})
    case("include_parent_dir_refused", "{% include '../x.txt' %}")
    case("include_html_escapes", "{% include 'p.html' %}", {"v": "<&>"}, files={"p.html": "<p>{{ v }}</p>"})
    mac = {"macros.txt": "{% macro hello(n) %}Hello {{ n }}!{% endmacro %}{% set version = '1.0' %}{% macro _private() %}{% endmacro %}"}
    case("import_as", "{% import 'macros.txt' as m %}{{ m.hello('世界') }} {{ m.version }}", files=mac)
    case("import_from", "{% from 'macros.txt' import hello, version as v %}{{ hello('x') }} {{ v }}", files=mac)
    case("import_missing_name", "{% from 'macros.txt' import nope %}", files=mac)
    case("import_no_context", "{% import 'ctx.txt' as c %}[{{ c.show() }}]", {"title": "T"}, files={"ctx.txt": "{% macro show() %}{{ title }}{% endmacro %}"})
    case("import_with_context", "{% import 'ctx.txt' as c with context %}[{{ c.show() }}]", {"title": "T"}, files={"ctx.txt": "{% macro show() %}{{ title }}{% endmacro %}"})
    case("import_from_with_context", "{% set title = 'local' %}{% from 'ctx.txt' import show with context %}[{{ show() }}]", {"title": "T"}, files={"ctx.txt": "{% macro show() %}{{ title }}{% endmacro %}"})
    base = {"base.html": "<title>{% block title %}既定{% endblock %}</title>\n<main>{% block content %}{% endblock %}</main>\n<footer>{% block footer %}(c) {{ year }}{% endblock %}</footer>"}
    html("extends_basic", "{% extends 'base.html' %}{% block title %}政策 &{% endblock %}{% block content %}<p>{{ policy.title }}</p>{% endblock %}", {"policy": P, "year": 2024}, files=base)
    html("extends_super", "{% extends 'base.html' %}{% block footer %}{{ super() }} 市役所{% endblock %}", {"year": 2024}, files=base)
    html("extends_output_outside_blocks", "before{% extends 'base.html' %}ignored {{ 1 }}{% block title %}T{% endblock %}after", files=base)
    html("extends_set_visible_in_block", "{% extends 'base.html' %}{% set who = '市長' %}{% block content %}{{ who }}{% endblock %}", files=base)
    three = dict(base)
    three["mid.html"] = "{% extends 'base.html' %}{% block content %}[mid {% block inner %}inner{% endblock %}]{% endblock %}{% block title %}mid-{{ super() }}{% endblock %}"
    html("extends_three_levels", "{% extends 'mid.html' %}{% block inner %}child+{{ super() }}{% endblock %}{% block title %}c-{{ super() }}{% endblock %}", files=three)
    html("extends_self", "{% extends 'base.html' %}{% block title %}T{% endblock %}{% block content %}{{ self.title() }}{{ self.title() }}{% endblock %}", files=base)
    html("extends_dynamic", "{% extends layout %}{% block content %}x{% endblock %}", {"layout": "base.html"}, files=base)
    html("block_scoped", "{% for i in [1, 2] %}{% block item scoped %}<{{ i }}>{% endblock %}{% endfor %}")
    html("block_unscoped_loop", "{% for i in [1, 2] %}{% block item %}<{{ i }}>{% endblock %}{% endfor %}")
    html("block_required", "{% extends 'req.html' %}", files={"req.html": "{% block x required %}{% endblock %}"})
    html("block_required_ok", "{% extends 'req.html' %}{% block x %}ok{% endblock %}", files={"req.html": "{% block x required %}{% endblock %}"})
    html("block_no_extends", "a{% block b %}B{% endblock %}c")
    html("extends_include_in_block", "{% extends 'base.html' %}{% block content %}{% include 'p.html' %}{% endblock %}", {"v": 1}, files=dict(base, **{"p.html": "<{{ v }}>"}))
    html("extends_macro_in_child", "{% extends 'base.html' %}{% macro m() %}M{% endmacro %}{% block content %}{{ m() }}{% endblock %}", files=base)
    # ---- autoescape
    html("ae_basic", "{{ s }}|{{ s|safe }}|{{ '<x>' }}|{{ 1 }}|{{ none }}", {"s": "<script>alert('x') & \"y\"</script>"})
    html("ae_concat_markup", "{{ a|safe ~ b }}|{{ a ~ b }}|{{ a ~ b|safe }}", {"a": "<a>", "b": "<b>"})
    html("ae_list_repr", "{{ ['<a>', \"'\"] }}")
    html("ae_block_off", "{% autoescape false %}{{ '<b>' }}{% endautoescape %}{{ '<b>' }}")
    case("ae_block_on_txt", "{% autoescape true %}{{ '<b>' }}{% endautoescape %}{{ '<b>' }}")
    html("ae_markup_plus", "{{ ('<a>'|safe) + '<b>' }}")
    html("ae_set_block_markup", "{% set x %}<b>{% endset %}{{ x }}{{ x ~ '<i>' }}")
    html("ae_upper_markup", "{{ ('<b>x</b>'|safe)|upper }}|{{ ('a&amp;b'|safe)|title }}")
    html("ae_format_filter", "{{ '%s'|format('<x>') }}")
    html("ae_trim_markup", "{{ ('  <b>  '|safe)|trim }}")
    html("ae_default_markup", "{{ missing|default('<d>') }}")
    # ---- globals
    case("g_range_loop", "{% for i in range(2, 11, 4) %}{{ i }} {% endfor %}")
    case("g_dict", "{{ dict(a=1, b='x') }}")
    case("g_cycler", "{% set c = cycler('a', 'b') %}{{ c.next() }}{{ c.next() }}{{ c.next() }}{{ c.current }}{% set _ = c.reset() %}{{ c.next() }}")
    case("g_joiner", "{% set pipe = joiner(' | ') %}{% for x in [1, 2, 3] %}{{ pipe() }}{{ x }}{% endfor %}")
    case("g_joiner_default", "{% set j = joiner() %}{% for x in 'ab' %}{{ j() }}{{ x }}{% endfor %}")
    # ---- undefined behaviour
    case("undef_print", "[{{ missing }}][{{ missing is defined }}]")
    case("undef_if", "{% if missing %}yes{% else %}no{% endif %}")
    case("undef_compare_eq", "{{ missing == none }} {{ missing != 1 }}")
    case("undef_arith_error", "{{ missing + 1 }}")
    case("undef_nested_error", "{{ a.b.c }}", {"a": {}})
    case("undef_call_attr_error", "{{ missing.foo() }}")
    case("undef_item_of_none_error", "{{ n.x }}|{{ n.x.y }}", {"n": None})
    case("strict_print", "{{ missing }}", strict=True)
    case("strict_if", "{% if missing %}{% endif %}", strict=True)
    case("strict_defined_ok", "{{ missing is defined }} {{ missing|default('d') }}", strict=True)
    case("strict_for", "{% for x in missing %}{% endfor %}", strict=True)
    case("strict_concat", "{{ 'a' ~ missing }}", strict=True)
    case("strict_attr_of_defined", "{{ d.nope }}", {"d": {}}, strict=True)
    case("strict_ok", "{{ a }}{% if a is defined %}!{% endif %}", {"a": 1}, strict=True)
    case("strict_filter_input", "{{ missing|upper }}", strict=True)
    case("strict_eq", "{{ missing == 1 }}", strict=True)
    # ---- syntax errors
    case("err_unknown_filter", "{{ x|grde }}")
    case("err_unknown_test", "{{ x is nicely }}")
    case("err_unclosed_block", "{% if true %}x")
    case("err_unclosed_var", "{{ x ")
    case("err_unknown_tag", "{% frobnicate %}")
    case("err_endfor_mismatch", "{% for x in y %}{% endif %}")
    case("err_bad_expression", "{{ 1 + }}")
    case("err_unclosed_string", "{{ 'abc }}")
    case("err_unclosed_comment", "{# abc")
    case("err_extra_paren", "{{ (1 + 2)) }}")
    case("err_block_twice", "{% block a %}{% endblock %}{% block a %}{% endblock %}")
    case("err_set_literal", "{% set 1 = 2 %}")
    case("err_macro_default_order", "{% macro m(a=1, b) %}{% endmacro %}")
    case("err_not_callable", "{{ x() }}", {"x": 1})
    case("err_int_not_iterable_filter", "{{ 5|join }}")
    # ---- project filters
    case("p_number", "{{ 1234567|number }} {{ 1234.5|number }} {{ 0|number }} {{ -9876543|number }} {{ 1234.5678|number(2) }} {{ 1000|number(1) }} {{ 999.999|number(2) }} [{{ none|number }}]")
    case("p_number_float_int", "{{ 100.0|number }} {{ 12345.0|number }} {{ 0.5|number }} {{ budget|number }}", {"budget": P["budget"]})
    case("p_percent", "{{ 96.666|percent }} {{ 96.666|percent(0) }} {{ 50|percent }} {{ 33.333|percent(2) }} {{ 0|percent }} {{ 99.95|percent }}")
    # Exact decimal rounding, half up: binary floating point gives 0.12% and 1.00 here.
    case("p_percent_exact", "{{ 0.125|percent(2) }} {{ 2.675|percent(2) }} {{ 1234.5|percent }} {{ '96.65'|percent }} {{ 1.005|number(2) }} {{ -0.125|number(2) }}")
    case("p_era_year", "{{ 2024|era_year }} {{ 2019|era_year }} {{ 2018|era_year }} {{ 1989|era_year }} {{ 2020|era_year }} {{ 1988|era_year }}")
    case("p_fy", "{{ 2024|fy }} {{ year|fy }}", {"year": 2023})
    case("p_fiscal_year", "{{ 2024|fiscal_year('ja') }} {{ 2024|fiscal_year('en') }} {{ 2019|fiscal_year }} {{ 2018|fiscal_year(lang='ja') }}")
    case("p_grade_class", "{{ 'A'|grade_class }} {{ 'b'|grade_class }} {{ '◎'|grade_class }} {{ 'A+'|grade_class }} {{ '優'|grade_class }} {{ ''|grade_class }}")
    i18n = {"nav": {"home": "ホーム", "about": "概要"}, "pages": {"count": "{n}件のページ", "range": "{a}〜{b}"}}
    case("p_t", "{{ 'nav.home'|t }} {{ 'nav.about'|t }} {{ 'pages.count'|t(n=3) }} {{ 'pages.range'|t(a=1, b=9) }} {{ 'nav.none'|t }}", {"i18n": i18n})
    case("p_t_strict_missing", "{{ 'nav.none'|t }}", {"i18n": i18n}, strict=True)
    case("p_t_one_pass", "{{ 'pages.range'|t(a='{b}', b=9) }}", {"i18n": i18n})
    html("p_report_row", "{% for k in policy.kpis %}<tr class=\"{{ policy.grade|grade_class }}\"><td>{{ k.name }}</td><td>{{ k.target|number }}{{ k.unit }}</td><td>{{ k.rate|percent }}</td></tr>\n{% endfor %}", {"policy": P})
    # ---- realistic pages
    html("page_policy", POLICY_PAGE, {"policy": P, "i18n": i18n, "site": {"name": "○○市 行政評価", "lang": "ja"}})
    case("page_text_report", TEXT_REPORT, {"policy": P})
    # ---- assorted edge cases
    case("edge_empty", "")
    case("edge_only_text", "プレーンテキスト")
    case("edge_braces_in_text", "{ not a tag } {{ '{' }} }}")
    case("edge_dict_in_var", "{{ {'a': {'b': 1}}['a']['b'] }}")
    case("edge_long_chain", "{{ x|default([])|map('string')|join('-')|upper|replace('1', 'ONE')|center(15)|trim }}", {"x": [1, 2, 3]})
    case("edge_unicode_names", "{% set 名前 = '値' %}{{ 名前 }}")
    case("edge_neg_index_string", "{{ '日本語'[-2] }}")
    case("edge_nested_ternary_filters", "{{ (a if a else b)|upper }}", {"a": "", "b": "x"})
    case("edge_filter_precedence", "{{ -2|abs }} {{ 'a' ~ 1 + 2 }} {{ 1 + 2|string|length }}")
    case("edge_in_precedence", "{{ 1 + 1 in [2] }} {{ not 1 in [1] }}")
    case("edge_is_precedence", "{{ 3 + 1 is even }} {{ not 3 is odd }}")
    case("edge_string_compare_eq_number", "{{ '1' == 1 }} {{ 1 == true }} {{ 0 == false }} {{ none == 0 }}")
    case("edge_loop_index_in_nested_if", "{% for x in 'ab' %}{% if loop.first %}F{% elif loop.last %}L{% endif %}{% endfor %}")
    case("edge_set_tuple_from_list", "{% set a, b = [1, 2] %}{{ b }}{{ a }}")
    case("edge_multiline_tag", "{{\n  1\n  +\n  2\n}}{%\nif true\n%}x{%\nendif\n%}")
    case("edge_dash_number", "{{- 5 -}}|{{ 5 - -1 }}")
    case("edge_float_keys", "{{ {1: 'a', 2.5: 'b'} }}")
    case("edge_bool_repr_in_list", "{{ [true, false, none] }} {{ (true,) }}")
    case("edge_nested_loops_else", "{% for a in [] %}{% else %}{% for b in [1] %}{{ b }}{% endfor %}{% endfor %}")
    case("edge_markup_in_txt_join", "{{ ['<a>'|safe, '<b>']|join(',') }}")
    case("edge_float_format_large", "{{ 1e100 }} {{ 123456789012345678.0 }} {{ 0.000123 }} {{ 1.23e-7 }}")
    case("edge_inf", "{{ 1e400 }} {{ -1e400 }}")
    case("more_default_none", "{{ x|default(none) }} {{ none|default('d') }} {{ x|default(none) is none }}")
    case("more_select_in", "{{ [1, 2, 3]|select('in', [2, 3])|list }} {{ ['a', 'b']|reject('eq', 'a')|list }}")
    case("more_set_default_increment", "{% set x = x|default(0) + 1 %}{{ x }}{% set x = x|default(0) + 1 %}{{ x }}")
    case("more_json_chain", "{{ data['items'][1].name }} {{ data.items is defined }}", {"data": {"items": [{"name": "a"}, {"name": "b"}]}})
    case("more_loop_in_include", "{% for x in ['a', 'b'] %}{% include 'row.txt' %}{% endfor %}", files={"row.txt": "{{ loop.index }}:{{ x }};"})
    case("more_loop_in_call", "{% macro w() %}({{ caller() }}){% endmacro %}{% for x in [1, 2] %}{% call w() %}{{ loop.index }}{{ x }}{% endcall %}{% endfor %}")
    case("more_revindex_filtered", "{% for x in range(6) if x is even %}{{ loop.revindex }}{% endfor %}")
    case("more_none_compare_error", "{{ none < 1 }}")
    case("more_tuple_compare", "{{ (1, 2) < (1, 3) }} {{ (1, 2) == (1, 2) }} {{ [1, 2] == (1, 2) }}")
    case("more_float_sum", "{{ [0.1, 0.2]|sum }} {{ 3 * 1.1 }} {{ 1.1 * 1.1 }}")
    case("more_dict_dup_keys", "{{ {'a': 1, 'a': 2} }}")
    case("more_markup_plus_str", "{{ ('<a>'|safe + '<b>')|length }}", None, "html")
    case("more_truncate_markup", "{{ ('<b>bold</b> text and more text here'|safe)|truncate(20) }}", None, "html")
    case("more_int_index_var", "{% for i in range(3) %}{{ l[i] }}{% endfor %}", {"l": ["甲", "乙", "丙"]})
    case("more_dictsort_value_loop", "{% for k, v in d|dictsort(false, 'value') %}{{ k }}{% endfor %}", {"d": {"x": 3, "y": 1, "z": 2}})
    case("more_block_set_in_child", "{% extends 'b.txt' %}{% block a %}{% set v = 'in' %}{{ v }}{% endblock %}", files={"b.txt": "[{% block a %}{% endblock %}][{{ v }}]"})
    case("more_scoped_block_loop", "{% for i in 'xy' %}{% block b scoped %}{{ i }}{{ loop.index }}{% endblock %}{% endfor %}")
    case("more_macro_kwargs_only", "{% macro m() %}{{ kwargs|dictsort }}{% endmacro %}{{ m(b=1, a=2) }}")
    case("more_macro_caller_default", "{% macro m() %}{{ caller() if caller else 'no caller' }}{% endmacro %}{{ m() }}|{% call m() %}yes{% endcall %}")
    case("more_nested_macro_imports", "{% import 'a.txt' as a %}{{ a.outer() }}", files={"a.txt": "{% import 'b.txt' as b %}{% macro outer() %}<{{ b.inner() }}>{% endmacro %}", "b.txt": "{% macro inner() %}inner{% endmacro %}"})
    case("more_whitespace_macro", "{%- macro m(x) -%}\n  [{{ x }}]\n{%- endmacro -%}\n{{ m(1) }}\n{{ m(2) }}")
    case("more_whitespace_for_if", "<ul>\n{% for i in [1, 2, 3] -%}\n  {% if i is odd -%}\n  <li>{{ i }}</li>\n  {% endif -%}\n{% endfor -%}\n</ul>")
    case("more_string_escape_in_html_attr", "<a title=\"{{ t }}\">", {"t": "\"quoted\" & 'single'"}, "html")
    case("more_getattr_list_method", "{{ [3, 1].index(1) }} {{ 'x'.upper is callable }} {{ {}.get is defined }}")
    case("more_filter_on_macro_output", "{% macro m() %}  hello  {% endmacro %}[{{ m()|trim|upper }}]")
    case("more_call_with_kwargs_dict", "{% macro m(a, b) %}{{ a }}-{{ b }}{% endmacro %}{{ m(**{'a': 1, 'b': 2}) }} {{ m(*[3, 4]) }}")
    case("more_self_in_child_block", "{% extends 'b.txt' %}{% block x %}X{% endblock %}{% block y %}{{ self.x() }}Y{% endblock %}", files={"b.txt": "{% block x %}{% endblock %}|{% block y %}{% endblock %}"})
    case("more_super_chain_missing", "{% extends 'b.txt' %}{% block x %}{{ super() }}{% endblock %}", files={"b.txt": "{% block x %}{{ super() }}{% endblock %}"})
    case("more_include_in_macro", "{% macro m(item) %}{% include 'i.txt' %}{% endmacro %}{{ m('z') }}", files={"i.txt": "<{{ item }}>"})
    case("more_filesize_binary", "{{ 1536|filesizeformat(true) }} {{ 1048576|filesizeformat(binary=true) }} {{ 1.5|filesizeformat }}")
    case("more_center_markup_html", "[{{ ('<b>'|safe)|center(7) }}]", None, "html")
    case("more_join_numbers", "{{ [1, 2.5, none, true]|join('|') }}")
    case("more_round_negative", "{{ 1234.5678|round(-2) }} {{ 1250|round(-2) }} {{ 1350|round(-2) }}")
    case("more_list_of_dicts_repr", "{{ [{'名前': '山田', '年齢': 30}] }}")
    case("more_loop_length_nested_filter", "{% for x in [1, 2, 3, 4] if x > 1 %}{{ loop.index }}/{{ loop.length }}{{ loop.last }} {% endfor %}")
    case("more_loop_escapes_via_namespace", "{% set ns = namespace(l=none) %}{% for x in [1, 2] %}{% set ns.l = loop %}{% endfor %}{{ ns.l.index }}/{{ ns.l.length }}")
    case("more_outer_loop_alias", "{% for a in 'ab' %}{% set outer = loop %}{% for b in 'xy' %}{{ outer.index }}{{ loop.index }} {% endfor %}{% endfor %}")
    case("edge_japanese_filters_mix", "{{ policy.title|center(20)|replace(' ', '・') }}|{{ policy.tags|join('／') }}|{{ policy.title|list|length }}", {"policy": P})


POLICY_PAGE = """<!DOCTYPE html>
<html lang="{{ site.lang }}">
<head><title>{{ policy.title }} | {{ site.name }}</title></head>
<body>
<nav><a href="/">{{ 'nav.home'|t }}</a> &gt; {{ policy.dept.name }}</nav>
<h1 class="{{ policy.grade|grade_class }}">{{ policy.title }} <small>{{ policy.year|fiscal_year('ja') }}</small></h1>
<p>予算額: {{ policy.budget|number }}円 / 達成率: {{ policy.score|percent }}</p>
<ul class="tags">
{%- for tag in policy.tags %}
  <li>{{ tag }}</li>
{%- endfor %}
</ul>
<table>
  <thead><tr><th>指標</th><th>目標</th><th>実績</th><th>達成率</th></tr></thead>
  <tbody>
  {%- for k in policy.kpis %}
    <tr class="{{ loop.cycle('odd', 'even') }}">
      <td>{{ loop.index }}. {{ k.name }}</td>
      <td>{{ k.target|number }}{{ k.unit }}</td>
      <td>{{ k.actual|number }}{{ k.unit }}</td>
      <td>{% if k.rate >= 95 %}<strong>{{ k.rate|percent }}</strong>{% else %}{{ k.rate|percent }}{% endif %}</td>
    </tr>
  {%- else %}
    <tr><td colspan="4">指標なし</td></tr>
  {%- endfor %}
  </tbody>
</table>
<p>{{ 'pages.count'|t(n=policy.kpis|length) }}</p>
<script>var data = {{ policy.kpis|tojson }};</script>
</body>
</html>
"""

TEXT_REPORT = """{{ policy.title }}
{{ '=' * 20 }}
年度: {{ policy.year|era_year }} ({{ policy.year|fy }})
担当: {{ policy.dept.name }} [{{ policy.dept.code }}]
{% for k in policy.kpis -%}
- {{ '%-8s'|format(k.name) }} {{ '{:>8,}'.format(k.target) }} {{ k.unit }} ({{ '%.1f'|format(k.rate) }}%)
{% endfor -%}
合計目標: {{ policy.kpis|sum(attribute='target') }}
タグ: {{ policy.tags|join(', ') }}
"""


if __name__ == "__main__":
    main()
