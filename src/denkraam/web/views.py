"""Site-wide pages: the start page, the frame and "Mijn gesprekken" (where people land after logging in)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from denkraam.accounts.http import AuthenticatedHttpRequest
from denkraam.framework import load_frame
from denkraam.web.landing import landing_for_user


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "web/home.html", {"frame": load_frame()})


@require_GET
def frame_page(request: HttpRequest) -> HttpResponse:
    return render(request, "web/frame.html", {"frame": load_frame()})


@login_required
@require_GET
def my_conversations(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Open tasks first (questionnaires, conversations one leads, actions), then the organisations' initiatives."""
    landing = landing_for_user(user=request.user, today=timezone.localdate())
    return render(request, "web/my_conversations.html", {"landing": landing})


@require_GET
def health(request: HttpRequest) -> JsonResponse:
    """For load balancers and monitoring: the app answers and the database is reachable."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
