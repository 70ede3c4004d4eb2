#!/usr/bin/env python3
"""Reference values for samverkan's learned recommender and body protocol.

Writes test/fixtures/recommender/reference.json, read by
test/recommend/learned.test.ts. CI has no Python: rerun by hand (numpy,
scipy; statsmodels optional) when the definitions change, and commit the JSON.

    python3 scripts/recommender_reference.py

Written from the documented definitions (src/recommend/pair-features.ts,
conditional-logit.ts, evaluate-bodies.ts), not from the TypeScript:

1. Groupland, a small hand-built country (12 municipalities, 3 counties,
   borders, attributes) with 9 joint bodies and two direct links, given as the
   CSV files samverkan loads. For it: the body-protocol cases (hidden group,
   member, hits), every case's feature matrix, and the penalised conditional
   logit fitted on the cases at two penalties, by Newton's method here and
   checked against scipy's L-BFGS on the same objective.
2. The real bodies (data/sweden): the body-protocol cases and, per case, the
   precision@5, recall@5, reciprocal rank, nDCG@5 and AUC of the baselines
   nearest, same county then nearest, same labour-market region then
   nearest, common neighbours then nearest; the fit at lambda = 10 on
   every case; and the unpenalised fit on the one-hit cases, checked against
   statsmodels' ConditionalLogit (run with a Python that has statsmodels,
   e.g. Debian's /usr/bin/python3 with python3-statsmodels).
"""

from __future__ import annotations

import csv
import io
import json
import math
from pathlib import Path

import numpy as np
import scipy.optimize as so

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "test" / "fixtures" / "recommender" / "reference.json"
R_EARTH = 6371.0088
ALPHA, ITERATIONS = 0.15, 40

# ---------------------------------------------------------------- Groupland
MUNICIPALITIES = """code,name,county_code,population,population_year,lat,lon,la_region_2023,skr_kommungrupp_2023
G01,Aby,A,52000,2025,60.00,15.00,LA1,B3
G02,Berg,A,4100,2025,60.10,15.40,LA1,C8
G03,Dal,A,9800,2025,60.35,15.10,LA1,C7
G04,Ek,A,2300,2025,60.40,15.60,LA2,C9
G05,Fors,B,120000,2025,59.70,15.80,LA3,A2
G06,Gran,B,15000,2025,59.60,15.30,LA3,B4
G07,Holm,B,7300,2025,59.85,16.20,LA3,C8
G08,Il,B,3300,2025,59.40,16.00,LA4,C9
G09,Jarv,C,26000,2025,60.70,16.10,LA5,B4
G10,Kil,C,6100,2025,60.90,15.70,LA5,C7
G11,Lund,C,1900,2025,61.00,16.40,LA5,C9
G12,Mo,C,11000,2025,60.55,16.60,LA2,C6
"""
COUNTIES = """county_code,county_name
A,Alands län
B,Bredlands län
C,Cirklands län
"""
ADJACENCY = """a,b
G01,G02
G01,G03
G01,G06
G02,G03
G02,G04
G02,G05
G03,G04
G03,G09
G04,G09
G04,G12
G05,G06
G05,G07
G05,G08
G06,G08
G07,G12
G09,G10
G09,G12
G10,G11
G11,G12
"""
ACTORS = """id,name,kind,field,body_type,county_wide
rtj-ab,Räddningstjänsten Aby–Berg,joint_body,räddningstjänst,raddningstjanstforbund,false
rtj-syd,Räddningstjänsten Syd,joint_body,räddningstjänst,raddningstjanstforbund,false
of-nord,Överförmyndare Nord,joint_body,överförmyndare,gemensam_namnd,false
of-mitt,Överförmyndare Mitt,joint_body,överförmyndare,gemensam_namnd,false
finsam-a,Finsam A,joint_body,rehabilitering,samordningsforbund,false
it-ost,IT Öst,joint_body,IT,gemensam_namnd,false
avfall,Avfallsförbundet,joint_body,avfall,kommunalforbund_other,false
lon-tva,Lön Två,joint_body,lön,gemensam_namnd,false
cirkel,Cirklands kommuner,joint_body,regional utveckling,delregional,true
"""
LINKS = """source,target,kind
rtj-ab,G01,member
rtj-ab,G02,member
rtj-ab,G03,member
rtj-syd,G05,member
rtj-syd,G06,member
rtj-syd,G08,member
of-nord,G03,member
of-nord,G04,member
of-nord,G09,member
of-nord,G10,member
of-mitt,G01,member
of-mitt,G06,member
finsam-a,G01,member
finsam-a,G02,member
finsam-a,G03,member
finsam-a,G04,member
it-ost,G05,member
it-ost,G07,member
it-ost,G12,member
avfall,G09,member
avfall,G11,member
avfall,G12,member
avfall,G04,member
lon-tva,G08,member
lon-tva,G07,member
cirkel,G09,member
cirkel,G10,member
cirkel,G11,member
cirkel,G12,member
G02,G06,agreement
G10,G12,agreement
"""


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


