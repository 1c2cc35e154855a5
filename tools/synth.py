"""Seeded synthetic corpora that look like real joint letters, to try the app and the pipeline at scale.

Realism that matters for the analytics and the extractor:
  * participation is heavy-tailed (a few organizations sign almost everything, most sign once or twice)
    and letter sizes are heavy-tailed (one 400-name letter among many of 10-50),
  * organizations belong to coalitions (a letter draws most signers from one coalition), which share demands,
  * umbrellas print their members as "o" sub-items,
  * the same organization is printed in variants: with/without acronym, dash styles, Organisation/Organization.
`generate()` returns the ground truth (Letter and Organization records, line numbers included) and the texts.

>>> c = generate(n_letters=5, n_orgs=40, n_signatures=60, seed=1)
>>> len(c.letters), 45 <= sum(len(L.signatories) for L in c.letters) <= 75
(5, True)
>>> generate(5, 40, 60, seed=1).texts == c.texts
True
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from graph.memory import paused_gc
from graph.records import DemandHit, Letter, Mention, Organization, Signatory
from tools.organizations import SynthOrg, organizations, variant, with_umbrellas

DEMANDS = {
    "arms_embargo": "We call on the UN Security Council to impose a comprehensive global arms embargo on the Myanmar military.",
    "aviation_fuel_ban": "States and companies must suspend all shipments of aviation fuel to Myanmar.",
    "targeted_sanctions": "We urge governments to impose targeted sanctions on military leaders and military-owned companies.",
    "icc_referral": "The Security Council should refer the situation in Myanmar to the International Criminal Court.",
    "icj_case": "We urge all states to intervene in The Gambia v. Myanmar case at the International Court of Justice.",
    "other_justice_mechanisms": "States should exercise universal jurisdiction and prosecute suspected perpetrators.",
    "iimm_support": "All states must cooperate fully with the Independent Investigative Mechanism for Myanmar.",
    "release_detainees": "We demand the immediate and unconditional release of all those arbitrarily detained.",
    "humanitarian_aid": "Donors must increase cross-border humanitarian assistance delivered through local groups.",
    "no_junta_legitimacy": "Governments must stop engaging with the military junta and refuse it any legitimacy.",
    "unsc_action": "We call on the UN Security Council to adopt a new resolution on Myanmar under Chapter VII.",
    "hrc_action": "The Human Rights Council should convene a special session and ensure enhanced monitoring.",
    "asean_5pc_implement": "We urge ASEAN to implement its Five-Point Consensus with a clear timeline.",
    "move_beyond_5pc": "The international community must move beyond the failed Five-Point Consensus and stop deferring to ASEAN.",
    "atrocity_prevention": "Governments must adopt an atrocity prevention strategy and monitor early warning indicators.",
    "restore_communications": "The military must restore the internet and end all communication shutdowns.",
    "protect_civil_society": "States must protect human rights defenders, journalists and civil society activists.",
    "business_responsibility": "Businesses must end all ties with the military and its conglomerates.",
    "social_media_action": "Social media platforms must suspend military accounts and remove military pages.",
    "restore_democracy": "We call for respect for the election result and support for a federal democracy.",
}
FILLER = [
    "Since the coup attempt of 1 February 2021, the military has killed thousands of civilians.",
    "Airstrikes on villages, schools and hospitals have displaced millions of people across the country.",
    "Civil society organizations have documented widespread and systematic attacks against civilians.",
    "The people of Myanmar have shown extraordinary courage in resisting military rule.",
    "The international response so far has been inadequate and has emboldened the junta.",
    "Humanitarian needs continue to grow while access to affected communities is blocked.",
]
RECIPIENTS = ["Members of the United Nations Security Council", "the UN Human Rights Council",
              "ASEAN Leaders", "the Foreign Ministers of the European Union", "the Government of Japan",
              "the Secretary-General of the United Nations", "Member States of the UN General Assembly"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


@dataclass(frozen=True)
class SynthCorpus:
    letters: tuple[Letter, ...]
    orgs: tuple[Organization, ...]
    texts: dict[str, str] = field(default_factory=dict)  # file name -> letter text
    groups: dict[str, int] = field(default_factory=dict)  # org id -> planted coalition


def _sizes(rng: np.random.Generator, n_letters: int, n_signatures: int, cap: int) -> np.ndarray:
    """Heavy-tailed letter sizes summing to about n_signatures: log-normal (many small letters, a few of
    several hundred names), at least 2 signers, capped."""
    raw = rng.lognormal(0.0, 1.0, n_letters)
    for _ in range(20):  # rescale until the capped sizes add up
        sizes = np.clip(np.round(raw / raw.sum() * n_signatures), 2, cap)
        if abs(sizes.sum() - n_signatures) <= n_letters:
            break
        raw = raw * (n_signatures / max(sizes.sum(), 1))
        raw = np.minimum(raw, cap * raw.sum() / n_signatures)
    return sizes.astype(int)


def _weighted_sample(rng: np.random.Generator, pool: np.ndarray, w: np.ndarray, k: int) -> np.ndarray:
    """k distinct items of pool, with probability by weight (Efraimidis-Spirakis keys)."""
    if k >= len(pool):
        return pool
    keys = np.log(rng.random(len(pool))) / w
    return pool[np.argpartition(-keys, k - 1)[:k]]


def _date(rng: np.random.Generator) -> tuple[str, str]:
    """(ISO date as a record holds it, date as printed): some letters give only month and year."""
    y, m, d = int(rng.integers(2021, 2026)), int(rng.integers(1, 13)), int(rng.integers(1, 29))
    if rng.random() < 0.2:
        return f"{y}-{m:02d}", f"{MONTHS[m - 1]} {y}"
    return f"{y}-{m:02d}-{d:02d}", f"{d} {MONTHS[m - 1]} {y}"


TITLES = ["Joint Statement on {t}", "Open Letter: {t}", "Urgent Call for {t}", "Joint Letter to {r} on {t}",
          "Civil Society Statement: {t}"]
TOPICS = ["Accountability in Myanmar", "Protecting Civilians in Myanmar", "the Myanmar Crisis", "Justice for Myanmar",
          "an End to Impunity", "Humanitarian Access in Myanmar", "the Rohingya Crisis", "the Spring Revolution"]


def _render(rng: np.random.Generator, file: str, orgs: list[SynthOrg], top: list[int], subs: dict[int, list[int]],
            demand_ids: list[str], undisclosed: int, records: bool = True) -> tuple[str, Letter | None, list[Mention]]:
    """The text of one letter and the records an ideal extractor would produce from it."""
    lines: list[str] = []

    def add(s: str = "") -> int:
        lines.append(s)
        return len(lines)

    pick = lambda xs: xs[int(rng.integers(len(xs)))]  # noqa: E731
    recipient = pick(RECIPIENTS)
    title = pick(TITLES).format(t=pick(TOPICS), r=recipient)
    iso, printed_date = _date(rng)
    t_line = add(title)
    add()
    r_line = add(f"To {recipient}")
    d_line = add(printed_date)
    add()
    add("Dear Excellencies,")
    add()
    hits = []
    for k, did in enumerate(demand_ids):
        add(pick(FILLER))
        ln = add(DEMANDS[did])
        hits.append(DemandHit(did, did.replace("_", " "), DEMANDS[did], (ln,)))
        if k % 2:
            add()
    add()
    add("Sincerely,")
    add()
    n_printed = len(top) + sum(len(v) for v in subs.values())
    if undisclosed:
        add(f"Signed by {n_printed + undisclosed} civil society organizations, including {undisclosed} organizations "
            "that have chosen not to disclose their names for their safety.")
        add()
    style, gap, bullet = pick(["numbered", "bullet", "plain"]), rng.random() < 0.3, pick(["- ", "• "])
    sigs, mentions = [], []
    u = rng.random((n_printed, 3)).tolist()  # one batch of draws: per-entry rng calls dominate at scale
    x = 0
    for n, k in enumerate(top, 1):
        o = orgs[k]
        shown = variant(o.name, o.acronym, u[x])
        x += 1
        ln = add((f"{n}. " if style == "numbered" else bullet if style == "bullet" else "") + shown)
        acr = o.acronym if shown.endswith(f"({o.acronym})") else None
        bare = shown[: -len(acr) - 3] if acr else shown
        if records:
            sigs.append(Signatory(bare, acr, None, (ln,), shown))
            mentions.append(Mention(file, bare, acr, None, (ln,)))
        for m in subs.get(k, ()):
            ms = variant(orgs[m].name, None, u[x])
            x += 1
            mln = add(f"o {ms}")
            if records:
                sigs.append(Signatory(ms, None, bare, (mln,), ms))
                mentions.append(Mention(file, ms, None, bare, (mln,)))
        if gap:
            add()
    if not records:
        return "\n".join(lines) + "\n", None, []
    letter = Letter(file=file, title=title, date=iso, recipients=(recipient,), signatories=tuple(sigs),
                    undisclosed_count=undisclosed or None, claimed_total=(n_printed + undisclosed) if undisclosed else None,
                    demands=tuple(hits), title_lines=(t_line,), date_lines=(d_line,), recipient_lines=(r_line,))
    return "\n".join(lines) + "\n", letter, mentions


def generate(n_letters: int = 50, n_orgs: int = 500, n_signatures: int = 3000, seed: int = 0,
             n_groups: int | None = None, home_share: float = 0.75, records: bool = True) -> SynthCorpus:
    """A corpus of `n_letters` letters by up to `n_orgs` organizations with about `n_signatures` signatures.
    Each letter draws `home_share` of its signers from one planted coalition, the rest from everyone,
    both weighted by a Zipf-like participation rate. records=False: texts only (faster, for benchmarks)."""
    with paused_gc():
        return _generate(n_letters, n_orgs, n_signatures, seed, n_groups, home_share, records)


def _generate(n_letters: int, n_orgs: int, n_signatures: int, seed: int, n_groups: int | None,
              home_share: float, records: bool) -> SynthCorpus:
    rng = np.random.default_rng(seed)
    n_groups = n_groups or max(2, int(round(np.sqrt(n_orgs) / 3)))
    orgs = with_umbrellas(rng, organizations(rng, n_orgs, n_groups))
    umbrella_of = {m: u for u, o in enumerate(orgs) for m in o.members}
    w = (rng.permutation(len(orgs)) + 1.0) ** -0.9
    group = np.array([o.group for o in orgs])
    everyone = np.arange(len(orgs))
    pools = {g: np.flatnonzero(group == g) for g in range(n_groups)}
    ids = sorted(DEMANDS)
    prefs = {g: list(rng.choice(ids, size=5, replace=False)) for g in range(n_groups)}
    rank = {k: r for r, k in enumerate(sorted(range(len(orgs)), key=lambda k: orgs[k].name.casefold()))}
    mean = n_signatures / max(n_letters, 1)
    sizes = _sizes(rng, n_letters, n_signatures, cap=int(max(2, min(len(orgs) // 2, max(50, 4 * mean)))))
    letters, texts, mentions = [], {}, {}
    for x in range(n_letters):
        home = int(rng.integers(n_groups))
        k = int(sizes[x])
        chosen = set(_weighted_sample(rng, pools[home], w[pools[home]], int(round(k * home_share))).tolist())
        extra = _weighted_sample(rng, everyone, w, k - len(chosen) + 3)
        for e in extra.tolist():
            if len(chosen) >= k:
                break
            chosen.add(e)
        subs = {u: [m for m in orgs[u].members if rng.random() < 0.8] for u in chosen
                if orgs[u].members and rng.random() < 0.6}
        printed_under = {m for ms in subs.values() for m in ms}
        top = sorted(chosen - printed_under, key=rank.__getitem__)  # letters list signatories alphabetically
        subs = {u: sorted(ms, key=rank.__getitem__) for u, ms in subs.items() if ms}
        n_dem = int(rng.integers(2, 5))
        demand_ids = sorted(set(rng.choice(prefs[home], size=n_dem, replace=False).tolist())
                            | ({str(rng.choice(ids))} if rng.random() < 0.3 else set()))
        undisclosed = int(rng.integers(5, 90)) if rng.random() < 0.1 else 0
        file = f"{x:04d}_synth.txt"
        text, letter, ms = _render(rng, file, orgs, top, subs, demand_ids, undisclosed, records)
        texts[file] = text
        if records:
            letters.append(letter)
            for mention, k2 in zip(ms, (k for t in top for k in (t, *subs.get(t, ())))):
                mentions.setdefault(k2, []).append(mention)
    records = []
    for k in sorted(mentions):
        o = orgs[k]
        printed = sorted({m.name for m in mentions[k]} - {o.name})
        acrs = (o.acronym,) if any(m.acronym for m in mentions[k]) else ()
        umbrella = (orgs[umbrella_of[k]].id,) if k in umbrella_of and any(m.member_of for m in mentions[k]) else ()
        records.append(Organization(o.id, o.name, tuple(printed), acrs, tuple(mentions[k]), (), umbrella,
                                    tuple(orgs[m].id for m in o.members if m in mentions), o.tags, o.country,
                                    o.ethnicity))
    return SynthCorpus(tuple(letters), tuple(records), texts, {o.id: o.group for o in orgs})


def write_letters(corpus: SynthCorpus, out_dir: str | Path) -> list[Path]:
    """Write each letter's text to out_dir/<file> (UTF-8); returns the paths in order."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for file, text in corpus.texts.items():
        p = out / file
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths
