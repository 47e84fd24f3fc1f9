from __future__ import annotations

from django.urls import path

from denkraam.housestyle import views

app_name = "housestyle"

# Under /organisaties/<slug>/huisstijl/ (conf/urls.py).
urlpatterns = [
    path("", views.house_style_detail, name="detail"),
    path("bewerken/", views.house_style_edit, name="edit"),
    path("uploaden/", views.house_style_upload, name="upload"),
    path("downloaden/", views.house_style_download, name="download"),
    path("versies/", views.house_style_versions, name="versions"),
    path("versies/<int:number>/", views.house_style_version, name="version"),
    path("versies/<int:number>/downloaden/", views.house_style_download, name="version_download"),
    path("versies/<int:number>/terugzetten/", views.house_style_restore, name="restore"),
]