class Geo:
    """Municipalities in code order with the arrays the features read."""

    def __init__(self, munis: list[dict], borders: list[tuple[str, str]]):
        munis = sorted(munis, key=lambda m: m["code"])
        self.codes = [m["code"] for m in munis]
        self.ix = {c: i for i, c in enumerate(self.codes)}
        self.n = n = len(munis)
        lat = np.array([float(m["lat"]) for m in munis])
        lon = np.array([float(m["lon"]) for m in munis])
        self.km = np.zeros((n, n))
        for i in range(n):
            for j in range(n):
                dlat = math.radians(lat[j] - lat[i])
                dlon = math.radians(lon[j] - lon[i])
                h = math.sin(dlat / 2) ** 2 + math.cos(math.radians(lat[i])) * math.cos(math.radians(lat[j])) * math.sin(dlon / 2) ** 2
                self.km[i, j] = 2 * R_EARTH * math.asin(min(1.0, math.sqrt(h)))
        self.county = [m["county"] for m in munis]
        self.pop = np.array([max(1.0, float(m["population"])) for m in munis])
        self.attr = [m.get("attributes", {}) for m in munis]
        self.border = np.zeros((n, n))
        for a, b in borders:
            self.border[self.ix[a], self.ix[b]] = self.border[self.ix[b], self.ix[a]] = 1


def same_attribute(geo: Geo, m: int, c: int, name: str, prefix: int | None) -> float:
    a, b = geo.attr[m].get(name, ""), geo.attr[c].get(name, "")
    if prefix is not None:
        a, b = a[:prefix], b[:prefix]
    return 1.0 if a != "" and a == b else 0.0


def features(geo: Geo, A: np.ndarray, m: int, cands: list[int], field_members: np.ndarray | None) -> np.ndarray:
    """The default features (and candidateHasField when field_members is given), by their documented definitions."""
    deg = A.sum(1)
    # Personalised PageRank from m: exactly 40 steps of pi <- a e_m + (1 - a) pi D^-1 A, from pi = e_m.
    P = np.divide(A, deg[:, None], out=np.zeros_like(A), where=deg[:, None] > 0)
    e = np.zeros(geo.n)
    e[m] = 1
    pi = e.copy()
    for _ in range(ITERATIONS):
        pi = ALPHA * e + (1 - ALPHA) * (pi @ P)
    partners_m = [p for p in range(geo.n) if A[m, p]]
    out = []
    for c in cands:
        km = geo.km[m, c]
        same_county = 1.0 if geo.county[m] == geo.county[c] else 0.0
        common = [z for z in range(geo.n) if A[m, z] and A[c, z]]
        ra = sum(1 / deg[z] for z in common)
        near_partner = min([km] + [geo.km[p, c] for p in partners_m])
        partners_c = [q for q in range(geo.n) if A[c, q]]
        near_you = min([km] + [geo.km[m, q] for q in partners_c])
        on_border = sum(1 for q in partners_c if geo.border[m, q])
        row = [
            math.log1p(km),
            geo.border[m, c],
            same_county,
            same_county * math.log1p(km),
            same_attribute(geo, m, c, "la_region_2023", None),
            same_attribute(geo, m, c, "skr_kommungrupp_2023", 1),
            abs(math.log(geo.pop[m]) - math.log(geo.pop[c])),
            math.log1p(deg[c]),
            math.log1p(ra),
            math.log(pi[c] + 1e-6),
            math.log1p(near_partner),
            math.log1p(near_you),
            math.log1p(on_border),
        ]
        if field_members is not None:
            row.append(float(field_members[c]))
        out.append(row)
    return np.array(out)


