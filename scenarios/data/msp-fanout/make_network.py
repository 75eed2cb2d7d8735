#!/usr/bin/env python3
"""Writes the msp-fanout network (Kaseya VSA, July 2021): one software vendor, 60 managed-service
providers running its on-premises product, and their client businesses. Deterministic.
Run from this folder: python3 make_network.py"""
import random

rng = random.Random(20210702)
MSPS = 60                # Kaseya: "fewer than 60" on-premises VSA customers affected (Kaseya, 6 July 2021)
CLIENTS_PER_MSP = (10, 40)  # assumption: spread around Kaseya's 800-1,500 downstream businesses / ~50-60 MSPs

firms = ["id,name,tier,size_class,role"]
links = ["kind,source,target,type,share,substitution_days,substitution_share"]
firms.append("0,Remote-management software vendor,2,large,it-service")
next_id = 1
for m in range(MSPS):
    msp = next_id
    next_id += 1
    firms.append(f"{msp},MSP {m + 1},1,small,it-service")
    links.append(f"trust,0,{msp},managed-service,,,")
    for c in range(rng.randint(*CLIENTS_PER_MSP)):
        client = next_id
        next_id += 1
        size = rng.choice(["small", "small", "micro", "medium"])
        firms.append(f"{client},Client {m + 1}-{c + 1},0,{size},manufacturer")
        links.append(f"trust,{msp},{client},managed-service,,,")
open("firms.csv", "w").write("\n".join(firms) + "\n")
open("links.csv", "w").write("\n".join(links) + "\n")
