#!/usr/bin/env python3
"""Writes the insurer-book example's portfolio (book.csv): an SME cyber book of 200 insured firms among
the client businesses of the msp-fanout network (../msp-fanout/firms.csv), with each policy's terms by
the firm's size class. Deterministic. Run from this folder: python3 make_book.py

Every figure is an assumption for an illustrative Japanese SME cyber book unless a source is named:
- BOOK_FIRMS 200: the size of the book in issue #25's acceptance test (assumption: a small regional book).
- Which firms: every client whose id leaves remainder 3 when divided by 7, in id order, up to 200
  (assumption: spread across the MSPs, so that the book shares the MSP channel the way a real book of
  SMEs would, without favouring one provider).
- LIMIT_YEN: micro 10 million, small 30 million, medium 100 million yen a year (assumption: Japanese
  SME cyber policies are sold with limits of about 10 million to 100 million yen).
- DEDUCTIBLE_YEN: micro 0, small 100,000, medium 500,000 yen per event (assumption).
- WAITING_HOURS: 8 hours for micro and small, 12 for medium (cyber business-interruption waiting
  periods are typically 4-12 hours: issue #25, from market wordings; the values within it are assumptions).
- CBI_SHARE: contingent business interruption sublimited to 10 % of the limit (assumption: CBI is
  commonly sublimited in SME cyber policies).
- Ransom sublimit 0: ransoms are not covered (assumption: Japanese cyber policies are generally
  understood not to reimburse ransom payments).
- SHARE: the insurer writes all of micro and small policies and half of each medium firm's policy,
  co-insured with another insurer (assumption).
"""

BOOK_FIRMS = 200
LIMIT_YEN = {"micro": 10_000_000, "small": 30_000_000, "medium": 100_000_000}
DEDUCTIBLE_YEN = {"micro": 0, "small": 100_000, "medium": 500_000}
WAITING_HOURS = {"micro": 8, "small": 8, "medium": 12}
CBI_SHARE = 0.1
SHARE = {"micro": 1.0, "small": 1.0, "medium": 0.5}

rows = ["firm_id,limit_yen,deductible_yen,waiting_period_hours,cbi_sublimit_yen,ransom_sublimit_yen,share"]
with open("../msp-fanout/firms.csv", encoding="utf-8") as f:
    header = f.readline().strip().split(",")
    for line in f:
        cells = dict(zip(header, line.strip().split(",")))
        firm, size = int(cells["id"]), cells["size_class"]
        if cells["role"] != "manufacturer" or firm % 7 != 3 or len(rows) > BOOK_FIRMS:
            continue
        limit = LIMIT_YEN[size]
        rows.append(f"{firm},{limit},{DEDUCTIBLE_YEN[size]},{WAITING_HOURS[size]},{int(limit * CBI_SHARE)},0,{SHARE[size]:g}")
open("book.csv", "w", encoding="utf-8").write("\n".join(rows) + "\n")
print(f"book.csv: {len(rows) - 1} insured firms")
