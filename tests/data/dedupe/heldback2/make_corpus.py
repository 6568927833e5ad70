"""Build the third held-back dedupe corpus (dedupe-h2): `python3 make_corpus.py`.

Written apart from the development half (tests/data/dedupe/make_corpus.py), the held-back half
(tests/data/dedupe/heldback/make_corpus.py) and the dedupe rules (services/dedupe, not read).
Stories: 25 articles of tests/data/stories/heldout-c and heldout-d. Furniture: outlets.py here.

Copy procedures (label expect "duplicate"): identical re-delivery; the same page re-served with an
"Updated N min ago" stamp; the same outlet under a new path with utm/ref/amp parameters in
other orders; a "Key points" box of three sentences of the story above the body; byline and
dateline moved below the headline; a byline put into the first paragraph; photo captions with
credits between paragraphs; a paywall stub after 2-3 paragraphs; a paginated copy (page 1 and
page 2, each a record); a syndication line; British/American spelling changed; a reader-comment
block appended; a "Related coverage" list of other stories' headlines; and copies of revisions.

Revisions (expect "revision", must pass as news): a figure updated in headline and body; a new
paragraph with a new quote and a new figure; a figure corrected in one sentence; a name
corrected with a correction note; an "UPDATE:" paragraph prepended; a wrong paragraph removed
with a correction note. Traps (expect "unique"): the ten unused articles of the two batches
dressed in the same furniture, and fifteen wire stories of five kinds, three events each, that
differ only in places, names and figures. Labels say what each article is by construction.
"""

import json
import re
from datetime import datetime, timedelta
from pathlib import Path

from outlets import CAPTIONS, COMMENTS, NAMES, OUTLETS, PAYWALL, PHOTO_AGENCIES, SYNDICATION, WIRES

HERE = Path(__file__).parent
STORY_DIR = Path(__file__).resolve().parents[2] / "stories"
START = datetime.fromisoformat("2026-06-01T04:00:00+00:00")
USED_C = [0, 1, 3, 4, 5, 6, 8, 9, 11, 12, 13, 15]
USED_D = [0, 1, 3, 4, 6, 7, 8, 10, 11, 12, 14, 15, 17]
MIN_WORDS = 12

BRIT_US = [("hospitalised", "hospitalized"), ("organisation", "organization"),
           ("mobilised", "mobilized"), ("specialised", "specialized"),
           ("recognised", "recognized"), ("recognisable", "recognizable"),
           ("neighbourhood", "neighborhood"), ("defence", "defense"), ("centre", "center"),
           ("travelled", "traveled"), ("criticised", "criticized"), ("labour", "labor"),
           ("authorised", "authorized"), ("favour", "favor"), ("programme", "program"),
           ("organised", "organized"), ("apologised", "apologized"), ("kilometres", "kilometers"),
           ("metres", "meters"), ("emphasised", "emphasized"), ("analyse", "analyze"),
           ("colour", "color"), ("behaviour", "behavior"), ("catalogue", "catalog"),
           ("licence", "license"), ("recognise", "recognize"), ("realised", "realized"),
           ("criticized", "criticised"), ("organization", "organisation"),
           ("hospitalized", "hospitalised"), ("center", "centre"), ("labor", "labour"),
           ("defense", "defence"), ("neighborhood", "neighbourhood"), ("traveled", "travelled"),
           ("kilometers", "kilometres"), ("mobilized", "mobilised"), ("program", "programme")]

NEW_QUOTES = [
    '"We are not finished, and we expect more information in the coming days," a spokesperson '
    "said late on {day}, adding that the office had received 214 new inquiries since the "
    "announcement.",
    'A government spokesperson said a fuller account would be given at a news conference. '
    '"People are owed the whole picture," the spokesperson said, noting that 18 separate '
    "agencies were now involved.",
    '"This changes the calculation for everyone," said an analyst who has followed the matter '
    "for years, estimating that the knock-on effects could reach 3,600 people.",
    'An official who asked not to be named said a review team of 27 specialists had been '
    'appointed. "We will go through every document," the official said.',
    '"Nobody explained anything to us for hours," said one person directly affected, who told '
    "reporters on {day} that 46 people she knew were waiting for answers.",
]

