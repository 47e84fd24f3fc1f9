"""Dutch error pages (wired as handler400/403/404/500 in conf/urls.py).

403 and 404 show the app's own Dutch reason (`raise Http404("Dit gesprek bestaat niet.")`), escaped like any other
text. 400 and 500 are rendered without the request: no context processors, session or database, any of which may be
what failed; and they never show the exception.
"""

from __future__ import annotations

import logging

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, HttpResponseServerError
from django.shortcuts import render
from django.template import loader

from denkraam import __version__

logger = logging.getLogger(__name__)

# The last resort when even the 500 page cannot be rendered (a broken template or static file set-up).
FALLBACK = (
    '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Er ging iets mis – denkraam</title></head>'
    "<body><h1>Er ging iets mis</h1><p>Bij denkraam ging iets mis. Dat ligt niet aan u. Probeer het over een paar "
    'minuten opnieuw.</p><p><a href="/">Naar de startpagina</a></p></body></html>'
)


def _reason(exception: Exception) -> str:
    """The reason the app gave, if it gave one as text; not the exception's class name, and not the dictionary of
    tried patterns that Django's URL resolver carries."""
    message = exception.args[0] if exception.args else ""
    return message if isinstance(message, str) else ""


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "404.html", {"reason": _reason(exception)}, status=404)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "403.html", {"reason": _reason(exception)}, status=403)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A refused form (settings.CSRF_FAILURE_VIEW): what to do, in Dutch, with the menu of whoever is logged in.

    Django's reason ("CSRF cookie not set.") is English and technical: the middleware logs it, the page does not
    show it.
    """
    return render(request, "403_csrf.html", status=403)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    return HttpResponseBadRequest(_render_without_request("400.html"))


def server_error(request: HttpRequest) -> HttpResponse:
    return HttpResponseServerError(_render_without_request("500.html"))


def _render_without_request(template_name: str) -> str:
    try:
        return loader.get_template(template_name).render({"denkraam_version": __version__})
    except Exception:  # the page that reports a failure must not fail itself
        logger.exception("The error page %s could not be rendered", template_name)
        return FALLBACK
