#!/usr/bin/python3
"""The Python peer of the benchmark: the rules of DESIGN.md ("Scope", "Verdicts", "Finding the
entity" up to model patterns) written straightforwardly over networkx, to check that ownertrace
gives the same answers and to measure it against. Prints the same summary as ot-bench.

Usage: peer.py DATA.yaml NAMES [POLICY [AS_OF]]"""
import datetime
import hashlib
import json
import re
import sys
import time
import unicodedata
from collections import deque

import networkx as nx
import yaml

EPS = 1e-9
NONE, POSSIBLY, RESTRICTED = 0, 1, 2
STATUS = {POSSIBLY: "possibly", RESTRICTED: "restricted"}
SEPARATORS = re.compile(r"[-_./\s]")


def ordinal(value):
    if value is None:
        return None
    if isinstance(value, datetime.date):
        return value.toordinal()
    return datetime.date.fromisoformat(str(value)).toordinal()


def bounds(share):
    """(lo, lo_strict, hi, hi_strict) of a share; unknown is [0, 100]."""
    if share is None:
        return 0.0, False, 100.0, False
    if isinstance(share, (int, float)):
        return float(share), False, float(share), False
    if isinstance(share, list):
        return float(share[0]), False, float(share[1]), False
    lo, los, hi, his = 0.0, False, 100.0, False
    if "at_least" in share:
        lo = float(share["at_least"])
    if "more_than" in share:
        lo, los = float(share["more_than"]), True
    if "at_most" in share:
        hi = float(share["at_most"])
    if "less_than" in share:
        hi, his = float(share["less_than"]), True
    return lo, los, hi, his


def valid(attrs, day):
    return (attrs["since"] is None or day >= attrs["since"]) and (
        attrs["until"] is None or day <= attrs["until"])


def key(text):
    text = text.strip()
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())


class Dataset:
    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            data = yaml.load(f, Loader=yaml.CSafeLoader)
        g = nx.MultiDiGraph()
        self.order = []
        for e in data.get("entities") or []:
            g.add_node(e["id"], kind=e["kind"], name=str(e["name"]),
                       aliases=[str(a) for a in e.get("aliases") or []],
                       identifiers=[str(v) for v in (e.get("identifiers") or {}).values()],
                       patterns=e.get("model_patterns") or [])
            self.order.append(e["id"])
        for i, r in enumerate(data.get("relations") or []):
            lo, los, hi, his = bounds(r.get("share"))
            g.add_edge(r["from"], r["to"], key=i, type=r["type"], lo=lo, los=los, hi=hi, his=his,
                       since=ordinal(r.get("since")), until=ordinal(r.get("until")),
                       alleged=r.get("confidence") == "alleged")
        self.g = g
        self.lists = {l["id"]: l for l in data.get("lists") or []}
        self.policies = {p["id"]: p for p in data.get("policies") or []}


def scope_on(lst, day):
    scope = lst.get("scope")
    periods = scope if isinstance(scope, list) else [scope or {}]
    for p in periods:
        since, until = ordinal(p.get("since")), ordinal(p.get("until"))
        if (since is None or since <= day) and (until is None or day <= until):
            return p
    return None


def meets(scope, v, strict):
    n = scope["ownership"]
    if scope.get("strict"):
        return v > n + EPS or (abs(v - n) <= EPS and strict)
    return v >= n - EPS


def can_meet(scope, v, strict):
    n = scope["ownership"]
    if scope.get("strict"):
        return v > n + EPS
    return v > n + EPS or (abs(v - n) <= EPS and not strict)


