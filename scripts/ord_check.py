#!/usr/bin/env python3
"""Recompute a WeakLink results folder's Oasis ORD tables from its period loss tables.

usage: python3 scripts/ord_check.py RESULTS_FOLDER

For every policy folder ord/POLICY/, perspective (gul, il, and ri, rl with reinsurance) and summary
set, reads the sample period loss table (PERSP_SN_splt.csv) and checks, independently of WeakLink's
own code (standard library only, no WeakLink import):

- the EPT (PERSP_SN_ept.csv): each summary id's OEP (largest event of each period) and AEP (sum of
  each period's events), and their TVaRs, at every return period the EPT lists, recomputed from the
  SPLT with the folder's quantile convention (manifest.json scenario.insurance.ord.quantile: type1,
  WeakLink's x_(ceil((1-1/T)n)) with the Acerbi-Tasche TVaR; or ktools, Oasis' ranks n/i
  interpolated in return period);
- OEP <= AEP and TVaR >= the loss at the same return period;
- the PSEPT equals the EPT (one sample per period);
- the PALT (PERSP_SN_palt.csv): MeanLoss = sum of the summary id's SPLT losses / n years, SDLoss the
  sample standard deviation (n - 1) of its annual losses, years without loss counting as 0;
- the SELT holds the same (event, summary id, loss) rows as the SPLT;
- with reinsurance: ceded (rl) + retained (ri) = insured (il), event by event, to the cent.

n is the folder's number of simulated years (manifest.json replicates_run). Exits 0 when every
check passes, 1 otherwise, printing each difference; 2 for a folder without period loss tables (a run
with insurance.event_losses: years or none).
"""
import csv
import json
import math
import os
import sys
from collections import defaultdict

# EPT losses are written to the cent from sums of cents: allow a cent, and floating error on large sums
def close(a, b):
    return abs(a - b) <= 0.011 + 1e-12 * max(abs(a), abs(b))


