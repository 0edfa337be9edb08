// Per-day open minutes of opening_hours expressions, by opening_hours.js (the reference
// parser of the OpenStreetMap ecosystem), for the differential test of mfs_core.hours
// (test_hours_differential.py).
//
// Usage: node opening_hours_js.js PACKAGE_DIR < requests.jsonl > answers.jsonl
// Each request is {"expression": "...", "monday": "YYYY-MM-DD"}; each answer is
// {"minutes": [7 numbers, Monday first]} (open time; unknown time, e.g. an open end, in
// "unknown_minutes") or {"error": "..."}. Run with TZ=UTC: days are cut at midnight of the
// process's time zone, and UTC has no daylight-saving jump.
"use strict";
const readline = require("readline");
const OpeningHours = require(process.argv[2]);

// France, Paris: public holidays of France, school holidays of zone C. The test weeks hold
// neither, so the zone does not change the answer.
const NOMINATIM = { lat: 48.8566, lon: 2.3522, address: { country_code: "fr", state: "Île-de-France" } };
const DAY = 24 * 3600 * 1000;

function minutes(expression, monday) {
  const oh = new OpeningHours(expression, NOMINATIM, { mode: 0, warnings_severity: 0 });
  const from = new Date(monday + "T00:00:00Z");
  const to = new Date(from.getTime() + 7 * DAY);
  const open = [0, 0, 0, 0, 0, 0, 0];
  const unknown = [0, 0, 0, 0, 0, 0, 0];
  for (const [start, end, isUnknown] of oh.getOpenIntervals(from, to)) {
    // Cut at each midnight and file each piece under its day.
    for (let t = start.getTime(); t < end.getTime(); ) {
      const day = Math.floor((t - from.getTime()) / DAY);
      const stop = Math.min(end.getTime(), from.getTime() + (day + 1) * DAY);
      (isUnknown ? unknown : open)[day] += (stop - t) / 60000;
      t = stop;
    }
  }
  return { minutes: open, unknown_minutes: unknown };
}

const lines = readline.createInterface({ input: process.stdin });
lines.on("line", (line) => {
  const request = JSON.parse(line);
  let answer;
  try {
    answer = minutes(request.expression, request.monday);
  } catch (error) {
    answer = { error: String(error).split("\n")[0] };
  }
  process.stdout.write(JSON.stringify(answer) + "\n");
});