UPDATES = [
    "UPDATE, 7:15 p.m.: This story has been updated with a statement issued on {day} evening, "
    "in which officials said a further 12 documents would be made public.",
    "UPDATE: This article was updated at 18:05 on {day} with new comments from officials, who "
    "said a second briefing would be held at 10 a.m. and that 3 more statements were expected.",
    "UPDATE (21:40 GMT): Officials confirmed the figures below on {day} and said a full report "
    "would be published within 30 days.",
]

REMOVED_NOTES = [
    "Correction: An earlier version of this article included a paragraph that incorrectly "
    "described the timeline of events. It has been removed.",
    "Editor's note: A paragraph in an earlier version of this story attributed a statement to the "
    "wrong official and has been deleted.",
]

RELATED = "Related coverage"

# (template, events): five kinds of wire story, three separate events each. Not duplicates.
TRAP_TEMPLATES = [
    ("Bus plunges into ravine in {place}, killing {n}",
     ["{PLACE_UP} ({wire}) — A bus carrying {pax} passengers plunged into a ravine in {region} "
      "on {day}, killing at least {n} people and injuring {inj} others, police said.",
      "The bus was travelling from {a} to {b} when the driver lost control on a sharp bend, "
      "police spokesperson {official} told reporters. Rescuers used ropes to reach the "
      "vehicle, which came to rest about {depth} metres below the road.",
      "The injured were taken to hospitals in {a}, where {crit} were said to be in critical "
      "condition. Officials said the toll could rise.",
      "Road accidents kill thousands of people in {country} every year, with poorly maintained "
      "roads and overloaded vehicles often blamed."],
     [dict(place="Peru", PLACE_UP="LIMA", region="the Ayacucho region", pax=52, n=23, inj=31,
           a="Huamanga", b="Lima", official="Juan Carlos Ríos", depth=200, crit=6,
           country="Peru", day="Monday"),
      dict(place="Nepal", PLACE_UP="KATHMANDU", region="Dhading district", pax=41, n=17,
           inj=19, a="Pokhara", b="Kathmandu", official="Bishnu Adhikari", depth=150, crit=4,
           country="Nepal", day="Wednesday"),
      dict(place="Bolivia", PLACE_UP="LA PAZ", region="Potosí department", pax=38, n=14, inj=22,
           a="Potosí", b="Oruro", official="Marcela Quispe", depth=300, crit=9,
           country="Bolivia", day="Saturday")]),
    ("Magnitude {mag} earthquake strikes off {place}; {n} dead",
     ["{PLACE_UP} ({wire}) — A magnitude {mag} earthquake struck off the coast of {place} on "
      "{day}, killing at least {n} people and damaging {houses} homes, the national disaster "
      "agency said.",
      "The quake hit at a depth of {km} kilometres, about {dist} kilometres from {town}, "
      "according to the U.S. Geological Survey. No tsunami warning was issued.",
      "Disaster agency chief {official} said {inj} people had been injured and that teams were "
      "checking bridges and schools in the area.",
      "{country} sits on the Pacific Ring of Fire, where earthquakes are frequent."],
     [dict(place="Sulawesi", PLACE_UP="JAKARTA", mag="6.1", n=8, houses=340, km=10, dist=45,
           town="Mamuju", official="Suharyanto", inj=96, country="Indonesia", day="Thursday"),
      dict(place="Mindanao", PLACE_UP="MANILA", mag="6.4", n=5, houses=1200, km=33, dist=60,
           town="Davao Oriental", official="Ariel Nepomuceno", inj=41,
           country="The Philippines", day="Friday"),
      dict(place="northern Chile", PLACE_UP="SANTIAGO", mag="6.7", n=3, houses=85, km=52,
           dist=110, town="Iquique", official="Alicia Cebrián", inj=12, country="Chile",
           day="Sunday")]),
    ("Factory fire kills {n} workers in {place}",
     ["{PLACE_UP} ({wire}) — A fire tore through a {kind} factory in {place} on {day}, killing "
      "{n} workers and injuring {inj}, fire officials said.",
      "About {staff} people were working in the building when the blaze broke out on the "
      "{floor} floor, fire service official {official} said. It took {engines} fire engines "
      "more than {hours} hours to bring the fire under control.",
      "Survivors said some exits had been locked. Police said they had detained the factory's "
      "manager for questioning.",
      "Labour groups have long criticised safety standards in the country's {kind} industry."],
     [dict(place="Dhaka", PLACE_UP="DHAKA", kind="garment", n=16, inj=40, staff=300,
           floor="fourth", official="Talha Bin Zasim", engines=14, hours=5, day="Tuesday"),
      dict(place="Gujarat", PLACE_UP="AHMEDABAD", kind="chemical", n=11, inj=25, staff=120,
           floor="ground", official="Jayesh Khadia", engines=9, hours=7, day="Monday"),
      dict(place="Karachi", PLACE_UP="KARACHI", kind="textile", n=21, inj=18, staff=250,
           floor="third", official="Mubeen Ahmed", engines=12, hours=9, day="Friday")]),
    ("Floods leave {n} dead and {displaced} displaced in {place}",
     ["{PLACE_UP} ({wire}) — Floods triggered by {days} days of heavy rain have killed at least "
      "{n} people and forced {displaced} from their homes in {place}, officials said on {day}.",
      "{official}, who heads the regional emergency office, said {missing} people were still "
      "missing and that {roads} roads had been cut off.",
      "The weather service warned of more rain over the next {more} days and urged residents of "
      "low-lying areas to move to higher ground.",
      "Scientists say climate change is making extreme rainfall more frequent and more intense."],
     [dict(place="northern Nigeria", PLACE_UP="ABUJA", days=4, n=32, displaced="18,000",
           official="Usman Bashir", missing=11, roads=14, more=3, day="Wednesday"),
      dict(place="eastern Kenya", PLACE_UP="NAIROBI", days=6, n=27, displaced="9,400",
           official="Joseph Mwangi", missing=8, roads=22, more=5, day="Monday"),
      dict(place="southern Brazil", PLACE_UP="PORTO ALEGRE", days=3, n=19, displaced="31,000",
           official="Renata Albuquerque", missing=14, roads=40, more=2, day="Thursday")]),
    ("{n} miners trapped after collapse at {place} mine",
     ["{PLACE_UP} ({wire}) — {n} miners were trapped underground on {day} after part of a "
      "{ore} mine collapsed in {place}, the company and local officials said.",
      "The collapse happened at a depth of about {depth} metres during a shift change, "
      "{official}, a spokesperson for the mine operator, said. {rescued} workers were brought "
      "to the surface.",
      "Rescue teams were pumping air into the shaft and trying to reach the trapped men, who "
      "officials said had food and water for {hours} hours.",
      "Mining accidents are common in the region, where safety rules are often poorly "
      "enforced."],
     [dict(place="Zacatecas", PLACE_UP="MEXICO CITY", n=9, ore="silver", depth=400,
           official="Ernesto Valdés", rescued=23, hours=48, day="Tuesday"),
      dict(place="Zonguldak", PLACE_UP="ANKARA", n=14, ore="coal", depth=350,
           official="Murat Kaya", rescued=41, hours=72, day="Saturday"),
      dict(place="Shanxi", PLACE_UP="BEIJING", n=6, ore="coal", depth=520,
           official="Wang Jun", rescued=17, hours=36, day="Wednesday")]),
]