def read(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def type1(values_desc, n, t):
    """Loss and TVaR at return period t: x_(ceil(alpha n)) ascending, alpha = 1 - 1/t; Acerbi-Tasche TVaR."""
    asc = sorted(values_desc)
    alpha = 1 - 1 / t
    k = max(1, min(n, math.ceil(alpha * n - 1e-9)))
    var = asc[k - 1]
    tail_years = (1 - alpha) * n
    if tail_years <= 1e-9:
        return var, asc[-1]
    s = sum(asc[k:])
    partial = max(0.0, k - alpha * n)
    return var, (s + partial * asc[k - 1]) / tail_years


def ktools(values, n, periods):
    """Oasis ktools' lec (and oasislmf pytools): the years with a loss ranked from the largest, the i-th
    with return period n/i; the loss at T interpolated in return period between the ranks around it; the
    TVaR the mean of the larger years and the loss at T (a further T between the same ranks, or beyond the
    last year with a loss, adds itself to that mean, as ktools does). periods: longest first."""
    desc = sorted((v for v in values if v > 0), reverse=True)
    k, out, bracket, in_bracket = len(desc), {}, None, 0
    for t in periods:
        i = max(1, math.ceil(n / t))
        while n / i > t:
            i += 1
        while i > 1 and n / (i - 1) <= t:
            i -= 1
        if i > k:
            i = k + 1  # beyond the years with a loss: one bracket
        if i != bracket:
            bracket, in_bracket, added = i, 0, 0.0
        if i > k:
            loss = 0.0
        else:
            x, rp = desc[i - 1], n / i
            loss = x if rp == t else (t - rp) * (desc[i - 2] - x) / (n / (i - 1) - rp) + x
        added += loss
        in_bracket += 1
        out[t] = (loss, (sum(desc[:i - 1]) + added) / (i - 1 + in_bracket))
    return out


def check_set(folder, persp, s, n, convention, problems):
    base = os.path.join(folder, f"{persp}_S{s}_")
    splt = read(base + "splt.csv")
    yearly = defaultdict(lambda: [0.0] * n)
    largest = defaultdict(lambda: [0.0] * n)
    total = defaultdict(float)
    events = set()
    for r in splt:
        sid, period, loss = int(r["SummaryId"]), int(r["Period"]), float(r["Loss"])
        # written with 9 significant digits: 1/60 is 0.0166666667, 2e-9 of it off
        if abs(float(r["PeriodWeight"]) - 1 / n) > 1e-8 / n:
            problems.append(f"{base}splt.csv: PeriodWeight {r['PeriodWeight']} is not 1/{n}")
        y = period - FIRST_PERIOD
        yearly[sid][y] += loss
        largest[sid][y] = max(largest[sid][y], loss)
        total[sid] += loss
        events.add((int(r["EventId"]), sid, round(loss * 100)))
    selt = {(int(r["EventId"]), int(r["SummaryId"]), round(float(r["Loss"]) * 100)) for r in read(base + "selt.csv")}
    if selt != events:
        problems.append(f"{base}selt.csv: its (event, summary id, loss) rows differ from the SPLT's ({len(selt ^ events)} differ)")
    ept = read(base + "ept.csv")
    psept = read(base + "psept.csv")
    if [(r["SummaryId"], r["EPType"], r["ReturnPeriod"], r["Loss"]) for r in ept] != \
            [(r["SummaryId"], r["EPType"], r["ReturnPeriod"], r["Loss"]) for r in psept]:
        problems.append(f"{base}psept.csv differs from the EPT")
    by_key = {(int(r["SummaryId"]), int(r["EPType"]), float(r["ReturnPeriod"])): float(r["Loss"]) for r in ept}
    for sid in total:
        periods = sorted({rp for (i, _, rp) in by_key if i == sid}, reverse=True)
        if convention == "ktools":
            oep, aep = ktools(largest[sid], n, periods), ktools(yearly[sid], n, periods)
        else:
            oep = {t: type1(largest[sid], n, t) for t in periods}
            aep = {t: type1(yearly[sid], n, t) for t in periods}
        for t in periods:
            want = {1: oep[t][0], 2: oep[t][1], 3: aep[t][0], 4: aep[t][1]}
            for ep_type, value in want.items():
                got = by_key.get((sid, ep_type, t))
                if got is None or not close(got, value):
                    problems.append(f"{base}ept.csv: SummaryId {sid} EPType {ep_type} at {t:g} years is {got}, recomputed {value:.2f}")
            got = {k: by_key.get((sid, k, t), 0.0) for k in (1, 2, 3, 4)}
            if got[1] > got[3] + 0.011:
                problems.append(f"{base}ept.csv: SummaryId {sid} OEP {got[1]} above AEP {got[3]} at {t:g} years")
            if got[2] < got[1] - 0.011 or got[4] < got[3] - 0.011:
                problems.append(f"{base}ept.csv: SummaryId {sid} a TVaR is below its loss at {t:g} years")
    palt = {int(r["SummaryId"]): (float(r["MeanLoss"]), float(r["SDLoss"])) for r in read(base + "palt.csv")}
    for sid, s_total in total.items():
        mean = s_total / n
        m = sum(yearly[sid]) / n
        sd = math.sqrt(sum((x - m) ** 2 for x in yearly[sid]) / (n - 1)) if n > 1 else float("nan")
        got = palt.get(sid)
        if got is None or not close(got[0], mean) or not (close(got[1], sd) or (math.isnan(sd) and math.isnan(got[1]))):
            problems.append(f"{base}palt.csv: SummaryId {sid} is {got}, recomputed ({mean:.2f}, {sd:.2f})")
    return len(total)


FIRST_PERIOD = 1


def check_reinsurance(folder, problems):
    def losses(persp):
        out = defaultdict(int)
        for r in read(os.path.join(folder, f"{persp}_S1_selt.csv")):
            out[int(r["EventId"])] += round(float(r["Loss"]) * 100)
        return out
    il, ri, rl = losses("il"), losses("ri"), losses("rl")
    for e in set(il) | set(ri) | set(rl):
        if ri.get(e, 0) + rl.get(e, 0) != il.get(e, 0):
            problems.append(f"{folder}: event {e}: retained {ri.get(e, 0) / 100} + ceded {rl.get(e, 0) / 100} != insured {il.get(e, 0) / 100}")


def main(results):
    global FIRST_PERIOD
    with open(os.path.join(results, "manifest.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    n = manifest["replicates_run"]
    FIRST_PERIOD = manifest["shard"]["first_replicate"] + 1
    ord_settings = ((manifest.get("scenario") or {}).get("insurance") or {}).get("ord") or {}
    convention = ord_settings.get("quantile", "type1")
    if ord_settings.get("version", 1) != 1:
        print("ord_check.py checks ORD v1 files (ord.version: 1)")
        return 1
    kept = ((manifest.get("scenario") or {}).get("insurance") or {}).get("event_losses", "events")
    if kept != "events":
        print(f"{results}: the run kept event losses '{kept}' (insurance.event_losses), so it has no period loss tables (SPLT)"
              " to recompute the EPT and PALT from; rerun with insurance.event_losses: events (or run --event-losses events)")
        return 2
    problems, groups = [], 0
    ord_dir = os.path.join(results, "ord")
    for policy in sorted(os.listdir(ord_dir)):
        folder = os.path.join(ord_dir, policy)
        perspectives = sorted({name.split("_")[0] for name in os.listdir(folder)})
        for persp in perspectives:
            sets = sorted({int(name.split("_")[1][1:]) for name in os.listdir(folder) if name.startswith(persp + "_")})
            for s in sets:
                groups += check_set(folder, persp, s, n, convention, problems)
        if "rl" in perspectives:
            check_reinsurance(folder, problems)
    for p in problems:
        print(p)
    print(f"{groups} summary groups checked over {n} years ({convention} quantiles): {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
