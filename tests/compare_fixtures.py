"""Hand-written news articles for the compare-stage tests: two invented events, several outlets.

Event "fire": a warehouse fire in the invented town of Dunmore (published 2024-05-14/15).
Event "vote": a council vote on a tram line in the invented city of Halvik (2024-05-14/16).
``fire_copy`` rewrites ``fire_a`` with a few words changed (a copied wire story).
"""

from __future__ import annotations

from newsprism.model import Document, Range, make_id, sha256_text

FIRE_A = (
    "Warehouse fire forces evacuation in Dunmore\n\n"
    "A fire broke out at a timber warehouse on the eastern edge of Dunmore on Tuesday night. "
    "Four firefighters were injured while fighting the blaze, and the county fire service evacuated "
    "about 300 residents from nearby streets. "
    "Fire chief Helena Marsh said the flames spread quickly through stacks of dry timber. "
    "Police closed the Dunmore ring road until Wednesday morning. "
    "The cause of the fire is under investigation, according to the county fire service.\n"
)
FIRE_COPY = (
    "Warehouse blaze in Dunmore forces evacuation\n\n"
    "A fire broke out at a timber warehouse on the eastern edge of Dunmore on Tuesday night. "
    "Four firefighters were injured while fighting the blaze, and the county fire service evacuated "
    "about 300 residents from nearby streets. "
    "Fire chief Helena Marsh said the flames spread quickly through stacks of dry timber. "
    "Police closed the Dunmore ring road until Wednesday morning. "
    "The cause of the fire is still under investigation, according to the county fire service.\n"
)
FIRE_B = (
    "Dunmore timber warehouse destroyed by overnight fire\n\n"
    "Flames destroyed a timber warehouse in Dunmore late on Tuesday. "
    "4 firefighters suffered injuries as crews battled the fire through the night. "
    "Officials moved roughly 300 people out of homes near the warehouse. "
    "Helena Marsh, the fire chief, praised the brave crews and thanked residents for their patience. "
    "Investigators have not yet determined what caused the fire at the Dunmore warehouse. "
    "Why did the town wait so long to inspect the building?\n"
)
FIRE_C = (
    "Dunmore fire: residents return home\n\n"
    "Residents evacuated during the Dunmore warehouse fire returned to their homes on Wednesday. "
    "The fire at the timber warehouse injured four firefighters, the county fire service said. "
    "Fire chief Helena Marsh said the warehouse owner had ignored two safety warnings last year. "
    "The council should close every timber yard that fails an inspection.\n"
)
FIRE_LATE = (
    "Dunmore warehouse owner questioned over fire\n\n"
    "Police in Dunmore questioned the owner of the timber warehouse that burned on Tuesday night. "
    "The warehouse fire injured four firefighters and forced the evacuation of 300 residents. "
    "Fire chief Helena Marsh said investigators found faulty wiring in the warehouse office.\n"
)
VOTE_A = (
    "Halvik council approves northern tram line\n\n"
    "The Halvik city council voted 31 to 14 on Tuesday to build a northern tram line. "
    "Mayor Tomas Greve welcomed the decision and called the line a lasting gift to commuters. "
    "The line will cost 420 million euros and connect the harbour with the university district. "
    "Construction is due to start in 2026.\n"
)
VOTE_B = (
    "Tram line to Halvik university wins council backing\n\n"
    "Councillors in Halvik backed the northern tram line by 31 votes to 14 on Tuesday. "
    "The project will link the harbour and the university district at a cost of 420 million euros. "
    "Opposition leader Ida Lund attacked the plan as a reckless waste of public money. "
    "Work on the tram line is scheduled to begin in 2026.\n"
)
VOTE_C = (
    "Halvik tram vote: what happens next\n\n"
    "After the Halvik council approved the northern tram line on Tuesday, engineers will survey "
    "the route between the harbour and the university district. "
    "Mayor Tomas Greve said the tram line would cut travel times for thousands of commuters. "
    "Ida Lund said the opposition would keep fighting the tram line in the courts.\n"
)


def doc(text: str, outlet: str, published: str | None, genre: str = "news") -> Document:
    title, _, _ = text.partition("\n")
    start = len(title) + 2
    return Document(
        id=make_id("doc", sha256_text(text)), source=f"{outlet}.txt", sha256=sha256_text(text),
        text=text, outlet=outlet, title=title, authors=(), published=published, genre=genre,
        body=Range(start, len(text)), removed=(),
    )


def fire_docs() -> dict[str, Document]:
    return {
        "fire_a": doc(FIRE_A, "Dunmore Courier", "2024-05-14"),
        "fire_copy": doc(FIRE_COPY, "Valley Daily", "2024-05-15"),
        "fire_b": doc(FIRE_B, "County Herald", "2024-05-15"),
        "fire_c": doc(FIRE_C, "Northern Post", "2024-05-15"),
    }


def vote_docs() -> dict[str, Document]:
    return {
        "vote_a": doc(VOTE_A, "Dunmore Courier", "2024-05-14"),
        "vote_b": doc(VOTE_B, "County Herald", "2024-05-14"),
        "vote_c": doc(VOTE_C, "Northern Post", "2024-05-16"),
    }
