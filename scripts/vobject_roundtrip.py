#!/usr/bin/python3
"""Parse our vCard export with Python's vobject (an independent parser, the one Radicale uses)
and compare it with what the exporter was given.

Usage: /usr/bin/python3 scripts/vobject_roundtrip.py DIR

For every DIR/NAME.vcf there is a DIR/NAME.json: a list with one entry per card, in order,
each a list of properties {"name": "TEL", "params": {"TYPE": ["WORK", "VOICE"]}, "value": ...}.
The value is a string, except N (5 components), ADR (7 components) and ORG (a list of
components). The file must parse into exactly these cards, each with exactly these properties
(as a multiset: TEL appears twice), parameters and values: nothing missing, nothing extra.

Prints a JSON report {"files", "cards", "mismatches"} and exits 0 only when nothing mismatched.
Run with Debian's /usr/bin/python3 (python3-vobject), not a pyenv interpreter.
"""

import json
import pathlib
import sys

import vobject

N_FIELDS = ("family", "given", "additional", "prefix", "suffix")
ADR_FIELDS = ("box", "extended", "street", "city", "region", "code", "country")


def native_value(line):
    """The parsed value in the shape of the expected JSON; anything else is reported as is."""
    value = line.value
    if line.name == "N":
        return [getattr(value, field) for field in N_FIELDS]
    if line.name == "ADR":
        return [getattr(value, field) for field in ADR_FIELDS]
    # ORG is already a list; a component split on an unescaped comma would show up as a
    # nested list and not compare equal.
    return value


def parsed_properties(card):
    props = []
    for line in card.getChildren():
        props.append(
            {
                "name": line.name,
                "params": {key: list(values) for key, values in line.params.items()},
                "singletonparams": list(line.singletonparams),
                "value": native_value(line),
            }
        )
    return props


def canonical(props):
    """Order-independent comparison of property lists."""
    return sorted(json.dumps(p, sort_keys=True, ensure_ascii=False) for p in props)


def check_file(vcf_path, mismatches):
    expected_cards = json.loads(vcf_path.with_suffix(".json").read_text(encoding="utf-8"))
    # Read bytes and decode ourselves: text mode would translate line ends before vobject sees them.
    text = vcf_path.read_bytes().decode("utf-8")
    try:
        cards = list(vobject.readComponents(text))
    except Exception as error:  # vobject raises several types; any of them is a failure here
        mismatches.append({"file": vcf_path.name, "error": repr(error)})
        return 0
    if len(cards) != len(expected_cards):
        mismatches.append(
            {"file": vcf_path.name, "error": f"{len(cards)} cards, expected {len(expected_cards)}"}
        )
        return len(cards)
    for index, (card, expected) in enumerate(zip(cards, expected_cards)):
        if card.name != "VCARD":
            mismatches.append({"file": vcf_path.name, "card": index, "error": f"component {card.name}"})
            continue
        expected_props = [dict(p, singletonparams=[]) for p in expected]
        actual = canonical(parsed_properties(card))
        wanted = canonical(expected_props)
        if actual != wanted:
            mismatches.append(
                {
                    "file": vcf_path.name,
                    "card": index,
                    "unexpected": [p for p in actual if p not in wanted],
                    "missing": [p for p in wanted if p not in actual],
                }
            )
    return len(cards)


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    directory = pathlib.Path(sys.argv[1])
    mismatches = []
    files = sorted(directory.glob("*.vcf"))
    cards = sum(check_file(path, mismatches) for path in files)
    print(json.dumps({"files": len(files), "cards": cards, "mismatches": mismatches}, ensure_ascii=False))
    return 0 if files and not mismatches else 1


if __name__ == "__main__":
    sys.exit(main())
