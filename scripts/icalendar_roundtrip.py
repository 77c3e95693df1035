#!/usr/bin/python3
"""Parse our warranty.ics export with Python's icalendar (an independent parser) and compare it
with what the exporter was given.

Usage: /usr/bin/python3 scripts/icalendar_roundtrip.py DIR

For every DIR/NAME.ics there is a DIR/NAME.json:
  {"calendar": {"VERSION": ..., "PRODID": ..., "CALSCALE": ..., "METHOD": ...},
   "events": [{"properties": [sorted names], "uid", "sequence", "dtstamp" (ISO, UTC),
               "dtstart", "dtend" (ISO dates), "summary", "description", "location" (null when
               absent), "transp", "alarms": [{"properties", "action", "trigger_seconds",
               "description"}]}]}
The file must parse into exactly one VCALENDAR with exactly these events, in order, and nothing
else: no parse errors recorded, no extra properties or components.

Prints a JSON report {"files", "events", "mismatches"} and exits 0 only when nothing mismatched.
Run with Debian's /usr/bin/python3 (python3-icalendar), not a pyenv interpreter.
"""

import datetime
import json
import pathlib
import sys

import icalendar


def text(component, name):
    value = component.get(name)
    return None if value is None else str(value)


def all_day(component, name):
    """An all-day DATE (not a DATE-TIME) as ISO text; anything else is reported as it is."""
    value = component.decoded(name)
    if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
        return f"not a DATE: {value!r}"
    return value.isoformat()


def utc(component, name):
    value = component.decoded(name)
    if not isinstance(value, datetime.datetime) or value.utcoffset() != datetime.timedelta(0):
        return f"not a UTC DATE-TIME: {value!r}"
    return value.isoformat()


def parsed_alarm(alarm):
    trigger = alarm.decoded("TRIGGER")
    return {
        "properties": sorted(alarm.keys()),
        "action": text(alarm, "ACTION"),
        "trigger_seconds": int(trigger.total_seconds()) if isinstance(trigger, datetime.timedelta) else repr(trigger),
        "description": text(alarm, "DESCRIPTION"),
    }


def parsed_event(event):
    return {
        "properties": sorted(event.keys()),
        "uid": text(event, "UID"),
        "sequence": int(event.get("SEQUENCE")) if "SEQUENCE" in event else None,
        "dtstamp": utc(event, "DTSTAMP"),
        "dtstart": all_day(event, "DTSTART"),
        "dtend": all_day(event, "DTEND"),
        "summary": text(event, "SUMMARY"),
        "description": text(event, "DESCRIPTION"),
        "location": text(event, "LOCATION"),
        "transp": text(event, "TRANSP"),
        "alarms": [parsed_alarm(alarm) for alarm in event.subcomponents],
    }


def errors_of(component):
    """Parse errors icalendar swallowed (it records them instead of raising), also below."""
    found = [(component.name, error) for error in component.errors]
    for sub in component.subcomponents:
        found.extend(errors_of(sub))
    return found


def check_file(ics_path, mismatches):
    expected = json.loads(ics_path.with_suffix(".json").read_text(encoding="utf-8"))
    # Bytes, decoded by us: text mode would translate line ends before icalendar sees them.
    data = ics_path.read_bytes().decode("utf-8")
    try:
        calendar = icalendar.Calendar.from_ical(data)
    except Exception as error:  # icalendar raises several types; any of them is a failure here
        mismatches.append({"file": ics_path.name, "error": repr(error)})
        return 0
    errors = errors_of(calendar)
    if errors:
        mismatches.append({"file": ics_path.name, "errors": errors})
    if calendar.name != "VCALENDAR":
        mismatches.append({"file": ics_path.name, "error": f"component {calendar.name}"})
    calendar_props = {name: text(calendar, name) for name in sorted(calendar.keys())}
    if calendar_props != expected["calendar"]:
        mismatches.append({"file": ics_path.name, "calendar": calendar_props, "expected": expected["calendar"]})
    others = [sub.name for sub in calendar.subcomponents if sub.name != "VEVENT"]
    if others:
        mismatches.append({"file": ics_path.name, "error": f"unexpected components {others}"})
    events = [sub for sub in calendar.subcomponents if sub.name == "VEVENT"]
    if len(events) != len(expected["events"]):
        mismatches.append({"file": ics_path.name, "error": f"{len(events)} events, expected {len(expected['events'])}"})
        return len(events)
    for index, (event, wanted) in enumerate(zip(events, expected["events"])):
        try:
            actual = parsed_event(event)
        except Exception as error:
            mismatches.append({"file": ics_path.name, "event": index, "error": repr(error)})
            continue
        if actual != wanted:
            mismatches.append(
                {
                    "file": ics_path.name,
                    "event": index,
                    "differences": {key: {"actual": actual.get(key), "expected": wanted.get(key)}
                                    for key in sorted(set(actual) | set(wanted)) if actual.get(key) != wanted.get(key)},
                }
            )
    return len(events)


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    directory = pathlib.Path(sys.argv[1])
    mismatches = []
    files = sorted(directory.glob("*.ics"))
    events = sum(check_file(path, mismatches) for path in files)
    print(json.dumps({"files": len(files), "events": events, "mismatches": mismatches}, ensure_ascii=True))
    return 0 if files and not mismatches else 1


if __name__ == "__main__":
    sys.exit(main())