def tie_matrix(geo: Geo, groups: dict[str, list[int]], used: list[str], direct: list[tuple[int, int]]) -> np.ndarray:
    A = np.zeros((geo.n, geo.n))
    for g in used:
        for a in groups[g]:
            for b in groups[g]:
                if a != b:
                    A[a, b] = 1
    for a, b in direct:
        A[a, b] = A[b, a] = 1
    return A


def cases_of(geo, groups, fields, hidden, evidence, direct, field=False):
    """Body protocol: hide `hidden`; for each member m, candidates = untied municipalities, hits = co-members among them."""
    used = [g for g in evidence if g != hidden]
    A = tie_matrix(geo, groups, used, direct)
    members_in_field = None
    if field:
        known = [f for f in fields[hidden] if f != "other"]
        members_in_field = np.zeros(geo.n)
        for g in used:
            if any(f in known for f in fields[g]):
                for x in groups[g]:
                    members_in_field[x] = 1
    out = []
    for m in sorted(groups[hidden]):
        cands = [c for c in range(geo.n) if c != m and not A[m, c]]
        y = np.array([1.0 if c in groups[hidden] else 0.0 for c in cands])
        if y.sum() == 0:
            continue
        out.append({"group": hidden, "m": m, "cands": cands, "y": y, "X": features(geo, A, m, cands, members_in_field), "A": A})
    return out


def objective(cases, l2):
    """-l(beta) + l2/2 |beta|^2 on standardised features, and its pieces."""
    X = np.concatenate([c["X"] for c in cases])
    mu, sd = X.mean(0), X.std(0)
    sd[sd <= 1e-12] = 1.0
    Z = [(c["X"] - mu) / sd for c in cases]
    Y = [c["y"] for c in cases]

    def f(b):
        value, grad = 0.5 * l2 * b @ b, l2 * b.copy()
        for z, y in zip(Z, Y):
            s = z @ b
            lse = np.logaddexp.reduce(s)
            p = np.exp(s - lse)
            value -= y @ s - y.sum() * lse
            grad -= y @ z - y.sum() * (p @ z)
        return value, grad

    return f, Z, Y, mu, sd


def fit(cases, l2):
    """Newton's method with step halving from 0 (the documented algorithm), cross-checked with L-BFGS."""
    f, Z, Y, mu, sd = objective(cases, l2)
    p = Z[0].shape[1]
    b = np.zeros(p)
    current, _ = f(b)
    for _ in range(100):
        g = np.zeros(p)
        H = l2 * np.eye(p)
        for z, y in zip(Z, Y):
            s = z @ b
            pr = np.exp(s - np.logaddexp.reduce(s))
            k = y.sum()
            mean = pr @ z
            g += y @ z - k * mean
            H += k * ((z * pr[:, None]).T @ z - np.outer(mean, mean))
        g -= l2 * b
        step = np.linalg.solve(H, g)
        t = 1.0
        while True:
            nb = b + t * step
            value, _ = f(nb)
            if value <= current + 1e-12 or t < 1e-10:
                break
            t /= 2
        moved = np.abs(nb - b).max()
        b, current = nb, value
        if moved < 1e-12:
            break
    check = so.minimize(f, np.zeros(p), jac=True, method="L-BFGS-B", options={"gtol": 1e-12, "ftol": 1e-15, "maxiter": 10000})
    assert np.abs(check.x - b).max() < 1e-5, (check.x, b)
    raw = b / sd
    ll = 0.0
    for c in cases:
        s = c["X"] @ raw
        ll += c["y"] @ s - c["y"].sum() * np.logaddexp.reduce(s)
    return {"coefficients": raw.tolist(), "mean": mu.tolist(), "sd": sd.tolist(), "logLikelihood": float(ll)}