def load_sources() -> tuple[list[dict], list[dict]]:
    c = [json.loads(x) for x in (STORY_DIR / "heldout-c/articles.jsonl").read_text().splitlines()
         if x.strip()]
    d = [json.loads(x) for x in (STORY_DIR / "heldout-d/articles.jsonl").read_text().splitlines()
         if x.strip()]
    used = [c[i] for i in USED_C] + [d[i] for i in USED_D]
    unused = ([a for i, a in enumerate(c) if i not in USED_C]
              + [a for i, a in enumerate(d) if i not in USED_D])
    return used, unused


def blocks_of(text: str) -> list[str]:
    return [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]


def is_body(block: str) -> bool:
    return "\n" not in block and len(block.split()) >= MIN_WORDS and block[-1] in ".\"”)'"


def body_of(blocks: list[str]) -> list[str]:
    return [b for b in blocks[1:] if is_body(b)]


def join(blocks: list[str]) -> str:
    return "\n\n".join(b for b in blocks if b) + "\n"


def first_sentence(p: str) -> str:
    m = re.match(r"(.+?[.!?][\"”]?)(\s+[A-Z\"“]|$)", p)
    return m.group(1) if m else p


DATELINE = re.compile(r"^([A-Z][A-Z .,'’]+(?:\([A-Za-z ,]+\))?|[A-Z][a-z]+ \([A-Z]+\))\s*[—–-]\s+")