class Reach:
    """The status of every entity under one list on one date: a worklist fixpoint."""

    def __init__(self, ds, lst, day):
        self.g, self.day = ds.g, day
        self.lst = lst
        self.scope = scope_on(lst, day)
        s = self.scope or {}
        self.own = "ownership" in s
        self.control = bool(s.get("control"))
        self.produced_by = bool(s.get("produced_by"))
        self.status = {}
        queue, queued = deque(), set()
        seeds = []
        for en in lst.get("entries") or []:
            listed, removed = ordinal(en.get("listed")), ordinal(en.get("removed"))
            if (listed is None or listed <= day) and (removed is None or day < removed):
                if en["entity"] not in self.status:
                    self.status[en["entity"]] = RESTRICTED
                    seeds.append(en["entity"])
        for e in seeds:
            self.push(e, queue, queued)
        while queue:
            e = queue.popleft()
            queued.discard(e)
            old = self.status.get(e, NONE)
            if old == RESTRICTED:
                continue
            new = self.evaluate(e)
            if new > old:
                self.status[e] = new
                self.push(e, queue, queued)

    def singles(self, e, full=False):
        """(upstream, attrs) of the non-owns relations that pass a status down to e."""
        for u, _, a in self.g.in_edges(e, data=True):
            t = a["type"]
            if u == e:
                continue
            if (t == "controls" and (full or self.control)) or (
                    t == "manufactures" and (full or self.produced_by)) or t == "same_as":
                yield u, a
        for _, v, a in self.g.out_edges(e, data=True):
            if v != e and a["type"] in ("brand_of", "product_of", "successor_of", "same_as"):
                yield v, a

    def holdings(self, e):
        """owner -> [lo, lo_strict, hi, hi_strict] over the owns relations valid on the date."""
        held = {}
        for u, _, a in self.g.in_edges(e, data=True):
            if a["type"] != "owns" or u == e or not valid(a, self.day):
                continue
            h = held.get(u)
            if h is None:
                h = held[u] = [None, False, None, False]
            if not a["alleged"] and (h[0] is None or a["lo"] < h[0] - EPS or (
                    abs(a["lo"] - h[0]) <= EPS and not a["los"])):
                h[0], h[1] = a["lo"], a["los"]
            if h[2] is None or a["hi"] > h[2] + EPS or (abs(a["hi"] - h[2]) <= EPS and not a["his"]):
                h[2], h[3] = a["hi"], a["his"]
        for h in held.values():
            if h[0] is None:
                h[0], h[1] = 0.0, False
        return held

    def evaluate(self, e):
        best = NONE
        for u, a in self.singles(e):
            if not valid(a, self.day):
                continue
            s = self.status.get(u, NONE)
            if s == RESTRICTED and not a["alleged"]:
                return RESTRICTED
            if s != NONE:
                best = POSSIBLY
        if not self.own:
            return best
        sc = self.scope
        sum_lo = sum_hi = 0.0
        lo_strict = hi_strict = False
        for u, (lo, los, hi, his) in self.holdings(e).items():
            s = self.status.get(u, NONE)
            if s == NONE:
                continue
            if sc.get("aggregate"):
                if s == RESTRICTED:
                    sum_lo += lo
                    lo_strict |= los
                sum_hi += hi
                hi_strict |= his
            else:
                if s == RESTRICTED and meets(sc, lo, los):
                    return RESTRICTED
                if can_meet(sc, hi, his):
                    best = POSSIBLY
        if sc.get("aggregate"):
            if meets(sc, sum_lo, lo_strict):
                return RESTRICTED
            if can_meet(sc, sum_hi, hi_strict):
                best = POSSIBLY
        return best

    def push(self, x, queue, queued):
        for _, v, a in self.g.out_edges(x, data=True):
            t = a["type"]
            if v == x or self.status.get(v) == RESTRICTED or not valid(a, self.day):
                continue
            if (t == "owns" and self.own) or (t == "controls" and self.control) or (
                    t == "manufactures" and self.produced_by) or t == "same_as":
                if v not in queued:
                    queued.add(v)
                    queue.append(v)
        for u, _, a in self.g.in_edges(x, data=True):
            if u == x or self.status.get(u) == RESTRICTED or not valid(a, self.day):
                continue
            if a["type"] in ("brand_of", "product_of", "successor_of", "same_as"):
                if u not in queued:
                    queued.add(u)
                    queue.append(u)

    def exposed(self, e):
        """TRUE when a tie exposes e (e not reached): a removed listing, or one relation from a
        reached entity (a stake, control or manufacture the list does not count, or a tie
        that ended before the date)."""
        for en in self.lst.get("entries") or []:
            removed = ordinal(en.get("removed"))
            if en["entity"] == e and removed is not None and removed <= self.day:
                return True
        ties = [(u, a) for u, _, a in self.g.in_edges(e, data=True)
                if a["type"] == "owns" and u != e]
        ties += list(self.singles(e, full=True))
        for u, a in ties:
            if self.status.get(u, NONE) == NONE:
                continue
            if not valid(a, self.day):
                if a["until"] is not None and a["until"] < self.day:
                    return True
            elif a["type"] in ("owns", "controls", "manufactures"):
                return True
        return False


def loosen(pattern):
    """The pattern without its literal separators (outside character classes), and any
    quantifier on them: matched against a name without separators."""
    out, i, in_class = [], 0, False
    while i < len(pattern):
        c = pattern[i]
        if in_class:
            out.append(c)
            if c == "\\" and i + 1 < len(pattern):
                out.append(pattern[i + 1])
                i += 1
            elif c == "]":
                in_class = False
            i += 1
            continue
        sep = False
        if c == "\\" and i + 1 < len(pattern) and pattern[i + 1] in "-. /_":
            sep, i = True, i + 1
        elif c in "- _/":
            sep = True
        if sep:
            if i + 1 < len(pattern) and pattern[i + 1] in "?*+{":
                i += 1
                if pattern[i] == "{":
                    while i + 1 < len(pattern) and pattern[i] != "}":
                        i += 1
                if i + 1 < len(pattern) and pattern[i + 1] in "?+":
                    i += 1
            i += 1
            continue
        if c == "[":
            in_class = True
        out.append(c)
        if c == "\\" and i + 1 < len(pattern):
            out.append(pattern[i + 1])
            i += 1
        i += 1
    return "".join(out)