def statsmodels_check(cases):
    """The unpenalised fit on the one-hit cases, verified with statsmodels' ConditionalLogit when it is there.

    statsmodels' own optimisers stop short on this flat likelihood (its BFGS and
    L-BFGS disagree by 0.01 in a coefficient), so the check is the stronger
    one: at our coefficients its score (gradient) vanishes, its log-likelihood
    equals ours, and its own fit reaches no higher likelihood.
    """
    try:
        from statsmodels.discrete.conditional_models import ConditionalLogit
    except ImportError:
        return None
    one = [c for c in cases if c["y"].sum() == 1]
    ours = fit(one, 0.0)
    X = np.concatenate([c["X"] for c in one])
    y = np.concatenate([c["y"] for c in one])
    g = np.concatenate([[i] * len(c["y"]) for i, c in enumerate(one)])
    model = ConditionalLogit(y, X, groups=g)
    beta = np.array(ours["coefficients"])
    score = np.abs(model.score(beta)).max()
    loglike = model.loglike(beta)
    mu, sd = X.mean(0), X.std(0)
    own = ConditionalLogit(y, (X - mu) / sd, groups=g).fit(method="bfgs", maxiter=20000, gtol=1e-10, disp=False)
    assert score < 1e-6, score
    assert abs(loglike - ours["logLikelihood"]) < 1e-8, (loglike, ours["logLikelihood"])
    assert own.llf <= loglike + 1e-9, (own.llf, loglike)
    return {"cases": len(one), "coefficients": ours["coefficients"], "statsmodelsLogLikelihood": float(loglike), "statsmodelsMaxScore": float(score), "statsmodelsOwnFitLogLikelihood": float(own.llf)}


def ranked_metrics(scores, km, y, k=5):
    """Order by score desc, then km asc, then index; P@k, recall@k, RR, nDCG@k, AUC on that order."""
    order = sorted(range(len(y)), key=lambda r: (-scores[r], km[r], r))
    ranked = [y[r] for r in order]
    total = sum(ranked)
    top = sum(ranked[:k])
    first = next(i for i, v in enumerate(ranked) if v) + 1
    dcg = sum(1 / math.log2(i + 2) for i, v in enumerate(ranked[:k]) if v)
    ideal = sum(1 / math.log2(i + 2) for i in range(min(k, int(total))))
    neg = len(ranked) - total
    won, above = 0, 0
    for v in ranked:
        if v:
            won += neg - above
        else:
            above += 1
    return [top / k, top / total, 1 / first, dcg / ideal, won / (total * neg)]


def groupland():
    munis = []
    for r in rows(MUNICIPALITIES):
        munis.append({**r, "county": r["county_code"], "attributes": {"la_region_2023": r["la_region_2023"], "skr_kommungrupp_2023": r["skr_kommungrupp_2023"]}})
    geo = Geo(munis, [(r["a"], r["b"]) for r in rows(ADJACENCY)])
    actors = {r["id"]: r for r in rows(ACTORS)}
    groups: dict[str, list[int]] = {}
    direct = []
    for r in rows(LINKS):
        if r["source"] in actors:
            groups.setdefault(r["source"], []).append(geo.ix[r["target"]])
        else:
            direct.append((geo.ix[r["source"]], geo.ix[r["target"]]))
    field_of = {"räddningstjänst": ["fire_rescue"], "överförmyndare": ["guardianship"], "rehabilitering": ["rehabilitation"], "IT": ["it"], "avfall": ["waste"], "lön": ["payroll_hr"], "regional utveckling": ["regional_development"]}
    fields = {g: field_of[actors[g]["field"]] for g in groups}
    evidence = [g for g in groups if actors[g]["county_wide"] != "true"]
    eligible = [g for g in evidence if len(groups[g]) >= 2]
    return geo, groups, fields, evidence, eligible, direct


