"""Asks in other languages and the ask shapes of issue #16, as a table of short sentences written for these tests.

Each row: a sentence (or a short letter), and the demand id that must (True) or must not (False) be found; the
rows run with the paraphrase table of tests/test_demand_lexicon.py (test_paraphrase_table). Per
language: a first-person ask ("Exigimos", "Nous demandons", "Wir fordern"), a list under an ask, a modal ask, an
ask typed without accents, and near misses (someone else's ask, a negation, a mere description).
"""
from __future__ import annotations

import pytest

from graph.demands.find import find_demands
from graph.demands.languages import deaccent, merge_languages
from graph.curated import CuratedError

ROWS: list[tuple[str, str, bool]] = [
    # --- Spanish
    ("release_detainees", "Exigimos al Estado la liberación inmediata de los periodistas detenidos.", True),
    ("release_detainees", "Hacemos un llamado a las autoridades para que liberen a todas las personas presas por protestar.", True),
    ("release_detainees", "Exigimos la liberacion inmediata de los presos politicos.", True),   # typed without accents
    ("release_detainees", "El Gobierno liberó ayer a tres periodistas detenidos en marzo.", False),  # news, no ask
    ("release_detainees", "La ONU ha pedido la liberación inmediata de los detenidos.", False),       # someone else's ask
    ("end_violence", "Instamos a las partes a poner fin a la violencia contra la población civil.", True),
    ("end_violence", "El Estado debe garantizar el cese inmediato de los bombardeos.", True),
    ("protect_civil_society", "Pedimos a la comunidad internacional proteger a las personas defensoras y a los periodistas.", True),
    ("protect_civil_society", "Las defensoras trabajan en condiciones difíciles desde 2019.", False),
    ("accountability", "Exigimos que los responsables sean llevados ante la justicia y el fin de la impunidad.", True),
    ("independent_investigation", "Solicitamos una investigación independiente e imparcial de los hechos.", True),
    ("business_responsibility", "Instamos a la empresa a suspender sus operaciones y a respetar los derechos humanos.", True),
    ("restore_communications", "Exigimos restablecer el acceso a internet en todo el país.", True),
    ("restore_communications", "Exigimos que restablezcan el acceso a internet.", True),           # subjunctive
    ("protect_civil_society", "Pedimos al gobierno que garantice el derecho a la protesta pacífica.", True),
    # --- French
    ("release_detainees", "Nous demandons aux autorités de libérer sans condition les militants détenus.", True),
    ("release_detainees", "Nous demandons :\n- la libération immédiate des journalistes ;\n- la fin des poursuites.", True),
    ("release_detainees", "Les autorités n'ont pas libéré les journalistes détenus depuis novembre.", False),
    ("protect_civil_society", "Nous exhortons le gouvernement à garantir la sécurité des journalistes et des défenseurs.", True),
    ("restore_communications", "Les autorités doivent rétablir l'accès à internet sans délai.", True),
    ("restore_communications", "Le gouvernement a coupé l'accès à internet mobile à plusieurs reprises.", False),
    ("end_violence", "Nous appelons toutes les parties à un cessez-le-feu immédiat.", True),
    ("accountability", "Nous réclamons que les auteurs soient traduits en justice.", True),
    ("independent_investigation", "Nous demandons une enquête indépendante sur ces meurtres.", True),
    ("independent_investigation", "Une enquête a été ouverte par le parquet en 2022.", False),
    # --- German
    ("release_detainees", "Wir fordern die sofortige Freilassung aller politischen Gefangenen.", True),
    ("release_detainees", "Deshalb fordern wir die Behörden auf, die Aktivistinnen freizulassen.", True),
    ("release_detainees", "Wir appellieren an die Regierung, die inhaftierten Journalisten freizulassen.", True),
    ("release_detainees", "Die Journalistin wurde im März nicht freigelassen.", False),
    ("end_violence", "Die Konfliktparteien müssen die Angriffe auf Zivilisten sofort einstellen.", True),
    ("accountability", "Die Verantwortlichen müssen zur Rechenschaft gezogen werden.", True),
    ("business_responsibility", "Wir fordern ein wirksames Lieferkettengesetz mit menschenrechtlicher Sorgfaltspflicht.", True),
    ("protect_civil_society", "Wir fordern den Schutz von Journalistinnen und Menschenrechtsverteidigern.", True),
    ("restore_communications", "Wir fordern:\n- Freilassung aller politischen Gefangenen\n- Ende der Internetsperren", True),
    ("arms_embargo", "Wir fordern die Bundesregierung auf, Rüstungsexporte nach X zu stoppen.", True),
    # --- Portuguese
    ("release_detainees", "Exigimos a libertação imediata dos ativistas presos.", True),
    ("protect_civil_society", "Pedimos às autoridades que protejam os defensores de direitos humanos.", True),
    ("end_violence", "O governo deve pôr fim à violência contra os povos indígenas.", True),
    ("release_detainees", "Os ativistas foram libertados em 2020.", False),
    # --- English ask shapes of the independent letters
    ("business_responsibility", "To: Ms. A, Chief Executive Officer, Example Networks Inc.\n\n"
                                "We urge you to cease all sales and servicing of interception equipment to the army.", True),
    ("business_responsibility", "We DEMAND that Example Resources SUSPEND all exploration on indigenous territory.", True),
    ("business_responsibility", "We urge states to stop all sales of weapons to the junta.", False),   # a government: arms
    ("protect_civil_society", "The authorities must protect students and respect workers' right to organise.", True),
    ("protect_civil_society", "We call on the government to guarantee freedom of association for trade unions.", True),
    ("protect_civil_society", "The conference aims at strengthening unity among ethnic students.", False),
    ("restore_communications", "We urge the government to refrain from ordering telecom operators to impose internet shutdowns.", True),
    ("restore_communications", "The government ordered internet shutdowns in twelve districts last year.", False),
    ("release_detainees", "We call on the authorities to ensure that journalist Jane Doe is released without delay.", True),
    ("release_detainees", "We urge the authorities to restore freedom of movement for refugees in the camps.", False),
    ("release_detainees", "Blogger Ahmed Khan must be released immediately and unconditionally.", True),
    ("release_detainees", "The findings of the inquiry must be released to the public.", False),
    ("no_junta_legitimacy", "We urge ASEAN to stop inviting junta representatives to its summits.", True),
    ("no_junta_legitimacy", "ASEAN has invited junta representatives to its summits since 2021.", False),
]


def test_evidence_keeps_the_accents_of_the_letter():
    hits, _ = find_demands("Exigimos la liberación inmediata de las autoridades indígenas detenidas.")
    assert hits[0].evidence.startswith("Exigimos la liberación inmediata")


def test_deaccent_keeps_offsets():
    for s in ("libération immédiate", "Müßiggang", "ação", "plain"):
        assert len(deaccent(s)) == len(s)


def test_merge_rejects_an_unknown_demand_and_ask_key():
    base = {"asks": {"own": ["urge"]}, "demands": {"x": {"label": "X", "description": "x", "patterns": ["a"]}}}
    with pytest.raises(CuratedError):
        merge_languages({**base, "languages": {"fr": {"demands": {"nope": ["b"]}}}}, "demands.yaml")
    with pytest.raises(CuratedError):
        merge_languages({**base, "languages": {"fr": {"asks": {"owns": ["b"]}}}}, "demands.yaml")
    merged = merge_languages({**base, "languages": {"fr": {"asks": {"own": ["demandons"]},
                                                           "demands": {"x": ["b"]}}}}, "demands.yaml")
    assert merged["asks"]["own"] == ["urge", "demandons"] and merged["demands"]["x"]["patterns"] == ["a", "b"]
