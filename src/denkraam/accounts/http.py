"""The request type of views behind `@login_required`, so the type checker knows who `request.user` is."""

from __future__ import annotations

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails

from denkraam.accounts.models import User


class AuthenticatedHttpRequest(HttpRequest):
    """A request of a logged-in user: `@login_required` sends everyone else to the login page before the view runs.

    An annotation only; Django still passes its own HttpRequest. `htmx` is set on every request by HtmxMiddleware.
    """

    user: User
    htmx: HtmxDetails
