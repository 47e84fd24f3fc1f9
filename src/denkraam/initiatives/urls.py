from __future__ import annotations

app_name = "initiatives"

urlpatterns: list = []