def main() -> None:
    geo, groups, fields, evidence, eligible, direct = groupland()
    cases = [c for g in eligible for c in cases_of(geo, groups, fields, g, evidence, direct)]
    field_cases = [c for g in eligible for c in cases_of(geo, groups, fields, g, evidence, direct, field=True)]
    small = {
        "files": {"municipalities": MUNICIPALITIES, "counties": COUNTIES, "adjacency": ADJACENCY, "actors": ACTORS, "links": LINKS},
        "cases": [
            {"group": c["group"], "municipality": geo.codes[c["m"]], "candidates": [geo.codes[x] for x in c["cands"]], "hits": [geo.codes[x] for x, v in zip(c["cands"], c["y"]) if v], "features": c["X"].tolist()}
            for c in cases
        ],
        "fieldFeature": [[float(v) for v in c["X"][:, -1]] for c in field_cases],
        "fits": {str(l2): fit(cases, l2) for l2 in (0.5, 2.0)},
        "fieldFit": fit(field_cases, 1.0),
    }

    # The real bodies.
    sweden = ROOT / "data" / "sweden"
    munis = {r["code"]: {**r, "county": r["county_code"], "attributes": {}} for r in csv.DictReader(open(sweden / "municipalities.csv", encoding="utf-8"))}
    for r in csv.DictReader(open(sweden / "municipality_regions.csv", encoding="utf-8")):
        munis[r["code"]]["attributes"] = {"la_region_2023": r["la_region_2023"], "skr_kommungrupp_2023": r["skr_kommungrupp_2023"]}
    geo = Geo(list(munis.values()), [(r["a"], r["b"]) for r in csv.DictReader(open(sweden / "adjacency.csv", encoding="utf-8"))])
    bodies = {r["body_id"]: r for r in csv.DictReader(open(sweden / "cooperation_bodies.csv", encoding="utf-8"))}
    groups = {}
    for r in csv.DictReader(open(sweden / "cooperations.csv", encoding="utf-8")):
        if bodies[r["body_id"]]["status"] != "proposal":
            groups.setdefault(r["body_id"], set()).add(geo.ix[r["municipality_code"]])
    groups = {g: sorted(v) for g, v in groups.items()}
    evidence = sorted(g for g in groups if bodies[g]["county_wide"] != "true")
    fields = {g: [] for g in groups}
    real_cases = [c for g in evidence if len(groups[g]) >= 2 for c in cases_of(geo, groups, fields, g, evidence, [])]
    la = [a["la_region_2023"] for a in geo.attr]
    baselines = {}
    for c in real_cases:
        m, cands, A = c["m"], c["cands"], c["A"]
        km = [geo.km[m, x] for x in cands]
        scores = {
            "nearest": [0.0] * len(cands),
            "same_county_nearest": [1.0 if geo.county[x] == geo.county[m] else 0.0 for x in cands],
            "same_region_nearest": [1.0 if la[x] == la[m] else 0.0 for x in cands],
            "common_neighbours": [float((A[m] * A[x]).sum()) for x in cands],
        }
        for name, s in scores.items():
            baselines.setdefault(name, []).append(ranked_metrics(s, km, list(c["y"])))
    real = {
        "cases": [{"group": c["group"], "municipality": geo.codes[c["m"]], "hits": [geo.codes[x] for x, v in zip(c["cands"], c["y"]) if v], "candidates": len(c["cands"])} for c in real_cases],
        "baselines": baselines,
        "fit10": fit(real_cases, 10.0),
        "statsmodels": statsmodels_check(real_cases),
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({"groupland": small, "sweden": real}, ensure_ascii=False) + "\n", encoding="utf-8")
    p5 = {k: round(float(np.mean([v[0] for v in vs])), 3) for k, vs in baselines.items()}
    print(f"wrote {OUT}: Groupland {len(cases)} cases; Sweden {len(real_cases)} cases, baseline P@5 {p5}")


if __name__ == "__main__":
    main()
