#!/usr/bin/env python3
"""Two real site processes on one SQLite file, one key folder and one mail pickup folder (tests/scaleout/two-processes.sh).

Checks, and prints as it goes:
  1. both start together on an empty database: migrated and seeded once (no duplicate treatments);
  2. a patient's booking page comes from A and the form is posted to B: B accepts A's anti-forgery token (shared keys);
  3. bookings made on both, while both run the outbox pass every 200 ms: every email is written exactly once;
  4. a schedule stamp moved in the database (what a staff edit on the other instance writes) purges B's cached page
     within 5 s;
  5. the same reaches B's booking rules (their copy of the schedule): a doctor stopped elsewhere is refused within 5 s.
Test values only (example.test addresses, "Scale Test" patients). Exit code 0 when every check holds.
"""
import html
import http.cookiejar
import json
import os
import re
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from datetime import date, timedelta

site_dll, work = sys.argv[1], sys.argv[2]
content = sys.argv[3]
ports = (5211, 5212)
db_path = os.path.join(work, "clinic.db")
mail = os.path.join(work, "mail")
failures = []


def check(ok, what):
    print(("PASS  " if ok else "FAIL  ") + what, flush=True)
    if not ok:
        failures.append(what)


def start(port, name):
    env = dict(os.environ)
    env.update({
        "ASPNETCORE_ENVIRONMENT": "Production",
        "Database__Provider": "Sqlite",
        "Database__ConnectionString": f"Data Source={db_path}",
        "DataProtection__KeysPath": os.path.join(work, "keys"),
        "DataProtection__AllowUnencryptedKeys": "true",
        "Email__PickupFolder": mail,
        "Email__PollInterval": "00:00:00.200",
        "Email__ClinicInbox": "frontdesk@drchong-scaleout-tests.my",
        "Content__Path": content,
        "Clinic__StreetAddress": "1 Test Street (scale-out test settings)",
        "Clinic__Phone": "+60 3-1234 5678",
        "Clinic__Email": "clinic@drchong-scaleout-tests.my",
        "Clinic__PublicBaseUrl": "https://www.drchong-scaleout-tests.my",
        "Clinic__Reviewers__medical-director__Name": "Test Reviewer",
        "Clinic__Reviewers__medical-director__Credential": "MBBS (test settings)",
        "Database__SeedDoctors__0": "Dr Sample Doctor A",
        "Database__SeedDoctors__1": "Dr Sample Doctor B",
        "Security__SecureCookies": "false",
        "RateLimits__Booking__PermitLimit": "100000",
        "RateLimits__Slots__PermitLimit": "100000",
        "Booking__MaxActiveBookingsPerPhone": "100000",
    })
    log = open(os.path.join(work, f"site-{name}.log"), "w")
    return subprocess.Popen(["dotnet", site_dll, "--urls", f"http://127.0.0.1:{port}"], env=env,
                            cwd=os.path.dirname(site_dll), stdout=log, stderr=subprocess.STDOUT)


def base(port):
    return f"http://127.0.0.1:{port}"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def browser():
    jar = http.cookiejar.CookieJar()
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)


def get(opener, url):
    with opener.open(url, timeout=30) as response:
        return response.status, response.read().decode("utf-8")


def post(opener, url, fields):
    data = urllib.parse.urlencode(fields).encode()
    try:
        with opener.open(urllib.request.Request(url, data=data, method="POST"), timeout=30) as response:
            return response.status, ""
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace")


def wait_ready(port):
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            if get(browser(), base(port) + "/healthz")[0] == 200:
                return True
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    return False