def split_dateline(p: str) -> tuple[str | None, str]:
    m = DATELINE.match(p)
    if not m:
        return None, p
    rest = p[m.end():]
    return m.group(1).strip(), rest[0].upper() + rest[1:]


def furnished(o: dict, headline: str, body: list[str], extra_top: list[str] = (),
              extra_bottom: list[str] = ()) -> str:
    return join([*o["header"], headline, *extra_top, *body, *extra_bottom, *o["footer"]])


def bump(v: int) -> int:
    step = max(3, round(v * 0.09))
    return v + (round(step, -3) or 1000 if v >= 10000 else step)


def fmt(v: int, like: str) -> str:
    return f"{v:,}" if "," in like or v >= 10000 else str(v)


INT = re.compile(r"(?<![\w.,:$€£-])(?<!Dec\. )(?<!Jan\. )(?<!Sept\. )(?<!Oct\. )(?<!Nov\. )"
                 r"(?:\d{1,3}(?:,\d{3})+|\d+)(?![\w:]|[.,]\d|-\d)")


def headline_figure(headline: str, body: list[str]) -> str | None:
    """An integer of the headline that the body repeats (a toll, a count)."""
    for m in INT.finditer(headline):
        tok = m.group()
        if int(tok.replace(",", "")) >= 2 and not re.fullmatch(r"20\d\d|19\d\d", tok) and \
                any(re.search(rf"(?<![\d.,]){re.escape(tok)}(?![\d.,]\d)", p) for p in body):
            return tok
    return None


def sub_num(text: str, old: str, new: str) -> str:
    return re.sub(rf"(?<![\d.,]){re.escape(old)}(?![\d.,]\d|\d)", new, text)


def spelled(text: str) -> tuple[str, int]:
    """British spellings turned American (or the other way when the text is American)."""
    brit = sum(len(re.findall(rf"\b{b}", text)) for b, _ in BRIT_US[:27])
    us = sum(len(re.findall(rf"\b{u}", text)) for u, _ in BRIT_US[27:])
    pairs = BRIT_US[:27] if brit >= us else BRIT_US[27:]
    n = 0
    for a, b in pairs:
        text, k = re.subn(rf"\b{a}", b, text)
        n += k
    return text, n


def name_to_correct(body: list[str]) -> tuple[str, str] | None:
    stop = {"The", "New", "York", "South", "North", "United", "States", "Supreme", "Court",
            "President", "Minister", "Prime", "Foreign", "National", "Donald", "Trump"}
    for p in body[1:]:
        for m in re.finditer(r"\b([A-Z][a-z]+) ([A-Z][a-z]{4,})(?=, (?:\d|who|the|a|an) | said"
                             r"| told| wrote)|(?<=said )([A-Z][a-z]+) ([A-Z][a-z]{4,})\b", p):
            first, last = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
            if first not in stop and last not in stop:
                return first, last
    return None


def misspell(name: str) -> str:
    swap = {"a": "e", "e": "a", "i": "y", "o": "a", "u": "o"}
    for i in range(len(name) - 1, 0, -1):
        if name[i] in swap:
            return name[:i] + swap[name[i]] + name[i + 1:]
    return name + "e"


class Stream:
    def __init__(self) -> None:
        self.records: list[dict] = []

    def add(self, t: datetime, url: str, title: str | None, outlet: str | None, text: str,
            label: dict) -> dict:
        r = {"url": url, "title": title, "published": t.isoformat(), "outlet": outlet,
             "text": text, "guid": None, "label": label}
        self.records.append(r)
        return r


def lab(id_: str, story: int, expect: str, of: str | None, procedure: str, note: str,
        kind: str | None = None, **extra) -> dict:
    return {"id": id_, "story": story, "expect": expect, "of": of, "kind": kind,
            "procedure": procedure, "note": note, **extra}


def with_query(url: str, params: list[str]) -> str:
    return url + ("&" if "?" in url else "?") + "&".join(params)


