"""WSGI entry point for servers such as gunicorn: `denkraam.conf.wsgi:application`.

`application` honours forwarded headers from DENKRAAM_TRUSTED_PROXY only (conf/proxy.py). `denkraam serve` runs
`django_application` instead and lets waitress apply the same rules itself.
"""

from __future__ import annotations

import os

from django.core.wsgi import get_wsgi_application

from denkraam.conf.proxy import behind_trusted_proxy

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "denkraam.conf.settings")
django_application = get_wsgi_application()
application = behind_trusted_proxy(django_application)
