#!/usr/bin/env python3
"""Grade colours stay apart for readers with colour-vision deficiencies.

Reads the grade colours (--g0 … --g3) and the status-badge colours
(--status-*) of assets/site.css, in the light scheme (:root) and the dark one
(@media (prefers-color-scheme: dark)), simulates deuteranopia, protanopia and
tritanopia (Machado, Oliveira & Fernandes 2009, severity 1.0, in linear RGB),
and prints the smallest CIEDE2000 difference between any two grade colours
under each simulation (and with normal vision). Fails when one falls below
MIN_GRADE_DE, or when a status badge colour comes closer than MIN_STATUS_DE to
a grade colour (a 集計中 badge must not look like a grade).

usage: grade_colours.py assets/site.css
"""
import math
import re
import sys

MIN_GRADE_DE = 20.0
MIN_STATUS_DE = 15.0

MACHADO = {
    "deuteranopia": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
    "protanopia": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
    "tritanopia": [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]],
}


def to_linear(c):
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def to_srgb(c):
    c = min(1.0, max(0.0, c))
    return 12.92 * c if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055


def parse(hex_colour):
    h = hex_colour.lstrip("#")
    if len(h) == 3:
        h = "".join(ch * 2 for ch in h)
    return tuple(int(h[i:i + 2], 16) / 255 for i in (0, 2, 4))


def simulate(rgb, kind):
    if kind == "normal":
        return rgb
    lin = [to_linear(c) for c in rgb]
    m = MACHADO[kind]
    return tuple(to_srgb(sum(m[r][k] * lin[k] for k in range(3))) for r in range(3))


def lab(rgb):
    r, g, b = (to_linear(c) for c in rgb)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
    f = lambda t: t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116
    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def ciede2000(lab1, lab2):
    L1, a1, b1 = lab1
    L2, a2, b2 = lab2
    c_bar = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_bar ** 7 / (c_bar ** 7 + 25 ** 7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360
    h2p = math.degrees(math.atan2(b2, a2p)) % 360
    dLp, dCp = L2 - L1, c2p - c1p
    dh = h2p - h1p
    if c1p * c2p == 0:
        dh = 0
    elif dh > 180:
        dh -= 360
    elif dh < -180:
        dh += 360
    dHp = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dh / 2))
    Lp, Cp = (L1 + L2) / 2, (c1p + c2p) / 2
    if c1p * c2p == 0:
        hp = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        hp = (h1p + h2p) / 2
    else:
        hp = (h1p + h2p + 360) / 2 if h1p + h2p < 360 else (h1p + h2p - 360) / 2
    t = (1 - 0.17 * math.cos(math.radians(hp - 30)) + 0.24 * math.cos(math.radians(2 * hp))
         + 0.32 * math.cos(math.radians(3 * hp + 6)) - 0.20 * math.cos(math.radians(4 * hp - 63)))
    d_theta = 30 * math.exp(-(((hp - 275) / 25) ** 2))
    rc = 2 * math.sqrt(Cp ** 7 / (Cp ** 7 + 25 ** 7))
    sl = 1 + 0.015 * (Lp - 50) ** 2 / math.sqrt(20 + (Lp - 50) ** 2)
    sc = 1 + 0.045 * Cp
    sh = 1 + 0.015 * Cp * t
    rt = -math.sin(math.radians(2 * d_theta)) * rc
    return math.sqrt((dLp / sl) ** 2 + (dCp / sc) ** 2 + (dHp / sh) ** 2 + rt * (dCp / sc) * (dHp / sh))


def variables(block):
    return dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{3,6})\b", block))


def schemes(css):
    root = re.search(r":root\s*\{(.*?)\}", css, re.S)
    dark = re.search(r"@media \(prefers-color-scheme: dark\)\s*\{\s*:root\s*\{(.*?)\}", css, re.S)
    if not root or not dark:
        sys.exit("grade_colours: site.css needs a :root block and a (prefers-color-scheme: dark) :root block")
    light = variables(root.group(1))
    return {"light": light, "dark": {**light, **variables(dark.group(1))}}


def main():
    css = open(sys.argv[1], encoding="utf-8").read()
    failures = []
    for scheme, colours in schemes(css).items():
        grades = {k: parse(v) for k, v in colours.items() if re.fullmatch(r"g[0-3]", k)}
        status = {k: parse(v) for k, v in colours.items() if k.startswith("status-")}
        if len(grades) != 4 or not status:
            sys.exit(f"grade_colours: {scheme}: expected --g0…--g3 and --status-* colours, found {sorted(grades) + sorted(status)}")
        for kind in ["normal", *MACHADO]:
            seen = {k: lab(simulate(v, kind)) for k, v in grades.items()}
            names = sorted(seen)
            pairs = [(ciede2000(seen[a], seen[b]), a, b) for i, a in enumerate(names) for b in names[i + 1:]]
            low, a, b = min(pairs)
            status_seen = {k: lab(simulate(v, kind)) for k, v in status.items()}
            near = min((ciede2000(s, g), sk, gk) for sk, s in status_seen.items() for gk, g in seen.items())
            print(f"{scheme:5} {kind:12} min ΔE2000 between grades {low:5.1f} ({a}/{b}); "
                  f"status badge to nearest grade {near[0]:5.1f} ({near[1]}/{near[2]})")
            if low < MIN_GRADE_DE:
                failures.append(f"{scheme} {kind}: {a} and {b} differ by ΔE2000 {low:.1f} < {MIN_GRADE_DE}")
            if near[0] < MIN_STATUS_DE:
                failures.append(f"{scheme} {kind}: --{near[1]} is ΔE2000 {near[0]:.1f} from --{near[2]} (< {MIN_STATUS_DE})")
    for f in failures:
        print("FAIL:", f)
    print(f"{0 if failures else 1} passed, {len(failures) and 1} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