def story_versions(n: int, art: dict, others: list[dict], s: Stream) -> None:
    t0 = START + timedelta(minutes=9 * n)
    sid = f"c{n}"
    text = art["text"]
    blocks = blocks_of(text)
    headline = blocks[0]
    body = body_of(blocks)
    home = art["url"]
    src_outlet = art["outlet"]
    outs = [OUTLETS[(n + i) % len(OUTLETS)] for i in range(6)]
    slug = re.sub(r"[^a-z0-9]+", "-", headline.lower()).strip("-")[:60]
    at = lambda m: t0 + timedelta(minutes=m, seconds=n)  # noqa: E731

    orig = s.add(at(0), home, art["title"], src_outlet, text,
          lab(f"{sid}-original", n, "unique", None, "original",
              f"{src_outlet} article as first published"))

    # --- copies of the original ------------------------------------------------------------
    def copy_procs() -> dict:
        o0, o1, o2, o3, o4, o5 = outs
        p = {}
        p["redelivered"] = lambda m: s.add(
            datetime.fromisoformat(orig["published"]), home,
            art["title"], src_outlet, text,
            lab(f"{sid}-redelivered", n, "duplicate", f"{sid}-original", "redelivered",
                "the identical record delivered again by the feed", "exact", redelivery=True))
        p["updated-ago"] = lambda m: s.add(
            at(m), home, art["title"], src_outlet,
            join([blocks[0], f"Updated {3 + n % 7} min ago", *blocks[1:]]),
            lab(f"{sid}-updated-ago", n, "duplicate", f"{sid}-original", "updated-ago",
                "the same page re-served with an 'Updated N min ago' stamp", "near",
                redelivery=True))
        host = re.match(r"https?://[^/]+", home).group()
        p["new-path-params"] = lambda m: s.add(
            at(m), with_query(f"{host}/amp/{slug}", ["ref=rss", "amp=1", "utm_source=feed",
                                                      f"utm_medium=social{n}"]),
            art["title"], src_outlet, text,
            lab(f"{sid}-new-path-params", n, "duplicate", f"{sid}-original", "new-path-params",
                "same outlet under a new path with ref/amp/utm parameters", "exact"))
        p["params-reordered"] = lambda m: s.add(
            at(m), with_query(home, [f"utm_medium=social{n}", "utm_source=feed", "ref=rss"]),
            art["title"], src_outlet, text,
            lab(f"{sid}-params-reordered", n, "duplicate", f"{sid}-original",
                "params-reordered", "same page with utm/ref parameters in another order",
                "exact"))
        kp = ["Key points", *[f"• {first_sentence(b)}" for b in body[:3]]]
        p["key-points"] = lambda m: s.add(
            at(m), f"{o0['host']}{slug}", headline, o0["outlet"],
            furnished(o0, headline, body, kp),
            lab(f"{sid}-key-points", n, "duplicate", f"{sid}-original", "key-points",
                "copy with a 'Key points' box of three of its sentences above the body", "near"))
        dl, lede = split_dateline(body[0])
        where = dl or src_outlet
        p["dateline-moved"] = lambda m: s.add(
            at(m), f"{o1['host']}{n}-{slug[:30]}", headline, o1["outlet"],
            furnished(o1, headline, [lede, *body[1:]],
                      [f"By {o1['byline']} | {where} | {at(m):%B %d, %Y %H:%M} UTC"]),
            lab(f"{sid}-dateline-moved", n, "duplicate", f"{sid}-original", "dateline-moved",
                "byline and dateline moved below the headline", "near"))
        name, wire = NAMES[n % len(NAMES)], WIRES[n % len(WIRES)]
        p["byline-in-lede"] = lambda m: s.add(
            at(m), f"{o2['host']}{slug}-{n}", headline, o2["outlet"],
            furnished(o2, headline, [f"By {name}, {wire} — {lede}", *body[1:]]),
            lab(f"{sid}-byline-in-lede", n, "duplicate", f"{sid}-original", "byline-in-lede",
                "byline and wire put into the first paragraph", "near"))

        def captioned() -> list[str]:
            out = []
            for i, b in enumerate(body):
                out.append(b)
                if i in (1, 4):
                    c = CAPTIONS[(n + i) % len(CAPTIONS)]
                    out.append(f"{c} (Photo: {o3['photo']}/{PHOTO_AGENCIES[(n + i) % 6]})")
            return out
        p["captions"] = lambda m: s.add(
            at(m), f"{o3['host']}{slug}?photos=1", headline, o3["outlet"],
            furnished(o3, headline, captioned(), [f"Photos: {2 + n % 9} images"]),
            lab(f"{sid}-captions", n, "duplicate", f"{sid}-original", "captions",
                "copy with photo captions and credits between paragraphs", "near"))
        keep = 2 + n % 2
        p["paywall"] = lambda m: s.add(
            at(m), f"{o4['host']}{slug}", headline, o4["outlet"],
            furnished(o4, headline, body[:keep], extra_bottom=[PAYWALL[n % 3]]),
            lab(f"{sid}-paywall", n, "duplicate", f"{sid}-original", "paywall",
                f"paywalled copy stopping after {keep} paragraphs", "near"))
        half = (len(body) + 1) // 2

        def paginated(m: int) -> None:
            s.add(at(m), f"{o5['host']}{slug}/page/1", headline, o5["outlet"],
                  furnished(o5, headline, body[:half], ["Page 1 of 2"],
                            ["Continued on next page"]),
                  lab(f"{sid}-page-1", n, "duplicate", f"{sid}-original", "paginated",
                      "page 1 of a paginated copy (first half of the body)", "near"))
            s.add(at(m + 1), f"{o5['host']}{slug}/page/2", f"{headline} (page 2)", o5["outlet"],
                  furnished(o5, f"{headline} — Page 2 of 2", body[half:], ["Continued from page 1"]),
                  lab(f"{sid}-page-2", n, "duplicate", f"{sid}-original", "paginated",
                      "page 2 of a paginated copy (second half of the body)", "near"))
        p["paginated"] = paginated
        synd = SYNDICATION[n % 2].format(src=src_outlet)
        p["syndication-line"] = lambda m: s.add(
            at(m), f"{o1['host']}syndicated/{slug}", headline, o1["outlet"],
            furnished(o1, headline, body, extra_bottom=[synd]),
            lab(f"{sid}-syndication-line", n, "duplicate", f"{sid}-original", "syndication-line",
                "copy with a 'republished with permission' line", "near"))
        sp, k = spelled(join(body))
        p["spelling"] = lambda m: s.add(
            at(m), f"{o2['host']}intl/{slug}", headline, o2["outlet"],
            furnished(o2, headline, blocks_of(sp)),
            lab(f"{sid}-spelling", n, "duplicate", f"{sid}-original", "spelling",
                f"copy with British/American spelling changed ({k} words)", "near"))
        total = 87 + 37 * n
        cm = [f"{total} comments", "Sort by: Newest"] + [
            f"{u} · {ago}\n{c}\nReply · {likes} likes" for u, ago, c, likes in
            COMMENTS[n % 3: n % 3 + 3]] + [f"Load {total - 3} more comments"]
        p["comments"] = lambda m: s.add(
            at(m), f"{o3['host']}{slug}#comments-{n}", headline, o3["outlet"],
            furnished(o3, headline, body, extra_bottom=cm),
            lab(f"{sid}-comments", n, "duplicate", f"{sid}-original", "comments",
                "copy with a reader-comment block appended", "near"))
        rel = [RELATED, *[f"{i + 1}. {others[(n + 3 * i + 1) % len(others)]['title']}"
                          for i in range(4)]]
        p["related"] = lambda m: s.add(
            at(m), f"{o4['host']}{n}/{slug}", headline, o4["outlet"],
            furnished(o4, headline, body[:4], extra_bottom=[*rel, *body[4:]]) if len(body) > 5
            else furnished(o4, headline, body, extra_bottom=rel),
            lab(f"{sid}-related", n, "duplicate", f"{sid}-original", "related",
                "copy with a 'Related coverage' list of other headlines with numbers", "near"))
        return p

    procs = copy_procs()
    order = ["redelivered", "new-path-params", "key-points", "dateline-moved", "captions",
             "paywall", "syndication-line", "spelling", "comments", "related", "byline-in-lede",
             "paginated", "updated-ago", "params-reordered"]
    _, spelling_changes = spelled(join(body))
    chosen = []
    for j in range(len(order)):
        name = order[(4 * n + j) % len(order)]
        if name == "spelling" and spelling_changes < 1:
            continue
        chosen.append(name)
        if len(chosen) == 4:
            break
    for i, name in enumerate(chosen):
        procs[name](3 + 11 * i)

    # --- revisions ---------------------------------------------------------------------------
    plan = REVISION_PLANS[n % len(REVISION_PLANS)]
    cur_blocks, cur_id, cur_title = blocks, f"{sid}-original", art["title"]
    for k, rname in enumerate(plan):
        m = 60 + 45 * k
        new_blocks, title, note, done = revise(rname, n, cur_blocks, cur_title)
        if new_blocks is None:
            continue
        rid = f"{sid}-rev{k + 1}-{done}"
        rurl = (f"{home}?updated={k + 1}" if k % 2 == 0 or n % 3 else
                f"{OUTLETS[(n + 2) % 6]['host']}update/{slug}")
        outlet = src_outlet if "?updated=" in rurl else OUTLETS[(n + 2) % 6]["outlet"]
        rtext = join(new_blocks) if outlet == src_outlet else furnished(
            OUTLETS[(n + 2) % 6], new_blocks[0], body_of(new_blocks))
        s.add(at(m), rurl, title, outlet, rtext,
              lab(rid, n, "revision", cur_id, f"rev-{done}", note))
        cur_blocks, cur_id, cur_title = new_blocks, rid, title
    if cur_id != f"{sid}-original" and n % 2 == 0:
        o = OUTLETS[(n + 4) % 6]
        hb, bb = cur_blocks[0], body_of(cur_blocks)
        which = n % 3
        if which == 0:
            txt = furnished(o, hb, bb, extra_bottom=[SYNDICATION[0].format(src=src_outlet)])
            proc = "revision-copy-syndication"
        elif which == 1:
            txt = furnished(o, hb, bb, ["Key points", *[f"• {first_sentence(b)}" for b in bb[:3]]])
            proc = "revision-copy-key-points"
        else:
            txt = furnished(o, hb, bb, [f"By {o['byline']}"], [f"{150 + n} comments"])
            proc = "revision-copy-byline-comments"
        s.add(at(200), f"{o['host']}{slug}-latest", cur_title, o["outlet"], txt,
              lab(f"{sid}-copy-of-latest", n, "duplicate", cur_id, proc,
                  "syndicated copy of the latest revision", "near"))


