"""Concurrent use against a real server: gunicorn on 127.0.0.1 with the benchmark settings,
25 group members voting (and changing their votes) on an open item while 50 project leads
browse their proposals and projects, each pausing 1 to 3 seconds between requests as people
do, for a bounded time. Reports throughput, p50 and p95
latency and errors (which must be zero)."""

import http.cookiejar
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from demo.people import DEMO_PASSWORD
from governance import services
from governance.models import Attendance, Vote
from programme.models import Meeting, Membership, User

ROOT = Path(settings.BASE_DIR)
LEADS = 50
# People pause between requests (reading a page, choosing a vote): 1 to 3 seconds.
THINK = (1.0, 3.0)
LEAD_PAGES = ["/portal/proposals/", "/portal/projects/", "/portal/"]


def open_vote():
    """The next meeting in session with a vote open (the one already open, or one on its first
    decision item), the scale voters present. Run once per benchmark database (it is left in
    session)."""
    meeting = (
        Meeting.objects.filter(date__gte=timezone.localdate())
        .exclude(status=Meeting.Status.SCHEDULED)
        .order_by("date")
        .first()
    )
    if meeting is None:
        raise RuntimeError("No meeting with published papers: run seed_scale first.")
    officer = User.objects.get(email="programme@families.example")
    chair = Membership.objects.current(meeting.date).get(role=Membership.Role.CHAIR).user
    voters = list(User.objects.filter(first_name="Voter", email__endswith="@scale.example"))
    present = set(meeting.attendance.values_list("person_id", flat=True))
    for person in [chair, *voters]:
        if person.pk not in present:
            services.attendance_record(
                user=officer, meeting=meeting, person=person, capacity=Attendance.Capacity.MEMBER
            )
    if meeting.status == Meeting.Status.AGENDA_PUBLISHED:
        services.meeting_start(user=chair, meeting=meeting, today=meeting.date)
    vote = Vote.objects.filter(item__meeting=meeting, state=Vote.State.OPEN).first()
    if vote is not None:
        item = vote.item
    else:
        item = next(item for item in meeting.agenda.all() if item.is_decision_item)
        if Vote.objects.filter(item=item).exists():
            raise RuntimeError("The benchmark's vote has been closed; seed a new database.")
        services.vote_open(user=chair, item=item)
    return f"/portal/meetings/{meeting.pk}/items/{item.pk}/vote/cast/", voters


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Visitor:
    """One person's browser: cookies, CSRF token, timed requests."""

    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect
        )

    def _token(self):
        return next((c.value for c in self.jar if c.name == "csrftoken"), "")

    def request(self, path, data=None):
        body = None
        headers = {}
        if data is not None:
            body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": self._token()}).encode()
            headers["Referer"] = self.base + path
        # The base is our own server on 127.0.0.1, over HTTP.
        request = urllib.request.Request(  # noqa: S310
            self.base + path, data=body, headers=headers
        )
        try:
            with self.opener.open(request, timeout=30) as response:
                response.read()
                return response.status
        except urllib.error.HTTPError as error:
            return error.code

    def sign_in(self, email):
        self.request("/accounts/login/")
        status = self.request("/accounts/login/", {"username": email, "password": DEMO_PASSWORD})
        if status != 302:
            raise RuntimeError(f"{email} could not sign in ({status})")


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(workers, threads):
    port = _free_port()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.bench"}
    server = subprocess.Popen(  # noqa: S603 - our own gunicorn, fixed arguments
        [
            str(Path(sys.executable).with_name("gunicorn")),
            wsgi_target(),
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--threads",
            str(threads),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/accounts/login/", timeout=2).read()  # noqa: S310
            return server, base
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise RuntimeError("gunicorn did not start")


def wsgi_target():
    """The site's WSGI application as gunicorn names it ("config.wsgi:application")."""
    module, _dot, name = settings.WSGI_APPLICATION.rpartition(".")
    return f"{module}:{name}"


def run(duration=20, workers=None, threads=4):
    # One worker process per CPU: more only adds switching on a small machine.
    workers = workers or os.cpu_count() or 2
    vote_path, voters = open_vote()
    leads = list(
        User.objects.filter(first_name="Lead", email__endswith="@scale.example").order_by("pk")[
            :LEADS
        ]
    )
    server, base = start_server(workers, threads)
    latencies, errors, lock, by_path = [], [], threading.Lock(), {}
    stop_at = []
    # Everyone signs in first; the clock starts when the last one has.
    ready = threading.Barrier(
        len(voters) + len(leads) + 1,
        action=lambda: stop_at.append(time.monotonic() + duration),
    )

    def person(email, work):
        visitor = Visitor(base)
        try:
            visitor.sign_in(email)
        except Exception as error:  # noqa: BLE001 - counted as an error below
            with lock:
                errors.append(str(error))
        ready.wait()
        pause = random.Random(email)  # noqa: S311 - timing jitter, not security
        time.sleep(pause.uniform(0, THINK[1]))  # people do not all start at once
        turn = 0
        while time.monotonic() < stop_at[0]:
            path, data, expected = work(turn)
            started = time.perf_counter()
            try:
                status = visitor.request(path, data)
            except OSError as error:
                status = str(error)
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)
                by_path.setdefault(path, []).append(elapsed)
                if status != expected:
                    errors.append(f"{path}: {status}")
            turn += 1
            time.sleep(pause.uniform(*THINK))

    def voting(turn):
        return vote_path, {"choice": ["for", "against", "abstain"][turn % 3]}, 302

    def browsing(turn):
        return LEAD_PAGES[turn % len(LEAD_PAGES)], None, 200

    threads_list = [
        threading.Thread(target=person, args=(voter.email, voting)) for voter in voters
    ] + [threading.Thread(target=person, args=(lead.email, browsing)) for lead in leads]
    try:
        for thread in threads_list:
            thread.start()
        ready.wait()
        for thread in threads_list:
            thread.join()
    finally:
        server.terminate()
        server.wait(timeout=30)
    ordered = sorted(latencies)
    return {
        "benchmark": f"{len(voters)} members voting and {len(leads)} leads browsing",
        "duration_s": duration,
        "requests": len(latencies),
        "throughput_rps": len(latencies) / duration,
        "p50_ms": statistics.median(ordered) * 1000 if ordered else None,
        "p95_ms": ordered[int(len(ordered) * 0.95) - 1] * 1000 if ordered else None,
        "by_page": {
            ("vote" if path == vote_path else path): {
                "requests": len(times),
                "p50_ms": statistics.median(times) * 1000,
                "p95_ms": sorted(times)[int(len(times) * 0.95) - 1] * 1000,
            }
            for path, times in by_path.items()
        },
        "errors": len(errors),
        "error_samples": errors[:5],
        "server": f"gunicorn, {workers} workers x {threads} threads",
        "think_time_s": list(THINK),
        "target_p95_ms": 300,
    }