class Resolver:
    RANKS = ("id", "identifier", "name", "alias")

    def __init__(self, ds):
        self.ds = ds
        self.index = [{} for _ in self.RANKS]
        for i, e in enumerate(ds.order):
            attrs = ds.g.nodes[e]
            for rank, texts in enumerate(([e], attrs["identifiers"], [attrs["name"]],
                                          attrs["aliases"])):
                for t in texts:
                    if t:
                        self.index[rank].setdefault(key(t), []).append(e)
        self.buckets, self.generic = {}, []
        for e in ds.order:
            for p in ds.g.nodes[e]["patterns"]:
                exact = re.compile(p, re.I)
                m = re.match(r"\^([A-Za-z0-9]{2})", p)
                loose = re.compile(loosen(p), re.I)
                entry = (e, loose, exact)
                if m and "|" not in p:
                    self.buckets.setdefault(m.group(1).upper(), []).append(entry)
                else:
                    self.generic.append(entry)

    def upstream(self, e):
        seen, frontier = set(), [e]
        for _ in range(6):
            if not frontier or len(seen) >= 5000:
                break
            nxt = []
            for x in frontier:
                for u, _, a in self.ds.g.in_edges(x, data=True):
                    if a["type"] in ("linked", "brand_of", "product_of", "successor_of"):
                        continue
                    if u not in seen:
                        seen.add(u)
                        nxt.append(u)
                for _, v, a in self.ds.g.out_edges(x, data=True):
                    if a["type"] in ("brand_of", "product_of", "successor_of", "same_as") and v not in seen:
                        seen.add(v)
                        nxt.append(v)
            frontier = nxt
        return seen

    def resolve(self, name):
        """(entity or None, candidates)."""
        if name in self.ds.g:
            return name, []
        k = key(name)
        matches = []
        for rank in range(len(self.RANKS)):
            matches = sorted(set(self.index[rank].get(k, [])))
            if matches:
                break
        if not matches:
            stripped = SEPARATORS.sub("", name).upper()
            found = set()
            lists = [self.generic, self.buckets.get(stripped[:2], [])]
            for entries in lists:
                for e, loose, exact in entries:
                    if loose.search(stripped) or exact.search(name):
                        found.add(e)
            matches = sorted(found)
        if not matches:
            return None, []
        if len(matches) == 1:
            return matches[0], []
        ups = [self.upstream(m) for m in matches]
        for i, a in enumerate(matches):
            if all(i == j or a in ups[j] for j in range(len(matches))):
                return a, []
        return None, matches


def main():
    data, names_path = sys.argv[1], sys.argv[2]
    policy = sys.argv[3] if len(sys.argv) > 3 else "bench"
    day = ordinal(sys.argv[4] if len(sys.argv) > 4 else "2025-01-01")
    t0 = time.monotonic()
    ds = Dataset(data)
    t_load = time.monotonic() - t0
    t1 = time.monotonic()
    reaches = [Reach(ds, ds.lists[l], day) for l in ds.policies[policy]["lists"]]
    t_reach = time.monotonic() - t1
    t2 = time.monotonic()
    resolver = Resolver(ds)
    counts = {"restricted": 0, "exposed": 0, "unresolved": 0, "clear": 0}
    digest = hashlib.sha256()
    n = 0
    with open(names_path, encoding="utf-8") as f:
        for line in f:
            name = line.rstrip("\n")
            if not name:
                continue
            n += 1
            e, _ = resolver.resolve(name)
            if e is None:
                verdict = "unresolved"
            else:
                st = [r.status.get(e, NONE) for r in reaches]
                if RESTRICTED in st:
                    verdict = "restricted"
                elif POSSIBLY in st or any(r.exposed(e) for r in reaches):
                    verdict = "exposed"
                else:
                    verdict = "clear"
            counts[verdict] += 1
            digest.update(("%s\t%s\t%s\n" % (name, verdict, e or "")).encode())
    t_check = time.monotonic() - t2
    lists = {}
    for r in reaches:
        h = hashlib.sha256()
        for e in ds.order:
            s = r.status.get(e, NONE)
            if s != NONE:
                h.update(("%s\t%s\n" % (e, STATUS[s])).encode())
        values = list(r.status.values())
        lists[r.lst["id"]] = {"restricted": values.count(RESTRICTED),
                              "possibly": values.count(POSSIBLY), "digest": h.hexdigest()}
    print(json.dumps({"side": "python", "entities": ds.g.number_of_nodes(),
                      "relations": ds.g.number_of_edges(), "load_s": round(t_load, 3),
                      "reach_s": round(t_reach, 3), "check_s": round(t_check, 3), "names": n,
                      "verdicts": counts, "verdict_digest": digest.hexdigest(), "lists": lists}))


if __name__ == "__main__":
    main()
