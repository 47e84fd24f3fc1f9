"""Sign-on views: start at the provider, come back, log out (also at the provider)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render, resolve_url
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from denkraam.accounts.oidc.client import (
    SESSION_ID_TOKEN,
    SESSION_PROVIDER,
    oidc_authorization_finish,
    oidc_authorization_redirect,
    oidc_end_session_url,
    oidc_safe_next,
)
from denkraam.accounts.oidc.errors import OidcLoginError
from denkraam.accounts.oidc.selectors import oidc_login_allows_guest, oidc_provider_get, oidc_provider_list
from denkraam.accounts.oidc.services import oidc_user_sign_in

# The session remembers how someone logged in; a sign-on user has no password for the other backends to check.
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def _error(request: HttpRequest, error: OidcLoginError, next_url: str = "") -> HttpResponse:
    context = {**error.texts(), "provider": error.provider, "detail": error.detail, "next": next_url}
    return render(request, "accounts/oidc_error.html", context, status=error.status)


@never_cache
@require_GET
def oidc_start(request: HttpRequest, provider_id: str) -> HttpResponse:
    """Go to the provider's login page; `?next=` (a path on this site) is where the person lands afterwards."""
    provider = oidc_provider_get(provider_id=provider_id)
    next_url = oidc_safe_next(next_url=request.GET.get("next"))
    try:
        return oidc_authorization_redirect(request=request, provider=provider, next_url=next_url)
    except OidcLoginError as error:
        return _error(request, error, next_url)


@never_cache
@require_GET
def oidc_callback(request: HttpRequest, provider_id: str) -> HttpResponse:
    """The provider sends the person back here with a code; on success they are logged in."""
    provider = oidc_provider_get(provider_id=provider_id)
    try:
        result = oidc_authorization_finish(request=request, provider=provider)
        user = oidc_user_sign_in(
            provider=provider,
            claims=result.claims,
            allow_without_organisation=oidc_login_allows_guest(next_url=result.next_url),
        )
    except OidcLoginError as error:
        return _error(request, error)
    login(request, user, backend=MODEL_BACKEND)
    request.session[SESSION_PROVIDER] = provider.id
    request.session[SESSION_ID_TOKEN] = result.id_token
    return HttpResponseRedirect(result.next_url or resolve_url(settings.LOGIN_REDIRECT_URL))


class OidcLogoutView(auth_views.LogoutView):
    """Django's logout (POST only), and after it the provider's own logout when the person signed on there and
    the provider offers RP-initiated logout (end_session_endpoint); it sends them back to the start page."""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        provider_id = request.session.get(SESSION_PROVIDER)
        id_token = request.session.get(SESSION_ID_TOKEN, "")
        response = super().post(request, *args, **kwargs)
        provider = next((p for p in oidc_provider_list() if p.id == provider_id), None)
        end_session = oidc_end_session_url(provider=provider, id_token=id_token) if provider else None
        return HttpResponseRedirect(end_session) if end_session else response


logout = OidcLogoutView.as_view()
