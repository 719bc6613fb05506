// What Mozilla's ical.js (Thunderbird, many web calendars) makes of our calendars.
// Run by tests/parsers.py: `node tests/icaljs_check.mjs FILE...`. For each file, one
// "FILE <path> <errors>" line (a parse failure, or a TZID the file does not declare:
// ical.js has no zone data of its own, so times come from the file's VTIMEZONE only),
// then per VEVENT: UID, SEQUENCE, STATUS, DTSTART and DTEND in UTC (a DATE stays a DATE),
// tab-separated, in the form libical prints them.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

function inUtc(time) {
  if (!time) return "-";
  if (time.isDate) return time.toICALString();
  return time.convertToZone(ICAL.Timezone.utcTimezone).toICALString();
}

for (const path of process.argv.slice(2)) {
  let root;
  try {
    root = new ICAL.Component(ICAL.parse(readFileSync(path, "utf8")));
  } catch (error) {
    console.log(`FILE\t${path}\tunparsable: ${error.message}`);
    continue;
  }
  ICAL.TimezoneService.reset();
  const declared = new Set();
  for (const zone of root.getAllSubcomponents("vtimezone")) {
    const timezone = new ICAL.Timezone(zone);
    ICAL.TimezoneService.register(timezone, timezone.tzid);
    declared.add(timezone.tzid);
  }
  // Parsed again now that the file's zones are known, so that every time carries one.
  root = new ICAL.Component(ICAL.parse(readFileSync(path, "utf8")));
  const lines = [];
  let errors = 0;
  for (const vevent of root.getAllSubcomponents("vevent")) {
    for (const name of ["dtstart", "dtend"]) {
      const tzid = vevent.getFirstProperty(name)?.getParameter("tzid");
      if (tzid && !declared.has(tzid)) errors += 1;
    }
    const event = new ICAL.Event(vevent);
    lines.push(
      [
        "EVENT",
        event.uid,
        event.sequence ?? 0,
        vevent.getFirstPropertyValue("status") ?? "-",
        inUtc(event.startDate),
        inUtc(event.endDate),
      ].join("\t"),
    );
  }
  console.log(`FILE\t${path}\t${errors}`);
  for (const line of lines) console.log(line);
}