processes = [start(ports[0], "a"), start(ports[1], "b")]
try:
    began = time.time()
    check(all(wait_ready(p) for p in ports), "both processes started together on an empty database and answer /healthz")
    if failures:
        raise SystemExit("a process did not start: see the site-a.log and site-b.log files")
    print(f"      start-up of both: {time.time() - began:.1f} s", flush=True)
    with sqlite3.connect(db_path) as db:
        codes = [row[0] for row in db.execute("SELECT Code FROM Treatments")]
    check(len(codes) > 0 and len(codes) == len(set(codes)), f"seeded once: {len(codes)} treatments, no duplicates")

    # Bookings: the page (and its anti-forgery token) from one instance, the POST to the other.
    day = date.today() + timedelta(days=3)
    times = []
    while not times:
        day += timedelta(days=1)
        _, body = get(browser(), f"{base(ports[0])}/book/slots?treatment=consultation&practitioner=any&date={day}")
        times = [t["value"] for t in json.loads(body)["times"]]
    bookings = min(10, len(times))
    accepted = 0
    run = uuid.uuid4().hex[:6]
    for i in range(bookings):
        page_from, post_to = (ports[0], ports[1]) if i % 2 == 0 else (ports[1], ports[0])
        patient = browser()
        _, page = get(patient, f"{base(page_from)}/book?treatment=consultation&practitioner=any&date={day}")
        form = re.search(r"<form[^>]*data-booking-form[^>]*>(.*?)</form>", page, re.S).group(1)
        fields = {}
        for tag in re.findall(r"<input[^>]*>", form):
            attributes = dict(re.findall(r'([\w-]+)="([^"]*)"', tag))
            if attributes.get("type") == "hidden" and "name" in attributes:
                fields[html.unescape(attributes["name"])] = html.unescape(attributes.get("value", ""))
        fields.update({"Slot": times[i], "Name": "Scale Test", "Email": f"scale-{run}-{i}@example.com",
                       "Phone": "012-345 6789", "Language": "en", "Consent": "true"})
        status, answer = post(patient, f"{base(post_to)}/book", fields)
        accepted += status == 303
        if status != 303:
            summary = re.search(r'<ul[^>]*>(.*?)</ul>', answer[answer.find("Please check"):], re.S)
            text = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", summary.group(1) if summary else ""))).strip()
            print(f"      booking {i}: {status} {text[:300]}", flush=True)
    check(accepted == bookings, f"{accepted} of {bookings} bookings accepted with a form from the other instance (shared anti-forgery keys)")

    # Both instances run the outbox pass every 200 ms: wait until nothing is pending, then count files.
    deadline = time.time() + 30
    while time.time() < deadline:
        with sqlite3.connect(db_path) as db:
            pending = db.execute("SELECT COUNT(*) FROM OutboxMessages WHERE Status = 'Pending'").fetchone()[0]
        if pending == 0:
            break
        time.sleep(0.2)
    with sqlite3.connect(db_path) as db:
        sent, tries = db.execute("SELECT COUNT(*), COALESCE(MAX(Attempts), 0) FROM OutboxMessages WHERE Status = 'Sent'").fetchone()
        other = db.execute("SELECT COUNT(*) FROM OutboxMessages WHERE Status <> 'Sent'").fetchone()[0]
    files = [f for f in os.listdir(mail) if f.endswith(".eml")] if os.path.isdir(mail) else []
    check(sent == 2 * bookings and other == 0, f"outbox: {sent} messages sent (patient + clinic notice per booking), {other} not sent")
    check(len(files) == sent and tries == 1, f"{len(files)} email files written for {sent} messages, each on its first try: none twice")

    # A schedule change saved on A renews CacheStamps in the same save; here the row is moved as that save would.
    client = browser()
    _, before = get(client, base(ports[1]) + "/doctors")
    with sqlite3.connect(db_path) as db:
        old = db.execute("SELECT Name FROM Practitioners ORDER BY Id LIMIT 1").fetchone()[0]
        new = f"Dr Renamed {run}"
        db.execute("UPDATE Practitioners SET Name = ? WHERE Name = ?", (new, old))
        db.execute("UPDATE CacheStamps SET Value = ? WHERE Name = 'schedule'", (str(uuid.uuid4()).upper(),))
    changed = time.time()
    while new not in get(client, base(ports[1]) + "/doctors")[1] and time.time() - changed < 10:
        time.sleep(0.1)
    took = time.time() - changed
    check(old in before and took < 5, f"B's cached doctors page showed the change after {took:.1f} s (at most 5)")

    # The booking rules keep their own copy of the schedule (ScheduleCache), forgotten by the same stamp: a doctor
    # stopped on A is refused by B's free-time look-up within 5 s.
    with sqlite3.connect(db_path) as db:
        doctor = db.execute("SELECT Id FROM Practitioners WHERE IsActive = 1 ORDER BY Id LIMIT 1").fetchone()[0]
    slots = f"{base(ports[1])}/book/slots?treatment=consultation&practitioner={doctor}&date={day}"

    def slots_status():
        try:
            return get(client, slots)[0]
        except urllib.error.HTTPError as e:
            return e.code

    offered = slots_status()
    with sqlite3.connect(db_path) as db:
        db.execute("UPDATE Practitioners SET IsActive = 0 WHERE Id = ?", (doctor,))
        db.execute("UPDATE CacheStamps SET Value = ? WHERE Name = 'schedule'", (str(uuid.uuid4()).upper(),))
    changed = time.time()
    while slots_status() != 400 and time.time() - changed < 10:
        time.sleep(0.1)
    took = time.time() - changed
    check(offered == 200 and took < 5, f"B's booking rules refused the doctor stopped elsewhere after {took:.1f} s (at most 5)")
finally:
    for p in processes:
        p.terminate()
    for p in processes:
        p.wait(timeout=30)

print("all checks passed" if not failures else f"{len(failures)} check(s) failed", flush=True)
sys.exit(1 if failures else 0)
