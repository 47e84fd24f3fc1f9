from __future__ import annotations

from django.urls import path

from denkraam.web import views

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("denkraam/", views.frame_page, name="frame"),
    path("mijn-gesprekken/", views.my_conversations, name="my_conversations"),
    path("gezond/", views.health, name="health"),
]
