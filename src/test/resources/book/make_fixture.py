#!/usr/bin/env python3
"""Writes the insurer's-book fixture of BookClaimsTest and computes, by hand, what each insured firm
loses and claims (expected_claims.csv) -- independently of WeakLink's code.

The network: 100 suppliers (ids 0-99, tier 1) each the sole supplier of one buyer (ids 100-199,
tier 0), no substitute, no spare capacity, no IT trust links. Every supplier is hit by ransomware on
day 0 with no dwell: its outage runs [0, D) with D = 10 days x its recovery_scale, at full stop (no
workaround, no manual operation). Its buyer draws down its inventory of I days, then stands still
until the supplier is back: contingent business interruption of max(0, D - I) days. Nothing is random:
incident costs have no noise (incident_sigma 0), ransoms are paid with propensity 1 or 0.

All 200 firms are in the book, with terms that vary by firm (deductible, limit, waiting period of
0-72 hours, a CBI sublimit, a ransom sublimit, the share written). Run: python3 make_fixture.py
(in this folder); the files are committed, the script documents how the expectations were made.
"""
import csv

N = 100
RECOVERY_DAYS = 10.0
VA_SHARE = 0.25


def supplier(i):
    return dict(revenue=1e9 * (1 + i % 5), scale=0.5 + (i % 10) * 0.25, incident=1e6 * (1 + i % 3),
                propensity=1.0 if i % 2 == 0 else 0.0, ransom_share=0.01)


def buyer(i):
    return dict(revenue=2e10 * (1 + i % 4), inventory=3.0 * (i % 7))


def terms(firm):
    j = firm % 100 + (firm // 100) * 7  # buyers' terms cycle differently from their suppliers'
    return dict(limit=5e8 * (1 + j % 3), deductible=1e6 * (j % 4), waiting=[0, 8, 12, 24, 72][j % 5],
                cbi=[0, 5e7, 2e8, 1e12][j % 4], ransom=[0, 5e6][j % 2], share=[1.0, 0.5, 0.25][j % 3])


def write_csv(name, header, rows):
    with open(name, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def g(x):
    return repr(float(x)) if x != int(x) else str(int(x))


firms, links, book, expected = [], [], [], []
for i in range(N):
    s = supplier(i)
    firms.append([i, 1, "small", "manufacturer", "parts", g(s["revenue"]), VA_SHARE, "", g(s["scale"]), 0, 0, 0,
                  g(s["propensity"]), s["ransom_share"], g(s["incident"]), 0])
for i in range(N):
    b = buyer(i)
    firms.append([100 + i, 0, "large", "manufacturer", "assembly", g(b["revenue"]), VA_SHARE, g(b["inventory"]), 1, 0, 0, 0,
                  0, 0, 0, 0])
    links.append(["supply", i, 100 + i, "", 1, 3650, 0])

for f in range(2 * N):
    t = terms(f)
    book.append([f, g(t["limit"]), g(t["deductible"]), t["waiting"], g(t["cbi"]), g(t["ransom"]), t["share"]])
    i = f % 100
    s = supplier(i)
    days = RECOVERY_DAYS * s["scale"]
    if f < N:  # a supplier: incident, its own BI, maybe a ransom
        dva = s["revenue"] * VA_SHARE / 365
        bi = days * dva
        waiting = min(bi, t["waiting"] / 24 * dva)
        ransom = s["propensity"] * s["ransom_share"] * s["revenue"]
        ground_up = s["incident"] + bi + ransom
        covered = s["incident"] + (bi - waiting) + min(ransom, t["ransom"])
        cbi = 0.0
    else:  # a buyer: CBI once its inventory is gone, until its supplier is back
        b = buyer(i)
        dva = b["revenue"] * VA_SHARE / 365
        cbi = max(0.0, days - b["inventory"]) * dva
        waiting = min(cbi, t["waiting"] / 24 * dva)
        bi, ransom = 0.0, 0.0
        ground_up = cbi
        covered = min(cbi - waiting, t["cbi"])
    paid = min(max(covered - t["deductible"], 0.0), t["limit"])
    if ground_up > 0:
        expected.append([f, "%.2f" % ground_up, "%.2f" % bi, "%.2f" % cbi, "%.2f" % ransom, "%.2f" % waiting, "%.2f" % paid,
                         "%.2f" % (t["share"] * paid)])

write_csv("firms.csv", ["id", "tier", "size_class", "role", "sector", "revenue_yen", "value_added_share", "inventory_days",
                        "recovery_scale", "workaround_share", "manual_operation_share", "manual_operation_days", "ransom_propensity",
                        "ransom_revenue_share", "incident_fixed_yen", "incident_revenue_share"], firms)
write_csv("links.csv", ["kind", "source", "target", "type", "share", "substitution_days", "substitution_share"], links)
write_csv("portfolio.csv", ["firm_id", "limit_yen", "deductible_yen", "waiting_period_hours", "cbi_sublimit_yen", "ransom_sublimit_yen",
                            "share"], book)
write_csv("expected_claims.csv", ["firm_id", "ground_up_loss", "bi_loss", "cbi_loss", "ransom_loss", "waiting_period_loss",
                                  "insured_loss", "book_loss"], expected)
with open("book.yaml", "w") as f:
    f.write("""name: book-fixture
description: 100 suppliers each the sole supplier of one buyer, every supplier hit on day 0; all 200 firms in the book (see make_fixture.py)
days: 365
seed: 1
replicates: 1
network:
  files: {firms: firms.csv, links: links.csv}
trust_types:
  edi: {daily_probability: 0}
  remote-access: {daily_probability: 0}
  managed-service: {daily_probability: 0}
size_classes:
  small: {recovery_days: 10, incident_sigma: 0, budget_share: 0, records: 0}
  large: {recovery_days: 10, incident_sigma: 0, budget_share: 0, records: 0}
economics:
  spare_capacity: 0
initial_compromises:
""")
    for i in range(N):
        f.write("  - {firm: %d, day: 0, effect: ransomware, dwell_days: 0}\n" % i)
    f.write("""insurance:
  portfolio: portfolio.csv
policies:
  - id: none
""")
