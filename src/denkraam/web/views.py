"""Site-wide pages: the start page and the frame."""

from __future__ import annotations

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from denkraam.framework import load_frame


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "web/home.html", {"frame": load_frame()})


@require_GET
def frame_page(request: HttpRequest) -> HttpResponse:
    return render(request, "web/frame.html", {"frame": load_frame()})


@require_GET
def health(request: HttpRequest) -> JsonResponse:
    """For load balancers and monitoring: the app answers and the database is reachable."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
