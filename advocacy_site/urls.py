from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from advocacy_site.health import healthz
from documents import views as document_views
from documents.api import api
from documents.api.popolo import popolo_dump
from documents.sitemaps import SITEMAPS, robots_txt

urlpatterns = [
    path("", document_views.home, name="home"),
    path("healthz", healthz, name="healthz"),
    path("favicon.ico", document_views.favicon, name="favicon"),
    path("robots.txt", robots_txt, name="robots-txt"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap-index",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
    path("admin/", admin.site.urls),
    path("api/popolo.json", popolo_dump, name="popolo"),
    path("api/", api.urls),
    path("", include("documents.urls")),
    path("", include("organizations.urls")),
    path("", include("documents.oai.urls")),
]

admin.site.site_header = "Migrant-labour advocacy archive"
admin.site.site_title = "Archive curators"
admin.site.index_title = "Curator workspace"
