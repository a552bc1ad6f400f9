"""Schemathesis hooks for Tests/scripts/schemathesis.sh (loaded through SCHEMATHESIS_HOOKS).

Generated pushes would otherwise stop early: a random dossier id is `dossier.not_found`, and a
random mutation id is a `gap` (the server takes a device's ids only in order). Most pushes
therefore get ids that follow the device's last one and, in each payload, a dossier that exists
(FICHE_FUZZ_DOSSIERS: one id a line) and the mutation name that matches its payload, so the
generated values reach the domain rules. The rest are sent as generated.
"""

import json
import os
import random

import schemathesis

_path = os.environ.get("FICHE_FUZZ_DOSSIERS", "")
_DOSSIERS = [line.strip() for line in open(_path) if line.strip()] if _path else []
_random = random.Random(int(os.environ.get("SCHEMATHESIS_SEED", "1")))
_last_mutation_id = 0


def _is_push(case):
    return case.operation.method.upper() == "POST" and case.operation.path == "/v1/sync/push"


@schemathesis.hook
def before_call(ctx, case, kwargs):
    if not _DOSSIERS or not _is_push(case) or not isinstance(case.body, dict) or _random.random() < 0.2:
        return
    mutations = case.body.get("mutations")
    if not isinstance(mutations, list):
        return
    next_id = _last_mutation_id
    for mutation in mutations:
        if not isinstance(mutation, dict):
            continue
        next_id += 1
        mutation["id"] = next_id
        inner = mutation.get("mutation")
        payload = inner.get("payload") if isinstance(inner, dict) else None
        if isinstance(payload, dict):
            payload["dossier_id"] = _random.choice(_DOSSIERS)
            # The name says how the payload is decoded: make it the payload's own.
            if "field" in payload and "change" in payload:
                inner["name"] = "updateDossierField"
            elif "field" in payload:
                inner["name"] = "recordReveal"
            elif "note_id" in payload:
                inner["name"] = "addNote"
            elif "event_id" in payload:
                inner["name"] = "recordArt60Event"
            elif "record_id" in payload and "decision" in payload:
                inner["name"] = "reviewTimeRecord"
            elif "record_id" in payload:
                inner["name"] = "recordAbsence" if payload.get("kind") == "absence" else "recordTimeRecord"
            elif "month" in payload:
                inner["name"] = "closePayrollMonth"
                payload["employer_code"] = _random.choice(["AC-TEST", "CPAS-TEST"])


@schemathesis.hook
def after_call(ctx, case, response):
    global _last_mutation_id
    if not _is_push(case) or response.status_code != 200:
        return
    try:
        last = json.loads(response.content).get("last_mutation_id")
    except (ValueError, AttributeError):
        return
    if isinstance(last, int) and last > _last_mutation_id:
        _last_mutation_id = last