REVISION_PLANS = [
    ["figure-updated", "quote-added"],
    ["update-prepended"],
    ["figure-corrected", "paragraph-removed"],
    ["name-corrected"],
    ["quote-added", "figure-updated"],
    ["paragraph-removed"],
    ["figure-updated", "update-prepended"],
    ["quote-added"],
    ["name-corrected", "figure-updated"],
    ["figure-corrected"],
    ["update-prepended", "quote-added"],
]


def revise(kind: str, n: int, blocks: list[str], title: str | None
           ) -> tuple[list[str] | None, str | None, str, str]:
    headline = blocks[0]
    body = body_of(blocks)
    bi = [i for i, b in enumerate(blocks) if i > 0 and is_body(b)]
    out = list(blocks)
    day = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"][n % 5]
    if kind == "figure-updated":
        tok = headline_figure(headline, body)
        if tok is None:
            return revise("figure-corrected", n, blocks, title)
        new = fmt(bump(int(tok.replace(",", ""))), tok)
        out = [sub_num(b, tok, new) for b in out]
        return out, sub_num(title or headline, tok, new), (
            f"the figure {tok} updated to {new} in headline and body"), kind
    if kind == "figure-corrected":
        for i in bi[2:] + bi[1:2]:
            nums = [m for m in INT.finditer(out[i]) if not re.fullmatch(r"(19|20)\d\d", m.group())
                    and int(m.group().replace(",", "")) >= 2]
            if nums:
                tok = nums[0].group()
                v = int(tok.replace(",", ""))
                step = max(1 + n % 4, round(v * 0.03))
                new = fmt(v + (round(step, -3) or 1000 if v >= 10000 else step), tok)
                out[i] = out[i][:nums[0].start()] + new + out[i][nums[0].end():]
                return out, title, f"a figure corrected in one sentence ({tok} -> {new})", kind
        return None, title, "", kind
    if kind == "name-corrected":
        found = name_to_correct(body)
        if found is None:
            return revise("figure-corrected", n, blocks, title)
        first, nm = found
        right = misspell(nm)
        out = [out[0]] + [re.sub(rf"\b{nm}\b", right, b) for b in out[1:]]
        out.insert(bi[-1] + 1, f"Correction: An earlier version of this story misspelled the "
                               f"name of {first} {right}.")
        return out, title, f"a name corrected ({nm} -> {right}) with a correction note", kind
    if kind == "quote-added":
        q = NEW_QUOTES[n % len(NEW_QUOTES)].format(day=day)
        out.insert(bi[min(3, len(bi) - 1)], q)
        return out, title, "a new paragraph with a new quote and a new figure", kind
    if kind == "update-prepended":
        u = UPDATES[n % len(UPDATES)].format(day=day)
        out.insert(bi[0], u)
        return out, title, "an UPDATE paragraph prepended to the body", kind
    if kind == "paragraph-removed":
        gone = bi[len(bi) // 2]
        out[gone] = ""
        out.insert(bi[-1] + 1, REMOVED_NOTES[n % 2])
        out = [b for b in out if b]
        return out, title, "a wrong paragraph removed and a correction note appended", kind
    raise ValueError(kind)


def traps(unused: list[dict], s: Stream) -> None:
    t0 = START + timedelta(minutes=30)
    for i, art in enumerate(unused):
        o = OUTLETS[i % len(OUTLETS)]
        blocks = blocks_of(art["text"])
        h, b = blocks[0], body_of(blocks)
        slug = re.sub(r"[^a-z0-9]+", "-", h.lower()).strip("-")[:60]
        styles = [
            (["Key points", *[f"• {first_sentence(x)}" for x in b[:3]]], []),
            ([f"By {o['byline']} | {art['outlet']}"],
             [SYNDICATION[i % 2].format(src=art["outlet"])]),
            ([], [f"{87 + 37 * i} comments", "Sort by: Newest",
                  *[f"{u} · {a}\n{c}\nReply · {k} likes" for u, a, c, k in COMMENTS[i % 3:i % 3 + 3]]]),
            (["Page 1 of 1", f"Updated {3 + i} min ago"], [PAYWALL[i % 3]]),
            ([], [RELATED, "1. At least 550 pilgrims died during hajj, diplomats say",
                  "2. Dengue deaths cross 1,000 in Bangladesh's worst year on record"]),
        ]
        top, bottom = styles[i % len(styles)]
        s.add(t0 + timedelta(minutes=23 * i, seconds=30 + i), f"{o['host']}{slug}", h, o["outlet"],
              furnished(o, h, b, top, bottom),
              lab(f"t{i}-furniture-trap", 100 + i, "unique", None, "trap-shared-furniture",
                  f"unrelated {art['outlet']} article in the copiers' furniture", trap=True))
    k = 0
    for ti, (head, paras, events) in enumerate(TRAP_TEMPLATES):
        for ei, ev in enumerate(events):
            o = OUTLETS[(ti + ei) % len(OUTLETS)]
            wire = WIRES[(ti + ei) % 3]
            f = dict(ev, wire=wire)
            h = head.format(**f)
            body = [p.format(**f) for p in paras]
            slug = re.sub(r"[^a-z0-9]+", "-", h.lower()).strip("-")
            s.add(START + timedelta(minutes=40 + 19 * k, seconds=45 + k), f"{o['host']}{slug}", h,
                  o["outlet"], furnished(o, h, body, [f"By {o['byline']}, {wire}"]),
                  lab(f"t{ti}-{ei}-twin-event", 200 + k, "unique", None, "trap-twin-event",
                      f"separate event of the same kind ({h}); not a copy of its twins",
                      trap=True))
            k += 1


def corpus() -> list[dict]:
    used, unused = load_sources()
    s = Stream()
    for n, art in enumerate(used):
        story_versions(n, art, used + unused, s)
    traps(unused, s)
    order = sorted(s.records, key=lambda r: (r["published"], r["label"].get("redelivery") is True,
                                             r["label"]["id"]))
    return order


if __name__ == "__main__":
    recs = corpus()
    (HERE / "corpus.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs))
    print(f"wrote {len(recs)} articles to {HERE / 'corpus.jsonl'}")
